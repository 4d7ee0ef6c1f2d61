"""Reading a ledger: the visible sheets (calamine, merged cells filled), the header below the
title rows, its columns mapped to the importer's keys; problems and the import preview."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Generic, TypeVar

from tuijin.core.errors import ServiceError

from .values import (
    MONEY_UNITS,
    SHEET_UNIT,
    Cell,
    cell_text,
    label_month,
    label_year,
    money_unit,
    normalise,
)

Merged = tuple[tuple[int, int], tuple[int, int]]
RowT = TypeVar("RowT")

HEADER_SCAN_ROWS = 30
MAX_HEADER_ROWS = 3


# problems ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file: ROW as Excel numbers it (None: the whole file),
    COLUMN the header text as written (empty: the whole row)."""

    row: int | None
    column: str
    code: str
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" if self.row is not None else "文件"
        column = f"〔{self.column}〕" if self.column else ""
        return f"{where}{column} [{self.code}] {self.message}"


@dataclass
class Preview(Generic[RowT]):
    """What an import would do: the rows to write, every problem, notes for the user.

    `created`, `updated` and `unchanged` are filled in by the app's service, which compares
    the rows with the ledger; nothing is written until the service's commit."""

    kind: str
    sheet: str = ""
    columns: list[Column] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    rows: list[RowT] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, row: int | None, column: str, code: str, message: str) -> None:
        self.problems.append(Problem(row, column, code, message))

    def sort(self) -> None:
        order = {c.label: c.index for c in self.columns}
        self.problems.sort(key=lambda p: (p.row or 0, order.get(p.column, -1), p.code))

    def summary(self) -> str:
        if self.problems:
            return f"发现 {len(self.problems)} 个问题，未导入任何数据"
        return f"新增 {self.created}，更新 {self.updated}，无变化 {self.unchanged}"


# reading -----------------------------------------------------------------------------------
@dataclass
class Sheet:
    name: str
    grid: list[list[Cell]]
    merged: list[Merged]
    wide_rows: set[int] = field(default_factory=set)

    def cell(self, row: int, col: int) -> Cell:
        line = self.grid[row] if row < len(self.grid) else []
        return line[col] if col < len(line) else ""


def read_workbook(data: bytes) -> list[Sheet]:
    """The visible sheets of an .xlsx/.xls/.ods, merged cells filled with their value
    (rows crossed by a merge at least three columns wide are remembered in `wide_rows`).

    The file is read in a child process under a time and memory limit, after the bounds on its
    size, compression and sheet range (tuijin/ingest/readers/limits.py, isolated.py)."""
    from tuijin.ingest.errors import BROKEN_FILE, ExtractionError
    from tuijin.ingest.readers.isolated import run_isolated
    from tuijin.ingest.readers.sheet import read_grids

    try:
        grids = run_isolated(read_grids, data)
    except ExtractionError as exc:
        if exc.code == BROKEN_FILE:
            raise ServiceError("X001", "无法读取 Excel 文件，请确认是 .xlsx 或 .xls 格式") from exc
        raise ServiceError(exc.code, exc.message) from exc
    return [_fill_merged(Sheet(name, rows, merged)) for name, rows, merged in grids]


def _fill_merged(sheet: Sheet) -> Sheet:
    grid = sheet.grid
    for (r1, c1), (r2, c2) in sheet.merged:
        if r1 >= len(grid):
            continue
        value = sheet.cell(r1, c1)
        for r in range(r1, min(r2, len(grid) - 1) + 1):
            row = grid[r]
            if len(row) <= c2:
                row.extend([""] * (c2 + 1 - len(row)))
            for c in range(c1, c2 + 1):
                row[c] = value
            if c2 - c1 >= 2:
                sheet.wide_rows.add(r)
    return sheet


# header ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ColumnSpec:
    """A column the importer knows: KEY, a PATTERN searched in the normalised header text,
    an EXCLUDE pattern; MONEY columns get a unit scale; MULTI keys may repeat (one per year)."""

    key: str
    pattern: str
    exclude: str = ""
    money: bool = False
    multi: bool = False
    caption: str = ""

    def matches(self, norm: str) -> bool:
        if not re.search(self.pattern, norm):
            return False
        return not (self.exclude and re.search(self.exclude, norm))


