"""Which tasks and which targets: FilterSets reused by the list pages, the API and exports."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.accounts.scoping import scope_documents
from tuijin.core.ordering import NullsLastOrderingFilter
from tuijin.core.query_params import DateFilter, YearFilter
from tuijin.documents.models import Document
from tuijin.geo.models import Area
from tuijin.industry.models import Cluster
from tuijin.orgs.filters import UnitChoiceFilter
from tuijin.orgs.models import Unit

from .choices import AssignmentRole, TargetKind, TargetTier, TaskStatus
from .models import Assignment, Indicator, Target, Task

DATE = forms.DateInput(attrs={"type": "date"})


def _visible_documents(request: Any) -> QuerySet[Document]:
    """The document choices: those the requesting user may see (all when there is no request)."""
    qs = Document.objects.only("id", "title", "original_name", "sha256")
    user = getattr(request, "user", None)
    return scope_documents(user, qs) if user is not None else qs


class TaskFilter(django_filters.FilterSet):
    """Tasks by unit (any assignment, or only as `role` when both are given), status, document,
    deadline window and free text (title, text, code)."""

    q = django_filters.CharFilter(method="search", label=_("搜索"))
    unit = UnitChoiceFilter(
        method="filter_unit",
        label=_("单位"),
        empty_label=_("全部单位"),
    )
    role = django_filters.ChoiceFilter(
        choices=AssignmentRole.choices,
        method="filter_role",
        label=_("分工角色"),
        empty_label=_("牵头或责任"),
    )
    status = django_filters.ChoiceFilter(
        choices=TaskStatus.choices, label=_("状态"), empty_label=_("全部状态")
    )
    document = django_filters.ModelChoiceFilter(
        queryset=lambda request: _visible_documents(request),
        label=_("来源文件"),
        empty_label=_("全部文件"),
    )
    deadline_after = DateFilter(
        field_name="deadline", lookup_expr="gte", label=_("时限不早于"), widget=DATE
    )
    deadline_before = DateFilter(
        field_name="deadline", lookup_expr="lte", label=_("时限不晚于"), widget=DATE
    )
    o = NullsLastOrderingFilter(
        fields=(
            ("code", "code"),
            ("title", "title"),
            ("deadline", "deadline"),
            ("status", "status"),
        ),
        label=_("排序"),
    )

    class Meta:
        model = Task
        fields = ["q", "unit", "role", "status", "document", "deadline_after", "deadline_before"]

    def _assignments(self, **lookups: Any) -> QuerySet[Assignment, Any]:
        return Assignment.objects.filter(**lookups).values("task_id")

    def filter_unit(
        self, queryset: QuerySet[Task], name: str, value: Unit | None
    ) -> QuerySet[Task]:
        if value is None:
            return queryset
        lookups: dict[str, Any] = {"unit": value}
        role = self.form.cleaned_data.get("role")
        if role:
            lookups["role"] = role
        return queryset.filter(pk__in=self._assignments(**lookups))

    def filter_role(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        if not value or self.form.cleaned_data.get("unit") is not None:
            return queryset  # combined with the unit in filter_unit
        return queryset.filter(pk__in=self._assignments(role=value))

    def search(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value) | Q(text__icontains=value) | Q(code__icontains=value)
        )


class TargetFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("搜索"))
    indicator = django_filters.ModelChoiceFilter(
        queryset=Indicator.objects.all(), label=_("指标"), empty_label=_("全部指标")
    )
    year = YearFilter(label=_("年份"))
    tier = django_filters.ChoiceFilter(
        choices=TargetTier.choices, label=_("档次"), empty_label=_("全部档次")
    )
    kind = django_filters.ChoiceFilter(
        choices=TargetKind.choices, label=_("类型"), empty_label=_("全部类型")
    )
    area = django_filters.ModelChoiceFilter(
        queryset=Area.objects.all(), label=_("区域"), empty_label=_("全部区域")
    )
    cluster = django_filters.ModelChoiceFilter(
        queryset=Cluster.objects.all(), label=_("产业集群"), empty_label=_("全部集群")
    )
    o = NullsLastOrderingFilter(
        fields=(("indicator__name", "indicator"), ("year", "year"), ("value", "value")),
        label=_("排序"),
    )

    class Meta:
        model = Target
        fields = ["q", "indicator", "year", "tier", "kind", "area", "cluster"]

    def search(self, queryset: QuerySet[Target], name: str, value: str) -> QuerySet[Target]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(indicator__name__icontains=value) | Q(text__icontains=value))
