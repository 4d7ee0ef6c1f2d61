"""Pure calendar arithmetic of reporting periods: spans, labels and due dates (no database)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from tuijin.core.workdays import add_workdays, is_workday

from .choices import CycleKind, DueAnchor


@dataclass(frozen=True)
class Span:
    start: dt.date
    end: dt.date
    label: str


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def span_containing(kind: str, day: dt.date) -> Span:
    """The period of a regular cycle KIND that contains DAY."""
    y, m = day.year, day.month
    if kind == CycleKind.MONTHLY:
        return Span(dt.date(y, m, 1), _month_end(y, m), f"{y}年{m}月")
    if kind == CycleKind.QUARTERLY:
        q = (m - 1) // 3 + 1
        return Span(dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), f"{y}年第{q}季度")
    if kind == CycleKind.SEMIANNUAL:
        if m <= 6:
            return Span(dt.date(y, 1, 1), dt.date(y, 6, 30), f"{y}年上半年")
        return Span(dt.date(y, 7, 1), dt.date(y, 12, 31), f"{y}年下半年")
    raise ValueError(f"cycle kind {kind!r} has no regular periods")


def spans_from(kind: str, first_day: dt.date, last_day: dt.date) -> Iterator[Span]:
    """Every period of KIND from the one containing FIRST_DAY to the last starting by LAST_DAY."""
    span = span_containing(kind, first_day)
    while span.start <= last_day:
        yield span
        span = span_containing(kind, span.end + dt.timedelta(days=1))


def due_date(*, end: dt.date, workdays: int, anchor: str) -> dt.date:
    """When a period ending on END is due: WORKDAYS working days after (or before) END."""
    if anchor == DueAnchor.BEFORE_END:
        if workdays == 0:
            return end if is_workday(end) else add_workdays(end, -1)
        return add_workdays(end, -workdays)
    return add_workdays(end, workdays)


def label_for_span(start: dt.date, end: dt.date) -> str:
    """A label for an ad hoc period."""
    if start == end:
        return f"{start.year}年{start.month}月{start.day}日"
    return f"{start:%Y.%m.%d}—{end:%Y.%m.%d}"
