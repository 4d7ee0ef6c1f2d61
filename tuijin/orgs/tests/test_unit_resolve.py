"""Unit names in documents resolve through names, short names and aliases (renamings by date)."""

from __future__ import annotations

import datetime as dt

import pytest

from tuijin.core.errors import ServiceError
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.orgs.services import unit_find, unit_kind_guess, unit_resolve

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau() -> Unit:
    unit = Unit.objects.create(name="市工业和信息化局", short_name="市工信局")
    UnitAlias.objects.create(
        unit=unit,
        name="市工信委",
        kind="former",
        valid_to=dt.date(2019, 2, 28),
        note="机构改革更名",
    )
    return unit


def test_short_name_and_former_name_find_the_same_unit(bureau: Unit) -> None:
    assert unit_find("市工信局") == bureau
    assert unit_find("市工信委", on=dt.date(2012, 9, 29)) == bureau
    assert unit_find(" 市工信委 ") == bureau


def test_former_name_used_after_the_renaming_still_links(bureau: Unit) -> None:
    assert unit_find("市工信委", on=dt.date(2024, 1, 1)) == bureau


def test_unknown_unit_is_created_for_review_once() -> None:
    first = unit_resolve(name="市数据局")
    again = unit_resolve(name="市数据局。")
    assert first.created and not again.created
    assert first.unit == again.unit
    assert first.unit.needs_review


def test_resolving_without_create_refuses_unknown_names() -> None:
    with pytest.raises(ServiceError) as err:
        unit_resolve(name="市数据局", create=False)
    assert err.value.code == "O003"
    assert not Unit.objects.exists()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("兰州石化公司", "enterprise"),
        ("城关区人民政府", "county_government"),
        ("兰州新区管委会", "zone_committee"),
        ("市发展改革委", "department"),
    ],
)
def test_kind_is_guessed_from_the_name(name: str, kind: str) -> None:
    assert unit_kind_guess(name) == kind
