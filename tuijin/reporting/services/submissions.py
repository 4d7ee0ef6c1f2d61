"""A submission's life: start (one entry per task and project owed), submit (late when past
due), return with a comment, accept (the figures go into the ledger, the lights follow)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from tuijin.accounts.permissions import require
from tuijin.core.audit import actor_or_none, stamp
from tuijin.core.errors import ServiceError
from tuijin.core.types import UserLike
from tuijin.orgs.models import Unit
from tuijin.plans.choices import TargetKind, TaskStatus
from tuijin.plans.models import Measurement, Target, Task
from tuijin.projects.models import Project

from ..choices import NoticeKind, SubmissionState
from ..models import Entry, IndicatorFigure, Period, Submission
from ..notifications import SUBMISSION_URL, link_to, notify, recipients_for_unit
from ..owing import owed_by, units_owing
from ..warnings import warnings_compute
from ._common import check_version, clean_or_refuse, editable, lock
from .ledger import apply_figures, apply_project_entry, apply_task_entry


@transaction.atomic
def submission_start(
    *,
    unit: Unit,
    period: Period,
    actor: UserLike | None = None,
    now: dt.datetime | None = None,
) -> Submission:
    """UNIT's draft for PERIOD with one entry per task and per project the unit owes, and a
    figure row for each indicator it has reported before. Returns the existing one if any.

    Idempotent under concurrency: when another request inserts the unit's draft between the
    look-up and the insert (several liaisons pressing 开始填报 together), the insert fails on
    the one-per-unit constraint inside a savepoint and that other draft is returned."""
    require(actor, "reporting.add_submission", unit)
    existing = Submission.objects.filter(period=period, unit=unit).first()
    if existing is not None:
        return existing
    if period.closed:
        raise ServiceError("R010", "该期次已关闭，不能再修改或报送")
    if not units_owing(period.cycle).filter(pk=unit.pk).exists():
        raise ServiceError("R012", f"{unit.name} 不在“{period.cycle.name}”的报送单位范围内")
    try:
        with transaction.atomic():
            return _draft_create(unit=unit, period=period, actor=actor)
    except IntegrityError:
        existing = Submission.objects.filter(period=period, unit=unit).first()
        if existing is None:
            raise
        return existing


def _draft_create(*, unit: Unit, period: Period, actor: UserLike | None) -> Submission:
    submission = Submission(period=period, unit=unit)
    # The one-per-unit constraint is left to the database (see submission_start): a check here
    # would only race with the insert.
    clean_or_refuse(submission, "R013", validate_constraints=False)
    stamp(submission, actor)
    submission.save()
    entries = [
        Entry(
            submission=submission,
            task=owed.task,
            project=owed.project,
            role=owed.role,
            percent=owed.task.progress if owed.task is not None else 0,
            blocked=owed.task is not None and owed.task.status == TaskStatus.BLOCKED,
            order=i,
        )
        for i, owed in enumerate(owed_by(unit))
    ]
    bulk_create_with_history(entries, Entry, default_user=actor_or_none(actor))
    reported = (
        Measurement.objects.filter(reported_by=unit)
        .values_list("indicator_id", "area_id", "unit")
        .order_by("indicator_id", "area_id")
        .distinct()
    )
    seen: set[tuple[int, int | None]] = set()
    figures: list[IndicatorFigure] = []
    for indicator_id, area_id, unit_label in reported:
        if (indicator_id, area_id) not in seen:
            seen.add((indicator_id, area_id))
            figures.append(
                IndicatorFigure(
                    submission=submission,
                    indicator_id=indicator_id,
                    area_id=area_id,
                    unit=unit_label,
                )
            )
    bulk_create_with_history(figures, IndicatorFigure, default_user=actor_or_none(actor))
    return submission


@transaction.atomic
def submission_submit(
    *,
    submission: Submission,
    actor: UserLike | None = None,
    now: dt.datetime | None = None,
    version: int | None = None,
) -> Submission:
    """Send a draft or returned submission to the office; marked late when after the due date.
    Refused (R037) when VERSION, the one the sender saw, is no longer the submission's.

    Lateness is decided by the first submission: a return and resubmission do not change it."""
    require(actor, "reporting.change_submission", submission)
    now = now or timezone.now()
    submission = lock(submission)
    if submission.state == SubmissionState.ACCEPTED:
        raise ServiceError("R030", "已采纳的报送不能再次报送")
    if submission.state == SubmissionState.SUBMITTED:
        raise ServiceError("R031", "该报送已提交过，正在等待办公室审核，不能重复报送")
    submission = editable(submission)
    check_version(submission, version)
    entries = list(submission.entries.select_related("task", "project"))
    if not entries and not submission.summary.strip():
        raise ServiceError("R032", "报送内容为空：请填写总体情况或各项进展")
    empty = [str(e.subject) for e in entries if not e.progress_text.strip()]
    if empty:
        shown = "、".join(f"“{name}”" for name in empty[:3])
        more = f"等 {len(empty)} 项" if len(empty) > 3 else ""
        raise ServiceError("R033", f"请填写进展情况：{shown}{more}")
    submission.state = SubmissionState.SUBMITTED
    submission.submitted_at = now
    if submission.first_submitted_at is None:
        submission.first_submitted_at = now
        submission.late = timezone.localdate(now) > submission.period.due_date
    submission.version += 1
    clean_or_refuse(submission, "R013")
    stamp(submission, actor)
    submission.save()
    return submission


@transaction.atomic
def submission_return(
    *,
    submission: Submission,
    comment: str,
    actor: UserLike | None = None,
    now: dt.datetime | None = None,
) -> Submission:
    """Send a submitted report back to the unit with the office's comment (required)."""
    require(actor, "reporting.review_submission", submission)
    now = now or timezone.now()
    comment = (comment or "").strip()
    if not comment:
        raise ServiceError("R034", "退回时须填写意见", field="comment")
    submission = lock(submission)
    if submission.state != SubmissionState.SUBMITTED:
        label = SubmissionState(submission.state).label
        raise ServiceError("R035", f"只能退回已报送的材料（当前状态：{label}）")
    submission.state = SubmissionState.RETURNED
    submission.office_comment = comment
    submission.returned_by = actor_or_none(actor)
    submission.returned_at = now
    submission.version += 1
    clean_or_refuse(submission, "R013")
    stamp(submission, actor)
    submission.save()
    period = submission.period
    notify(
        users=recipients_for_unit(submission.unit),
        text=f"{submission.unit.name}：{period.cycle.name}（{period.label}）报送已退回。意见：{comment}",
        kind=NoticeKind.RETURNED,
        link=link_to(SUBMISSION_URL, submission.pk),
        unit=submission.unit,
        period=period,
        now=now,
    )
    return submission


