"""/api/units: who may read, what the list and detail return."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tuijin.orgs.models import Unit, UnitAlias
from tuijin.plans.models import Assignment, Task

pytestmark = pytest.mark.django_db


def routes(ledger: SimpleNamespace) -> list[str]:
    return ["/api/units", f"/api/units/{ledger.fgw.pk}"]


def test_units_refuse_anonymous_requests(client, api_ledger):
    for url in routes(api_ledger):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response.json()["code"] == "A003"


def test_units_answer_a_signed_in_browser(api_session_client, api_ledger):
    for url in routes(api_ledger):
        assert api_session_client.get(url).status_code == 200, url


def test_units_answer_a_bearer_token(api_bearer_client, api_ledger):
    for url in routes(api_ledger):
        assert api_bearer_client.get(url).status_code == 200, url


def test_unit_list_counts_and_pages(api_session_client, api_ledger):
    body = api_session_client.get("/api/units").json()
    assert body["count"] == 3
    assert len(body["items"]) == 3
    first = api_session_client.get("/api/units", {"o": "name", "limit": 1}).json()
    second = api_session_client.get("/api/units", {"o": "name", "limit": 1, "offset": 1}).json()
    assert first["count"] == second["count"] == 3
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_unit_list_search_finds_a_unit_by_its_alias(api_session_client, api_ledger):
    body = api_session_client.get("/api/units", {"q": "计划委员会"}).json()
    assert body["count"] == 1
    assert body["items"][0]["name"] == "江城市发展和改革委员会"


def test_unit_list_filters_by_kind(api_session_client, api_ledger):
    body = api_session_client.get("/api/units", {"kind": "county_government"}).json()
    assert [u["name"] for u in body["items"]] == ["东山县人民政府"]
    assert body["items"][0]["kind_label"] == "县区政府"


def test_unit_list_counts_tasks_and_projects(api_session_client, api_ledger):
    body = api_session_client.get("/api/units", {"q": "发改委"}).json()
    item = body["items"][0]
    assert item["lead_task_count"] == 1
    assert item["alias_count"] == 2


def test_unit_list_rejects_invalid_filters_with_the_errors(api_session_client, api_ledger):
    response = api_session_client.get("/api/units", {"kind": "planet", "limit": 501})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "A001"
    assert set(body["errors"]) == {"kind", "limit"}


def test_unit_detail_lists_aliases(api_session_client, api_ledger):
    body = api_session_client.get(f"/api/units/{api_ledger.fgw.pk}").json()
    assert body["name"] == "江城市发展和改革委员会"
    aliases = {a["name"]: a for a in body["aliases"]}
    assert set(aliases) == {"发改委", "江城市计划委员会"}
    assert aliases["江城市计划委员会"]["kind"] == "former"
    assert aliases["江城市计划委员会"]["valid_to"] == "2003-06-30"


def test_unit_detail_of_an_unknown_id_is_404_json(api_session_client, api_ledger):
    response = api_session_client.get("/api/units/999999")
    assert response.status_code == 404
    assert response.json()["code"] == "A004"


def _unit_list_queries(client, count: int, start: int = 0) -> list[str]:
    task = Task.objects.first()
    assert task is not None
    for i in range(start, start + count):
        unit = Unit.objects.create(name=f"测试局{i:02d}")
        UnitAlias.objects.create(unit=unit, name=f"测试别名{i:02d}")
        Assignment.objects.create(task=task, unit=unit, role="responsible")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/units", {"limit": 100}).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_unit_list_queries_do_not_grow_with_the_units(api_session_client, api_ledger):
    few = _unit_list_queries(api_session_client, 3)
    assert len(_unit_list_queries(api_session_client, 27, start=3)) == len(few)


def test_unit_list_counts_each_relation_apart_not_in_one_join(api_session_client, api_ledger):
    """Counting assignments, projects and aliases over one join multiplied the rows (13 s for a
    page of 2,000 units); each count is a subquery of its own, no GROUP BY over the units."""
    queries = _unit_list_queries(api_session_client, 3)
    listed = [q for q in queries if 'FROM "orgs_unit"' in q and "LIMIT" in q]
    assert listed
    assert all("GROUP BY" not in q for q in listed)
    body = api_session_client.get("/api/units", {"q": "测试局00"}).json()
    assert body["items"][0]["responsible_task_count"] == 1
    assert body["items"][0]["alias_count"] == 1
