"""Unit pages: what a unit leads and what it shares, its names and groups."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tuijin.orgs.models import Unit

pytestmark = pytest.mark.django_db


def _names(response: Any) -> list[str]:
    return [u.name for u in response.context["object_list"]]


def test_unit_list_shows_counts(ui_client, ui_world):
    response = ui_client.get(reverse("unit-list"))
    assert response.status_code == 200
    rows = {u.name: u for u in response.context["object_list"]}
    fgw = rows["河谷市发展和改革委员会"]
    assert (fgw.lead_task_count, fgw.responsible_task_count, fgw.led_project_count) == (1, 1, 1)
    html = response.content.decode()
    assert f"?unit={ui_world.fgw.pk}&amp;role=lead" in html
    assert "县区政府" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "计划委员会"}, ["河谷市发展和改革委员会"]),  # a former name
        ({"q": "发改委"}, ["河谷市发展和改革委员会"]),  # short name and alias
        ({"q": "工业"}, ["河谷市工业和信息化局"]),
        ({"kind": "county_government"}, ["北岭县人民政府"]),
    ],
)
def test_unit_filters(ui_client, ui_world, params, expected):
    assert _names(ui_client.get(reverse("unit-list"), params)) == expected


def test_unit_list_paginates(ui_client, ui_world):
    Unit.objects.bulk_create([Unit(name=f"测试单位{i:02d}") for i in range(30)])
    first = ui_client.get(reverse("unit-list"))
    assert len(first.context["object_list"]) == 25
    assert len(ui_client.get(reverse("unit-list"), {"page": 2}).context["object_list"]) == 8


def test_unit_detail_separates_lead_from_responsible(ui_client, ui_world):
    response = ui_client.get(reverse("unit-detail", args=[ui_world.fgw.pk]))
    assert response.status_code == 200
    assert response.context["lead_tasks"] == [ui_world.t1]
    assert response.context["responsible_tasks"] == [ui_world.t2]
    assert list(response.context["led_projects"]) == [ui_world.p3]
    assert list(response.context["responsible_projects"]) == [ui_world.p1]
    html = response.content.decode()
    lead_part = html[html.index('id="lead-tasks"') : html.index('id="responsible-tasks"')]
    shared_part = html[html.index('id="responsible-tasks"') : html.index('id="led-projects"')]
    assert "建设化工新材料基地" in lead_part and "完善食品冷链体系" not in lead_part
    assert "完善食品冷链体系" in shared_part and "建设化工新材料基地" not in shared_part


def test_unit_detail_shows_names_groups_areas_and_mentions(ui_client, ui_world):
    html = ui_client.get(reverse("unit-detail", args=[ui_world.fgw.pk])).content.decode()
    for text in (
        "市发改委",
        "发改委",
        "河谷市计划委员会",
        "2001-05-31",
        "河谷市产业振兴领导小组",
        "联络员",
        "李河",
        "河谷高新区",  # managed area
        "河谷市产业振兴三年行动方案",  # found in this document
    ):
        assert text in html, text
    assert f"/documents/{ui_world.plan.pk}/#p{ui_world.mention.pk}" in html


def test_unit_detail_unknown_is_404(ui_client):
    assert ui_client.get(reverse("unit-detail", args=[987654])).status_code == 404


def test_unit_pages_need_login(client, ui_world):
    assert client.get(reverse("unit-list")).status_code == 302
    assert client.get(reverse("unit-detail", args=[ui_world.fgw.pk])).status_code == 302
