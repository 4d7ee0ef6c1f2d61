"""节假日安排: the office enters a year the built-in calendar lacks; deadlines count it at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from tuijin.accounts.models import Profile
from tuijin.core import workdays
from tuijin.core.calendar import calendar_clear_day, calendar_set_days, calendar_year
from tuijin.core.errors import ServiceError
from tuijin.core.models import CalendarDay
from tuijin.orgs.models import Unit

# 2099 is a year no calendar package knows: only what the office enters counts.
HOLIDAY = (dt.date(2099, 10, 1), dt.date(2099, 10, 7))  # Thursday to Wednesday
MAKEUP = dt.date(2099, 10, 10)  # a Saturday worked instead


def _user(username: str, role: str, unit: Unit | None = None) -> Any:
    user = get_user_model()(username=username)
    user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture
def office(db: None) -> Any:
    return _user("office", "office")


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_a_run_of_holidays_and_a_makeup_day_move_deadlines_at_once(office: Any) -> None:
    start = dt.date(2099, 9, 30)  # a Wednesday
    assert workdays.add_workdays(start, 3) == dt.date(2099, 10, 5)  # weekdays only so far
    assert (
        calendar_set_days(
            actor=office, first=HOLIDAY[0], last=HOLIDAY[1], is_workday=False, note="国庆节"
        )
        == 7
    )
    assert (
        calendar_set_days(
            actor=office, first=MAKEUP, last=MAKEUP, is_workday=True, note="国庆节调休上班"
        )
        == 1
    )
    # after the 7 days off: Thursday 8th, Friday 9th, then the make-up Saturday 10th
    assert workdays.add_workdays(start, 3) == MAKEUP
    assert workdays.add_workdays(start, 4) == dt.date(2099, 10, 12)
    assert not workdays.is_workday(dt.date(2099, 10, 5))
    assert workdays.is_workday(MAKEUP)


def test_setting_the_same_days_again_writes_nothing_and_each_change_is_audited(
    office: Any,
) -> None:
    calendar_set_days(actor=office, first=HOLIDAY[0], last=HOLIDAY[1], is_workday=False)
    assert calendar_set_days(actor=office, first=HOLIDAY[0], last=HOLIDAY[1], is_workday=False) == 0
    assert (
        calendar_set_days(
            actor=office, first=HOLIDAY[0], last=HOLIDAY[0], is_workday=False, note="国庆节"
        )
        == 1
    )
    row = CalendarDay.objects.get(day=HOLIDAY[0])
    latest = row.history.first()
    assert (latest.history_user, latest.history_change_reason, latest.note) == (
        office,
        "节假日安排",
        "国庆节",
    )
    assert row.history.count() == 2


def test_a_reversed_or_overlong_run_is_refused_and_nothing_is_saved(office: Any) -> None:
    with pytest.raises(ServiceError) as err:
        calendar_set_days(actor=office, first=HOLIDAY[1], last=HOLIDAY[0], is_workday=False)
    assert err.value.code == "C010"
    with pytest.raises(ServiceError) as err:
        calendar_set_days(
            actor=office, first=dt.date(2099, 1, 1), last=dt.date(2099, 3, 1), is_workday=False
        )
    assert err.value.code == "C011"
    assert not CalendarDay.objects.exists()


def test_a_cleared_day_follows_the_weekdays_again(office: Any) -> None:
    calendar_set_days(actor=office, first=HOLIDAY[0], last=HOLIDAY[0], is_workday=False)
    assert not workdays.is_workday(HOLIDAY[0])
    assert calendar_clear_day(actor=office, day=HOLIDAY[0]) is True
    assert workdays.is_workday(HOLIDAY[0])
    assert calendar_clear_day(actor=office, day=HOLIDAY[0]) is False


def test_a_known_year_lists_the_official_days_off_and_makeup_days_in_chinese(db: None) -> None:
    year = calendar_year(2026)
    assert year.package_knows and year.office_days == 0
    notes = {d.day: (d.is_workday, d.note) for d in year.days}
    assert notes[dt.date(2026, 2, 17)] == (False, "春节")  # a Tuesday off
    assert notes[dt.date(2026, 2, 14)] == (True, "春节调休上班")  # a Saturday worked
    assert dt.date(2026, 2, 18) in notes and dt.date(2026, 3, 2) not in notes
    assert 240 <= year.workdays <= 252


def test_the_office_enters_a_run_on_the_page_and_sees_it_listed(office: Any) -> None:
    c = _client(office)
    url = reverse("calendar")
    page = c.get(url, {"year": 2099}).content.decode()
    assert "内置日历还没有本年的国务院节假日安排" in page and 'id="calendar-form"' in page
    response = c.post(
        url,
        {
            "year": 2099,
            "first": "2099-10-01",
            "last": "2099-10-07",
            "is_workday": "0",
            "note": "国庆节",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("?year=2099")
    page = c.get(url, {"year": 2099}).content.decode()
    assert page.count("办公室录入") == 7 and "2099-10-07" in page and "国庆节" in page


def test_a_half_filled_or_wrong_form_says_why_in_chinese_and_saves_nothing(office: Any) -> None:
    c = _client(office)
    url = reverse("calendar")
    response = c.post(url, {"year": 2099, "first": "", "is_workday": "0"})
    assert response.status_code == 400 and "这个字段是必填项" in response.content.decode()
    response = c.post(
        url, {"year": 2099, "first": "2099-10-07", "last": "2099-10-01", "is_workday": "0"}
    )
    assert response.status_code == 400 and "结束日期早于开始日期" in response.content.decode()
    response = c.post(
        url, {"year": 2099, "first": "2099-01-01", "last": "2099-06-30", "is_workday": "1"}
    )
    assert "一次最多设置 31 天" in response.content.decode()
    assert not CalendarDay.objects.exists()


def test_a_liaison_reads_the_calendar_but_cannot_change_it(office: Any) -> None:
    calendar_set_days(actor=office, first=HOLIDAY[0], last=HOLIDAY[0], is_workday=False)
    unit = Unit.objects.create(name="甲市发展和改革委员会", short_name="市发改委")
    liaison = _user("liaison", "liaison", unit)
    c = _client(liaison)
    page = c.get(reverse("calendar"), {"year": 2099})
    assert page.status_code == 200 and 'id="calendar-form"' not in page.content.decode()
    assert f'class="toollink" href="{reverse("calendar")}"' in page.content.decode()
    assert "办公室录入" in page.content.decode()
    posted = {"first": "2099-10-02", "is_workday": "0"}
    assert c.post(reverse("calendar"), posted).status_code == 403
    assert c.post(reverse("calendar-clear"), {"day": "2099-10-01"}).status_code == 403
    assert CalendarDay.objects.count() == 1
    with pytest.raises(PermissionDenied):
        calendar_clear_day(actor=liaison, day=HOLIDAY[0])
