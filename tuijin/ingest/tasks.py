"""Tasks: the actionable items of a plan, placed in the heading tree.

A task is a paragraph closed by a responsibility marker, a numbered paragraph that opens with a
title sentence and goes on with its content, or a row of a responsibility table. Its section is
the path of heading titles above it; its deadline is the latest deadline its text states.
"""

from __future__ import annotations

from bisect import bisect_right

from .assignments import Found
from .dates import extract_dates
from .headings import Outline
from .result import Assignment, DateMention, Span, Task
from .segment import Line
from .tables import TableItem


def section_paths(outline: Outline) -> list[list[str]]:
    """For each heading, the titles from the top of the tree down to it."""
    stack: list[tuple[int, str]] = []
    paths: list[list[str]] = []
    for h in outline.headings:
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        stack.append((h.level, h.title))
        paths.append([t for _, t in stack])
    return paths


def _deadline(dates: list[DateMention], starts: list[int], span: Span) -> DateMention | None:
    best: DateMention | None = None
    for i in range(bisect_right(starts, span.start - 1), len(dates)):
        d = dates[i]
        if d.span.start >= span.end:
            break
        if d.kind == "deadline" and d.end and (best is None or (best.end or "") < d.end):
            best = d
    return best


def build_tasks(
    lines: list[Line],
    text: str,
    outline: Outline,
    found: list[Found],
    tables: list[TableItem],
    dates: list[DateMention],
) -> tuple[list[Task], list[Assignment]]:
    """Tasks in document order, and the assignments (markers, table rows) linked to them."""
    paths = section_paths(outline)
    heading_lines = outline.lines
    starts = [d.span.start for d in dates]

    def section(line_index: int) -> list[str]:
        k = bisect_right(heading_lines, line_index) - 1
        return list(paths[k]) if k >= 0 else []

    by_line: dict[int, list[Found]] = {}
    for f in found:
        by_line.setdefault(f.paragraph, []).append(f)
    para_lines = set(by_line)
    for idx, inline in zip(outline.lines, outline.inline, strict=True):
        if inline:
            para_lines.add(idx)
    tasks: list[Task] = []
    assignments: list[Assignment] = []
    for idx in sorted(para_lines):
        line = lines[idx]
        span = Span(line.start, line.end)
        task = Task(line.text, span, section(idx))
        markers = by_line.get(idx, [])
        written = next((f.assignment.deadline for f in markers if f.assignment.deadline), None)
        due = _deadline(dates, starts, span)
        if written:
            parsed = [d for d in extract_dates(written, written) if d.end]
            task.deadline = parsed[-1].end if parsed else None
            task.deadline_text = written
        elif due is not None:
            task.deadline, task.deadline_text = due.end, due.text
        tasks.append(task)
        for f in markers:
            f.assignment.task = len(tasks) - 1
    for f in found:
        assignments.append(f.assignment)
    for item in tables:
        if item.task.deadline_text:
            parsed = [
                d
                for d in extract_dates(item.task.deadline_text, item.task.deadline_text)
                if d.end or d.start
            ]
            if parsed:
                item.task.deadline = parsed[-1].end or parsed[-1].start
        tasks.append(item.task)
        if item.assignment is not None:
            item.assignment.task = len(tasks) - 1
            assignments.append(item.assignment)
    order = sorted(range(len(tasks)), key=lambda i: tasks[i].span.start)
    new_index = {old: new for new, old in enumerate(order)}
    for a in assignments:
        if a.task is not None:
            a.task = new_index[a.task]
    assignments.sort(key=lambda a: a.span.start)
    return [tasks[i] for i in order], assignments
