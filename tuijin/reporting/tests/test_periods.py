"""Periods: spans and labels, due dates in Chinese working days, opening them automatically."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command, load_command_class

from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind, DueAnchor
from tuijin.reporting.models import Period
from tuijin.reporting.periods import due_date, span_containing, spans_from

from .conftest import at

D = dt.date


@pytest.mark.parametrize(
    ("kind", "day", "start", "end", "label"),
    [
        ("monthly", D(2025, 2, 14), D(2025, 2, 1), D(2025, 2, 28), "2025年2月"),
        ("monthly", D(2024, 2, 29), D(2024, 2, 1), D(2024, 2, 29), "2024年2月"),
        ("quarterly", D(2025, 8, 1), D(2025, 7, 1), D(2025, 9, 30), "2025年第3季度"),
        ("semiannual", D(2025, 6, 30), D(2025, 1, 1), D(2025, 6, 30), "2025年上半年"),
        ("semiannual", D(2025, 7, 1), D(2025, 7, 1), D(2025, 12, 31), "2025年下半年"),
    ],
)
def test_span_containing(kind, day, start, end, label):
    span = span_containing(kind, day)
    assert (span.start, span.end, span.label) == (start, end, label)


def test_spans_from_runs_to_the_last_started_period() -> None:
    labels = [s.label for s in spans_from("quarterly", D(2025, 2, 10), D(2025, 7, 1))]
    assert labels == ["2025年第1季度", "2025年第2季度", "2025年第3季度"]


@pytest.mark.parametrize(
    ("end", "workdays", "anchor", "expected"),
    [
        # September ends just before National Day: 5 working days later is 14 October
        # (9, 10, 11 (make-up Saturday), 13, 14).
        (D(2025, 9, 30), 5, DueAnchor.AFTER_END, D(2025, 10, 14)),
        (D(2025, 9, 30), 1, DueAnchor.AFTER_END, D(2025, 10, 9)),
        (D(2025, 9, 30), 0, DueAnchor.AFTER_END, D(2025, 9, 30)),
        # The golden week itself: a period ending on 3 October is due on the 9th at 0 days.
        (D(2025, 10, 3), 0, DueAnchor.AFTER_END, D(2025, 10, 9)),
        # Before the end: 2 working days before 10 October is 30 September (Sunday 28 is work).
        (D(2025, 10, 10), 2, DueAnchor.BEFORE_END, D(2025, 9, 30)),
        (D(2025, 10, 5), 0, DueAnchor.BEFORE_END, D(2025, 9, 30)),
        (D(2025, 6, 30), 5, DueAnchor.AFTER_END, D(2025, 7, 7)),
        # Spring Festival 2025: 28 Jan – 4 Feb off, Sunday 26 Jan and Saturday 8 Feb worked.
        (D(2025, 1, 25), 1, DueAnchor.AFTER_END, D(2025, 1, 26)),
        (D(2025, 1, 31), 3, DueAnchor.AFTER_END, D(2025, 2, 7)),
    ],
)
def test_due_dates_are_counted_in_chinese_working_days(end, workdays, anchor, expected):
    assert due_date(end=end, workdays=workdays, anchor=anchor) == expected


@pytest.mark.django_db
def test_a_monthly_cycle_opens_its_periods_with_due_dates_across_national_day() -> None:
    cycle = services.cycle_create(
        name="月报", kind=CycleKind.MONTHLY, starts_on=D(2025, 8, 1), due_workdays=5
    )
    opened = services.periods_open_due(today=D(2025, 10, 2), now=at(2025, 10, 2))
    assert [(p.label, p.due_date) for p in opened] == [
        ("2025年8月", D(2025, 9, 5)),
        ("2025年9月", D(2025, 10, 14)),
        ("2025年10月", D(2025, 11, 7)),
    ]
    again = services.period_open(cycle=cycle, start=D(2025, 9, 1), end=D(2025, 9, 30))
    assert again == opened[1]  # opening the same period twice returns the same row
    assert Period.objects.count() == 3


@pytest.mark.django_db
def test_periods_open_due_skips_inactive_adhoc_and_future_cycles() -> None:
    services.cycle_create(
        name="停用", kind=CycleKind.MONTHLY, starts_on=D(2025, 1, 1), active=False
    )
    services.cycle_create(name="专项", kind=CycleKind.ADHOC, starts_on=D(2025, 1, 1))
    services.cycle_create(name="明年", kind=CycleKind.QUARTERLY, starts_on=D(2026, 1, 1))
    # A cycle starting mid-period does not open the period already under way.
    services.cycle_create(name="季报", kind=CycleKind.QUARTERLY, starts_on=D(2025, 2, 15))
    opened = services.periods_open_due(today=D(2025, 7, 1))
    assert [(p.cycle.name, p.label) for p in opened] == [
        ("季报", "2025年第2季度"),
        ("季报", "2025年第3季度"),
    ]


@pytest.mark.django_db
def test_open_periods_command_prints_what_it_opened() -> None:
    services.cycle_create(name="半年报", kind=CycleKind.SEMIANNUAL, starts_on=D(2025, 1, 1))
    out = StringIO()
    call_command("open_periods", "--today", "2025-07-01", stdout=out)
    text = out.getvalue()
    assert "2025年上半年" in text and "2025年下半年" in text and "共开启 2 期" in text
    out = StringIO()
    call_command("open_periods", "--today", "2025-07-01", stdout=out)
    assert "共开启 0 期" in out.getvalue()


@pytest.mark.parametrize("name", ["open_periods", "send_reminders", "compute_warnings"])
def test_reporting_commands_have_help_with_an_example(name):
    command = load_command_class("tuijin.reporting", name)
    text = command.create_parser("manage.py", name).format_help()
    assert "例：tuijin manage" in text and "--today" in text
