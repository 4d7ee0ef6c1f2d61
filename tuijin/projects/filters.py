"""Which projects: one FilterSet reused by the list page, the API and exports."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.core.ordering import NullsLastOrderingFilter
from tuijin.core.query_params import AmountFilter, YearFilter
from tuijin.geo.models import Area
from tuijin.industry.models import Cluster
from tuijin.orgs.filters import UnitChoiceFilter
from tuijin.orgs.models import Unit

from .choices import ProjectList, ProjectStage
from .models import AnnualPlan, Project


class ProjectFilter(django_filters.FilterSet):
    """Projects by stage, list, area, cluster, unit (lead or responsible), year (under
    construction that year, or with an annual plan for it), investment range and free text."""

    q = django_filters.CharFilter(method="search", label=_("搜索"))
    stage = django_filters.ChoiceFilter(
        choices=ProjectStage.choices, label=_("项目阶段"), empty_label=_("全部阶段")
    )
    list = django_filters.ChoiceFilter(
        choices=[c for c in ProjectList.choices if c[0]],
        label=_("所属清单"),
        empty_label=_("全部清单"),
    )
    area = django_filters.ModelChoiceFilter(
        queryset=Area.objects.all(), label=_("建设地点"), empty_label=_("全部区域")
    )
    cluster = django_filters.ModelChoiceFilter(
        queryset=Cluster.objects.all(), label=_("产业集群"), empty_label=_("全部集群")
    )
    unit = UnitChoiceFilter(
        method="filter_unit",
        label=_("牵头或责任单位"),
        empty_label=_("全部单位"),
    )
    year = YearFilter(method="filter_year", label=_("年份"))
    investment_min = AmountFilter(
        field_name="total_investment", lookup_expr="gte", label=_("总投资不低于(亿元)")
    )
    investment_max = AmountFilter(
        field_name="total_investment", lookup_expr="lte", label=_("总投资不高于(亿元)")
    )
    o = NullsLastOrderingFilter(
        fields=(
            ("name", "name"),
            ("total_investment", "total_investment"),
            ("stage", "stage"),
            ("start_year", "start_year"),
        ),
        label=_("排序"),
    )

    class Meta:
        model = Project
        fields = [
            "q",
            "stage",
            "list",
            "area",
            "cluster",
            "unit",
            "year",
            "investment_min",
            "investment_max",
        ]

    def filter_unit(
        self, queryset: QuerySet[Project], name: str, value: Unit | None
    ) -> QuerySet[Project]:
        if value is None:
            return queryset
        responsible = Project.responsible_units.through.objects.filter(unit=value)
        return queryset.filter(Q(lead_unit=value) | Q(pk__in=responsible.values("project_id")))

    def filter_year(
        self, queryset: QuerySet[Project], name: str, value: object
    ) -> QuerySet[Project]:
        if value in (None, ""):
            return queryset
        year = int(value)  # type: ignore[call-overload]
        spans = Q(start_year__lte=year, end_year__gte=year) | Q(start_year=year) | Q(end_year=year)
        planned = AnnualPlan.objects.filter(year=year).values("project_id")
        return queryset.filter(spans | Q(pk__in=planned))

    def search(self, queryset: QuerySet[Project], name: str, value: str) -> QuerySet[Project]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(code__icontains=value) | Q(content__icontains=value)
        )
