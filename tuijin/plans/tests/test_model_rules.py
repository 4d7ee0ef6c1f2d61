"""Database rules of the plan domain: one row per tier, spans run forward, progress ≤ 100."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from tuijin.geo.models import Area
from tuijin.plans.models import Indicator, Stage, Target, Task

pytestmark = pytest.mark.django_db


def _target(indicator: Indicator, tier: str, **kw: object) -> Target:
    return Target.objects.create(
        indicator=indicator, value=Decimal("100"), year=2025, tier=tier, **kw
    )


def test_target_tier_is_unique_within_its_group_even_without_area() -> None:
    gdp = Indicator.objects.create(name="地区生产总值", unit_label="亿元")
    _target(gdp, "base")
    _target(gdp, "stretch")
    with pytest.raises(IntegrityError), transaction.atomic():
        _target(gdp, "base")


def test_same_tier_is_allowed_for_another_area_or_year() -> None:
    gdp = Indicator.objects.create(name="地区生产总值", unit_label="亿元")
    district = Area.objects.create(name="城关区")
    _target(gdp, "base")
    _target(gdp, "base", area=district)
    Target.objects.create(indicator=gdp, value=Decimal("120"), year=2026, tier="base")
    assert Target.objects.filter(tier="base").count() == 3


def test_target_and_actual_do_not_collide() -> None:
    gdp = Indicator.objects.create(name="地区生产总值", unit_label="亿元")
    _target(gdp, "base")
    _target(gdp, "base", kind="actual")
    assert Target.objects.count() == 2


def test_task_progress_cannot_exceed_100() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.create(title="建设物流园", progress=120)


def test_source_span_must_run_forward() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.create(title="建设物流园", source_start=50, source_end=10)


def test_stage_must_end_after_it_starts() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Stage.objects.create(
            name="组织实施", start_date=dt.date(2025, 6, 1), end_date=dt.date(2025, 1, 1)
        )
    Stage.objects.create(
        name="组织实施", start_date=dt.date(2025, 1, 1), end_date=dt.date(2025, 6, 1)
    )
