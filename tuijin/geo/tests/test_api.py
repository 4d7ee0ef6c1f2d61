"""/api/areas: who may read, what the list and detail return."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.django_db


def routes(ledger: SimpleNamespace) -> list[str]:
    return ["/api/areas", f"/api/areas/{ledger.zone.pk}"]


def test_areas_refuse_anonymous_requests(client, api_ledger):
    for url in routes(api_ledger):
        assert client.get(url).status_code == 401, url


def test_areas_answer_a_signed_in_browser(api_session_client, api_ledger):
    for url in routes(api_ledger):
        assert api_session_client.get(url).status_code == 200, url


def test_areas_answer_a_bearer_token(api_bearer_client, api_ledger):
    for url in routes(api_ledger):
        assert api_bearer_client.get(url).status_code == 200, url


def test_area_list_counts_and_pages(api_session_client, api_ledger):
    body = api_session_client.get("/api/areas").json()
    assert body["count"] == 3
    assert len(body["items"]) == 3
    page = api_session_client.get("/api/areas", {"o": "name", "limit": 2, "offset": 2}).json()
    assert page["count"] == 3
    assert len(page["items"]) == 1


def test_area_list_filters_by_layout_role_and_parent(api_session_client, api_ledger):
    core = api_session_client.get("/api/areas", {"layout_role": "core"}).json()
    assert [a["name"] for a in core["items"]] == ["江城高新区"]
    children = api_session_client.get("/api/areas", {"parent": api_ledger.city.pk}).json()
    assert {a["name"] for a in children["items"]} == {"东山县", "江城高新区"}


def test_area_list_rejects_an_unknown_kind(api_session_client, api_ledger):
    response = api_session_client.get("/api/areas", {"kind": "galaxy"})
    assert response.status_code == 400
    assert "kind" in response.json()["errors"]


def test_area_detail_has_parent_and_layout_role(api_session_client, api_ledger):
    body = api_session_client.get(f"/api/areas/{api_ledger.dongshan.pk}").json()
    assert body["parent"]["id"] == api_ledger.city.pk
    assert body["parent"]["name"] == "江城市"
    assert body["layout_role"] == "wing"
    assert body["layout_role_label"] == "两翼"
    assert body["managing_unit"]["name"] == "东山县人民政府"


def test_area_detail_lists_children_and_clusters(api_session_client, api_ledger):
    city = api_session_client.get(f"/api/areas/{api_ledger.city.pk}").json()
    assert {c["name"] for c in city["children"]} == {"东山县", "江城高新区"}
    zone = api_session_client.get(f"/api/areas/{api_ledger.zone.pk}").json()
    assert [c["name"] for c in zone["clusters"]] == ["新能源汽车产业集群"]


def test_area_detail_of_an_unknown_id_is_404_json(api_session_client, api_ledger):
    response = api_session_client.get("/api/areas/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "A004"
