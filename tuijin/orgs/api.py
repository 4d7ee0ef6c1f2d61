"""JSON API of units: /api/units (list, filtered like the web list) and /api/units/{id}."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from tuijin.core.api_lists import list_openapi, list_page

from .filters import UnitFilter
from .models import Unit
from .schemas import UnitDetail, UnitPage
from .selectors import unit_get, unit_list

router = Router(tags=["单位"])


@router.get("", response=UnitPage, summary="单位列表", openapi_extra=list_openapi(UnitFilter))
def list_units(request: HttpRequest) -> dict[str, Any]:
    return list_page(request, UnitFilter, unit_list(request.user))


@router.get("/{unit_id}", response=UnitDetail, summary="单位详情（含别名）")
def get_unit(request: HttpRequest, unit_id: int) -> Unit:
    return unit_get(request.user, unit_id)
