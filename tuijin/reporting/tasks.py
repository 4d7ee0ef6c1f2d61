"""The reporting domain's scheduled work: every day, open the periods that are due, refresh every
red/yellow/green light and send the reminders (what `tuijin manage open_periods`,
`compute_warnings` and `send_reminders` do by hand).

The queue's scheduler looks every hour; the day's run happens once per local date (TIME_ZONE), at
the first look from DAILY_HOUR on, and is recorded as a Job (kind "daily"), so a worker that was
down at that hour catches up at its next look and two workers never run it twice.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from tuijin.core.jobs import Outcome, job, job_run_now
from tuijin.core.models import Job

from .services import periods_open_due, reminders_send, warnings_compute

DAILY_HOUR = 6
DAILY = "daily"


def _label(day: dt.date) -> str:
    return f"每日预警与提醒 {day.isoformat()}"


@job(DAILY)
def daily_work(row: Job, day: str) -> Outcome:
    today = dt.date.fromisoformat(day)
    opened = periods_open_due(today=today)
    counts = warnings_compute(today=today)
    notices = reminders_send(today=today)
    lights = sum(sum(c.values()) for c in counts.values())
    return Outcome(
        note=f"开启填报期 {len(opened)} 个，刷新预警 {lights} 条，发出提醒 {len(notices)} 条"
    )


def daily_run(now: dt.datetime | None = None) -> Job | None:
    """The day's run if it is due and not yet done (None otherwise)."""
    local = timezone.localtime(now)
    if local.hour < DAILY_HOUR:
        return None
    label = _label(local.date())
    if Job.objects.filter(kind=DAILY, label=label, status=Job.Status.DONE).exists():
        return None
    return job_run_now(kind=DAILY, label=label, args=(local.date().isoformat(),))


@db_periodic_task(crontab(minute="7"))
@lock_task("tuijin-daily")
def daily_tick() -> None:
    daily_run()
