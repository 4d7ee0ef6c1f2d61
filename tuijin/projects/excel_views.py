"""The key-project ledger in Excel on the web: import (preview → confirm) and export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuijin.core.imports import ImportKind, import_page
from tuijin.core.jobs import job_start
from tuijin.core.listing import refuse_invalid_filters

from .excel import COLUMN_LABELS, ProjectRow
from .filters import ProjectFilter
from .selectors import project_list
from .services import project_import_commit, project_import_preview
from .tasks import export_projects  # noqa: F401  (registers the export job)


def _name(row: ProjectRow) -> str:
    return row.name


PROJECT_IMPORT = ImportKind(
    title=_("导入重点项目台账"),
    list_url="project-list",
    name_header=_("项目名称"),
    column_labels=COLUMN_LABELS,
    preview=project_import_preview,
    commit=project_import_commit,
    row_name=_name,
)


@login_required
@permission_required("projects.add_project", raise_exception=True)
def project_import_view(request: HttpRequest) -> HttpResponse:
    return import_page(request, PROJECT_IMPORT)


@login_required
def project_export_view(request: HttpRequest) -> HttpResponse:
    """The projects of the list page with the same filters, as the ledger layout: written in the
    task queue (projects/tasks.py); the job page offers the file when it is ready."""
    filterset = ProjectFilter(request.GET or None, queryset=project_list(request.user))
    if (refused := refuse_invalid_filters(filterset)) is not None:
        return refused
    started = job_start(
        kind="projects_export",
        label=str(_("导出重点项目台账")),
        actor=request.user,
        args=(request.GET.urlencode(), request.user.pk),
        start_url=f"{reverse('project-list')}?{request.GET.urlencode()}",
    )
    return redirect("job-detail", pk=started.pk)
