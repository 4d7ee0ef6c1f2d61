"""List endpoints of the JSON API: the app's FilterSet decides which rows, `limit`/`offset` which
page. The same FilterSet documents the query parameters in the OpenAPI schema.

    @router.get("", response=UnitPage, openapi_extra=list_openapi(UnitFilter))
    def unit_list_endpoint(request):
        return list_page(request, UnitFilter, unit_list(request.user))
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .listing import slice_rows
from .query_params import bounds_schema

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# Far past any ledger's size, far below the database's integers (an offset past 2**63 was a 500).
MAX_OFFSET = 10_000_000


class ApiError(Exception):
    """A refused request, answered as `{"code", "detail", "errors"}` with `status`."""

    def __init__(
        self, status: int, code: str, detail: str, errors: dict[str, list[str]] | None = None
    ) -> None:
        super().__init__(f"[{code}] {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors or {}


class PageForm(forms.Form):
    limit = forms.IntegerField(
        label=_("每页条数"), min_value=1, max_value=MAX_LIMIT, required=False
    )
    offset = forms.IntegerField(
        label=_("跳过条数"), min_value=0, max_value=MAX_OFFSET, required=False
    )


def _form_errors(form: Any) -> dict[str, list[str]]:
    return {
        field: [str(message) for message in messages] for field, messages in form.errors.items()
    }


def _stable(rows: QuerySet[Any]) -> QuerySet[Any]:
    """End the ordering with the primary key, so that pages neither repeat nor skip rows."""
    ordering = list(rows.query.order_by) or list(rows.model._meta.ordering)
    if any(str(key).lstrip("-") in {"pk", "id"} for key in ordering):
        return rows
    return rows.order_by(*ordering, "pk")


def list_page(
    request: HttpRequest, filterset_class: type[Any], queryset: QuerySet[Any]
) -> dict[str, Any]:
    """Filter QUERYSET by the request's query string and cut one page: `{"items", "count"}`.

    Invalid filter or page values raise ApiError (400) carrying every error by parameter.
    """
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    page = PageForm(request.GET)
    errors: dict[str, list[str]] = {}
    if not filterset.is_valid():
        errors.update(_form_errors(filterset.form))
    if not page.is_valid():
        errors.update(_form_errors(page))
    if errors:
        raise ApiError(400, "A001", str(_("查询参数无效")), errors)
    rows: QuerySet[Any] = _stable(filterset.qs)
    limit = page.cleaned_data["limit"] or DEFAULT_LIMIT
    offset = page.cleaned_data["offset"] or 0
    items: list[Model] = list(slice_rows(rows, offset, offset + limit))
    return {"items": items, "count": rows.count()}


def _choices_text(choices: Any) -> str:
    return "; ".join(f"{value}={label}" for value, label in choices if value != "")


def _parameter(name: str, flt: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    description = str(flt.label or name)
    if isinstance(flt, django_filters.OrderingFilter):
        names = list(flt.param_map)
        schema["enum"] = [prefix + n for n in names for prefix in ("", "-")]
        description += str(_("（前加“-”为倒序）"))
    elif isinstance(flt, django_filters.ModelChoiceFilter):
        schema = {"type": "integer"}
        description += " (id)"
    elif isinstance(flt, django_filters.ChoiceFilter):
        choices = list(flt.extra.get("choices") or [])
        schema["enum"] = [value for value, _label in choices if value != ""]
        description += f": {_choices_text(choices)}"
    elif isinstance(flt, django_filters.NumberFilter | django_filters.DateFilter):
        schema = bounds_schema(flt.field)
    return {
        "in": "query",
        "name": name,
        "required": False,
        "schema": schema,
        "description": description,
    }


def list_openapi(filterset_class: type[Any]) -> dict[str, Any]:
    """OpenAPI parameters of a list endpoint: every filter of the FilterSet, then the page."""
    parameters = [_parameter(name, flt) for name, flt in filterset_class.base_filters.items()]
    parameters += [
        {
            "in": "query",
            "name": "limit",
            "required": False,
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_LIMIT,
                "default": DEFAULT_LIMIT,
            },
            "description": str(_("每页条数")),
        },
        {
            "in": "query",
            "name": "offset",
            "required": False,
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
            "description": str(_("跳过条数")),
        },
    ]
    return {"parameters": parameters}
