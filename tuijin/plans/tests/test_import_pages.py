"""The task ledger (任务分解表) import page: upload → preview (nothing written) → confirm;
export."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tuijin.core.tests import import_page_fixtures as shared
from tuijin.core.tests.excel_builders import ledger_bytes
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.plans.models import Assignment, Task

# the office user and its client (tuijin/core/tests/import_page_fixtures.py)
office = shared.office
client = shared.client

HEADER = ["序号", "任务名称", "牵头单位", "责任单位", "完成时限", "状态", "完成进度(%)"]
FIRST_DATA_ROW = 4  # title, note, one header row


def row(i: int, **changes: Any) -> list[object]:
    values = {
        "seq": i,
        "title": f"第{i}项重点任务",
        "lead": "市发改委",
        "responsible": "市工信局",
        "deadline": "2025年底",
        "status": "推进中",
        "progress": 10 * i,
    }
    values.update(changes)
    return list(values.values())


@pytest.fixture
def units(db: None) -> None:
    fgw = Unit.objects.create(name="江城市发展和改革委员会", short_name="市发改委")
    UnitAlias.objects.create(unit=fgw, name="发改委")
    Unit.objects.create(name="江城市工业和信息化局", short_name="市工信局")


def counts() -> tuple[int, int, int, int]:
    return (
        Task.objects.count(),
        Assignment.objects.count(),
        Task.history.count(),
        Assignment.history.count(),
    )


def upload(client: Client, data: bytes, name: str = "任务分解表.xlsx") -> Any:
    return client.post(reverse("task-import"), {"file": SimpleUploadedFile(name, data)})


def confirm(client: Client, response: Any) -> Any:
    digest = response.context["digest"]
    assert digest
    return client.post(reverse("task-import"), {"sha256": digest})


def test_preview_lists_every_problem_and_writes_nothing(client: Client, units: None) -> None:
    rows = [
        row(1),
        row(2, lead="市财政局"),
        row(3, deadline="2025年13月"),
        row(4, title=""),
        row(5, progress=150),
    ]
    before = counts()
    response = upload(client, ledger_bytes(header=HEADER, rows=rows))
    assert response.status_code == 200
    problems = [(p.row, p.column, p.code) for p in response.context["preview"].problems]
    assert problems == [
        (FIRST_DATA_ROW + 1, "牵头单位", "X009"),
        (FIRST_DATA_ROW + 2, "完成时限", "X008"),
        (FIRST_DATA_ROW + 3, "任务名称", "X004"),
        (FIRST_DATA_ROW + 4, "完成进度(%)", "X017"),
    ]
    html = response.content.decode()
    assert "发现 4 个问题" in html and "X017" in html
    assert 'name="sha256"' not in html
    assert counts() == before


def test_fixed_file_then_confirm_writes_tasks_and_units_and_reimport_changes_nothing(
    client: Client, office: Any, units: None
) -> None:
    data = ledger_bytes(header=HEADER, rows=[row(1), row(2), row(3)])
    before = counts()
    response = upload(client, data)
    assert response.context["preview"].created == 3
    assert counts() == before
    done = confirm(client, response)
    assert done.status_code == 302 and done.url == reverse("task-list")
    assert Task.objects.count() == 3
    assert Assignment.objects.filter(role="lead").count() == 3
    assert Task.history.filter(title="第2项重点任务").get().history_user == office
    after = counts()
    again = upload(client, data)
    assert again.context["preview"].unchanged == 3
    confirm(client, again)
    assert counts() == after
    edited = upload(client, ledger_bytes(header=HEADER, rows=[row(1), row(2, status="已完成")]))
    assert edited.context["preview"].updated == 1
    confirm(client, edited)
    assert Task.objects.count() == 3
    assert Task.objects.get(title="第2项重点任务").status == "done"


def test_a_broken_file_gets_a_chinese_error_and_writes_nothing(client: Client, units: None) -> None:
    before = counts()
    response = upload(client, b"PK\x03\x04 not really a zip")
    assert "[X001]" in response.content.decode()
    assert counts() == before


# export ---------------------------------------------------------------------------------------
def test_export_contains_exactly_the_filtered_tasks(client: Client, units: None) -> None:
    rows = [row(1), row(2, lead="市工信局", responsible=""), row(3)]
    confirm(client, upload(client, ledger_bytes(header=HEADER, rows=rows)))
    gxj = Unit.objects.get(short_name="市工信局")
    response = client.get(reverse("task-export"), {"unit": str(gxj.pk), "role": "lead"})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    header = [c.value for c in ws[3]]
    col = header.index("任务名称")
    titles = [r[col] for r in ws.iter_rows(min_row=4, values_only=True) if r[col]]
    assert titles == ["第2项重点任务"]
    everything = load_workbook(io.BytesIO(client.get(reverse("task-export")).content)).active
    assert everything is not None
    assert everything.max_row == 3 + 3


def test_the_task_list_links_to_export_with_its_query(client: Client, units: None) -> None:
    html = client.get(reverse("task-list"), {"status": "done"}).content.decode()
    assert f'href="{reverse("task-export")}?status=done"' in html
    assert reverse("task-import") in html
