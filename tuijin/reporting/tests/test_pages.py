"""The reporting pages: the office's cycles and boards, a unit filling in and submitting its
report, returning and accepting, notices, rules and the lights on other pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tuijin.accounts.choices import Role
from tuijin.accounts.services import user_save
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind, SubmissionState, WarningLevel
from tuijin.reporting.models import Cycle, Notice, Period, Submission, Warning, WarningRule

pytestmark = pytest.mark.django_db


@pytest.fixture
def loop(region: SimpleNamespace, office: Any) -> SimpleNamespace:
    """A semiannual cycle with its June period (due long ago), A's draft and B's submission."""
    r = region
    r.office = office
    r.cycle = services.cycle_create(
        name="重点工作半年报送", kind=CycleKind.SEMIANNUAL, starts_on=dt.date(2025, 1, 1)
    )
    r.period = services.period_open(
        cycle=r.cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30)
    )
    r.sub_a = services.submission_start(unit=r.a, period=r.period)
    r.sub_b = services.submission_start(unit=r.b, period=r.period)
    for entry in r.sub_b.entries.all():
        services.entry_update(entry=entry, progress_text="按计划推进", percent=50)
    first = r.sub_b.entries.first()
    services.entry_update(entry=first, problem="用地指标尚未落实", blocked=True)
    services.submission_submit(submission=r.sub_b)
    return r


@pytest.fixture
def office_client(office: Any) -> Client:
    client = Client()
    client.force_login(office)
    return client


def test_every_page_asks_anonymous_users_to_sign_in(client: Client, loop: SimpleNamespace) -> None:
    urls = [
        reverse("reporting-cycle-list"),
        reverse("reporting-cycle-create"),
        reverse("reporting-period-board", args=[loop.period.pk]),
        reverse("reporting-submission-detail", args=[loop.sub_a.pk]),
        reverse("reporting-submission-edit", args=[loop.sub_a.pk]),
        reverse("reporting-my"),
        reverse("reporting-submissions"),
        reverse("reporting-notices"),
        reverse("reporting-rules"),
        reverse("reporting-warnings"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url


def test_unknown_objects_are_404(office_client: Client, loop: SimpleNamespace) -> None:
    for name in (
        "reporting-period-board",
        "reporting-submission-detail",
        "reporting-submission-edit",
    ):
        assert office_client.get(reverse(name, args=[999999])).status_code == 404, name


def test_cycle_list_shows_cycles_and_their_periods(
    office_client: Client, loop: SimpleNamespace
) -> None:
    response = office_client.get(reverse("reporting-cycle-list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "重点工作半年报送" in html
    assert "2025年上半年" in html
    assert reverse("reporting-period-board", args=[loop.period.pk]) in html
    assert "信息报送" in html  # main nav


def test_the_office_creates_a_cycle_and_opens_a_period(office_client: Client, region: Any) -> None:
    response = office_client.post(
        reverse("reporting-cycle-create"),
        {
            "name": "季度调度",
            "kind": "quarterly",
            "starts_on": "2025-01-01",
            "due_anchor": "after_end",
            "due_workdays": "5",
            "remind_workdays": "3",
            "unit_scope": "assigned",
        },
    )
    assert response.status_code == 302
    cycle = Cycle.objects.get(name="季度调度")
    assert cycle.kind == CycleKind.QUARTERLY
    response = office_client.post(
        reverse("reporting-period-open", args=[cycle.pk]),
        {"start": "2025-04-01", "end": "2025-06-30"},
    )
    period = Period.objects.get(cycle=cycle)
    assert response["Location"] == reverse("reporting-period-board", args=[period.pk])
    assert period.label == "2025年第2季度"


def test_a_duplicate_cycle_name_is_refused_on_the_form(
    office_client: Client, loop: SimpleNamespace
) -> None:
    response = office_client.post(
        reverse("reporting-cycle-create"),
        {
            "name": "重点工作半年报送",
            "kind": "monthly",
            "starts_on": "2025-01-01",
            "due_anchor": "after_end",
            "due_workdays": "5",
            "remind_workdays": "3",
            "unit_scope": "assigned",
        },
    )
    assert response.status_code == 200
    assert "已有名为" in response.content.decode()


def test_board_shows_states_late_flags_and_problems(
    office_client: Client, loop: SimpleNamespace
) -> None:
    response = office_client.get(reverse("reporting-period-board", args=[loop.period.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for unit in (loop.a, loop.b, loop.c):
        assert unit.name in html
    assert "草稿" in html and "已报送" in html and "未开始" in html
    assert "逾期未报" in html  # due in July 2025, long past
    assert "逾期报送" in html  # B submitted after the due date
    assert "用地指标尚未落实" in html  # 问题清单
    assert reverse("reporting-submission-return", args=[loop.sub_b.pk]) in html
    assert reverse("reporting-submission-accept", args=[loop.sub_b.pk]) in html
    assert reverse("reporting-submission-return", args=[loop.sub_a.pk]) not in html


def test_the_office_returns_with_a_comment_and_the_unit_hears_of_it(
    office_client: Client, loop: SimpleNamespace
) -> None:
    board = reverse("reporting-period-board", args=[loop.period.pk])
    url = reverse("reporting-submission-return", args=[loop.sub_b.pk])
    response = office_client.post(url, {"comment": "  ", "next": board}, follow=True)
    assert "退回时须填写意见" in response.content.decode()
    loop.sub_b.refresh_from_db()
    assert loop.sub_b.state == SubmissionState.SUBMITTED

    response = office_client.post(url, {"comment": "请补充投资完成数据", "next": board})
    assert response["Location"] == board
    loop.sub_b.refresh_from_db()
    assert loop.sub_b.state == SubmissionState.RETURNED
    assert loop.sub_b.office_comment == "请补充投资完成数据"
    assert Notice.objects.filter(text__contains="请补充投资完成数据").exists()

    detail = office_client.get(reverse("reporting-submission-detail", args=[loop.sub_b.pk]))
    html = detail.content.decode()
    assert "请补充投资完成数据" in html and "已退回" in html and "已报送" in html  # history


def test_the_office_accepts_and_the_ledger_follows(
    office_client: Client, loop: SimpleNamespace
) -> None:
    office_client.post(reverse("reporting-submission-accept", args=[loop.sub_b.pk]))
    loop.sub_b.refresh_from_db()
    assert loop.sub_b.state == SubmissionState.ACCEPTED
    loop.t2.refresh_from_db()
    assert loop.t2.progress == 50


def test_edit_page_has_one_block_per_entry_with_investment_for_projects(
    office_client: Client, loop: SimpleNamespace
) -> None:
    response = office_client.get(reverse("reporting-submission-edit", args=[loop.sub_a.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    entries = list(loop.sub_a.entries.all())
    for entry in entries:
        assert f'name="e{entry.pk}-progress_text"' in html
        has_investment = f'name="e{entry.pk}-investment_period"' in html
        assert has_investment == (entry.project_id is not None)
    assert "保存草稿" in html and "提交报送" in html


def _entry_data(sub: Submission, **overrides: str) -> dict[str, str]:
    """The edit form as the page sends it, with the version it was opened at."""
    data: dict[str, str] = {"summary": "", "version": _version(sub)}
    for entry in sub.entries.all():
        p = f"e{entry.pk}-"
        data[p + "progress_text"] = entry.progress_text
        data[p + "percent"] = str(entry.percent)
        data[p + "problem"] = entry.problem
        if entry.project_id:
            data[p + "investment_period"] = ""
            data[p + "investment_cumulative"] = ""
    data.update(overrides)
    return data


def _version(sub: Submission) -> str:
    return str(Submission.objects.values_list("version", flat=True).get(pk=sub.pk))


def test_a_unit_saves_a_draft_then_submits(office_client: Client, loop: SimpleNamespace) -> None:
    sub = loop.sub_a
    url = reverse("reporting-submission-edit", args=[sub.pk])
    project_entry = sub.entries.get(project=loop.p1)
    task_entry = sub.entries.get(task=loop.t1)
    p, t = f"e{project_entry.pk}-", f"e{task_entry.pk}-"
    data = _entry_data(
        sub,
        **{
            p + "progress_text": "主体厂房封顶",
            p + "percent": "40",
            p + "investment_period": "2.5",
            p + "investment_cumulative": "3",
            t + "percent": "30",
            "action": "save",
        },
    )
    response = office_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    project_entry.refresh_from_db()
    assert project_entry.investment_period == Decimal("2.5")
    assert project_entry.progress_text == "主体厂房封顶"

    # Submitting with an empty progress text is refused, in Chinese, and nothing is submitted.
    data["action"] = "submit"
    data["version"] = _version(sub)  # the page reloaded after the save
    response = office_client.post(url, data, follow=True)
    assert "请填写进展情况" in response.content.decode()
    sub.refresh_from_db()
    assert sub.state == SubmissionState.DRAFT

    for entry in sub.entries.all():
        data[f"e{entry.pk}-progress_text"] = entry.progress_text or "有序推进"
    data["version"] = _version(sub)
    response = office_client.post(url, data)
    assert response["Location"] == reverse("reporting-submission-detail", args=[sub.pk])
    sub.refresh_from_db()
    assert sub.state == SubmissionState.SUBMITTED


def test_cumulative_below_period_is_shown_on_the_entry(
    office_client: Client, loop: SimpleNamespace
) -> None:
    sub = loop.sub_a
    entry = sub.entries.get(project=loop.p1)
    p = f"e{entry.pk}-"
    data = _entry_data(
        sub, **{p + "investment_period": "5", p + "investment_cumulative": "1", "action": "save"}
    )
    response = office_client.post(reverse("reporting-submission-edit", args=[sub.pk]), data)
    assert response.status_code == 200
    assert "年度累计完成投资不能小于本期完成投资" in response.content.decode()


def test_an_attachment_over_the_limit_is_refused_in_chinese(
    office_client: Client, loop: SimpleNamespace, settings: Any, tmp_path: Any
) -> None:
    settings.TUIJIN_MAX_ATTACHMENT_BYTES = 1024 * 1024
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    sub = loop.sub_a
    url = reverse("reporting-submission-edit", args=[sub.pk])
    big = SimpleUploadedFile("大文件.pdf", b"x" * (1024 * 1024 + 1))
    response = office_client.post(url, {**_entry_data(sub), "attachment": big, "action": "save"})
    assert response.status_code == 200
    assert "附件过大" in response.content.decode()
    assert not sub.attachments.exists()

    small = SimpleUploadedFile("进展照片.pdf", b"%PDF small")
    office_client.post(url, {**_entry_data(sub), "attachment": small, "action": "save"})
    assert sub.attachments.get().name == "进展照片.pdf"


def test_a_submitted_report_cannot_be_edited(office_client: Client, loop: SimpleNamespace) -> None:
    response = office_client.get(reverse("reporting-submission-edit", args=[loop.sub_b.pk]))
    assert response["Location"] == reverse("reporting-submission-detail", args=[loop.sub_b.pk])


def test_my_reports_for_a_liaison_shows_its_unit_and_starts_a_draft(
    loop: SimpleNamespace,
) -> None:
    user = user_save(username="liaison_c", role=Role.LIAISON, unit=loop.c)
    client = Client()
    client.force_login(user)
    response = client.get(reverse("reporting-my"))
    html = response.content.decode()
    assert loop.c.name in html and "2025年上半年" in html
    assert "代单位填报" not in html
    response = client.post(reverse("reporting-submission-start", args=[loop.period.pk]))
    sub = Submission.objects.get(unit=loop.c, period=loop.period)
    assert response["Location"] == reverse("reporting-submission-edit", args=[sub.pk])


def test_my_reports_for_the_office_picks_a_unit(
    office_client: Client, loop: SimpleNamespace
) -> None:
    response = office_client.get(reverse("reporting-my"))
    assert "代单位填报" in response.content.decode()
    response = office_client.get(reverse("reporting-my"), {"unit": loop.a.pk})
    html = response.content.decode()
    assert reverse("reporting-submission-edit", args=[loop.sub_a.pk]) in html


def test_notices_page_and_the_unread_badge(office_client: Client, loop: SimpleNamespace) -> None:
    services.submission_return(submission=loop.sub_b, comment="数据口径不一致")
    response = office_client.get(reverse("overview"))
    assert 'class="navbadge"' in response.content.decode()
    response = office_client.get(reverse("reporting-notices"))
    assert "数据口径不一致" in response.content.decode()
    office_client.post(reverse("reporting-notices"))
    assert not Notice.objects.filter(user=loop.office, read=False).exists()
    response = office_client.get(reverse("overview"))
    assert 'class="navbadge"' not in response.content.decode()


def test_rules_page_saves_thresholds_and_refuses_red_below_yellow(
    office_client: Client, region: Any
) -> None:
    url = reverse("reporting-rules")
    assert "任务黄灯" in office_client.get(url).content.decode()
    values = {
        "yellow_margin_pct": "15",
        "near_deadline_workdays": "10",
        "investment_yellow_pct": "10",
        "investment_red_pct": "30",
        "stage_slip_red_days": "60",
        "missing_yellow_periods": "1",
        "missing_red_periods": "2",
        "target_yellow_pct": "10",
        "target_red_pct": "25",
        "action": "save",
    }
    assert office_client.post(url, values).status_code == 302
    assert WarningRule.objects.get(active=True).yellow_margin_pct == 15
    response = office_client.post(url, {**values, "investment_red_pct": "5"})
    assert response.status_code == 200
    assert WarningRule.objects.get(active=True).investment_red_pct == 30


def _light(level: str, reason: str, **subject: Any) -> Warning:
    now = timezone.now()
    return Warning.objects.create(
        level=level, reason=reason, changed_at=now, computed_at=now, **subject
    )


@pytest.fixture
def lights(region: SimpleNamespace) -> SimpleNamespace:
    r = region
    r.w_t1 = _light(WarningLevel.RED, "已超过完成时限 30 天，进度 10%", task=r.t1)
    r.w_t2 = _light(WarningLevel.YELLOW, "进度 20%，时间已过 60%，落后 40 个百分点", task=r.t2)
    r.w_p1 = _light(WarningLevel.GREEN, "投资完成符合序时进度", project=r.p1)
    return r


def test_warnings_page_filters_by_level(office_client: Client, lights: SimpleNamespace) -> None:
    url = reverse("reporting-warnings")
    html = office_client.get(url).content.decode()
    assert "已超过完成时限" in html and "落后 40 个百分点" in html
    html = office_client.get(url, {"level": "red"}).content.decode()
    assert "已超过完成时限" in html and "落后 40 个百分点" not in html


def test_lights_on_lists_details_unit_page_and_overview(
    office_client: Client, lights: SimpleNamespace
) -> None:
    r = lights
    html = office_client.get(reverse("task-list")).content.decode()
    assert "light light-red" in html and "已超过完成时限 30 天" in html  # the tooltip
    assert "light light-none" in html  # t3 has no light yet
    html = office_client.get(reverse("project-list")).content.decode()
    assert "light light-green" in html
    html = office_client.get(reverse("task-detail", args=[r.t1.pk])).content.decode()
    assert "红灯" in html and 'class="light-reason">已超过完成时限 30 天' in html
    html = office_client.get(reverse("project-detail", args=[r.p1.pk])).content.decode()
    assert "投资完成符合序时进度" in html
    html = office_client.get(reverse("unit-detail", args=[r.a.pk])).content.decode()
    assert "本单位预警" in html and "已超过完成时限 30 天" in html
    html = office_client.get(reverse("overview")).content.decode()
    assert "督办预警" in html and "已超过完成时限 30 天" in html
    assert "落后 40 个百分点" not in html  # the overview lists the red ones only


def test_the_board_speaks_english_too(office_client: Client, loop: SimpleNamespace) -> None:
    office_client.cookies["django_language"] = "en"
    html = office_client.get(reverse("reporting-period-board", args=[loop.period.pk])).content
    text = html.decode()
    assert "Reports by unit" in text and "Problems to coordinate" in text


def test_the_submission_list_shows_every_unit_to_the_office_and_filters(
    office_client: Client, loop: SimpleNamespace
) -> None:
    url = reverse("reporting-submissions")
    page = office_client.get(url).content.decode()
    assert str(loop.a) in page and str(loop.b) in page
    assert reverse("reporting-submission-detail", args=[loop.sub_b.pk]) in page
    assert reverse("reporting-period-board", args=[loop.period.pk]) in page
    page = office_client.get(url, {"state": "submitted"}).content.decode()
    assert reverse("reporting-submission-detail", args=[loop.sub_b.pk]) in page
    assert reverse("reporting-submission-detail", args=[loop.sub_a.pk]) not in page
    page = office_client.get(url, {"state": "accepted"}).content.decode()
    assert "没有符合条件的报送" in page


def test_a_liaison_lists_only_its_own_units_submissions(loop: SimpleNamespace) -> None:
    client = Client()
    client.force_login(user_save(username="liaison_b", role=Role.LIAISON, unit=loop.b))
    page = client.get(reverse("reporting-submissions")).content.decode()
    assert reverse("reporting-submission-detail", args=[loop.sub_b.pk]) in page
    assert reverse("reporting-submission-detail", args=[loop.sub_a.pk]) not in page
    assert reverse("reporting-period-board", args=[loop.period.pk]) not in page


def test_the_lateness_filter_offers_any_late_and_on_time(
    office_client: Client, loop: SimpleNamespace
) -> None:
    url = reverse("reporting-submissions")
    page = office_client.get(url).content.decode()
    assert "不限" in page and "未知" not in page
    late = office_client.get(url, {"late": "true"}).content.decode()
    assert reverse("reporting-submission-detail", args=[loop.sub_b.pk]) in late  # B was late
    assert reverse("reporting-submission-detail", args=[loop.sub_a.pk]) not in late
