"""The audit trail on the pages: an object's history panel and the office's change log."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tuijin.core.history import change_log, history_for
from tuijin.core.tests.excel_builders import ledger_bytes
from tuijin.orgs.models import Unit
from tuijin.plans.models import Assignment, Task
from tuijin.plans.services import task_import_commit, task_import_preview
from tuijin.projects.models import Project

HEADER = ["序号", "任务名称", "牵头单位", "状态"]


@pytest.fixture
def office(db: None) -> Any:
    user = get_user_model()(username="zhang", first_name="张科长", is_superuser=True)
    user.set_unusable_password()
    user.save()
    return user


@pytest.fixture
def client(office: Any) -> Client:
    c = Client()
    c.force_login(office)
    return c


@pytest.fixture
def units(db: None) -> None:
    Unit.objects.create(name="江城市发展和改革委员会", short_name="市发改委")
    Unit.objects.create(name="江城市工业和信息化局", short_name="市工信局")


def import_tasks(rows: list[list[object]], actor: Any) -> None:
    task_import_commit(
        preview=task_import_preview(ledger_bytes(header=HEADER, rows=rows)), actor=actor
    )


def test_a_change_through_a_service_shows_on_the_task_page_with_user_and_diff(
    client: Client, office: Any, units: None
) -> None:
    import_tasks([[1, "建设物流园", "市发改委", "推进中"]], office)
    import_tasks([[1, "建设物流园", "市工信局", "已完成"]], office)
    task = Task.objects.get(title="建设物流园")
    changes = history_for(task)
    kinds = [(c.model_key, c.kind) for c in changes]
    assert ("plans.task", "~") in kinds and ("plans.assignment", "-") in kinds
    edit = next(c for c in changes if c.model_key == "plans.task" and c.kind == "~")
    assert [(f.label, f.old, f.new) for f in edit.fields] == [("状态", "推进中", "已完成")]
    assert edit.user == office and edit.reason == "Excel导入"
    html = client.get(reverse("task-detail", args=[task.pk])).content.decode()
    assert "变更记录" in html and "张科长" in html
    assert "<del>推进中</del> → <ins>已完成</ins>" in html
    assert "Excel导入" in html


def test_project_page_shows_a_field_change_with_old_and_new_values(
    client: Client, office: Any
) -> None:
    project = Project.objects.create(name="江城冷链物流中心", total_investment=Decimal("8.5"))
    project.total_investment = Decimal("12")
    project._history_user = office  # type: ignore[attr-defined]
    project.save()
    html = client.get(reverse("project-detail", args=[project.pk])).content.decode()
    assert "总投资(亿元)" in html
    assert "<del>8.5</del> → <ins>12</ins>" in html
    assert "系统" in html  # the creation had no user


def _age(model: Any, days: int) -> None:
    """Move every history row of MODEL DAYS back in time."""
    when = timezone.now() - dt.timedelta(days=days)
    model.history.all().update(history_date=when)


def test_change_log_filters_by_date_and_model_and_shows_deletes(
    client: Client, office: Any, units: None
) -> None:
    import_tasks([[1, "建设物流园", "市发改委", "推进中"]], office)
    for model in (Task, Assignment, Unit):
        _age(model, 40)
    project = Project.objects.create(name="江城冷链物流中心")
    project.delete()
    url = reverse("change-log")
    everything = client.get(url)
    assert everything.status_code == 200
    # two units, a task, its assignment, a project created and deleted
    assert everything.context["page_obj"].paginator.count == 6
    today = timezone.localdate()
    recent = client.get(url, {"since": (today - dt.timedelta(days=7)).isoformat()})
    assert [(c.model_key, c.kind) for c in recent.context["changes"]] == [
        ("projects.project", "-"),
        ("projects.project", "+"),
    ]
    assert "删除" in recent.content.decode()
    old = client.get(url, {"until": (today - dt.timedelta(days=30)).isoformat()})
    old_models = {c.model_key for c in old.context["changes"]}
    assert old_models == {"plans.task", "plans.assignment", "orgs.unit"}
    tasks = client.get(url, {"model": "plans.task"})
    changes = tasks.context["changes"]
    assert [c.object_label for c in changes] == ["1 建设物流园"]
    assert changes[0].url == reverse("task-detail", args=[Task.objects.get().pk])
    by_user = client.get(url, {"actor": office.pk})
    assert by_user.context["page_obj"].paginator.count == 2


def test_change_log_export_has_the_filtered_rows(client: Client, office: Any, units: None) -> None:
    import_tasks([[1, "建设物流园", "市发改委", "推进中"]], office)
    import_tasks([[1, "建设物流园", "市发改委", "已完成"]], office)
    Project.objects.create(name="江城冷链物流中心")
    response = client.get(reverse("change-log-export"), {"model": "plans.task"})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws is not None
    header = [c.value for c in ws[3]]
    assert header[:7] == ["序号", "时间", "操作人", "操作", "类型", "对象", "变更内容"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]]
    assert [(r[2], r[3], r[4]) for r in rows] == [
        ("张科长", "修改", "任务"),
        ("张科长", "新建", "任务"),
    ]
    assert rows[0][6] == "状态：推进中 → 已完成"


def test_change_log_is_for_those_who_see_everything(db: None) -> None:
    user = get_user_model().objects.create(username="someone")
    c = Client()
    c.force_login(user)
    assert c.get(reverse("change-log")).status_code == 403
    assert c.get(reverse("change-log-export")).status_code == 403


def test_change_log_query_unions_every_audited_model(office: Any) -> None:
    Project.objects.create(name="甲项目")
    Unit.objects.create(name="乙单位")
    assert change_log(office).count() == 2
