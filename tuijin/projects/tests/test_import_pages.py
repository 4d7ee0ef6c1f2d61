"""The key-project ledger import page: upload → preview (nothing written) → confirm; export."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tuijin.core.tests import import_page_fixtures as shared
from tuijin.core.tests.excel_builders import Header, ledger_bytes
from tuijin.core.tests.job_helpers import download
from tuijin.geo.models import Area
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.projects.models import AnnualPlan, ProgressReport, Project

# the office user and its client (tuijin/core/tests/import_page_fixtures.py)
office = shared.office
client = shared.client

HEADER: list[Header] = [
    "序号",
    "项目名称",
    "建设地点",
    ("2025年", ["计划投资(亿元)", "1-10月完成投资(亿元)"]),
    "总投资(亿元)",
    "牵头单位",
    "项目阶段",
]
FIRST_DATA_ROW = 5  # title, note, two header rows


def row(i: int, **changes: Any) -> list[object]:
    values = {
        "seq": i,
        "name": f"江城第{i}号重点项目",
        "area": "东山县",
        "plan": 2 + i,
        "done": 1.5,
        "total": 20 + i,
        "lead": "市发改委",
        "stage": "续建",
    }
    values.update(changes)
    return list(values.values())


@pytest.fixture
def region(db: None) -> None:
    fgw = Unit.objects.create(name="江城市发展和改革委员会", short_name="市发改委")
    UnitAlias.objects.create(unit=fgw, name="发改委")
    Unit.objects.create(name="江城市工业和信息化局", short_name="市工信局")
    Area.objects.create(name="东山县", kind="county")


def counts() -> tuple[int, int, int, int]:
    return (
        Project.objects.count(),
        AnnualPlan.objects.count(),
        ProgressReport.objects.count(),
        Project.history.count(),
    )


def upload(client: Client, data: bytes, name: str = "台账.xlsx") -> Any:
    return client.post(reverse("project-import"), {"file": SimpleUploadedFile(name, data)})


def confirm(client: Client, response: Any) -> Any:
    digest = response.context["digest"]
    assert digest
    return client.post(reverse("project-import"), {"sha256": digest, "filename": "台账.xlsx"})


def test_import_page_shows_the_upload_form(client: Client) -> None:
    response = client.get(reverse("project-import"))
    assert response.status_code == 200
    assert 'type="file"' in response.content.decode()


def test_preview_lists_every_problem_and_writes_nothing(client: Client, region: None) -> None:
    rows = [row(1), row(2, lead="市财政局"), row(3, total="约20亿"), row(4, name="")]
    before = counts()
    response = upload(client, ledger_bytes(header=HEADER, rows=rows))
    assert response.status_code == 200
    problems = [(p.row, p.column, p.code) for p in response.context["preview"].problems]
    assert problems == [
        (FIRST_DATA_ROW + 1, "牵头单位", "X009"),
        (FIRST_DATA_ROW + 2, "总投资(亿元)", "X005"),
        (FIRST_DATA_ROW + 3, "项目名称", "X004"),
    ]
    html = response.content.decode()
    assert "市财政局" in html and "X005" in html and "发现 3 个问题" in html
    assert 'name="sha256"' not in html  # no confirm button
    assert counts() == before


def test_fixed_file_previews_then_confirm_writes_all_rows_with_the_user(
    client: Client, office: Any, region: None
) -> None:
    data = ledger_bytes(header=HEADER, rows=[row(1), row(2), row(3)])
    before = counts()
    response = upload(client, data)
    preview = response.context["preview"]
    assert preview.ok and (preview.created, preview.updated) == (3, 0)
    html = response.content.decode()
    assert 'name="sha256"' in html
    assert "总投资(亿元)" in html and "年度计划投资（2025年）" in html  # the column mapping
    assert counts() == before  # nothing written before the confirmation
    done = confirm(client, response)
    assert done.status_code == 302 and done.url == reverse("project-list")
    assert Project.objects.count() == 3
    assert AnnualPlan.objects.count() == 3 and ProgressReport.objects.count() == 3
    record = Project.history.filter(name="江城第2号重点项目").get()
    assert record.history_user == office and record.history_change_reason == "Excel导入"
    page = client.get(done.url)
    assert "导入完成：新增 3，更新 0，无变化 0" in page.content.decode()


def test_reimport_updates_the_same_projects_and_an_identical_file_changes_nothing(
    client: Client, region: None
) -> None:
    data = ledger_bytes(header=HEADER, rows=[row(1), row(2)])
    confirm(client, upload(client, data))
    first = counts()
    again = upload(client, data)
    assert (again.context["preview"].created, again.context["preview"].unchanged) == (0, 2)
    confirm(client, again)
    assert counts() == first
    edited = ledger_bytes(header=HEADER, rows=[row(1), row(2, total=99)])
    response = upload(client, edited)
    assert response.context["preview"].updated == 1
    assert "更新" in response.content.decode()
    confirm(client, response)
    assert Project.objects.count() == 2
    assert Project.objects.get(name="江城第2号重点项目").total_investment == 99


def test_confirm_reads_the_file_again_and_refuses_when_the_ledger_changed(
    client: Client, region: None
) -> None:
    response = upload(client, ledger_bytes(header=HEADER, rows=[row(1, lead="市工信局")]))
    assert response.context["preview"].ok
    Unit.objects.filter(short_name="市工信局").delete()
    before = counts()
    again = confirm(client, response)
    assert again.status_code == 200
    assert [p.code for p in again.context["preview"].problems] == ["X009"]
    assert counts() == before


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "不是工作簿")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("台账.csv", b"a,b\n1,2\n", "请上传 Excel 文件"),
        ("台账.xlsx", "项目名称\n".encode(), "文件内容不是 Excel 工作簿"),
        ("台账.xlsx", _zip_bytes(), "[X001] 无法读取 Excel 文件"),
    ],
)
def test_a_broken_or_foreign_file_gets_a_chinese_error_and_writes_nothing(
    client: Client, region: None, settings: Any, name: str, data: bytes, message: str
) -> None:
    before = counts()
    response = upload(client, data, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context.get("preview") is None
    assert counts() == before
    assert not (settings.DATA_DIR / "imports").exists() or not any(
        (settings.DATA_DIR / "imports").rglob("*.xlsx")
    )


def test_a_file_over_the_size_limit_is_refused(client: Client, region: None, settings: Any) -> None:
    settings.TUIJIN_MAX_UPLOAD_BYTES = 1000
    response = upload(client, ledger_bytes(header=HEADER, rows=[row(1)]))
    assert "文件过大" in response.content.decode()
    assert Project.objects.count() == 0


@pytest.mark.parametrize("digest", ["../../etc/passwd", "ABC", "0" * 64])
def test_a_bad_or_unknown_hash_is_refused(client: Client, region: None, digest: str) -> None:
    response = client.post(reverse("project-import"), {"sha256": digest})
    assert response.status_code == 400
    assert "请重新上传" in response.content.decode()
    assert Project.objects.count() == 0


def test_a_user_without_the_add_permission_may_not_import(db: None) -> None:
    user = get_user_model().objects.create(username="reader")
    c = Client()
    c.force_login(user)
    assert c.get(reverse("project-import")).status_code == 403


# export ---------------------------------------------------------------------------------------
def _names(data: bytes) -> list[Any]:
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    top = [c.value for c in ws[3]]  # 项目名称 is merged down over the two header rows
    col = top.index("项目名称")
    return [r[col] for r in ws.iter_rows(min_row=6, values_only=True) if r[col]]


def test_export_carries_the_list_page_filters(client: Client, region: None) -> None:
    rows = [row(1), row(2, stage="新开工"), row(3), row(4, stage="新开工")]
    confirm(client, upload(client, ledger_bytes(header=HEADER, rows=rows)))
    response, data = download(client, reverse("project-export"), {"stage": "new"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert sorted(_names(data)) == ["江城第2号重点项目", "江城第4号重点项目"]
    _, everything = download(client, reverse("project-export"))
    assert len(_names(everything)) == 4


def test_the_list_page_links_to_export_with_its_query_and_to_import(
    client: Client, region: None
) -> None:
    html = client.get(reverse("project-list"), {"stage": "new"}).content.decode()
    assert f'href="{reverse("project-export")}?stage=new"' in html
    assert reverse("project-import") in html
