"""Reads of clusters, chains and enterprises. Every selector takes `user` first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from tuijin.accounts.scoping import scope_public, visible_projects_q
from tuijin.core.types import UserLike as User

from .filters import ClusterFilter
from .models import Chain, ChainLink, Cluster, Enterprise


def cluster_visible(user: User) -> QuerySet[Cluster]:
    return scope_public(user, Cluster.objects.all())


def cluster_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Cluster]:
    """Clusters with lead unit, chain count and count of the projects the user sees."""
    qs = (
        cluster_visible(user)
        .select_related("lead_unit")
        .annotate(
            chain_count=Count("chains", distinct=True),
            project_count=Count(
                "projects", filter=visible_projects_q(user, "projects"), distinct=True
            ),
        )
    )
    if filters is not None:
        qs = ClusterFilter(filters, queryset=qs).qs
    return qs


def cluster_get(user: User, pk: int | str) -> Cluster:
    """One cluster with its chains (links ordered upstream→downstream, with their enterprises),
    areas and enterprises; Http404 when missing."""
    links = ChainLink.objects.order_by("order").prefetch_related(
        Prefetch("enterprises", queryset=Enterprise.objects.order_by("-chain_leader", "name"))
    )
    chains = Chain.objects.order_by("name").prefetch_related(Prefetch("links", queryset=links))
    qs = (
        cluster_visible(user)
        .select_related("lead_unit")
        .prefetch_related(
            Prefetch("chains", queryset=chains),
            "areas",
            Prefetch("enterprises", queryset=Enterprise.objects.select_related("area")),
        )
    )
    return get_object_or_404(qs, pk=pk)
