"""Cycles and periods: create and change a cycle, open periods (idempotent), close them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from tuijin.accounts.permissions import require
from tuijin.core.audit import stamp
from tuijin.core.errors import ServiceError
from tuijin.core.types import UserLike
from tuijin.orgs.models import Unit

from .. import periods as spans
from ..choices import CycleKind, DueAnchor, UnitScope
from ..models import Cycle, Period
from ._common import clean_or_refuse


@transaction.atomic
def cycle_create(
    *,
    name: str,
    kind: str,
    starts_on: dt.date,
    due_workdays: int = 5,
    due_anchor: str = DueAnchor.AFTER_END,
    remind_workdays: int = 3,
    unit_scope: str = UnitScope.ASSIGNED,
    units: Iterable[Unit] = (),
    description: str = "",
    active: bool = True,
    actor: UserLike | None = None,
) -> Cycle:
    """A new reporting cycle; with `unit_scope=EXPLICIT` only UNITS report."""
    require(actor, "reporting.manage_cycle")
    name = (name or "").strip()
    if not name:
        raise ServiceError("R001", "请填写周期名称", field="name")
    if Cycle.objects.filter(name=name).exists():
        raise ServiceError("R001", f"已有名为“{name}”的报送周期", field="name")
    units = list(units)
    if unit_scope == UnitScope.EXPLICIT and not units:
        raise ServiceError("R002", "指定单位范围时须至少选择一个单位", field="units")
    cycle = Cycle(
        name=name,
        kind=kind,
        starts_on=starts_on,
        due_workdays=due_workdays,
        due_anchor=due_anchor,
        remind_workdays=remind_workdays,
        unit_scope=unit_scope,
        description=description,
        active=active,
    )
    clean_or_refuse(cycle, "R003")
    stamp(cycle, actor)
    cycle.save()
    if units:
        cycle.units.set(units)
    return cycle


@transaction.atomic
def cycle_update(*, cycle: Cycle, actor: UserLike | None = None, **values: Any) -> Cycle:
    """Change a cycle's settings (name, due rule, reminders, scope, active, description).

    Due dates of periods already opened stay as they were announced."""
    require(actor, "reporting.manage_cycle", cycle)
    allowed = {
        "name",
        "due_workdays",
        "due_anchor",
        "remind_workdays",
        "unit_scope",
        "description",
        "active",
        "units",
    }
    unknown = set(values) - allowed
    if unknown:
        raise ServiceError("R003", f"不能修改：{'、'.join(sorted(unknown))}")
    units = values.pop("units", None)
    for field, value in values.items():
        setattr(cycle, field, value)
    clean_or_refuse(cycle, "R003")
    if cycle.unit_scope == UnitScope.EXPLICIT and not (
        units if units is not None else cycle.units.exists()
    ):
        raise ServiceError("R002", "指定单位范围时须至少选择一个单位", field="units")
    stamp(cycle, actor)
    cycle.save()
    if units is not None:
        cycle.units.set(units)
    return cycle


@transaction.atomic
def period_open(
    *,
    cycle: Cycle,
    start: dt.date,
    end: dt.date,
    label: str = "",
    now: dt.datetime | None = None,
    actor: UserLike | None = None,
) -> Period:
    """Open the period START–END of CYCLE; opening the same span again returns the same row.

    The due date is `cycle.due_workdays` Chinese working days after (or before) END."""
    require(actor, "reporting.manage_cycle", cycle)
    if end < start:
        raise ServiceError("R004", "期次的截止日期不能早于开始日期", field="end")
    existing = Period.objects.filter(cycle=cycle, start=start, end=end).first()
    if existing is not None:
        return existing
    if not label:
        label = (
            spans.label_for_span(start, end)
            if cycle.kind == CycleKind.ADHOC
            else spans.span_containing(cycle.kind, start).label
        )
    period = Period(
        cycle=cycle,
        label=label[:60],
        start=start,
        end=end,
        due_date=spans.due_date(end=end, workdays=cycle.due_workdays, anchor=cycle.due_anchor),
        opened_at=now or timezone.now(),
    )
    clean_or_refuse(period, "R004")
    stamp(period, actor)
    period.save()
    return period


@transaction.atomic
def periods_open_due(*, today: dt.date, now: dt.datetime | None = None) -> list[Period]:
    """Open every period of each active regular cycle that has begun by TODAY (from the
    cycle's `starts_on`). Idempotent; returns the periods opened now."""
    opened: list[Period] = []
    cycles = Cycle.objects.filter(active=True, starts_on__lte=today).exclude(kind=CycleKind.ADHOC)
    for cycle in cycles.order_by("pk"):
        have = set(Period.objects.filter(cycle=cycle).values_list("start", "end"))
        for span in spans.spans_from(cycle.kind, cycle.starts_on, today):
            if span.start < cycle.starts_on or (span.start, span.end) in have:
                continue
            opened.append(
                period_open(cycle=cycle, start=span.start, end=span.end, label=span.label, now=now)
            )
    return opened


@transaction.atomic
def period_close(*, period: Period, closed: bool = True, actor: UserLike | None = None) -> Period:
    """Close (or reopen) a period: a closed period takes no more submissions or reminders."""
    require(actor, "reporting.manage_cycle", period.cycle)
    period.closed = closed
    stamp(period, actor)
    period.save(update_fields=["closed", "updated_at"])
    return period
