"""Reads of the project ledger. Every selector takes `user` first: the rows come from
tuijin.accounts.scoping (a liaison sees the projects its unit leads or shares)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from django.db.models import Count, Prefetch, QuerySet, Sum

from tuijin.accounts.permissions import get_allowed
from tuijin.accounts.scoping import scope_projects
from tuijin.core.types import UserLike as User

from .choices import ProjectStage
from .filters import ProjectFilter
from .models import AnnualPlan, Event, ProgressReport, Project


def project_visible(user: User) -> QuerySet[Project]:
    return scope_projects(user, Project.objects.all())


def project_list(user: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Project]:
    """Projects with area, cluster, lead unit, enterprise and responsible units."""
    qs = (
        project_visible(user)
        .select_related("area", "cluster", "lead_unit", "enterprise")
        .prefetch_related("responsible_units")
    )
    if filters is not None:
        qs = ProjectFilter(filters, queryset=qs).qs
    return qs


# The columns of the project list's table (projects/_project_table.html) and nothing more: the
# long texts stay in the database, the responsible units are not shown there.
PROJECT_TABLE_FIELDS = (
    "pk",
    "name",
    "code",
    "stage",
    "total_investment",
    "start_year",
    "end_year",
    "area__id",
    "area__name",
    "cluster__id",
    "cluster__name",
    "lead_unit__id",
    "lead_unit__name",
    "lead_unit__short_name",
)


def project_table(user: User) -> QuerySet[Project]:
    """Projects as the list page shows them: the table's columns only."""
    return (
        project_visible(user)
        .select_related("area", "cluster", "lead_unit")
        .only(*PROJECT_TABLE_FIELDS)
    )


def project_get(user: User, pk: int | str) -> Project:
    """One project with everything its page links to; Http404 when missing, PermissionDenied
    when out of USER's scope."""
    qs = (
        Project.objects.all()
        .select_related(
            "area",
            "cluster",
            "chain_link__chain",
            "enterprise",
            "lead_unit",
            "source_document",
        )
        .prefetch_related(
            "responsible_units",
            Prefetch("annual_plans", queryset=AnnualPlan.objects.order_by("year")),
            Prefetch(
                "progress_reports",
                queryset=ProgressReport.objects.select_related("reported_by").order_by(
                    "-year", "-month"
                ),
            ),
            Prefetch("events", queryset=Event.objects.select_related("area").order_by("-date")),
        )
    )
    project: Project = get_allowed(user, qs, pk, "projects.view_project")
    return project


@dataclass
class ProgressRow:
    """A progress report beside its year's plan: cumulative completed vs annual plan."""

    report: ProgressReport
    planned: Decimal | None

    @property
    def percent(self) -> Decimal | None:
        if not self.planned:
            return None
        return (self.report.cumulative_investment / self.planned * 100).quantize(Decimal("0.1"))


def project_progress_rows(project: Project) -> list[ProgressRow]:
    """PROJECT's progress reports (from project_get), newest first, with the annual plan."""
    plans = {p.year: p.planned_investment for p in project.annual_plans.all()}
    return [
        ProgressRow(report=r, planned=plans.get(r.year)) for r in project.progress_reports.all()
    ]


GroupBy = Literal["stage", "area", "cluster"]


@dataclass
class Bucket:
    key: str | int | None
    label: str
    count: int
    investment: Decimal
    colour: str = "grey"


def project_buckets(user: User, by: GroupBy) -> list[Bucket]:
    """Count and total investment of the visible projects per stage, area or cluster."""
    qs = project_visible(user)
    if by == "stage":
        rows = qs.values("stage").annotate(n=Count("id"), inv=Sum("total_investment"))
        found = {r["stage"]: r for r in rows}
        return [
            Bucket(
                key=value,
                label=str(label),
                count=found[value]["n"],
                investment=found[value]["inv"] or Decimal(0),
                colour=ProjectStage.colour(value),
            )
            for value, label in ProjectStage.choices
            if value in found
        ]
    field = f"{by}_id"
    name = f"{by}__name"
    rows = (
        qs.values(field, name)
        .annotate(n=Count("id"), inv=Sum("total_investment"))
        .order_by("-inv", name)
    )
    return [
        Bucket(
            key=r[field],
            label=r[name] or "",
            count=r["n"],
            investment=r["inv"] or Decimal(0),
        )
        for r in rows
    ]


def project_total_investment(user: User) -> Decimal:
    total = project_visible(user).aggregate(s=Sum("total_investment"))["s"]
    return total or Decimal(0)
