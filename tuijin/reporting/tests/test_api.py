"""/api/cycles, /api/submissions, /api/warnings, and the light on task and project list rows."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tuijin.accounts.choices import Role
from tuijin.accounts.services import user_save
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind, WarningLevel
from tuijin.reporting.models import Warning

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(region: SimpleNamespace, office: Any) -> SimpleNamespace:
    r = region
    r.cycle = services.cycle_create(
        name="重点工作半年报送", kind=CycleKind.SEMIANNUAL, starts_on=dt.date(2025, 1, 1)
    )
    r.monthly = services.cycle_create(
        name="项目月报", kind=CycleKind.MONTHLY, starts_on=dt.date(2025, 1, 1), active=False
    )
    r.period = services.period_open(
        cycle=r.cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30)
    )
    r.sub_a = services.submission_start(unit=r.a, period=r.period)
    r.sub_b = services.submission_start(unit=r.b, period=r.period)
    for entry in r.sub_b.entries.all():
        services.entry_update(entry=entry, progress_text="按计划推进", percent=60)
    services.entry_update(entry=r.sub_b.entries.first(), problem="资金缺口 2 亿元")
    services.submission_submit(submission=r.sub_b)
    now = timezone.now()
    r.red = Warning.objects.create(
        task=r.t1,
        level=WarningLevel.RED,
        reason="已超过完成时限，进度 10%",
        figures={"progress": 10},
        changed_at=now,
        computed_at=now,
    )
    r.yellow = Warning.objects.create(
        project=r.p1,
        level=WarningLevel.YELLOW,
        reason="投资完成低于序时进度 20%",
        changed_at=now,
        computed_at=now,
    )
    return r


@pytest.fixture
def api(office: Any) -> Client:
    client = Client()
    client.force_login(office)
    return client


def routes(w: SimpleNamespace) -> list[str]:
    return [
        "/api/cycles",
        f"/api/cycles/{w.cycle.pk}",
        "/api/submissions",
        f"/api/submissions/{w.sub_b.pk}",
        "/api/warnings",
        f"/api/warnings/{w.red.pk}",
    ]


def test_anonymous_requests_are_refused(client: Client, world: SimpleNamespace) -> None:
    for url in routes(world):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response.json()["code"] == "A003"


def test_unknown_ids_are_404(api: Client, world: SimpleNamespace) -> None:
    for url in ("/api/cycles/999999", "/api/submissions/999999", "/api/warnings/999999"):
        response = api.get(url)
        assert response.status_code == 404, url
        assert response.json()["code"] == "A004"


def test_cycles_list_filters_and_detail_with_periods(api: Client, world: SimpleNamespace) -> None:
    body = api.get("/api/cycles").json()
    assert body["count"] == 2
    assert {c["name"] for c in body["items"]} == {"重点工作半年报送", "项目月报"}
    body = api.get("/api/cycles", {"active": "true"}).json()
    assert [c["name"] for c in body["items"]] == ["重点工作半年报送"]
    assert body["items"][0]["kind_label"] == "半年（6月和12月）"
    assert api.get("/api/cycles", {"q": "月报"}).json()["count"] == 1
    body = api.get("/api/cycles", {"limit": 1, "offset": 1}).json()
    assert body["count"] == 2 and len(body["items"]) == 1
    detail = api.get(f"/api/cycles/{world.cycle.pk}").json()
    assert detail["period_count"] == 1
    (period,) = detail["periods"]
    assert period["label"] == "2025年上半年"
    assert period["submitted_count"] == 1 and period["late_count"] == 1
    assert period["url"].endswith(f"/reporting/periods/{world.period.pk}/")


def test_submissions_list_with_filters(api: Client, world: SimpleNamespace) -> None:
    body = api.get("/api/submissions").json()
    assert body["count"] == 2
    assert api.get("/api/submissions", {"state": "submitted"}).json()["count"] == 1
    body = api.get("/api/submissions", {"unit": world.b.pk}).json()
    (row,) = body["items"]
    assert row["unit"]["name"] == world.b.name
    assert row["state"] == "submitted" and row["late"] is True
    assert row["problem_count"] == 1 and row["entry_count"] == 3
    assert row["cycle"]["name"] == "重点工作半年报送"
    assert api.get("/api/submissions", {"period": world.period.pk}).json()["count"] == 2
    assert api.get("/api/submissions", {"q": "工信"}).json()["count"] == 1


def test_submission_detail_has_entries(api: Client, world: SimpleNamespace) -> None:
    body = api.get(f"/api/submissions/{world.sub_b.pk}").json()
    assert body["state_label"] == "已报送"
    assert len(body["entries"]) == 3
    tasks = [e for e in body["entries"] if e["task"]]
    projects = [e for e in body["entries"] if e["project"]]
    assert tasks and projects
    assert {e["progress_text"] for e in body["entries"]} == {"按计划推进"}
    assert "资金缺口 2 亿元" in {e["problem"] for e in body["entries"]}
    assert body["attachments"] == []


def test_invalid_filters_are_400(api: Client, world: SimpleNamespace) -> None:
    response = api.get("/api/submissions", {"state": "nonsense"})
    assert response.status_code == 400
    assert "state" in response.json()["errors"]
    assert api.get("/api/warnings", {"level": "purple"}).status_code == 400


def test_warnings_list_reds_first_filters_and_figures(api: Client, world: SimpleNamespace) -> None:
    body = api.get("/api/warnings").json()
    assert [w["level"] for w in body["items"]] == ["red", "yellow"]
    red = body["items"][0]
    assert red["kind"] == "task" and red["subject"]["name"] == str(world.t1)
    assert red["figures"] == {"progress": 10} and "进度 10%" in red["reason"]
    assert api.get("/api/warnings", {"level": "yellow"}).json()["count"] == 1
    assert api.get("/api/warnings", {"kind": "project"}).json()["count"] == 1
    assert api.get("/api/warnings", {"unit": world.c.pk}).json()["count"] == 0


def test_task_and_project_lists_carry_the_warning_level(
    api: Client, world: SimpleNamespace
) -> None:
    tasks = {t["id"]: t for t in api.get("/api/tasks", {"limit": 100}).json()["items"]}
    assert tasks[world.t1.pk]["warning_level"] == "red"
    assert "已超过完成时限" in tasks[world.t1.pk]["warning_reason"]
    assert tasks[world.t2.pk]["warning_level"] is None
    projects = {p["id"]: p for p in api.get("/api/projects").json()["items"]}
    assert projects[world.p1.pk]["warning_level"] == "yellow"
    assert projects[world.p2.pk]["warning_level"] is None
    detail = api.get(f"/api/tasks/{world.t1.pk}").json()
    assert detail["warning_level"] == "red"


def test_a_liaison_sees_only_its_own_units_submissions(world: SimpleNamespace) -> None:
    user = user_save(username="liaison_a", role=Role.LIAISON, unit=world.a)
    client = Client()
    client.force_login(user)
    body = client.get("/api/submissions").json()
    assert [s["unit"]["id"] for s in body["items"]] == [world.a.pk]
    assert client.get(f"/api/submissions/{world.sub_b.pk}").status_code in (403, 404)


def test_a_warning_outside_a_liaisons_scope_is_refused_not_hidden(world: SimpleNamespace) -> None:
    user = user_save(username="liaison_c", role=Role.LIAISON, unit=world.c)
    client = Client()
    client.force_login(user)
    response = client.get(f"/api/warnings/{world.red.pk}")  # t1 is A's and B's task
    assert response.status_code == 403
    assert response.json()["code"] == "A005"
    assert client.get("/api/warnings/999999").status_code == 404
    owner = user_save(username="liaison_b", role=Role.LIAISON, unit=world.b)
    client.force_login(owner)
    assert client.get(f"/api/warnings/{world.red.pk}").json()["level"] == "red"


def test_the_submissions_list_counts_entries_per_row_not_in_one_grouped_join(
    api: Client, world: SimpleNamespace
) -> None:
    """Counted for the page's rows by subqueries; a GROUP BY over every submission joined with
    every entry took 0.6 s at 56,000 submissions."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        body = api.get("/api/submissions", {"unit": world.b.pk}).json()
    (row,) = body["items"]
    assert row["problem_count"] == 1 and row["entry_count"] == 3
    listing = [
        q["sql"] for q in captured.captured_queries if 'FROM "reporting_submission"' in q["sql"]
    ]
    assert listing and not any(
        "GROUP BY" in sql.split("FROM", 1)[0] + sql[-400:] for sql in listing
    )
