"""/api/clusters: who may read, what the list and detail (chains, links, leaders) return."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.django_db


def routes(ledger: SimpleNamespace) -> list[str]:
    return ["/api/clusters", f"/api/clusters/{ledger.auto.pk}"]


def test_clusters_refuse_anonymous_requests(client, api_ledger):
    for url in routes(api_ledger):
        assert client.get(url).status_code == 401, url


def test_clusters_answer_a_signed_in_browser(api_session_client, api_ledger):
    for url in routes(api_ledger):
        assert api_session_client.get(url).status_code == 200, url


def test_clusters_answer_a_bearer_token(api_bearer_client, api_ledger):
    for url in routes(api_ledger):
        assert api_bearer_client.get(url).status_code == 200, url


def test_cluster_list_counts_and_pages(api_session_client, api_ledger):
    body = api_session_client.get("/api/clusters").json()
    assert body["count"] == 2
    assert {c["name"] for c in body["items"]} == {"新能源汽车产业集群", "绿色食品产业集群"}
    page = api_session_client.get("/api/clusters", {"limit": 1, "offset": 1}).json()
    assert page["count"] == 2
    assert len(page["items"]) == 1


def test_cluster_list_filters_by_tier(api_session_client, api_ledger):
    body = api_session_client.get("/api/clusters", {"tier": "1000"}).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["name"] == "新能源汽车产业集群"
    assert item["tier_label"] == "千亿级"
    assert item["chain_count"] == 1
    assert item["project_count"] == 1
    assert item["lead_unit"]["name"] == "江城市工业和信息化局"


def test_cluster_list_rejects_a_bad_offset(api_session_client, api_ledger):
    response = api_session_client.get("/api/clusters", {"offset": -1})
    assert response.status_code == 400
    assert "offset" in response.json()["errors"]


def test_cluster_detail_has_chains_links_upstream_first_and_leaders(api_session_client, api_ledger):
    body = api_session_client.get(f"/api/clusters/{api_ledger.auto.pk}").json()
    [chain] = body["chains"]
    assert chain["name"] == "新能源汽车产业链"
    assert [link["name"] for link in chain["links"]] == ["动力电池", "整车制造"]
    assert chain["links"][0]["position"] == "upstream"
    assert chain["links"][1]["enterprises"][0]["name"] == "江城汽车集团"
    assert [e["name"] for e in body["chain_leaders"]] == ["江城汽车集团"]
    assert body["chain_leaders"][0]["area"]["name"] == "江城高新区"
    assert [a["name"] for a in body["areas"]] == ["江城高新区"]


def test_cluster_detail_of_an_unknown_id_is_404_json(api_session_client, api_ledger):
    response = api_session_client.get("/api/clusters/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "A004"
