"""Spreadsheets (.xlsx/.xls): every sheet as tab-separated rows, merged cells filled."""

from __future__ import annotations

import io
from typing import Any

from ..errors import BROKEN_FILE, ExtractionError
from .limits import check_package

Grid = tuple[str, list[list[Any]], list[Any]]  # a sheet's name, rows of cells, merged ranges


def read_sheet(data: bytes) -> tuple[str, str]:
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        out: list[str] = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            rows = [[_cell(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
            _fill_merged(rows, sheet)
            sheet_lines = ["\t".join(r).rstrip("\t") for r in rows if any(c for c in r)]
            if sheet_lines:
                out.append(name)
                out.extend(sheet_lines)
                out.append("")
    except Exception as exc:
        raise ExtractionError(BROKEN_FILE, f"表格文件解析失败：{type(exc).__name__}") from exc
    return "\n".join(out), "xlsx"


def _cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\t", " ").replace("\n", " ").strip() if value is not None else ""


def _fill_merged(rows: list[list[str]], sheet: Any) -> None:
    """Merged ranges keep their value only in the top-left cell; spread it over the range."""
    ranges = getattr(sheet, "merged_cell_ranges", None) or []
    for rng in ranges:
        try:
            (r0, c0), (r1, c1) = rng
        except (TypeError, ValueError):
            continue
        if r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        for r in range(r0, min(r1 + 1, len(rows))):
            for c in range(c0, c1 + 1):
                while len(rows[r]) <= c:
                    rows[r].append("")
                if not rows[r][c]:
                    rows[r][c] = value


def read_grids(data: bytes) -> list[Grid]:
    """The visible sheets of a workbook (.xlsx/.xls/.ods) as calamine reads them, each as
    (name, rows, merged ranges), once the file is within the bounds of limits.py. Run it through
    isolated.run_isolated: calamine aborts the whole process when an allocation fails."""
    if data[:4] == b"PK\x03\x04":
        check_package(data, ".xlsx")
    try:
        from python_calamine import CalamineWorkbook, SheetVisibleEnum

        grids: list[Grid] = []
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            for meta in book.sheets_metadata:
                if meta.visible != SheetVisibleEnum.Visible:
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
                grids.append((meta.name, rows, list(sheet.merged_cell_ranges or [])))
    except ExtractionError:
        raise
    except Exception as exc:  # calamine raises its own zip/xml errors
        raise ExtractionError(BROKEN_FILE, f"表格文件解析失败：{type(exc).__name__}") from exc
    return grids
