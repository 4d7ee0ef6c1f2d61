"""The shared Excel helpers: cell values, header detection below title rows, the writer."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest

from tuijin.core.errors import ServiceError
from tuijin.core.excel import (
    ColumnSpec,
    ExportColumn,
    YearMonth,
    label_month,
    ledger_workbook,
    locate_table,
    money_unit,
    parse_deadline,
    parse_money,
    parse_number,
    parse_year_month,
    parse_year_span,
    read_workbook,
    row_is_numbering,
    split_names,
)
from tuijin.core.tests.excel_builders import ledger_bytes

SPECS = [
    ColumnSpec("seq", r"^序号$"),
    ColumnSpec("name", r"项目名称"),
    ColumnSpec("total", r"总投资", money=True),
    ColumnSpec("completed", r"完成", money=True, multi=True),
    ColumnSpec("plan", r"计划", money=True, multi=True),
]
WAN = Decimal("0.0001")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025.3", YearMonth(2025, 3)),
        ("2025.10", YearMonth(2025, 10)),
        (2025.3, YearMonth(2025, 3)),
        (2025, YearMonth(2025)),
        (2025.0, YearMonth(2025)),
        ("2025年3月", YearMonth(2025, 3)),
        ("2025 年 3 月", YearMonth(2025, 3)),
        ("2025-03", YearMonth(2025, 3)),
        ("2025/3", YearMonth(2025, 3)),
        ("202503", YearMonth(2025, 3)),
        ("２０２５年３月", YearMonth(2025, 3)),
        ("2025年", YearMonth(2025)),
        ("2025年底", YearMonth(2025, 12)),
        ("2025年6月底", YearMonth(2025, 6)),
        ("2025年上半年", YearMonth(2025, 6)),
        ("2025年三季度", YearMonth(2025, 9)),
        ("2025年3月15日", YearMonth(2025, 3, 15)),
        ("2025.3.15", YearMonth(2025, 3, 15)),
        (dt.date(2025, 3, 1), YearMonth(2025, 3, 1)),
        (dt.datetime(2025, 3, 1, 0, 0), YearMonth(2025, 3, 1)),
        (45717, YearMonth(2025, 3, 1)),
        ("", None),
        ("—", None),
        (None, None),
    ],
)
def test_parse_year_month(value, expected):
    assert parse_year_month(value) == expected


@pytest.mark.parametrize("value", ["2025年13月", "明年", "2025.2.30", "25年", True])
def test_parse_year_month_refuses(value):
    with pytest.raises(ValueError):
        parse_year_month(value)


def test_parse_year_span():
    assert parse_year_span("2024-2026") == (YearMonth(2024), YearMonth(2026))
    assert parse_year_span("2024.3—2026.12") == (YearMonth(2024, 3), YearMonth(2026, 12))
    assert parse_year_span("2024年至2026年") == (YearMonth(2024), YearMonth(2026))
    assert parse_year_span("2024-03") == (YearMonth(2024, 3), None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025年底前", (dt.date(2025, 12, 31), "2025年底前")),
        ("2025年6月", (dt.date(2025, 6, 30), "2025年6月")),
        ("2026年2月", (dt.date(2026, 2, 28), "2026年2月")),
        ("2025年6月30日前", (dt.date(2025, 6, 30), "2025年6月30日前")),
        ("2025—2027年", (dt.date(2027, 12, 31), "2025—2027年")),
        ("长期坚持", (None, "长期坚持")),
        ("每年6月底前", (None, "每年6月底前")),
        (dt.date(2025, 9, 30), (dt.date(2025, 9, 30), "")),
        ("", (None, "")),
    ],
)
def test_parse_deadline(value, expected):
    assert parse_deadline(value) == expected


def test_parse_deadline_refuses_a_year_with_a_bad_month():
    with pytest.raises(ValueError):
        parse_deadline("2025年13月底")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1,234.5", Decimal("1234.5")),
        (" 12 ", Decimal("12")),
        ("１２．５", Decimal("12.5")),
        ("1，200", Decimal("1200")),
        (3.25, Decimal("3.25")),
        (7, Decimal("7")),
        ("-3", Decimal("-3")),
        ("", None),
        ("—", None),
        ("/", None),
        ("无", None),
        (None, None),
    ],
)
def test_parse_number(value, expected):
    assert parse_number(value) == expected


@pytest.mark.parametrize("value", ["约20", "12亿美元", "1.2.3", "abc", True, dt.date(2025, 1, 1)])
def test_parse_number_refuses(value):
    with pytest.raises(ValueError):
        parse_number(value)


def test_parse_money_scales_to_yi_yuan_and_honours_a_unit_in_the_cell():
    assert parse_money(35000, WAN) == Decimal("3.5")
    assert parse_money("12,345", WAN) == Decimal("1.2345")
    assert parse_money("3500万元", Decimal(1)) == Decimal("0.35")
    assert parse_money("1.2亿", WAN) == Decimal("1.2")
    assert parse_money(0.1 + 0.2, Decimal(1)) == Decimal("0.3")
    assert parse_money("—", WAN) is None
    with pytest.raises(ValueError):
        parse_money("500万美元", WAN)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("总投资(亿元)", (Decimal(1), "亿元")),
        ("总投资（万元）", (WAN, "万元")),
        ("总投资（单位：万元）", (WAN, "万元")),
        ("总投资万元", (WAN, "万元")),
        ("2025年/计划投资", (None, "")),
        ("总投资(万美元)", (None, "万美元")),
        ("总投资(美元)", (None, "美元")),
    ],
)
def test_money_unit(label, expected):
    assert money_unit(label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2025年/1-10月完成投资(亿元)", (1, 10)),
        ("1—9月完成", (1, 9)),
        ("截至10月底累计完成投资", (None, 10)),
        ("7-9月完成", (7, 9)),
        ("2025年完成投资", (None, 12)),
        ("累计完成投资", (None, None)),
    ],
)
def test_label_month(label, expected):
    assert label_month(label) == expected


def test_split_names_keeps_brackets_whole():
    assert split_names("市发改委、市工信局，各县（市、区）人民政府等") == [
        "市发改委",
        "市工信局",
        "各县（市、区）人民政府",
    ]
    assert split_names("市发改委\n市发改委；/") == ["市发改委"]


def test_numbering_row():
    assert row_is_numbering(["", 1.0, 2.0, 3.0, 4.0])
    assert not row_is_numbering([1.0, "甲项目", 3.0])


def test_header_below_title_rows_with_merged_two_row_header():
    data = ledger_bytes(
        header=["序号", "项目名称", "总投资（万元）", ("2025年", ["计划投资", "1-10月完成"])],
        rows=[[1, "甲", 100, 10, 5]],
        first_column=2,
    )
    layout, problems, warnings = locate_table(read_workbook(data), SPECS, required=["name"])
    assert problems == []
    assert warnings == [
        "列“2025年/计划投资”未注明金额单位，按同表其他金额列的万元读取",
        "列“2025年/1-10月完成”未注明金额单位，按同表其他金额列的万元读取",
    ]
    assert layout is not None
    assert (layout.top, layout.bottom) == (2, 3)
    got = [(c.key, c.letter, c.label, c.scale, c.year, c.month) for c in layout.columns]
    assert got == [
        ("seq", "B", "序号", None, None, None),
        ("name", "C", "项目名称", None, None, None),
        ("total", "D", "总投资（万元）", WAN, None, None),
        ("plan", "E", "2025年/计划投资", WAN, 2025, None),
        ("completed", "F", "2025年/1-10月完成", WAN, 2025, 10),
    ]
    assert next(iter(layout.data_rows()))[0] == 5


def test_group_row_above_the_header_and_sheet_unit():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "重点项目台账"
    ws.merge_cells("A1:E1")
    ws["A2"] = "单位：万元"
    ws["A3"], ws["C3"] = "基本情况", "2025年"
    ws.merge_cells("A3:B3")
    ws.merge_cells("C3:E3")
    for col, text in zip("ABCDE", ["序号", "项目名称", "总投资", "计划", "1-6月完成"], strict=True):
        ws[f"{col}4"] = text
    ws.append([1, "甲", 100, 10, 5])
    buffer = io.BytesIO()
    wb.save(buffer)
    layout, problems, _w = locate_table(read_workbook(buffer.getvalue()), SPECS, required=["name"])
    assert problems == []
    assert layout is not None and (layout.top, layout.bottom) == (2, 3)
    by_key = {c.key: c for c in layout.columns}
    assert by_key["total"].label == "2025年/总投资"
    assert by_key["total"].scale == WAN
    assert (by_key["completed"].year, by_key["completed"].month) == (2025, 6)


def test_a_title_naming_two_columns_is_not_the_header():
    data = ledger_bytes(
        header=["序号", "项目名称", "总投资(亿元)"],
        rows=[[1, "甲", 1]],
        title="重点项目名称及总投资情况",
    )
    layout, problems, _w = locate_table(read_workbook(data), SPECS, required=["name"])
    assert problems == [] and layout is not None and layout.top == 2


def test_header_on_a_later_sheet_and_missing_unit_warning():
    data = ledger_bytes(
        header=["序号", "项目名称", "总投资"], rows=[[1, "甲", 1]], extra_sheets=["说明"]
    )
    sheets = read_workbook(data)
    assert [s.name for s in sheets] == ["说明", "台账"]
    layout, problems, warnings = locate_table(sheets, SPECS, required=["name"])
    assert problems == []
    assert layout is not None and layout.sheet.name == "台账"
    assert warnings == ["列“总投资”未注明金额单位，按亿元读取"]


def test_missing_header_and_unreadable_file():
    data = ledger_bytes(header=["甲", "乙"], rows=[[1, 2]])
    layout, problems, _w = locate_table(read_workbook(data), SPECS, required=["name"])
    assert layout is None and [p.code for p in problems] == ["X002"]
    data = ledger_bytes(header=["序号", "总投资(亿元)"], rows=[[1, 2]])
    _layout, problems, _w = locate_table(read_workbook(data), SPECS, required=["name"])
    assert [(p.row, p.code, p.message) for p in problems] == [(3, "X003", "缺少必需的列：name")]
    with pytest.raises(ServiceError) as caught:
        read_workbook(b"PK\x03\x04 broken")
    assert caught.value.code == "X001"


def test_writer_lays_out_title_merged_header_frozen_panes_and_formats():
    columns = [
        ExportColumn("序号", 6),
        ExportColumn("项目名称", 30),
        ExportColumn("计划投资(亿元)", 12, "money", group="2025年"),
        ExportColumn("1-10月完成投资(亿元)", 12, "money", group="2025年"),
        ExportColumn("截止日期", 12, "date"),
    ]
    data = ledger_workbook(
        title="台账",
        note="单位：亿元",
        columns=columns,
        rows=[[1, "甲", Decimal("1.25"), Decimal("0.5"), dt.date(2025, 6, 30)]],
        total=["", "合计", Decimal("1.25"), Decimal("0.5"), None],
    )
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:E1", "A2:E2", "A3:A4", "B3:B4", "C3:D3", "E3:E4"} <= merged
    assert ws.freeze_panes == "C5"
    assert ws["C6"].number_format == "#,##0.00##"
    assert ws["E6"].number_format == "yyyy-mm-dd"
    assert ws.column_dimensions["B"].width == 30
    layout, problems, _w = locate_table(
        read_workbook(data), [*SPECS, ColumnSpec("date", "截止")], required=["name"]
    )
    assert problems == [] and layout is not None
    assert [c.label for c in layout.columns][2:4] == [
        "2025年/计划投资(亿元)",
        "2025年/1-10月完成投资(亿元)",
    ]
