"""Chinese and Arabic numeral reading (tuijin/ingest/numerals.py)."""

from __future__ import annotations

import pytest

from tuijin.ingest.numerals import parse_arabic_number, parse_chinese_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("三千万", 30_000_000),
        ("两", 2),
        ("十五", 15),
        ("二十五", 25),
        ("一百零五", 105),
        ("两千零一十", 2010),
        ("一千五", 1500),
        ("三万五", 35_000),
        ("一亿二千万", 120_000_000),
        ("五万亿", 5e12),
        ("壹佰贰拾", 120),
        ("二〇二一", 2021),
        ("一点五", 1.5),
        ("三点五万", 35_000),
        ("3万5千", 35_000),
        ("1.5亿", 150_000_000),
        ("百分之十五", 15),
        ("负三", -3),
        ("半", 0.5),
    ],
)
def test_chinese_numerals_are_read_to_their_value(written: str, value: float) -> None:
    assert parse_chinese_number(written) == pytest.approx(value)


@pytest.mark.parametrize("junk", ["", "几", "若干", "第三", "多个", "三点", "两个"])
def test_non_numerals_give_none(junk: str) -> None:
    assert parse_chinese_number(junk) is None


def test_traditional_big_units_are_read() -> None:
    assert parse_chinese_number("三萬") == 30_000
    assert parse_chinese_number("兩億") == 200_000_000


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2500", 2500),
        ("3,997", 3997),
        ("1,234,567", 1_234_567),
        ("３.５", 3.5),
        ("２５００", 2500),
        ("38\ue0108", 388),
        ("-5", -5),
    ],
)
def test_arabic_digit_strings_are_read_as_written(written: str, value: float) -> None:
    assert parse_arabic_number(written) == value


def test_arabic_integers_stay_integers() -> None:
    assert isinstance(parse_arabic_number("2500"), int)
    assert isinstance(parse_arabic_number("2.5"), float)


def test_malformed_arabic_numbers_give_none() -> None:
    assert parse_arabic_number("1.2.3") is None
    assert parse_arabic_number("abc") is None
