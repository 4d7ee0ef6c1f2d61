"""Unit pages: what each unit leads and what it shares."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.accounts.permissions import allowed, require
from tuijin.core.errors import ServiceError
from tuijin.core.listing import render_list
from tuijin.documents.selectors import provenance_of
from tuijin.plans.choices import AssignmentRole
from tuijin.plans.selectors import unit_assignments
from tuijin.projects.selectors import project_visible

from .choices import AliasKind
from .filters import UnitFilter
from .merge import unit_merge
from .models import Unit
from .selectors import unit_get, unit_list, unit_near_matches, unit_suggestions


@login_required
def unit_list_view(request: HttpRequest) -> HttpResponse:
    filterset = UnitFilter(request.GET or None, queryset=unit_list(request.user))
    return render_list(
        request,
        filterset=filterset,
        template="orgs/unit_list.html",
        table_template="orgs/_unit_table.html",
    )


UNIT_PAGE_ROWS = 20  # tasks or projects per list on a unit's page; the rest on the list pages
MERGE_QUERY_MAX = 50
MERGE_FOUND = 20  # units the merge form's search offers


@login_required
def unit_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    merge_query = request.GET.get("merge_q", "").strip()
    if len(merge_query) > MERGE_QUERY_MAX:
        reason = _("单位名称最多 %(n)d 个字") % {"n": MERGE_QUERY_MAX}
        return HttpResponseBadRequest(
            f"[X020] {_('筛选条件无效')}：merge_q {reason}",
            content_type="text/plain; charset=utf-8",
        )
    unit = unit_get(user, pk)
    assignments = unit_assignments(user, unit)
    lead = assignments.filter(role=AssignmentRole.LEAD)
    shared = assignments.filter(role=AssignmentRole.RESPONSIBLE)
    projects = (
        project_visible(user)
        .select_related("area")
        .only("name", "stage", "total_investment", "area__name")
    )
    led = projects.filter(lead_unit=unit)
    responsible = projects.filter(responsible_units=unit)
    aliases = list(unit.aliases.all())
    context = {
        "unit": unit,
        "sources": provenance_of(user, unit),
        "lead_tasks": [a.task for a in lead[:UNIT_PAGE_ROWS]],
        "responsible_tasks": [a.task for a in shared[:UNIT_PAGE_ROWS]],
        "led_projects": list(led[:UNIT_PAGE_ROWS]),
        "responsible_projects": list(responsible[:UNIT_PAGE_ROWS]),
        "totals": {
            "lead_tasks": lead.count(),
            "responsible_tasks": shared.count(),
            "led_projects": led.count(),
            "responsible_projects": responsible.count(),
        },
        "aliases": [a for a in aliases if a.kind == AliasKind.ALIAS],
        "former_names": [a for a in aliases if a.kind == AliasKind.FORMER],
    }
    if allowed(user, "orgs.change_unit"):
        context["can_merge"] = True
        context["near_matches"] = unit_near_matches(unit) if unit.needs_review else []
        context["merge_query"] = merge_query
        found = unit_suggestions(user, merge_query, limit=MERGE_FOUND + 1)
        context["merge_found"] = [u for u in found if u.pk != unit.pk][:MERGE_FOUND]
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
