"""The overview page (one picture of the whole plan) and sign-in/out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tuijin.accounts.scoping import role_of, unit_id_of
from tuijin.core import figures_cache
from tuijin.documents.selectors import document_visible
from tuijin.orgs.selectors import unit_visible
from tuijin.plans.choices import TaskStatus
from tuijin.plans.selectors import TIER_ORDER, target_groups, target_list, task_list
from tuijin.projects.selectors import Bucket, project_buckets, project_total_investment

OVERVIEW_TARGET_GROUPS = 40
# Chart colours for the badge colour names (static/tuijin/app.css), so a pie matches its badges.
CHART_COLOURS = {
    "grey": "#8a94a3",
    "blue": "#2f6fb7",
    "green": "#2e8b57",
    "yellow": "#d9b200",
    "orange": "#e07b24",
    "red": "#c0392b",
    "purple": "#7b4bb0",
    "teal": "#1a8a84",
}


def _chart_data(buckets: list[Bucket], param: str, *, by_colour: bool = False) -> dict[str, Any]:
    """Bucket rows as the JSON the charts read (see static/tuijin/app.js)."""
    base = reverse("project-list")
    return {
        "labels": [b.label or str(_("未指定")) for b in buckets],
        "counts": [b.count for b in buckets],
        "investment": [float(b.investment) for b in buckets],
        "colours": [CHART_COLOURS.get(b.colour, "") for b in buckets] if by_colour else [],
        "links": [
            f"{base}?{urlencode({param: b.key})}" if b.key is not None else "" for b in buckets
        ],
    }


def _figures(user: Any) -> dict[str, Any]:
    """The overview's counts, buckets and target table (cached: see `_figures_key`)."""
    by_stage = project_buckets(user, "stage")
    by_area = project_buckets(user, "area")
    by_cluster = project_buckets(user, "cluster")
    # Only the first groups are shown: fold just enough target rows (a group holds one row per
    # tier), one row more than the groups shown tells whether there are more.
    rows = (
        target_list(user)
        .filter(kind="target")
        .order_by("indicator__name", "indicator_id", "year", "group_key", "tier")
    )
    groups = target_groups(rows[: (OVERVIEW_TARGET_GROUPS + 1) * len(TIER_ORDER)])
    tasks = task_list(user)
    status_counts = {
        row["status"]: row["n"] for row in tasks.order_by().values("status").annotate(n=Count("id"))
    }
    task_status = [
        {"value": v, "label": label, "colour": TaskStatus.colour(v), "count": status_counts[v]}
        for v, label in TaskStatus.choices
        if v in status_counts
    ]
    return {
        "counts": {
            "units": unit_visible(user).count(),
            "tasks": sum(status_counts.values()),
            "projects": sum(b.count for b in by_stage),
            "investment": project_total_investment(user),
            "targets": target_list(user).order_by().count(),
            "documents": document_visible(user).count(),
        },
        "task_status": task_status,
        "target_groups": groups[:OVERVIEW_TARGET_GROUPS],
        "target_groups_more": len(groups) > OVERVIEW_TARGET_GROUPS,
        "by_stage": by_stage,
        "by_area": by_area,
        "by_cluster": by_cluster,
        "chart_stage": _chart_data(by_stage, "stage", by_colour=True),
        "chart_area": _chart_data(by_area, "area"),
        "chart_cluster": _chart_data(by_cluster, "cluster"),
        "total_investment": sum((b.investment for b in by_stage), Decimal(0)),
    }


def _figures_key(user: Any) -> str:
    """Users with the same role and unit see the same rows, in their language."""
    return f"overview:{role_of(user)}:{unit_id_of(user)}:{get_language()}"


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = figures_cache.cached(_figures_key(user), lambda: _figures(user))
    return render(request, "core/overview.html", {**context, "tiers": TIER_ORDER})


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass
