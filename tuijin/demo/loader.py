"""Load the demo region (a Lanzhou-like city) into the database, idempotently.

Every row is keyed on its natural key (names, codes, years); a second run finds every row in
place and writes nothing, so counts and the audit history stay the same. The data lives in
`tuijin/demo/data/`, one module (or package) per domain; this module only maps it onto the
models, one function per domain, inside one transaction.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction

from tuijin.documents.models import Document
from tuijin.geo.models import Area
from tuijin.industry.models import Chain, ChainLink, Cluster, Enterprise
from tuijin.orgs.models import Group, Membership, Person, Unit, UnitAlias
from tuijin.plans.models import Assignment, Indicator, Measurement, Stage, Target, Task
from tuijin.projects.models import AnnualPlan, Event, ProgressReport, Project

from .data import areas as areas_data
from .data import groups as groups_data
from .data import industry as industry_data
from .data import projects as projects_data
from .data import targets as targets_data
from .data import tasks as tasks_data
from .data import units as units_data
from .rows import Rows, UnitIndex, _date, _dec, _set_m2m
from .users import ensure_demo_users

DEFAULT_PASSWORD = "tuijin-demo"
ADMIN_USERNAME = "admin"


@dataclass
class DemoSummary:
    counts: dict[str, int] = field(default_factory=dict)
    logins: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- one function per domain


def load_units() -> UnitIndex:
    units = Rows(Unit, "name")
    index = UnitIndex()
    for row in units_data.UNITS:
        unit = units.put(
            name=row["name"], short_name=row["short"], kind=row["kind"], note=row["note"]
        )
        index.add(unit.name, unit)
        index.add(row["short"], unit)
    for row in units_data.UNITS:
        parent = index.one(row["parent"]) if row["parent"] else None
        units.put(name=row["name"], parent=parent)
    aliases = Rows(UnitAlias, "name")
    for row in units_data.UNITS:
        unit = index.one(row["name"])
        for name in row["aliases"]:
            aliases.put(name=name, unit=unit, kind="alias", valid_to=None, note="")
            index.add(name, unit)
        for name, until in row["former"]:
            aliases.put(
                name=name,
                unit=unit,
                kind="former",
                valid_to=_date(until),
                note="机构改革前的名称",
            )
            index.add(name, unit)
    return index


def load_areas(units: UnitIndex) -> dict[str, Area]:
    rows = Rows(Area, "name")
    for row in areas_data.AREAS:
        rows.put(
            name=row["name"],
            short_name=row.get("short", ""),
            kind=row["kind"],
            layout_role=row["layout_role"],
            positioning=row["positioning"],
            land_area_km2=_dec(row.get("land_area_km2")),
            managing_unit=units.one(row["managing_unit"]),
        )
    found = {a.name: a for a in rows.rows.values()}
    for row in areas_data.AREAS:
        rows.put(name=row["name"], parent=found[row["parent"]] if row["parent"] else None)
    return found


def load_industry(units: UnitIndex, areas: dict[str, Area]) -> dict[str, Any]:
    clusters: dict[str, Cluster] = {}
    cluster_rows = Rows(Cluster, "name")
    for row in industry_data.CLUSTERS:
        cluster = cluster_rows.put(
            name=row["name"],
            tier=row["tier"],
            target_output=_dec(row["target_output"]),
            target_year=industry_data.TARGET_YEAR,
            current_output=_dec(row["current_output"]),
            lead_unit=units.one(row["lead_unit"]),
            description=row["description"],
        )
        _set_m2m(cluster, "areas", [areas[a] for a in row["areas"]])
        clusters[cluster.name] = cluster
    chain_rows, link_rows = Rows(Chain, "name"), Rows(ChainLink, "chain", "name")
    links: dict[tuple[str, str], ChainLink] = {}
    for row in industry_data.CHAINS:
        chain = chain_rows.put(
            name=row["name"], cluster=clusters[row["cluster"]], description=row["description"]
        )
        for order, (name, position, action) in enumerate(row["links"], start=1):
            links[(chain.name, name)] = link_rows.put(
                chain=chain, name=name, order=order, position=position, action=action
            )
    enterprises: dict[str, Enterprise] = {}
    enterprise_rows = Rows(Enterprise, "name")
    for row in industry_data.ENTERPRISES:
        enterprise = enterprise_rows.put(
            name=row["name"],
            unit=units.one(row["unit"]) if row["unit"] else None,
            area=areas[row["area"]],
            cluster=clusters[row["cluster"]],
            chain_leader=row["chain_leader"],
            description=row["description"],
        )
        _set_m2m(enterprise, "chain_links", [links[key] for key in row["links"]])
        enterprises[enterprise.name] = enterprise
    return {"clusters": clusters, "links": links, "enterprises": enterprises}


def load_groups(units: UnitIndex) -> None:
    group_rows = Rows(Group, "name")
    person_rows = Rows(Person, "name", "unit")
    membership_rows = Rows(Membership, "group", "person", "role")
    groups: dict[str, Group] = {}
    people: dict[tuple[str, int], Person] = {}
    for row in groups_data.GROUPS:
        group = group_rows.put(
            name=row["name"],
            kind=row["kind"],
            parent=groups[row["parent"]] if row["parent"] else None,
            lead_unit=units.one(row["lead_unit"]),
            duties=row["duties"],
            order=row["order"],
        )
        groups[group.name] = group
        for role, name, title, written in row["members"]:
            unit = units.one(written)
            person = people.get((name, unit.pk))
            if person is None:  # the first mention fixes a person's title
                person = person_rows.put(name=name, unit=unit, title=title)
                people[(name, unit.pk)] = person
            membership_rows.put(group=group, person=person, role=role, unit=unit)


def load_document() -> Document:
    row = tasks_data.DOCUMENT
    digest = hashlib.sha256(f"{row['title']}\n{row['text']}".encode()).hexdigest()
    issued = _date(row["issued_on"])
    assert issued is not None
    confirmed = datetime.combine(issued, time(9, 0), tzinfo=ZoneInfo("Asia/Shanghai"))
    return Rows(Document, "sha256").put(
        sha256=digest,
        title=row["title"],
        doc_number=row["doc_number"],
        issuer=row["issuer"],
        issued_on=issued,
        date_text=row["date_text"],
        kind=row["kind"],
        status="confirmed",
        text=row["text"],
        original_name="",
        confirmed_at=confirmed,
    )


def _status(code: str) -> tuple[str, int]:
    if code == "D":
        return "done", 100
    if code == "N":
        return "not_started", 0
    kind = {"P": "in_progress", "B": "blocked"}[code[0]]
    return kind, int(code[1:])


def _roll_up(leaves: list[tuple[Any, ...]]) -> dict[str, Any]:
    """A section's status and progress from its tasks: the mean progress; done when all are
    (a blocked task shows on the task itself, not on its whole section)."""
    states = [_status(leaf[-1]) for leaf in leaves]
    progress = round(sum(p for _, p in states) / len(states))
    if all(s == "done" for s, _ in states):
        return {"status": "done", "progress": 100}
    started = any(s != "not_started" for s, _ in states)
    return {"status": "in_progress" if started else "not_started", "progress": progress}


def load_tasks(units: UnitIndex, document: Document) -> None:
    stage_rows = Rows(Stage, "document", "name")
    for order, row in enumerate(tasks_data.STAGES, start=1):
        stage_rows.put(
            document=document,
            name=row["name"],
            start_date=_date(row["start_date"]),
            end_date=_date(row["end_date"]),
            description=row["description"],
            order=order,
        )
    task_rows = Rows(Task, "document", "code")
    assignment_rows = Rows(Assignment, "task", "unit", "role")
    order = 0

    def put(parent: Task | None, code: str, title: str, section: str, **extra: Any) -> Task:
        nonlocal order
        order += 1
        return task_rows.put(
            document=document,
            code=code,
            parent=parent,
            title=title,
            section=section,
            order=order,
            **extra,
        )

    for label1, title1, subsections in tasks_data.SECTIONS:
        top = put(
            None, label1, title1, "", **_roll_up([lf for _, _, ls in subsections for lf in ls])
        )
        for label2, title2, leaves in subsections:
            code2 = f"{label1}、{label2}"
            path = f"{label1}、{title1} › {label2}{title2}"
            middle = put(top, code2, title2, f"{label1}、{title1}", **_roll_up(leaves))
            for number, (title, text, leads, responsibles, deadline, code) in enumerate(
                leaves, start=1
            ):
                status, progress = _status(code)
                due = _date(deadline)
                assert due is not None
                task = put(
                    middle,
                    f"{code2}{number}",
                    title,
                    path,
                    text=text,
                    deadline=due,
                    deadline_text=f"{due.year}年{due.month}月底前",
                    status=status,
                    progress=progress,
                )
                for role, written_names in (("lead", leads), ("responsible", responsibles)):
                    for written in written_names:
                        for unit in units.many(written):
                            assignment_rows.put(
                                task=task, unit=unit, role=role, unit_as_written=written
                            )


def load_targets(units: UnitIndex, areas: dict[str, Area], clusters: dict[str, Cluster]) -> None:
    indicator_rows = Rows(Indicator, "name")
    indicators: dict[str, Indicator] = {}
    for row in targets_data.INDICATORS:
        indicators[row["name"]] = indicator_rows.put(
            name=row["name"],
            unit_label=row["unit_label"],
            category=row["category"],
            direction=row.get("direction", "higher"),
            description=row["description"],
        )
    target_rows = Rows(Target, "indicator", "area", "cluster", "year", "kind", "tier")
    for indicator, area, cluster, year, unit, values, text in targets_data.TARGETS:
        for tier, value in zip(("base", "stretch", "aspiration"), values, strict=False):
            target_rows.put(
                indicator=indicators[indicator],
                area=areas[area] if area else None,
                cluster=clusters[cluster] if cluster else None,
                year=year,
                kind="target",
                tier=tier,
                value=Decimal(value),
                unit=unit,
                text=text,
            )
    measurement_rows = Rows(Measurement, "indicator", "area", "cluster", "year", "month")
    for indicator, area, cluster, year, month, value, unit, by, note in targets_data.MEASUREMENTS:
        measurement_rows.put(
            indicator=indicators[indicator],
            area=areas[area] if area else None,
            cluster=clusters[cluster] if cluster else None,
            year=year,
            month=month,
            value=Decimal(value),
            unit=unit,
            reported_by=units.one(by),
            note=note,
        )


def load_projects(units: UnitIndex, areas: dict[str, Area], industry: dict[str, Any]) -> None:
    project_rows = Rows(Project, "name")
    plan_rows = Rows(AnnualPlan, "project", "year")
    report_rows = Rows(ProgressReport, "project", "year", "month")
    projects: dict[str, Project] = {}
    for row in projects_data.PROJECTS:
        lead = units.one(row["lead_unit"])
        project = project_rows.put(
            name=row["name"],
            code=row["code"],
            content=row["content"],
            total_investment=_dec(row["total_investment"]),
            stage=row["stage"],
            list=row["list"],
            start_year=row["start_year"],
            end_year=row["end_year"],
            planned_start=_date(row["planned_start"]),
            area=areas[row["area"]],
            cluster=industry["clusters"][row["cluster"]] if row["cluster"] else None,
            chain_link=industry["links"][row["chain_link"]] if row["chain_link"] else None,
            enterprise=industry["enterprises"][row["enterprise"]] if row["enterprise"] else None,
            lead_unit=lead,
            responsible_leader=row["responsible_leader"],
            progress_note=row["progress_note"],
            problems=row["problems"],
        )
        _set_m2m(project, "responsible_units", [units.one(u) for u in row["responsible_units"]])
        for plan in row["annual_plans"]:
            plan_rows.put(
                project=project,
                year=plan["year"],
                planned_investment=Decimal(plan["planned_investment"]),
                milestones=plan["milestones"],
            )
        for report in row["progress_reports"]:
            report_rows.put(
                project=project,
                year=report["year"],
                month=report["month"],
                completed_investment=Decimal(report["completed_investment"]),
                cumulative_investment=Decimal(report["cumulative_investment"]),
                progress=report["progress"],
                problems=report["problems"],
                reported_by=lead,
            )
        projects[project.name] = project
    event_rows = Rows(Event, "kind", "name", "date")
    for row in projects_data.EVENTS:
        event = event_rows.put(
            kind=row["kind"],
            name=row["name"],
            date=_date(row["date"]),
            area=areas[row["area"]],
            total_investment=_dec(row["total_investment"]),
            description=row["description"],
        )
        _set_m2m(event, "projects", [projects[n] for n in row["projects"]])


def ensure_admin(password: str) -> None:
    """The superuser `admin`; its password is set to PASSWORD when it differs."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=ADMIN_USERNAME)
    changed = not (user.is_superuser and user.is_staff and user.is_active)
    user.is_superuser = user.is_staff = user.is_active = True
    if not user.check_password(password):
        user.set_password(password)
        changed = True
    if changed:
        user.save()


