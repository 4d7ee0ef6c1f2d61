"""Unit names in documents resolve through names, short names and aliases (renamings by date)."""

from __future__ import annotations

import datetime as dt

import pytest

from tuijin.core.errors import ServiceError
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.orgs.services import unit_collective, unit_find, unit_kind_guess, unit_resolve

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


def test_a_level_written_twice_by_mistake_still_finds_the_unit(bureau: Unit) -> None:
    assert unit_find("市市工信局") == bureau
    assert unit_resolve(name="市市工信委").created is False


def test_a_doubled_level_that_is_part_of_the_name_is_kept() -> None:
    market = Unit.objects.create(name="市市场监管局")
    assert unit_find("市市场监管局") == market


def test_a_name_with_its_level_left_out_or_added_finds_the_same_unit(bureau: Unit) -> None:
    assert unit_find("工业和信息化局") == bureau
    assert unit_find("工信委", on=dt.date(2012, 9, 29)) == bureau
    first = unit_resolve(name="园林局")
    assert first.created
    again = unit_resolve(name="市园林局")
    assert again.unit == first.unit and not again.created
    assert Unit.objects.filter(name__endswith="园林局").count() == 1


def test_a_name_that_could_mean_two_levels_finds_neither() -> None:
    Unit.objects.create(name="市园林局")
    Unit.objects.create(name="区园林局")
    assert unit_find("园林局") is None
    assert unit_find("市政府") is None
    assert unit_find("市场监管局") is None  # 市 begins the name here, it is no level
    market = Unit.objects.create(name="市市场监管局")
    assert unit_find("市场监管局") == market


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("各县区", (True, "county_government")),
        ("各县（市、区）人民政府", (True, "county_government")),
        ("各区县政府", (True, "county_government")),
        ("各开发区管委会", (True, "zone_committee")),
        ("各有关单位", (True, None)),
        ("市直各部门", (True, None)),
        ("各乡镇人民政府", (True, None)),
        ("有关部门", (True, None)),
        ("市发改委", (False, None)),
        ("城关区人民政府", (False, None)),
    ],
)
def test_collective_references_are_told_from_single_units(
    name: str, expected: tuple[bool, str | None]
) -> None:
    assert unit_collective(name) == expected
