"""A background job's page: where it stands while it runs, how it ended, and (for the user who
started it) on to the result when it is done."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from .downloads import stored_file_response
from .models import Job


def _visible_job(request: HttpRequest, pk: int) -> Job:
    row = Job.objects.filter(pk=pk).first()
    user = request.user
    if row is None or not (row.created_by_id == user.pk or user.is_superuser):
        raise Http404("没有这个后台任务")  # another user's job: not even its label
    return row


@login_required
@require_GET
def job_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    row = _visible_job(request, pk)
    user = request.user
    if (
        row.status == Job.Status.DONE
        and row.result_url
        and not row.result_file
        and row.created_by_id == user.pk
    ):
        if row.result_note:
            messages.success(request, row.result_note)
        return redirect(row.result_url)
    return render(request, "core/job.html", {"job": row, "refresh": not row.finished})


@login_required
@require_GET
def job_download_view(request: HttpRequest, pk: int) -> FileResponse:
    """The file a finished job wrote (an export), for the user who started it."""
    row = _visible_job(request, pk)
    if row.status != Job.Status.DONE or not row.result_file:
        raise Http404("该后台任务没有可下载的文件")
    return stored_file_response(
        default_storage, row.result_file, row.result_filename, missing="文件已过期，请重新导出"
    )
