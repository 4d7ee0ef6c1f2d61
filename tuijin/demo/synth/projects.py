"""Key projects with their stage, investment, units, annual plans and monthly progress."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

from tuijin.orgs.models import Unit
from tuijin.projects.models import AnnualPlan, ProgressReport, Project

from . import words
from .common import Ctx, chunks, money, months_back
from .region import Region

STAGES = [("reserve", 12), ("preparing", 18), ("new", 22), ("continuing", 36), ("completed", 12)]
LISTS = {
    "reserve": "reserve",
    "preparing": "preparation",
    "new": "construction",
    "continuing": "construction",
    "completed": "",
}
PROGRESS_MONTHS = 24
CIVIC_SUFFIXES = ["项目", "工程", "一期工程", "二期工程", "建设项目"]
NUMERALS = "一二三四五六七八九"


@dataclass
class Plan:
    """What the generator decided about one project beyond its row."""

    build_from: int | None  # month index (year*12+month-1) construction starts, None: not yet
    build_to: int | None  # month index it was completed, None: still building
    pace: float  # completed investment against plan (1.0 on schedule)
    silent_months: int  # the last months it did not report


@dataclass
class Ledger:
    projects: list[Project]
    responsible: dict[int, list[Unit]]  # project id → responsible units
    # (project id, year, month) → (completed, cumulative), for the months reports look at
    progress_at: dict[tuple[int, int, int], tuple[Decimal, Decimal]]


def _investment(ctx: Ctx) -> float:
    """Total investment in 亿元: log-normal around 4 亿, from 0.2 to 500 亿."""
    return min(500.0, max(0.2, math.exp(ctx.rng.gauss(math.log(4), 1.1))))


def _name(ctx: Ctx, region: Region, cluster_pk: int | None, prefix: str, used: set[str]) -> str:
    rng = ctx.rng
    for _attempt in range(8):
        if cluster_pk is None:
            name = f"{prefix}{ctx.pick(words.CIVIC_WORKS)}{ctx.pick(CIVIC_SUFFIXES)}"
        else:
            capacity = ctx.pick(words.CAPACITY).format(
                n=rng.choice([1, 2, 3, 5, 6, 8, 10, 12, 15, 20, 30, 50, 100])
            )
            product = ctx.pick(region.cluster_products[cluster_pk])
            name = f"{prefix}{capacity}{product}{ctx.pick(words.PROJECT_SUFFIXES)}"
        if name not in used:
            used.add(name)
            return name
    n = 2
    while f"{name}（{n}号地块）" in used:
        n += 1
    used.add(f"{name}（{n}号地块）")
    return f"{name}（{n}号地块）"


def _stage(ctx: Ctx) -> str:
    roll = ctx.rng.randrange(100)
    for stage, weight in STAGES:
        if roll < weight:
            return stage
        roll -= weight
    return "continuing"


def build_projects(ctx: Ctx, region: Region, count: int) -> Ledger:
    rng, today = ctx.rng, ctx.today
    now_index = today.year * 12 + today.month - 1
    used: set[str] = set()
    rows: list[Project] = []
    plans: list[Plan] = []
    responsible: list[list[Unit]] = []
    for i in range(count):
        district = ctx.pick(region.districts)
        civic = rng.random() < 0.2
        cluster = None if civic else ctx.pick(region.clusters)
        area = (
            district.area
            if civic or not district.parks or rng.random() < 0.3
            else ctx.pick(district.parks)
        )
        enterprise = None
        if cluster is not None and region.cluster_enterprises[cluster.pk] and rng.random() < 0.6:
            enterprise = ctx.pick(region.cluster_enterprises[cluster.pk])
        prefix = (
            region.enterprise_units[enterprise.pk].short_name[:2] if enterprise else area.short_name
        )
        name = _name(ctx, region, cluster.pk if cluster else None, prefix, used)
        stage = _stage(ctx)
        total = _investment(ctx)
        y = today.year
        planned_start: dt.date | None
        if stage == "continuing":
            start_year, end_year = y - rng.randint(1, 3), y + rng.randint(0, 3)
            planned_start = dt.date(start_year, rng.randint(2, 10), 1)
        elif stage == "new":
            start_year, end_year = y, y + rng.randint(1, 3)
            planned_start = dt.date(y, rng.randint(2, max(2, today.month - 1)), rng.randint(1, 28))
        elif stage == "preparing":
            start_year = y + rng.randint(0, 1)
            end_year = start_year + rng.randint(1, 3)
            planned_start = dt.date(start_year, rng.randint(1, 12), 1)
        elif stage == "reserve":
            start_year = y + rng.randint(1, 2)
            end_year = start_year + rng.randint(1, 4)
            planned_start = (
                dt.date(start_year, rng.randint(1, 12), 1) if rng.random() < 0.4 else None
            )
        else:  # completed
            start_year = y - rng.randint(2, 4)
            end_year = y - rng.randint(0, 1)
            planned_start = dt.date(start_year, rng.randint(2, 10), 1)
        build_from = build_to = None
        if stage in ("continuing", "new", "completed") and planned_start is not None:
            build_from = planned_start.year * 12 + planned_start.month - 1
        if stage == "completed":
            last = min(now_index - 1, end_year * 12 + 11)
            build_to = max(build_from or last, last - rng.randint(0, 10))
        plans.append(
            Plan(
                build_from=build_from,
                build_to=build_to,
                pace=max(0.1, rng.gauss(0.95, 0.3)),
                silent_months=rng.choice([1, 2, 3]) if rng.random() < 0.05 else 0,
            )
        )
        if district.departments and rng.random() < 0.5:
            lead = (
                district.government
                if area == district.area
                else region.zone_units.get(area.pk, district.government)
            )
        else:
            lead = ctx.pick(region.city_departments)
        pool = [*district.departments[:6], *region.city_departments[:8], district.government]
        shares = [u for u in rng.sample(pool, min(len(pool), rng.randint(1, 3))) if u != lead]
        if enterprise is not None:
            shares.insert(0, region.enterprise_units[enterprise.pk])
        responsible.append(shares)
        product = name[len(prefix) :]
        rows.append(
            Project(
                name=name,
                code=f"XM{start_year}{i + 1:06d}",
                content=f"总投资{total:.2f}亿元，建设{product}，包括主体工程、配套设施和相关设备购置安装。",
                total_investment=money(total),
                stage=stage,
                list=LISTS[stage],
                start_year=start_year,
                end_year=end_year,
                planned_start=planned_start,
                area=area,
                cluster=cluster,
                chain_link=ctx.pick(region.cluster_links[cluster.pk])
                if cluster is not None and rng.random() < 0.7
                else None,
                enterprise=enterprise,
                lead_unit=lead,
                responsible_leader=f"{ctx.pick(words.SURNAMES)}{ctx.pick(words.GIVEN)}（{ctx.pick(words.LEADERS)}）",
                progress_note="",
                problems=ctx.pick(words.PROBLEMS) if rng.random() < 0.1 else "",
            )
        )
    with ctx.timed(f"重点项目 {count}"):
        ctx.bulk(Project, rows)
        through = Project.responsible_units.through
        ctx.bulk(
            through,
            [
                through(project_id=p.pk, unit_id=u.pk)
                for p, units in zip(rows, responsible, strict=True)
                for u in units
            ],
        )
    progress_at: dict[tuple[int, int, int], tuple[Decimal, Decimal]] = {}
    with ctx.timed("年度计划与月度进展"):
        months = months_back(today, PROGRESS_MONTHS)
        keep = set(months[-3:])
        notes: list[Project] = []
        for part in chunks(list(zip(rows, plans, strict=True)), 500):
            annual: list[AnnualPlan] = []
            reports: list[ProgressReport] = []
            for project, plan in part:
                yearly = _annual_plans(ctx, project, plan)
                annual += yearly.values()
                reports += _progress(ctx, project, plan, yearly, months, keep, progress_at, notes)
            ctx.bulk(AnnualPlan, annual)
            ctx.bulk(ProgressReport, reports)
        Project.objects.bulk_update(notes, ["progress_note"], batch_size=1000)
    return Ledger(
        projects=rows,
        responsible={p.pk: units for p, units in zip(rows, responsible, strict=True)},
        progress_at=progress_at,
    )


def _building(plan: Plan, index: int) -> bool:
    if plan.build_from is None or index < plan.build_from:
        return False
    return plan.build_to is None or index <= plan.build_to


def _annual_plans(ctx: Ctx, project: Project, plan: Plan) -> dict[int, AnnualPlan]:
    out: dict[int, AnnualPlan] = {}
    assert project.start_year is not None and project.end_year is not None
    total = float(project.total_investment or 0)
    years = project.end_year - project.start_year + 1
    for year in (ctx.today.year - 1, ctx.today.year):
        active = any(_building(plan, year * 12 + m) for m in range(12))
        preparing = project.stage == "preparing" and project.start_year == year
        if not (active or preparing):
            continue
        # a plan covers the months the project builds that year
        building = sum(1 for m in range(12) if _building(plan, year * 12 + m)) / 12
        amount = total * 0.1 if preparing else total / years * building * ctx.rng.uniform(0.8, 1.2)
        out[year] = AnnualPlan(
            project=project,
            year=year,
            planned_investment=money(amount),
            milestones=f"{year}年完成年度投资计划，{ctx.pick(words.PROGRESS_NOTES['building'])}",
        )
    return out


def _progress(
    ctx: Ctx,
    project: Project,
    plan: Plan,
    yearly: dict[int, AnnualPlan],
    months: list[tuple[int, int]],
    keep: set[tuple[int, int]],
    progress_at: dict[tuple[int, int, int], tuple[Decimal, Decimal]],
    notes: list[Project],
) -> list[ProgressReport]:
    rng = ctx.rng
    rows: list[ProgressReport] = []
    cumulative = Decimal(0)
    stop = len(months) - plan.silent_months
    text = ""
    for n, (year, month) in enumerate(months):
        index = year * 12 + month - 1
        if month == 1:
            cumulative = Decimal(0)
        if n >= stop:
            break
        if plan.build_to is not None and index > plan.build_to:  # in operation
            done = Decimal(0)
            text = ctx.pick(words.PROGRESS_NOTES["completed"])
        elif _building(plan, index):
            base = (
                yearly[year].planned_investment if year in yearly else project.total_investment or 0
            )
            span = sum(1 for m in range(12) if _building(plan, year * 12 + m)) or 12
            done = money(float(base) / span * plan.pace * rng.uniform(0.5, 1.5))
            text = ctx.pick(words.PROGRESS_NOTES["building"])
        else:
            done = Decimal(0)
            kind = "reserve" if project.stage == "reserve" else "preparing"
            text = ctx.pick(words.PROGRESS_NOTES[kind])
        if plan.build_to is not None and index == plan.build_to:
            text = ctx.pick(words.PROGRESS_NOTES["completed"])
        cumulative += done
        rows.append(
            ProgressReport(
                project=project,
                year=year,
                month=month,
                completed_investment=done,
                cumulative_investment=cumulative,
                progress=text,
                problems=ctx.pick(words.PROBLEMS) if rng.random() < 0.08 else "",
                reported_by_id=project.lead_unit_id,
            )
        )
        if (year, month) in keep:
            progress_at[(project.pk, year, month)] = (done, cumulative)
    if text:
        project.progress_note = text
        notes.append(project)
    return rows
