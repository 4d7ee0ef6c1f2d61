"""The warning rules, boundary by boundary (pure functions, no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tuijin.reporting.rules import (
    Light,
    Point,
    ProjectFacts,
    TargetFacts,
    TaskFacts,
    Thresholds,
    combine,
    investment_light,
    missing_light,
    project_light,
    stage_light,
    target_light,
    task_light,
)

D = dt.date
TH = Thresholds()  # yellow margin 20, near deadline 10 working days, investment 10/30 …

# A task running 2025-01-01 → 2025-12-31 (364 days); on 2025-08-26 65% of the time has passed.
START, DEADLINE = D(2025, 1, 1), D(2025, 12, 31)


@pytest.mark.parametrize(
    ("progress", "status", "today", "level", "words"),
    [
        (
            30,
            "in_progress",
            D(2025, 8, 26),
            "yellow",
            "进度 30%，时间已过 65%，落后 35 个百分点（黄灯阈值 20）",
        ),
        (45, "in_progress", D(2025, 8, 26), "green", "落后"),  # lag exactly 20: not more
        (44, "in_progress", D(2025, 8, 26), "yellow", "落后 21 个百分点"),
        (65, "in_progress", D(2025, 8, 26), "green", "符合序时进度"),
        (90, "in_progress", D(2026, 1, 1), "red", "逾期 1 天"),
        (90, "in_progress", D(2025, 12, 31), "yellow", "仅剩 0 个工作日"),
        (90, "in_progress", D(2025, 12, 17), "yellow", "仅剩 10 个工作日"),
        (90, "in_progress", D(2025, 12, 16), "green", "符合序时进度"),  # 11 working days left
        (10, "blocked", D(2025, 3, 1), "red", "受阻"),
        (100, "in_progress", D(2026, 3, 1), "green", "已完成"),  # done beats overdue
        (20, "done", D(2026, 3, 1), "green", "已完成"),
        (0, "cancelled", D(2026, 3, 1), "grey", "已取消"),
    ],
)
def test_task_light(progress, status, today, level, words):
    light = task_light(TaskFacts(progress, status, START, DEADLINE), TH, today)
    assert light.level == level, light.reason
    if level == "green" and words == "落后":
        assert "符合序时进度" in light.reason
    else:
        assert words in light.reason


def test_task_light_near_deadline_and_lagging_gives_both_reasons() -> None:
    light = task_light(TaskFacts(10, "in_progress", START, DEADLINE), TH, D(2025, 12, 22))
    assert light.level == "yellow"
    assert "落后" in light.reason and "个工作日" in light.reason
    assert light.figures["workdays_left"] == 7


def test_task_light_without_deadline_is_green_and_says_so() -> None:
    light = task_light(TaskFacts(5, "in_progress", START, None), TH, D(2030, 1, 1))
    assert (light.level, light.reason) == ("green", "进度 5%，无明确完成时限")


def test_task_margin_is_configurable() -> None:
    facts = TaskFacts(30, "in_progress", START, DEADLINE)
    assert task_light(facts, Thresholds(yellow_margin_pct=40), D(2025, 8, 26)).level == "green"


def test_near_deadline_counts_working_days_across_national_day() -> None:
    # 2025-09-30 → 2025-10-10: only 9 and 10 October are working days.
    facts = TaskFacts(95, "in_progress", D(2025, 9, 1), D(2025, 10, 10))
    light = task_light(facts, Thresholds(near_deadline_workdays=2), D(2025, 9, 30))
    assert light.level == "yellow" and "仅剩 2 个工作日" in light.reason


# ── projects ──


def project(**kw: Any) -> ProjectFacts:
    base: dict[str, Any] = {"stage": "continuing", "annual_plan": Decimal("12")}
    base.update(kw)
    return ProjectFacts(**base)


@pytest.mark.parametrize(
    ("month", "cumulative", "level", "words"),
    [
        (6, "6", "green", "序时进度的 100%"),
        (6, "5.4", "green", "序时进度的 90%"),  # shortfall exactly 10: not more
        (6, "5.3", "yellow", "低于序时 12%（黄灯阈值 10%）"),
        (6, "4.2", "yellow", "低于序时 30%"),  # exactly 30: still yellow
        (6, "4.1", "red", "红灯阈值 30%"),
        (3, "0.5", "red", "截至 3 月序时应完成 3 亿元，实际完成 0.5 亿元"),
        (12, "13", "green", "序时进度的 108%"),
    ],
)
def test_investment_light(month, cumulative, level, words):
    light = investment_light(project(report_month=month, cumulative=Decimal(cumulative)), TH)
    assert light is not None
    assert light.level == level, light.reason
    assert words in light.reason


def test_investment_light_needs_a_plan_and_a_report() -> None:
    assert investment_light(project(annual_plan=None, report_month=6, cumulative=1), TH) is None
    assert investment_light(project(), TH) is None


@pytest.mark.parametrize(
    ("stage", "planned", "today", "level"),
    [
        ("preparing", D(2025, 5, 1), D(2025, 4, 30), "green"),
        ("preparing", D(2025, 5, 1), D(2025, 5, 1), "green"),
        ("preparing", D(2025, 5, 1), D(2025, 5, 2), "yellow"),
        ("reserve", D(2025, 5, 1), D(2025, 6, 30), "yellow"),  # 60 days: not more
        ("reserve", D(2025, 5, 1), D(2025, 7, 1), "red"),
        ("new", D(2025, 5, 1), D(2026, 1, 1), None),  # started: the rule does not apply
        ("preparing", None, D(2026, 1, 1), None),
    ],
)
def test_stage_light(stage, planned, today, level):
    light = stage_light(project(stage=stage, planned_start=planned), TH, today)
    assert (light.level if light else None) == level


@pytest.mark.parametrize(
    ("last", "ends", "level", "count"),
    [
        ((2025, 6), ((2025, 3), (2025, 6)), "green", 0),
        ((2025, 3), ((2025, 3), (2025, 6)), "yellow", 1),
        ((2024, 12), ((2025, 3), (2025, 6)), "red", 2),
        (None, ((2025, 6),), "yellow", 1),
        ((2025, 3), ((2025, 6), (2025, 6)), "yellow", 1),  # two cycles ending the same month
    ],
)
def test_missing_light(last, ends, level, count):
    light = missing_light(project(last_report=last, due_period_ends=ends), TH)
    assert light is not None
    assert (light.level, light.figures["missing_periods"]) == (level, count)


def test_missing_light_ignores_projects_not_under_way() -> None:
    facts = project(stage="reserve", annual_plan=None, due_period_ends=((2025, 6),))
    assert missing_light(facts, TH) is None


def test_project_light_takes_the_worst_rule_and_keeps_every_figure() -> None:
    facts = project(
        report_month=6,
        cumulative=Decimal("6"),
        last_report=(2025, 3),
        due_period_ends=((2025, 6),),
    )
    light = project_light(facts, TH, D(2025, 7, 10))
    assert light.level == "yellow"
    assert "1 期未报送" in light.reason and "年度计划" not in light.reason
    assert light.figures["ratio_pct"] == 100 and light.figures["missing_periods"] == 1


def test_project_light_without_any_data_is_grey() -> None:
    assert project_light(ProjectFacts(stage="reserve"), TH, D(2025, 7, 1)).level == "grey"


def test_combine_orders_by_severity() -> None:
    lights = [Light("green", "a"), Light("red", "b"), Light("yellow", "c"), Light("red", "d")]
    assert combine(lights, empty=Light("grey", "")) == Light("red", "b；d", {})


# ── targets ──

# A path from 100 (end of 2020) to 200 (end of 2025): by the end of 2023, 60% of the time.
FIRST = Point(Decimal("100"), 2020)


@pytest.mark.parametrize(
    ("latest", "level", "words"),
    [
        (Point(Decimal("160"), 2023), "green", "自2020年起完成路径的 60%，时间已过 60%"),
        (Point(Decimal("150"), 2023), "green", "符合序时进度"),  # lag 10: not more
        (Point(Decimal("149"), 2023), "yellow", "落后 11 个百分点（黄灯阈值 10）"),
        (Point(Decimal("135"), 2023), "yellow", "落后 25 个百分点"),  # exactly 25
        (Point(Decimal("134"), 2023), "red", "落后 26 个百分点（红灯阈值 25）"),
        (Point(Decimal("210"), 2023), "green", "已达到"),
        (Point(Decimal("190"), 2025), "red", "目标年份已到仍未达到"),
        (Point(Decimal("150"), 2025, 6), "red", "落后"),
    ],
)
def test_target_light_higher_is_better(latest, level, words):
    facts = TargetFacts(value=Decimal("200"), year=2025, unit="亿元", first=FIRST, latest=latest)
    light = target_light(facts, TH)
    assert light.level == level, light.reason
    assert words in light.reason


@pytest.mark.parametrize(
    ("latest", "level"),
    [
        (Point(Decimal("0.40"), 2024), "green"),  # 0.50 → 0.38 by 2026: 2/3 of the way already
        (Point(Decimal("0.48"), 2024), "red"),
        (Point(Decimal("0.38"), 2024), "green"),  # met (lower is better)
    ],
)
def test_target_light_lower_is_better(latest, level):
    facts = TargetFacts(
        value=Decimal("0.38"),
        year=2026,
        higher_is_better=False,
        first=Point(Decimal("0.50"), 2022),
        latest=latest,
    )
    assert target_light(facts, TH).level == level


def test_target_light_without_values_is_grey() -> None:
    facts = TargetFacts(value=Decimal("200"), year=2025)
    assert target_light(facts, TH) == Light("grey", "暂无实际值")
    one = TargetFacts(value=Decimal("200"), year=2025, latest=Point(Decimal("120"), 2023))
    light = target_light(one, TH)
    assert light.level == "grey" and "缺少基期值" in light.reason


@pytest.mark.parametrize(
    ("actual", "higher", "level", "words"),
    [
        ("7.6", True, "yellow", "差距 24%（黄灯阈值 10%）"),
        ("9.0", True, "green", "差距 10%，在黄灯阈值 10% 以内"),  # exactly 10: not more
        ("4.6", True, "red", "差距 54%（红灯阈值 25%）"),
        ("10.5", True, "green", "已达到"),
        ("5.8", False, "green", "差距 5%"),  # lower is better: 5.8 against at most 5.5
        ("7.0", False, "red", "差距 27%"),
    ],
)
def test_rate_targets_compare_with_the_target_itself(actual, higher, level, words):
    goal = Decimal("10") if higher else Decimal("5.5")
    facts = TargetFacts(
        value=goal,
        year=2026,
        higher_is_better=higher,
        unit="%",
        first=Point(Decimal("3"), 2026, 3),
        latest=Point(Decimal(actual), 2026, 10),
        rate=True,
    )
    light = target_light(facts, TH)
    assert light.level == level, light.reason
    assert words in light.reason
