"""Cluster pages: tiers, chains with ordered links and chain-leader enterprises."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_cluster_list_and_tier_filter(ui_client, ui_world):
    response = ui_client.get(reverse("cluster-list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "精细化工产业集群" in html and "千亿级" in html and "1,000" in html
    only_1000 = ui_client.get(reverse("cluster-list"), {"tier": "1000"})
    assert [c.name for c in only_1000.context["object_list"]] == ["精细化工产业集群"]
    search = ui_client.get(reverse("cluster-list"), {"q": "食品"})
    assert [c.name for c in search.context["object_list"]] == ["绿色食品产业集群"]


def test_cluster_detail_shows_chain_links_in_order_and_leader(ui_client, ui_world):
    response = ui_client.get(reverse("cluster-detail", args=[ui_world.chem.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("基础原料") < html.index("专用化学品")
    assert "★河谷化工集团" in html
    for text in ("精细化工产业链", "化工新材料一体化项目", "集群营业收入", "800亿元", "河谷高新区"):
        assert text in html, text
    assert "北岭冷链物流中心" not in html


def test_cluster_detail_unknown_is_404(ui_client):
    assert ui_client.get(reverse("cluster-detail", args=[31337])).status_code == 404


def test_cluster_pages_need_login(client, ui_world):
    assert client.get(reverse("cluster-list")).status_code == 302
    assert client.get(reverse("cluster-detail", args=[ui_world.chem.pk])).status_code == 302
