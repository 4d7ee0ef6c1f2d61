"""The key-project ledger in Excel on the web: import (preview → confirm) and export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from tuijin.core.downloads import xlsx_response
from tuijin.core.imports import ImportKind, import_page

from .excel import COLUMN_LABELS, ProjectRow, project_ledger_export
from .filters import ProjectFilter
from .selectors import project_list
from .services import project_import_commit, project_import_preview


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
    """The projects of the list page with the same filters, as the ledger layout."""
    filterset = ProjectFilter(request.GET or None, queryset=project_list(request.user))
    year = filterset.form.cleaned_data.get("year") if filterset.is_valid() else None
    data = project_ledger_export(filterset.qs, year=int(year) if year else None)
    return xlsx_response(data, "重点项目台账")
