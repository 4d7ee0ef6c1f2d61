"""Reporting cycles (a monthly project report and a quarterly task report since the first
progress month), their periods, each owing unit's submission in a realistic state, the entries
of the latest periods, and the lights."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from tuijin.orgs.models import Unit
from tuijin.reporting import periods as spans
from tuijin.reporting import services
from tuijin.reporting.models import Entry, Period, Submission

from . import words
from .common import Ctx, at, months_back
from .projects import PROGRESS_MONTHS, Ledger
from .tasks import Plans

ENTRY_PERIODS = 2  # the latest periods of each cycle get their entries
CLOSED_TASKS = ("done", "cancelled")
SUMMARIES = [
    "本期重点任务和项目总体推进顺利。",
    "各项工作按计划推进，个别项目进度滞后。",
    "本期无新增问题。",
]
RETURN_COMMENT = "请补充各项目本期完成投资额，并说明滞后原因。"


@dataclass
class Owed:
    task_ids: list[tuple[int, str]]
    project_ids: list[tuple[int, str]]


def _owed(ledger: Ledger, plans: Plans) -> dict[int, Owed]:
    """Each unit's open tasks (lead first) and open projects (lead first, by name), as
    tuijin.reporting.owing.owed_by lists them."""
    owed: dict[int, Owed] = defaultdict(lambda: Owed([], []))
    for role in ("lead", "responsible"):
        for task in plans.tasks:
            if task.status in CLOSED_TASKS:
                continue
            for unit, r in plans.units[task.pk]:
                if r == role:
                    owed[unit.pk].task_ids.append((task.pk, role))
    for project in sorted(ledger.projects, key=lambda p: p.name):
        if project.stage == "completed":
            continue
        if project.lead_unit_id is not None:
            owed[project.lead_unit_id].project_ids.append((project.pk, "lead"))
    for project in sorted(ledger.projects, key=lambda p: p.name):
        if project.stage == "completed":
            continue
        for unit in ledger.responsible[project.pk]:
            if unit.pk != project.lead_unit_id:
                owed[unit.pk].project_ids.append((project.pk, "responsible"))
    return owed


def build_reporting(ctx: Ctx, ledger: Ledger, plans: Plans) -> dict[str, int]:
    rng, today = ctx.rng, ctx.today
    first = months_back(today, PROGRESS_MONTHS)[0]
    starts_on = dt.date(first[0], first[1], 1)
    owed = _owed(ledger, plans)
    units = {u.pk: u for u in Unit.objects.filter(pk__in=list(owed)).order_by("pk")}
    owing = [units[pk] for pk in sorted(owed) if pk in units]
    tasks = {t.pk: t for t in plans.tasks}
    counts: dict[str, int] = defaultdict(int)
    for name, kind in (("重点项目月报", "monthly"), ("重点任务季报", "quarterly")):
        cycle = services.cycle_create(
            name=name,
            kind=kind,
            starts_on=starts_on,
            description=f"各责任单位{name[-2:]}牵头、参与的重点任务和重点项目进展。",
        )
        periods = [
            services.period_open(
                cycle=cycle, start=s.start, end=s.end, label=s.label, now=at(s.start, 8)
            )
            for s in spans.spans_from(kind, starts_on, today)
        ]
        with_entries = {p.pk for p in periods[-ENTRY_PERIODS:]}
        submissions: list[Submission] = []
        for period in periods:
            due = period.due_date <= today
            recent = period in periods[-2:]
            for unit in owing:
                row = _submission(ctx, period, unit, due=due, recent=recent)
                if row is not None:
                    submissions.append(row)
                    counts[row.state] += 1
        ctx.bulk(Submission, submissions)
        entries: list[Entry] = []
        for submission in submissions:
            if submission.period_id not in with_entries:
                continue
            period = submission.period
            month = (period.end.year, period.end.month)
            items = owed[submission.unit_id]
            order = 0
            for task_id, role in items.task_ids:
                task = tasks[task_id]
                entries.append(
                    Entry(
                        submission=submission,
                        task_id=task_id,
                        role=role,
                        percent=task.progress,
                        blocked=task.status == "blocked",
                        progress_text=ctx.pick(words.PROGRESS_NOTES["building"])
                        if submission.state != "draft"
                        else "",
                        order=order,
                    )
                )
                order += 1
            for project_id, role in items.project_ids:
                figures = ledger.progress_at.get((project_id, *month))
                entries.append(
                    Entry(
                        submission=submission,
                        project_id=project_id,
                        role=role,
                        percent=rng.randint(10, 90),
                        investment_period=figures[0] if figures and role == "lead" else None,
                        investment_cumulative=figures[1] if figures and role == "lead" else None,
                        progress_text=ctx.pick(words.PROGRESS_NOTES["building"])
                        if submission.state != "draft"
                        else "",
                        problem=ctx.pick(words.PROBLEMS) if rng.random() < 0.05 else "",
                        order=order,
                    )
                )
                order += 1
        ctx.bulk(Entry, entries)
        counts["entries"] += len(entries)
        counts["periods"] += len(periods)
    return dict(counts)


def _submission(
    ctx: Ctx, period: Period, unit: Unit, *, due: bool, recent: bool
) -> Submission | None:
    roll = ctx.rng.random()
    row = Submission(period=period, unit=unit, summary=ctx.pick(SUMMARIES))
    if not due:  # the open period: some drafts, some sent, most not started
        if roll < 0.25:
            row.state, row.summary = "draft", ""
            return row
        if roll < 0.5:
            row.state = "submitted"
            row.submitted_at = row.first_submitted_at = at(
                period.end - dt.timedelta(days=ctx.rng.randint(0, 5))
            )
            return row
        return None
    if roll > 0.95:  # never reported
        return None
    late = roll > 0.82
    day = (
        period.due_date + dt.timedelta(days=ctx.rng.randint(1, 6))
        if late
        else period.due_date - dt.timedelta(days=ctx.rng.randint(0, 4))
    )
    row.submitted_at = row.first_submitted_at = at(day)
    row.late = late
    if recent and roll > 0.88:  # awaiting review, or sent back
        row.state = "submitted" if roll < 0.92 else "returned"
        if row.state == "returned":
            row.returned_at = at(day + dt.timedelta(days=2), 16)
            row.office_comment = RETURN_COMMENT
        return row
    row.state = "accepted"
    row.accepted_at = at(day + dt.timedelta(days=2), 16)
    row.office_comment = "内容完整，予以采纳。"
    return row
