"""Database rules of the project ledger: no negative money, years run forward, one plan a year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from tuijin.projects.models import AnnualPlan, ProgressReport, Project

pytestmark = pytest.mark.django_db


def test_total_investment_cannot_be_negative() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(name="物流园", total_investment=Decimal("-1"))


def test_end_year_cannot_precede_start_year() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(name="物流园", start_year=2026, end_year=2024)
    Project.objects.create(name="物流园", start_year=2024, end_year=2024)


def test_one_annual_plan_per_project_and_year() -> None:
    p = Project.objects.create(name="物流园")
    AnnualPlan.objects.create(project=p, year=2025, planned_investment=Decimal("3"))
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnualPlan.objects.create(project=p, year=2025, planned_investment=Decimal("4"))


def test_annual_plan_cannot_be_negative() -> None:
    p = Project.objects.create(name="物流园")
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnualPlan.objects.create(project=p, year=2025, planned_investment=Decimal("-4"))


def test_progress_month_must_be_a_month() -> None:
    p = Project.objects.create(name="物流园")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressReport.objects.create(
            project=p,
            year=2025,
            month=13,
            completed_investment=Decimal("1"),
            cumulative_investment=Decimal("1"),
        )


def test_project_names_are_unique() -> None:
    Project.objects.create(name="物流园")
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(name="物流园")
