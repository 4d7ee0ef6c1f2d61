"""Area pages: the layout list and what sits in an area."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _names(response: Any) -> list[str]:
    return [a.name for a in response.context["object_list"]]


def test_area_list_and_filters(ui_client, ui_world):
    response = ui_client.get(reverse("area-list"))
    assert response.status_code == 200
    assert set(_names(response)) == {"河谷市", "河谷高新区", "北岭县"}
    assert "一心" in response.content.decode()
    assert _names(ui_client.get(reverse("area-list"), {"kind": "county"})) == ["北岭县"]
    assert _names(ui_client.get(reverse("area-list"), {"layout_role": "core"})) == ["河谷高新区"]
    children = ui_client.get(reverse("area-list"), {"parent": ui_world.city.pk})
    assert set(_names(children)) == {"河谷高新区", "北岭县"}
    assert _names(ui_client.get(reverse("area-list"), {"q": "创新策源"})) == ["河谷高新区"]


def test_area_detail_shows_children_projects_targets_enterprises(ui_client, ui_world):
    city = ui_client.get(reverse("area-detail", args=[ui_world.city.pk]))
    assert city.status_code == 200
    html = city.content.decode()
    assert "河谷高新区" in html and "北岭县" in html  # children
    assert "3000亿元" in html and "3200亿元" in html and "3500亿元" in html  # tiers side by side
    zone = ui_client.get(reverse("area-detail", args=[ui_world.zone.pk])).content.decode()
    for text in (
        "化工新材料一体化项目",
        "高新区人才公寓",
        "河谷化工集团",
        "河谷市发展和改革委员会",
    ):
        assert text in zone, text
    assert "北岭冷链物流中心" not in zone


def test_area_detail_unknown_is_404(ui_client):
    assert ui_client.get(reverse("area-detail", args=[55555])).status_code == 404


def test_area_pages_need_login(client, ui_world):
    assert client.get(reverse("area-list")).status_code == 302
    assert client.get(reverse("area-detail", args=[ui_world.city.pk])).status_code == 302
