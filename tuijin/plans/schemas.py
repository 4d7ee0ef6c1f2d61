"""API schemas of tasks (with who owes them and where they came from) and targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from tuijin.core.schemas import Ref, SourceSpan, source_of
from tuijin.reporting.schemas import WarningLevelFields

from .choices import AssignmentRole, TargetKind, TargetTier, TaskStatus


class AssignmentOut(Schema):
    unit: Ref
    role: AssignmentRole
    role_label: str = Field(alias="get_role_display")
    unit_as_written: str = Field(description="文件原文中的单位名")


class TaskOut(WarningLevelFields):
    id: int
    code: str
    title: str
    section: str = Field(description="所在章节")
    deadline: date | None
    deadline_text: str = Field(description="时限(原文)")
    status: TaskStatus
    status_label: str = Field(alias="get_status_display")
    progress: int
    document: Ref | None
    parent_id: int | None
    assignments: list[AssignmentOut]
    url: str = Field(alias="get_absolute_url")


class TaskDetail(TaskOut):
    """One task. Parent, children and documents come from `obj.related` (the selector
    task_related): only those the user sees, so a liaison never reads another unit's titles."""

    text: str
    parent: Ref | None
    children: list[Ref]
    source: SourceSpan | None = Field(description="来源：文件、字符位置、原文与所在句子")

    @staticmethod
    def resolve_parent(obj: Any) -> Any:
        return obj.related.parent

    @staticmethod
    def resolve_parent_id(obj: Any) -> int | None:
        parent = obj.related.parent
        return parent.pk if parent is not None else None

    @staticmethod
    def resolve_children(obj: Any) -> list[Any]:
        return list(obj.related.children)

    @staticmethod
    def resolve_document(obj: Any) -> Any:
        return obj.related.document

    @staticmethod
    def resolve_source(obj: Any) -> dict[str, Any] | None:
        return source_of(obj) if obj.related.source_document is not None else None


class TaskPage(Schema):
    items: list[TaskOut]
    count: int


class IndicatorOut(Schema):
    id: int
    name: str
    unit_label: str
    category: str


class TargetOut(Schema):
    id: int
    indicator: IndicatorOut
    tier: TargetTier
    tier_label: str = Field(alias="get_tier_display")
    kind: TargetKind
    kind_label: str = Field(alias="get_kind_display")
    value: Decimal
    unit: str
    display_value: str
    year: int
    area: Ref | None
    cluster: Ref | None
    text: str = Field(description="原文")
    url: str = Field(alias="get_absolute_url")


class TargetDetail(TargetOut):
    base_value: Decimal | None = Field(description="换算为指标基准单位后的数值")
    source: SourceSpan | None

    @staticmethod
    def resolve_source(obj: Any) -> dict[str, Any] | None:
        return source_of(obj)


class TargetPage(Schema):
    items: list[TargetOut]
    count: int
