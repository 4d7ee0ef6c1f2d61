"""Import and export of the key-project ledger (重点项目台账) in Excel."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from python_calamine import CalamineWorkbook

from tuijin.accounts.models import Profile
from tuijin.cli import main
from tuijin.core.errors import ServiceError
from tuijin.core.tests.excel_builders import ledger_bytes
from tuijin.geo.models import Area
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.projects.excel import project_ledger_export
from tuijin.projects.filters import ProjectFilter
from tuijin.projects.models import AnnualPlan, ProgressReport, Project
from tuijin.projects.services import project_import_commit, project_import_preview

HEADER = [
    "序号",
    "项目名称",
    "建设地点",
    ("2025年", ["计划投资(亿元)", "1-10月完成投资(亿元)"]),
    "总投资(亿元)",
    "牵头单位",
    "责任单位",
    "项目阶段",
    "开工年月",
    "竣工年月",
    "建设内容及规模",
    "责任领导",
    "进展情况",
    "存在问题",
]
FIRST_DATA_ROW = 5  # title, note, two header rows


def good_row(i: int) -> list[object]:
    return [
        i,
        f"江城第{i}号重点项目",
        "东山县" if i % 2 else "高新区",
        2 + i / 100,
        1.5,
        20 + i,
        "市发改委" if i % 3 else "江城市工业和信息化局",
        "东山县人民政府、发改委",
        "续建" if i % 2 else "新开工",
        "2025.3",
        "2027年",
        f"建设厂房{i}万平方米",
        "张副市长",
        "主体施工",
        "",
    ]


@pytest.fixture
def region(db):
    fgw = Unit.objects.create(name="江城市发展和改革委员会", short_name="市发改委")
    UnitAlias.objects.create(unit=fgw, name="发改委")
    Unit.objects.create(name="江城市工业和信息化局", short_name="市工信局")
    Unit.objects.create(name="东山县人民政府")
    Area.objects.create(name="东山县", kind="county")
    Area.objects.create(name="江城高新区", short_name="高新区", kind="national_zone")


def counts() -> tuple[int, int, int, int]:
    return (
        Project.objects.count(),
        AnnualPlan.objects.count(),
        ProgressReport.objects.count(),
        Project.history.count(),
    )


def test_preview_reads_title_rows_merged_header_and_every_field(region):
    preview = project_import_preview(ledger_bytes(header=HEADER, rows=[good_row(1)]))
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.created == 1
    row = preview.rows[0]
    assert row.row == FIRST_DATA_ROW
    assert row.name == "江城第1号重点项目"
    assert row.values["total_investment"] == Decimal("21")
    assert row.values["stage"] == "continuing"
    assert row.values["start_year"] == 2025
    assert row.values["planned_start"] == dt.date(2025, 3, 1)
    assert row.values["end_year"] == 2027
    assert row.values["area_id"] == Area.objects.get(name="东山县").pk
    assert row.values["lead_unit_id"] == Unit.objects.get(short_name="市发改委").pk
    assert row.plans == {2025: Decimal("2.01")}
    assert row.progress == {(2025, 10): Decimal("1.5")}
    names = set(Unit.objects.filter(pk__in=row.responsible_unit_ids).values_list("name", flat=True))
    assert names == {"东山县人民政府", "江城市发展和改革委员会"}


def test_columns_in_any_order_with_wan_yuan_and_unmerged_header(region):
    header = [
        "存在问题",
        ("2025年", ["1-10月完成", "计划投资"]),
        "牵头单位",
        "项目名称",
        "总投资（万元）",
        "序号",
    ]
    data = ledger_bytes(
        header=header,
        rows=[["", 3500, "12,000", "市工信局", "江城电池项目", "350,000", 1]],
        title="江城市重点项目台账（单位：万元）",
        merge_header=False,
        first_column=3,
    )
    preview = project_import_preview(data)
    assert preview.ok, [str(p) for p in preview.problems]
    row = preview.rows[0]
    assert row.values["total_investment"] == Decimal("35")
    assert row.plans == {2025: Decimal("1.2")}
    assert row.progress == {(2025, 10): Decimal("0.35")}


def test_every_problem_by_row_and_column_and_nothing_written(region):
    rows = [good_row(i) for i in range(1, 8)]
    rows[1][6] = "市财政局"  # unknown unit → row 6
    rows[2][5] = "约20亿"  # bad number → row 7
    rows[3][1] = ""  # missing name → row 8
    rows[4][8] = "已开工建设中"  # unknown stage → row 9
    rows[5][2] = "西山县"  # unknown area → row 10
    rows[6][9] = "2025年13月"  # bad year-month → row 11
    rows.append(good_row(1))  # duplicate of row 5 → row 12
    before = counts()
    preview = project_import_preview(ledger_bytes(header=HEADER, rows=rows))
    got = [(p.row, p.column, p.code) for p in preview.problems]
    assert got == [
        (6, "牵头单位", "X009"),
        (7, "总投资(亿元)", "X005"),
        (8, "项目名称", "X004"),
        (9, "项目阶段", "X011"),
        (10, "建设地点", "X010"),
        (11, "开工年月", "X008"),
        (12, "项目名称", "X012"),
    ]
    assert "市财政局" in preview.problems[0].message
    with pytest.raises(ServiceError) as caught:
        project_import_commit(preview=preview, actor=None)
    assert caught.value.code == "X019"
    assert counts() == before


def test_unknown_money_unit_and_missing_year_are_header_problems(region):
    header = ["序号", "项目名称", "总投资(万美元)", "年度计划投资(亿元)"]
    data = ledger_bytes(header=header, rows=[[1, "甲项目", 1, 1]], title="重点项目台账")
    preview = project_import_preview(data)
    assert [(p.row, p.column, p.code) for p in preview.problems] == [
        (3, "总投资(万美元)", "X007"),
    ]
    header = ["序号", "项目名称", "总投资(亿元)", "年度计划投资(亿元)"]
    data = ledger_bytes(header=header, rows=[[1, "甲项目", 1, 1]], title="重点项目台账")
    preview = project_import_preview(data)
    assert [(p.row, p.column, p.code) for p in preview.problems] == [
        (3, "年度计划投资(亿元)", "X013")
    ]


def test_no_header_and_unreadable_file(region):
    preview = project_import_preview(ledger_bytes(header=["甲", "乙"], rows=[[1, 2]]))
    assert [p.code for p in preview.problems] == ["X002"]
    with pytest.raises(ServiceError) as caught:
        project_import_preview(b"not a workbook")
    assert caught.value.code == "X001"


def test_section_total_numbering_and_note_rows_are_skipped(region):
    rows = [
        ["", "合计", "", 10, 5, 100, "", "", "", "", "", "", "", "", ""],
        ["一、工业项目", "一、工业项目", "", "", "", "", "", "", "", "", "", "", "", "", ""],
        good_row(1),
        good_row(2),
        ["注：金额单位为亿元"],
    ]
    data = ledger_bytes(header=HEADER, rows=rows, numbering_row=True)
    preview = project_import_preview(data)
    assert preview.ok, [str(p) for p in preview.problems]
    assert [r.name for r in preview.rows] == ["江城第1号重点项目", "江城第2号重点项目"]
    assert preview.skipped == [5, 6, 7, 10]


def test_fixed_file_imports_and_reimport_changes_nothing(region):
    user = get_user_model().objects.create_user(username="office")
    Profile.objects.create(user=user, role="office")  # only the office (or an admin) imports
    data = ledger_bytes(header=HEADER, rows=[good_row(i) for i in range(1, 21)])
    preview = project_import_preview(data)
    assert preview.ok and preview.created == 20
    result = project_import_commit(preview=preview, actor=user)
    assert (result.created, result.updated, result.unchanged) == (20, 0, 0)
    project = Project.objects.get(name="江城第3号重点项目")
    assert project.total_investment == Decimal("23")
    assert project.lead_unit.name == "江城市工业和信息化局"
    assert project.responsible_units.count() == 2
    assert project.annual_plans.get().planned_investment == Decimal("2.03")
    report = project.progress_reports.get()
    assert (report.year, report.month, report.cumulative_investment) == (2025, 10, Decimal("1.5"))
    assert report.completed_investment == Decimal("1.5")
    assert project.history.first().history_user == user
    before = counts()
    snapshot = list(Project.objects.order_by("name").values())
    again = project_import_preview(data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 20)
    result = project_import_commit(preview=again, actor=user)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 20)
    assert counts() == before
    assert list(Project.objects.order_by("name").values()) == snapshot


def test_reimport_updates_the_same_project(region):
    project_import_commit(
        preview=project_import_preview(ledger_bytes(header=HEADER, rows=[good_row(1)]))
    )
    changed = good_row(1)
    changed[1] = "江城第1号 重点项目"  # spacing differs: still the same project
    changed[3] = 3
    changed[5] = 25
    preview = project_import_preview(ledger_bytes(header=HEADER, rows=[changed]))
    assert preview.rows[0].action == "update"
    assert preview.rows[0].changes == ["总投资", "2025年计划投资"]
    project_import_commit(preview=preview)
    assert Project.objects.count() == 1
    assert AnnualPlan.objects.get().planned_investment == Decimal("3")
    assert Project.objects.get().total_investment == Decimal("25")


def test_export_then_reimport_changes_nothing(region):
    project_import_commit(
        preview=project_import_preview(
            ledger_bytes(header=HEADER, rows=[good_row(i) for i in range(1, 6)])
        )
    )
    data = project_ledger_export(Project.objects.order_by("name"))
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheet = book.get_sheet_by_index(0)
    grid = sheet.to_python()
    assert grid[0][0] == "2025年重点项目台账"
    assert grid[2][6] == "2025年" and grid[3][6] == "计划投资(亿元)"
    assert grid[3][7] == "1-10月完成投资(亿元)"
    assert grid[4][1] == "合计（5个项目）"
    assert ((2, 0), (3, 0)) in sheet.merged_cell_ranges
    before = counts()
    preview = project_import_preview(data)
    assert preview.ok, [str(p) for p in preview.problems]
    assert (preview.created, preview.updated, preview.unchanged) == (0, 0, 5)
    project_import_commit(preview=preview)
    assert counts() == before


def test_export_takes_the_filtered_queryset(region):
    project_import_commit(
        preview=project_import_preview(
            ledger_bytes(header=HEADER, rows=[good_row(i) for i in range(1, 7)])
        )
    )
    qs = ProjectFilter({"stage": "new"}, queryset=Project.objects.all()).qs
    grid = (
        CalamineWorkbook.from_filelike(io.BytesIO(project_ledger_export(qs)))
        .get_sheet_by_index(0)
        .to_python()
    )
    names = [r[1] for r in grid[5:]]
    assert names == ["江城第6号重点项目", "江城第4号重点项目", "江城第2号重点项目"]


@pytest.mark.django_db(transaction=True)
def test_cli_import_dry_run_problems_export(region, tmp_path, capsys):
    bad = [good_row(1), good_row(2)]
    bad[1][5] = "abc"
    path = tmp_path / "bad.xlsx"
    path.write_bytes(ledger_bytes(header=HEADER, rows=bad))
    assert main(["import", "projects", str(path)]) == 1
    out = capsys.readouterr()
    assert "第6行" in out.out and "X005" in out.out
    assert Project.objects.count() == 0
    good = tmp_path / "good.xlsx"
    good.write_bytes(ledger_bytes(header=HEADER, rows=[good_row(i) for i in range(1, 5)]))
    assert main(["import", "projects", str(good), "--dry-run"]) == 0
    assert Project.objects.count() == 0
    assert main(["import", "projects", str(good)]) == 0
    assert Project.objects.count() == 4
    out_file = tmp_path / "out.xlsx"
    assert main(["export", "projects", "--out", str(out_file), "--stage", "续建"]) == 0
    grid = CalamineWorkbook.from_path(str(out_file)).get_sheet_by_index(0).to_python()
    assert [r[1] for r in grid[5:]] == ["江城第3号重点项目", "江城第1号重点项目"]
    assert main(["export", "projects", "--out", str(out_file), "--area", "南山县"]) == 2


def test_two_thousand_rows_three_bad_then_fixed_then_reimported(region):
    rows = [good_row(i) for i in range(1, 2001)]
    bad = [list(r) for r in rows]
    bad[99][5] = "约3亿"
    bad[999][6] = "江城市不存在局"
    bad[1499][1] = ""
    before = counts()
    preview = project_import_preview(ledger_bytes(header=HEADER, rows=bad))
    assert [(p.row, p.column, p.code) for p in preview.problems] == [
        (104, "总投资(亿元)", "X005"),
        (1004, "牵头单位", "X009"),
        (1504, "项目名称", "X004"),
    ]
    with pytest.raises(ServiceError):
        project_import_commit(preview=preview)
    assert counts() == before
    fixed = ledger_bytes(header=HEADER, rows=rows)
    result = project_import_commit(preview=project_import_preview(fixed))
    assert result.created == 2000
    after = counts()
    assert after[:3] == (2000, 2000, 2000)
    result = project_import_commit(preview=project_import_preview(fixed))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2000)
    assert counts() == after


def test_common_header_variants(region):
    header = [
        "序号",
        "项目名称",
        "建设性质",
        "建设规模及内容",
        "开竣工时间",
        "总投资(万元)",
        "截至2024年底累计完成投资(万元)",
        "2025年计划完成投资(万元)",
        "责任单位",
        "备注",
    ]
    row = [1, "乙项目", "新建", "年产10万吨", "2025.3-2026.12", 50000, 20000, 8000, "市工信局", ""]
    preview = project_import_preview(ledger_bytes(header=header, rows=[row], title="项目表"))
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.warnings == [
        "列“截至2024年底累计完成投资(万元)”是开工以来的累计完成投资，暂不导入"
    ]
    assert preview.ignored == ["备注"]
    item = preview.rows[0]
    assert item.values["stage"] == "new"
    assert item.values["content"] == "年产10万吨"
    assert (item.values["start_year"], item.values["end_year"]) == (2025, 2026)
    assert item.values["total_investment"] == Decimal("5")
    assert item.plans == {2025: Decimal("0.8")}
    assert item.progress == {}


def test_every_column_key_has_a_label():
    from tuijin.projects.excel import COLUMN_LABELS, SPECS

    assert {s.key for s in SPECS} == set(COLUMN_LABELS)
