"""Upload a document, review its extraction beside the source text, correct, then confirm.

Nothing reaches the ledger before “确认入库”; a refused upload or correction saves nothing.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from tuijin.accounts.permissions import require
from tuijin.core.errors import ServiceError
from tuijin.core.jobs import job_start

from .choices import DocumentStatus
from .review import KINDS, TIERS, apply_corrections, review_items
from .selectors import document_get
from .services import (
    document_confirm,
    document_reject,
    document_update_extraction,
)
from .tasks import PENDING

ACCEPT = ".txt,.docx,.pdf,.html,.htm,.xlsx"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("规划文件"),
        help_text=_("支持 txt（UTF-8/GBK/UTF-16）、docx、pdf（文字版）、html、xlsx 任务分解表"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        limit = settings.TUIJIN_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"文件过大（{upload.size // 1048576} MB），上限 {limit // 1048576} MB"
            )
        return upload


@login_required
@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest) -> HttpResponse:
    require(request.user, "documents.upload_document")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Read and extracted in the task queue (documents/tasks.py); the job page shows where it
        # stands and sends the office on to the review when it is done.
        name = Path(upload.name).name or "document.txt"
        stored = default_storage.save(
            f"{PENDING}{uuid.uuid4().hex}{Path(name).suffix[:10]}", upload
        )
        started = job_start(
            kind="document_extract",
            label=f"提取《{name}》",
            actor=request.user,
            args=(stored, name, request.user.pk),
            start_url=request.path,
        )
        return redirect("job-detail", pk=started.pk)
    return render(request, "documents/upload.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(request.user, pk)
    require(request.user, "documents.change_document", document)
    if document.status == DocumentStatus.CONFIRMED:
        messages.info(request, "该文件已入库。")
        return redirect(document.get_absolute_url())
    error = None
    if request.method == "POST":
        action = request.POST.get("action", "save")
        try:
            if action == "reject":
                document_reject(document=document, actor=request.user)
                messages.info(request, "已退回，未写入台账。")
                return redirect("document-list")
            corrected = apply_corrections(document.extraction or {}, request.POST)
            document_update_extraction(document=document, extraction=corrected, actor=request.user)
            if action == "confirm":
                report = document_confirm(document=document, actor=request.user)
                created = "，".join(f"{k} {v}" for k, v in report.created.items()) or "无新增"
                messages.success(request, f"已入库：新建 {created}。")
                if report.new_units:
                    messages.warning(request, f"新建单位待核实：{'、'.join(report.new_units)}")
                if report.collective:
                    messages.info(request, f"集体表述：{report.collective_note()}")
                return redirect(document.get_absolute_url())
            messages.success(request, "修改已保存。")
            return redirect("document-review", pk=document.pk)
        except ServiceError as exc:
            error = f"[{exc.code}] {exc.message}"
    context = {
        "document": document,
        "items": review_items(document.extraction or {}, document.text),
        "meta": (document.extraction or {}).get("meta") or {},
        "kinds": KINDS,
        "tiers": TIERS,
        "error": error,
    }
    return render(request, "documents/review.html", context, status=400 if error else 200)
