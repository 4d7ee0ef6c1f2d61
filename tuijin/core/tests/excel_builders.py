"""Build ledger workbooks the way offices lay them out, for the Excel import tests.

`ledger_bytes(header=[...], rows=[...])`: a title row and a note row merged across the table,
then a header where a plain string is one cell merged over the header rows and
`("2025年", ["计划投资", "1-10月完成"])` is a group cell merged across its sub-headers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

Header = str | tuple[str, Sequence[str]]


def flat_labels(header: Sequence[Header]) -> list[str]:
    """The column labels the importer reports: "group/sub" for grouped cells."""
    out: list[str] = []
    for item in header:
        if isinstance(item, str):
            out.append(item)
        else:
            out.extend(f"{item[0]}/{sub}" for sub in item[1])
    return out


def ledger_bytes(
    *,
    header: Sequence[Header],
    rows: Sequence[Sequence[object]],
    title: str | None = "2025年江城市重点项目台账",
    note: str | None = "填报单位：江城市发展和改革委员会",
    merge_header: bool = True,
    numbering_row: bool = False,
    first_column: int = 1,
    sheet: str = "台账",
    extra_sheets: Sequence[str] = (),
    merges: Sequence[str] = (),
) -> bytes:
    """MERGES are ranges such as "A5:G5" (a section row) or "B6:B7" (a cell merged down)."""
    wb = Workbook()
    for name in extra_sheets:  # e.g. an instructions sheet before the ledger
        ws_extra = wb.create_sheet(name, 0)
        ws_extra["A1"] = "填表说明：金额保留两位小数"
    ws = wb["Sheet"]
    ws.title = sheet
    width = len(flat_labels(header))
    c0 = first_column
    last = get_column_letter(c0 + width - 1)
    first = get_column_letter(c0)
    r = 1
    if title is not None:
        ws.cell(row=r, column=c0, value=title)
        ws.merge_cells(f"{first}{r}:{last}{r}")
        r += 1
    if note is not None:
        ws.cell(row=r, column=c0, value=note)
        ws.merge_cells(f"{first}{r}:{last}{r}")
        r += 1
    two = any(not isinstance(h, str) for h in header)
    col = c0
    for item in header:
        if isinstance(item, str):
            ws.cell(row=r, column=col, value=item)
            if two and merge_header:
                ws.merge_cells(start_row=r, start_column=col, end_row=r + 1, end_column=col)
            col += 1
            continue
        group, subs = item
        ws.cell(row=r, column=col, value=group)
        ws.merge_cells(start_row=r, start_column=col, end_row=r, end_column=col + len(subs) - 1)
        for i, sub in enumerate(subs):
            ws.cell(row=r + 1, column=col + i, value=sub)
        col += len(subs)
    r += 2 if two else 1
    if numbering_row:
        for i in range(width):
            ws.cell(row=r, column=c0 + i, value=i + 1)
        r += 1
    for values in rows:
        for i, value in enumerate(values):
            if value is not None:
                ws.cell(row=r, column=c0 + i, value=value)  # type: ignore[call-overload]
        r += 1
    for cells in merges:
        ws.merge_cells(cells)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def header_row_count(title: bool = True, note: bool = True) -> int:
    return int(title) + int(note)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
