"""tuijin manage send_reminders [--today YYYY-MM-DD]: remind units before and after due dates."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tuijin.reporting.services import reminders_send

from ._today import add_today_argument, parse_today


class Command(BaseCommand):
    help = (
        "向尚未报送的单位发送报送提醒（到期前）和逾期催报（到期后），站内通知并按邮件设置发送邮件；"
        "每期每单位每类提醒只发一次。例：tuijin manage send_reminders"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_today_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        notices = reminders_send(today=parse_today(options.get("today")))
        self.stdout.write(f"共发送 {len(notices)} 条提醒")
