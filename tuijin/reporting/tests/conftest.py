"""A small region for the reporting tests: three units, their tasks and projects, the office.

Names and sentences are our own (not taken from any real document).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model

from tuijin.orgs.models import Unit
from tuijin.plans.choices import AssignmentRole
from tuijin.plans.models import Assignment, Indicator, Measurement, Task
from tuijin.projects.choices import ProjectStage
from tuijin.projects.models import AnnualPlan, ProgressReport, Project

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    """A moment in local (Beijing) time."""
    return dt.datetime(year, month, day, hour, tzinfo=SHANGHAI)


@pytest.fixture
def office(db):
    return get_user_model().objects.create_superuser(
        username="office", password=None, email="office@example.com"
    )


@pytest.fixture
def region(db):
    """Units A (发改委), B (工信局), C (商务局); tasks t1 (A leads, B shares), t2 (B leads),
    t3 (C leads); projects p1 (A leads; 12 亿 planned for 2025, 0.5 亿 done by March) and p2
    (B leads, A shares); an indicator B has reported before."""
    r = SimpleNamespace()
    r.a = Unit.objects.create(name="江城市发展和改革委员会", short_name="市发改委")
    r.b = Unit.objects.create(name="江城市工业和信息化局", short_name="市工信局")
    r.c = Unit.objects.create(name="江城市商务局", short_name="市商务局")
    r.idle = Unit.objects.create(name="江城市档案馆")  # owes nothing
    r.t1 = Task.objects.create(
        title="培育新能源汽车产业集群", deadline=dt.date(2025, 12, 31), progress=10
    )
    r.t2 = Task.objects.create(title="推进工业互联网平台建设", deadline=dt.date(2026, 6, 30))
    r.t3 = Task.objects.create(title="举办外贸企业对接活动", deadline=dt.date(2025, 9, 30))
    Assignment.objects.create(task=r.t1, unit=r.a, role=AssignmentRole.LEAD)
    Assignment.objects.create(task=r.t1, unit=r.b, role=AssignmentRole.RESPONSIBLE)
    Assignment.objects.create(task=r.t2, unit=r.b, role=AssignmentRole.LEAD)
    Assignment.objects.create(task=r.t3, unit=r.c, role=AssignmentRole.LEAD)
    r.p1 = Project.objects.create(
        name="动力电池生产基地", stage=ProjectStage.CONTINUING, lead_unit=r.a
    )
    r.p2 = Project.objects.create(name="智能网联测试场", stage=ProjectStage.NEW, lead_unit=r.b)
    r.p2.responsible_units.add(r.a)
    AnnualPlan.objects.create(project=r.p1, year=2025, planned_investment=Decimal("12"))
    ProgressReport.objects.create(
        project=r.p1,
        year=2025,
        month=3,
        completed_investment=Decimal("0.5"),
        cumulative_investment=Decimal("0.5"),
        reported_by=r.a,
    )
    r.indicator = Indicator.objects.create(name="规上工业增加值增速", unit_label="%")
    Measurement.objects.create(
        indicator=r.indicator, value=Decimal("6.1"), unit="%", year=2024, reported_by=r.b
    )
    return r
