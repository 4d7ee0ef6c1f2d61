"""Reads of documents. Every selector takes `user` first (scoping lives here)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from tuijin.core.types import UserLike as User

from .filters import DocumentFilter
from .models import Document


def document_visible(user: User) -> QuerySet[Document]:
    return Document.objects.all()


def document_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Document]:
    """Documents without their (large) text and extraction, with task counts."""
    qs = (
        document_visible(user)
        .defer("text", "extraction")
        .select_related("uploaded_by")
        .annotate(task_count=Count("tasks", distinct=True))
    )
    if filters is not None:
        qs = DocumentFilter(filters, queryset=qs).qs
    return qs


def document_get(user: User, pk: int | str) -> Document:
    """One document with its full text; Http404 when missing."""
    qs = document_visible(user).select_related("uploaded_by").prefetch_related("stages")
    return get_object_or_404(qs, pk=pk)
