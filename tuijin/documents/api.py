"""JSON API of documents: /api/documents (list) and /api/documents/{id} (with full text)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from tuijin.core.api_lists import list_openapi, list_page

from .filters import DocumentFilter
from .models import Document
from .schemas import DocumentDetail, DocumentPage
from .selectors import document_get, document_list

router = Router(tags=["文件"])


@router.get(
    "", response=DocumentPage, summary="文件列表", openapi_extra=list_openapi(DocumentFilter)
)
def list_documents(request: HttpRequest) -> dict[str, Any]:
    return list_page(request, DocumentFilter, document_list(request.user))


@router.get("/{document_id}", response=DocumentDetail, summary="文件详情（含全文）")
def get_document(request: HttpRequest, document_id: int) -> Document:
    return document_get(request.user, document_id)
