"""The office's corrections to an extraction are applied exactly, and bad values are refused."""

from __future__ import annotations

from typing import Any

import pytest

from tuijin.core.errors import ServiceError
from tuijin.documents.review import apply_corrections, review_items, to_utf16, utf16_offsets


def _extraction() -> dict[str, Any]:
    return {
        "meta": {"title": "方案", "doc_number": None, "issuer": None, "date": None},
        "tasks": [{"text": "甲", "span": [0, 1]}, {"text": "乙", "span": [2, 3]}],
        "assignments": [
            {"anchor": "乙", "lead": ["市发改委"], "responsible": [], "span": [3, 4], "task": 1}
        ],
        "quantities": [
            {
                "text": "5亿元",
                "value": 5,
                "unit": "亿元",
                "kind": "actual",
                "year": None,
                "span": [5, 8],
            }
        ],
        "projects": [{"name": "物流园项目", "span": [9, 14]}, {"name": "平台", "span": [15, 17]}],
    }


def test_units_are_split_on_chinese_separators() -> None:
    data = apply_corrections(
        _extraction(), {"assignments-0-responsible": "市商务局、市交通局，市财政局"}
    )
    assert data["assignments"][0]["responsible"] == ["市商务局", "市交通局", "市财政局"]
    assert data["assignments"][0]["lead"] == ["市发改委"]


def test_deleting_a_task_keeps_assignments_pointing_at_the_same_task() -> None:
    data = apply_corrections(_extraction(), {"tasks-0-delete": "on"})
    assert [t["text"] for t in data["tasks"]] == ["乙"]
    assert data["assignments"][0]["task"] == 0


def test_deleted_items_are_dropped_and_edits_kept() -> None:
    form = {
        "projects-1-delete": "on",
        "projects-0-name": "物流园",
        "quantities-0-kind": "target",
        "quantities-0-year": "2027",
        "quantities-0-tier": "stretch",
        "meta-date": "2025-06",
    }
    data = apply_corrections(_extraction(), form)
    assert [p["name"] for p in data["projects"]] == ["物流园"]
    q = data["quantities"][0]
    assert (q["kind"], q["year"], q["tier"]) == ("target", 2027, "stretch")
    assert data["meta"]["date"] == "2025-06"


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({"quantities-0-year": "二〇二五"}, "D013"),
        ({"quantities-0-kind": "guess"}, "D012"),
        ({"projects-0-name": "  "}, "D011"),
        ({"meta-date": "2025/6/30"}, "D010"),
    ],
)
def test_bad_values_are_refused_with_a_code(form: dict[str, str], code: str) -> None:
    original = _extraction()
    with pytest.raises(ServiceError) as err:
        apply_corrections(original, form)
    assert err.value.code == code
    assert original == _extraction()


def test_spans_are_converted_for_the_browser_around_astral_characters() -> None:
    text = "𠀀甲乙"
    astral = utf16_offsets(text)
    assert astral == [0]
    assert to_utf16(2, astral) == 3
    assert utf16_offsets("普通文字") is None
    items = review_items({"projects": [{"name": "乙", "span": [2, 3]}]}, text)
    assert (items["projects"][0].start, items["projects"][0].end) == (3, 4)
