"""Download responses: an .xlsx built in memory, or a stored file (an attachment, an export),
each under its Chinese file name."""

from __future__ import annotations

import mimetypes

from django.core.files.storage import Storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(data: bytes, stem: str) -> HttpResponse:
    """DATA as an attachment named "<STEM>-<today>.xlsx"."""
    filename = f"{stem}-{timezone.localdate():%Y%m%d}.xlsx"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response


def stored_file_response(
    storage: Storage, name: str, filename: str, *, missing: str
) -> FileResponse:
    """The file NAME of STORAGE as a download called FILENAME, never shown in the browser nor
    kept in a shared cache; 404 with MISSING when the storage no longer has it."""
    try:
        handle = storage.open(name, "rb")
    except OSError:  # FileNotFoundError, or an object store's own
        raise Http404(missing) from None
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
