"""Demo key projects (all six stages), their annual investment plans, monthly progress in 2026
and the batch events (集中开工, 集中签约, 竣工投产) that link them.

Investments are sample figures in 亿元. Responsible leaders are role titles, not people.
The rows live in one module per group of clusters (`builder` holds the row builder and the
role titles); PROJECTS joins them in their original order, since a project's code is its
position. Annual plans and progress reports are derived below from each project's figures,
so the ledger stays consistent: a project's yearly plans add up to its total within the plan
years.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import city_functions, growing_clusters, major_clusters

PLAN_YEARS = (2025, 2026, 2027)
REPORT_YEAR = 2026
REPORT_MONTHS = (3, 6, 9, 10)

PROJECTS: list[dict[str, Any]] = [
    *major_clusters.PROJECTS,
    *growing_clusters.PROJECTS,
    *city_functions.PROJECTS,
]


def _d(value: float) -> str:
    return str(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


_MILESTONES = {
    "first": "完成施工准备和主体开工",
    "middle": "主体工程施工，主要设备订货和安装",
    "last": "设备调试、竣工验收并投产",
    "single": "开工建设并当年建成",
}


def _annual_plans(project: dict[str, Any]) -> list[dict[str, Any]]:
    """Spread the total evenly over the construction years; keep the plan years only."""
    if project["stage"] not in ("new", "continuing", "completed"):
        return []
    start, end = project["start_year"], project["end_year"]
    years = list(range(start, end + 1))
    share = float(project["total_investment"]) / len(years)
    rows = []
    for year in years:
        if year not in PLAN_YEARS:
            continue
        if start == end:
            milestone = _MILESTONES["single"]
        elif year == start:
            milestone = _MILESTONES["first"]
        elif year == end:
            milestone = _MILESTONES["last"]
        else:
            milestone = _MILESTONES["middle"]
        rows.append({"year": year, "planned_investment": _d(share), "milestones": milestone})
    return rows


def _progress_reports(project: dict[str, Any]) -> list[dict[str, Any]]:
    """Monthly reports in REPORT_YEAR for projects under construction (pace < 1 lags behind)."""
    if project["stage"] not in ("new", "continuing"):
        return []
    plan = next((p for p in project["annual_plans"] if p["year"] == REPORT_YEAR), None)
    if plan is None:
        return []
    planned = float(plan["planned_investment"])
    rows, previous = [], 0.0
    for month in REPORT_MONTHS:
        cumulative = round(min(planned, planned * project["pace"] * month / 12), 2)
        percent = round(cumulative / planned * 100) if planned else 0
        lagging = project["pace"] < 0.85
        rows.append(
            {
                "year": REPORT_YEAR,
                "month": month,
                "completed_investment": _d(cumulative - previous),
                "cumulative_investment": _d(cumulative),
                "progress": f"1—{month}月累计完成年度计划的{percent}%。"
                + (project["progress_note"] if month == REPORT_MONTHS[-1] else ""),
                "problems": project["problems"] if lagging else "",
            }
        )
        previous = cumulative
    return rows


def _planned_start(project: dict[str, Any]) -> str | None:
    if project["stage"] == "new":
        return f"{project['start_year']}-03-18"
    if project["stage"] in ("reserve", "preparing", "signed"):
        return f"{project['start_year']}-04-01"
    return None


for _number, _project in enumerate(PROJECTS, start=1):
    _project["code"] = f"LZZD-{_number:03d}"
    _project["planned_start"] = _planned_start(_project)
    _project["annual_plans"] = _annual_plans(_project)
    _project["progress_reports"] = _progress_reports(_project)


def _total(names: list[str]) -> str:
    by_name = {p["name"]: p for p in PROJECTS}
    return _d(sum(float(by_name[n]["total_investment"]) for n in names))


def _event(
    kind: str, name: str, date: str, area: str, description: str, names: list[str]
) -> dict[str, Any]:
    return {
        "kind": kind,
        "name": name,
        "date": date,
        "area": area,
        "projects": names,
        "total_investment": _total(names),
        "description": description,
    }


def _names(stage: str, start_year: int | None = None) -> list[str]:
    return [
        p["name"]
        for p in PROJECTS
        if p["stage"] == stage and (start_year is None or p["start_year"] == start_year)
    ]


_NEW_2026 = _names("new", 2026)

EVENTS: list[dict[str, Any]] = [
    _event(
        "groundbreaking",
        "2025年春季重大项目集中开工",
        "2025-03-20",
        "兰州市",
        "全市设主会场和县区分会场，续建项目同步复工。",
        _names("continuing", 2025),
    ),
    _event(
        "completion",
        "2025年重点项目集中竣工投产",
        "2025-12-18",
        "兰州新区",
        "年内建成的产业项目集中投产，检验全年项目建设成效。",
        _names("completed"),
    ),
    _event(
        "groundbreaking",
        "2026年春季重大项目集中开工",
        "2026-03-18",
        "兰州市",
        "一季度新开工产业项目和城市功能项目集中开工。",
        _NEW_2026[: len(_NEW_2026) // 2 + 1],
    ),
    _event(
        "groundbreaking",
        "2026年秋季重大项目集中开工",
        "2026-09-16",
        "榆中生态创新城",
        "下半年新开工项目集中开工，主会场设在生态创新城。",
        _NEW_2026[len(_NEW_2026) // 2 + 1 :],
    ),
    _event(
        "signing",
        "2026年兰洽会兰州市重点项目集中签约",
        "2026-07-08",
        "兰州市",
        "围绕产业链招商的签约项目，签约后纳入前期推进清单跟踪服务。",
        _names("signed"),
    ),
]

# A new project's planned start is the day of the batch groundbreaking it joined.
_BY_NAME = {p["name"]: p for p in PROJECTS}
for _event_row in EVENTS:
    if _event_row["kind"] == "groundbreaking":
        for _name in _event_row["projects"]:
            if _BY_NAME[_name]["stage"] == "new":
                _BY_NAME[_name]["planned_start"] = _event_row["date"]
