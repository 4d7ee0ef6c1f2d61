"""JSON API of areas: /api/areas (list, filtered like the web list) and /api/areas/{id}."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from tuijin.core.api_lists import list_openapi, list_page

from .filters import AreaFilter
from .models import Area
from .schemas import AreaDetail, AreaPage
from .selectors import area_get, area_list

router = Router(tags=["区域"])


@router.get("", response=AreaPage, summary="区域列表", openapi_extra=list_openapi(AreaFilter))
def list_areas(request: HttpRequest) -> dict[str, Any]:
    return list_page(request, AreaFilter, area_list(request.user))


@router.get("/{area_id}", response=AreaDetail, summary="区域详情")
def get_area(request: HttpRequest, area_id: int) -> Area:
    return area_get(request.user, area_id)
