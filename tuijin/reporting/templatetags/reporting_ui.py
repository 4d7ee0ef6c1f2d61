"""Warning lights (红黄绿灯) and the notice badge, for any page.

{% load reporting_ui %}
{% light task %}            a small coloured dot, the reason in its tooltip (list rows)
{% light task detail=True %} the dot, the level in words and the reason (detail pages)
{% notice_unread_count as n %}
{% warnings_overview %}     counts by level and the red ones (overview)
{% unit_warnings_panel unit %}
"""

from __future__ import annotations

from typing import Any

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from tuijin.reporting import selectors
from tuijin.reporting.choices import WarningLevel
from tuijin.reporting.models import Warning

register = template.Library()

OVERVIEW_REDS = 10
UNIT_WARNINGS = 20


def _level_and_reason(obj: Any) -> tuple[str, str, Warning | None]:
    if isinstance(obj, Warning):
        return obj.level, obj.reason, obj
    if hasattr(obj, "warning_level"):  # annotated by selectors.with_warning_level
        return obj.warning_level or "", getattr(obj, "warning_reason", "") or "", None
    try:
        warning = obj.warning
    except (ObjectDoesNotExist, AttributeError):
        return "", "", None
    return warning.level, warning.reason, warning


@register.inclusion_tag("reporting/_light.html")
def light(obj: Any, detail: bool = False) -> dict[str, Any]:
    level, reason, warning = _level_and_reason(obj)
    if not level:
        return {
            "level": "none",
            "label": _("未计算"),
            "reason": _("尚未计算预警"),
            "detail": detail,
            "warning": None,
        }
    return {
        "level": level,
        "label": WarningLevel(level).label,
        "reason": reason,
        "detail": detail,
        "warning": warning,
    }


@register.simple_tag(takes_context=True)
def notice_unread_count(context: dict[str, Any]) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return selectors.notice_unread_count(user)


def _summary_rows(summary: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    names = {"task": _("任务"), "project": _("项目"), "target": _("目标")}
    return [
        {"kind": kind, "label": names[kind], "counts": counts} for kind, counts in summary.items()
    ]


def _totals(summary: dict[str, dict[str, int]]) -> dict[str, int]:
    totals = {level: 0 for level in WarningLevel.values}
    for counts in summary.values():
        for level, n in counts.items():
            totals[level] = totals.get(level, 0) + n
    return totals


@register.inclusion_tag("reporting/_warnings_panel.html", takes_context=True)
def warnings_overview(context: dict[str, Any]) -> dict[str, Any]:
    user = context["request"].user
    summary = selectors.warning_summary(user)
    reds = selectors.warning_list(user, level=WarningLevel.RED)
    totals = _totals(summary)
    return {
        "request": context["request"],
        "rows": _summary_rows(summary),
        "totals": totals,
        "warnings": list(reds[:OVERVIEW_REDS]),
        "more": totals[WarningLevel.RED] > OVERVIEW_REDS,  # the summary counted them already
        "title": _("督办预警（红黄绿灯）"),
        "unit": None,
    }


@register.inclusion_tag("reporting/_warnings_panel.html", takes_context=True)
def unit_warnings_panel(context: dict[str, Any], unit: Any) -> dict[str, Any]:
    user = context["request"].user
    summary = selectors.warning_summary(user, unit=unit)
    warnings = selectors.unit_warnings(user, unit).exclude(level=WarningLevel.GREEN)
    return {
        "request": context["request"],
        "rows": _summary_rows(summary),
        "totals": _totals(summary),
        "warnings": list(warnings[:UNIT_WARNINGS]),
        "more": warnings.count() > UNIT_WARNINGS,
        "title": _("本单位预警"),
        "unit": unit,
    }
