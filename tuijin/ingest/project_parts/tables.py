"""Project lists printed as tables: rows (cells split by tabs or |) under a 项目名称 column.

A header row names the column; every following row, until a line that is not a table row,
gives the cell in that column as one project (a leading row number 1. / 一、 dropped).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_HEADER_RE = re.compile(
    r"^(?:项目名称|工程名称|项目|工程|项目\(工程\)名称|项目（工程）名称|名称|建设项目|重点项目)"
    r"(?:$|[（(及和])"
)
_NUMBER_RE = re.compile(r"(?:\d+|[一二三四五六七八九十]+)[.．、]\s*")
_SEP_RE = re.compile(r"\t|\|")


def table_projects(text: str) -> Iterator[tuple[int, int]]:
    """One span per row: the cell under the name column, row numbers stripped."""
    column: int | None = None
    prev_end = -2
    for row_start, row_end in _rows(text):
        if row_start != prev_end + 1:
            column = None  # a non-table line ends the table
        prev_end = row_end
        cells = _cells(text, row_start, row_end)
        header = [i for i, (a, b) in enumerate(cells) if _HEADER_RE.match(text[a:b].strip())]
        if header:
            column = header[0]
            continue
        if column is None or column >= len(cells):
            continue
        a, b = cells[column]
        while a < b and text[a] in " \r\u3000":
            a += 1
        while b > a and text[b - 1] in " \r\u3000":
            b -= 1
        num = _NUMBER_RE.match(text, a, b)
        if num and num.end() < b:
            a = num.end()
        if b - a >= 2 and any("\u4e00" <= c <= "\u9fff" for c in text[a:b]):
            yield a, b


def _rows(text: str) -> Iterator[tuple[int, int]]:
    """Lines holding a tab or a pipe (start, end without the newline), found from those marks."""
    n = len(text)
    tab, pipe = text.find("\t"), text.find("|")
    while tab >= 0 or pipe >= 0:
        mark = pipe if tab < 0 or 0 <= pipe < tab else tab
        start = text.rfind("\n", 0, mark) + 1
        end = text.find("\n", mark)
        if end < 0:
            end = n
        yield start, end
        if 0 <= tab <= end:
            tab = text.find("\t", end)
        if 0 <= pipe <= end:
            pipe = text.find("|", end)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    a = start
    for m in _SEP_RE.finditer(text, start, end):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, end))
    if out and out[0][1] == out[0][0] and text.startswith("|", start):
        out = out[1:]  # | a | b |: a leading pipe opens no cell
    return out


_ENUM_LINE_RE = re.compile(
    r"^[ \t\u3000]*(?:[(（]\d{1,3}[)）]|\d{1,3}[.．、]|[一二三四五六七八九十]{1,3}、"
    r"|[(（][一二三四五六七八九十]{1,3}[)）])[ \t\u3000]*"
    r"(?P<name>[^，。；,;：:\n\t|]{3,40}?)[ \t\u3000\r]*$",
    re.M,
)
_CAPTION_RE = re.compile(r"项目|工程|名单|清单")
_ENUM_LINE_START_RE = re.compile(r"\n[ \t\u3000]*[(（\d一二三四五六七八九十]")


def enumerated_names(text: str) -> Iterator[tuple[int, int]]:
    """(1)新城智能终端产业园 …: name-only numbered lines under a caption about projects.

    The caption is the line just above the block of numbered lines; it must be short, not a
    sentence, and speak of 项目/工程/名单. Which names count is left to the caller.
    """
    block_end = -2
    listed = False
    for m in _enumerated_lines(text):
        if m.start() != block_end + 1:  # a new block: read the caption line above it
            cap_end = m.start() - 1
            cap_start = text.rfind("\n", 0, max(0, cap_end)) + 1
            caption = text[cap_start:cap_end].strip() if cap_end > 0 else ""
            listed = (
                0 < len(caption) <= 40
                and not caption.endswith(("。", "；", ";"))
                and _CAPTION_RE.search(caption) is not None
            )
        block_end = m.end()
        if listed:
            yield m.span("name")


def _enumerated_lines(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_ENUM_LINE_RE.finditer(text)`, tried only at lines that open with a digit,
    a bracket or a numeral (each match is one whole line)."""
    m = _ENUM_LINE_RE.match(text, 0)
    if m is not None:
        yield m
    for line in _ENUM_LINE_START_RE.finditer(text):
        m = _ENUM_LINE_RE.match(text, line.start() + 1)
        if m is not None:
            yield m
