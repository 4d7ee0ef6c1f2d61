"""The --today option shared by the reporting commands (cron runs them without it)."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser

from django.core.management.base import CommandError
from django.utils import timezone


def add_today_argument(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="按此日期执行（默认今天，时区取 TIME_ZONE）",
    )


def parse_today(value: str | None) -> dt.date:
    if not value:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{value}") from None