@dataclass(frozen=True)
class Column:
    key: str
    index: int
    label: str
    scale: Decimal | None = None
    year: int | None = None
    month: int | None = None
    first_month: int | None = None

    @property
    def letter(self) -> str:
        return column_letter(self.index)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Layout:
    """Where the table sits in SHEET: header rows TOP..BOTTOM (0-based), its columns."""

    sheet: Sheet
    top: int
    bottom: int
    columns: list[Column]
    ignored: list[str]
    title: str
    sheet_scale: Decimal | None
    labels: dict[int, str]

    def __post_init__(self) -> None:
        self._first: dict[str, Column] = {}
        for column in self.columns:
            self._first.setdefault(column.key, column)

    def by_key(self, key: str) -> list[Column]:
        return [c for c in self.columns if c.key == key]

    def one(self, key: str) -> Column | None:
        return self._first.get(key)

    def data_rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(Excel row number, cells) below the header."""
        for index in range(self.bottom + 1, len(self.sheet.grid)):
            yield index + 1, self.sheet.grid[index]


def filled_cells(cells: Sequence[Cell]) -> list[int]:
    """Indexes of the cells that hold something (not empty, not only spaces)."""
    return [
        i
        for i, v in enumerate(cells)
        if v != "" and v is not None and (not isinstance(v, str) or v.strip())
    ]


_UNIT_ONLY = re.compile(r"^\(?(单位:)?(亿元|万元|元|%|个|万平方米|平方米|公里|万吨)\)?$")


def _row_norms(sheet: Sheet, row: int) -> list[str]:
    line = sheet.grid[row] if row < len(sheet.grid) else []
    return [normalise(cell_text(v)) if isinstance(v, str) else "" for v in line]


def _score(norms: Sequence[str], specs: Sequence[ColumnSpec]) -> int:
    """How many known columns a row names, each distinct cell counting once (a title merged
    across the table, "重点项目建设内容及进展情况", is one cell, not a header)."""
    keys: set[str] = set()
    for norm in dict.fromkeys(n for n in norms if n and len(n) <= 30):
        spec = next((s for s in specs if s.matches(norm)), None)
        if spec is not None:
            keys.add(spec.key)
    return len(keys)


def _numeric(value: Cell) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _header_like(sheet: Sheet, row: int) -> bool:
    """Row ROW continues the header: its texts sit under group cells of the row above
    (a cell merged across columns, such as "2025年") or name a unit ("(亿元)")."""
    groups: set[int] = set()
    for (r1, c1), (r2, c2) in sheet.merged:
        if r1 <= row - 1 <= r2 and r2 < row and c2 > c1:
            groups.update(range(c1, c2 + 1))
    found = False
    for c, value in enumerate(sheet.grid[row]):
        text = cell_text(value)
        if not text:
            continue
        if not isinstance(value, str) or len(text) > 30:
            return False
        if c in groups or _UNIT_ONLY.match(normalise(text)):
            found = True
        elif value != sheet.cell(row - 1, c):
            return False
    return found


def _group_row(sheet: Sheet, row: int, header: int) -> bool:
    """Row ROW, just above the header row, holds group cells ("基本情况", "投资情况(万元)"):
    cells merged across some columns of the table, none across all of it (a title)."""
    used = [c for c, v in enumerate(sheet.grid[header]) if cell_text(v)]
    if len(used) < 2:
        return False
    spans = [(c1, c2) for (r1, c1), (r2, c2) in sheet.merged if r1 == r2 == row and c2 > c1]
    return bool(spans) and all(c1 > used[0] or c2 < used[-1] for c1, c2 in spans)


def locate_table(
    sheets: Sequence[Sheet], specs: Sequence[ColumnSpec], *, required: Sequence[str]
) -> tuple[Layout | None, list[Problem], list[str]]:
    """The best sheet's header and its columns; problems for a missing header, a missing
    required column or a money column with a unit we do not know."""
    best: tuple[int, Sheet, int] | None = None
    for sheet in sheets:
        for row in range(min(HEADER_SCAN_ROWS, len(sheet.grid))):
            score = _score(_row_norms(sheet, row), specs)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, sheet, row)
                break
    if best is None:
        names = "、".join(s.name for s in sheets) or "（无）"
        return None, [Problem(None, "", "X002", f"未找到表头（已查看工作表：{names}）")], []
    sheet, top = best[1], best[2]
    width = max((len(r) for r in sheet.grid[top : top + MAX_HEADER_ROWS + 1]), default=0)
    # a vertical merge reaching the found row from above starts the header there
    for (r1, _c1), (r2, _c2) in sheet.merged:
        if r1 < top <= r2 and top - r1 < MAX_HEADER_ROWS:
            top = r1
    if top > 0 and _group_row(sheet, top - 1, top):
        top -= 1
    bottom = top
    while bottom + 1 < len(sheet.grid) and bottom - top + 1 < MAX_HEADER_ROWS:
        nxt = bottom + 1
        crossing = any(
            r1 <= bottom < nxt <= r2 and c1 < width for (r1, c1), (r2, _c2) in sheet.merged
        )
        if crossing or _header_like(sheet, nxt):
            bottom = nxt
        else:
            break
    labels: dict[int, str] = {}
    for c in range(width):
        parts: list[str] = []
        for r in range(top, bottom + 1):
            text = cell_text(sheet.cell(r, c))
            if text and text not in parts:
                parts.append(text)
        if parts:
            labels[c] = "/".join(parts)
    title_cells = [cell_text(v) for r in range(top) for v in sheet.grid[r] if cell_text(v)]
    title = " ".join(dict.fromkeys(title_cells))
    unit_match = SHEET_UNIT.search(unicodedata.normalize("NFKC", title))
    sheet_scale = MONEY_UNITS[unit_match.group(1)] if unit_match else None
    return _map_columns(sheet, top, bottom, labels, title, sheet_scale, specs, required)


def _map_columns(
    sheet: Sheet,
    top: int,
    bottom: int,
    labels: dict[int, str],
    title: str,
    sheet_scale: Decimal | None,
    specs: Sequence[ColumnSpec],
    required: Sequence[str],
) -> tuple[Layout | None, list[Problem], list[str]]:
    problems: list[Problem] = []
    warnings: list[str] = []
    header_row = top + 1
    columns: list[Column] = []
    ignored: list[str] = []
    taken: set[str] = set()
    for index, label in labels.items():
        norm = normalise(label)
        spec = next((s for s in specs if s.matches(norm)), None)
        if spec is None:
            ignored.append(label)
            continue
        if spec.key in taken and not spec.multi:
            warnings.append(f"列“{label}”与前面的列重复，已忽略")
            continue
        taken.add(spec.key)
        scale: Decimal | None = None
        if spec.money:
            scale, unit_text = money_unit(label)
            if scale is None and unit_text:
                problems.append(
                    Problem(header_row, label, "X007", f"无法识别的金额单位“{unit_text}”")
                )
                continue
        first, month = label_month(label)
        columns.append(
            Column(spec.key, index, label, scale, label_year(label), month, first_month=first)
        )
    columns = _default_scales(columns, specs, sheet_scale, warnings)
    for key in required:
        if key not in taken:
            caption = next((s.caption for s in specs if s.key == key and s.caption), key)
            problems.append(Problem(header_row, "", "X003", f"缺少必需的列：{caption}"))
    layout = Layout(sheet, top, bottom, columns, ignored, title, sheet_scale, labels)
    return layout, problems, warnings


def _default_scales(
    columns: list[Column],
    specs: Sequence[ColumnSpec],
    sheet_scale: Decimal | None,
    warnings: list[str],
) -> list[Column]:
    """Money columns whose header names no unit: the sheet's "单位：万元", else the unit all
    other money columns name, else 亿元; each with a warning."""
    money = {s.key for s in specs if s.money}
    named = {c.scale for c in columns if c.key in money and c.scale is not None}
    names = {v: k for k, v in MONEY_UNITS.items() if k.endswith("元")}
    out: list[Column] = []
    for column in columns:
        if column.key not in money or column.scale is not None:
            out.append(column)
            continue
        if sheet_scale is not None:
            scale = sheet_scale
        elif len(named) == 1:
            scale = next(iter(named))
            warnings.append(
                f"列“{column.label}”未注明金额单位，按同表其他金额列的{names[scale]}读取"
            )
        else:
            scale = Decimal(1)
            warnings.append(f"列“{column.label}”未注明金额单位，按亿元读取")
        out.append(replace(column, scale=scale))
    return out


def title_year(layout: Layout) -> int | None:
    """The year a ledger's title names ("2025年全市重点项目台账")."""
    return label_year(layout.title)


def row_is_numbering(cells: Sequence[Cell]) -> bool:
    """A row of column numbers under the header (1 2 3 4 …)."""
    numbers = [v for v in cells if v != "" and v is not None]
    if len(numbers) < 3 or not all(_numeric(v) for v in numbers):
        return False
    values = [float(v) for v in numbers if isinstance(v, int | float)]
    return all(b - a == 1 for a, b in itertools.pairwise(values))


SECTION = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部分类篇章])"
)
TOTAL = re.compile(r"^(?:合计|总计|小计|共计|其中)")
NOTE = re.compile(r"^(?:注|备注|说明|填报|制表|审核|联系人|联系电话|单位负责人)")
