"""Writing the task ledger in the layout the reader accepts; filter names for the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from tuijin.core.errors import ServiceError
from tuijin.core.excel import (
    ExportColumn,
    ledger_workbook,
)
from tuijin.orgs.services import unit_find

from ..choices import AssignmentRole
from ..models import Task
from .read import status_value

ROLES = {
    "lead": AssignmentRole.LEAD,
    "牵头": AssignmentRole.LEAD,
    "牵头单位": AssignmentRole.LEAD,
    "responsible": AssignmentRole.RESPONSIBLE,
    "责任": AssignmentRole.RESPONSIBLE,
    "责任单位": AssignmentRole.RESPONSIBLE,
}


COLUMNS = [
    ExportColumn("序号", 8),
    ExportColumn("所在章节", 20, "long"),
    ExportColumn("任务名称", 36, "long"),
    ExportColumn("任务内容", 50, "long"),
    ExportColumn("牵头单位", 20),
    ExportColumn("责任单位", 28),
    ExportColumn("完成时限", 14, "date"),
    ExportColumn("状态", 9),
    ExportColumn("完成进度(%)", 9, "int"),
    ExportColumn("系统编号", 9, "int"),
]


def task_ledger_export(tasks: QuerySet[Task], *, title: str = "任务分解表") -> bytes:
    """The task ledger of TASKS (a filtered queryset, in its order)."""
    qs = tasks.prefetch_related("assignments__unit")
    now = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    return ledger_workbook(
        title=title,
        note=f"导出时间：{now}",
        columns=COLUMNS,
        rows=_task_rows(qs),
        sheet_name=title,
    )


def _task_rows(tasks: Iterable[Task]) -> Iterable[list[Any]]:
    for task in tasks:
        assignments = list(task.assignments.all())
        lead = [a.unit.name for a in assignments if a.role == AssignmentRole.LEAD]
        responsible = [a.unit.name for a in assignments if a.role == AssignmentRole.RESPONSIBLE]
        deadline: str | dt.date | None = task.deadline_text or task.deadline
        yield [
            task.code,
            task.section,
            task.title,
            task.text,
            "、".join(lead),
            "、".join(responsible),
            deadline,
            task.get_status_display(),
            task.progress,
            task.pk,
        ]


def task_filter_params(
    *, unit: str = "", role: str = "", status: str = "", q: str = ""
) -> dict[str, str]:
    """TaskFilter parameters from the names a user types (CLI): 市发改委, 牵头, 推进中."""
    params: dict[str, str] = {}
    if unit:
        found = unit_find(unit)
        if found is None:
            raise ServiceError("X009", f"未找到单位“{unit}”")
        params["unit"] = str(found.pk)
    if role:
        if role not in ROLES:
            raise ServiceError("X020", f"无法识别的分工角色“{role}”（lead/牵头、responsible/责任）")
        params["role"] = ROLES[role]
    if status:
        value = status_value(status)
        if value is None:
            raise ServiceError("X016", f"无法识别的状态“{status}”")
        params["status"] = value
    if q:
        params["q"] = q
    return params
