"""Computing the lights: gather facts from the ledger, apply `rules`, write `Warning` rows.

`warnings_compute(today=...)` refreshes every task, project and target (or only the ones given);
it is called by `tuijin manage compute_warnings` (cron) and, on commit, after a submission is
accepted. The office's thresholds live in the one active `WarningRule` row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from tuijin.accounts.permissions import require
from tuijin.core.errors import ServiceError
from tuijin.core.types import UserLike
from tuijin.plans.choices import Direction, TargetKind
from tuijin.plans.models import Measurement, Target, Task
from tuijin.projects.models import AnnualPlan, ProgressReport, Project

from . import rules
from .choices import CycleKind, UnitScope
from .models import Period, Warning, WarningRule

RULE_FIELDS = (
    "yellow_margin_pct",
    "near_deadline_workdays",
    "investment_yellow_pct",
    "investment_red_pct",
    "stage_slip_red_days",
    "missing_yellow_periods",
    "missing_red_periods",
    "target_yellow_pct",
    "target_red_pct",
)


def warning_rule_current() -> WarningRule:
    """The active rule row; created with the defaults the first time it is asked for."""
    rule = WarningRule.objects.filter(active=True).first()
    if rule is None:
        rule, _created = WarningRule.objects.get_or_create(active=True)
    return rule


def thresholds(rule: WarningRule | None = None) -> rules.Thresholds:
    rule = rule or warning_rule_current()
    return rules.Thresholds(**{name: getattr(rule, name) for name in RULE_FIELDS})


@transaction.atomic
def warning_rule_update(*, actor: UserLike | None = None, **values: int) -> WarningRule:
    """Change the office's thresholds (any of RULE_FIELDS); refused when out of range."""
    require(actor, "reporting.change_warningrule")
    unknown = set(values) - set(RULE_FIELDS)
    if unknown:
        raise ServiceError("R020", f"未知的规则参数：{'、'.join(sorted(unknown))}")
    rule = warning_rule_current()
    for name, value in values.items():
        setattr(rule, name, value)
    try:
        rule.full_clean()
    except ValidationError as exc:
        messages = "；".join(str(m) for m in exc.messages)
        raise ServiceError("R021", f"规则参数不合法：{messages}") from exc
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    if user is not None:
        rule._history_user = user  # type: ignore[attr-defined]
    rule.save()
    return rule


# ── facts ──────────────────────────────────────────────────────────────────────────────────


def _task_facts(task: Task) -> rules.TaskFacts:
    start = task.document.issued_on if task.document is not None else None
    if start is None and task.created_at is not None:
        start = timezone.localdate(task.created_at)
    return rules.TaskFacts(
        progress=task.progress, status=task.status, start=start, deadline=task.deadline
    )


def _due_period_ends(today: dt.date) -> list[tuple[Period, set[int] | None]]:
    """Periods of active regular cycles whose due date has passed, with the explicit unit ids
    of their cycle (None when the cycle covers every unit that owes something)."""
    periods = (
        Period.objects.filter(cycle__active=True, due_date__lt=today, end__year__gte=today.year - 1)
        .exclude(cycle__kind=CycleKind.ADHOC)
        .select_related("cycle")
        .prefetch_related("cycle__units")
    )
    out: list[tuple[Period, set[int] | None]] = []
    for period in periods:
        scope = None
        if period.cycle.unit_scope == UnitScope.EXPLICIT:
            scope = {u.pk for u in period.cycle.units.all()}
        out.append((period, scope))
    return out


def _project_facts(projects: list[Project], today: dt.date) -> dict[int, rules.ProjectFacts]:
    ids = [p.pk for p in projects]
    plans = dict(
        AnnualPlan.objects.filter(project_id__in=ids, year=today.year).values_list(
            "project_id", "planned_investment"
        )
    )
    this_year: dict[int, tuple[int, Decimal]] = {}
    last: dict[int, tuple[int, int]] = {}
    reports = (
        ProgressReport.objects.filter(project_id__in=ids)
        .order_by("project_id", "-year", "-month")
        .values_list("project_id", "year", "month", "cumulative_investment")
    )
    for project_id, r_year, r_month, r_cumulative in reports:
        last.setdefault(project_id, (r_year, r_month))
        if r_year == today.year and r_month <= today.month:
            this_year.setdefault(project_id, (r_month, r_cumulative))
    due = _due_period_ends(today)
    units: dict[int, set[int]] = defaultdict(set)
    for project_id, unit_id in Project.responsible_units.through.objects.filter(
        project_id__in=ids
    ).values_list("project_id", "unit_id"):
        units[project_id].add(unit_id)
    facts: dict[int, rules.ProjectFacts] = {}
    for project in projects:
        owners = units[project.pk] | ({project.lead_unit_id} if project.lead_unit_id else set())
        ends = tuple(
            (period.end.year, period.end.month)
            for period, scope in due
            if (scope is None or scope & owners)
            and (project.planned_start is None or period.end >= project.planned_start)
        )
        month: int | None = None
        cumulative: Decimal | None = None
        if project.pk in this_year:
            month, cumulative = this_year[project.pk]
        facts[project.pk] = rules.ProjectFacts(
            stage=project.stage,
            planned_start=project.planned_start,
            annual_plan=plans.get(project.pk),
            report_month=month,
            cumulative=cumulative,
            last_report=last.get(project.pk),
            due_period_ends=ends,
        )
    return facts


