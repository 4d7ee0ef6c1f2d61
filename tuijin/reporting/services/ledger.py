"""What accepting a submission writes into the ledger: task progress and status, the project's
monthly progress report, indicator measurements."""

from __future__ import annotations

from decimal import Decimal

from tuijin.core.audit import stamp
from tuijin.core.types import UserLike
from tuijin.orgs.models import Unit
from tuijin.plans.choices import AssignmentRole, TaskStatus
from tuijin.plans.models import Assignment, Measurement, Task
from tuijin.projects.models import ProgressReport, Project

from ..models import Entry, Period, Submission


def authoritative_for_task(entry: Entry, unit: Unit) -> bool:
    """The lead unit's report sets a task's progress; a responsible unit's only when the task
    has no lead unit."""
    if entry.role == AssignmentRole.LEAD or entry.task_id is None:
        return entry.task_id is not None
    return not Assignment.objects.filter(task_id=entry.task_id, role=AssignmentRole.LEAD).exists()


def apply_task_entry(entry: Entry, unit: Unit, actor: UserLike | None) -> Task | None:
    task = entry.task
    if task is None or not authoritative_for_task(entry, unit):
        return None
    task.progress = entry.percent
    if entry.blocked:
        task.status = TaskStatus.BLOCKED
    elif entry.percent >= 100:
        task.status = TaskStatus.DONE
    elif entry.percent > 0 or task.status == TaskStatus.BLOCKED:
        task.status = TaskStatus.IN_PROGRESS
    # Only what the report changes is validated: an imported task's other fields stay as they are.
    others = [f.name for f in Task._meta.concrete_fields if f.name not in ("progress", "status")]
    task.full_clean(exclude=others, validate_unique=False)
    stamp(task, actor)
    task.save()
    return task


def apply_project_entry(
    entry: Entry, unit: Unit, period: Period, actor: UserLike | None
) -> Project | None:
    project = entry.project
    if project is None or project.lead_unit_id not in (None, unit.pk):
        return None
    if entry.investment_cumulative is not None:
        report = ProgressReport.objects.filter(
            project=project, year=period.end.year, month=period.end.month
        ).first() or ProgressReport(project=project, year=period.end.year, month=period.end.month)
        report.completed_investment = entry.investment_period or Decimal(0)
        report.cumulative_investment = entry.investment_cumulative
        report.progress = entry.progress_text
        report.problems = entry.problem
        report.reported_by = unit
        report.full_clean()
        stamp(report, actor)
        report.save()
    changed = False
    if entry.progress_text and entry.progress_text != project.progress_note:
        project.progress_note, changed = entry.progress_text, True
    if entry.problem != project.problems:
        project.problems, changed = entry.problem, True
    if changed:
        stamp(project, actor)
        project.save(update_fields=["progress_note", "problems", "updated_at"])
    return project


def apply_figures(submission: Submission, period: Period, actor: UserLike | None) -> set[int]:
    """Write the filled-in figures as measurements; returns the indicator ids touched."""
    touched: set[int] = set()
    for figure in submission.figures.filter(value__isnull=False).select_related("indicator"):
        assert figure.value is not None
        row = Measurement.objects.filter(
            indicator=figure.indicator,
            area=figure.area,
            cluster=None,
            year=period.end.year,
            month=period.end.month,
            reported_by=submission.unit,
        ).first() or Measurement(
            indicator=figure.indicator,
            area=figure.area,
            year=period.end.year,
            month=period.end.month,
            reported_by=submission.unit,
        )
        row.value = figure.value
        row.unit = figure.unit or figure.indicator.unit_label
        row.note = figure.note
        row.full_clean()
        stamp(row, actor)
        row.save()
        touched.add(figure.indicator_id)
    return touched
