"""Cluster pages: tiers, chains with their links and chain-leader enterprises."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuijin.core.listing import render_list
from tuijin.documents.selectors import provenance_of
from tuijin.plans.selectors import TIER_ORDER, target_groups, target_list
from tuijin.projects.selectors import project_list

from .filters import ClusterFilter
from .selectors import cluster_get, cluster_list


@login_required
def cluster_list_view(request: HttpRequest) -> HttpResponse:
    filterset = ClusterFilter(request.GET or None, queryset=cluster_list(request.user))
    return render_list(
        request,
        filterset=filterset,
        template="industry/cluster_list.html",
        table_template="industry/_cluster_table.html",
    )


@login_required
def cluster_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    cluster = cluster_get(user, pk)
    context = {
        "cluster": cluster,
        "sources": provenance_of(user, cluster),
        "projects": project_list(user).filter(cluster=cluster),
        "target_groups": target_groups(target_list(user).filter(cluster=cluster)),
        "tiers": TIER_ORDER,
    }
    return render(request, "industry/cluster_detail.html", context)
