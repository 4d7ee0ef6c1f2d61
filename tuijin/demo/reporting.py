"""The demo's reporting loop: a half-year cycle with last period's reports in every state.

So that a new user sees the working loop, not empty pages: the first half of the demo year
has its reports (市发改委 accepted, 市工信局 awaiting review, 市商务局 returned with the
office's comment, the other units still owing), the second half is open, the red/yellow/green
lights are computed and the reminders sent as of today (the units still owing the first half
are told they are overdue, as the daily cron job would tell them). Safe to run again: existing
rows are found, a report is moved on only from the state it starts in, and no reminder goes out
twice.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tuijin.orgs.models import Unit
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind, SubmissionState
from tuijin.reporting.models import Cycle, Submission

CYCLE = "重点任务与项目半年报送"
YEAR = 2026
# unit name → (what it reports on every item, the problem it raises, what happens to it,
# days before (-) or after (+) the due date it reports on)
REPORTS = {
    "兰州市发展和改革委员会": ("按计划推进，前期手续已全部办结", "", "accept", -2),
    "兰州市工业和信息化局": (
        "主体工程完成约六成，设备采购已招标",
        "部分项目能耗指标待省级核定",
        "submit",
        0,
    ),
    "兰州市商务局": ("已完成签约，正在办理用地手续", "", "return", 3),
}
ACCEPT_COMMENT = "内容完整，予以采纳。"
RETURN_COMMENT = "请补充各项目本期完成投资额，并说明签约项目的落地时间。"


def load_reporting(today: dt.date | None = None) -> dict[str, int]:
    """Cycle, periods and reports of the demo, then the lights as of TODAY; counts per state."""
    today = today or dt.date.today()
    cycle = Cycle.objects.filter(name=CYCLE).first() or services.cycle_create(
        name=CYCLE,
        kind=CycleKind.SEMIANNUAL,
        starts_on=dt.date(YEAR, 1, 1),
        description="各责任单位每年6月和12月报送牵头、参与的重点任务和重点项目进展。",
    )
    first = services.period_open(cycle=cycle, start=dt.date(YEAR, 1, 1), end=dt.date(YEAR, 6, 30))
    if today > dt.date(YEAR, 6, 30):
        services.period_open(cycle=cycle, start=dt.date(YEAR, 7, 1), end=dt.date(YEAR, 12, 31))
    for name, (progress, problem, outcome, days) in REPORTS.items():
        unit = Unit.objects.filter(name=name).first()
        if unit is None:
            continue
        when = timezone.make_aware(
            dt.datetime.combine(first.due_date + dt.timedelta(days=days), dt.time(10))
        )
        submission = services.submission_start(unit=unit, period=first, now=when)
        _report(submission, progress, problem, outcome, when)
    services.warnings_compute(today=today)
    services.reminders_send(today=today)
    states = Submission.objects.filter(period__cycle=cycle).values_list("state", flat=True)
    return {state: list(states).count(state) for state in SubmissionState.values}


def _report(
    submission: Submission, progress: str, problem: str, outcome: str, when: dt.datetime
) -> None:
    """Fill in and move on a report that is still a draft (a later run leaves it as it is)."""
    if submission.state != SubmissionState.DRAFT:
        return
    entries = list(submission.entries.all())
    for n, entry in enumerate(entries):
        services.entry_update(
            entry=entry,
            progress_text=progress,
            percent=60 if entry.task_id else 50,
            problem=problem if n == 0 else "",
        )
    if not entries:
        services.submission_update(submission=submission, summary=progress)
    submission = services.submission_submit(submission=submission, now=when)
    reviewed = when + dt.timedelta(days=2)
    if outcome == "accept":
        services.submission_accept(submission=submission, comment=ACCEPT_COMMENT, now=reviewed)
    elif outcome == "return":
        services.submission_return(submission=submission, comment=RETURN_COMMENT, now=reviewed)
