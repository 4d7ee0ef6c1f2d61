"""A unit's warning panel: the lights of the tasks it is assigned to and the projects it leads
or shares, each counted and listed once however many other units share it."""

from __future__ import annotations

import datetime as dt

import pytest

from tuijin.orgs.models import Unit
from tuijin.plans.choices import AssignmentRole
from tuijin.plans.models import Assignment
from tuijin.reporting import selectors, services

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(region):
    """p1 (led by A) shared by B, C and a fourth unit; t2 (led by B) shared by A."""
    other = Unit.objects.create(name="江城市交通运输局")
    region.p1.responsible_units.add(region.b, region.c, other)
    Assignment.objects.create(task=region.t2, unit=region.a, role=AssignmentRole.RESPONSIBLE)
    services.warnings_compute(today=dt.date(2025, 8, 26), now=at(2025, 8, 26, 7))
    return region


def test_a_led_project_with_several_responsible_units_counts_once(shared, office):
    summary = selectors.warning_summary(office, unit=shared.a)
    # A leads p1 and shares p2; leads t1 and shares t2.
    assert sum(summary["project"].values()) == 2
    assert sum(summary["task"].values()) == 2
    assert sum(summary["target"].values()) == 0
    # C shares p1 and leads t3.
    by_c = selectors.warning_summary(office, unit=shared.c)
    assert sum(by_c["project"].values()) == 1 and sum(by_c["task"].values()) == 1


def test_the_unit_list_holds_each_warning_once(shared, office):
    rows = list(selectors.unit_warnings(office, shared.a))
    assert sorted((w.task_id or 0, w.project_id or 0) for w in rows) == sorted(
        [(shared.t1.pk, 0), (shared.t2.pk, 0), (0, shared.p1.pk), (0, shared.p2.pk)]
    )
    assert selectors.unit_warnings(office, shared.a).count() == 4
    assert [w.task for w in selectors.unit_warnings(office, shared.idle)] == []
    red = selectors.unit_warnings(office, shared.a, level="red")
    assert all(w.level == "red" for w in red)


def test_the_panel_agrees_with_the_list(shared, office):
    for unit in (shared.a, shared.b, shared.c, shared.idle):
        summary = selectors.warning_summary(office, unit=unit)
        listed = selectors.unit_warnings(office, unit)
        for kind in ("task", "project"):
            counted = sum(summary[kind].values())
            assert counted == listed.filter(**{f"{kind}__isnull": False}).count(), (unit, kind)
