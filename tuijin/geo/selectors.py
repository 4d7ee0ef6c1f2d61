"""Reads of areas. Every selector takes `user` first (scoping lives here)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from tuijin.accounts.scoping import scope_public, visible_projects_q
from tuijin.core.types import UserLike as User

from .filters import AreaFilter
from .models import Area


def area_visible(user: User) -> QuerySet[Area]:
    return scope_public(user, Area.objects.all())


def area_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Area]:
    """Areas with parent, managing unit and counts of children and of the projects the user
    sees."""
    qs = (
        area_visible(user)
        .select_related("parent", "managing_unit")
        .annotate(
            project_count=Count(
                "projects", filter=visible_projects_q(user, "projects"), distinct=True
            ),
            child_count=Count("children", distinct=True),
        )
    )
    if filters is not None:
        qs = AreaFilter(filters, queryset=qs).qs
    return qs


def area_get(user: User, pk: int | str) -> Area:
    """One area with its children, clusters and enterprises; Http404 when missing."""
    qs = (
        area_visible(user)
        .select_related("parent", "managing_unit")
        .prefetch_related("children", "clusters", "enterprises__cluster")
    )
    return get_object_or_404(qs, pk=pk)
