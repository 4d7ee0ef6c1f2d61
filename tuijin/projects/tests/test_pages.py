"""Project pages: the ledger list filters and paginates; the detail shows plans vs progress."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tuijin.core import listing
from tuijin.orgs.models import Unit
from tuijin.projects.models import AnnualPlan, Project

pytestmark = pytest.mark.django_db


def _names(response: Any) -> list[str]:
    return [p.name for p in response.context["object_list"]]


def test_project_list_shows_columns(ui_client, ui_world):
    response = ui_client.get(reverse("project-list"))
    assert response.status_code == 200
    # ordered by total investment, largest first
    assert _names(response) == ["化工新材料一体化项目", "北岭冷链物流中心", "高新区人才公寓"]
    html = response.content.decode()
    for text in ("新开工", "120", "8.5", "河谷高新区", "精细化工产业集群", "市工信局", "2025–2027"):
        assert text in html
    assert 'class="badge badge-orange">新开工' in html
    assert "合计总投资 131.5 亿元" in html


def test_project_list_total_follows_the_filter(ui_client, ui_world):
    html = ui_client.get(reverse("project-list"), {"area": ui_world.zone.pk}).content.decode()
    assert "合计总投资 123 亿元" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"stage": "continuing"}, ["北岭冷链物流中心"]),
        ({"list": "construction"}, ["化工新材料一体化项目"]),
        ({"area": "zone"}, ["化工新材料一体化项目", "高新区人才公寓"]),
        ({"cluster": "food"}, ["北岭冷链物流中心"]),
        # lead OR responsible: fgw leads the flats and shares the chemicals project
        ({"unit": "fgw"}, ["化工新材料一体化项目", "高新区人才公寓"]),
        ({"unit": "county"}, ["北岭冷链物流中心"]),
        ({"year": "2026"}, ["化工新材料一体化项目", "高新区人才公寓"]),
        ({"year": "2024"}, ["北岭冷链物流中心"]),
        ({"investment_min": "8"}, ["化工新材料一体化项目", "北岭冷链物流中心"]),
        ({"investment_max": "10"}, ["北岭冷链物流中心", "高新区人才公寓"]),
        ({"investment_min": "5", "investment_max": "10"}, ["北岭冷链物流中心"]),
        ({"q": "冷链"}, ["北岭冷链物流中心"]),
        ({"q": "HG-001"}, ["化工新材料一体化项目"]),
        ({"q": "专用化学品"}, ["化工新材料一体化项目"]),
    ],
)
def test_project_filters(ui_client, ui_world, params, expected):
    params = {
        k: (getattr(ui_world, v).pk if k in {"area", "cluster", "unit"} else v)
        for k, v in params.items()
    }
    response = ui_client.get(reverse("project-list"), params)
    assert response.status_code == 200
    assert _names(response) == expected


def test_project_year_filter_counts_annual_plans(ui_client, ui_world):
    AnnualPlan.objects.create(project=ui_world.p2, year=2030, planned_investment=Decimal("1"))
    response = ui_client.get(reverse("project-list"), {"year": "2030"})
    assert _names(response) == ["北岭冷链物流中心"]


def test_project_list_sorts_and_paginates(ui_client, ui_world):
    for i in range(30):
        Project.objects.create(name=f"批量项目{i:02d}", total_investment=Decimal(i))
    first = ui_client.get(reverse("project-list"))
    assert len(first.context["object_list"]) == 25
    assert "共 33 条" in first.content.decode()
    last = ui_client.get(reverse("project-list"), {"page": 2})
    assert len(last.context["object_list"]) == 8
    by_name = ui_client.get(reverse("project-list"), {"o": "name", "q": "批量"})
    assert _names(by_name)[:2] == ["批量项目00", "批量项目01"]


def test_project_list_queries_do_not_grow_with_rows(
    ui_client, ui_world, django_assert_max_num_queries
):
    for i in range(20):
        p = Project.objects.create(
            name=f"项目{i}", area=ui_world.zone, cluster=ui_world.chem, lead_unit=ui_world.fgw
        )
        p.responsible_units.add(ui_world.gxj)
    with django_assert_max_num_queries(12):
        ui_client.get(reverse("project-list"))


def test_project_detail_shows_links_plans_and_progress(ui_client, ui_world):
    response = ui_client.get(reverse("project-detail", args=[ui_world.p1.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "建设年产十万吨专用化学品装置",
        "120 亿元",
        "河谷高新区",
        "精细化工产业集群",
        "精细化工产业链 · 专用化学品",
        "河谷化工集团",
        "链主",
        "河谷市工业和信息化局",
        "河谷市发展和改革委员会",
        "春季集中开工",
        "主体厂房封顶",
        "2025-06",
    ):
        assert text in html, text
    # cumulative completed (15) against the annual plan (30)
    ((plan, latest),) = response.context["plans"]
    assert plan.planned_investment == 30
    assert latest.report.cumulative_investment == 15
    assert latest.percent == Decimal("50.0")
    assert "50.0%" in html
    assert "<mark>化工新材料一体化项目</mark>" in html


def test_project_detail_unknown_is_404(ui_client):
    assert ui_client.get(reverse("project-detail", args=[424242])).status_code == 404


def test_project_pages_need_login(client, ui_world):
    assert client.get(reverse("project-list")).status_code == 302
    assert client.get(reverse("project-detail", args=[ui_world.p1.pk])).status_code == 302


def _unit_options(html: str) -> list[str]:
    """The <option>s of the unit filter's <select>."""
    start = html.index('name="unit"')
    return re.findall(r"<option[^>]*>", html[start : html.index("</select>", start)])


