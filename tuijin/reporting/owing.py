"""Who owes what: the tasks and projects a unit reports on, and the units a cycle expects.

A unit owes a task when it is the task's lead or responsible unit (`plans.Assignment`), and a
project when it is the project's lead unit or one of its responsible units. Cancelled and
completed tasks and completed projects are no longer reported on.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from tuijin.orgs.models import Unit
from tuijin.plans.choices import AssignmentRole, TaskStatus
from tuijin.plans.models import Assignment, Task
from tuijin.projects.choices import ProjectStage
from tuijin.projects.models import Project

from .choices import UnitScope
from .models import Cycle

CLOSED_TASK_STATUSES = (TaskStatus.DONE, TaskStatus.CANCELLED)


@dataclass(frozen=True)
class Owed:
    """One thing a unit reports on, with the unit's role (lead or responsible)."""

    task: Task | None
    project: Project | None
    role: str


def owed_by(unit: Unit) -> list[Owed]:
    """What UNIT reports on: its tasks (lead first), then its projects (lead first)."""
    rows: dict[int, str] = {}
    assignments = (
        Assignment.objects.filter(unit=unit)
        .exclude(task__status__in=CLOSED_TASK_STATUSES)
        .order_by("task__document_id", "task__order", "task_id")
        .values_list("task_id", "role")
    )
    for task_id, role in assignments:
        if rows.get(task_id) != AssignmentRole.LEAD:
            rows[task_id] = role
    tasks = Task.objects.in_bulk(list(rows))
    owed: list[Owed] = []
    for lead_first in (True, False):
        for task_id, role in rows.items():
            if (role == AssignmentRole.LEAD) is lead_first:
                owed.append(Owed(task=tasks[task_id], project=None, role=role))
    projects = (
        Project.objects.filter(Q(lead_unit=unit) | Q(responsible_units=unit))
        .exclude(stage=ProjectStage.COMPLETED)
        .distinct()
        .order_by("name")
    )
    led = [p for p in projects if p.lead_unit_id == unit.pk]
    shared = [p for p in projects if p.lead_unit_id != unit.pk]
    owed += [Owed(task=None, project=p, role=AssignmentRole.LEAD) for p in led]
    owed += [Owed(task=None, project=p, role=AssignmentRole.RESPONSIBLE) for p in shared]
    return owed


def units_owing(cycle: Cycle) -> QuerySet[Unit]:
    """The units a period of CYCLE expects a submission from."""
    if cycle.unit_scope == UnitScope.EXPLICIT:
        return cycle.units.filter(is_active=True).order_by("name")
    open_tasks = Task.objects.exclude(status__in=CLOSED_TASK_STATUSES)
    open_projects = Project.objects.exclude(stage=ProjectStage.COMPLETED)
    links = Project.responsible_units.through.objects
    # One query of semi-joins: the unit ids are never fetched (20,000 projects gave 40,000).
    owes = (
        Q(pk__in=Assignment.objects.filter(task__in=open_tasks).values("unit_id"))
        | Q(pk__in=open_projects.values("lead_unit_id"))
        | Q(pk__in=links.filter(project__in=open_projects).values("unit_id"))
    )
    return Unit.objects.filter(owes, is_active=True).order_by("name")
