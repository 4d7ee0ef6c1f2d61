"""/api/projects: who may read, what the list and detail return."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.django_db


def routes(ledger: SimpleNamespace) -> list[str]:
    return ["/api/projects", f"/api/projects/{ledger.car_base.pk}"]


def test_projects_refuse_anonymous_requests(client, api_ledger):
    for url in routes(api_ledger):
        assert client.get(url).status_code == 401, url


def test_projects_answer_a_signed_in_browser(api_session_client, api_ledger):
    for url in routes(api_ledger):
        assert api_session_client.get(url).status_code == 200, url


def test_projects_answer_a_bearer_token(api_bearer_client, api_ledger):
    for url in routes(api_ledger):
        assert api_bearer_client.get(url).status_code == 200, url


def test_project_list_counts_and_pages_largest_first(api_session_client, api_ledger):
    body = api_session_client.get("/api/projects").json()
    assert body["count"] == 2
    assert [p["name"] for p in body["items"]] == ["新能源汽车整车生产基地", "绿色食品冷链物流中心"]
    page = api_session_client.get("/api/projects", {"limit": 1, "offset": 1}).json()
    assert page["count"] == 2
    assert [p["name"] for p in page["items"]] == ["绿色食品冷链物流中心"]


def test_project_list_filters_by_stage_unit_and_investment(api_session_client, api_ledger):
    new = api_session_client.get("/api/projects", {"stage": "new"}).json()
    assert [p["name"] for p in new["items"]] == ["新能源汽车整车生产基地"]
    by_fgw = api_session_client.get("/api/projects", {"unit": api_ledger.fgw.pk}).json()
    assert [p["name"] for p in by_fgw["items"]] == ["新能源汽车整车生产基地"]
    small = api_session_client.get("/api/projects", {"investment_max": 10}).json()
    assert [p["name"] for p in small["items"]] == ["绿色食品冷链物流中心"]


def test_project_list_rejects_an_unknown_stage(api_session_client, api_ledger):
    response = api_session_client.get("/api/projects", {"stage": "dreaming"})
    assert response.status_code == 400
    assert "stage" in response.json()["errors"]


def test_project_detail_has_its_links_plans_and_progress(api_session_client, api_ledger):
    body = api_session_client.get(f"/api/projects/{api_ledger.car_base.pk}").json()
    assert body["area"]["name"] == "江城高新区"
    assert body["cluster"]["name"] == "新能源汽车产业集群"
    assert body["lead_unit"]["id"] == api_ledger.gxj.pk
    assert [u["name"] for u in body["responsible_units"]] == ["江城市发展和改革委员会"]
    assert body["stage_label"] == "新开工"
    assert body["project_list"] == "construction"
    assert body["total_investment"] == "120.0000"
    assert body["annual_plans"] == [
        {"year": 2025, "planned_investment": "30.0000", "milestones": ""}
    ]
    [report] = body["progress_reports"]
    assert (report["year"], report["month"]) == (2025, 6)
    assert report["cumulative_investment"] == "15.0000"
    assert report["reported_by"]["name"] == "江城市工业和信息化局"
    assert [e["name"] for e in body["events"]] == ["二季度集中开工"]


def test_project_detail_of_an_unknown_id_is_404_json(api_session_client, api_ledger):
    response = api_session_client.get("/api/projects/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "A004"


def test_project_list_deep_offsets_find_their_keys_first(
    api_session_client, api_ledger, monkeypatch
):
    """Past listing.DEEP_OFFSET the page's ids are read first, then only those rows joined:
    the same items as one OFFSET query, without joining every skipped row."""
    from decimal import Decimal

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tuijin.core import listing
    from tuijin.projects.models import Project

    for i in range(30):
        Project.objects.create(name=f"偏移项目{i:02d}", total_investment=Decimal(i % 4))
    shallow = api_session_client.get("/api/projects", {"limit": 10, "offset": 12}).json()
    monkeypatch.setattr(listing, "DEEP_OFFSET", 10)
    with CaptureQueriesContext(connection) as captured:
        deep = api_session_client.get("/api/projects", {"limit": 10, "offset": 12}).json()
    assert [p["id"] for p in deep["items"]] == [p["id"] for p in shallow["items"]]
    assert deep["count"] == shallow["count"]
    offsets = [q["sql"] for q in captured.captured_queries if "OFFSET 12" in q["sql"]]
    assert len(offsets) == 1 and '"geo_area"' not in offsets[0]
