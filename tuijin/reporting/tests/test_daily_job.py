"""The scheduler's daily run: periods opened, lights refreshed and reminders sent once per local
day, from 06:00 on, recorded as a job; an hourly look before that or after the run does nothing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from huey.contrib.djhuey import HUEY

from tuijin.core.models import Job
from tuijin.reporting.tasks import DAILY, daily_run, daily_tick

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.django_db
def test_the_daily_run_happens_once_per_local_day_from_six_oclock() -> None:
    assert daily_run(dt.datetime(2026, 6, 30, 5, 59, tzinfo=SHANGHAI)) is None
    first = daily_run(dt.datetime(2026, 6, 30, 6, 7, tzinfo=SHANGHAI))
    assert first is not None and first.status == Job.Status.DONE
    assert first.kind == DAILY and "2026-06-30" in first.label
    assert "刷新预警" in first.result_note
    assert daily_run(dt.datetime(2026, 6, 30, 23, 7, tzinfo=SHANGHAI)) is None
    # 22:30 UTC on the 30th is already 06:30 of July 1st in Shanghai: the next day's run
    nxt = daily_run(dt.datetime(2026, 6, 30, 22, 30, tzinfo=dt.UTC))
    assert nxt is not None and "2026-07-01" in nxt.label
    assert Job.objects.filter(kind=DAILY).count() == 2


def test_the_scheduler_knows_the_hourly_look() -> None:
    periodic = [t for t in HUEY._registry.periodic_tasks if t.name.endswith("daily_tick")]
    assert len(periodic) == 1
    task = daily_tick.s()
    assert task.validate_datetime(dt.datetime(2026, 6, 30, 9, 7))
    assert not task.validate_datetime(dt.datetime(2026, 6, 30, 9, 8))
