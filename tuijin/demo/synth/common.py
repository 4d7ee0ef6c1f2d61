"""What every step of the generator shares: the seeded random source, the day the region is
generated for, batched inserts and the timings of each step."""

from __future__ import annotations

import calendar
import datetime as dt
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.db import models

M = TypeVar("M", bound=models.Model)
BATCH = 2000
TZ = ZoneInfo("Asia/Shanghai")
CENT = Decimal("0.0001")


@dataclass
class Ctx:
    rng: random.Random
    today: dt.date
    say: Callable[[str], None]
    timings: dict[str, float] = field(default_factory=dict)

    def bulk(self, model: type[M], rows: Iterable[M]) -> list[M]:
        """Insert ROWS in batches (primary keys are set on the objects)."""
        return model._default_manager.bulk_create(list(rows), batch_size=BATCH)

    def timed(self, label: str) -> _Timer:
        return _Timer(self, label)

    def pick(self, items: list[Any]) -> Any:
        return items[self.rng.randrange(len(items))]


class _Timer:
    def __init__(self, ctx: Ctx, label: str) -> None:
        self.ctx, self.label = ctx, label

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        seconds = time.perf_counter() - self.start
        self.ctx.timings[self.label] = seconds
        if exc[0] is None:
            self.ctx.say(f"  {self.label}: {seconds:.1f} s")


def money(value: float) -> Decimal:
    """An amount in 亿元, to 万元 precision, never below one 万元."""
    return max(Decimal(str(round(value, 4))), CENT)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def months_back(today: dt.date, count: int) -> list[tuple[int, int]]:
    """The COUNT months before TODAY's month, oldest first."""
    index = today.year * 12 + today.month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - count, index)]


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=TZ)


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
