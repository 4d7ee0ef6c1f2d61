"""The warning rules (红黄绿灯) as small pure functions: facts and thresholds in, a light out.

No database here: `warnings.py` gathers the facts, these functions decide, and the tests check
each boundary with tables. Every light carries a Chinese reason with the figures behind it.

Tasks:    red when overdue or reported blocked; yellow when the share of time elapsed runs ahead
          of progress by more than the margin, or the deadline is near; green otherwise.
Projects: completed investment against the annual plan pro rata by month; a stage still short of
          construction past the planned start; reporting periods without a progress report.
Targets:  the latest actual value against the straight path from the first value to the target
          by the end of its year; a rate (%) against the target itself (relative shortfall).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tuijin.core.workdays import workdays_between

from .choices import WarningLevel

GREY, GREEN, YELLOW, RED = (
    WarningLevel.GREY.value,
    WarningLevel.GREEN.value,
    WarningLevel.YELLOW.value,
    WarningLevel.RED.value,
)


@dataclass(frozen=True)
class Thresholds:
    """The office's parameters (a `WarningRule` row, detached from the database)."""

    yellow_margin_pct: int = 20
    near_deadline_workdays: int = 10
    investment_yellow_pct: int = 10
    investment_red_pct: int = 30
    stage_slip_red_days: int = 60
    missing_yellow_periods: int = 1
    missing_red_periods: int = 2
    target_yellow_pct: int = 10
    target_red_pct: int = 25


@dataclass(frozen=True)
class Light:
    level: str
    reason: str
    figures: dict[str, Any] = field(default_factory=dict)


def combine(lights: list[Light], *, empty: Light) -> Light:
    """The most severe light; its reasons joined (all reasons at that level, in order)."""
    if not lights:
        return empty
    worst = max(WarningLevel.rank(light.level) for light in lights)
    top = [light for light in lights if WarningLevel.rank(light.level) == worst]
    figures: dict[str, Any] = {}
    for light in lights:
        figures.update(light.figures)
    return Light(top[0].level, "；".join(light.reason for light in top), figures)


def _pct(value: float) -> int:
    return round(value)


def _num(value: Decimal | float | int) -> str:
    """A figure as people write it: 12, 6.5, 0.35 (no trailing zeros)."""
    d = Decimal(str(value)).quantize(Decimal("0.01"))
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# ── tasks ──────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class TaskFacts:
    progress: int
    status: str
    start: dt.date | None
    deadline: dt.date | None


def task_light(facts: TaskFacts, th: Thresholds, today: dt.date) -> Light:
    progress = facts.progress
    figures: dict[str, Any] = {"progress": progress}
    if facts.status == "cancelled":
        return Light(GREY, "任务已取消", figures)
    if facts.status == "done" or progress >= 100:
        return Light(GREEN, "任务已完成", figures)
    if facts.status == "blocked":
        return Light(RED, f"责任单位报告受阻，进度 {progress}%", figures)
    if facts.deadline is None:
        return Light(GREEN, f"进度 {progress}%，无明确完成时限", figures)
    deadline = facts.deadline
    figures["deadline"] = deadline.isoformat()
    if today > deadline:
        days = (today - deadline).days
        figures["overdue_days"] = days
        return Light(
            RED, f"已超过完成时限 {deadline:%Y-%m-%d}（逾期 {days} 天），进度 {progress}%", figures
        )
    lights: list[Light] = []
    start = facts.start
    if start is not None and start < deadline:
        elapsed = max(0.0, min(1.0, (today - start).days / (deadline - start).days)) * 100
        lag = _pct(elapsed) - progress
        figures.update(elapsed_pct=_pct(elapsed), lag_pct=lag)
        text = f"进度 {progress}%，时间已过 {_pct(elapsed)}%"
        if lag > th.yellow_margin_pct:
            reason = f"{text}，落后 {lag} 个百分点（黄灯阈值 {th.yellow_margin_pct}）"
            lights.append(Light(YELLOW, reason))
        else:
            lights.append(Light(GREEN, f"{text}，符合序时进度"))
    left = workdays_between(today, deadline)
    figures["workdays_left"] = left
    if left <= th.near_deadline_workdays:
        reason = (
            f"距完成时限 {deadline:%Y-%m-%d} 仅剩 {left} 个工作日，进度 {progress}%"
            f"（临近阈值 {th.near_deadline_workdays} 个工作日）"
        )
        lights.append(Light(YELLOW, reason))
    default = Light(GREEN, f"进度 {progress}%，完成时限 {deadline:%Y-%m-%d}")
    light = combine(lights, empty=default)
    return Light(light.level, light.reason, figures)


