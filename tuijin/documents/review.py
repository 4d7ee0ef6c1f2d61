"""The office's review of an extraction: what the page shows, and applying its corrections.

Pure functions over the extraction JSON, so the rules are tested without a browser.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tuijin.core.errors import ServiceError

KINDS = {"target": "目标", "actual": "实际", "spec": "规模"}
TIERS = {"": "—", "base": "目标值", "stretch": "争取值", "aspiration": "奋斗值"}
_SPLIT = re.compile(r"[、，,；;\s]+")


def utf16_offsets(text: str) -> list[int] | None:
    """Positions of astral characters, or None when there are none (the usual case).

    Browsers index strings in UTF-16 code units; spans index code points. The page converts with
    this list so a click highlights exactly the source characters.
    """
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    return astral or None


def to_utf16(index: int, astral: list[int] | None) -> int:
    if not astral:
        return index
    return index + sum(1 for a in astral if a < index)


@dataclass(frozen=True, slots=True)
class Item:
    facet: str
    index: int
    start: int
    end: int
    data: dict[str, Any]


def review_items(extraction: Mapping[str, Any], text: str) -> dict[str, list[Item]]:
    """The items of each facet the page lists, with spans converted for the browser."""
    astral = utf16_offsets(text)
    out: dict[str, list[Item]] = {}
    for facet in ("headings", "tasks", "assignments", "quantities", "projects", "dates"):
        rows = []
        for i, row in enumerate(extraction.get(facet) or []):
            if not isinstance(row, dict):
                continue
            span = row.get("span") or [0, 0]
            start, end = (int(span[0]), int(span[1])) if len(span) == 2 else (0, 0)
            rows.append(Item(facet, i, to_utf16(start, astral), to_utf16(end, astral), row))
        out[facet] = rows
    return out


def _units(value: str) -> list[str]:
    return [u for u in _SPLIT.split(value or "") if u]


def apply_corrections(extraction: Mapping[str, Any], form: Mapping[str, str]) -> dict[str, Any]:
    """A corrected copy of EXTRACTION from the review form's fields.

    Field names: `meta-title`, `assignments-3-lead`, `assignments-3-responsible`,
    `projects-5-name`, `quantities-2-kind|year|subject|tier`, `<facet>-<i>-delete`.
    Raises ServiceError (Chinese message) on a bad value; the caller then saves nothing.
    """
    data = copy.deepcopy(dict(extraction))
    meta = dict(data.get("meta") or {})
    for key in ("title", "doc_number", "issuer", "date"):
        field = f"meta-{key}"
        if field in form:
            value = form[field].strip()
            if key == "date" and value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                raise ServiceError("D010", f"日期格式应为 2025-06-30、2025-06 或 2025：{value}")
            meta[key] = value or None
    data["meta"] = meta

    for i, row in enumerate(data.get("assignments") or []):
        for role in ("lead", "responsible"):
            field = f"assignments-{i}-{role}"
            if field in form:
                row[role] = _units(form[field])
    for i, row in enumerate(data.get("projects") or []):
        field = f"projects-{i}-name"
        if field in form:
            name = form[field].strip()
            if not name:
                raise ServiceError("D011", f"第 {i + 1} 个项目名称为空（不需要请勾选删除）")
            row["name"] = name
    for i, row in enumerate(data.get("quantities") or []):
        prefix = f"quantities-{i}-"
        if prefix + "kind" in form:
            kind = form[prefix + "kind"]
            if kind not in KINDS:
                raise ServiceError("D012", f"第 {i + 1} 个数据的类型无效：{kind}")
            row["kind"] = kind
        if prefix + "year" in form:
            year = form[prefix + "year"].strip()
            if year and not (year.isdigit() and 1900 <= int(year) <= 2200):
                raise ServiceError("D013", f"第 {i + 1} 个数据的年份无效：{year}")
            row["year"] = int(year) if year else None
        if prefix + "subject" in form:
            row["subject"] = form[prefix + "subject"].strip() or None
        if prefix + "tier" in form:
            tier = form[prefix + "tier"]
            if tier not in TIERS:
                raise ServiceError("D014", f"第 {i + 1} 个数据的档次无效：{tier}")
            row["tier"] = tier or None

    for facet in ("tasks", "assignments", "quantities", "projects", "dates"):
        rows = data.get(facet) or []
        keep = [r for i, r in enumerate(rows) if form.get(f"{facet}-{i}-delete") != "on"]
        if facet == "tasks" and len(keep) != len(rows):
            data["assignments"] = _reindex_tasks(data.get("assignments") or [], rows, keep)
        data[facet] = keep
    return data


def _reindex_tasks(
    assignments: list[dict[str, Any]], old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Assignments point at tasks by index; keep them pointing at the same task (or none)."""
    position = {id(row): i for i, row in enumerate(new)}
    for a in assignments:
        index = a.get("task")
        if isinstance(index, int) and 0 <= index < len(old):
            a["task"] = position.get(id(old[index]))
    return assignments
