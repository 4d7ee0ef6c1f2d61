"""/units/suggest/: the unit search box of filter forms asks here for at most 20 matching units."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tuijin.orgs.models import Unit

pytestmark = pytest.mark.django_db


def test_unit_suggest_finds_by_name_short_name_and_alias(ui_client, ui_world):
    url = reverse("unit-suggest")
    for text in ("发展和改革", "市发改委", "计划委员会"):
        body = ui_client.get(url, {"q": text}).json()
        assert body == [{"id": ui_world.fgw.pk, "name": "河谷市发展和改革委员会"}]


def test_unit_suggest_answers_at_most_twenty_prefix_matches_first(ui_client, ui_world):
    Unit.objects.bulk_create(Unit(name=f"江城局{i:03d}") for i in range(40))
    Unit.objects.create(name="东江城管理局")
    body = ui_client.get(reverse("unit-suggest"), {"q": "江城"}).json()
    assert len(body) == 20
    assert body[0]["name"] == "江城局000"


def test_unit_suggest_of_nothing_is_empty(ui_client, ui_world):
    assert ui_client.get(reverse("unit-suggest"), {"q": "  "}).json() == []


def test_unit_suggest_refuses_a_long_query(ui_client, ui_world):
    response = ui_client.get(reverse("unit-suggest"), {"q": "局" * 51})
    assert response.status_code == 400
    assert "[X020]" in response.content.decode()


def test_unit_suggest_needs_login(client, ui_world):
    response = client.get(reverse("unit-suggest"), {"q": "局"})
    assert response.status_code == 302
