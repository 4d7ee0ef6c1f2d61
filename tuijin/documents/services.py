"""Writes of the documents domain: extract an upload for review, confirm it into the ledger.

Nothing reaches the ledger before `document_confirm`; a broken file is refused with the engine's
error code and leaves the database as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from tuijin.accounts.permissions import require
from tuijin.core.errors import ServiceError
from tuijin.core.types import UserLike

from .choices import DocumentKind, DocumentStatus
from .loader import LoadReport, load_extraction, parse_partial_date
from .models import Document, Provenance

_KIND_WORDS = (
    (DocumentKind.NOTICE, ("通知",)),
    (DocumentKind.REPORT, ("报告",)),
    (DocumentKind.PLAN, ("方案", "规划", "意见", "计划", "纲要")),
)


def _kind_of(title: str) -> str:
    for kind, words in _KIND_WORDS:
        if any(w in title for w in words):
            return kind
    return DocumentKind.NEWS if title else DocumentKind.OTHER


def _actor(user: UserLike | None) -> Any:
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def document_extract(*, data: bytes, filename: str, actor: UserLike | None = None) -> Document:
    """Read and extract DATA; store it for review. The same bytes twice give the same row."""
    require(actor, "documents.upload_document")
    from tuijin.ingest.errors import ExtractionError
    from tuijin.ingest.pipeline import extract_bytes, time_budget
    from tuijin.ingest.readers.isolated import budget, run_isolated

    if len(data) > settings.TUIJIN_MAX_UPLOAD_BYTES:
        limit = settings.TUIJIN_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ServiceError("D001", f"文件过大（上限 {limit} MB）")
    if not data:
        raise ServiceError("I002", "文件为空")
    sha = hashlib.sha256(data).hexdigest()
    existing = Document.objects.filter(sha256=sha).first()
    if existing is not None:
        return existing
    name = Path(filename).name or "document.txt"
    # Read and extracted in a child process under a time and memory limit, after the bounds on
    # size, compression and sheet range (tuijin/ingest/readers/limits.py): a crafted file costs
    # the child, never this process.
    seconds, _ = budget()
    try:
        text, encoding, payload = run_isolated(
            extract_bytes, data, name, timeout_s=seconds + time_budget(len(data))
        )
    except ExtractionError as exc:
        raise ServiceError(exc.code, exc.message) from exc
    meta = payload.get("meta") or {}
    with transaction.atomic():
        document = Document(
            title=(meta.get("title") or "")[:300],
            doc_number=(meta.get("doc_number") or "")[:80],
            issuer=(meta.get("issuer") or "")[:120],
            date_text=str(meta.get("date") or "")[:20],
            issued_on=parse_partial_date(meta.get("date"), end=False),
            kind=_kind_of(meta.get("title") or ""),
            original_name=name[:255],
            sha256=sha,
            encoding=encoding or "",
            text=text,
            extraction=payload,
            uploaded_by=_actor(actor),
        )
        document.file.save(name, ContentFile(data), save=False)
        document.full_clean(exclude=["file"])
        document.save()
    return document


def document_update_extraction(
    *, document: Document, extraction: dict[str, Any], actor: UserLike | None = None
) -> Document:
    """Store the office's corrections before confirmation."""
    require(actor, "documents.change_document", document)
    if document.status == DocumentStatus.CONFIRMED:
        raise ServiceError("D002", "文件已入库，不能再修改提取结果")
    if not isinstance(extraction, dict):
        raise ServiceError("D003", "提取结果格式错误")
    document.extraction = extraction
    document.save(update_fields=["extraction", "updated_at"])
    return document


@transaction.atomic(durable=True)
def document_confirm(*, document: Document, actor: UserLike | None = None) -> LoadReport:
    """Load the reviewed extraction into the ledger, all or nothing; twice changes nothing."""
    require(actor, "documents.change_document", document)
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if locked.status == DocumentStatus.CONFIRMED:
        return LoadReport()
    if not isinstance(locked.extraction, dict):
        raise ServiceError("D003", "提取结果格式错误")
    report = load_extraction(locked, locked.extraction)
    locked.status = DocumentStatus.CONFIRMED
    locked.confirmed_at = timezone.now()
    locked.save()
    document.status, document.confirmed_at = locked.status, locked.confirmed_at
    return report


def document_reject(*, document: Document, actor: UserLike | None = None) -> Document:
    require(actor, "documents.change_document", document)
    if document.status == DocumentStatus.CONFIRMED:
        raise ServiceError("D002", "文件已入库，不能退回")
    document.status = DocumentStatus.REJECTED
    document.save(update_fields=["status", "updated_at"])
    return document


def document_ingest(*, path: Path, actor: UserLike | None = None) -> tuple[Document, LoadReport]:
    """Extract and confirm in one go (the `tuijin ingest` command)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError("I007", f"无法读取文件：{exc.strerror or exc}") from exc
    document = document_extract(data=data, filename=path.name, actor=actor)
    report = document_confirm(document=document, actor=actor)
    document.refresh_from_db()
    return document, report


def provenance_move(*, source: models.Model, target: models.Model) -> tuple[int, int]:
    """Point the document sources of SOURCE at TARGET (a ledger object merged into another, of
    the same model); a span TARGET already has is dropped. Returns (moved, dropped)."""
    kind = ContentType.objects.get_for_model(type(source))
    moved = dropped = 0
    for row in Provenance.objects.filter(content_type=kind, object_id=source.pk):
        twin = Provenance.objects.filter(
            document_id=row.document_id,
            content_type=kind,
            object_id=target.pk,
            start=row.start,
            end=row.end,
        )
        if twin.exists():
            row.delete()
            dropped += 1
        else:
            row.object_id = target.pk
            row.save(update_fields=["object_id"])
            moved += 1
    return moved, dropped
