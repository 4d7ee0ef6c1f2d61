"""Recomputing the lights writes only what changed: an unchanged row is not touched, a changed
one is updated in place (set-based, a statement per batch, not per row), a light that no
longer applies goes."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tuijin.plans.choices import TargetKind
from tuijin.plans.models import Indicator, Target, Task
from tuijin.projects.choices import ProjectStage
from tuijin.projects.models import Project
from tuijin.reporting import services
from tuijin.reporting.models import Warning

from .conftest import at

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2025, 8, 26)


def _writes(captured: CaptureQueriesContext) -> list[str]:
    """The verb of each statement that wrote (INSERT, UPDATE, DELETE), a CTE's included."""
    verbs = []
    for query in captured.captured_queries:
        sql = query["sql"].lstrip().upper()
        match = re.match(r"(INSERT|UPDATE|DELETE)\b", sql) or (
            re.search(r"\)\s*(INSERT|UPDATE|DELETE)\b", sql) if sql.startswith("WITH") else None
        )
        if match:
            verbs.append(match.group(1))
    return verbs


def _rows() -> dict[int, tuple[object, ...]]:
    return {
        w.pk: (w.level, w.reason, w.figures, w.previous_level, w.changed_at, w.computed_at)
        for w in Warning.objects.all()
    }


def test_a_recompute_with_nothing_changed_writes_nothing(region):
    first = services.warnings_compute(today=TODAY, now=at(2025, 8, 26, 7))
    before = _rows()
    with CaptureQueriesContext(connection) as captured:
        again = services.warnings_compute(today=TODAY, now=at(2025, 8, 26, 12))
    assert _writes(captured) == []
    assert _rows() == before  # computed_at included: the rows were not touched
    assert again == first  # the same counts per level as before


def test_a_changed_project_updates_exactly_its_row(region):
    services.warnings_compute(today=TODAY, now=at(2025, 8, 26, 7))
    before = _rows()
    old = Warning.objects.get(project=region.p2)
    Project.objects.filter(pk=region.p2.pk).update(
        stage=ProjectStage.PREPARING, planned_start=D(2025, 3, 1)
    )
    later = at(2025, 8, 26, 12)
    with CaptureQueriesContext(connection) as captured:
        services.warnings_compute(today=TODAY, now=later)
    assert _writes(captured) == ["UPDATE"]
    after = _rows()
    assert {pk for pk in after if after[pk] != before[pk]} == {old.pk}
    light = Warning.objects.get(project=region.p2)
    assert light.level == "red" and "已逾期 178 天仍未开工" in light.reason
    assert light.figures == {"planned_start": "2025-03-01", "slip_days": 178}
    assert (light.previous_level, light.changed_at, light.computed_at) == (
        old.level,
        later,
        later,
    )


def test_a_new_reason_at_the_same_level_keeps_the_change_of_level(region):
    services.warnings_compute(today=TODAY, now=at(2025, 8, 26, 7))
    old = Warning.objects.get(task=region.t1)
    Task.objects.filter(pk=region.t1.pk).update(progress=20)
    later = at(2025, 8, 27, 7)
    services.warnings_compute(today=TODAY, now=later, tasks=[region.t1])
    light = Warning.objects.get(task=region.t1)
    assert light.level == old.level and light.reason != old.reason
    assert light.figures["progress"] == 20
    # The level did not change: nor do previous_level and changed_at; computed_at moves.
    assert (light.previous_level, light.changed_at) == (old.previous_level, old.changed_at)
    assert light.computed_at == later


def test_many_changed_rows_take_one_update_per_batch(region, monkeypatch):
    monkeypatch.setattr("tuijin.reporting.warnings._BATCH", 2)
    services.warnings_compute(today=TODAY, now=at(2025, 8, 26, 7))
    # A month later the time elapsed and the working days left differ for every task.
    with CaptureQueriesContext(connection) as captured:
        services.warnings_compute(
            today=D(2025, 9, 26), now=at(2025, 9, 26, 7), tasks=list(Task.objects.all())
        )
    assert _writes(captured) == ["UPDATE", "UPDATE"]  # three rows, batches of two
    assert Warning.objects.filter(task__isnull=False, computed_at=at(2025, 9, 26, 7)).count() == 3


def test_a_target_that_became_an_actual_value_loses_its_light(region):
    aim = Target.objects.create(
        indicator=Indicator.objects.create(name="外贸进出口额", unit_label="亿元"),
        value=Decimal("100"),
        year=2025,
    )
    services.warnings_compute(today=TODAY, now=at(2025, 8, 26, 7))
    assert Warning.objects.filter(target=aim).exists()
    Target.objects.filter(pk=aim.pk).update(kind=TargetKind.ACTUAL)
    services.warnings_compute(today=TODAY, targets=[aim])  # only some: nothing is removed
    assert Warning.objects.filter(target=aim).exists()
    with CaptureQueriesContext(connection) as captured:
        result = services.warnings_compute(today=TODAY, now=at(2025, 8, 26, 12))
    assert _writes(captured) == ["DELETE"]
    assert not Warning.objects.filter(target=aim).exists()
    assert sum(result["target"].values()) == 0