# ── projects ───────────────────────────────────────────────────────────────────────────────

NOT_STARTED_STAGES = ("reserve", "preparing", "signed")
BUILDING_STAGES = ("new", "continuing")


@dataclass(frozen=True)
class ProjectFacts:
    stage: str
    planned_start: dt.date | None = None
    annual_plan: Decimal | None = None  # this year's planned investment (亿元)
    report_month: int | None = None  # month of this year's latest progress report
    cumulative: Decimal | None = None  # this year's cumulative completed investment at that month
    last_report: tuple[int, int] | None = None  # (year, month) of the latest report ever
    due_period_ends: tuple[tuple[int, int], ...] = ()  # (year, month) of periods now past due


def investment_light(facts: ProjectFacts, th: Thresholds) -> Light | None:
    plan = facts.annual_plan
    if plan is None or plan <= 0 or facts.report_month is None or facts.cumulative is None:
        return None
    month = facts.report_month
    expected = plan * Decimal(month) / Decimal(12)
    done = facts.cumulative
    ratio = float(done / expected * 100) if expected else 100.0
    shortfall = max(0, _pct(100 - ratio))
    figures = {
        "annual_plan": float(plan),
        "expected": float(round(expected, 4)),
        "cumulative": float(done),
        "ratio_pct": _pct(ratio),
        "month": month,
    }
    text = (
        f"年度计划投资 {_num(plan)} 亿元，截至 {month} 月序时应完成 {_num(expected)} 亿元，"
        f"实际完成 {_num(done)} 亿元（序时进度的 {_pct(ratio)}%）"
    )
    if shortfall > th.investment_red_pct:
        reason = f"{text}，低于序时 {shortfall}%（红灯阈值 {th.investment_red_pct}%）"
        return Light(RED, reason, figures)
    if shortfall > th.investment_yellow_pct:
        reason = f"{text}，低于序时 {shortfall}%（黄灯阈值 {th.investment_yellow_pct}%）"
        return Light(YELLOW, reason, figures)
    return Light(GREEN, text, figures)


def stage_light(facts: ProjectFacts, th: Thresholds, today: dt.date) -> Light | None:
    start = facts.planned_start
    if start is None or facts.stage not in NOT_STARTED_STAGES:
        return None
    if today <= start:
        return Light(GREEN, f"计划 {start:%Y-%m-%d} 开工")
    days = (today - start).days
    figures = {"planned_start": start.isoformat(), "slip_days": days}
    text = f"计划 {start:%Y-%m-%d} 开工，已逾期 {days} 天仍未开工"
    if days > th.stage_slip_red_days:
        return Light(RED, f"{text}（红灯阈值 {th.stage_slip_red_days} 天）", figures)
    return Light(YELLOW, text, figures)


def missing_light(facts: ProjectFacts, th: Thresholds) -> Light | None:
    building = facts.stage in BUILDING_STAGES or facts.annual_plan is not None
    if not building or not facts.due_period_ends:
        return None
    last = facts.last_report or (0, 0)
    missing = sorted(end for end in set(facts.due_period_ends) if end > last)
    count = len(missing)
    figures = {"missing_periods": count}
    if count == 0:
        return Light(GREEN, "按期报送进展", figures)
    latest = f"{missing[-1][0]}年{missing[-1][1]}月"
    text = f"已有 {count} 期未报送进展（最近一期截至 {latest}）"
    if count >= th.missing_red_periods:
        return Light(RED, f"{text}（红灯阈值 {th.missing_red_periods} 期）", figures)
    if count >= th.missing_yellow_periods:
        return Light(YELLOW, f"{text}（黄灯阈值 {th.missing_yellow_periods} 期）", figures)
    return Light(GREEN, text, figures)


