"""The admin: every registered model's list and add pages load; search finds by alias."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib import admin
from django.db.models import Model
from django.forms import modelform_factory
from django.urls import reverse

from tuijin.core.models import ApiToken, hash_token
from tuijin.industry.admin import ChainLeaderForm
from tuijin.industry.models import Enterprise
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.plans.models import Task
from tuijin.projects.models import Project

pytestmark = pytest.mark.django_db

OUR_APPS = {"core", "orgs", "geo", "industry", "documents", "plans", "projects"}
MODELS = sorted(
    (m for m in admin.site._registry if m._meta.app_label in OUR_APPS),
    key=lambda m: m._meta.label,
)


def _url(model: type[Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_domain_app_has_its_models_in_the_admin():
    assert {m._meta.app_label for m in MODELS} == OUR_APPS


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_changelist_and_add_page_load(api_admin_client, api_ledger, model):
    changelist = api_admin_client.get(_url(model, "changelist"))
    assert changelist.status_code == 200
    assert api_admin_client.get(_url(model, "add")).status_code == 200
    search = api_admin_client.get(_url(model, "changelist"), {"q": "江城"})
    assert search.status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_change_page_loads(api_admin_client, api_ledger, api_token, model):
    obj = model._default_manager.first()
    if obj is None:
        pytest.skip(f"no {model._meta.label} in the test region")
    assert api_admin_client.get(_url(model, "change", obj.pk)).status_code == 200
    if hasattr(model, "history"):
        assert api_admin_client.get(_url(model, "history", obj.pk)).status_code == 200


def _found(response: Any) -> list[str]:
    return [str(obj) for obj in response.context["cl"].result_list]


def test_unit_search_finds_a_former_name(api_admin_client, api_ledger):
    response = api_admin_client.get(_url(Unit, "changelist"), {"q": "计划委员会"})
    assert _found(response) == ["江城市发展和改革委员会"]


def test_task_search_finds_tasks_by_a_unit_alias(api_admin_client, api_ledger):
    response = api_admin_client.get(_url(Task, "changelist"), {"q": "发改委"})
    assert _found(response) == ["（一） 壮大新能源汽车集群"]


def test_project_search_finds_projects_by_lead_unit_short_alias(api_admin_client, api_ledger):
    UnitAlias.objects.create(unit=api_ledger.county, name="东山县府")
    response = api_admin_client.get(_url(Project, "changelist"), {"q": "东山县府"})
    assert _found(response) == ["绿色食品冷链物流中心"]


def test_adding_a_token_shows_it_once_and_stores_its_hash(api_admin_client, api_user):
    response = api_admin_client.post(
        _url(ApiToken, "add"), {"user": api_user.pk, "name": "导出脚本"}, follow=True
    )
    assert response.status_code == 200
    row = ApiToken.objects.get(user=api_user)
    text = " ".join(str(m) for m in response.context["messages"])
    [raw] = re.findall(r"tj_[\w-]{40,}", text)
    assert hash_token(raw) == row.key_hash
    assert row.name == "导出脚本"


def test_revoke_action_revokes_tokens(api_admin_client, api_token):
    row = ApiToken.objects.get()
    api_admin_client.post(
        _url(ApiToken, "changelist"),
        {"action": "revoke", "_selected_action": [row.pk]},
    )
    row.refresh_from_db()
    assert row.revoked


def test_enterprises_added_in_the_chain_leader_inline_are_chain_leaders(api_ledger):
    leader_form = modelform_factory(Enterprise, form=ChainLeaderForm, fields=["name", "cluster"])
    bound = leader_form({"name": "江城储能科技", "cluster": api_ledger.auto.pk})
    assert bound.is_valid(), bound.errors
    assert bound.save().chain_leader is True


def test_calendar_days_list_their_weekday(api_admin_client):
    import datetime as dt

    from tuijin.core.models import CalendarDay

    CalendarDay.objects.create(day=dt.date(2027, 2, 20), is_workday=True, note="调休上班")
    page = api_admin_client.get(_url(CalendarDay, "changelist")).content.decode()
    assert "星期六" in page and "调休上班" in page
