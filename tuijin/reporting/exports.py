"""Excel downloads of the reporting pages: the warnings list (with the page's filters) and one
period's submissions as one workbook (every unit that owes the period, every entry)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from tuijin.accounts.permissions import require
from tuijin.core.downloads import xlsx_response
from tuijin.core.excel import ExportColumn, ledger_workbook
from tuijin.plans.choices import AssignmentRole
from tuijin.plans.models import Assignment

from . import selectors
from .choices import SubmissionState, WarningLevel
from .filters import WarningFilter
from .models import Entry, IndicatorFigure, Warning

KINDS = {"task": "任务", "project": "项目", "target": "目标"}

WARNING_COLUMNS = [
    ExportColumn("序号", 6, "int"),
    ExportColumn("灯色", 8),
    ExportColumn("对象", 8),
    ExportColumn("名称", 40, "long"),
    ExportColumn("牵头单位", 20),
    ExportColumn("原因", 50, "long"),
    ExportColumn("上次灯色", 8),
    ExportColumn("灯色变化时间", 17),
    ExportColumn("计算时间", 17),
]


@login_required
def warning_export_view(request: HttpRequest) -> HttpResponse:
    """The warnings of the list page, with the same filters."""
    filterset = WarningFilter(request.GET or None, queryset=selectors.warning_list(request.user))
    qs = filterset.qs.select_related("project__lead_unit").prefetch_related(
        Prefetch(
            "task__assignments",
            queryset=Assignment.objects.filter(role=AssignmentRole.LEAD).select_related("unit"),
            to_attr="lead_assignments",
        )
    )
    data = ledger_workbook(
        title="红黄绿灯预警清单",
        note=f"导出时间：{_now()}",
        columns=WARNING_COLUMNS,
        rows=_warning_rows(qs),
        sheet_name="预警清单",
    )
    return xlsx_response(data, "预警清单")


def _warning_rows(warnings: Iterable[Warning]) -> Iterable[list[Any]]:
    levels = dict(WarningLevel.choices)
    for index, w in enumerate(warnings, start=1):
        kind = "task" if w.task_id else "project" if w.project_id else "target"
        lead = ""
        if w.task is not None:
            lead = "、".join(a.unit.name for a in getattr(w.task, "lead_assignments", []))
        elif w.project is not None and w.project.lead_unit is not None:
            lead = w.project.lead_unit.name
        yield [
            index,
            w.get_level_display(),
            KINDS[kind],
            str(w.subject or ""),
            lead,
            w.reason,
            str(levels.get(w.previous_level, "")) if w.previous_level else "",
            _time(w.changed_at),
            _time(w.computed_at),
        ]


PERIOD_COLUMNS = [
    ExportColumn("序号", 6, "int"),
    ExportColumn("报送单位", 22),
    ExportColumn("状态", 9),
    ExportColumn("报送时间", 17),
    ExportColumn("逾期", 6),
    ExportColumn("类别", 7),
    ExportColumn("任务/项目/指标", 36, "long"),
    ExportColumn("承担角色", 9),
    ExportColumn("进展情况", 48, "long"),
    ExportColumn("完成进度(%)", 9, "int"),
    ExportColumn("本期完成投资(亿元)", 12, "money"),
    ExportColumn("年度累计完成投资(亿元)", 12, "money"),
    ExportColumn("受阻", 6),
    ExportColumn("需协调解决的问题", 36, "long"),
]


@login_required
def period_export_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One period's reports in one sheet: a row per entry (task, project) and per figure,
    grouped by unit; a unit that has not reported gets one row saying so."""
    period = selectors.period_get(request.user, pk)
    require(request.user, "reporting.view_board", period)
    board = selectors.cycle_board(request.user, period)
    data = ledger_workbook(
        title=f"{period.cycle.name} {period.label} 报送汇总",
        note=f"报送期限：{period.due_date:%Y-%m-%d}　导出时间：{_now()}",
        columns=PERIOD_COLUMNS,
        rows=_period_rows(board),
        sheet_name="报送汇总",
    )
    return xlsx_response(data, f"{period.cycle.name}-{period.label}-报送汇总")


def _period_rows(board: selectors.Board) -> Iterable[list[Any]]:
    submissions = [row.submission for row in board.rows if row.submission is not None]
    entries: dict[int, list[Entry]] = defaultdict(list)
    for entry in Entry.objects.filter(submission__in=submissions).select_related("task", "project"):
        entries[entry.submission_id].append(entry)
    figures: dict[int, list[IndicatorFigure]] = defaultdict(list)
    for figure in IndicatorFigure.objects.filter(submission__in=submissions).select_related(
        "indicator", "area"
    ):
        figures[figure.submission_id].append(figure)
    states = dict(SubmissionState.choices)
    roles = dict(AssignmentRole.choices)
    index = 0
    for row in board.rows:
        s = row.submission
        if s is None:
            index += 1
            state = "逾期未报送" if row.overdue else "未报送"
            yield [index, row.unit.name, state, "", "是" if row.overdue else "", *[""] * 9]
            continue
        head = [
            row.unit.name,
            str(states.get(s.state, s.state)),
            _time(s.first_submitted_at or s.submitted_at),
            "是" if row.late or row.overdue else "",
        ]
        lines: list[list[Any]] = []
        if s.summary:
            lines.append(["总体情况", "", "", s.summary, None, None, None, "", ""])
        for e in entries.get(s.pk, []):
            lines.append(
                [
                    "任务" if e.task_id else "项目",
                    str(e.task or e.project),
                    str(roles.get(e.role, e.role)),
                    e.progress_text,
                    e.percent if e.task_id else None,
                    e.investment_period,
                    e.investment_cumulative,
                    "是" if e.blocked else "",
                    e.problem,
                ]
            )
        for f in figures.get(s.pk, []):
            value = "" if f.value is None else f"{f.value.normalize():f}{f.unit}"
            name = f"{f.indicator.name}（{f.area.name}）" if f.area else f.indicator.name
            text = value + (f"；{f.note}" if f.note else "")
            lines.append(["指标", name, "", text, None, None, None, "", ""])
        for line in lines or [["", "", "", "", None, None, None, "", ""]]:
            index += 1
            yield [index, *head, *line]


def _time(value: Any) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _now() -> str:
    return timezone.localtime().strftime("%Y-%m-%d %H:%M")
