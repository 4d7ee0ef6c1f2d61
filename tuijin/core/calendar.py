"""节假日安排: a year's holidays and make-up working days, as the office sees and sets them.

The official arrangement comes from the `chinese_calendar` package for the years it knows; the
office enters the rest (a year published after the package's release, a local holiday) as
CalendarDay rows, which win over the package (core/workdays.py counts with both).

    calendar_year(year)                        what the page shows for YEAR (selector)
    calendar_set_days(actor=, first=, last=, is_workday=, note=)   set a run of days (service)
    calendar_clear_day(actor=, day=)           drop the office's setting of DAY (service)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import chinese_calendar
from django.db import transaction

from tuijin.accounts.permissions import require

from .audit import stamp
from .errors import ServiceError
from .models import CalendarDay
from .workdays import calendar_knows, forget, is_workday

MAX_RUN_DAYS = 31  # the longest run set at once: no holiday is longer
CHANGE_REASON = "节假日安排"
_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


@dataclass(frozen=True)
class Day:
    """A day that is not what Monday-to-Friday would make it, or that the office has set."""

    day: dt.date
    is_workday: bool
    note: str
    set_by_office: bool  # a CalendarDay row (it can be cleared), else the package's arrangement


@dataclass
class Year:
    year: int
    package_knows: bool
    workdays: int
    days: list[Day] = field(default_factory=list)

    @property
    def office_days(self) -> int:
        return sum(d.set_by_office for d in self.days)


def _package_day(day: dt.date) -> Day | None:
    """The package's entry for DAY when it differs from Monday to Friday."""
    workday = bool(chinese_calendar.is_workday(day))
    if workday == (day.weekday() < 5):
        return None
    _on_holiday, name = chinese_calendar.get_holiday_detail(day)
    label = _HOLIDAY_NAMES.get(str(name), str(name or ""))
    note = f"{label}调休上班" if workday else label
    return Day(day=day, is_workday=workday, note=note, set_by_office=False)


def calendar_year(year: int) -> Year:
    """YEAR's holidays on weekdays and working weekends, with the office's own settings."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    knows = calendar_knows(year)
    days: dict[dt.date, Day] = {}
    if knows:
        day = first
        while day <= last:
            entry = _package_day(day)
            if entry is not None:
                days[day] = entry
            day += dt.timedelta(days=1)
    for row in CalendarDay.objects.filter(day__year=year):
        days[row.day] = Day(row.day, row.is_workday, row.note, set_by_office=True)
    count = sum(is_workday(first + dt.timedelta(days=i)) for i in range((last - first).days + 1))
    listed = [days[d] for d in sorted(days)]
    return Year(year=year, package_knows=knows, workdays=count, days=listed)


@transaction.atomic
def calendar_set_days(
    *, actor: Any, first: dt.date, last: dt.date, is_workday: bool, note: str = ""
) -> int:
    """Set every day from FIRST to LAST (inclusive) as a working day or a day off; return how
    many rows were written. An existing setting of any of those days is replaced."""
    require(actor, "core.manage_calendar")
    if last < first:
        raise ServiceError("C010", "结束日期早于开始日期")
    if (last - first).days + 1 > MAX_RUN_DAYS:
        raise ServiceError("C011", f"一次最多设置 {MAX_RUN_DAYS} 天，请分段录入")
    note = note.strip()
    if len(note) > CalendarDay._meta.get_field("note").max_length:  # type: ignore[operator]
        raise ServiceError("C012", "说明太长（最多 40 字）")
    written = 0
    day = first
    while day <= last:
        row = CalendarDay.objects.filter(day=day).first() or CalendarDay(day=day)
        if row.pk is None or (row.is_workday, row.note) != (is_workday, note):
            row.is_workday, row.note = is_workday, note
            stamp(row, actor, CHANGE_REASON)
            row.save()
            written += 1
        day += dt.timedelta(days=1)
    forget()
    return written


@transaction.atomic
def calendar_clear_day(*, actor: Any, day: dt.date) -> bool:
    """Drop the office's setting of DAY (it then follows the package); False if there was none."""
    require(actor, "core.manage_calendar")
    row = CalendarDay.objects.filter(day=day).first()
    if row is None:
        return False
    stamp(row, actor, CHANGE_REASON)
    row.delete()
    forget()
    return True