_Row = tuple[int, Decimal, Decimal | None, int, int | None]


def _point(row: _Row, use_base: bool) -> rules.Point:
    value = row[2] if use_base and row[2] is not None else row[1]
    return rules.Point(value=value, year=row[3], month=row[4])


def _comparable(series: list[_Row], *, rate: bool) -> list[_Row]:
    """The points an annual target can be compared with. A monthly figure of a total (产值,
    投资) is year-to-date, so it is left out when year-end figures exist; rates (%) compare
    at any month."""
    if rate:
        return series
    annual = [row for row in series if row[4] in (None, 12)]
    return annual or series


def _target_facts(targets: list[Target], today: dt.date) -> dict[int, rules.TargetFacts]:
    """Each target with the first and latest actual values of its indicator, area and cluster
    (published measurements, and actual values stated in documents), none later than TODAY;
    see `_comparable` for monthly figures."""
    keys = {(t.indicator_id, t.area_id, t.cluster_id) for t in targets}
    indicator_ids = {k[0] for k in keys}
    points: dict[tuple[Any, ...], list[_Row]] = defaultdict(list)
    rows: list[tuple[Any, ...]] = list(
        Measurement.objects.filter(indicator_id__in=indicator_ids).values_list(
            "indicator_id", "area_id", "cluster_id", "value", "base_value", "year", "month"
        )
    )
    rows += [
        (*row[:5], row[5], None)
        for row in Target.objects.filter(
            indicator_id__in=indicator_ids, kind=TargetKind.ACTUAL
        ).values_list("indicator_id", "area_id", "cluster_id", "value", "base_value", "year")
    ]
    for indicator_id, area_id, cluster_id, value, base_value, year, month in rows:
        if (year, month or 12) > (today.year, today.month):
            continue
        index = year * 12 + (month or 12)
        points[(indicator_id, area_id, cluster_id)].append((index, value, base_value, year, month))
    facts: dict[int, rules.TargetFacts] = {}
    for target in targets:
        series = sorted(points.get((target.indicator_id, target.area_id, target.cluster_id), []))
        rate = "%" in (target.unit or target.indicator.unit_label)
        series = _comparable(series, rate=rate)
        use_base = (
            target.base_value is not None and bool(series) and all(p[2] is not None for p in series)
        )

        goal = target.base_value if use_base and target.base_value is not None else target.value
        facts[target.pk] = rules.TargetFacts(
            value=goal,
            year=target.year,
            higher_is_better=target.indicator.direction != Direction.LOWER,
            unit="" if use_base else target.unit,
            first=_point(series[0], use_base) if len(series) > 1 else None,
            latest=_point(series[-1], use_base) if series else None,
            rate=rate,
        )
    return facts


# ── writing ────────────────────────────────────────────────────────────────────────────────

_BATCH = 500
_WRITTEN = ("level", "reason", "figures", "previous_level", "changed_at")


def _as_stored(figures: dict[str, Any]) -> Any:
    """FIGURES as the JSON column gives them back (tuples as lists, …), so that an unchanged
    light compares equal to its row."""
    return json.loads(json.dumps(figures))


def _update_rows(rows: list[tuple[Any, ...]], now: dt.datetime) -> None:
    """Write ROWS — (pk, level, reason, figures, previous_level, changed_at) — with
    `computed_at` = NOW, in one `WITH v AS (VALUES …) UPDATE … FROM v` per batch (PostgreSQL;
    SQLite ≥ 3.33), not `bulk_update`'s CASE expression per row and field."""
    meta = Warning._meta
    by_name = {f.name: f for f in meta.concrete_fields}
    fields = [by_name[name] for name in ("id", *_WRITTEN)]
    computed = by_name["computed_at"]
    qn = connection.ops.quote_name
    table, pk = qn(meta.db_table), qn(fields[0].column)
    # PostgreSQL types a VALUES list by its contents: cast each parameter to its column's type.
    pg = connection.vendor == "postgresql"
    one = "({})".format(", ".join(f"%s::{f.db_type(connection)}" if pg else "%s" for f in fields))
    names = ", ".join(qn(f.column) for f in fields)
    sets = ", ".join(f"{qn(f.column)} = v.{qn(f.column)}" for f in fields[1:])
    stamp = computed.get_db_prep_save(now, connection)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            batch = rows[start : start + _BATCH]
            params: list[Any] = []
            for row in batch:
                params += [
                    f.get_db_prep_save(v, connection) for f, v in zip(fields, row, strict=True)
                ]
            cursor.execute(
                f"WITH v ({names}) AS (VALUES {', '.join([one] * len(batch))}) "
                f"UPDATE {table} SET {sets}, {qn(computed.column)} = %s "
                f"FROM v WHERE {table}.{pk} = v.{pk}",
                [*params, stamp],
            )


