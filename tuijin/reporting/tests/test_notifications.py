"""Reminders and notices: who hears, when, once, and by e-mail when an address is known."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tuijin.reporting import selectors, services
from tuijin.reporting.choices import CycleKind, NoticeKind
from tuijin.reporting.models import Notice
from tuijin.reporting.notifications import notify, recipients_for_unit

from .conftest import at

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def june(region):
    cycle = services.cycle_create(
        name="半年报送", kind=CycleKind.SEMIANNUAL, starts_on=D(2025, 1, 1), remind_workdays=3
    )
    return services.period_open(cycle=cycle, start=D(2025, 1, 1), end=D(2025, 6, 30))


def test_recipients_are_the_office_users_for_now(region, office):
    User = get_user_model()
    staff = User.objects.create_user(username="staff", is_staff=True)
    User.objects.create_user(username="someone")
    User.objects.create_user(username="gone", is_staff=True, is_active=False)
    assert recipients_for_unit(region.a) == [office, staff]


def test_users_with_the_office_role_hear_about_a_unit_without_a_liaison(region, office):
    from tuijin.accounts.models import Profile

    User = get_user_model()
    clerk = User.objects.create_user(username="clerk")  # not staff: the office role is enough
    Profile.objects.create(user=clerk, role="office")
    leader = User.objects.create_user(username="leader")
    Profile.objects.create(user=leader, role="leader")
    assert recipients_for_unit(region.a) == [office, clerk]


@pytest.mark.parametrize(
    ("today", "kind"),
    [
        (D(2025, 6, 30), None),  # due 7 July; reminders start 3 working days before (2 July)
        (D(2025, 7, 1), None),
        (D(2025, 7, 2), NoticeKind.REMIND_BEFORE),
        (D(2025, 7, 7), NoticeKind.REMIND_BEFORE),  # the due date itself
        (D(2025, 7, 8), NoticeKind.REMIND_AFTER),
    ],
)
def test_reminder_window(june, office, today, kind):
    notices = services.reminders_send(today=today, now=at(today.year, today.month, today.day))
    assert {n.kind for n in notices} == ({kind} if kind else set())


def test_reminders_skip_submitted_units_and_closed_periods(june, region, office):
    sub = services.submission_start(unit=region.c, period=june)
    for entry in sub.entries.all():
        services.entry_update(entry=entry, progress_text="活动已筹备")
    services.submission_submit(submission=sub, now=at(2025, 7, 1))
    notices = services.reminders_send(today=D(2025, 7, 8))
    assert {n.unit for n in notices} == {region.a, region.b}
    services.period_close(period=june)
    Notice.objects.all().delete()
    assert services.reminders_send(today=D(2025, 7, 9)) == []


def test_notices_go_by_email_on_commit_only_to_addresses(
    region, office, django_capture_on_commit_callbacks
):
    User = get_user_model()
    silent = User.objects.create_user(username="silent", is_staff=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notices = notify(users=[office, silent], text="请于 7 月 7 日前报送", kind=NoticeKind.OTHER)
    assert len(mail.outbox) == 0  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    assert [n.emailed for n in notices] == [True, False]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["office@example.com"]
    assert "请于 7 月 7 日前报送" in mail.outbox[0].body


def test_a_mail_outage_does_not_lose_the_notice(
    region, office, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tuijin.reporting.tests.test_notifications.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        notify(users=[office], text="测试")
    assert Notice.objects.filter(user=office, text="测试").exists()


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def test_dedupe_key_sends_once_per_user(region, office):
    assert len(notify(users=[office], text="一", dedupe_key="k")) == 1
    assert notify(users=[office], text="二", dedupe_key="k") == []
    assert len(notify(users=[office], text="三")) == 1
    assert len(notify(users=[office], text="四")) == 1  # no key: always sent


def test_notice_list_and_mark_read(region, office):
    notify(users=[office], text="一")
    notify(users=[office], text="二")
    assert selectors.notice_unread_count(office) == 2
    first = selectors.notice_list(office).last()
    assert services.notice_mark_read(user=office, notices=[first]) == 1
    assert selectors.notice_unread_count(office) == 1
    assert services.notice_mark_read(user=office) == 1
    assert selectors.notice_list(office, unread_only=True).count() == 0
