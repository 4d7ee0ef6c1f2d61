"""Names the ledger already knows are linked wherever a document uses them, short forms included."""

from __future__ import annotations

import pytest

from tuijin.documents.gazetteer import ledger_names_in
from tuijin.geo.models import Area
from tuijin.industry.models import Cluster
from tuijin.orgs.models import Unit, UnitAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger() -> dict[str, object]:
    city = Area.objects.create(name="示范市", short_name="示范", kind="city")
    zone = Area.objects.create(name="示范新区", kind="national_zone")
    cluster = Cluster.objects.create(name="生物医药产业集群", tier="1000")
    bureau = Unit.objects.create(name="示范市工业和信息化局")
    UnitAlias.objects.create(unit=bureau, name="市工信局")
    return {"city": city, "zone": zone, "cluster": cluster, "bureau": bureau}


def test_short_forms_and_aliases_link_to_the_ledger(ledger: dict[str, object]) -> None:
    text = "示范着力发展生物医药，市工信局牵头推进。"
    found = [(obj, text[s:e]) for obj, s, e in ledger_names_in(text)]
    assert found == [
        (ledger["city"], "示范"),
        (ledger["cluster"], "生物医药"),
        (ledger["bureau"], "市工信局"),
    ]


def test_the_longest_name_wins_where_names_overlap(ledger: dict[str, object]) -> None:
    text = "示范新区建设提速"
    assert [(obj, text[s:e]) for obj, s, e in ledger_names_in(text)] == [
        (ledger["zone"], "示范新区")
    ]


def test_an_empty_ledger_links_nothing() -> None:
    assert list(ledger_names_in("示范新区建设提速")) == []
