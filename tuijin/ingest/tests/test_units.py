"""Unit table and normalisation to base units (tuijin/ingest/units.py)."""

from __future__ import annotations

import re

import pytest

from tuijin.ingest.units import UNIT_PATTERN, category, clean_unit, normalise, split_unit


@pytest.mark.parametrize(
    ("value", "unit", "base_value", "base_unit"),
    [
        (2500, "亿元", 2.5e11, "元"),
        (500, "万元", 5e6, "元"),
        (920, "万吨", 9.2e6, "吨"),
        (30, "万千瓦", 3e5, "千瓦"),
        (100, "万亩", 1e6, "亩"),
        (12, "平方公里", 12, "平方公里"),
        (3.6, "万人", 36000, "人"),
        (16, "%", 16, "%"),
        (1.2, "万亿元", 1.2e12, "元"),
        (5000, "千万元", 5e10, "元"),
        (330, "mw", 330_000, "千瓦"),
        (330, "MW", 330_000, "千瓦"),
        (150, "PB", 1.5e8, "GB"),
        (50, "万立方", 5e5, "立方米"),
        (50, "万方", 5e5, "立方米"),
        (1.2, "亿度", 1.2e8, "千瓦时"),
        (0.5, "个百分点", 0.5, "百分点"),
        (3.5, "万吨/年", 35000, "吨/年"),
        (10, "亿罐", 1e9, "罐"),
    ],
)
def test_units_normalise_to_their_base(
    value: float, unit: str, base_value: float, base_unit: str
) -> None:
    got_value, got_unit = normalise(value, unit)
    assert got_unit == base_unit
    assert got_value == pytest.approx(base_value)


def test_bare_magnitude_has_no_base_unit() -> None:
    assert normalise(114.85, "亿") == (None, None)


def test_unknown_unit_has_no_base() -> None:
    assert normalise(3, "年") == (None, None)
    assert split_unit("年") is None


def test_longest_base_wins_over_magnitude_split() -> None:
    assert split_unit("千瓦") == (1.0, "千瓦")
    assert split_unit("万千瓦时") == (1e4, "千瓦时")
    assert split_unit("千伏") == (1.0, "千伏")


@pytest.mark.parametrize(
    ("unit", "cat"),
    [
        ("亿元", "money"),
        ("万吨", "mass"),
        ("万立方米", "volume"),
        ("亩", "area"),
        ("千伏", "voltage"),
        ("KA", "current"),
        ("G", "bandwidth"),
        ("PB", "data"),
        ("个", "count"),
        ("场次", "count"),
        ("%", "percent"),
    ],
)
def test_units_have_a_category(unit: str, cat: str) -> None:
    assert category(unit) == cat


def test_clean_unit_turns_full_width_half_width_and_drops_approximation() -> None:
    assert clean_unit("％") == "%"
    assert clean_unit("ＭＷ") == "MW"
    assert clean_unit("万余人") == "万人"


def test_unit_pattern_matches_written_units_whole() -> None:
    pattern = re.compile(rf"(?:{UNIT_PATTERN})")
    for unit in ("亿元", "万吨/年", "个百分点", "场次", "万千瓦", "mw", "平方公里", "亿"):
        m = pattern.match(unit)
        assert m is not None and m.group(0) == unit, unit


@pytest.mark.parametrize(
    ("text", "unit", "base"),
    [
        ("算力规模达到3000PFlops，", "PFlops", "PFLOPS"),
        ("新型储能300GWh，", "GWh", "千瓦时"),
        ("12英寸晶圆生产线", "英寸", "米"),
        ("啤酒产量42万千升，", "万千升", "升"),
        ("带宽100Gbps，", "Gbps", "Gbps"),
    ],
)
def test_mixed_case_and_compound_units_are_read_whole(text: str, unit: str, base: str) -> None:
    m = re.search(rf"[0-9]+(?:{UNIT_PATTERN})", text)
    assert m is not None
    written = clean_unit(m.group(0).lstrip("0123456789"))
    assert written == unit
    assert normalise(1.0, written)[1] == base