COUNTED: list[tuple[str, Any]] = [
    ("单位", Unit.objects),
    ("单位别名", UnitAlias.objects),
    ("区域", Area.objects),
    ("产业集群", Cluster.objects),
    ("产业链", Chain.objects),
    ("产业链环节", ChainLink.objects),
    ("企业", Enterprise.objects),
    ("链主企业", Enterprise.objects.filter(chain_leader=True)),
    ("领导小组/推进组", Group.objects),
    ("人员", Person.objects),
    ("小组成员", Membership.objects),
    ("任务", Task.objects),
    ("任务分工", Assignment.objects),
    ("实施阶段", Stage.objects),
    ("指标", Indicator.objects),
    ("目标", Target.objects),
    ("实际值", Measurement.objects),
    ("重点项目", Project.objects),
    ("年度投资计划", AnnualPlan.objects),
    ("项目进展", ProgressReport.objects),
    ("集中活动", Event.objects),
]


def demo_counts() -> dict[str, int]:
    return {label: qs.count() for label, qs in COUNTED}


def load_demo(password: str | None = None) -> DemoSummary:
    """Load (or refresh) the demo region and the `admin` superuser; safe to run again."""
    password = password or os.environ.get("TUIJIN_DEMO_PASSWORD") or DEFAULT_PASSWORD
    with transaction.atomic():
        units = load_units()
        areas = load_areas(units)
        industry = load_industry(units, areas)
        load_groups(units)
        load_tasks(units, load_document())
        load_targets(units, areas, industry["clusters"])
        load_projects(units, areas, industry)
        ensure_admin(password)
        role_logins = ensure_demo_users(password)
    return DemoSummary(
        counts=demo_counts(),
        logins=[f"{ADMIN_USERNAME} / {password} （超级管理员）", *role_logins],
    )
