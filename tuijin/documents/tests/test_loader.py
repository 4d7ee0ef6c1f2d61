"""The loader turns a reviewed extraction into ledger rows with provenance, idempotently."""

from __future__ import annotations

from typing import Any

import pytest

from tuijin.documents.loader import load_extraction, parse_partial_date
from tuijin.documents.models import Document, Provenance
from tuijin.geo.models import Area
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.plans.models import Assignment, Stage, Target, Task
from tuijin.projects.models import Project

pytestmark = pytest.mark.django_db

TEXT = (
    "一、重点任务\n"
    "1.建设物流园。年内开工建设陆港物流园（牵头单位：市发改委；责任单位：市商务局、新区管委会）\n"
    "到2027年，地区生产总值目标值4000亿元、争取值4200亿元。\n"
    "实施时间为2025年3月到2026年6月。兰州新区承载主要项目。\n"
)


def _doc(text: str = TEXT, sha: str = "a" * 64) -> Document:
    return Document.objects.create(title="示例方案", sha256=sha, text=text)


def _span(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def _extraction(text: str = TEXT) -> dict[str, Any]:
    return {
        "meta": {
            "title": "示例方案",
            "doc_number": "示政发〔2025〕1号",
            "issuer": "示例市人民政府",
            "date": "2025-02-10",
        },
        "tasks": [
            {
                "text": "建设物流园。年内开工建设陆港物流园",
                "span": _span(text, "建设物流园。年内开工建设陆港物流园"),
                "section": ["重点任务", "建设物流园"],
                "deadline": "2025",
                "deadline_text": "年内",
            },
        ],
        "assignments": [
            {
                "anchor": "建设物流园",
                "lead": ["市发改委"],
                "responsible": ["市商务局", "新区管委会"],
                "span": _span(text, "（牵头单位：市发改委；责任单位：市商务局、新区管委会）"),
                "task": 0,
            },
        ],
        "quantities": [
            {
                "text": "4000亿元",
                "value": 4000,
                "unit": "亿元",
                "kind": "target",
                "year": 2027,
                "subject": "地区生产总值",
                "tier": "base",
                "base_value": 4e11,
                "span": _span(text, "4000亿元"),
            },
            {
                "text": "4200亿元",
                "value": 4200,
                "unit": "亿元",
                "kind": "target",
                "year": 2027,
                "subject": "地区生产总值",
                "tier": "stretch",
                "base_value": 4.2e11,
                "span": _span(text, "4200亿元"),
            },
        ],
        "projects": [{"name": "陆港物流园", "span": _span(text, "陆港物流园")}],
        "dates": [
            {
                "text": "2025年3月到2026年6月",
                "kind": "range",
                "start": "2025-03",
                "end": "2026-06",
                "span": _span(text, "2025年3月到2026年6月"),
            }
        ],
        "mentions": [
            {"text": "兰州新区", "kind": "area", "span": _span(text, "兰州新区"), "attrs": {}}
        ],
    }


@pytest.fixture
def ledger() -> None:
    dev = Unit.objects.create(name="市发展和改革委员会")
    UnitAlias.objects.create(unit=dev, name="市发改委")
    Unit.objects.create(name="市商务局")
    Area.objects.create(name="兰州新区")


def test_extraction_becomes_tasks_assignments_targets_projects_and_stages(ledger: None) -> None:
    doc = _doc()
    report = load_extraction(doc, _extraction())
    task = Task.objects.get()
    assert task.deadline_text == "年内" and task.section == "重点任务 / 建设物流园"
    roles = {(a.unit.name, a.role) for a in Assignment.objects.select_related("unit")}
    assert roles == {
        ("市发展和改革委员会", "lead"),
        ("市商务局", "responsible"),
        ("新区管委会", "responsible"),
    }
    assert report.new_units == ["新区管委会"]
    assert Unit.objects.get(name="新区管委会").needs_review
    assert sorted(Target.objects.values_list("tier", flat=True)) == ["base", "stretch"]
    assert Project.objects.get().source_text == "陆港物流园"
    stage = Stage.objects.get()
    assert stage.start_date is not None and stage.end_date is not None
    assert (stage.start_date.isoformat(), stage.end_date.isoformat()) == (
        "2025-03-01",
        "2026-06-30",
    )
    doc.refresh_from_db()
    assert doc.doc_number == "示政发〔2025〕1号"


def test_every_loaded_item_points_back_to_its_source(ledger: None) -> None:
    doc = _doc()
    load_extraction(doc, _extraction())
    for row in Provenance.objects.all():
        assert doc.text[row.start : row.end] == row.text
    area = Area.objects.get(name="兰州新区")
    assert Provenance.objects.filter(object_id=area.pk, facet="area").exists()
    task = Task.objects.get()
    assert "年内开工建设陆港物流园" in task.source_sentence


def test_loading_twice_changes_nothing(ledger: None) -> None:
    doc = _doc()
    load_extraction(doc, _extraction())
    counts = [
        m.objects.count() for m in (Task, Assignment, Target, Project, Stage, Provenance, Unit)
    ]
    load_extraction(doc, _extraction())
    assert counts == [
        m.objects.count() for m in (Task, Assignment, Target, Project, Stage, Provenance, Unit)
    ]


def test_a_later_document_links_the_same_project_and_unit(ledger: None) -> None:
    load_extraction(_doc(), _extraction())
    later_text = "二、推进情况\n陆港物流园已开工（责任单位：市发改委）\n"
    later = _doc(later_text, sha="b" * 64)
    data = {
        "tasks": [],
        "assignments": [
            {
                "anchor": "推进情况",
                "lead": [],
                "responsible": ["市发改委"],
                "span": _span(later_text, "（责任单位：市发改委）"),
            }
        ],
        "projects": [{"name": "陆港物流园", "span": _span(later_text, "陆港物流园")}],
    }
    load_extraction(later, data)
    project = Project.objects.get()
    assert Provenance.objects.filter(object_id=project.pk, facet="project").count() == 2
    assert Unit.objects.filter(name="市发展和改革委员会").count() == 1
    assert Assignment.objects.filter(unit__name="市发展和改革委员会").count() == 2


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2025", True, "2025-12-31"),
        ("2025-02", True, "2025-02-28"),
        ("2025-02", False, "2025-02-01"),
        ("2025-06-30", True, "2025-06-30"),
        ("bad", True, None),
        (None, True, None),
    ],
)
def test_partial_dates_become_the_end_or_start_of_their_period(
    value: str | None, end: bool, expected: str | None
) -> None:
    result = parse_partial_date(value, end=end)
    assert (result.isoformat() if result else None) == expected


def test_a_collective_responsibility_assigns_every_unit_of_its_kind(ledger: None) -> None:
    west = Unit.objects.create(name="西城区人民政府", kind="county_government")
    east = Unit.objects.create(name="东城区人民政府", kind="county_government")
    Unit.objects.create(name="南城区人民政府", kind="county_government", needs_review=True)
    data = _extraction()
    data["assignments"][0]["responsible"] = ["各县区", "各有关单位"]
    before = Unit.objects.count()
    report = load_extraction(_doc(), data)
    assert Unit.objects.count() == before  # neither collective became a unit to verify
    task = Task.objects.get()
    responsible = Assignment.objects.filter(task=task, role="responsible")
    assert {a.unit for a in responsible} == {west, east}
    assert {a.unit_as_written for a in responsible} == {"各县区"}
    assert report.collective == {"各县区": 2, "各有关单位": 0}
    assert report.collective_note() == "各县区 → 2 个单位；各有关单位（未能逐一列出，未建单位）"
    assert report.new_units == []
