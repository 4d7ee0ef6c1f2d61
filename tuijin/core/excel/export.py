"""Write a ledger (台账) the way offices lay it out: a title row, a note row (单位：亿元 …),
a header of one or two rows with merged group cells, frozen panes, widths and number formats.
The importers read these files back unchanged (round trip)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

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
    out: IO[bytes] | None = None,
) -> bytes:
    """The .xlsx of a ledger; TOTAL, when given, is written as the first data row.

    Written in openpyxl's write-only mode: each row goes to the file as it comes, so ROWS can be
    a generator over a queryset's iterator and memory stays flat however long the ledger is.
    With OUT (a binary file) the workbook is written there and b"" returned; else its bytes."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_name[:31])
    _add_styles(wb)
    n = len(columns)
    last = get_column_letter(n)
    two_rows = any(c.group for c in columns)
    header_top = 3
    header_bottom = 4 if two_rows else 3
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[header_top].height = 24
    if two_rows:
        ws.row_dimensions[header_bottom].height = 30
    ws.freeze_panes = f"C{header_bottom + 1}"
    ws.print_title_rows = f"{header_top}:{header_bottom}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.merged_cells.add(f"A1:{last}1")
    ws.merged_cells.add(f"A2:{last}2")
    ws.append([_cell(ws, title, "tuijin-title")])
    ws.append([_cell(ws, note, "tuijin-note")])
    for header_row in _header_rows(ws, columns, header_top, header_bottom):
        ws.append(header_row)
    row_no = header_bottom
    if total is not None:
        ws.append(_row(ws, columns, total, bold=True))
        row_no += 1
    for values in rows:
        ws.append(_row(ws, columns, values))
        row_no += 1
    ws.auto_filter.ref = f"A{header_bottom}:{last}{row_no}"
    if out is not None:
        wb.save(out)
        return b""
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _cell(ws: Any, value: CellValue, style: str) -> Cell:
    cell: Cell = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]  # Decimal and date are written as they are
    cell.style = style
    return cell


def _header_rows(
    ws: Any, columns: Sequence[ExportColumn], top: int, bottom: int
) -> list[list[Cell]]:
    """The header's rows (one, or two under group cells), their merges added to WS."""
    texts: list[list[str | None]] = [[None] * len(columns) for _ in range(bottom - top + 1)]
    index = 0
    while index < len(columns):
        column = columns[index]
        col = index + 1
        if not column.group:
            texts[0][index] = column.header
            if bottom > top:
                ws.merged_cells.add(
                    f"{get_column_letter(col)}{top}:{get_column_letter(col)}{bottom}"
                )
            index += 1
            continue
        end = index
        while end + 1 < len(columns) and columns[end + 1].group == column.group:
            end += 1
        texts[0][index] = column.group
        if end > index:
            ws.merged_cells.add(f"{get_column_letter(col)}{top}:{get_column_letter(end + 1)}{top}")
        for i in range(index, end + 1):
            texts[-1][i] = columns[i].header
        index = end + 1
    return [[_cell(ws, text, "tuijin-header") for text in line] for line in texts]


def _add_styles(wb: Workbook) -> None:
    """One named style per column kind (and a bold one for the total row), the header's, the
    title's and the note's: a write-only cell takes its look from a named style."""
    formats = {"money": MONEY_FORMAT, "date": "yyyy-mm-dd", "int": "0"}
    for kind in ("text", "long", "money", "int", "date"):
        for bold in (False, True):
            style = NamedStyle(name=_style_name(kind, bold))
            style.border = _BORDER
            style.alignment = _WRAP if kind == "long" else _TOP
            style.number_format = formats.get(kind, "General")
            style.font = Font(bold=bold)
            wb.add_named_style(style)
    header = NamedStyle(name="tuijin-header")
    header.font, header.alignment = Font(bold=True), _CENTER
    header.fill, header.border = _HEADER_FILL, _BORDER
    wb.add_named_style(header)
    heading = NamedStyle(name="tuijin-title")
    heading.font = Font(size=16, bold=True)
    heading.alignment = Alignment(horizontal="center", vertical="center")
    wb.add_named_style(heading)
    note = NamedStyle(name="tuijin-note")
    note.alignment = Alignment(horizontal="right")
    wb.add_named_style(note)


def _style_name(kind: str, bold: bool) -> str:
    return f"tuijin-{kind}{'-bold' if bold else ''}"


def _row(
    ws: Any,
    columns: Sequence[ExportColumn],
    values: Sequence[CellValue],
    *,
    bold: bool = False,
) -> list[Cell]:
    return [
        _cell(ws, value, _style_name(column.kind, bold))
        for column, value in zip(columns, values, strict=True)
    ]