def test_project_list_renders_only_the_chosen_unit_not_every_unit(ui_client, ui_world):
    Unit.objects.bulk_create(Unit(name=f"批量单位{i:03d}") for i in range(300))
    html = ui_client.get(reverse("project-list")).content.decode()
    assert len(_unit_options(html)) < 30
    assert "批量单位000" not in html
    chosen = ui_client.get(reverse("project-list"), {"unit": ui_world.county.pk})
    assert _names(chosen) == ["北岭冷链物流中心"]
    options = _unit_options(chosen.content.decode())
    assert len(options) == 2  # 全部单位 and the chosen one
    assert f'value="{ui_world.county.pk}" selected' in options[1]


def test_project_list_refuses_an_unknown_unit(ui_client, ui_world):
    response = ui_client.get(reverse("project-list"), {"unit": "999999"})
    assert response.status_code == 400


def _project_queries(client: Any, params: dict[str, Any] | None = None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("project-list"), params or {})
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries if '"projects_project"' in q["sql"]]


def test_project_list_counts_rows_and_sums_investment_in_one_query(ui_client, ui_world):
    queries = _project_queries(ui_client)
    counted = [q for q in queries if "COUNT(" in q]
    assert len(counted) == 1
    assert "SUM(" in counted[0]
    assert not [q for q in queries if "SUM(" in q and "COUNT(" not in q]


def test_project_list_reads_only_the_columns_its_table_shows(ui_client, ui_world):
    rows = [q for q in _project_queries(ui_client) if "LIMIT" in q]
    assert rows
    for column in ("content", "problems", "progress_note"):
        assert all(f'"projects_project"."{column}"' not in q for q in rows)


def test_project_list_deep_pages_find_their_keys_first(ui_client, ui_world, monkeypatch):
    monkeypatch.setattr(listing, "DEEP_OFFSET", 25)
    for i in range(40):
        Project.objects.create(
            name=f"深页项目{i:02d}", total_investment=Decimal(i % 7), lead_unit=ui_world.fgw
        )
    expected = list(
        Project.objects.filter(name__startswith="深页")
        .order_by(F("total_investment").desc(nulls_last=True), "name", "id")
        .values_list("name", flat=True)[25:40]
    )
    params = {"q": "深页", "page": 2}
    queries = _project_queries(ui_client, params)
    joined = [q for q in queries if '"geo_area"' in q]
    assert joined and all("OFFSET" not in q for q in joined)
    assert _names(ui_client.get(reverse("project-list"), params)) == expected
