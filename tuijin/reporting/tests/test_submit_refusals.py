"""A refused submit says it was refused (an error with its code on the page, a 4xx in the API);
only a submit that went through reads 已报送."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.messages import constants
from django.test import Client
from django.urls import reverse

from tuijin.accounts.choices import Role
from tuijin.accounts.services import user_save
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind, SubmissionState
from tuijin.reporting.models import Submission

pytestmark = pytest.mark.django_db

SUCCESS = "已报送，等待办公室审核"


@pytest.fixture
def ready(region: SimpleNamespace) -> SimpleNamespace:
    """Unit A's June draft, every entry filled in, and a liaison of A signed in."""
    r = region
    cycle = services.cycle_create(
        name="半年报送", kind=CycleKind.SEMIANNUAL, starts_on=dt.date(2025, 1, 1)
    )
    r.period = services.period_open(
        cycle=cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30)
    )
    r.sub = services.submission_start(unit=r.a, period=r.period)
    for entry in r.sub.entries.all():
        services.entry_update(entry=entry, progress_text="按计划推进")
    r.liaison = Client()
    r.liaison.force_login(user_save(username="liaison_a", role=Role.LIAISON, unit=r.a))
    r.url = reverse("reporting-submission-edit", args=[r.sub.pk])
    return r


def _form(sub: Submission, action: str = "submit") -> dict[str, str]:
    sub = Submission.objects.get(pk=sub.pk)
    data = {"summary": sub.summary, "version": str(sub.version), "action": action}
    for entry in sub.entries.all():
        p = f"e{entry.pk}-"
        data[p + "progress_text"] = entry.progress_text
        data[p + "percent"] = str(entry.percent)
        data[p + "problem"] = entry.problem
        if entry.project_id:
            data[p + "investment_period"] = ""
            data[p + "investment_cumulative"] = ""
    return data


def _messages(response: Any) -> list[tuple[int, str]]:
    return [(m.level, str(m)) for m in response.context["messages"]]


def test_a_submit_that_went_through_says_so(ready: SimpleNamespace) -> None:
    response = ready.liaison.post(ready.url, _form(ready.sub), follow=True)
    assert (constants.SUCCESS, SUCCESS) in _messages(response)
    assert Submission.objects.get(pk=ready.sub.pk).state == SubmissionState.SUBMITTED


def test_a_submit_beaten_by_another_tab_is_shown_as_refused(
    ready: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another tab submits the report just before this one does: this one is refused with
    R031, as an error, in words that are not the success message."""
    real_submit = services.submission_submit

    def the_other_tab_was_faster(**kwargs: Any) -> Submission:
        real_submit(submission=kwargs["submission"])
        return real_submit(**kwargs)

    monkeypatch.setattr(services, "submission_submit", the_other_tab_was_faster)
    response = ready.liaison.post(ready.url, _form(ready.sub), follow=True)
    shown = _messages(response)
    assert [level for level, _ in shown] == [constants.ERROR]
    text = shown[0][1]
    assert "未能报送" in text and "R031" in text and text != SUCCESS


def test_a_submit_from_a_stale_page_after_the_report_was_sent_is_refused(
    ready: SimpleNamespace,
) -> None:
    stale = _form(ready.sub)
    services.submission_submit(submission=ready.sub)  # sent from another page meanwhile
    response = ready.liaison.post(ready.url, stale, follow=True)
    shown = _messages(response)
    assert [level for level, _ in shown] == [constants.ERROR]
    assert "未能报送" in shown[0][1] and "R011" in shown[0][1]
    assert SUCCESS not in response.content.decode()
    assert "按计划推进" in response.content.decode()  # the input is still on the page


def test_an_incomplete_submit_is_refused_with_its_code(ready: SimpleNamespace) -> None:
    data = _form(ready.sub)
    first = ready.sub.entries.first()
    data[f"e{first.pk}-progress_text"] = ""
    response = ready.liaison.post(ready.url, data)
    assert response.status_code == 200
    shown = _messages(response)
    assert [level for level, _ in shown] == [constants.ERROR]
    assert "未能报送" in shown[0][1] and "R033" in shown[0][1]
    assert Submission.objects.get(pk=ready.sub.pk).state == SubmissionState.DRAFT


def test_the_api_submits_and_answers_a_refusal_with_a_4xx_and_its_code(
    ready: SimpleNamespace,
) -> None:
    url = f"/api/submissions/{ready.sub.pk}/submit"
    response = ready.liaison.post(url, {}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "submitted"

    again = ready.liaison.post(url, {}, content_type="application/json")
    assert again.status_code == 400
    assert again.json()["code"] == "R031" and again.json()["detail"] != SUCCESS


def test_the_api_refuses_an_incomplete_or_stale_submit(ready: SimpleNamespace) -> None:
    url = f"/api/submissions/{ready.sub.pk}/submit"
    stale = Submission.objects.get(pk=ready.sub.pk).version
    services.submission_update(submission=ready.sub, summary="他人刚改过")
    response = ready.liaison.post(url, {"version": stale}, content_type="application/json")
    assert response.status_code == 409 and response.json()["code"] == "R037"

    services.entry_update(entry=ready.sub.entries.first(), progress_text="")
    response = ready.liaison.post(url, {}, content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "R033"
    assert Submission.objects.get(pk=ready.sub.pk).state == SubmissionState.DRAFT


def test_only_the_unit_and_the_office_submit_through_the_api(ready: SimpleNamespace) -> None:
    url = f"/api/submissions/{ready.sub.pk}/submit"
    leader = Client()
    leader.force_login(user_save(username="leader", role=Role.LEADER))
    assert leader.post(url, {}, content_type="application/json").status_code == 403
    other = Client()
    other.force_login(user_save(username="liaison_c", role=Role.LIAISON, unit=ready.c))
    assert other.post(url, {}, content_type="application/json").status_code in (403, 404)
    assert Submission.objects.get(pk=ready.sub.pk).state == SubmissionState.DRAFT
