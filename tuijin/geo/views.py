"""Area pages: the spatial layout and what sits in each area."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuijin.core.listing import render_list
from tuijin.documents.selectors import provenance_of
from tuijin.plans.selectors import TIER_ORDER, target_groups, target_list
from tuijin.projects.selectors import project_list

from .filters import AreaFilter
from .selectors import area_get, area_list


@login_required
def area_list_view(request: HttpRequest) -> HttpResponse:
    filterset = AreaFilter(request.GET or None, queryset=area_list(request.user))
    return render_list(
        request,
        filterset=filterset,
        template="geo/area_list.html",
        table_template="geo/_area_table.html",
    )


@login_required
def area_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    area = area_get(user, pk)
    context = {
        "area": area,
        "sources": provenance_of(user, area),
        "projects": project_list(user).filter(area=area),
        "target_groups": target_groups(target_list(user).filter(area=area)),
        "tiers": TIER_ORDER,
    }
    return render(request, "geo/area_detail.html", context)
