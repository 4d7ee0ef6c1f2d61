"""API schemas of the project ledger: projects with annual plans and progress reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from tuijin.core.schemas import Ref, SourceSpan, source_of
from tuijin.reporting.schemas import WarningLevelFields

from .choices import EventKind, ProjectList, ProjectStage


class ProjectOut(WarningLevelFields):
    id: int
    name: str
    code: str
    total_investment: Decimal | None = Field(description="总投资(亿元)")
    stage: ProjectStage
    stage_label: str = Field(alias="get_stage_display")
    project_list: ProjectList = Field(alias="list", description="所属清单")
    project_list_label: str = Field(alias="get_list_display")
    start_year: int | None
    end_year: int | None
    area: Ref | None
    cluster: Ref | None
    enterprise: Ref | None
    lead_unit: Ref | None
    responsible_units: list[Ref]
    url: str = Field(alias="get_absolute_url")


class AnnualPlanOut(Schema):
    year: int
    planned_investment: Decimal = Field(description="年度计划投资(亿元)")
    milestones: str


class ProgressReportOut(Schema):
    year: int
    month: int
    completed_investment: Decimal = Field(description="本期完成投资(亿元)")
    cumulative_investment: Decimal = Field(description="年度累计完成投资(亿元)")
    progress: str
    problems: str
    reported_by: Ref | None


class EventOut(Schema):
    id: int
    kind: EventKind
    kind_label: str = Field(alias="get_kind_display")
    name: str
    date: date


class ProjectDetail(ProjectOut):
    content: str = Field(description="建设内容及规模")
    planned_start: date | None
    chain_link: Ref | None
    responsible_leader: str
    progress_note: str
    problems: str
    annual_plans: list[AnnualPlanOut]
    progress_reports: list[ProgressReportOut] = Field(description="最新在前")
    events: list[EventOut]
    source: SourceSpan | None

    @staticmethod
    def resolve_source(obj: Any) -> dict[str, Any] | None:
        return source_of(obj)


class ProjectPage(Schema):
    items: list[ProjectOut]
    count: int
