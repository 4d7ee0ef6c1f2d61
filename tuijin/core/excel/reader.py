"""The reading loop every ledger import shares: find the table, check the header, read the rows.

Each app supplies its column specs, an optional header check and a `LedgerReader` subclass
whose `read()` turns data rows into rows or problems.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from .sheet import Column, ColumnSpec, Layout, Preview, locate_table, read_workbook
from .values import Cell

RowT = TypeVar("RowT")


class LedgerReader(Generic[RowT]):
    def __init__(self, layout: Layout, preview: Preview[RowT]) -> None:
        self.layout = layout
        self.preview = preview

    def cell(self, cells: list[Cell], column: Column | None) -> Cell:
        if column is None or column.index >= len(cells):
            return ""
        return cells[column.index]

    def label(self, key: str) -> str:
        column = self.layout.one(key)
        return column.label if column else ""

    def read(self) -> None:
        raise NotImplementedError


def ledger_read(
    data: bytes,
    *,
    kind: str,
    specs: Sequence[ColumnSpec],
    required: Sequence[str],
    reader: Callable[[Layout, Preview[RowT]], LedgerReader[RowT]],
    check: Callable[[Layout, Preview[RowT]], None] | None = None,
) -> Preview[RowT]:
    """Read a ledger workbook: every row checked, nothing written."""
    preview: Preview[RowT] = Preview(kind=kind)
    layout, problems, warnings = locate_table(read_workbook(data), specs, required=required)
    preview.problems.extend(problems)
    preview.warnings.extend(warnings)
    if layout is None:
        return preview
    preview.sheet = layout.sheet.name
    preview.columns = layout.columns
    preview.ignored = layout.ignored
    if check is not None:
        check(layout, preview)
    if preview.problems:
        preview.sort()
        return preview
    reader(layout, preview).read()
    if not preview.rows and not preview.problems:
        preview.add(None, "", "X018", "没有可导入的数据行")
    preview.sort()
    return preview
