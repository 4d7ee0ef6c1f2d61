"""API schemas of units: one list item, one detail (with aliases), one page."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema

from tuijin.core.schemas import Ref

from .choices import AliasKind, UnitKind


class UnitAliasOut(Schema):
    name: str
    kind: AliasKind
    kind_label: str = Field(alias="get_kind_display")
    valid_from: date | None
    valid_to: date | None
    note: str


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    kind: UnitKind
    kind_label: str = Field(alias="get_kind_display")
    parent: Ref | None
    is_active: bool
    needs_review: bool
    url: str = Field(alias="get_absolute_url")


class UnitListItem(UnitOut):
    lead_task_count: int = Field(description="牵头任务数")
    responsible_task_count: int = Field(description="责任任务数")
    led_project_count: int = Field(description="牵头项目数")
    alias_count: int = Field(description="别名数")


class UnitDetail(UnitOut):
    note: str
    aliases: list[UnitAliasOut]
    children: list[Ref]


class UnitPage(Schema):
    items: list[UnitListItem]
    count: int
