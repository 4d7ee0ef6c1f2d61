"""Which areas: one FilterSet reused by the list page, the API and exports."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.core.ordering import NullsLastOrderingFilter

from .choices import AreaKind, LayoutRole
from .models import Area


class AreaFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("搜索"))
    kind = django_filters.ChoiceFilter(
        choices=AreaKind.choices, label=_("类型"), empty_label=_("全部类型")
    )
    layout_role = django_filters.ChoiceFilter(
        choices=[c for c in LayoutRole.choices if c[0]],
        label=_("布局定位"),
        empty_label=_("全部定位"),
    )
    parent = django_filters.ModelChoiceFilter(
        queryset=Area.objects.all(), label=_("上级区域"), empty_label=_("全部上级")
    )
    o = NullsLastOrderingFilter(
        fields=(("name", "name"), ("kind", "kind"), ("land_area_km2", "land_area")),
        label=_("排序"),
    )

    class Meta:
        model = Area
        fields = ["q", "kind", "layout_role", "parent"]

    def search(self, queryset: QuerySet[Area], name: str, value: str) -> QuerySet[Area]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(short_name__icontains=value)
            | Q(positioning__icontains=value)
        )
