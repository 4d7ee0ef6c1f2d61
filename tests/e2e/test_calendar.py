"""The office enters a year the built-in calendar lacks, in a real browser, and a report's due
date counts it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tuijin.core import workdays
from tuijin.core.models import CalendarDay

from .conftest import shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "calendar-flow-pw"


def test_the_office_enters_national_day_and_deadlines_skip_it(page: Any, live_server: Any) -> None:
    get_user_model().objects.create_superuser("office", "office@example.com", PASSWORD)
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "office")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.click("a.toollink:has-text('节假日')")
    page.goto(f"{base}/calendar/?year=2099")
    assert "内置日历还没有本年的国务院节假日安排" in page.inner_text("#calendar-source")

    page.fill("#id_first", "2099-10-01")
    page.fill("#id_last", "2099-09-30")  # the wrong way round: refused, nothing saved
    page.click("#calendar-form button[type=submit]")
    assert "结束日期早于开始日期" in page.inner_text("#calendar-form")
    assert not CalendarDay.objects.exists()

    page.fill("#id_last", "2099-10-07")
    page.select_option("#id_is_workday", "0")
    page.fill("#id_note", "国庆节")
    page.click("#calendar-form button[type=submit]")
    assert "已保存 7 天的安排" in page.inner_text(".messages")
    rows = page.locator("#calendar-table tbody tr")
    assert rows.count() == 7 and "2099-10-07" in rows.nth(6).inner_text()
    shot(page, "calendar-2099")
    workdays.forget()  # the server saved in another thread; this process reads afresh
    assert workdays.add_workdays(dt.date(2099, 9, 30), 1) == dt.date(2099, 10, 8)

    page.locator("#calendar-table tbody tr").nth(0).locator("button").click()
    assert "恢复按国家安排计算" in page.inner_text(".messages")
    assert page.locator("#calendar-table tbody tr").count() == 6
