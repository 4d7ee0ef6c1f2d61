"""tuijin manage open_periods [--today YYYY-MM-DD]: open the reporting periods due by today."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tuijin.reporting.services import periods_open_due

from ._today import add_today_argument, parse_today


class Command(BaseCommand):
    help = (
        "开启各启用周期中已到开始日期的报送期次（可重复执行，已开启的不会重复开启）。"
        "例：tuijin manage open_periods --today 2025-07-01"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_today_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        opened = periods_open_due(today=parse_today(options.get("today")))
        for period in opened:
            self.stdout.write(f"已开启：{period}（报送期限 {period.due_date:%Y-%m-%d}）")
        self.stdout.write(f"共开启 {len(opened)} 期")
