"""Import and export of the task ledger (任务分解表) in Excel."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tuijin.cli import main
from tuijin.core.errors import ServiceError
from tuijin.core.tests.excel_builders import ledger_bytes
from tuijin.documents.models import Document
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.plans.excel import TaskRow, task_ledger_export
from tuijin.plans.filters import TaskFilter
from tuijin.plans.models import Assignment, Task
from tuijin.plans.services import task_import_commit, task_import_preview

HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "责任单位", "配合单位", "完成时限"]
TITLE = "江城市2025年重点任务分解表"


def sample() -> bytes:
    """Rows 4-8: a section row, a key task merged down over two measures, another section."""
    rows: list[list[object]] = [
        ["一、产业提升", None, None, None, None, None, None],
        [
            1,
            "壮大新能源汽车集群",
            "加快整车项目建设",
            "市发改委",
            "市工信局",
            "东山县人民政府",
            "2025年底",
        ],
        [2, None, "建设动力电池配套园", "市工信局", None, None, "2026年6月"],
        ["二、营商环境", None, None, None, None, None, None],
        [3, "优化审批服务", "推行并联审批", "发改委", None, None, "长期坚持"],
    ]
    return ledger_bytes(
        header=HEADER, rows=rows, title=TITLE, note=None, merges=["A3:G3", "B4:B5", "A6:G6"]
    )


@pytest.fixture
def units(db):
    fgw = Unit.objects.create(name="江城市发展和改革委员会", short_name="市发改委")
    UnitAlias.objects.create(unit=fgw, name="发改委")
    Unit.objects.create(name="江城市工业和信息化局", short_name="市工信局")
    Unit.objects.create(name="东山县人民政府")


def counts() -> tuple[int, int, int, int]:
    return (
        Task.objects.count(),
        Assignment.objects.count(),
        Task.history.count(),
        Assignment.history.count(),
    )


def unit_names(row: TaskRow, role: str) -> list[str]:
    ids = [pk for pk, _written in row.units.get(role, [])]
    by_id = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [by_id[i] for i in ids]


def test_sections_merged_key_tasks_and_units(units):
    preview = task_import_preview(sample())
    assert preview.ok, [str(p) for p in preview.problems]
    assert [r.row for r in preview.rows] == [4, 5, 7]
    assert preview.skipped == [3, 6]
    first, second, third = preview.rows
    assert (first.code, first.title) == ("1", "加快整车项目建设")
    assert first.values["section"] == "一、产业提升 / 壮大新能源汽车集群"
    assert second.values["section"] == "一、产业提升 / 壮大新能源汽车集群"
    assert third.values["section"] == "二、营商环境 / 优化审批服务"
    assert unit_names(first, "lead") == ["江城市发展和改革委员会"]
    assert unit_names(first, "responsible") == ["江城市工业和信息化局", "东山县人民政府"]
    assert first.values["deadline"] == dt.date(2025, 12, 31)
    assert first.values["deadline_text"] == "2025年底"
    assert second.values["deadline"] == dt.date(2026, 6, 30)
    assert third.values["deadline"] is None and third.values["deadline_text"] == "长期坚持"


def test_title_column_and_task_name_in_any_order(units):
    header = ["完成时限", "责任单位", "任务名称", "序号", "状态", "完成进度(%)"]
    rows = [["2025年6月", "市工信局", "编制产业地图", "1", "推进中", "40%"]]
    preview = task_import_preview(ledger_bytes(header=header, rows=rows, first_column=2))
    assert preview.ok, [str(p) for p in preview.problems]
    row = preview.rows[0]
    assert (row.code, row.title, row.row) == ("1", "编制产业地图", 4)
    assert row.values["status"] == "in_progress"
    assert row.values["progress"] == 40


def test_every_problem_by_row_and_column_and_nothing_written(units):
    header = ["序号", "任务名称", "牵头单位", "完成时限", "状态", "完成进度(%)"]
    rows = [
        [1, "甲任务", "市发改委", "2025年底", "推进中", 10],
        [2, "乙任务", "市财政局", "2025年底", "推进中", 10],
        [3, "丙任务", "市发改委", "2025年13月", "推进中", 10],
        [4, "", "市发改委", "2025年底", "推进中", 10],
        [5, "丁任务", "市发改委", "2025年底", "搁置", 10],
        [6, "戊任务", "市发改委", "2025年底", "推进中", 150],
        [1, "甲任务", "市发改委", "2025年底", "推进中", 10],
    ]
    before = counts()
    preview = task_import_preview(ledger_bytes(header=header, rows=rows))
    assert [(p.row, p.column, p.code) for p in preview.problems] == [
        (5, "牵头单位", "X009"),
        (6, "完成时限", "X008"),
        (7, "任务名称", "X004"),
        (8, "状态", "X016"),
        (9, "完成进度(%)", "X017"),
        (10, "任务名称", "X012"),
    ]
    with pytest.raises(ServiceError) as caught:
        task_import_commit(preview=preview)
    assert caught.value.code == "X019"
    assert counts() == before


def test_import_then_reimport_changes_nothing_and_edits_update(units):
    result = task_import_commit(preview=task_import_preview(sample()))
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    task = Task.objects.get(title="加快整车项目建设")
    assert task.document is None
    roles = sorted(task.assignments.values_list("role", "unit__short_name"))
    assert roles == [("lead", "市发改委"), ("responsible", ""), ("responsible", "市工信局")]
    before = counts()
    again = task_import_preview(sample())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    task_import_commit(preview=again)
    assert counts() == before

    header = ["序号", "任务名称", "牵头单位", "完成时限"]
    rows = [[1, "加快整车项目建设", "市工信局", "2025年9月"]]
    preview = task_import_preview(ledger_bytes(header=header, rows=rows))
    assert preview.rows[0].action == "update"
    assert preview.rows[0].changes == ["完成时限", "牵头单位"]
    task_import_commit(preview=preview)
    task.refresh_from_db()
    assert task.deadline == dt.date(2025, 9, 30)
    lead = task.assignments.filter(role="lead").values_list("unit__short_name", flat=True)
    assert list(lead) == ["市工信局"]
    assert Task.objects.count() == 3


def test_export_round_trip_keeps_document_tasks(units):
    task_import_commit(preview=task_import_preview(sample()))
    doc = Document.objects.create(title="行动方案", sha256="c" * 64, text="正文")
    from_doc = Task.objects.create(
        document=doc, code="（一）", title="建设绿色食品加工园", deadline=dt.date(2025, 12, 31)
    )
    Assignment.objects.create(
        task=from_doc, unit=Unit.objects.get(name="东山县人民政府"), role="lead"
    )
    data = task_ledger_export(Task.objects.order_by("id"))
    grid = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert grid[0][0] == "任务分解表"
    assert grid[2][:3] == ["序号", "所在章节", "任务名称"]
    assert grid[6][6] == dt.date(2025, 12, 31)
    before = counts()
    preview = task_import_preview(data)
    assert preview.ok, [str(p) for p in preview.problems]
    assert (preview.created, preview.updated, preview.unchanged) == (0, 0, 4)
    task_import_commit(preview=preview)
    assert counts() == before


def test_export_takes_the_filtered_queryset(units):
    task_import_commit(preview=task_import_preview(sample()))
    gxj = Unit.objects.get(short_name="市工信局")
    qs = TaskFilter({"unit": gxj.pk, "role": "lead"}, queryset=Task.objects.all()).qs
    grid = (
        CalamineWorkbook.from_filelike(io.BytesIO(task_ledger_export(qs)))
        .get_sheet_by_index(0)
        .to_python()
    )
    assert [r[2] for r in grid[3:]] == ["建设动力电池配套园"]


@pytest.mark.django_db(transaction=True)
def test_cli_import_tasks_and_export(units, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    header = ["序号", "任务名称", "牵头单位"]
    bad.write_bytes(ledger_bytes(header=header, rows=[[1, "甲任务", "市财政局"]]))
    assert main(["import", "tasks", str(bad)]) == 1
    assert "X009" in capsys.readouterr().out
    good = tmp_path / "good.xlsx"
    good.write_bytes(sample())
    assert main(["import", "tasks", str(good), "--dry-run"]) == 0
    assert Task.objects.count() == 0
    assert main(["import", "tasks", str(good)]) == 0
    assert Task.objects.count() == 3
    assert main(["import", "tasks", str(good)]) == 0
    assert "无变化 3" in capsys.readouterr().out
    out = tmp_path / "tasks.xlsx"
    assert main(["export", "tasks", "--out", str(out), "--unit", "市发改委", "--role", "牵头"]) == 0
    grid = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert [r[2] for r in grid[3:]] == ["加快整车项目建设", "推行并联审批"]
    assert main(["import", "tasks", str(tmp_path / "missing.xlsx")]) == 2


def test_a_row_with_its_system_id_updates_that_task_even_when_renamed(units):
    doc = Document.objects.create(title="行动方案", sha256="d" * 64, text="正文")
    task = Task.objects.create(document=doc, code="（一）", title="建设绿色食品加工园")
    wb = openpyxl.load_workbook(io.BytesIO(task_ledger_export(Task.objects.all())))
    ws = wb.active
    assert ws["J3"].value == "系统编号" and ws["J4"].value == task.pk
    ws["C4"] = "建设绿色食品精深加工园"
    ws["E4"] = "东山县人民政府"
    buffer = io.BytesIO()
    wb.save(buffer)
    preview = task_import_preview(buffer.getvalue())
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.rows[0].changes == ["任务名称", "牵头单位"]
    task_import_commit(preview=preview)
    task.refresh_from_db()
    assert task.title == "建设绿色食品精深加工园" and task.document == doc
    assert Task.objects.count() == 1
    ws["J4"] = 99999
    buffer = io.BytesIO()
    wb.save(buffer)
    problems = task_import_preview(buffer.getvalue()).problems
    assert [(p.row, p.column, p.code) for p in problems] == [(4, "系统编号", "X021")]


def test_every_column_key_has_a_label():
    from tuijin.plans.excel import COLUMN_LABELS, SPECS

    assert {s.key for s in SPECS} == set(COLUMN_LABELS)
