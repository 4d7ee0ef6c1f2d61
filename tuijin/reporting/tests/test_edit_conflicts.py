"""Two people editing the same draft: the second save, made on a form opened before the first
one was saved, is refused (R037) with the user's input kept, never merged into the first."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.accounts.choices import Role
from tuijin.accounts.services import user_save
from tuijin.core.errors import ServiceError
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind
from tuijin.reporting.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(region: SimpleNamespace) -> SimpleNamespace:
    """Unit A's draft for June and two of A's liaisons, each with a browser."""
    r = region
    cycle = services.cycle_create(
        name="半年报送", kind=CycleKind.SEMIANNUAL, starts_on=dt.date(2025, 1, 1)
    )
    r.period = services.period_open(
        cycle=cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30)
    )
    r.sub = services.submission_start(unit=r.a, period=r.period)
    r.task_entry = r.sub.entries.get(task=r.t1)
    r.project_entry = r.sub.entries.get(project=r.p1)
    r.zhang, r.li = Client(), Client()
    r.zhang.force_login(user_save(username="liaison_zhang", role=Role.LIAISON, unit=r.a))
    r.li.force_login(user_save(username="liaison_li", role=Role.LIAISON, unit=r.a))
    r.url = reverse("reporting-submission-edit", args=[r.sub.pk])
    return r


def _opened_form(client: Client, url: str) -> dict[str, str]:
    """What the edit page sends back when nothing is changed: every field as the page shows
    it, the hidden version included."""
    context = client.get(url).context
    data = {"summary": context["form"].initial["summary"], "version": str(context["version"])}
    for ef in context["entry_forms"]:
        for name in ef.fields:
            value = ef.initial.get(name)
            if name == "blocked":
                if value:
                    data[ef.add_prefix(name)] = "on"
                continue
            data[ef.add_prefix(name)] = "" if value is None else str(value)
    for ff in context["figure_forms"]:
        for name in ff.fields:
            value = ff.initial.get(name)
            data[ff.add_prefix(name)] = "" if value is None else str(value)
    return data


def _version(sub: Submission) -> int:
    return int(Submission.objects.values_list("version", flat=True).get(pk=sub.pk))


def test_every_change_raises_the_version(draft: SimpleNamespace) -> None:
    before = _version(draft.sub)
    services.entry_update(entry=draft.task_entry, progress_text="已完成选址")
    after_entry = _version(draft.sub)
    services.submission_update(submission=draft.sub, summary="总体推进顺利")
    after_summary = _version(draft.sub)
    assert before < after_entry < after_summary


def test_the_edit_page_carries_the_version_in_a_hidden_field(draft: SimpleNamespace) -> None:
    html = draft.zhang.get(draft.url).content.decode()
    assert f'<input type="hidden" name="version" value="{_version(draft.sub)}">' in html


def test_a_save_on_a_form_opened_before_anothers_save_is_refused_and_not_merged(
    draft: SimpleNamespace,
) -> None:
    t, p = f"e{draft.task_entry.pk}-", f"e{draft.project_entry.pk}-"
    zhang = _opened_form(draft.zhang, draft.url)
    li = _opened_form(draft.li, draft.url)  # both open the same draft

    zhang.update({t + "progress_text": "张：已完成选址", "action": "save"})
    assert draft.zhang.post(draft.url, zhang).status_code == 302

    li.update({p + "progress_text": "李：主体厂房封顶", p + "percent": "40", "action": "save"})
    response = draft.li.post(draft.url, li)

    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    assert "R037" in html and "已被他人修改" in html
    assert "李：主体厂房封顶" in html  # Li's input is still on the page
    error = [m for m in response.context["messages"] if "R037" in str(m)]
    assert error and error[0].level_tag == "error"
    draft.project_entry.refresh_from_db()
    draft.task_entry.refresh_from_db()
    assert draft.project_entry.progress_text == ""  # nothing of Li's save was written
    assert draft.task_entry.progress_text == "张：已完成选址"  # Zhang's save stands alone


def test_after_a_conflict_a_deliberate_second_save_stores_what_the_page_shows(
    draft: SimpleNamespace,
) -> None:
    t, p = f"e{draft.task_entry.pk}-", f"e{draft.project_entry.pk}-"
    zhang = _opened_form(draft.zhang, draft.url)
    li = _opened_form(draft.li, draft.url)
    zhang.update({t + "progress_text": "张：已完成选址", "action": "save"})
    draft.zhang.post(draft.url, zhang)
    li.update({p + "progress_text": "李：主体厂房封顶", "action": "save"})
    refused = draft.li.post(draft.url, li)
    li["version"] = str(refused.context["version"])  # the re-shown form's hidden version
    assert li["version"] == str(_version(draft.sub))

    assert draft.li.post(draft.url, li).status_code == 302
    draft.project_entry.refresh_from_db()
    draft.task_entry.refresh_from_db()
    assert draft.project_entry.progress_text == "李：主体厂房封顶"
    assert draft.task_entry.progress_text == ""  # the page Li saw, not a mix of both


def test_a_form_without_its_version_is_not_saved(draft: SimpleNamespace) -> None:
    data = _opened_form(draft.zhang, draft.url)
    del data["version"]
    data.update({"summary": "无版本号", "action": "save"})
    response = draft.zhang.post(draft.url, data)
    assert response.status_code == 200 and "R037" in response.content.decode()
    draft.sub.refresh_from_db()
    assert draft.sub.summary == ""


def test_the_service_refuses_a_stale_version_and_writes_nothing(draft: SimpleNamespace) -> None:
    stale = _version(draft.sub)
    services.submission_update(submission=draft.sub, summary="第一版")

    def changes(locked: Submission) -> bool:
        services.entry_update(entry=draft.task_entry, progress_text="不应写入")
        return True

    with pytest.raises(ServiceError) as exc:
        services.submission_edit(submission=draft.sub, version=stale, changes=changes)
    assert exc.value.code == "R037"
    with pytest.raises(ServiceError) as exc:
        services.submission_submit(submission=draft.sub, version=stale)
    assert exc.value.code == "R037"
    draft.task_entry.refresh_from_db()
    assert draft.task_entry.progress_text == ""


def test_the_api_carries_the_version_and_refuses_a_stale_one_with_409(
    draft: SimpleNamespace,
) -> None:
    api = draft.zhang
    url = f"/api/submissions/{draft.sub.pk}"
    version = api.get(url).json()["version"]
    assert version == _version(draft.sub)
    body = {
        "version": version,
        "summary": "张的总体情况",
        "entries": [{"id": draft.task_entry.pk, "progress_text": "张：已完成选址", "percent": 20}],
    }
    saved = api.patch(url, body, content_type="application/json")
    assert saved.status_code == 200, saved.content
    assert saved.json()["version"] > version and saved.json()["summary"] == "张的总体情况"

    stale = {"version": version, "entries": [{"id": draft.task_entry.pk, "progress_text": "李"}]}
    refused = draft.li.patch(url, stale, content_type="application/json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "R037" and "已被他人修改" in refused.json()["detail"]
    draft.task_entry.refresh_from_db()
    assert draft.task_entry.progress_text == "张：已完成选址" and draft.task_entry.percent == 20


def test_the_api_refuses_an_entry_of_another_report(draft: SimpleNamespace, region: Any) -> None:
    other = services.submission_start(unit=region.b, period=draft.period)
    entry = other.entries.get(task=region.t2)
    body = {"version": _version(draft.sub), "entries": [{"id": entry.pk, "progress_text": "x"}]}
    response = draft.zhang.patch(
        f"/api/submissions/{draft.sub.pk}", body, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["code"] == "R024"
