"""tuijin manage compute_warnings [--today YYYY-MM-DD]: refresh every red/yellow/green light."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tuijin.reporting.choices import WarningLevel
from tuijin.reporting.services import warnings_compute

from ._today import add_today_argument, parse_today

KIND_LABELS = {"task": "任务", "project": "项目", "target": "目标"}


class Command(BaseCommand):
    help = (
        "按当前预警规则重新计算所有任务、项目、目标的红黄绿灯。例：tuijin manage compute_warnings"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_today_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        result = warnings_compute(today=parse_today(options.get("today")))
        for kind, counts in result.items():
            parts = "，".join(
                f"{WarningLevel(level).label} {counts.get(level, 0)}"
                for level in ("red", "yellow", "green", "grey")
            )
            self.stdout.write(f"{KIND_LABELS[kind]}：{parts}")
