"""Write a ledger (台账) the way offices lay it out: a title row, a note row (单位：亿元 …),
a header of one or two rows with merged group cells, frozen panes, widths and number formats.
The importers read these files back unchanged (round trip)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

CellValue = str | int | float | Decimal | dt.date | dt.datetime | None
Kind = Literal["text", "long", "money", "int", "date"]

MONEY_FORMAT = "#,##0.00##"
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_TOP = Alignment(vertical="top")


@dataclass(frozen=True)
class ExportColumn:
    """HEADER under an optional GROUP (cells of one group side by side share a merged cell)."""

    header: str
    width: float = 12
    kind: Kind = "text"
    group: str = ""


def ledger_workbook(
    *,
    title: str,
    note: str,
    columns: Sequence[ExportColumn],
    rows: Iterable[Sequence[CellValue]],
    sheet_name: str = "台账",
    total: Sequence[CellValue] | None = None,
) -> bytes:
    """The .xlsx bytes of a ledger; TOTAL, when given, is written as the first data row."""
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = sheet_name[:31]
    _add_styles(wb)
    n = len(columns)
    last = get_column_letter(n)
    ws["A1"] = title
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    ws["A2"] = note
    ws["A2"].alignment = Alignment(horizontal="right")
    ws.merge_cells(f"A2:{last}2")
    two_rows = any(c.group for c in columns)
    header_top = 3
    header_bottom = 4 if two_rows else 3
    _write_header(ws, columns, header_top, header_bottom)
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    row_no = header_bottom + 1
    if total is not None:
        _write_row(ws, row_no, columns, total, bold=True)
        row_no += 1
    for values in rows:
        _write_row(ws, row_no, columns, values)
        row_no += 1
    ws.freeze_panes = f"C{header_bottom + 1}"
    ws.auto_filter.ref = f"A{header_bottom}:{last}{max(row_no - 1, header_bottom)}"
    ws.print_title_rows = f"{header_top}:{header_bottom}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_header(ws: Worksheet, columns: Sequence[ExportColumn], top: int, bottom: int) -> None:
    for index in range(1, len(columns) + 1):
        for r in range(top, bottom + 1):
            head = ws.cell(row=r, column=index)
            assert isinstance(head, Cell)
            head.font = Font(bold=True)
            head.alignment = _CENTER
            head.fill = _HEADER_FILL
            head.border = _BORDER
    index = 0
    while index < len(columns):
        column = columns[index]
        col = index + 1
        if not column.group:
            ws.cell(row=top, column=col, value=column.header)
            if bottom > top:
                ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)
            index += 1
            continue
        end = index
        while end + 1 < len(columns) and columns[end + 1].group == column.group:
            end += 1
        ws.cell(row=top, column=col, value=column.group)
        if end > index:
            ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=end + 1)
        for i in range(index, end + 1):
            ws.cell(row=bottom, column=i + 1, value=columns[i].header)
        index = end + 1
    ws.row_dimensions[top].height = 24
    if bottom > top:
        ws.row_dimensions[bottom].height = 30


def _add_styles(wb: Workbook) -> None:
    """One named style per column kind (and a bold one for the total row): setting a named
    style is far cheaper than setting font, border, alignment and format cell by cell."""
    formats = {"money": MONEY_FORMAT, "date": "yyyy-mm-dd", "int": "0"}
    for kind in ("text", "long", "money", "int", "date"):
        for bold in (False, True):
            style = NamedStyle(name=_style_name(kind, bold))
            style.border = _BORDER
            style.alignment = _WRAP if kind == "long" else _TOP
            style.number_format = formats.get(kind, "General")
            style.font = Font(bold=bold)
            wb.add_named_style(style)


def _style_name(kind: str, bold: bool) -> str:
    return f"tuijin-{kind}{'-bold' if bold else ''}"


def _write_row(
    ws: Worksheet,
    row: int,
    columns: Sequence[ExportColumn],
    values: Sequence[CellValue],
    *,
    bold: bool = False,
) -> None:
    for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
        cell = ws.cell(row=row, column=index, value=value)
        cell.style = _style_name(column.kind, bold)
