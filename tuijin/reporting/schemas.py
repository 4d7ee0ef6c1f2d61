"""API schemas of reporting: cycles with their periods, submissions with their entries, and
warnings (红黄绿灯) with the figures behind them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from ninja import Field, Schema

from tuijin.core.schemas import Ref

from .choices import CycleKind, DueAnchor, SubmissionState, UnitScope, WarningLevel


class PeriodOut(Schema):
    id: int
    label: str
    start: date
    end: date
    due_date: date = Field(description="报送期限")
    closed: bool
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return reverse("reporting-period-board", args=[obj.pk])


class PeriodCounts(PeriodOut):
    submitted_count: int = Field(description="已报送（含已采纳）单位数")
    accepted_count: int
    late_count: int = Field(description="逾期报送单位数")


class CycleOut(Schema):
    id: int
    name: str
    kind: CycleKind
    kind_label: str = Field(alias="get_kind_display")
    due_workdays: int = Field(description="报送时限（工作日）")
    due_anchor: DueAnchor
    remind_workdays: int
    starts_on: date
    active: bool
    unit_scope: UnitScope
    description: str
    period_count: int = 0


class CycleDetail(CycleOut):
    units: list[Ref] = Field(description="指定单位（范围为指定单位时）")
    periods: list[PeriodCounts]

    @staticmethod
    def resolve_units(obj: Any) -> list[Any]:
        return list(obj.units.all())

    @staticmethod
    def resolve_periods(obj: Any) -> list[Any]:
        return list(getattr(obj, "periods_list", []))


class CyclePage(Schema):
    items: list[CycleOut]
    count: int


class SubmissionOut(Schema):
    id: int
    period: PeriodOut
    cycle: Ref
    unit: Ref
    state: SubmissionState
    state_label: str = Field(alias="get_state_display")
    late: bool = Field(description="逾期报送")
    submitted_at: datetime | None
    first_submitted_at: datetime | None
    office_comment: str = Field(description="办公室意见")
    returned_at: datetime | None
    accepted_at: datetime | None
    entry_count: int = 0
    problem_count: int = Field(0, description="提出问题或受阻的条目数")
    version: int = Field(
        description="版本号：每次修改加一；保存或报送时带上读到的版本，他人已修改则拒绝（409）"
    )
    url: str

    @staticmethod
    def resolve_cycle(obj: Any) -> Any:
        return obj.period.cycle

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return reverse("reporting-submission-detail", args=[obj.pk])


class EntryOut(Schema):
    id: int
    task: Ref | None
    project: Ref | None
    role: str
    progress_text: str
    percent: int
    investment_period: Decimal | None = Field(description="本期完成投资（亿元）")
    investment_cumulative: Decimal | None = Field(description="年度累计完成投资（亿元）")
    blocked: bool
    problem: str = Field(description="需协调解决的问题")


class FigureOut(Schema):
    id: int
    indicator: Ref
    area: Ref | None
    value: Decimal | None
    unit: str
    note: str


class AttachmentOut(Schema):
    id: int
    name: str
    size: int
    entry_id: int | None
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        """The download view (it checks who may see the report), never the storage's URL."""
        return reverse("reporting-attachment-download", args=[obj.pk])


class SubmissionDetail(SubmissionOut):
    summary: str
    entries: list[EntryOut]
    figures: list[FigureOut]
    attachments: list[AttachmentOut]

    @staticmethod
    def resolve_entries(obj: Any) -> list[Any]:
        return list(obj.entries.all())

    @staticmethod
    def resolve_figures(obj: Any) -> list[Any]:
        return list(obj.figures.all())

    @staticmethod
    def resolve_attachments(obj: Any) -> list[Any]:
        return list(obj.attachments.all())


class EntryIn(Schema):
    """One entry to fill in; fields left out stay as they are."""

    id: int
    progress_text: str | None = None
    percent: int | None = Field(None, description="完成进度 0–100")
    investment_period: Decimal | None = Field(None, description="本期完成投资（亿元）；null 清空")
    investment_cumulative: Decimal | None = Field(
        None, description="年度累计完成投资（亿元）；null 清空"
    )
    blocked: bool | None = None
    problem: str | None = None


class SubmissionEditIn(Schema):
    version: int = Field(description="读到的版本号（报送详情的 version）")
    summary: str | None = Field(None, description="总体情况；不传则不变")
    entries: list[EntryIn] = Field(default_factory=list)


class SubmissionSubmitIn(Schema):
    version: int | None = Field(
        None, description="读到的版本号；给出时，他人已修改则拒绝（409），不报送"
    )


class RefusalOut(Schema):
    code: str = Field(description="错误代码，如 R031、R037")
    detail: str = Field(description="拒绝原因（中文）")


class SubmissionPage(Schema):
    items: list[SubmissionOut]
    count: int


class WarningOut(Schema):
    id: int
    kind: str = Field(description="task / project / target")
    subject: Ref
    level: WarningLevel
    level_label: str = Field(alias="get_level_display")
    reason: str
    figures: dict[str, Any] = Field(description="依据数据")
    previous_level: str
    changed_at: datetime
    computed_at: datetime

    @staticmethod
    def resolve_subject(obj: Any) -> Any:
        return obj.subject

    @staticmethod
    def resolve_kind(obj: Any) -> str:
        return "task" if obj.task_id else "project" if obj.project_id else "target"


class WarningPage(Schema):
    items: list[WarningOut]
    count: int


def _warning_of(obj: Any) -> tuple[str | None, str | None]:
    """(level, reason) of a task or project: from `with_warning_level`'s annotation, or from
    its Warning row; (None, None) when not yet computed."""
    if hasattr(obj, "warning_level"):
        return obj.warning_level, getattr(obj, "warning_reason", None)
    try:
        warning = obj.warning
    except (ObjectDoesNotExist, AttributeError):
        return None, None
    return warning.level, warning.reason


class WarningLevelFields(Schema):
    """The light of a list row (mixed into the task and project schemas)."""

    warning_level: WarningLevel | None = Field(
        None, description="督办预警灯色：red/yellow/green/grey；未计算为 null"
    )
    warning_reason: str | None = Field(None, description="预警原因（含依据数据）")

    @staticmethod
    def resolve_warning_level(obj: Any) -> str | None:
        return _warning_of(obj)[0]

    @staticmethod
    def resolve_warning_reason(obj: Any) -> str | None:
        return _warning_of(obj)[1]
