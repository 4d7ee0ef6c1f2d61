"""Reads of documents. Every selector takes `user` first: the rows come from
tuijin.accounts.scoping (a liaison sees the confirmed documents holding its unit's work)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, QuerySet

from tuijin.accounts.permissions import get_allowed
from tuijin.accounts.scoping import scope_documents, scope_projects, scope_tasks
from tuijin.core.types import UserLike as User

from .filters import DocumentFilter
from .models import Document, Provenance

SCOPED = {"plans.task": scope_tasks, "projects.project": scope_projects}


def document_visible(user: User) -> QuerySet[Document]:
    return scope_documents(user, Document.objects.all())


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
    """One document with its full text; Http404 when missing, PermissionDenied when out of
    USER's scope."""
    qs = Document.objects.select_related("uploaded_by").prefetch_related("stages")
    document: Document = get_allowed(user, qs, pk, "documents.view_document")
    return document


def provenance_of(user: User, obj: models.Model) -> QuerySet[Provenance]:
    """Every span (in every visible document) where OBJ was found, newest document first."""
    ctype = ContentType.objects.get_for_model(type(obj))
    return (
        Provenance.objects.filter(
            content_type=ctype, object_id=obj.pk, document__in=document_visible(user)
        )
        .select_related("document")
        .defer("document__text", "document__extraction")
        .order_by("-document__issued_on", "document_id", "start")
    )


def document_provenance(user: User, document: Document) -> list[tuple[Provenance, models.Model]]:
    """DOCUMENT's provenance rows with the objects they point at (one query per object type);
    rows whose object is gone, or is a task or project outside USER's scope, are left out."""
    rows = list(Provenance.objects.filter(document=document).order_by("start", "end"))
    wanted: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        wanted[row.content_type_id].add(row.object_id)
    found: dict[int, dict[Any, models.Model]] = {}
    for ctype_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(ctype_id).model_class()
        if model is None:
            found[ctype_id] = {}
            continue
        scope = SCOPED.get(model._meta.label_lower)
        objects = model._default_manager.all()
        found[ctype_id] = (scope(user, objects) if scope else objects).in_bulk(ids)
    return [
        (row, found[row.content_type_id][row.object_id])
        for row in rows
        if row.object_id in found[row.content_type_id]
    ]
