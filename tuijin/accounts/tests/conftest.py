"""A small world for the permission tests: units A and B, each with its own task, project,
document and submission, one task and one project they share, a draft document, a target, a
cycle; and one user per role."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tuijin.accounts.models import Profile
from tuijin.documents.models import Document
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.plans.models import Assignment, Indicator, Target, Task
from tuijin.projects.models import Project
from tuijin.reporting import services as reporting

ROLES = ["office", "liaison_a", "liaison_b", "leader", "admin", "norole", "anon"]


def _user(username: str, role: str | None, unit: Unit | None = None, **extra: Any) -> Any:
    user = get_user_model()(username=username, **extra)
    user.set_unusable_password()
    user.save()
    if role is not None:
        Profile.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture
def world(db: None) -> SimpleNamespace:
    w = SimpleNamespace()
    w.a = Unit.objects.create(name="河谷市发展和改革委员会", short_name="市发改委")
    UnitAlias.objects.create(unit=w.a, name="发改委")
    w.b = Unit.objects.create(name="河谷市工业和信息化局", short_name="市工信局")
    w.doc_a = Document.objects.create(
        title="甲单位专项方案", sha256="1" * 64, status="confirmed", text="甲方案正文"
    )
    w.doc_b = Document.objects.create(
        title="乙单位专项方案", sha256="2" * 64, status="confirmed", text="乙方案正文"
    )
    w.draft = Document.objects.create(
        title="待审核方案", sha256="3" * 64, status="extracted", extraction={"tasks": []}
    )
    w.task_a = Task.objects.create(document=w.doc_a, title="甲牵头建设数据中心")
    w.task_b = Task.objects.create(document=w.doc_b, title="乙牵头培育工业互联网")
    w.task_shared = Task.objects.create(document=w.doc_b, title="乙牵头甲参与的园区提升")
    Assignment.objects.create(task=w.task_a, unit=w.a, role="lead")
    Assignment.objects.create(task=w.task_b, unit=w.b, role="lead")
    Assignment.objects.create(task=w.task_shared, unit=w.b, role="lead")
    Assignment.objects.create(task=w.task_shared, unit=w.a, role="responsible")
    w.project_a = Project.objects.create(name="甲牵头物流枢纽项目", lead_unit=w.a)
    w.project_b = Project.objects.create(name="乙牵头芯片封装项目", lead_unit=w.b)
    w.project_shared = Project.objects.create(name="乙牵头甲参与的产业园项目", lead_unit=w.b)
    w.project_shared.responsible_units.add(w.a)
    w.target = Target.objects.create(
        indicator=Indicator.objects.create(name="地区生产总值", unit_label="亿元"),
        value=3000,
        unit="亿元",
        year=2027,
    )
    w.cycle = reporting.cycle_create(name="月度调度", kind="monthly", starts_on=dt.date(2025, 1, 1))
    w.period = reporting.period_open(
        cycle=w.cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31)
    )
    w.sub_a = reporting.submission_start(unit=w.a, period=w.period)
    w.sub_b = reporting.submission_start(unit=w.b, period=w.period)
    w.users = {
        "office": _user("office", "office"),
        "liaison_a": _user("liaison_a", "liaison", w.a),
        "liaison_b": _user("liaison_b", "liaison", w.b),
        "leader": _user("leader", "leader"),
        "admin": _user("root", None, is_superuser=True, is_staff=True),
        "norole": _user("newcomer", None),
        "anon": None,
    }
    return w


def client_for(world: SimpleNamespace, role: str) -> Client:
    client = Client()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def fresh(world: SimpleNamespace, role: str) -> Any:
    """The role's user as a request would see it (no cached profile), or None (anonymous)."""
    user = world.users[role]
    return None if user is None else get_user_model().objects.get(pk=user.pk)
