"""Excel downloads of the reporting pages: warnings (with the page's filters) and a period's
reports."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind
from tuijin.reporting.models import Warning

from .conftest import at


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _rows(data: bytes, header_row: int = 3) -> tuple[list[Any], list[tuple[Any, ...]]]:
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    header = [c.value for c in ws[header_row]]
    rows = [r for r in ws.iter_rows(min_row=header_row + 1, values_only=True) if r[0]]
    return header, rows


def test_warning_export_has_exactly_the_filtered_warnings(region: Any, office: Any) -> None:
    r = region
    now = timezone.now()
    for obj, level in ((r.t1, "red"), (r.t2, "green"), (r.p1, "red"), (r.p2, "yellow")):
        kind = "task" if obj in (r.t1, r.t2) else "project"
        Warning.objects.create(
            **{kind: obj}, level=level, reason=f"{obj}的原因", changed_at=now, computed_at=now
        )
    client = _client(office)
    response = client.get(reverse("reporting-warning-export"), {"level": "red"})
    assert response.status_code == 200
    header, rows = _rows(response.content)
    assert header[:5] == ["序号", "灯色", "对象", "名称", "牵头单位"]
    assert sorted((row[2], row[3], row[4]) for row in rows) == [
        ("任务", "培育新能源汽车产业集群", "江城市发展和改革委员会"),
        ("项目", "动力电池生产基地", "江城市发展和改革委员会"),
    ]
    _h, projects = _rows(
        client.get(reverse("reporting-warning-export"), {"kind": "project"}).content
    )
    assert sorted(row[3] for row in projects) == ["动力电池生产基地", "智能网联测试场"]


def test_period_export_has_every_entry_and_the_units_that_did_not_report(
    region: Any, office: Any
) -> None:
    r = region
    cycle = services.cycle_create(
        name="月度报送", kind=CycleKind.MONTHLY, starts_on=dt.date(2025, 1, 1), actor=office
    )
    period = services.period_open(
        cycle=cycle, start=dt.date(2025, 5, 1), end=dt.date(2025, 5, 31), actor=office
    )
    sub = services.submission_start(unit=r.a, period=period, actor=office, now=at(2025, 6, 2))
    for entry in sub.entries.all():
        text = "完成规划编制" if entry.task_id else "正在施工"
        services.entry_update(entry=entry, progress_text=text, percent=40, actor=office)
    services.submission_submit(submission=sub, actor=office, now=at(2025, 6, 3))
    response = _client(office).get(reverse("reporting-period-export", args=[period.pk]))
    assert response.status_code == 200
    header, rows = _rows(response.content)
    assert header[:7] == ["序号", "报送单位", "状态", "报送时间", "逾期", "类别", "任务/项目/指标"]
    a_rows = [row for row in rows if row[1] == r.a.name]
    assert [(row[5], row[6]) for row in a_rows] == [
        ("任务", "培育新能源汽车产业集群"),
        ("项目", "动力电池生产基地"),
        ("项目", "智能网联测试场"),
    ]
    assert a_rows[0][2] == "已报送" and a_rows[0][8] == "完成规划编制" and a_rows[0][9] == 40
    others = {row[1]: row[2] for row in rows if row[1] != r.a.name}
    assert set(others) == {r.b.name, r.c.name}
    assert set(others.values()) <= {"未报送", "逾期未报送"}


def test_period_export_is_refused_to_a_user_without_the_board(region: Any, office: Any) -> None:
    cycle = services.cycle_create(
        name="月度报送", kind=CycleKind.MONTHLY, starts_on=dt.date(2025, 1, 1), actor=office
    )
    period = services.period_open(
        cycle=cycle, start=dt.date(2025, 5, 1), end=dt.date(2025, 5, 31), actor=office
    )
    stranger = get_user_model().objects.create(username="stranger")
    response = _client(stranger).get(reverse("reporting-period-export", args=[period.pk]))
    assert response.status_code == 403
