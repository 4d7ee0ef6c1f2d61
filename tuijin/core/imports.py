"""The web side of an Excel ledger import: upload → preview (nothing written) → confirm.

The uploaded bytes are kept under DATA_DIR/imports/<user id>/<sha256>.xlsx between the preview
and the confirmation; the confirm form carries only the hash. Confirming reads the stored bytes
again (the ledger may have changed since the preview) and calls the app's commit service, which
writes all rows or none. Each app supplies an `ImportKind` (see projects/ and plans/
excel_views.py).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .errors import ServiceError
from .excel import Preview

SHA256 = re.compile(r"^[0-9a-f]{64}$")
EXTENSIONS = (".xlsx", ".xlsm", ".xls")
MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # zip (xlsx), OLE2 (xls)
KEEP_SECONDS = 24 * 3600
SHOWN_ROWS = 500
ACTIONS = {
    "new": (gettext_lazy("新增"), "green"),
    "update": (gettext_lazy("更新"), "blue"),
    "same": (gettext_lazy("无变化"), "grey"),
}


@dataclass(frozen=True)
class ImportKind:
    """What differs between the project and the task import pages."""

    title: str | Promise
    list_url: str
    name_header: str | Promise
    column_labels: dict[str, str]
    preview: Callable[[bytes], Preview[Any]]
    commit: Callable[..., Any]
    row_name: Callable[[Any], str]


class LedgerUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel 台账"),
        help_text=gettext_lazy(".xlsx 文件（也可 .xls），先预览，确认后才写入"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xlsm,.xls"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = int(settings.TUIJIN_MAX_UPLOAD_BYTES)
        if upload.size > limit:
            raise forms.ValidationError(
                _("文件过大（%(size)s MB），上限为 %(limit)s MB")
                % {"size": round(upload.size / 1048576, 1), "limit": round(limit / 1048576, 1)}
            )
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(
                _("请上传 Excel 文件（.xlsx 或 .xls），不能导入此类型的文件")
            )
        head = upload.read(8)
        upload.seek(0)
        if not head.startswith(MAGIC):
            raise forms.ValidationError(_("文件内容不是 Excel 工作簿，可能已损坏或只是改了扩展名"))
        return upload


# stored uploads ---------------------------------------------------------------------------------
def _folder(request: HttpRequest) -> Path:
    return Path(settings.DATA_DIR) / "imports" / str(request.user.pk)


def store_upload(request: HttpRequest, data: bytes) -> str:
    """Keep DATA for the confirmation; its sha256 names it. Old uploads are removed."""
    folder = _folder(request)
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in folder.glob("*.xlsx"):
        if now - old.stat().st_mtime > KEEP_SECONDS:
            old.unlink(missing_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    (folder / f"{digest}.xlsx").write_bytes(data)
    return digest


def load_upload(request: HttpRequest, digest: str) -> bytes | None:
    if not SHA256.match(digest):
        return None
    path = _folder(request) / f"{digest}.xlsx"
    return path.read_bytes() if path.is_file() else None


def drop_upload(request: HttpRequest, digest: str) -> None:
    if SHA256.match(digest):
        (_folder(request) / f"{digest}.xlsx").unlink(missing_ok=True)


# the page ---------------------------------------------------------------------------------------
def import_page(request: HttpRequest, kind: ImportKind) -> HttpResponse:
    """GET: the upload form. POST with a file: the preview. POST with `sha256`: confirm."""
    if request.method == "POST" and "sha256" in request.POST:
        return _confirm(request, kind)
    form = LedgerUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _render(request, kind, form=form)
    upload = form.cleaned_data["file"]
    data = upload.read()
    try:
        preview = kind.preview(data)
    except ServiceError as exc:
        form.add_error("file", f"[{exc.code}] {exc.message}")
        return _render(request, kind, form=form)
    digest = store_upload(request, data) if preview.ok else ""
    return _render(
        request, kind, form=LedgerUploadForm(), preview=preview, digest=digest, filename=upload.name
    )


def _confirm(request: HttpRequest, kind: ImportKind) -> HttpResponse:
    digest = request.POST.get("sha256", "")
    filename = request.POST.get("filename", "")[:200]
    form = LedgerUploadForm()
    data = load_upload(request, digest)
    if data is None:
        error = _("上传的文件已失效或不存在，请重新上传")
        return _render(request, kind, form=form, error=error, status=400)
    try:
        preview = kind.preview(data)
    except ServiceError as exc:
        error = f"[{exc.code}] {exc.message}"
        return _render(request, kind, form=form, error=error, status=400)
    if not preview.ok:
        return _render(request, kind, form=form, preview=preview, filename=filename)
    try:
        result = kind.commit(preview=preview, actor=request.user)
    except ServiceError as exc:
        error = f"[{exc.code}] {exc.message}"
        return _render(
            request,
            kind,
            form=form,
            preview=preview,
            digest=digest,
            filename=filename,
            error=error,
        )
    drop_upload(request, digest)
    messages.success(
        request,
        _("导入完成：新增 %(created)s，更新 %(updated)s，无变化 %(unchanged)s")
        % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
    )
    return redirect(kind.list_url)


def _render(
    request: HttpRequest,
    kind: ImportKind,
    *,
    form: LedgerUploadForm,
    preview: Preview[Any] | None = None,
    digest: str = "",
    filename: str = "",
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    context: dict[str, Any] = {"kind": kind, "form": form, "preview": preview, "error": error}
    if preview is not None:
        rows = [_row(kind, r) for r in preview.rows]
        context.update(
            digest=digest,
            filename=filename,
            rows=rows[:SHOWN_ROWS],
            row_count=len(rows),
            more_rows=max(len(rows) - SHOWN_ROWS, 0),
            columns=[_column(kind, c) for c in preview.columns],
        )
    return render(request, "core/import.html", context, status=status)


def _row(kind: ImportKind, row: Any) -> dict[str, Any]:
    label, colour = ACTIONS.get(row.action, (row.action, "grey"))
    return {
        "row": row.row,
        "name": kind.row_name(row),
        "action": label,
        "colour": colour,
        "changes": "、".join(row.changes),
    }


def _column(kind: ImportKind, column: Any) -> dict[str, str]:
    meaning = kind.column_labels.get(column.key, column.key)
    if column.year and column.key in ("plan", "completed"):
        period = f"{column.year}年"
        if column.month:
            period += f"1-{column.month}月"
        meaning = f"{meaning}（{period}）"
    return {"letter": column.letter, "label": column.label, "meaning": meaning}
