"""API schemas of areas."""

from __future__ import annotations

from decimal import Decimal

from ninja import Field, Schema

from tuijin.core.schemas import Ref

from .choices import AreaKind, LayoutRole


class AreaOut(Schema):
    id: int
    name: str
    short_name: str
    kind: AreaKind
    kind_label: str = Field(alias="get_kind_display")
    parent: Ref | None
    layout_role: LayoutRole
    layout_role_label: str = Field(alias="get_layout_role_display")
    managing_unit: Ref | None
    url: str = Field(alias="get_absolute_url")


class AreaListItem(AreaOut):
    project_count: int = Field(description="项目数")
    child_count: int = Field(description="下级区域数")


class AreaDetail(AreaOut):
    positioning: str
    land_area_km2: Decimal | None
    children: list[Ref]
    clusters: list[Ref]


class AreaPage(Schema):
    items: list[AreaListItem]
    count: int
