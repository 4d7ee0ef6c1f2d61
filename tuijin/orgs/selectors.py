"""Reads of units. Every selector takes `user` first. Units are reference data: every signed-in
user reads every unit (tuijin.accounts.scoping); what a unit's page lists of tasks, projects and
submissions comes from those apps' scoped selectors, so a liaison sees its own unit's page in
full and of another unit only the public part and what the two units share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django.db.models import (
    Case,
    F,
    Func,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from rapidfuzz import fuzz, process

from tuijin.accounts.permissions import get_allowed
from tuijin.accounts.scoping import scope_projects, scope_units, visible_tasks_q
from tuijin.core.types import UserLike as User

from .filters import UnitFilter, unit_search_q
from .models import Membership, Unit, UnitAlias


def unit_visible(user: User) -> QuerySet[Unit]:
    """The units USER may see (every unit for anyone signed in)."""
    return scope_units(user, Unit.objects.all())


def unit_suggestions(user: User, text: str, *, limit: int = 20) -> list[Unit]:
    """At most LIMIT units USER sees whose name, short name or alias contains TEXT: those whose
    name starts with it first, then by name (the search box of a unit filter)."""
    text = text.strip()
    if not text:
        return []
    starts = Case(When(name__startswith=text, then=Value(0)), default=Value(1))
    rows = unit_visible(user).filter(unit_search_q(text)).only("pk", "name")
    return list(rows.order_by(starts, "name", "pk")[:limit])


def _count_of(rows: QuerySet[Any]) -> Coalesce:
    """How many of ROWS (already tied to the outer unit by OuterRef): one correlated subquery,
    so that several counts beside a unit do not multiply each other's joined rows."""
    counted = rows.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def unit_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Unit]:
    """Units with their parent and how many tasks/projects they lead or share (of those the
    user sees).

    Each count is its own subquery: counted in one GROUP BY over joined assignments, projects
    and aliases, the rows multiplied (2,000 units took 13 s for a page of 50)."""
    assignment = cast("type[Model]", Unit._meta.get_field("assignments").related_model)
    project = cast("type[Model]", Unit._meta.get_field("led_projects").related_model)
    assignments = assignment._default_manager.filter(
        visible_tasks_q(user, "task"), unit=OuterRef("pk")
    )
    qs = (
        unit_visible(user)
        .select_related("parent")
        .annotate(
            lead_task_count=_count_of(assignments.filter(role="lead")),
            responsible_task_count=_count_of(assignments.filter(role="responsible")),
            led_project_count=_count_of(
                scope_projects(user, project._default_manager.filter(lead_unit=OuterRef("pk")))
            ),
            alias_count=_count_of(UnitAlias.objects.filter(unit=OuterRef("pk"))),
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
