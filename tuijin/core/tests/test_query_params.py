"""Every query parameter is checked before it reaches a query: an out-of-range offset, year or
date answers 400 with the reason in Chinese (the API's `{"code", "detail", "errors"}`, a page's
[X020] beside the field), never a 500."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
import pytest
from django import forms
from django.test import Client

from tuijin.core.query_params import DATE_MAX, DATE_MIN, YEAR_MAX, YEAR_MIN
from tuijin.documents.filters import DocumentFilter
from tuijin.geo.filters import AreaFilter
from tuijin.industry.filters import ClusterFilter
from tuijin.orgs.filters import UnitFilter
from tuijin.plans.filters import TargetFilter, TaskFilter
from tuijin.projects.filters import ProjectFilter
from tuijin.reporting.filters import CycleFilter, SubmissionFilter, WarningFilter

pytestmark = pytest.mark.django_db

AMOUNT = "金额须在 0 至 999999999999.9999 亿元之间，最多 4 位小数"

API_LISTS = [
    "/api/units",
    "/api/areas",
    "/api/clusters",
    "/api/documents",
    "/api/tasks",
    "/api/targets",
    "/api/projects",
    "/api/cycles",
    "/api/submissions",
    "/api/warnings",
]

FILTERSETS = [
    DocumentFilter,
    AreaFilter,
    ClusterFilter,
    UnitFilter,
    TaskFilter,
    TargetFilter,
    ProjectFilter,
    SubmissionFilter,
    WarningFilter,
    CycleFilter,
]


def _refused(response: Any, parameter: str) -> dict[str, Any]:
    assert response.status_code == 400, response.content[:300]
    body: dict[str, Any] = response.json()
    assert body["code"] == "A001"
    assert body["detail"] == "查询参数无效"
    assert parameter in body["errors"], body
    return body


@pytest.mark.parametrize("url", API_LISTS)
@pytest.mark.parametrize("offset", ["18446744073709551616", "9223372036854775808", "-1"])
def test_an_offset_past_the_databases_integers_is_refused_on_every_api_list(
    api_session_client: Client, url: str, offset: str
) -> None:
    _refused(api_session_client.get(url, {"offset": offset}), "offset")


@pytest.mark.parametrize(
    ("url", "parameter", "value", "reason"),
    [
        ("/api/documents", "year", "0", "年份须在 1900 至 2100 之间"),
        ("/api/documents", "year", "-5", "年份须在 1900 至 2100 之间"),
        ("/api/documents", "year", "1.5", "年份须是整数"),
        ("/api/targets", "year", "99999999999999999999", "年份须在 1900 至 2100 之间"),
        ("/api/projects", "year", "0", "年份须在 1900 至 2100 之间"),
        ("/api/tasks", "deadline_after", "0001-01-01", "日期须在 1900-01-01 至 2100-12-31 之间"),
        ("/api/tasks", "deadline_before", "9999-12-31", "日期须在 1900-01-01 至 2100-12-31 之间"),
        ("/api/tasks", "deadline_before", "2025-13-01", "日期格式应为 YYYY-MM-DD"),
        ("/api/projects", "investment_min", "1e400", AMOUNT),
        ("/api/projects", "investment_min", "1e-400", AMOUNT),
        ("/api/projects", "investment_max", "-1", AMOUNT),
        ("/api/projects", "investment_max", "NaN", "金额须是数字（亿元）"),
    ],
)
def test_out_of_range_filters_are_refused_with_the_reason(
    api_session_client: Client, url: str, parameter: str, value: str, reason: str | None
) -> None:
    body = _refused(api_session_client.get(url, {parameter: value}), parameter)
    if reason is not None:
        assert body["errors"][parameter] == [reason]


def test_a_year_at_the_bounds_is_accepted(api_session_client: Client) -> None:
    for year in (YEAR_MIN, YEAR_MAX):
        assert api_session_client.get("/api/documents", {"year": year}).status_code == 200
    for day in (DATE_MIN, DATE_MAX):
        query = {"deadline_after": day.isoformat()}
        assert api_session_client.get("/api/tasks", query).status_code == 200


def test_the_api_schema_states_the_bounds(api_session_client: Client) -> None:
    schema = api_session_client.get("/api/openapi.json").json()
    params = {
        p["name"]: p["schema"]
        for p in schema["paths"]["/api/documents"]["get"]["parameters"]
        if p["in"] == "query"
    }
    assert params["year"] == {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX}
    assert params["offset"]["maximum"] == 10_000_000
    projects = schema["paths"]["/api/projects"]["get"]["parameters"]
    investment = next(p["schema"] for p in projects if p["name"] == "investment_min")
    assert investment == {"type": "number", "minimum": 0, "maximum": 999999999999.9999}


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/documents/", {"year": "0"}),
        ("/targets/", {"year": "99999999999999999999"}),
        ("/projects/", {"year": "-1"}),
        ("/tasks/", {"deadline_after": "0001-01-01"}),
        ("/changes/", {"since": "0001-01-01"}),
        ("/changes/", {"until": "9999-12-31"}),
    ],
)
def test_a_web_list_refuses_an_out_of_range_filter_with_400_and_the_reason(
    ui_client: Client, url: str, query: dict[str, str]
) -> None:
    response = ui_client.get(url, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "[X020] 筛选条件无效" in html
    assert "须在" in html


def test_an_htmx_filter_request_gets_the_reason_above_the_table(ui_client: Client) -> None:
    headers = {"HX-Request": "true", "HX-Target": "results"}
    response = ui_client.get("/documents/", {"year": "0"}, headers=headers)
    html = response.content.decode()
    assert "[X020] 筛选条件无效" in html and "年份须在 1900 至 2100 之间" in html
    assert "<html" not in html


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/tasks/export.xlsx", {"deadline_before": "0001-01-01"}),
        ("/projects/export.xlsx", {"year": "0"}),
        ("/changes/export.xlsx", {"since": "0001-01-01"}),
    ],
)
def test_an_export_refuses_an_out_of_range_filter_instead_of_exporting_everything(
    ui_client: Client, url: str, query: dict[str, str]
) -> None:
    response = ui_client.get(url, query)
    assert response.status_code == 400
    assert response.content.decode().startswith("[X020] 筛选条件无效：")


@pytest.mark.parametrize("filterset", FILTERSETS, ids=lambda f: f.__name__)
def test_every_numeric_and_date_filter_is_bounded(filterset: type[Any]) -> None:
    """A new filter of a year, date or amount must come from tuijin.core.query_params."""
    for name, flt in filterset.base_filters.items():
        if isinstance(flt, django_filters.ModelChoiceFilter | django_filters.ChoiceFilter):
            continue
        field = flt.field
        if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            assert field.min_value is not None and field.max_value is not None, name
        if isinstance(field, forms.DateField):
            assert field.clean(DATE_MIN.isoformat()) == DATE_MIN
            with pytest.raises(forms.ValidationError):
                field.clean((DATE_MIN - dt.timedelta(days=1)).isoformat())
            with pytest.raises(forms.ValidationError):
                field.clean((DATE_MAX + dt.timedelta(days=1)).isoformat())
