"""Unit pages: what each unit leads and what it shares."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuijin.core.listing import render_list
from tuijin.documents.selectors import provenance_of
from tuijin.plans.choices import AssignmentRole
from tuijin.plans.selectors import unit_assignments
from tuijin.projects.selectors import project_list

from .choices import AliasKind
from .filters import UnitFilter
from .selectors import unit_get, unit_list


@login_required
def unit_list_view(request: HttpRequest) -> HttpResponse:
    filterset = UnitFilter(request.GET or None, queryset=unit_list(request.user))
    return render_list(
        request,
        filterset=filterset,
        template="orgs/unit_list.html",
        table_template="orgs/_unit_table.html",
    )


@login_required
def unit_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    unit = unit_get(user, pk)
    assignments = list(unit_assignments(user, unit))
    aliases = list(unit.aliases.all())
    projects = project_list(user)
    context = {
        "unit": unit,
        "sources": provenance_of(user, unit),
        "lead_tasks": [a.task for a in assignments if a.role == AssignmentRole.LEAD],
        "responsible_tasks": [a.task for a in assignments if a.role == AssignmentRole.RESPONSIBLE],
        "led_projects": projects.filter(lead_unit=unit),
        "responsible_projects": projects.filter(responsible_units=unit),
        "aliases": [a for a in aliases if a.kind == AliasKind.ALIAS],
        "former_names": [a for a in aliases if a.kind == AliasKind.FORMER],
    }
    return render(request, "orgs/unit_detail.html", context)
