"""Reads of units. Every selector takes `user` first: scoping is decided here, in one place
(for now every signed-in user sees every unit)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from tuijin.core.types import UserLike as User

from .filters import UnitFilter
from .models import Membership, Unit, UnitAlias


def unit_visible(user: User) -> QuerySet[Unit]:
    """The units USER may see (the one place a later issue scopes liaisons)."""
    return Unit.objects.all()


def unit_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Unit]:
    """Units with their parent and how many tasks/projects they lead or share."""
    qs = (
        unit_visible(user)
        .select_related("parent")
        .annotate(
            lead_task_count=Count("assignments", filter=Q(assignments__role="lead"), distinct=True),
            responsible_task_count=Count(
                "assignments", filter=Q(assignments__role="responsible"), distinct=True
            ),
            led_project_count=Count("led_projects", distinct=True),
            alias_count=Count("aliases", distinct=True),
        )
    )
    if filters is not None:
        qs = UnitFilter(filters, queryset=qs).qs
    return qs


def unit_get(user: User, pk: int | str) -> Unit:
    """One unit with aliases, group memberships and managed areas; Http404 when missing."""
    qs = (
        unit_visible(user)
        .select_related("parent", "enterprise")
        .prefetch_related(
            Prefetch("aliases", queryset=UnitAlias.objects.order_by("kind", "valid_from", "name")),
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("group", "person").order_by(
                    "group__order", "group__name", "role"
                ),
            ),
            "led_groups",
            "managed_areas",
            "children",
            "led_clusters",
        )
    )
    return get_object_or_404(qs, pk=pk)