def _store(
    field: str, lights: dict[int, rules.Light], now: dt.datetime, *, every: bool
) -> Counter[str]:
    """Bring the `Warning` rows of FIELD (task, project or target) in line with LIGHTS and
    write only what differs: new rows in bulk inserts, rows whose level, reason or figures
    changed in set-based updates (`previous_level` and `changed_at` move when the level does),
    and, when EVERY object of the kind was computed, the rows of objects that carry no light
    any more in one delete. An unchanged row is left as it is, `computed_at` included (the
    time its light was last written)."""
    rows = Warning.objects.all()
    if every:
        rows = rows.filter(**{f"{field}__isnull": False})
    else:
        rows = rows.filter(**{f"{field}_id__in": list(lights)})
    existing = {
        row[1]: row
        for row in rows.values_list(
            "pk", f"{field}_id", "level", "reason", "figures", "previous_level", "changed_at"
        )
    }
    to_create: list[Warning] = []
    to_update: list[tuple[Any, ...]] = []
    counts: Counter[str] = Counter()
    for object_id, light in lights.items():
        counts[light.level] += 1
        reason = light.reason[:500]
        figures = _as_stored(light.figures)
        found = existing.get(object_id)
        if found is None:
            to_create.append(
                Warning(
                    **{f"{field}_id": object_id},
                    level=light.level,
                    reason=reason,
                    figures=figures,
                    changed_at=now,
                    computed_at=now,
                )
            )
            continue
        pk, _id, level, old_reason, old_figures, previous, changed_at = found
        if (level, old_reason, old_figures) == (light.level, reason, figures):
            continue
        if level != light.level:
            previous, changed_at = level, now
        to_update.append((pk, light.level, reason, figures, previous, changed_at))
    if to_create:
        Warning.objects.bulk_create(to_create, batch_size=_BATCH)
    if to_update:
        _update_rows(to_update, now)
    if every:
        gone = [row[0] for object_id, row in existing.items() if object_id not in lights]
        if gone:
            Warning.objects.filter(pk__in=gone).delete()
    return counts


@transaction.atomic
def warnings_compute(
    *,
    today: dt.date,
    now: dt.datetime | None = None,
    tasks: Iterable[Task] | None = None,
    projects: Iterable[Project] | None = None,
    targets: Iterable[Target] | None = None,
) -> dict[str, Counter[str]]:
    """Refresh the lights of every task, project and target as of TODAY.

    Pass `tasks`, `projects` or `targets` to refresh only those (the others are then left as
    they are). Returns the count per level for each kind, e.g. {"task": {"green": 12, ...}}.
    """
    now = now or timezone.now()
    partial = tasks is not None or projects is not None or targets is not None
    th = thresholds()
    result: dict[str, Counter[str]] = {}

    if tasks is not None or not partial:
        task_qs = Task.objects.select_related("document").defer(
            "text", "document__text", "document__extraction"
        )
        if tasks is not None:
            task_qs = task_qs.filter(pk__in=[t.pk for t in tasks])
        task_lights = {t.pk: rules.task_light(_task_facts(t), th, today) for t in task_qs}
        result["task"] = _store("task", task_lights, now, every=tasks is None)

    if projects is not None or not partial:
        project_qs = Project.objects.defer("content")
        if projects is not None:
            project_qs = project_qs.filter(pk__in=[p.pk for p in projects])
        project_list = list(project_qs)
        facts = _project_facts(project_list, today)
        project_lights = {pk: rules.project_light(f, th, today) for pk, f in facts.items()}
        result["project"] = _store("project", project_lights, now, every=projects is None)

    if targets is not None or not partial:
        target_qs = Target.objects.filter(kind=TargetKind.TARGET).select_related("indicator")
        if targets is not None:
            target_qs = target_qs.filter(pk__in=[t.pk for t in targets])
        target_list = list(target_qs)
        target_facts = _target_facts(target_list, today)
        target_lights = {pk: rules.target_light(f, th) for pk, f in target_facts.items()}
        # Actual-value rows are data points, not aims: a light left on one goes (every=…).
        result["target"] = _store("target", target_lights, now, every=targets is None)
    return result
