"""Figures in indicator tables: a header row of years or tier words, rows of bare numbers.

Plans list their main indicators as a table (指标 | 单位 | 2020年 | 2025年 | 属性); the readers
render table rows as tab- or bar-separated lines. A cell holding only a number measures the row's
indicator in the column's year: the unit comes from a 单位 column or from the label
(`地区生产总值（亿元）`), the year and kind from the column header (the earliest year column is
the base, so actual; later years and 目标值/争取值/奋斗值 columns are targets). Rows without a unit
are left out: a bare number with no unit is not a measurement we can name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from tuijin.ingest.numerals import parse_arabic_number
from tuijin.ingest.result import QuantityKind, Tier
from tuijin.ingest.units import clean_unit, split_unit

_ROW: Final = re.compile(r"^[^\n]*[\t|｜│][^\n]*$", re.M)
_SEP: Final = re.compile(r"[\t|｜│]")
_YEAR_CELL: Final = re.compile(
    r"^((?:19|20)[0-9]{2})\s*年?(?:[（(]?(?:基期|目标值?|预期值?|规划值?|实际值?|完成值?)[)）]?)?$"
)
_TIER_CELL: Final = {
    "目标值": "base",
    "预期值": "base",
    "争取值": "stretch",
    "奋斗值": "aspiration",
}
_BASE_CELL: Final = re.compile(r"^(?:基期|现状|基数|基期值|现状值)(?:值)?$")
_UNIT_HEAD: Final = re.compile(r"^(?:计量)?单位$")
_NUMBER_CELL: Final = re.compile(
    r"^\s*[<>≥≤＞＜]?\s*(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:左右|以上|以下)?\s*$"
)
_ANY_YEAR: Final = re.compile(r"((?:19|20)[0-9]{2})年")
_SPEC_HEAD: Final = re.compile(r"^(?:项目)?(?:总投资|投资总额|建设规模|规模|产能|占地)")
_TARGET_HEAD: Final = re.compile(r"计划|目标|预计|预期|力争")
_ACTUAL_HEAD: Final = re.compile(r"完成|累计|实际|已")
_LABEL_UNIT: Final = re.compile(r"[（(]([^（()）]{1,8})[)）]\s*$")


@dataclass(slots=True)
class TableFigure:
    start: int
    end: int
    text: str
    value: int | float
    unit: str
    kind: QuantityKind
    year: int | None
    tier: Tier | None
    subject: str


@dataclass(slots=True)
class _Column:
    year: int | None
    tier: Tier | None
    base: bool
    unit: str = ""  # 总投资（亿元）: the column gives the unit
    kind: QuantityKind | None = None  # from the column's words: 总投资 → spec, 计划 → target


def _unit_column(cell: str) -> _Column | None:
    """A header cell with its own unit: 总投资（亿元）, 2024年计划投资(万元)."""
    m = _LABEL_UNIT.search(cell)
    if not m:
        return None
    unit = clean_unit(m.group(1))
    if unit != "%" and split_unit(unit) is None:
        return None
    y = _ANY_YEAR.search(cell)
    kind: QuantityKind | None = None
    if _SPEC_HEAD.search(cell):
        kind = "spec"
    elif _TARGET_HEAD.search(cell):
        kind = "target"
    elif _ACTUAL_HEAD.search(cell):
        kind = "actual"
    year = int(y.group(1)) if y and kind != "spec" else None
    return _Column(year, None, False, unit, kind)


def _cells(line: str, offset: int) -> list[tuple[int, str]]:
    """(position, text) of each cell; empty cells are kept so that columns stay aligned."""
    out = []
    pos = 0
    for raw in _SEP.split(line):
        stripped = raw.strip()
        if set(stripped) <= set("-—:： "):
            stripped = ""  # an empty cell or a markdown rule
        start = offset + pos + (raw.index(stripped[0]) if stripped else 0)
        out.append((start, stripped))
        pos += len(raw) + 1
    if out and not out[0][1] and line.lstrip().startswith(("|", "｜", "│")):
        out.pop(0)  # | a | b |: the edge bars make no cells
    while out and not out[-1][1]:
        out.pop()
    return out


_Header = tuple[dict[int, _Column], int | None, int]


def _header(cells: list[tuple[int, str]]) -> _Header | None:
    columns: dict[int, _Column] = {}
    unit_col = None
    for i, (_pos, cell) in enumerate(cells):
        y = _YEAR_CELL.match(cell)
        if y:
            columns[i] = _Column(int(y.group(1)), None, bool(re.search("基期|实际|完成", cell)))
        elif cell in _TIER_CELL:
            columns[i] = _Column(None, _TIER_CELL[cell], False)  # type: ignore[arg-type]
        elif _BASE_CELL.match(cell):
            columns[i] = _Column(None, None, True)
        elif _UNIT_HEAD.match(cell):
            unit_col = i
        elif i > 0 and (uc := _unit_column(cell)) is not None:
            columns[i] = uc
    if not columns:
        return None
    years = [c.year for c in columns.values() if c.year is not None]
    if len(years) > 1:  # the earliest year column is the base when several years are given
        first = min(years)
        for c in columns.values():
            c.base = c.base or c.year == first
    return columns, unit_col, len(cells)


def table_figures(text: str, default: QuantityKind = "target") -> list[TableFigure]:
    """Bare-number cells of indicator tables, with unit, year, kind and tier from the header.

    `default`: the kind of a cell whose column says nothing (a project table in a plan: target).
    """
    out: list[TableFigure] = []
    header: _Header | None = None
    last_end = -2
    for m in _ROW.finditer(text):
        if m.start() > last_end + 1 + 200:  # a gap: a new table needs a new header
            header = None
        last_end = m.end()
        cells = _cells(m.group(0), m.start())
        if sum(1 for _p, c in cells if c) < 2:
            continue
        found = _header(cells)
        if found is not None and all(
            _YEAR_CELL.match(c) or not _NUMBER_CELL.match(c) for _p, c in cells
        ):
            header = found
            continue
        if header is None:
            continue
        columns, unit_col, width = header
        shift = width - len(cells) if len(cells) < width else 0  # merged cells: align right
        label = next((c for _p, c in cells if c and not _NUMBER_CELL.match(c)), "")
        unit = ""
        if unit_col is not None and 0 <= unit_col - shift < len(cells):
            unit = cells[unit_col - shift][1]
        if not unit:
            lu = _LABEL_UNIT.search(label)
            unit = lu.group(1) if lu else ""
        row_unit = clean_unit(unit)
        if row_unit != "%" and split_unit(row_unit) is None:
            row_unit = ""
        subject = _LABEL_UNIT.sub("", label).strip()
        for i, (pos, cell) in enumerate(cells):
            col = columns.get(i + shift)
            num = _NUMBER_CELL.match(cell)
            if col is None or num is None or i == 0:
                continue
            cell_unit = col.unit or row_unit
            value = parse_arabic_number(num.group("n"))
            if value is None or not cell_unit:
                continue
            start = pos + num.start("n")
            kind: QuantityKind = col.kind or default
            if col.kind is None and (col.year is not None or col.tier or col.base):
                kind = "actual" if col.base and col.tier is None else "target"
            out.append(
                TableFigure(
                    start,
                    start + len(num.group("n")),
                    num.group("n"),
                    value,
                    cell_unit,
                    kind,
                    col.year,
                    col.tier,
                    subject,
                )
            )
    return out
