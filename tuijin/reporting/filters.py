"""Which submissions, warnings and cycles: FilterSets reused by the pages and the API."""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.core.ordering import NullsLastOrderingFilter
from tuijin.orgs.filters import UnitChoiceFilter
from tuijin.orgs.models import Unit

from .choices import CycleKind, SubmissionState, WarningLevel
from .models import Cycle, Period, Submission, Warning

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise


class YesNoWidget(django_filters.widgets.BooleanWidget):
    """A yes/no filter whose empty choice reads 不限 (django-filter's says Unknown / 未知)."""

    def __init__(
        self, yes: str | _StrPromise, no: str | _StrPromise, attrs: dict[str, str] | None = None
    ) -> None:
        super().__init__(attrs)
        self.choices = [("", _("不限")), ("true", yes), ("false", no)]


class SubmissionFilter(django_filters.FilterSet):
    """Submissions by period, cycle, unit, state, lateness and free text (unit name)."""

    q = django_filters.CharFilter(method="search", label=_("搜索"))
    period = django_filters.ModelChoiceFilter(
        queryset=Period.objects.select_related("cycle"),
        label=_("报送期次"),
        empty_label=_("全部期次"),
    )
    cycle = django_filters.ModelChoiceFilter(
        field_name="period__cycle",
        queryset=Cycle.objects.all(),
        label=_("报送周期"),
        empty_label=_("全部周期"),
    )
    unit = UnitChoiceFilter(  # picked by search: the form never lists every unit of the region
        label=_("单位"), empty_label=_("全部单位")
    )
    state = django_filters.ChoiceFilter(
        choices=SubmissionState.choices, label=_("状态"), empty_label=_("全部状态")
    )
    late = django_filters.BooleanFilter(
        label=_("逾期报送"), widget=YesNoWidget(yes=_("逾期"), no=_("按时"))
    )
    o = NullsLastOrderingFilter(
        fields=(
            ("period__end", "period"),
            ("unit__name", "unit"),
            ("state", "state"),
            ("submitted_at", "submitted_at"),
        ),
        label=_("排序"),
    )

    class Meta:
        model = Submission
        fields = ["q", "period", "cycle", "unit", "state", "late"]

    def search(self, queryset: QuerySet[Submission], name: str, value: str) -> QuerySet[Submission]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(unit__name__icontains=value)
            | Q(unit__short_name__icontains=value)
            | Q(summary__icontains=value)
        )


KIND_CHOICES = (("task", _("任务")), ("project", _("项目")), ("target", _("目标")))


class WarningFilter(django_filters.FilterSet):
    """Warnings by level, kind of object (task/project/target), unit and free text."""

    q = django_filters.CharFilter(method="search", label=_("搜索"))
    level = django_filters.ChoiceFilter(
        choices=WarningLevel.choices, label=_("灯色"), empty_label=_("全部灯色")
    )
    kind = django_filters.ChoiceFilter(
        choices=KIND_CHOICES, method="filter_kind", label=_("对象"), empty_label=_("全部对象")
    )
    unit = UnitChoiceFilter(  # picked by search: the form never lists every unit of the region
        method="filter_unit",
        label=_("单位"),
        empty_label=_("全部单位"),
    )

    class Meta:
        model = Warning
        fields = ["q", "level", "kind", "unit"]

    def filter_kind(self, queryset: QuerySet[Warning], name: str, value: str) -> QuerySet[Warning]:
        if value not in ("task", "project", "target"):
            return queryset
        return queryset.filter(**{f"{value}__isnull": False})

    def filter_unit(
        self, queryset: QuerySet[Warning], name: str, value: Unit | None
    ) -> QuerySet[Warning]:
        if value is None:
            return queryset
        ids = Warning.objects.filter(
            Q(task__assignments__unit=value)
            | Q(project__lead_unit=value)
            | Q(project__responsible_units=value)
        ).values("pk")
        return queryset.filter(pk__in=ids)

    def search(self, queryset: QuerySet[Warning], name: str, value: str) -> QuerySet[Warning]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(reason__icontains=value)
            | Q(task__title__icontains=value)
            | Q(project__name__icontains=value)
            | Q(target__indicator__name__icontains=value)
        )


class CycleFilter(django_filters.FilterSet):
    """Cycles by kind, whether they are active, and free text (name, description)."""

    q = django_filters.CharFilter(method="search", label=_("搜索"))
    kind = django_filters.ChoiceFilter(
        choices=CycleKind.choices, label=_("周期"), empty_label=_("全部周期")
    )
    active = django_filters.BooleanFilter(
        label=_("启用"), widget=YesNoWidget(yes=_("已启用"), no=_("已停用"))
    )

    class Meta:
        model = Cycle
        fields = ["q", "kind", "active"]

    def search(self, queryset: QuerySet[Cycle], name: str, value: str) -> QuerySet[Cycle]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))
