"""/api/documents: who may read, what the list and detail return."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.django_db


def routes(ledger: SimpleNamespace) -> list[str]:
    return ["/api/documents", f"/api/documents/{ledger.plan.pk}"]


def test_documents_refuse_anonymous_requests(client, api_ledger):
    for url in routes(api_ledger):
        assert client.get(url).status_code == 401, url


def test_documents_answer_a_signed_in_browser(api_session_client, api_ledger):
    for url in routes(api_ledger):
        assert api_session_client.get(url).status_code == 200, url


def test_documents_answer_a_bearer_token(api_bearer_client, api_ledger):
    for url in routes(api_ledger):
        assert api_bearer_client.get(url).status_code == 200, url


def test_document_list_counts_pages_and_leaves_out_the_text(api_session_client, api_ledger):
    body = api_session_client.get("/api/documents").json()
    assert body["count"] == 2
    assert all("text" not in item for item in body["items"])
    page = api_session_client.get("/api/documents", {"limit": 1}).json()
    assert page["count"] == 2
    assert len(page["items"]) == 1


def test_document_list_filters_by_kind_and_year(api_session_client, api_ledger):
    ledgers = api_session_client.get("/api/documents", {"kind": "ledger"}).json()
    assert [d["title"] for d in ledgers["items"]] == ["2025年重点项目清单"]
    in_2025 = api_session_client.get("/api/documents", {"year": 2025}).json()
    assert [d["title"] for d in in_2025["items"]] == ["江城市产业提升行动方案"]
    assert in_2025["items"][0]["task_count"] == 3


def test_document_list_searches_the_document_number(api_session_client, api_ledger):
    body = api_session_client.get("/api/documents", {"q": "江政发"}).json()
    assert body["count"] == 1
    assert body["items"][0]["doc_number"] == "江政发〔2025〕3号"


def test_document_detail_carries_the_full_text(api_session_client, api_ledger):
    body = api_session_client.get(f"/api/documents/{api_ledger.plan.pk}").json()
    assert body["text"] == api_ledger.plan.text
    assert body["kind_label"] == "规划/方案"
    assert body["issued_on"] == "2025-03-01"


def test_document_detail_of_an_unknown_id_is_404_json(api_session_client, api_ledger):
    response = api_session_client.get("/api/documents/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "A004"
