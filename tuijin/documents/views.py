"""Document pages: the source texts, with every extracted item linked to its span."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuijin.core.listing import render_list
from tuijin.plans.models import Target, Task
from tuijin.plans.selectors import target_list, task_list
from tuijin.projects.models import Project
from tuijin.projects.selectors import project_list

from .filters import DocumentFilter
from .selectors import document_get, document_list, document_provenance
from .text import Span, marked_text

LISTED_KINDS = {"task", "target", "project"}  # shown in their own tables on the page


@login_required
def document_list_view(request: HttpRequest) -> HttpResponse:
    filterset = DocumentFilter(request.GET or None, queryset=document_list(request.user))
    return render_list(
        request,
        filterset=filterset,
        template="documents/document_list.html",
        table_template="documents/_document_table.html",
    )


@dataclass
class Mention:
    obj: models.Model
    kind: str
    anchor: str
    count: int = 1


@login_required
def document_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    doc = document_get(user, pk)
    tasks = list(task_list(user).filter(document=doc))
    targets = list(target_list(user).filter(source_document=doc))
    projects = list(project_list(user).filter(source_document=doc))
    spans: list[Span] = []
    items: list[Task | Target | Project] = [*tasks, *targets, *projects]
    for item in items:
        if item.source_document_id == doc.pk and item.source_start is not None:
            spans.append(_span(item, item.source_start, item.source_end or item.source_start))
    mentions: dict[str, Mention] = {}
    for row, obj in document_provenance(user, doc):
        span = _span(obj, row.start, row.end, extra_anchor=f"p{row.pk}")
        spans.append(span)
        if span.kind not in LISTED_KINDS:
            key = f"{span.kind}-{obj.pk}"
            if key in mentions:
                mentions[key].count += 1
            else:
                mentions[key] = Mention(obj=obj, kind=span.kind, anchor=f"p{row.pk}")
    context = {
        "document": doc,
        "tasks": tasks,
        "targets": targets,
        "projects": projects,
        "mentions": sorted(mentions.values(), key=lambda m: (m.kind, str(m.obj))),
        "stages": doc.stages.all(),
        "text_html": marked_text(doc.text, spans) if doc.text else "",
        "span_count": len(spans),
    }
    return render(request, "documents/document_detail.html", context)


def _span(obj: models.Model, start: int, end: int, *, extra_anchor: str = "") -> Span:
    kind = obj._meta.model_name or "item"
    url_of = getattr(obj, "get_absolute_url", None)
    anchors = [extra_anchor] if extra_anchor else []
    anchors.append(f"{kind}-{obj.pk}")
    return Span(
        start=start,
        end=end,
        url=url_of() if url_of else "",
        title=f"{obj._meta.verbose_name}：{obj}",
        kind=kind,
        anchors=anchors,
    )
