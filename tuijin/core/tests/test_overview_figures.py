"""The overview's figures: computed in SQL, cached, and fresh again after every change."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tuijin.plans.models import Indicator, Target
from tuijin.projects.models import Project

pytestmark = pytest.mark.django_db


def _stage_counts(response: Any) -> dict[str, int]:
    return {b.key: b.count for b in response.context["by_stage"]}


def test_overview_follows_a_changed_project(ui_client, ui_world):
    before = ui_client.get(reverse("overview"))
    project = Project.objects.exclude(stage="completed").order_by("pk").first()
    old_stage = project.stage
    project.stage = "completed"
    project.total_investment = (project.total_investment or 0) + Decimal("1000")
    project.save()
    after = ui_client.get(reverse("overview"))
    assert _stage_counts(after).get("completed", 0) == _stage_counts(before).get("completed", 0) + 1
    assert _stage_counts(after).get(old_stage, 0) == _stage_counts(before)[old_stage] - 1
    assert after.context["counts"]["investment"] == before.context["counts"]["investment"] + 1000


def test_overview_follows_a_deleted_project(ui_client, ui_world):
    before = ui_client.get(reverse("overview")).context["counts"]
    Project.objects.order_by("pk").last().delete()
    assert (
        ui_client.get(reverse("overview")).context["counts"]["projects"] == before["projects"] - 1
    )


def test_overview_is_served_from_the_cache_until_something_changes(
    ui_client, ui_world, django_assert_max_num_queries
):
    ui_client.get(reverse("overview"))
    # Session, user, profile, notices and the live warnings panel: no figure is counted again.
    with django_assert_max_num_queries(8):
        again = ui_client.get(reverse("overview"))
    assert again.context["counts"]["projects"] == 3


def test_overview_target_table_reads_only_the_rows_it_shows(
    ui_client, ui_world, django_assert_max_num_queries
):
    indicators = Indicator.objects.bulk_create(
        Indicator(name=f"指标{i:03d}", unit_label="亿元") for i in range(120)
    )
    Target.objects.bulk_create(
        Target(
            indicator=ind, value=Decimal(i), year=2027, tier=tier, group_key=f"g{i}", unit="亿元"
        )
        for i, ind in enumerate(indicators)
        for tier in ("base", "stretch", "aspiration")
    )
    response = ui_client.get(reverse("overview"))
    assert len(response.context["target_groups"]) == 40
    assert response.context["target_groups_more"] is True
    assert response.context["counts"]["targets"] == 4 + 360
    # A group holds its three tiers side by side.
    assert all(len([t for t in g.cells if t]) == 3 for g in response.context["target_groups"][1:])
