"""Task and target pages: thin views over the selectors and FilterSets."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuijin.core.listing import render_list
from tuijin.documents.selectors import provenance_of
from tuijin.reporting.selectors import with_warning_level

from .choices import AssignmentRole
from .filters import TargetFilter, TaskFilter
from .selectors import (
    TIER_ORDER,
    target_get,
    target_list,
    target_measurements,
    target_tiers,
    task_get,
    task_list,
    task_related,
)


@login_required
def task_list_view(request: HttpRequest) -> HttpResponse:
    tasks = with_warning_level(request.user, task_list(request.user))
    filterset = TaskFilter(request.GET or None, queryset=tasks, request=request)
    return render_list(
        request,
        filterset=filterset,
        template="plans/task_list.html",
        table_template="plans/_task_table.html",
    )


@login_required
def task_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    task = task_get(request.user, pk)
    assignments = list(task.assignments.all())
    # Parent, children and documents only as far as the user sees them (a liaison's task may
    # hang under another unit's).
    related = task_related(request.user, task)
    context = {
        "task": task,
        "sources": provenance_of(request.user, task),
        "ancestors": related.ancestors,
        "parent": related.parent,
        "document": related.document,
        "source_document": related.source_document,
        "lead": [a for a in assignments if a.role == AssignmentRole.LEAD],
        "responsible": [a for a in assignments if a.role == AssignmentRole.RESPONSIBLE],
        "children": related.children,
        "source_doc": related.source_document or related.document,
    }
    return render(request, "plans/task_detail.html", context)


@login_required
def target_list_view(request: HttpRequest) -> HttpResponse:
    filterset = TargetFilter(request.GET or None, queryset=target_list(request.user))
    return render_list(
        request,
        filterset=filterset,
        template="plans/target_list.html",
        table_template="plans/_target_table.html",
    )


@login_required
def target_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    target = target_get(request.user, pk)
    tiers = {t.tier: t for t in target_tiers(request.user, target)}
    context = {
        "target": target,
        "sources": provenance_of(request.user, target),
        "tier_cells": [(tier, tiers.get(tier.value)) for tier in TIER_ORDER],
        "measurements": target_measurements(request.user, target),
    }
    return render(request, "plans/target_detail.html", context)
