"""Notices and reminders: in-app `Notice` rows, and e-mail through Django's mail settings.

Who hears about a unit is decided by `recipients_for_unit`, in one place. E-mails leave only after
the transaction commits, and only to users with an address; the in-app notice is the record.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tuijin.accounts.choices import Role
from tuijin.core.workdays import add_workdays
from tuijin.orgs.models import Unit

from .choices import NoticeKind, SubmissionState
from .models import Notice, Period, Submission
from .owing import units_owing

logger = logging.getLogger(__name__)

# URL names the reporting pages are expected to define; links stay empty until they exist.
PERIOD_BOARD_URL = "reporting-period-board"
SUBMISSION_URL = "reporting-submission-detail"


def link_to(name: str, pk: int) -> str:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return ""


def recipients_for_unit(unit: Unit) -> list[Any]:
    """The users who hear about UNIT's reporting (reminders, returns, acceptances).

    The unit's active liaison users (tuijin.accounts profiles); when a unit has none, the
    office's users: every active user with the office role, staff user and superuser. Every
    reminder and notice follows this one function.
    """
    User = get_user_model()
    liaisons = list(
        User.objects.filter(
            is_active=True, profile__role=Role.LIAISON, profile__unit=unit
        ).order_by("pk")
    )
    if liaisons:
        return liaisons
    return list(
        User.objects.filter(
            Q(profile__role=Role.OFFICE) | Q(is_staff=True) | Q(is_superuser=True), is_active=True
        )
        .distinct()
        .order_by("pk")
    )


def notify(
    *,
    users: Iterable[Any],
    text: str,
    kind: str = NoticeKind.OTHER,
    link: str = "",
    unit: Unit | None = None,
    period: Period | None = None,
    dedupe_key: str = "",
    now: dt.datetime | None = None,
    email_subject: str = "",
) -> list[Notice]:
    """An in-app notice for each user (once per DEDUPE_KEY and user), plus an e-mail on commit
    to those with an address. Returns the notices created."""
    now = now or timezone.now()
    users = list(users)
    if dedupe_key:
        already = set(
            Notice.objects.filter(user__in=users, dedupe_key=dedupe_key).values_list(
                "user_id", flat=True
            )
        )
        users = [u for u in users if u.pk not in already]
    notices: list[Notice] = []
    for user in users:
        email = (getattr(user, "email", "") or "").strip()
        notice = Notice(
            user=user,
            unit=unit,
            period=period,
            kind=kind,
            text=text[:500],
            link=link,
            sent_at=now,
            emailed=bool(email),
            dedupe_key=dedupe_key,
        )
        notice.full_clean()
        notices.append(notice)
    Notice.objects.bulk_create(notices)
    addresses = sorted({n.user.email.strip() for n in notices if n.emailed})
    if addresses:
        subject = email_subject or text[:60]
        transaction.on_commit(lambda: _send_email(subject, text, link, addresses))
    return notices


def _send_email(subject: str, text: str, link: str, addresses: Sequence[str]) -> None:
    body = f"{text}\n\n{link}" if link else text
    try:
        send_mail(f"[tuijin] {subject}", body, settings.DEFAULT_FROM_EMAIL, list(addresses))
    except Exception:  # the in-app notice stands; a mail outage must not break the job
        logger.exception("发送提醒邮件失败：%s", subject)


def _not_submitted(period: Period) -> list[Unit]:
    """The units owing PERIOD that have not submitted (no submission, a draft, or returned)."""
    done = set(
        Submission.objects.filter(
            period=period, state__in=(SubmissionState.SUBMITTED, SubmissionState.ACCEPTED)
        ).values_list("unit_id", flat=True)
    )
    return [u for u in units_owing(period.cycle) if u.pk not in done]


@transaction.atomic
def reminders_send(*, today: dt.date, now: dt.datetime | None = None) -> list[Notice]:
    """Remind the units of every open period of an active cycle that have not submitted.

    Before the due date: from `cycle.remind_workdays` working days before it (once per period
    and unit). After the due date: a reminder that the report is overdue (once per period and
    unit). Running it again the same day, or every day from cron, sends nothing twice.
    """
    now = now or timezone.now()
    created: list[Notice] = []
    periods = Period.objects.filter(closed=False, cycle__active=True, start__lte=today)
    for period in periods.select_related("cycle").order_by("due_date", "pk"):
        cycle = period.cycle
        if today > period.due_date:
            kind, key = NoticeKind.REMIND_AFTER, "after"
        elif cycle.remind_workdays and today >= add_workdays(
            period.due_date, -cycle.remind_workdays
        ):
            kind, key = NoticeKind.REMIND_BEFORE, "before"
        else:
            continue
        for unit in _not_submitted(period):
            if kind == NoticeKind.REMIND_AFTER:
                text = (
                    f"{unit.name}：{cycle.name}（{period.label}）应于 {period.due_date:%Y-%m-%d} "
                    f"前报送，现已逾期，请尽快报送"
                )
            else:
                text = (
                    f"{unit.name}：{cycle.name}（{period.label}）请于 {period.due_date:%Y-%m-%d} "
                    f"前报送"
                )
            created += notify(
                users=recipients_for_unit(unit),
                text=text,
                kind=kind,
                link=link_to(PERIOD_BOARD_URL, period.pk),
                unit=unit,
                period=period,
                dedupe_key=f"{key}:{period.pk}:{unit.pk}",
                now=now,
            )
    return created


@transaction.atomic
def notice_mark_read(*, user: Any, notices: Iterable[Notice] | None = None) -> int:
    """Mark USER's notices read (all of them when NOTICES is None); returns how many changed."""
    qs = Notice.objects.filter(user=user, read=False)
    if notices is not None:
        qs = qs.filter(pk__in=[n.pk for n in notices])
    return qs.update(read=True)
