"""Writing the key-project ledger in the layout the reader accepts; filter names for the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

from django.db.models import Max, Prefetch, QuerySet, Sum
from django.utils import timezone

from tuijin.core.errors import ServiceError
from tuijin.core.excel import (
    ExportColumn,
    YearMonth,
    ledger_workbook,
)
from tuijin.orgs.services import unit_find

from ..models import AnnualPlan, ProgressReport, Project
from .read import NameLookups, stage_value


def _ym_label(project: Project) -> str:
    start = project.planned_start
    if start is not None:
        day = start.day if start.day != 1 else None
        return YearMonth(start.year, start.month, day).label()
    return f"{project.start_year}年" if project.start_year else ""


def project_ledger_export(
    projects: QuerySet[Project],
    *,
    year: int | None = None,
    month: int | None = None,
    title: str = "重点项目台账",
    out: IO[bytes] | None = None,
) -> bytes:
    """The ledger of PROJECTS (a filtered queryset, in its order) with the annual plan of YEAR
    and the 1-MONTH completed investment; both default to the latest in the data.

    The total row comes from the database (Sum), the rows stream from the queryset's iterator
    into a write-only workbook, so memory stays flat at any size; with OUT it is written there."""
    ids = projects.values("pk")
    if year is None:
        year = AnnualPlan.objects.filter(project__in=ids).aggregate(y=Max("year"))["y"]
        year = year or timezone.localdate().year
    if month is None:
        month = ProgressReport.objects.filter(project__in=ids, year=year).aggregate(m=Max("month"))[
            "m"
        ]
    qs = projects.select_related("area", "lead_unit").prefetch_related(
        "responsible_units",
        Prefetch("annual_plans", queryset=AnnualPlan.objects.filter(year=year), to_attr="_plans"),
        Prefetch(
            "progress_reports",
            queryset=ProgressReport.objects.filter(year=year, month=month or 0),
            to_attr="_reports",
        ),
    )
    columns = [
        ExportColumn("序号", 6),
        ExportColumn("项目名称", 30),
        ExportColumn("项目编号", 12),
        ExportColumn("建设内容及规模", 40, "long"),
        ExportColumn("建设地点", 12),
        ExportColumn("总投资(亿元)", 12, "money"),
        ExportColumn("计划投资(亿元)", 12, "money", group=f"{year}年"),
    ]
    if month:
        columns.append(ExportColumn(f"1-{month}月完成投资(亿元)", 14, "money", group=f"{year}年"))
    columns += [
        ExportColumn("开工年月", 11),
        ExportColumn("竣工年月", 11),
        ExportColumn("项目阶段", 10),
        ExportColumn("牵头单位", 18),
        ExportColumn("责任单位", 24),
        ExportColumn("责任领导", 10),
        ExportColumn("进展情况", 40, "long"),
        ExportColumn("存在问题", 30, "long"),
    ]
    rows = _project_rows(qs.iterator(chunk_size=500), bool(month))
    count = projects.count()
    sums = [
        projects.aggregate(s=Sum("total_investment"))["s"],
        AnnualPlan.objects.filter(project__in=ids, year=year).aggregate(
            s=Sum("planned_investment")
        )["s"],
        ProgressReport.objects.filter(project__in=ids, year=year, month=month or 0).aggregate(
            s=Sum("cumulative_investment")
        )["s"],
    ]
    total: list[Any] = ["", f"合计（{count}个项目）", "", "", ""]
    total += [s if s is not None else Decimal(0) for s in sums][: 3 if month else 2]
    total += [""] * (len(columns) - len(total))
    now = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    return ledger_workbook(
        title=f"{year}年{title}",
        note=f"单位：亿元　导出时间：{now}",
        columns=columns,
        rows=rows,
        sheet_name=title,
        total=total,
        out=out,
    )


def _project_rows(projects: Iterable[Project], with_month: bool) -> Iterable[list[Any]]:
    for index, p in enumerate(projects, start=1):
        plans = getattr(p, "_plans", [])
        reports = getattr(p, "_reports", [])
        row: list[Any] = [
            index,
            p.name,
            p.code,
            p.content,
            p.area.name if p.area else "",
            p.total_investment,
            plans[0].planned_investment if plans else None,
        ]
        if with_month:
            row.append(reports[0].cumulative_investment if reports else None)
        row += [
            _ym_label(p),
            f"{p.end_year}年" if p.end_year else "",
            p.get_stage_display(),
            p.lead_unit.name if p.lead_unit else "",
            "、".join(u.name for u in p.responsible_units.all()),
            p.responsible_leader,
            p.progress_note,
            p.problems,
        ]
        yield row


def project_filter_params(
    *,
    stage: str = "",
    area: str = "",
    unit: str = "",
    cluster: str = "",
    year: int | None = None,
    q: str = "",
) -> dict[str, str]:
    """ProjectFilter parameters from the names a user types (CLI): 续建, 东山县, 市发改委."""
    from tuijin.industry.models import Cluster

    params: dict[str, str] = {}
    if stage:
        value = stage_value(stage)
        if value is None:
            raise ServiceError("X011", f"无法识别的项目阶段“{stage}”")
        params["stage"] = value
    if area:
        found = NameLookups().area(area)
        if found is None:
            raise ServiceError("X010", f"未找到区域“{area}”")
        params["area"] = str(found.pk)
    if unit:
        unit_obj = unit_find(unit)
        if unit_obj is None:
            raise ServiceError("X009", f"未找到单位“{unit}”")
        params["unit"] = str(unit_obj.pk)
    if cluster:
        cluster_obj = Cluster.objects.filter(name=cluster).first()
        if cluster_obj is None:
            raise ServiceError("X010", f"未找到产业集群“{cluster}”")
        params["cluster"] = str(cluster_obj.pk)
    if year:
        params["year"] = str(year)
    if q:
        params["q"] = q
    return params
