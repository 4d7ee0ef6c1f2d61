"""Project pages: thin views over the selectors and the FilterSet."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuijin.core.listing import render_list
from tuijin.documents.selectors import provenance_of
from tuijin.reporting.selectors import with_warning_level

from .filters import ProjectFilter
from .selectors import ProgressRow, project_get, project_progress_rows, project_table


@login_required
def project_list_view(request: HttpRequest) -> HttpResponse:
    projects = with_warning_level(request.user, project_table(request.user))
    filterset = ProjectFilter(request.GET or None, queryset=projects)
    return render_list(
        request,
        filterset=filterset,
        template="projects/project_list.html",
        table_template="projects/_project_table.html",
        totals={"total_investment": Sum("total_investment")},
    )


@login_required
def project_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_get(request.user, pk)
    progress = project_progress_rows(project)
    latest_by_year: dict[int, ProgressRow] = {}
    for row in progress:  # newest first: the first row of a year is its latest
        latest_by_year.setdefault(row.report.year, row)
    plans = [(plan, latest_by_year.get(plan.year)) for plan in project.annual_plans.all()]
    context = {
        "project": project,
        "progress": progress,
        "plans": plans,
        "sources": provenance_of(request.user, project),
    }
    return render(request, "projects/project_detail.html", context)
