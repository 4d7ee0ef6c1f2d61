"""The working loop in a real browser: the office opens the June period of a semiannual cycle,
a unit's liaison fills in and submits its report, the office returns it with a comment, and the
liaison sees the comment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tuijin.accounts.choices import Role
from tuijin.accounts.services import user_save
from tuijin.orgs.models import Unit
from tuijin.plans.choices import AssignmentRole
from tuijin.plans.models import Assignment, Task
from tuijin.projects.choices import ProjectStage
from tuijin.projects.models import AnnualPlan, Project
from tuijin.reporting.choices import SubmissionState
from tuijin.reporting.models import Entry, Period, Submission

from .conftest import shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "reporting-flow-pw"


@pytest.fixture
def region() -> SimpleNamespace:
    """Two units of our own invention, a task and a project for the first."""
    r = SimpleNamespace()
    r.unit = Unit.objects.create(name="江城市工业和信息化局", short_name="市工信局")
    r.other = Unit.objects.create(name="江城市商务局", short_name="市商务局")
    r.task = Task.objects.create(title="推进工业互联网平台建设", deadline=dt.date(2026, 12, 31))
    Assignment.objects.create(task=r.task, unit=r.unit, role=AssignmentRole.LEAD)
    other_task = Task.objects.create(title="举办外贸企业对接活动", deadline=dt.date(2026, 9, 30))
    Assignment.objects.create(task=other_task, unit=r.other, role=AssignmentRole.LEAD)
    r.project = Project.objects.create(
        name="智能网联测试场", stage=ProjectStage.NEW, lead_unit=r.unit
    )
    AnnualPlan.objects.create(project=r.project, year=2026, planned_investment=Decimal("8"))
    get_user_model().objects.create_superuser("office", "office@example.com", PASSWORD)
    user_save(username="liaison", role=Role.LIAISON, unit=r.unit, password=PASSWORD)
    return r


def login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/login/" not in page.url, f"{username} signed in"


def test_liaison_submits_and_the_office_returns_it(
    page: Any, browser: Any, live_server: Any, region: SimpleNamespace
) -> None:
    base = live_server.url
    r = region

    # The office sets up the semiannual cycle and opens its June period.
    login(page, base, "office")
    page.goto(f"{base}/reporting/cycles/new/")
    page.fill("input[name=name]", "重点工作半年报送")
    page.select_option("select[name=kind]", "semiannual")
    page.fill("input[name=starts_on]", "2026-01-01")
    page.click("form.stackform button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "重点工作半年报送" in page.inner_text("main")
    shot(page, "reporting-00-cycle-list")
    page.fill("form.inlineform input[name=start]", "2026-01-01")
    page.fill("form.inlineform input[name=end]", "2026-06-30")
    page.click("form.inlineform button[type=submit]")
    page.wait_for_load_state("networkidle")
    period = Period.objects.get(cycle__name="重点工作半年报送")
    assert period.label == "2026年上半年"
    assert f"/reporting/periods/{period.pk}/" in page.url
    board = page.inner_text("main")
    assert r.unit.name in board and r.other.name in board and "未开始" in board
    shot(page, "reporting-01-board-opened")

    # The liaison opens "my reports", starts its draft, fills it in and submits.
    liaison_ctx = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    lp = liaison_ctx.new_page()
    try:
        login(lp, base, "liaison")
        lp.click("nav.mainnav >> text=信息报送")
        lp.wait_for_load_state("networkidle")
        assert "/reporting/my/" in lp.url
        mine = lp.inner_text("main")
        assert r.unit.name in mine and "2026年上半年" in mine
        shot(lp, "reporting-02-my-reports")
        lp.click("button:has-text('开始填写')")
        lp.wait_for_load_state("networkidle")
        submission = Submission.objects.get(unit=r.unit, period=period)
        assert f"/reporting/submissions/{submission.pk}/edit/" in lp.url
        task_entry = Entry.objects.get(submission=submission, task=r.task)
        project_entry = Entry.objects.get(submission=submission, project=r.project)
        t, p = f"e{task_entry.pk}-", f"e{project_entry.pk}-"
        lp.fill(f"textarea[name='{t}progress_text']", "平台已接入企业 120 家，完成年度目标的六成")
        lp.fill(f"input[name='{t}percent']", "60")
        lp.fill(f"textarea[name='{p}progress_text']", "测试道路完成 3 公里，控制中心主体完工")
        lp.fill(f"input[name='{p}percent']", "45")
        lp.fill(f"input[name='{p}investment_period']", "2.5")
        lp.fill(f"input[name='{p}investment_cumulative']", "3.6")
        lp.fill(f"textarea[name='{p}problem']", "测试场周边道路征地需市自然资源局协调")
        shot(lp, "reporting-03-edit-filled")
        lp.click("button[name=action][value=submit]")
        lp.wait_for_load_state("networkidle")
        assert f"/reporting/submissions/{submission.pk}/" in lp.url
        assert "已报送" in lp.inner_text("main")
        submission.refresh_from_db()
        assert submission.state == SubmissionState.SUBMITTED
        project_entry.refresh_from_db()
        assert project_entry.investment_period == Decimal("2.5")
        assert project_entry.investment_cumulative == Decimal("3.6")
        assert project_entry.percent == 45
        shot(lp, "reporting-04-submitted")

        # The office sees it on the board, with the problem raised, and returns it.
        page.goto(f"{base}/reporting/periods/{period.pk}/")
        board = page.inner_text("main")
        assert "已报送" in board and "测试场周边道路征地需市自然资源局协调" in board
        row = page.locator(f"tr[data-unit='{r.unit.pk}']")
        row.locator("details.returnbox summary").click()
        row.locator("textarea[name=comment]").fill("请补充控制中心设备采购进度，并核实累计投资口径")
        shot(page, "reporting-05-board-returning")
        row.locator("button:has-text('确认退回')").click()
        page.wait_for_load_state("networkidle")
        submission.refresh_from_db()
        assert submission.state == SubmissionState.RETURNED
        assert "已退回" in page.locator(f"tr[data-unit='{r.unit.pk}']").inner_text()
        shot(page, "reporting-06-board-returned")

        # The liaison sees the returned state and the office's comment.
        lp.goto(f"{base}/reporting/my/")
        mine = lp.inner_text("main")
        assert "已退回" in mine and "请补充控制中心设备采购进度" in mine
        assert lp.locator(".navbadge").count() == 1, "an unread notice of the return"
        shot(lp, "reporting-07-liaison-sees-return")
        lp.click("a:has-text('填写')")
        lp.wait_for_load_state("networkidle")
        assert "办公室退回意见" in lp.inner_text("main")
        assert "请补充控制中心设备采购进度" in lp.inner_text("main")
        shot(lp, "reporting-08-edit-after-return")
    finally:
        liaison_ctx.close()


def test_lights_show_on_lists_details_and_overview(
    page: Any, live_server: Any, region: SimpleNamespace
) -> None:
    from django.utils import timezone

    from tuijin.reporting.choices import WarningLevel
    from tuijin.reporting.models import Warning

    r = region
    now = timezone.now()
    Warning.objects.create(
        task=r.task,
        level=WarningLevel.RED,
        reason="进度 20%，时间已过 90%，落后 70 个百分点（黄灯阈值 20）",
        changed_at=now,
        computed_at=now,
    )
    Warning.objects.create(
        project=r.project,
        level=WarningLevel.YELLOW,
        reason="投资完成 1.2 亿元，低于序时进度 4.0 亿元的 70%（黄灯阈值 10%）",
        changed_at=now,
        computed_at=now,
    )
    base = live_server.url
    login(page, base, "office")
    main = page.inner_text("main")
    assert "督办预警" in main and "落后 70 个百分点" in main
    shot(page, "reporting-09-overview-warnings")

    page.goto(f"{base}/tasks/")
    dot = page.locator("table.data .light-red").first
    assert "落后 70 个百分点" in (dot.get_attribute("title") or "")
    shot(page, "reporting-10-task-list-lights")

    page.goto(f"{base}/projects/{r.project.pk}/")
    assert "低于序时进度" in page.inner_text("main")
    shot(page, "reporting-11-project-detail-light")

    page.goto(f"{base}/units/{r.unit.pk}/")
    assert "本单位预警" in page.inner_text("main")
    shot(page, "reporting-12-unit-warnings")

    page.goto(f"{base}/reporting/warnings/?level=red")
    main = page.inner_text("main")
    assert "落后 70 个百分点" in main and "低于序时进度" not in main
    shot(page, "reporting-13-warnings-red")

    page.goto(f"{base}/reporting/notices/")
    shot(page, "reporting-15-notices")

    page.goto(f"{base}/reporting/rules/")
    assert "任务黄灯" in page.inner_text("main")
    shot(page, "reporting-14-rules")
