"""Reads of tasks, assignments, targets and measurements. Every selector takes `user` first:
the rows come from tuijin.accounts.scoping (a liaison sees its unit's tasks), a detail gives
404 when missing and 403 (PermissionDenied) when out of the user's scope."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from tuijin.accounts.permissions import get_allowed
from tuijin.accounts.scoping import scope_documents, scope_targets, scope_tasks
from tuijin.core.types import UserLike as User
from tuijin.documents.models import Document
from tuijin.orgs.models import Unit

from .choices import TargetTier
from .filters import TargetFilter, TaskFilter
from .models import Assignment, Indicator, Measurement, Target, Task


def task_visible(user: User) -> QuerySet[Task]:
    return scope_tasks(user, Task.objects.all())


def _assignments_with_units() -> Prefetch[Any, Any, Any]:
    return Prefetch(
        "assignments", queryset=Assignment.objects.select_related("unit").order_by("role", "id")
    )


def task_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Task]:
    """Tasks with their document and assignments (units prefetched, lead before responsible)."""
    qs = (
        task_visible(user)
        .select_related("document", "parent")
        .defer("document__text", "document__extraction")
        .prefetch_related(_assignments_with_units())
    )
    if filters is not None:
        qs = TaskFilter(filters, queryset=qs).qs
    return qs


def task_get(user: User, pk: int | str) -> Task:
    """One task with document, source document and assignments; Http404 when missing,
    PermissionDenied when out of USER's scope. Its parent, children and documents as USER may
    see them: task_related."""
    qs = (
        Task.objects.all()
        .select_related("document", "source_document")
        .prefetch_related(_assignments_with_units())
    )
    task: Task = get_allowed(user, qs, pk, "plans.view_task")
    return task


MAX_ANCESTORS = 10


@dataclass
class TaskRelated:
    """What a task's page and API name besides the task itself, cut to what the user sees: a
    liaison's task may sit under, or over, tasks of other units, whose titles stay hidden."""

    ancestors: list[Task]  # visible ones, the top first
    parent: Task | None  # the direct parent, when visible
    children: list[Task]
    document: Document | None
    source_document: Document | None


def task_related(user: User, task: Task) -> TaskRelated:
    """TASK's ancestors (up to MAX_ANCESTORS), children and documents that USER may see."""
    chain: list[int] = []
    parent_id = task.parent_id
    while parent_id is not None and parent_id not in chain and len(chain) < MAX_ANCESTORS:
        chain.append(parent_id)
        parent_id = Task.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
    visible = task_visible(user).only("id", "code", "title", "status", "parent_id")
    above = visible.in_bulk(chain)
    documents = scope_documents(user, Document.objects.defer("text", "extraction"))
    shown = documents.in_bulk(
        [pk for pk in (task.document_id, task.source_document_id) if pk is not None]
    )
    return TaskRelated(
        ancestors=[above[pk] for pk in reversed(chain) if pk in above],
        parent=above.get(task.parent_id) if task.parent_id is not None else None,
        children=list(visible.filter(parent=task).order_by("order", "id")),
        document=shown.get(task.document_id) if task.document_id else None,
        source_document=shown.get(task.source_document_id) if task.source_document_id else None,
    )


def unit_assignments(user: User, unit: Unit) -> QuerySet[Assignment]:
    """What UNIT owes: its assignments with their tasks, lead first."""
    return (
        Assignment.objects.filter(unit=unit, task__in=task_visible(user))
        .select_related("task", "task__document")
        .defer("task__document__text", "task__document__extraction")
        .order_by("role", "task__document_id", "task__order", "task_id")
    )


def target_visible(user: User) -> QuerySet[Target]:
    return scope_targets(user, Target.objects.all())


def target_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Target]:
    """Targets with indicator, area and cluster."""
    qs = target_visible(user).select_related("indicator", "area", "cluster")
    if filters is not None:
        qs = TargetFilter(filters, queryset=qs).qs
    return qs


def target_get(user: User, pk: int | str) -> Target:
    """One target with indicator, area, cluster and source document; Http404 when missing."""
    qs = Target.objects.select_related("indicator", "area", "cluster", "source_document")
    target: Target = get_allowed(user, qs, pk, "plans.view_target")
    return target


def target_tiers(user: User, target: Target) -> QuerySet[Target]:
    """The rows of TARGET's group (same indicator, area, cluster, year, kind): one per tier."""
    return target_visible(user).filter(group_key=target.group_key).order_by("tier")


def target_measurements(user: User, target: Target) -> QuerySet[Measurement]:
    """Actual values of TARGET's indicator for the same area and cluster."""
    return (
        Measurement.objects.filter(
            indicator=target.indicator, area=target.area, cluster=target.cluster
        )
        .select_related("reported_by")
        .order_by("-year", "-month")
    )


TIER_ORDER = [TargetTier.BASE, TargetTier.STRETCH, TargetTier.ASPIRATION]


@dataclass
class TargetGroup:
    """One aim with its three tiers side by side (目标值/争取值/奋斗值)."""

    indicator: Indicator
    year: int
    area_name: str
    cluster_name: str
    kind: str
    tiers: dict[str, Target] = field(default_factory=dict)

    @property
    def cells(self) -> list[Target | None]:
        return [self.tiers.get(t.value) for t in TIER_ORDER]

    @property
    def first(self) -> Target:
        return next(iter(self.tiers.values()))


def target_groups(targets: QuerySet[Target] | list[Target]) -> list[TargetGroup]:
    """Fold target rows (from target_list) into groups with their tiers side by side."""
    groups: dict[str, TargetGroup] = {}
    for t in targets:
        group = groups.get(t.group_key)
        if group is None:
            group = groups[t.group_key] = TargetGroup(
                indicator=t.indicator,
                year=t.year,
                area_name=t.area.name if t.area else "",
                cluster_name=t.cluster.name if t.cluster else "",
                kind=t.kind,
            )
        group.tiers[t.tier] = t
    return list(groups.values())
