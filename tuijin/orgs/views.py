"""Unit pages: what each unit leads and what it shares."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.accounts.permissions import allowed, require
from tuijin.core.errors import ServiceError
from tuijin.core.listing import render_list
from tuijin.documents.selectors import provenance_of
from tuijin.plans.choices import AssignmentRole
from tuijin.plans.selectors import unit_assignments
from tuijin.projects.selectors import project_list

from .choices import AliasKind
from .filters import UnitFilter
from .merge import unit_merge
from .models import Unit
from .selectors import unit_get, unit_list, unit_near_matches


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
    if allowed(user, "orgs.change_unit"):
        context["merge_into"] = Unit.objects.exclude(pk=unit.pk).only("pk", "name")
        context["near_matches"] = unit_near_matches(unit) if unit.needs_review else []
    return render(request, "orgs/unit_detail.html", context)


@login_required
@require_POST
def unit_merge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge this unit into the one chosen (the office's answer to a unit flagged 待核实)."""
    require(request.user, "orgs.change_unit")
    source = unit_get(request.user, pk)
    target = Unit.objects.filter(pk=request.POST.get("target") or 0).first()
    if target is None:
        messages.error(request, _("请选择要并入的单位"))
        return redirect(source)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("请勾选“合并后不能撤销”以确认"))
        return redirect(source)
    try:
        report = unit_merge(actor=request.user, source=source, target=target)
    except ServiceError as exc:
        messages.error(request, f"[{exc.code}] {exc.message}")
        return redirect(source)
    done = _("已将“%(source)s”并入“%(target)s”：转移 %(moved)d 条记录，新增别名 %(aliases)s。") % {
        "source": source.name,
        "target": target.name,
        "moved": report.total,
        "aliases": "、".join(report.aliases) or "—",
    }
    messages.success(request, done)
    return redirect(target)
