"""Responsibility tables (任务分解表) become tasks with assignments."""

from __future__ import annotations

import io
import textwrap

from tuijin.ingest.pipeline import extract_text
from tuijin.ingest.readers import read_bytes


def doc(source: str) -> str:
    """A test document written indented inside the test."""
    return textwrap.dedent(source).lstrip("\n")


def test_columns_in_any_order_with_header_below_a_caption() -> None:
    result = extract_text(
        doc("""
        附件
        2025年重点工作任务分解表
        序号\t完成时限\t责任单位\t牵头单位\t工作任务
        1\t2025年6月底前\t市财政局、市自然资源局\t市发展改革委\t建成区域物流枢纽
        2\t2025年底前\t各县区人民政府\t市住建局\t改造老旧小区一百个
        """)
    )
    got = [(a.anchor, a.lead, a.responsible, a.deadline) for a in result.assignments]
    assert got == [
        ("建成区域物流枢纽", ["市发展改革委"], ["市财政局", "市自然资源局"], "2025年6月底前"),
        ("改造老旧小区一百个", ["市住建局"], ["各县区人民政府"], "2025年底前"),
    ]
    tasks = [(t.text, t.deadline) for t in result.tasks]
    assert tasks == [("建成区域物流枢纽", "2025-06"), ("改造老旧小区一百个", "2025-12-31")]
    assert all(
        result.tasks[a.task].text == a.anchor for a in result.assignments if a.task is not None
    )


def test_outer_task_column_repeats_its_merged_value() -> None:
    result = extract_text(
        doc("""
        重点任务\t具体措施\t牵头部门\t配合部门
        做强制造业\t培育链主企业\t市工信局\t市商务局
        \t建设中试基地\t市科技局\t
        """)
    )
    assert [t.section for t in result.tasks] == [["做强制造业"], ["做强制造业"]]
    assert [(a.lead, a.responsible) for a in result.assignments] == [
        (["市工信局"], ["市商务局"]),
        (["市科技局"], []),
    ]


def test_docx_table_with_merged_unit_cell_gives_each_task_its_unit() -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("重点任务责任分工")
    table = d.add_table(rows=3, cols=3)
    for i, value in enumerate(["序号", "主要任务", "责任单位"]):
        table.cell(0, i).text = value
    table.cell(1, 0).text = "1"
    table.cell(2, 0).text = "2"
    table.cell(1, 1).text = "扩大有效投资"
    table.cell(2, 1).text = "稳定工业增长"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "市发展改革委、市工信局"
    buf = io.BytesIO()
    d.save(buf)
    text, _ = read_bytes(buf.getvalue(), "分工.docx")
    result = extract_text(text)
    assert [(a.anchor, a.responsible) for a in result.assignments] == [
        ("扩大有效投资", ["市发展改革委", "市工信局"]),
        ("稳定工业增长", ["市发展改革委", "市工信局"]),
    ]


def test_tab_lines_without_a_unit_column_are_not_a_responsibility_table() -> None:
    result = extract_text("指标\t2024年\t2025年\n地区生产总值\t1200\t1300\n")
    assert result.assignments == []


def test_key_work_column_and_responsible_department_column() -> None:
    result = extract_text(
        "序号\t重点工作\t责任单位（部门）\n1\t开展招商引资专项行动\t市投资促进局\n"
    )
    assert [(a.anchor, a.responsible) for a in result.assignments] == [
        ("开展招商引资专项行动", ["市投资促进局"])
    ]
