"""What the services refuse, with which code, and that nothing was written when they do."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings

from tuijin.core.errors import ServiceError
from tuijin.plans.models import Task
from tuijin.projects.models import ProgressReport
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind, SubmissionState, UnitScope
from tuijin.reporting.models import Attachment, Cycle, Entry, Notice, Period, Submission

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def june(region):
    cycle = services.cycle_create(
        name="半年报送", kind=CycleKind.SEMIANNUAL, starts_on=dt.date(2025, 1, 1)
    )
    return services.period_open(cycle=cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30))


@pytest.fixture
def draft(region, june):
    return services.submission_start(unit=region.a, period=june)


def _fill(submission: Submission) -> None:
    for entry in submission.entries.all():
        services.entry_update(entry=entry, progress_text="按计划推进")


def _snapshot(submission: Submission) -> tuple[object, ...]:
    submission.refresh_from_db()
    entries = tuple(
        Entry.objects.filter(submission=submission)
        .order_by("pk")
        .values_list(
            "percent", "investment_period", "investment_cumulative", "progress_text", "blocked"
        )
    )
    return (submission.state, submission.submitted_at, submission.office_comment, entries)


def test_submitting_an_accepted_submission_is_refused(draft, office):
    _fill(draft)
    services.submission_submit(submission=draft, now=at(2025, 7, 1))
    services.submission_accept(submission=draft, actor=office, now=at(2025, 7, 2))
    before = _snapshot(draft)
    with pytest.raises(ServiceError) as exc:
        services.submission_submit(submission=draft, now=at(2025, 7, 3))
    assert exc.value.code == "R030"
    assert _snapshot(draft) == before


def test_returning_without_a_comment_is_refused(draft, office):
    _fill(draft)
    services.submission_submit(submission=draft, now=at(2025, 7, 1))
    before = _snapshot(draft)
    for comment in ("", "   "):
        with pytest.raises(ServiceError) as exc:
            services.submission_return(submission=draft, comment=comment, actor=office)
        assert exc.value.code == "R034"
    assert _snapshot(draft) == before
    assert not Notice.objects.exists()


def test_returning_or_accepting_a_draft_is_refused(draft, office):
    with pytest.raises(ServiceError) as exc:
        services.submission_return(submission=draft, comment="请补充", actor=office)
    assert exc.value.code == "R035"
    with pytest.raises(ServiceError) as exc:
        services.submission_accept(submission=draft, actor=office)
    assert exc.value.code == "R036"
    assert Submission.objects.get().state == SubmissionState.DRAFT


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"percent": 101}, "R014"),
        ({"percent": -1}, "R014"),
        ({"investment_period": Decimal("-0.1")}, "R016"),
        ({"investment_cumulative": "-3"}, "R016"),
        ({"investment_cumulative": "很多"}, "R015"),
        ({"investment_period": Decimal("5"), "investment_cumulative": Decimal("4")}, "R018"),
    ],
)
def test_bad_project_figures_are_refused(draft, region, kwargs, code):
    entry = draft.entries.get(project=region.p1)
    before = _snapshot(draft)
    with pytest.raises(ServiceError) as exc:
        services.entry_update(entry=entry, progress_text="改了", **kwargs)
    assert exc.value.code == code
    assert _snapshot(draft) == before


def test_tasks_carry_no_investment(draft, region):
    entry = draft.entries.get(task=region.t1)
    with pytest.raises(ServiceError) as exc:
        services.entry_update(entry=entry, investment_period=Decimal("1"))
    assert exc.value.code == "R017"
    entry.refresh_from_db()
    assert entry.investment_period is None


def test_submitting_with_an_empty_entry_names_it(draft, region):
    services.entry_update(entry=draft.entries.get(task=region.t1), progress_text="已完成")
    with pytest.raises(ServiceError) as exc:
        services.submission_submit(submission=draft, now=at(2025, 7, 1))
    assert exc.value.code == "R033"
    assert region.p1.name in exc.value.message
    assert _snapshot(draft)[0] == SubmissionState.DRAFT


def test_a_submitted_report_cannot_be_edited(draft, region):
    _fill(draft)
    services.submission_submit(submission=draft, now=at(2025, 7, 1))
    entry = draft.entries.get(task=region.t1)
    with pytest.raises(ServiceError) as exc:
        services.entry_update(entry=entry, percent=90)
    assert exc.value.code == "R011"
    entry.refresh_from_db()
    assert entry.percent == 10


def test_a_closed_period_takes_no_submission(draft, june):
    _fill(draft)
    services.period_close(period=june)
    draft.refresh_from_db()
    with pytest.raises(ServiceError) as exc:
        services.submission_submit(submission=draft, now=at(2025, 7, 1))
    assert exc.value.code == "R010"
    assert _snapshot(draft)[0] == SubmissionState.DRAFT


def test_a_unit_that_owes_nothing_cannot_start(region, june):
    with pytest.raises(ServiceError) as exc:
        services.submission_start(unit=region.idle, period=june)
    assert exc.value.code == "R012"
    assert not Submission.objects.exists()


def test_explicit_scope_needs_units_and_limits_who_reports(region):
    with pytest.raises(ServiceError) as exc:
        services.cycle_create(
            name="专项", kind=CycleKind.ADHOC, starts_on=dt.date(2025, 1, 1),
            unit_scope=UnitScope.EXPLICIT,
        )  # fmt: skip
    assert exc.value.code == "R002"
    assert not Cycle.objects.exists()
    cycle = services.cycle_create(
        name="专项",
        kind=CycleKind.ADHOC,
        starts_on=dt.date(2025, 1, 1),
        unit_scope=UnitScope.EXPLICIT,
        units=[region.c],
    )
    period = services.period_open(cycle=cycle, start=dt.date(2025, 8, 1), end=dt.date(2025, 8, 15))
    assert period.label == "2025.08.01—2025.08.15"
    with pytest.raises(ServiceError):
        services.submission_start(unit=region.a, period=period)
    assert services.submission_start(unit=region.c, period=period).entries.count() == 1


def test_duplicate_cycle_name_is_refused(june):
    with pytest.raises(ServiceError) as exc:
        services.cycle_create(
            name="半年报送", kind=CycleKind.MONTHLY, starts_on=dt.date(2025, 1, 1)
        )
    assert exc.value.code == "R001"
    assert Cycle.objects.count() == 1


def test_period_end_before_start_is_refused(june):
    with pytest.raises(ServiceError) as exc:
        services.period_open(cycle=june.cycle, start=dt.date(2025, 6, 1), end=dt.date(2025, 5, 1))
    assert exc.value.code == "R004"
    assert Period.objects.count() == 1


@override_settings(TUIJIN_MAX_ATTACHMENT_BYTES=10)
def test_attachments_are_size_limited(draft, region, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ServiceError) as exc:
        services.attachment_add(submission=draft, name="现场照片.jpg", data=b"x" * 11)
    assert exc.value.code == "R023"
    with pytest.raises(ServiceError) as exc:
        services.attachment_add(submission=draft, name="空.txt", data=b"")
    assert exc.value.code == "R022"
    assert not Attachment.objects.exists()
    entry = draft.entries.get(project=region.p1)
    ok = services.attachment_add(submission=draft, entry=entry, name="../进度.txt", data=b"12345")
    assert (ok.name, ok.size, ok.entry) == ("进度.txt", 5, entry)
    assert default_storage.exists(ok.file.name)


def test_a_failure_while_writing_the_ledger_undoes_the_acceptance(
    draft, office, region, monkeypatch
):
    """Accepting is all or nothing: if writing a project's report fails, the task progress
    already written and the state change are rolled back."""
    _fill(draft)
    services.entry_update(entry=draft.entries.get(task=region.t1), percent=80)
    services.submission_submit(submission=draft, now=at(2025, 7, 1))

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("tuijin.reporting.services.submissions.apply_project_entry", broken)
    with pytest.raises(RuntimeError):
        services.submission_accept(submission=draft, actor=office, now=at(2025, 7, 2))
    draft.refresh_from_db()
    region.t1.refresh_from_db()
    assert draft.state == SubmissionState.SUBMITTED
    assert region.t1.progress == 10
    assert not ProgressReport.objects.filter(month=6).exists()
    assert not Notice.objects.exists()


def test_an_imported_task_with_odd_fields_still_takes_progress(draft, office, region):
    Task.objects.filter(pk=region.t1.pk).update(code="x" * 40)  # as long as the column allows
    _fill(draft)
    services.entry_update(entry=draft.entries.get(task=region.t1), percent=100)
    services.submission_submit(submission=draft, now=at(2025, 7, 1))
    services.submission_accept(submission=draft, actor=office, now=at(2025, 7, 2))
    region.t1.refresh_from_db()
    assert (region.t1.progress, region.t1.status) == (100, "done")
