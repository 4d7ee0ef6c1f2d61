"""API schemas of documents: the list leaves out the full text; the detail carries it."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

from .choices import DocumentKind, DocumentStatus


class DocumentOut(Schema):
    id: int
    title: str
    doc_number: str = Field(description="文号")
    issuer: str
    issued_on: date | None
    kind: DocumentKind
    kind_label: str = Field(alias="get_kind_display")
    status: DocumentStatus
    status_label: str = Field(alias="get_status_display")
    original_name: str
    sha256: str
    created_at: datetime
    url: str = Field(alias="get_absolute_url")


class DocumentListItem(DocumentOut):
    task_count: int = Field(description="任务数")


class StageOut(Schema):
    id: int
    name: str
    start_date: date | None
    end_date: date | None
    description: str


class DocumentDetail(DocumentOut):
    date_text: str
    encoding: str
    confirmed_at: datetime | None
    text: str = Field(description="全文；来源位置 start/end 是这段文字中的字符位置")
    stages: list[StageOut]


class DocumentPage(Schema):
    items: list[DocumentListItem]
    count: int
