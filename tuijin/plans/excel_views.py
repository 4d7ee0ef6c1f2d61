"""The task ledger (任务分解表) in Excel on the web: import (preview → confirm) and export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from tuijin.core.downloads import xlsx_response
from tuijin.core.imports import ImportKind, import_page
from tuijin.core.listing import refuse_invalid_filters

from .excel import COLUMN_LABELS, TaskRow, task_ledger_export
from .filters import TaskFilter
from .selectors import task_list
from .services import task_import_commit, task_import_preview


def _name(row: TaskRow) -> str:
    return f"{row.code} {row.title}".strip()


TASK_IMPORT = ImportKind(
    title=_("导入任务分解表"),
    list_url="task-list",
    name_header=_("任务"),
    column_labels=COLUMN_LABELS,
    preview=task_import_preview,
    commit=task_import_commit,
    row_name=_name,
)


@login_required
@permission_required("plans.add_task", raise_exception=True)
def task_import_view(request: HttpRequest) -> HttpResponse:
    return import_page(request, TASK_IMPORT)


@login_required
def task_export_view(request: HttpRequest) -> HttpResponse:
    """The tasks of the list page with the same filters, as the ledger layout."""
    filterset = TaskFilter(request.GET or None, queryset=task_list(request.user), request=request)
    if (refused := refuse_invalid_filters(filterset)) is not None:
        return refused
    return xlsx_response(task_ledger_export(filterset.qs), "任务分解表")
