"""Database rules of reporting: the constraints hold even when the services are bypassed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from tuijin.reporting.choices import CycleKind, SubmissionState
from tuijin.reporting.models import Cycle, Entry, Period, Submission

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(region):
    cycle = Cycle.objects.create(name="月报", kind=CycleKind.MONTHLY, starts_on=dt.date(2025, 1, 1))
    period = Period.objects.create(
        cycle=cycle,
        label="2025年6月",
        start=dt.date(2025, 6, 1),
        end=dt.date(2025, 6, 30),
        due_date=dt.date(2025, 7, 7),
        opened_at=at(2025, 6, 1),
    )
    return Submission.objects.create(period=period, unit=region.a)


def test_entry_is_about_exactly_one_task_or_project(submission, region):
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(submission=submission)
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(submission=submission, task=region.t1, project=region.p1)
    Entry.objects.create(submission=submission, task=region.t1)


def test_one_entry_per_task_and_per_project(submission, region):
    Entry.objects.create(submission=submission, task=region.t1)
    Entry.objects.create(submission=submission, project=region.p1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(submission=submission, task=region.t1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(submission=submission, project=region.p1)


@pytest.mark.parametrize(
    "fields",
    [
        {"percent": 101},
        {"investment_period": Decimal("-1")},
        {"investment_cumulative": Decimal("-0.01")},
    ],
)
def test_entry_figures_stay_in_range(submission, region, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(submission=submission, project=region.p1, **fields)


def test_only_projects_carry_investment(submission, region):
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(submission=submission, task=region.t1, investment_period=Decimal(1))


def test_one_submission_per_unit_and_period(submission, region):
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.create(period=submission.period, unit=region.a)


def test_submitted_and_accepted_states_carry_their_times(submission):
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(state=SubmissionState.SUBMITTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(
            state=SubmissionState.ACCEPTED, submitted_at=at(2025, 7, 1)
        )


def test_period_runs_forward_and_is_unique(submission):
    period = submission.period
    with pytest.raises(IntegrityError), transaction.atomic():
        Period.objects.create(
            cycle=period.cycle,
            label="x",
            start=period.start,
            end=period.end,
            due_date=period.due_date,
            opened_at=period.opened_at,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Period.objects.create(
            cycle=period.cycle,
            label="y",
            start=dt.date(2025, 8, 1),
            end=dt.date(2025, 7, 1),
            due_date=period.due_date,
            opened_at=period.opened_at,
        )
