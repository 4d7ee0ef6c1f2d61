"""The one shared shape of a list page: FilterSet → paginated table; HTMX gets the table only."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

PER_PAGE = 25


def render_list(
    request: HttpRequest,
    *,
    filterset: Any,
    template: str,
    table_template: str,
    extra: dict[str, Any] | None = None,
    per_page: int = PER_PAGE,
) -> HttpResponse:
    """Render TEMPLATE with the filter form and one page of FILTERSET.qs.

    When the request comes from HTMX (the filter form), only TABLE_TEMPLATE is rendered.
    """
    rows = filterset.qs
    if not rows.ordered:  # a sort on a column of equal values still pages stably
        rows = rows.order_by("pk")
    paginator = Paginator(rows, per_page)
    page = paginator.get_page(request.GET.get("page"))
    context: dict[str, Any] = {
        "filter": filterset,
        "page_obj": page,
        "object_list": page.object_list,
        "table_template": table_template,
        **(extra or {}),
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx and not htmx.boosted and htmx.target == "results")
    response = render(request, table_template if partial else template, context)
    # The same URL answers with a page or a table: caches must tell them apart.
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response
