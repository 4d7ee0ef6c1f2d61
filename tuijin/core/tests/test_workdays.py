"""Chinese working days: holidays, make-up working days, and the fallback for unknown years."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from tuijin.core import workdays
from tuijin.core.workdays import add_workdays, calendar_knows, is_workday, workdays_between

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2025, 9, 26), True),  # Friday
        (D(2025, 9, 27), False),  # Saturday
        (D(2025, 9, 28), True),  # Sunday, make-up working day before National Day
        (D(2025, 10, 1), False),  # National Day
        (D(2025, 10, 6), False),  # Mid-Autumn inside the golden week
        (D(2025, 10, 8), False),  # last holiday of the week
        (D(2025, 10, 9), True),  # back to work (Thursday)
        (D(2025, 10, 11), True),  # Saturday, make-up working day
        (D(2025, 1, 26), True),  # Sunday, make-up before Spring Festival
        (D(2025, 1, 28), False),  # Spring Festival eve
        (D(2025, 2, 4), False),  # last day of Spring Festival
        (D(2025, 2, 5), True),
        (D(2025, 2, 8), True),  # Saturday, make-up after Spring Festival
        (D(2025, 6, 30), True),
    ],
)
def test_is_workday_follows_the_official_arrangement(day: dt.date, expected: bool) -> None:
    assert is_workday(day) is expected


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2025, 9, 26), 1, D(2025, 9, 28)),  # Fri → make-up Sunday
        (D(2025, 9, 28), 1, D(2025, 9, 29)),
        (D(2025, 9, 30), 1, D(2025, 10, 9)),  # across the whole golden week
        (D(2025, 9, 30), 2, D(2025, 10, 10)),
        (D(2025, 9, 30), 3, D(2025, 10, 11)),  # make-up Saturday counts
        (D(2025, 9, 30), 4, D(2025, 10, 13)),
        (D(2025, 10, 9), -1, D(2025, 9, 30)),
        (D(2025, 10, 9), -3, D(2025, 9, 28)),
        (D(2025, 10, 1), 0, D(2025, 10, 9)),  # zero on a holiday → next working day
        (D(2025, 10, 9), 0, D(2025, 10, 9)),
        (D(2025, 6, 30), 5, D(2025, 7, 7)),
    ],
)
def test_add_workdays_skips_holidays_and_counts_make_up_days(
    start: dt.date, n: int, expected: dt.date
) -> None:
    assert add_workdays(start, n) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (D(2025, 9, 30), D(2025, 10, 9), 1),
        (D(2025, 9, 26), D(2025, 10, 10), 5),  # 28, 29, 30 Sep; 9, 10 Oct
        (D(2025, 10, 1), D(2025, 10, 8), 0),
        (D(2025, 10, 9), D(2025, 9, 30), -1),
        (D(2025, 3, 3), D(2025, 3, 3), 0),
    ],
)
def test_workdays_between_counts_after_a_up_to_b(a: dt.date, b: dt.date, expected: int) -> None:
    assert workdays_between(a, b) == expected


@pytest.mark.parametrize("n", [1, 2, 5, 10, 23])
def test_workdays_between_inverts_add_workdays(n: int) -> None:
    start = D(2025, 9, 20)
    assert workdays_between(start, add_workdays(start, n)) == n


def test_unknown_year_falls_back_to_weekdays_with_a_warning(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workdays, "_warned_years", set())
    workdays.forget()
    assert not calendar_knows(2099)
    with caplog.at_level(logging.WARNING, logger="tuijin.core.workdays"):
        assert is_workday(D(2099, 1, 1)) is True  # Thursday, no holiday data
        assert is_workday(D(2099, 1, 3)) is False  # Saturday
        assert add_workdays(D(2099, 1, 2), 1) == D(2099, 1, 5)
    messages = [r.getMessage() for r in caplog.records if r.name == "tuijin.core.workdays"]
    assert len(messages) == 1  # warned once for the year
    assert "2099" in messages[0]


def test_known_year_is_reported() -> None:
    assert calendar_knows(2025)


def test_counting_across_many_years_matches_day_by_day() -> None:
    a, b = D(2024, 12, 20), D(2026, 1, 10)
    slow = sum(is_workday(a + dt.timedelta(days=i)) for i in range(1, (b - a).days + 1))
    assert workdays_between(a, b) == slow
    assert workdays_between(D(2025, 12, 31), D(2026, 1, 1)) == 0  # New Year's Day
    assert workdays_between(D(2025, 12, 30), D(2026, 1, 5)) == 3  # 31 Dec, 4 Jan (make-up), 5 Jan


@pytest.mark.django_db
def test_days_the_office_sets_win_and_cover_a_year_the_package_lacks(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuijin.core.models import CalendarDay

    monkeypatch.setattr(workdays, "_warned_years", set())
    workdays.forget()
    CalendarDay.objects.create(day=D(2099, 1, 1), is_workday=False, note="元旦")
    CalendarDay.objects.create(day=D(2099, 1, 3), is_workday=True, note="调休上班")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="tuijin.core.workdays"):
        assert is_workday(D(2099, 1, 1)) is False  # a Thursday off
        assert is_workday(D(2099, 1, 3)) is True  # a Saturday worked
        assert is_workday(D(2099, 1, 2)) is True  # not set: Monday to Friday
        assert workdays_between(D(2099, 1, 1), D(2099, 1, 5)) == 3
    warned = [r.getMessage() for r in caplog.records if r.name == "tuijin.core.workdays"]
    assert not [m for m in warned if "2099" in m]  # a year with set days is not guessed
    assert is_workday(D(2099, 1, 5)) is True
    CalendarDay.objects.create(day=D(2099, 1, 5), is_workday=False, note="补假")
    assert is_workday(D(2099, 1, 5)) is False  # the save cleared the year built before
    CalendarDay.objects.create(day=D(2025, 10, 9), is_workday=False, note="地方假日")
    assert is_workday(D(2025, 10, 9)) is False  # a set day wins over the package too
    CalendarDay.objects.filter(day=D(2025, 10, 9)).delete()  # a queryset delete sends no signal
    workdays.forget()
    assert is_workday(D(2025, 10, 9)) is True


@pytest.mark.django_db
def test_a_deleted_day_is_forgotten_at_once() -> None:
    from tuijin.core.models import CalendarDay

    day = CalendarDay.objects.create(day=D(2099, 5, 4), is_workday=False, note="青年节")
    assert is_workday(D(2099, 5, 4)) is False
    day.delete()
    assert is_workday(D(2099, 5, 4)) is True
