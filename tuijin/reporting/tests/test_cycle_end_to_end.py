"""A whole June round, scripted: open, draft, remind, submit on time and late, return, accept,
and watch the ledger and the lights follow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import BytesIO

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tuijin.plans.choices import TaskStatus
from tuijin.plans.models import Measurement
from tuijin.projects.models import ProgressReport
from tuijin.reporting import selectors, services
from tuijin.reporting.choices import CycleKind, NoticeKind, SubmissionState
from tuijin.reporting.models import Notice, Warning

from .conftest import at

pytestmark = pytest.mark.django_db


def test_a_june_round_from_opening_to_green_lights(
    region, office, django_capture_on_commit_callbacks
):
    r = region
    # The office sets up the semiannual cycle; the June period opens by itself.
    cycle = services.cycle_create(
        name="重点工作半年报送",
        kind=CycleKind.SEMIANNUAL,
        starts_on=dt.date(2025, 1, 1),
        due_workdays=5,
        remind_workdays=3,
        actor=office,
    )
    opened = services.periods_open_due(today=dt.date(2025, 6, 20), now=at(2025, 6, 20))
    assert [p.label for p in opened] == ["2025年上半年"]
    period = opened[0]
    assert period.cycle == cycle
    assert (period.start, period.end) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    assert period.due_date == dt.date(2025, 7, 7)  # 1, 2, 3, 4, 7 July
    assert services.periods_open_due(today=dt.date(2025, 6, 25)) == []  # idempotent

    # Two units start their drafts: one entry per task and project they owe, lead first.
    sub_a = services.submission_start(unit=r.a, period=period, now=at(2025, 6, 25))
    sub_b = services.submission_start(unit=r.b, period=period, now=at(2025, 6, 25))
    entries_a = list(sub_a.entries.all())
    entries_b = list(sub_b.entries.all())
    assert [(e.task, e.project, e.role) for e in entries_a] == [
        (r.t1, None, "lead"),
        (None, r.p1, "lead"),
        (None, r.p2, "responsible"),
    ]
    assert [(e.task, e.project, e.role) for e in entries_b] == [
        (r.t2, None, "lead"),
        (r.t1, None, "responsible"),
        (None, r.p2, "lead"),
    ]
    assert entries_a[0].percent == 10  # prefilled from the task
    assert [f.indicator for f in sub_b.figures.all()] == [r.indicator]  # B reported it before
    assert services.submission_start(unit=r.a, period=period) == sub_a  # same draft again

    # Three working days before the due date, the units that have not submitted are reminded.
    with django_capture_on_commit_callbacks(execute=True):
        before = services.reminders_send(today=dt.date(2025, 7, 2), now=at(2025, 7, 2, 9))
    assert {n.unit for n in before} == {r.a, r.b, r.c}
    assert {n.kind for n in before} == {NoticeKind.REMIND_BEFORE}
    assert all(n.user == office for n in before)
    assert len(mail.outbox) == 3 and mail.outbox[0].to == ["office@example.com"]
    assert services.reminders_send(today=dt.date(2025, 7, 3)) == []  # once per period and unit

    # Unit A fills in and submits on time.
    t1_a, p1_a, p2_a = entries_a
    services.entry_update(entry=t1_a, progress_text="完成整车项目环评批复", percent=55)
    services.entry_update(
        entry=p1_a,
        progress_text="主体厂房封顶，设备进场安装",
        percent=60,
        investment_period=Decimal("6"),
        investment_cumulative=Decimal("6.5"),
        problem="配套变电站用地指标尚未落实",
    )
    services.entry_update(entry=p2_a, progress_text="配合完成道路测试方案")
    sub_a = services.submission_submit(submission=sub_a, now=at(2025, 7, 4, 16))
    assert sub_a.state == SubmissionState.SUBMITTED and sub_a.late is False

    # After the due date, B and C (not submitted) get an overdue reminder; A does not.
    after = services.reminders_send(today=dt.date(2025, 7, 8), now=at(2025, 7, 8, 9))
    assert {n.unit for n in after} == {r.b, r.c}
    assert {n.kind for n in after} == {NoticeKind.REMIND_AFTER}

    # B submits late.
    for entry in sub_b.entries.all():
        services.entry_update(entry=entry, progress_text="按计划推进", percent=30)
    figure = sub_b.figures.get()
    services.figure_set(submission=sub_b, indicator=figure.indicator, value="7.2")
    sub_b = services.submission_submit(submission=sub_b, now=at(2025, 7, 9, 11))
    assert sub_b.late is True

    # The office's board: who submitted, who is late, who is missing, what problems came up.
    board = selectors.cycle_board(office, period, today=dt.date(2025, 7, 10))
    states = {row.unit: (row.state, row.late, row.overdue) for row in board.rows}
    assert states == {
        r.a: ("submitted", False, False),
        r.b: ("submitted", True, False),
        r.c: ("missing", False, True),
    }
    assert board.counts["late"] == 1 and board.counts["overdue"] == 1
    assert [(p.unit, p.text) for p in board.problems] == [(r.a, "配套变电站用地指标尚未落实")]
    assert [row.unit for row in board.missing] == [r.c]

    # Before acceptance, p1 is red: 0.5 of 12 亿 by March is far behind the pro-rata path.
    services.warnings_compute(today=dt.date(2025, 7, 10), now=at(2025, 7, 10))
    light = Warning.objects.get(project=r.p1)
    assert light.level == "red"
    assert "序时应完成 3 亿元" in light.reason and "红灯阈值 30%" in light.reason

    # The office returns B with a comment and accepts A.
    sub_b = services.submission_return(
        submission=sub_b, comment="请补充智能网联测试场的投资完成情况", actor=office
    )
    assert sub_b.state == SubmissionState.RETURNED and sub_b.returned_by == office
    assert Notice.objects.filter(kind=NoticeKind.RETURNED, unit=r.b).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        sub_a = services.submission_accept(submission=sub_a, actor=office, now=at(2025, 7, 10, 15))
    assert sub_a.state == SubmissionState.ACCEPTED and sub_a.accepted_by == office

    # Accepting wrote into the ledger: the lead's task progress and p1's June progress report.
    r.t1.refresh_from_db()
    assert (r.t1.progress, r.t1.status) == (55, TaskStatus.IN_PROGRESS)
    june = ProgressReport.objects.get(project=r.p1, year=2025, month=6)
    assert (june.completed_investment, june.cumulative_investment) == (Decimal(6), Decimal("6.5"))
    assert june.reported_by == r.a and june.problems == "配套变电站用地指标尚未落实"
    # A responsible unit's report on p2 does not overwrite the lead's ledger.
    assert not ProgressReport.objects.filter(project=r.p2).exists()
    # B's figure is not in the ledger: B was returned, not accepted.
    assert not Measurement.objects.filter(indicator=r.indicator, year=2025).exists()

    # The history says who did it: the office accepted, and the task changed with it.
    assert sub_a.history.first().history_user == office
    assert r.t1.history.first().history_user == office
    assert entries_a[0].history.count() >= 2  # created with the draft, then filled in

    # …and the lights followed on commit: p1 went from red to green.
    light.refresh_from_db()
    assert light.level == "green", light.reason
    assert light.previous_level == "red"
    assert "实际完成 6.5 亿元" in light.reason

    # B resubmits; lateness is decided by the first submission and stays.
    sub_b = services.submission_submit(submission=sub_b, now=at(2025, 7, 11))
    assert sub_b.state == SubmissionState.SUBMITTED and sub_b.late is True
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_accept(submission=sub_b, actor=office, now=at(2025, 7, 11, 15))
    m = Measurement.objects.get(indicator=r.indicator, year=2025)
    assert (m.month, m.value, m.reported_by) == (6, Decimal("7.2"), r.b)
    r.t2.refresh_from_db()
    assert r.t2.progress == 30
    r.t1.refresh_from_db()
    assert r.t1.progress == 55  # B is only responsible for t1: the lead's figure stands

    # C never submitted: it was reminded once after the due date, and is not reminded again.
    reminded = Notice.objects.filter(kind=NoticeKind.REMIND_AFTER).values_list("unit", flat=True)
    assert set(reminded) == {r.b.pk, r.c.pk}
    assert services.reminders_send(today=dt.date(2025, 7, 14)) == []
    board = selectors.cycle_board(office, period, today=dt.date(2025, 7, 14))
    assert board.counts["accepted"] == 2 and board.counts["missing"] == 1

    # The period's workbook holds what was accepted: A's and B's entries, C as not reported.
    client = Client()
    client.force_login(office)
    response = client.get(reverse("reporting-period-export", args=[period.pk]))
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "配套变电站用地指标尚未落实" in cells
    assert cells.count("已采纳") >= 2
    assert any(c in ("未报送", "逾期未报送") for c in cells)
