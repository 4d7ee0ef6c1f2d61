"""Deadlines, phase ranges, recurring months and plain dates."""

from __future__ import annotations

from tuijin.ingest.dates import cn_number, extract_dates, parse_full_date


def dates(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(d.text, d.kind, d.start, d.end) for d in extract_dates(text, text)]


def test_target_year_is_a_deadline() -> None:
    assert dates("到2027年，建成国家级产业集群两个。") == [("到2027年", "deadline", None, "2027")]


def test_day_deadline_with_qian() -> None:
    assert dates("请于2025年2月5日前报送。") == [("2025年2月5日前", "deadline", None, "2025-02-05")]


def test_year_end_deadline_is_the_last_day() -> None:
    assert dates("2026年底前全面完成。") == [("2026年底前", "deadline", None, "2026-12-31")]


def test_relative_deadline_has_no_iso_value() -> None:
    assert dates("力争年内开工。") == [("年内", "deadline", None, None)]


def test_phase_range_with_months() -> None:
    assert dates("实施阶段为2012年8月到2016年6月。") == [
        ("2012年8月到2016年6月", "range", "2012-08", "2016-06")
    ]


def test_plan_period_with_dash() -> None:
    assert dates("2021—2025年规划期内") == [("2021—2025年", "range", "2021", "2025")]


def test_range_within_one_year() -> None:
    assert dates("2016年7月到12月开展自查。") == [
        ("2016年7月到12月", "range", "2016-07", "2016-12")
    ]


def test_recurring_report_months() -> None:
    found = extract_dates("每年6月和12月报送工作进展。", "每年6月和12月报送工作进展。")
    assert [(d.kind, d.months) for d in found] == [("recurring", [6, 12])]


def test_plain_date() -> None:
    assert dates("2024年1月19日召开会议。") == [("2024年1月19日", "date", "2024-01-19", None)]


def test_bare_year_is_not_a_date_mention() -> None:
    assert dates("2024年全市经济平稳运行。") == []


def test_chinese_numeral_signature_date() -> None:
    assert parse_full_date("二〇一二年九月二十九日") == ("2012-09-29", 0, 11)
    assert parse_full_date("二○二三年十二月三十一日")[0] == "2023-12-31"  # type: ignore[index]


def test_cn_number() -> None:
    assert [cn_number(x) for x in ("九", "十", "十二", "二十九", "三十", "12")] == [
        9,
        10,
        12,
        29,
        30,
        12,
    ]