@transaction.atomic
def submission_accept(
    *,
    submission: Submission,
    actor: UserLike | None = None,
    comment: str = "",
    now: dt.datetime | None = None,
) -> Submission:
    """Accept a submitted report and write its figures into the ledger: task progress and status
    (from the lead unit), the project's progress report for the period's last month, and the
    indicator measurements. The affected lights are recomputed once the transaction commits."""
    require(actor, "reporting.review_submission", submission)
    now = now or timezone.now()
    submission = lock(submission)
    if submission.state != SubmissionState.SUBMITTED:
        label = SubmissionState(submission.state).label
        raise ServiceError("R036", f"只能采纳已报送的材料（当前状态：{label}）")
    period, unit = submission.period, submission.unit
    submission.state = SubmissionState.ACCEPTED
    submission.accepted_by = actor_or_none(actor)
    submission.accepted_at = now
    if comment.strip():
        submission.office_comment = comment.strip()
    submission.version += 1
    clean_or_refuse(submission, "R013")
    stamp(submission, actor)
    submission.save()
    tasks: list[Task] = []
    projects: list[Project] = []
    for entry in submission.entries.select_related("task", "project"):
        task = apply_task_entry(entry, unit, actor)
        if task is not None:
            tasks.append(task)
        project = apply_project_entry(entry, unit, period, actor)
        if project is not None:
            projects.append(project)
    indicator_ids = apply_figures(submission, period, actor)
    targets = list(Target.objects.filter(indicator_id__in=indicator_ids, kind=TargetKind.TARGET))
    notify(
        users=recipients_for_unit(unit),
        text=f"{unit.name}：{period.cycle.name}（{period.label}）报送已采纳",
        kind=NoticeKind.ACCEPTED,
        link=link_to(SUBMISSION_URL, submission.pk),
        unit=unit,
        period=period,
        now=now,
    )
    today = timezone.localdate(now)
    transaction.on_commit(
        lambda: warnings_compute(
            today=today, now=now, tasks=tasks, projects=projects, targets=targets
        )
    )
    return submission
