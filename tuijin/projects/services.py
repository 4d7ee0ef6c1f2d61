"""Writes of the project ledger.

Excel import, in two steps a web view, the API and the CLI share:

    preview = project_import_preview(file_bytes)     # read and check, nothing written
    result = project_import_commit(preview=preview, actor=user)   # all rows, one transaction

A project is keyed on its name (spaces, quotes and brackets ignored); its annual plan on
(project, year), its progress on (project, year, month). A blank cell leaves the ledger's value
as it is, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from simple_history.utils import bulk_create_with_history

from tuijin.accounts.permissions import require
from tuijin.core import figures_cache
from tuijin.core.audit import actor_or_none, stamp
from tuijin.core.errors import ServiceError
from tuijin.core.excel import Preview, name_key
from tuijin.core.types import UserLike

from .excel import FIELD_LABELS, ProjectRow, project_ledger_read
from .models import AnnualPlan, ProgressReport, Project

CHANGE_REASON = "Excel导入"


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return f"新增 {self.created}，更新 {self.updated}，无变化 {self.unchanged}"


class _Ledger:
    """The ledger rows an import touches, loaded in a few queries, and what would change."""

    def __init__(self, rows: list[ProjectRow]) -> None:
        self.projects: dict[str, Project] = {}
        for project in Project.objects.prefetch_related("responsible_units"):
            self.projects.setdefault(name_key(project.name), project)
        ids = [p.pk for p in self.projects.values()]
        years = {y for r in rows for y in r.plans} | {y for r in rows for y, _m in r.progress}
        self.plans: dict[tuple[int, int], AnnualPlan] = {}
        self.reports: dict[tuple[int, int, int], ProgressReport] = {}
        self.by_project: dict[int, list[ProgressReport]] = defaultdict(list)
        if years:
            for plan in AnnualPlan.objects.filter(project_id__in=ids, year__in=years):
                self.plans[(plan.project_id, plan.year)] = plan
            for report in ProgressReport.objects.filter(project_id__in=ids, year__in=years):
                self.reports[(report.project_id, report.year, report.month)] = report
                self.by_project[report.project_id].append(report)

    def find(self, row: ProjectRow) -> Project | None:
        return self.projects.get(name_key(row.name))

    def field_changes(self, project: Project | None, row: ProjectRow) -> dict[str, Any]:
        values = dict(row.values)
        if project is None:
            return values
        start = values.get("start_year")
        planned = project.planned_start
        if start and "planned_start" not in values and planned and planned.year != start:
            values["planned_start"] = None
        changed = {k: v for k, v in values.items() if getattr(project, k) != v}
        return changed

    def units_change(self, project: Project | None, row: ProjectRow) -> bool:
        if row.responsible_unit_ids is None:
            return False
        if project is None:
            return bool(row.responsible_unit_ids)
        current = {u.pk for u in project.responsible_units.all()}
        return current != set(row.responsible_unit_ids)

    def plan_changes(self, project: Project | None, row: ProjectRow) -> dict[int, Decimal]:
        if project is None:
            return dict(row.plans)
        return {
            year: amount
            for year, amount in row.plans.items()
            if (plan := self.plans.get((project.pk, year))) is None
            or plan.planned_investment != amount
        }

    def progress_values(
        self, project: Project | None, row: ProjectRow
    ) -> list[tuple[int, int, dict[str, Any]]]:
        """The progress reports ROW implies, with the month's own completion worked out from
        the previous cumulative figure of that year."""
        out: list[tuple[int, int, dict[str, Any]]] = []
        cumulative: dict[int, dict[int, Decimal]] = defaultdict(dict)
        if project is not None:
            for report in self.by_project.get(project.pk, []):
                cumulative[report.year][report.month] = report.cumulative_investment
        for (year, month), amount in sorted(row.progress.items()):
            before = [m for m in cumulative[year] if m < month]
            previous = cumulative[year][max(before)] if before else Decimal(0)
            values: dict[str, Any] = {
                "cumulative_investment": amount,
                "completed_investment": max(amount - previous, Decimal(0)),
            }
            if "progress_note" in row.values:
                values["progress"] = row.values["progress_note"]
            if "problems" in row.values:
                values["problems"] = row.values["problems"]
            cumulative[year][month] = amount
            out.append((year, month, values))
        return out

    def progress_changes(
        self, project: Project | None, row: ProjectRow
    ) -> list[tuple[int, int, dict[str, Any]]]:
        wanted = self.progress_values(project, row)
        if project is None:
            return wanted
        out = []
        for year, month, values in wanted:
            report = self.reports.get((project.pk, year, month))
            if report is None or any(getattr(report, k) != v for k, v in values.items()):
                out.append((year, month, values))
        return out

    def describe(self, row: ProjectRow) -> tuple[str, list[str]]:
        project = self.find(row)
        if project is None:
            return "new", []
        labels = [FIELD_LABELS.get(k, k) for k in self.field_changes(project, row)]
        if self.units_change(project, row):
            labels.append("责任单位")
        labels += [f"{y}年计划投资" for y in self.plan_changes(project, row)]
        labels += [f"{y}年1-{m}月完成投资" for y, m, _v in self.progress_changes(project, row)]
        return ("update" if labels else "same"), labels


def _end_before_start(project: Project | None, row: ProjectRow) -> bool:
    start = row.values.get("start_year", project.start_year if project else None)
    end = row.values.get("end_year", project.end_year if project else None)
    return bool(start and end and end < start)


def project_import_preview(file_bytes: bytes) -> Preview[ProjectRow]:
    """Read FILE_BYTES and say, row by row, what an import would do; nothing is written."""
    preview = project_ledger_read(file_bytes)
    if not preview.ok:
        return preview
    ledger = _Ledger(preview.rows)
    end_label = next((c.label for c in preview.columns if c.key in ("end", "span")), "")
    for row in preview.rows:
        if _end_before_start(ledger.find(row), row):
            preview.add(row.row, end_label, "X015", "竣工年份早于台账中的开工年份")
            continue
        row.action, row.changes = ledger.describe(row)
    preview.created = sum(r.action == "new" for r in preview.rows)
    preview.updated = sum(r.action == "update" for r in preview.rows)
    preview.unchanged = sum(r.action == "same" for r in preview.rows)
    preview.sort()
    return preview


def project_import_commit(
    *, preview: Preview[ProjectRow], actor: UserLike | None = None
) -> ImportResult:
    """Write a preview without problems; refuse (writing nothing) when it has any."""
    if not preview.ok:
        raise ServiceError("X019", f"文件有 {len(preview.problems)} 个问题，未导入任何数据")
    return project_import(rows=preview.rows, actor=actor)


@transaction.atomic(durable=True)
def project_import(*, rows: list[ProjectRow], actor: UserLike | None = None) -> ImportResult:
    """Create or update the projects of ROWS with their annual plans and progress, all in one
    transaction: any failure writes nothing. New rows are written in bulk (with their history
    rows); changed rows one by one."""
    require(actor, "projects.add_project")
    writer = _Writer(_Ledger(rows), actor)
    for row in rows:
        try:
            writer.add(row)
        except ValidationError as exc:
            raise ServiceError("X019", f"第{row.row}行无法保存：{_message(exc)}") from exc
    try:
        writer.flush()
    except IntegrityError as exc:
        raise ServiceError("X019", f"无法保存：{exc}") from exc
    return writer.result


def _message(exc: ValidationError) -> str:
    return "；".join(f"{k}: {'，'.join(v)}" for k, v in exc.message_dict.items())


def _clean(obj: models.Model) -> None:
    """full_clean without the checks the reader and the ledger lookups have settled (foreign
    keys, uniqueness, check constraints — the database enforces them too); each would cost a
    query per row."""
    relations = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)


class _Writer:
    def __init__(self, ledger: _Ledger, actor: UserLike | None) -> None:
        self.ledger = ledger
        self.actor = actor
        self.user = actor_or_none(actor)
        self.result = ImportResult()
        self.new: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.links: list[tuple[Project, list[int]]] = []
        self.relinked: list[int] = []

    def save(self, obj: models.Model) -> None:
        _clean(obj)
        if obj.pk is None:
            self.new[type(obj)].append(obj)
            return
        stamp(obj, self.actor, CHANGE_REASON)
        obj.save()

    def add(self, row: ProjectRow) -> None:
        ledger = self.ledger
        project = ledger.find(row)
        fields = ledger.field_changes(project, row)
        units = ledger.units_change(project, row)
        plans = ledger.plan_changes(project, row)
        progress = ledger.progress_changes(project, row)
        if project is None:
            self.result.created += 1
            project = Project(name=row.name, **fields)
            self.save(project)
        elif fields or units or plans or progress:
            self.result.updated += 1
            for key, value in fields.items():
                setattr(project, key, value)
            if fields:
                self.save(project)
        else:
            self.result.unchanged += 1
            return
        if units and row.responsible_unit_ids is not None:
            self.links.append((project, row.responsible_unit_ids))
            if project.pk is not None:
                self.relinked.append(project.pk)
        for year, amount in plans.items():
            plan = project.pk and ledger.plans.get((project.pk, year))
            plan = plan or AnnualPlan(project=project, year=year)
            plan.planned_investment = amount
            self.save(plan)
        for year, month, values in progress:
            report = project.pk and ledger.reports.get((project.pk, year, month))
            report = report or ProgressReport(project=project, year=year, month=month)
            for name, value in values.items():
                setattr(report, name, value)
            self.save(report)

    def flush(self) -> None:
        for model in (Project, AnnualPlan, ProgressReport):
            objs = self.new.get(model, [])
            if objs:
                bulk_create_with_history(
                    objs,
                    model,
                    batch_size=500,
                    default_user=self.user,
                    default_change_reason=CHANGE_REASON,
                )
        through = Project.responsible_units.through
        if self.relinked:
            through.objects.filter(project_id__in=self.relinked).delete()
        links = [
            through(project_id=project.pk, unit_id=unit_id)
            for project, unit_ids in self.links
            for unit_id in unit_ids
        ]
        through.objects.bulk_create(links, batch_size=500)
        figures_cache.bump()  # bulk writes send no signals: the overview counts these rows
