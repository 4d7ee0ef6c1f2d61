"""Chinese working days: statutory holidays and make-up working days (调休上班).

Built on the `chinese_calendar` package, which knows each year's official arrangement up to the
year it was released for. Days the office has set (节假日安排 page, CalendarDay) win over
the package: the arrangement of a year the package does not know yet, or a local holiday. For a
year neither knows, a day counts as a working day when it falls Monday to Friday, and a warning is
logged once per year so that the operator enters the arrangement or upgrades the package.

A year's table is built once and kept for CACHE_SECONDS (a change saved in this process clears it
at once, see apps.py); another worker process sees a change within that time.

    is_workday(date)            is DATE a working day?
    add_workdays(date, n)       the Nth working day after DATE (before it when N < 0)
    workdays_between(a, b)      how many working days lie after A up to and including B
"""

from __future__ import annotations

import datetime as dt
import logging
import time

import chinese_calendar
from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured
from django.db import DatabaseError

logger = logging.getLogger(__name__)

_warned_years: set[int] = set()
CACHE_SECONDS = 300.0
_tables: dict[int, tuple[float, tuple[bool, ...], tuple[int, ...]]] = {}
_ONE_DAY = dt.timedelta(days=1)
# Guard against a runaway loop on absurd input: no stretch of holidays is this long.
_MAX_SCAN_DAYS = 366 * 50


def calendar_knows(year: int) -> bool:
    """Whether the installed calendar has the official arrangement for YEAR."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _set_days(year: int) -> dict[dt.date, bool]:
    """The days of YEAR the office has set (CalendarDay), or none where there is no database."""
    try:
        from tuijin.core.models import CalendarDay

        return dict(CalendarDay.objects.filter(day__year=year).values_list("day", "is_workday"))
    except (DatabaseError, RuntimeError, AppRegistryNotReady, ImproperlyConfigured):
        return {}  # no database here (a test without one, a script before setup)


def _official_or_weekday(day: dt.date, set_days: dict[dt.date, bool]) -> bool:
    if day in set_days:
        return set_days[day]
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        if day.year not in _warned_years and not set_days:
            _warned_years.add(day.year)
            logger.warning(
                "chinese_calendar %s 不含 %s 年的节假日安排，该年按周一至周五计算工作日；"
                "请在“节假日安排”页面（/calendar/）录入该年安排，或升级 chinese_calendar",
                getattr(chinese_calendar, "__version__", "?"),
                day.year,
            )
        return day.weekday() < 5


def forget() -> None:
    """Drop the built year tables (after a CalendarDay is saved or deleted)."""
    _tables.clear()


def _year_table(year: int) -> tuple[tuple[bool, ...], tuple[int, ...]]:
    """For each day of YEAR: is it a working day, and how many working days from 1 January
    up to and including it. Built once per year (and again after CACHE_SECONDS), so counting
    over years stays fast."""
    now = time.monotonic()
    cached = _tables.get(year)
    if cached is not None and now - cached[0] < CACHE_SECONDS:
        return cached[1], cached[2]
    set_days = _set_days(year)
    first = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - first).days
    flags = tuple(_official_or_weekday(first + dt.timedelta(days=i), set_days) for i in range(days))
    running = 0
    cumulative: list[int] = []
    for flag in flags:
        running += flag
        cumulative.append(running)
    table = tuple(cumulative)
    _tables[year] = (now, flags, table)
    return flags, table


def _as_date(day: dt.date) -> dt.date:
    return day.date() if isinstance(day, dt.datetime) else day


def is_workday(day: dt.date) -> bool:
    """Whether DAY is a working day in mainland China (make-up Saturdays/Sundays included)."""
    day = _as_date(day)
    flags, _cumulative = _year_table(day.year)
    return flags[day.timetuple().tm_yday - 1]


def _count_through(day: dt.date) -> int:
    """Working days from 1 January of DAY's year up to and including DAY."""
    return _year_table(day.year)[1][day.timetuple().tm_yday - 1]


def add_workdays(day: dt.date, n: int) -> dt.date:
    """The Nth working day after DAY (N > 0) or before it (N < 0); DAY itself is not counted.

    N == 0 gives DAY when it is a working day, otherwise the next working day (a due date never
    falls on a holiday).
    """
    day = _as_date(day)
    if n == 0:
        return day if is_workday(day) else add_workdays(day, 1)
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    remaining = abs(n)
    current = day
    scanned = 0
    while remaining:
        current += step
        scanned += 1
        if scanned > _MAX_SCAN_DAYS:
            raise ValueError(f"add_workdays: {n} working days from {day} is out of range")
        if is_workday(current):
            remaining -= 1
    return current


def workdays_between(a: dt.date, b: dt.date) -> int:
    """Working days D with A < D <= B; negative when B comes before A.

    `workdays_between(a, add_workdays(a, n)) == n` for every n > 0.
    """
    a, b = _as_date(a), _as_date(b)
    if b < a:
        return -workdays_between(b, a)
    whole_years = sum(_year_table(year)[1][-1] for year in range(a.year, b.year))
    return whole_years + _count_through(b) - _count_through(a)
