"""What a unit fills in on a draft or returned submission: entries, overall remarks,
indicator figures and attachments; `submission_edit` runs one save of the edit form (several of
these) as a whole, refused when the submission changed since the form was opened."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from tuijin.accounts.permissions import require
from tuijin.core.audit import stamp
from tuijin.core.errors import ServiceError
from tuijin.core.types import UserLike
from tuijin.geo.models import Area
from tuijin.plans.models import Indicator

from ..models import Attachment, Entry, IndicatorFigure, Submission, max_attachment_bytes
from ._common import UNSET, _Unset, check_version, clean_or_refuse, editable, touch


def submission_edit(
    *,
    submission: Submission,
    version: int | None,
    changes: Callable[[Submission], bool],
    actor: UserLike | None = None,
) -> Submission | None:
    """One save of a draft or returned submission, all or nothing.

    Refused (R037) when SUBMISSION's version is no longer VERSION, the one the writer opened:
    someone else saved in between, and their changes are neither overwritten nor mixed with
    these. Otherwise CHANGES(locked submission) makes the writes through the services below
    while the submission stays locked; when it answers False (a refusal it has shown on a
    form) everything it wrote is rolled back and None is returned. Returns the submission
    with its new version."""
    require(actor, "reporting.change_submission", submission)
    with transaction.atomic():
        locked = editable(submission)
        check_version(locked, version)
        if not changes(locked):
            transaction.set_rollback(True)
            return None
        locked.refresh_from_db(fields=["version"])
        return locked


@transaction.atomic
def submission_update(
    *,
    submission: Submission,
    summary: str,
    actor: UserLike | None = None,
    version: int | None = None,
) -> Submission:
    """The unit's overall remarks for the period (refused when VERSION is stale)."""
    require(actor, "reporting.change_submission", submission)
    submission = editable(submission)
    check_version(submission, version)
    submission.summary = summary
    submission.version += 1
    stamp(submission, actor)
    submission.save(update_fields=["summary", "version", "updated_at"])
    return submission


def _decimal(value: Decimal | float | int | str | None, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise ServiceError("R015", "投资额须为数字（亿元）", field=field) from None
    if not number.is_finite():
        raise ServiceError("R015", "投资额须为数字（亿元）", field=field)
    if number < 0:
        raise ServiceError("R016", "完成投资不能为负数", field=field)
    return number


@transaction.atomic
def entry_update(
    *,
    entry: Entry,
    actor: UserLike | None = None,
    progress_text: str | _Unset = UNSET,
    percent: int | _Unset = UNSET,
    investment_period: Decimal | float | int | str | None | _Unset = UNSET,
    investment_cumulative: Decimal | float | int | str | None | _Unset = UNSET,
    blocked: bool | _Unset = UNSET,
    problem: str | _Unset = UNSET,
) -> Entry:
    """Fill in one entry of a draft or returned submission; fields not given stay as they are."""
    require(actor, "reporting.change_submission", entry.submission)
    submission = editable(entry.submission)
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    entry.submission = submission
    if not isinstance(percent, _Unset):
        if not isinstance(percent, int) or isinstance(percent, bool) or not 0 <= percent <= 100:
            raise ServiceError("R014", "完成进度须为 0–100 之间的整数", field="percent")
        entry.percent = percent
    for field, value in (
        ("investment_period", investment_period),
        ("investment_cumulative", investment_cumulative),
    ):
        if isinstance(value, _Unset):
            continue
        number = _decimal(value, field)
        if number is not None and entry.project_id is None:
            raise ServiceError("R017", "任务条目不填报投资额", field=field)
        setattr(entry, field, number)
    if (
        entry.investment_period is not None
        and entry.investment_cumulative is not None
        and entry.investment_cumulative < entry.investment_period
    ):
        raise ServiceError(
            "R018", "年度累计完成投资不能小于本期完成投资", field="investment_cumulative"
        )
    if not isinstance(progress_text, _Unset):
        entry.progress_text = progress_text.strip()
    if not isinstance(problem, _Unset):
        entry.problem = problem.strip()
    if not isinstance(blocked, _Unset):
        entry.blocked = bool(blocked)
    clean_or_refuse(entry, "R019")
    stamp(entry, actor)
    entry.save()
    touch(submission)
    return entry


@transaction.atomic
def figure_set(
    *,
    submission: Submission,
    indicator: Indicator,
    value: Decimal | float | int | str | None,
    area: Area | None = None,
    unit: str = "",
    note: str = "",
    actor: UserLike | None = None,
) -> IndicatorFigure:
    """Set the figure SUBMISSION reports for INDICATOR (in AREA); None clears it."""
    require(actor, "reporting.change_submission", submission)
    submission = editable(submission)
    number: Decimal | None = None
    if value is not None and value != "":
        try:
            number = Decimal(str(value))
        except ArithmeticError:
            raise ServiceError("R015", "指标数值须为数字", field="value") from None
        if not number.is_finite():
            raise ServiceError("R015", "指标数值须为数字", field="value")
    figure = IndicatorFigure.objects.filter(
        submission=submission, indicator=indicator, area=area
    ).first() or IndicatorFigure(submission=submission, indicator=indicator, area=area)
    figure.value = number
    figure.unit = unit or figure.unit or indicator.unit_label
    figure.note = note
    clean_or_refuse(figure, "R019", validate_constraints=False)
    stamp(figure, actor)
    figure.save()
    touch(submission)
    return figure


@transaction.atomic
def attachment_add(
    *,
    submission: Submission,
    name: str,
    data: bytes,
    entry: Entry | None = None,
    actor: UserLike | None = None,
) -> Attachment:
    """Attach a file to SUBMISSION (or one of its entries); refused above the size limit."""
    require(actor, "reporting.change_submission", submission)
    submission = editable(submission)
    limit = max_attachment_bytes()
    if not data:
        raise ServiceError("R022", "附件为空")
    if len(data) > limit:
        raise ServiceError("R023", f"附件过大（上限 {limit // (1024 * 1024)} MB）")
    if entry is not None and entry.submission_id != submission.pk:
        raise ServiceError("R024", "该条目不属于此报送")
    clean_name = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or "附件"
    attachment = Attachment(submission=submission, entry=entry, name=clean_name[:200])
    attachment.size = len(data)
    attachment.file.save(clean_name[:100], ContentFile(data), save=False)
    stamp(attachment, actor)
    attachment.save()
    touch(submission)
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, actor: UserLike | None = None) -> None:
    require(actor, "reporting.change_submission", attachment.submission)
    submission = editable(attachment.submission)  # refused unless the unit may still change it
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    touch(submission)
    if path:
        transaction.on_commit(lambda: storage.delete(path))
