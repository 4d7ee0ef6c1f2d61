"""Responsibility tables (任务分解表) rendered by the readers as tab-separated lines.

A table is a run of consecutive tab lines. Its header row (not necessarily the first) names the
columns in any order: 序号, one or more task columns (重点任务 → 具体任务), unit columns
(牵头单位, 责任单位, 配合单位, …) and a deadline column (完成时限, 时间节点). Each later row
with a task becomes a Task and, when it names units, an Assignment. Empty cells of the outer
task columns repeat the value above (merged cells in the source).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .assignments import split_units
from .lexicon import words
from .result import Assignment, Span, Task
from .segment import Line

# Words that name a header cell's column (looked for anywhere in the cell).
_LEAD = words("牵头 主责 主办")
_RESP = words("责任单位 责任部门 责任主体 配合 协办 协助 参与 协同 实施单位 承办 成员单位")
_DEADLINE = words("时限 时间 节点 进度 截止 期限")
_TASK = words("任务 工作 内容 措施 事项 目标 举措 指标 名称 要求")
_SKIP = frozenset(words("序号 编号 备注 说明 责任领导 分管领导 牵头领导 联系人"))


@dataclass(slots=True)
class TableItem:
    task: Task
    assignment: Assignment | None


class _Columns:
    """Where a header row puts the task, lead, responsible and deadline columns."""

    __slots__ = ("deadline", "lead", "resp", "tasks")

    def __init__(self) -> None:
        self.tasks: list[int] = []
        self.lead: list[int] = []
        self.resp: list[int] = []
        self.deadline: int | None = None


def _has(cell: str, words: tuple[str, ...]) -> bool:
    return any(w in cell for w in words)


def _header(cells: list[str]) -> _Columns | None:
    cols = _Columns()
    for i, raw in enumerate(cells):
        cell = "".join(raw.split())  # without whitespace
        if not cell or len(cell) > 12 or cell in _SKIP:
            continue
        if _has(cell, _LEAD) and "领导" not in cell:
            cols.lead.append(i)
        elif _has(cell, _RESP) and "领导" not in cell:
            cols.resp.append(i)
        elif _has(cell, _DEADLINE) and cols.deadline is None:
            cols.deadline = i
        elif _has(cell, _TASK):
            cols.tasks.append(i)
    if cols.tasks and (cols.lead or cols.resp):
        return cols
    return None


def _cells(line: Line, text: str) -> list[tuple[int, int]]:
    """Cell spans of a tab line in document offsets."""
    out: list[tuple[int, int]] = []
    pos = text.rfind("\n", 0, line.start) + 1  # leading empty cells were stripped from Line
    end = text.find("\n", line.end)
    end = len(text) if end < 0 else end
    for part in text[pos:end].split("\t"):
        s, e = pos, pos + len(part)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
        pos += len(part) + 1
    return out


def _anchor(task: str) -> str:
    stops = [i for i in (task.find("。"), task.find("；"), task.find(";")) if i >= 0]
    first = task[: min(stops)] if stops else task
    return first if len(first) <= 30 else task[:12]


def _getter(values: list[str]) -> Callable[[int], str]:
    def cell(i: int) -> str:
        return values[i] if i < len(values) else ""

    return cell


def _table(rows: list[Line], text: str, simp: str, lead_first: bool) -> list[TableItem]:
    items: list[TableItem] = []
    cols: _Columns | None = None
    carried: dict[int, str] = {}
    for line in rows:
        spans = _cells(line, text)
        values = [text[s:e] for s, e in spans]
        header = _header([simp[s:e] for s, e in spans])
        if header is not None:
            cols, carried = header, {}
            continue
        if cols is None:
            continue
        cell = _getter(values)
        *outer, inner = cols.tasks
        section: list[str] = []
        for i in outer:
            value = cell(i) or carried.get(i, "")
            carried[i] = value
            if value:
                section.append(value)
        task_text = cell(inner)
        if not task_text:
            continue
        start, end = spans[inner]
        lead = [u for i in cols.lead for u in split_units(cell(i))]
        resp = [u for i in cols.resp for u in split_units(cell(i))]
        if lead_first and not lead and resp:
            lead, resp = resp[:1], resp[1:]
        deadline = cell(cols.deadline) if cols.deadline is not None else ""
        task = Task(task_text, Span(start, end), section, None, deadline or None)
        assignment = None
        if lead or resp:
            assignment = Assignment(
                _anchor(task_text), lead, resp, Span(line.start, line.end), None, deadline or None
            )
        items.append(TableItem(task, assignment))
    return items


def extract_tables(
    lines: list[Line], text: str, simp: str, *, lead_first: bool = False
) -> list[TableItem]:
    """Tasks and assignments from every responsibility table in the text."""
    items: list[TableItem] = []
    if "\t" not in text:
        return items
    run: list[Line] = []
    for line in [*lines, None]:
        if (
            line is not None
            and line.text
            and (
                "\t" in line.text
                or text[line.start - 1 : line.start] == "\t"
                or text[line.end : line.end + 1] == "\t"
            )
        ):
            run.append(line)
            continue
        if len(run) >= 2:
            items.extend(_table(run, text, simp, lead_first))
        run = []
    return items
