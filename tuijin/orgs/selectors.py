"""Reads of units. Every selector takes `user` first. Units are reference data: every signed-in
user reads every unit (tuijin.accounts.scoping); what a unit's page lists of tasks, projects and
submissions comes from those apps' scoped selectors, so a liaison sees its own unit's page in
full and of another unit only the public part and what the two units share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from rapidfuzz import fuzz, process

from tuijin.accounts.permissions import get_allowed
from tuijin.accounts.scoping import scope_units, visible_projects_q, visible_tasks_q
from tuijin.core.types import UserLike as User

from .filters import UnitFilter
from .models import Membership, Unit, UnitAlias


def unit_visible(user: User) -> QuerySet[Unit]:
    """The units USER may see (every unit for anyone signed in)."""
    return scope_units(user, Unit.objects.all())


def unit_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Unit]:
    """Units with their parent and how many tasks/projects they lead or share (of those the
    user sees)."""
    tasks = visible_tasks_q(user, "assignments__task")
    qs = (
        unit_visible(user)
        .select_related("parent")
        .annotate(
            lead_task_count=Count(
                "assignments", filter=Q(assignments__role="lead") & tasks, distinct=True
            ),
            responsible_task_count=Count(
                "assignments", filter=Q(assignments__role="responsible") & tasks, distinct=True
            ),
            led_project_count=Count(
                "led_projects", filter=visible_projects_q(user, "led_projects"), distinct=True
            ),
            alias_count=Count("aliases", distinct=True),
        )
    )
    if filters is not None:
        qs = UnitFilter(filters, queryset=qs).qs
    return qs


def unit_get(user: User, pk: int | str) -> Unit:
    """One unit with aliases, group memberships and managed areas; Http404 when missing."""
    qs = Unit.objects.select_related("parent", "enterprise").prefetch_related(
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
    unit: Unit = get_allowed(user, qs, pk, "orgs.view_unit")
    return unit


def unit_near_matches(unit: Unit, *, limit: int = 3, cutoff: float = 80) -> list[Unit]:
    """Units whose name, short name or alias is spelt nearly like UNIT's (市城执法管局 ≈
    市城管执法局): what a unit an import created for review is likely a slip for."""
    names: dict[str, int] = {}
    others = Unit.objects.exclude(pk=unit.pk).filter(needs_review=False)
    for pk, name, short in others.values_list("pk", "name", "short_name"):
        names[name] = pk
        if short:
            names.setdefault(short, pk)
    aliases = UnitAlias.objects.filter(unit__in=others).values_list("name", "unit_id")
    for name, pk in aliases:
        names.setdefault(name, pk)
    choices, owners = list(names), list(names.values())
    best: dict[int, float] = {}
    for query in (n for n in (unit.name, unit.short_name) if n):
        for _name, score, at in process.extract(
            query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 3
        ):
            best[owners[at]] = max(score, best.get(owners[at], 0.0))
    ranked = sorted(best, key=lambda pk: -best[pk])[:limit]
    found = Unit.objects.in_bulk(ranked)
    return [found[pk] for pk in ranked if pk in found]