def project_light(facts: ProjectFacts, th: Thresholds, today: dt.date) -> Light:
    lights = [
        light
        for light in (
            investment_light(facts, th),
            stage_light(facts, th, today),
            missing_light(facts, th),
        )
        if light is not None
    ]
    return combine(lights, empty=Light(GREY, "暂无年度计划、开工日期或进展数据"))


# ── targets ────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Point:
    value: Decimal
    year: int
    month: int | None = None

    @property
    def index(self) -> int:
        """Months since year 0, at the end of the month (the end of the year when no month)."""
        return self.year * 12 + (self.month or 12)

    @property
    def when(self) -> str:
        return f"{self.year}年{self.month}月" if self.month else f"{self.year}年"


@dataclass(frozen=True)
class TargetFacts:
    value: Decimal
    year: int
    higher_is_better: bool = True
    unit: str = ""
    first: Point | None = None
    latest: Point | None = None
    rate: bool = False  # a rate (%, 增速): compared with the target as it stands, no path


def target_light(facts: TargetFacts, th: Thresholds) -> Light:
    latest = facts.latest
    unit = facts.unit
    if latest is None:
        return Light(GREY, "暂无实际值")
    goal = facts.value
    figures: dict[str, Any] = {
        "target": float(goal),
        "latest": float(latest.value),
        "latest_when": latest.when,
    }
    met = latest.value >= goal if facts.higher_is_better else latest.value <= goal
    text = (
        f"实际值 {_num(latest.value)}{unit}（{latest.when}），"
        f"目标 {_num(goal)}{unit}（{facts.year}年）"
    )
    if met:
        return Light(GREEN, f"{text}，已达到", figures)
    goal_index = facts.year * 12 + 12
    if latest.index >= goal_index:
        return Light(RED, f"{text}，目标年份已到仍未达到", figures)
    if facts.rate:
        return _rate_light(facts, latest, text, figures, th)
    first = facts.first
    if first is None or first.index >= latest.index or first.value == goal:
        return Light(GREY, f"{text}，缺少基期值，无法判断序时进度", figures)
    time_pct = _pct((latest.index - first.index) / (goal_index - first.index) * 100)
    path_pct = _pct(float((latest.value - first.value) / (goal - first.value)) * 100)
    lag = time_pct - path_pct
    figures.update(time_pct=time_pct, path_pct=path_pct, lag_pct=lag, first_when=first.when)
    detail = f"{text}，自{first.when}起完成路径的 {path_pct}%，时间已过 {time_pct}%"
    if lag > th.target_red_pct:
        return Light(RED, f"{detail}，落后 {lag} 个百分点（红灯阈值 {th.target_red_pct}）", figures)
    if lag > th.target_yellow_pct:
        reason = f"{detail}，落后 {lag} 个百分点（黄灯阈值 {th.target_yellow_pct}）"
        return Light(YELLOW, reason, figures)
    return Light(GREEN, f"{detail}，符合序时进度", figures)


def _rate_light(
    facts: TargetFacts, latest: Point, text: str, figures: dict[str, Any], th: Thresholds
) -> Light:
    """A rate is judged by how far it falls short of the target, relative to the target."""
    goal = facts.value
    if goal == 0:
        return Light(GREY, f"{text}，目标为 0，无法计算差距", figures)
    gap = latest.value - goal if not facts.higher_is_better else goal - latest.value
    short = _pct(float(gap / abs(goal)) * 100)
    figures["shortfall_pct"] = short
    detail = f"{text}，差距 {short}%"
    if short > th.target_red_pct:
        return Light(RED, f"{detail}（红灯阈值 {th.target_red_pct}%）", figures)
    if short > th.target_yellow_pct:
        return Light(YELLOW, f"{detail}（黄灯阈值 {th.target_yellow_pct}%）", figures)
    return Light(GREEN, f"{detail}，在黄灯阈值 {th.target_yellow_pct}% 以内", figures)
