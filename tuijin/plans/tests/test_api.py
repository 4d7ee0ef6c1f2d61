"""/api/tasks and /api/targets: who may read, what the lists and details return."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.django_db


def routes(ledger: SimpleNamespace) -> list[str]:
    return [
        "/api/tasks",
        f"/api/tasks/{ledger.task_auto.pk}",
        "/api/targets",
        f"/api/targets/{ledger.gdp_base.pk}",
    ]


def test_tasks_and_targets_refuse_anonymous_requests(client, api_ledger):
    for url in routes(api_ledger):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response.json()["code"] == "A003"


def test_tasks_and_targets_answer_a_signed_in_browser(api_session_client, api_ledger):
    for url in routes(api_ledger):
        assert api_session_client.get(url).status_code == 200, url


def test_tasks_and_targets_answer_a_bearer_token(api_bearer_client, api_ledger):
    for url in routes(api_ledger):
        assert api_bearer_client.get(url).status_code == 200, url


# Tasks


def test_task_list_counts_and_pages_in_plan_order(api_session_client, api_ledger):
    body = api_session_client.get("/api/tasks").json()
    assert body["count"] == 3
    assert [t["code"] for t in body["items"]] == ["（一）", "（二）", "（三）"]
    page = api_session_client.get("/api/tasks", {"limit": 2, "offset": 1}).json()
    assert page["count"] == 3
    assert [t["code"] for t in page["items"]] == ["（二）", "（三）"]


def test_task_list_filters_by_unit_and_role(api_session_client, api_ledger):
    gxj = api_ledger.gxj.pk
    any_role = api_session_client.get("/api/tasks", {"unit": gxj}).json()
    assert [t["title"] for t in any_role["items"]] == ["壮大新能源汽车集群"]
    as_lead = api_session_client.get("/api/tasks", {"unit": gxj, "role": "lead"}).json()
    assert as_lead["count"] == 0


def test_task_list_filters_by_status(api_session_client, api_ledger):
    body = api_session_client.get("/api/tasks", {"status": "done"}).json()
    assert [t["title"] for t in body["items"]] == ["完成年度评估"]


def test_task_list_rejects_an_unknown_unit(api_session_client, api_ledger):
    response = api_session_client.get("/api/tasks", {"unit": 999999, "deadline_after": "soon"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "A001"
    assert set(body["errors"]) == {"unit", "deadline_after"}


def test_task_detail_has_assignments_deadline_and_source(api_session_client, api_ledger):
    body = api_session_client.get(f"/api/tasks/{api_ledger.task_auto.pk}").json()
    assert body["section"] == "二、重点任务"
    assert body["deadline"] == "2025-12-31"
    assert body["status"] == "in_progress"
    assert body["status_label"] == "推进中"
    units = [(a["unit"]["id"], a["unit"]["name"], a["role"]) for a in body["assignments"]]
    assert units == [
        (api_ledger.fgw.pk, "江城市发展和改革委员会", "lead"),
        (api_ledger.gxj.pk, "江城市工业和信息化局", "responsible"),
    ]
    source = body["source"]
    assert source["document"]["id"] == api_ledger.plan.pk
    assert source["text"] == "壮大新能源汽车集群"
    text = api_ledger.plan.text
    assert text[source["start"] : source["end"]] == "壮大新能源汽车集群"
    assert source["sentence"].startswith("（一）壮大新能源汽车集群")


def test_task_detail_without_a_source_says_so(api_session_client, api_ledger):
    body = api_session_client.get(f"/api/tasks/{api_ledger.task_done.pk}").json()
    assert body["source"] is None
    assert body["assignments"] == []


def test_task_detail_of_an_unknown_id_is_404_json(api_session_client, api_ledger):
    response = api_session_client.get("/api/tasks/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "A004"


# Targets


def test_target_list_counts_and_pages(api_session_client, api_ledger):
    body = api_session_client.get("/api/targets").json()
    assert body["count"] == 3
    page = api_session_client.get("/api/targets", {"limit": 2, "offset": 2}).json()
    assert page["count"] == 3
    assert len(page["items"]) == 1


def test_target_list_filters_by_tier_and_cluster(api_session_client, api_ledger):
    stretch = api_session_client.get("/api/targets", {"tier": "stretch"}).json()
    assert [t["value"] for t in stretch["items"]] == ["3200.0000"]
    auto = api_session_client.get("/api/targets", {"cluster": api_ledger.auto.pk}).json()
    assert [t["indicator"]["name"] for t in auto["items"]] == ["规上工业增加值增速"]


def test_target_list_rejects_a_non_numeric_year(api_session_client, api_ledger):
    response = api_session_client.get("/api/targets", {"year": "明年"})
    assert response.status_code == 400
    assert "year" in response.json()["errors"]


def test_target_detail_has_indicator_tier_value_year_and_place(api_session_client, api_ledger):
    body = api_session_client.get(f"/api/targets/{api_ledger.gdp_stretch.pk}").json()
    assert body["indicator"]["name"] == "地区生产总值"
    assert body["tier"] == "stretch"
    assert body["tier_label"] == "争取值"
    assert body["kind"] == "target"
    assert body["value"] == "3200.0000"
    assert body["unit"] == "亿元"
    assert body["display_value"] == "3200亿元"
    assert body["year"] == 2027
    assert body["area"]["name"] == "江城市"
    assert body["cluster"] is None


def test_target_detail_of_an_unknown_id_is_404_json(api_session_client, api_ledger):
    response = api_session_client.get("/api/targets/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "A004"
