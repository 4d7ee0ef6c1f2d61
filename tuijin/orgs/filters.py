"""Which units: one FilterSet reused by the list page, the API and exports."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.core.ordering import NullsLastOrderingFilter
from tuijin.core.search_select import SearchSelect

from .choices import UnitKind
from .models import Unit


def unit_search_q(value: str) -> Q:
    """Units whose name, short name or any alias (including former names) contains VALUE."""
    return (
        Q(name__icontains=value)
        | Q(short_name__icontains=value)
        | Q(pk__in=Unit.objects.filter(aliases__name__icontains=value).values("pk"))
    )


class UnitChoiceFilter(django_filters.ModelChoiceFilter):
    """`unit=<pk>` on a filter form, the unit picked by searching (core.search_select): the form
    renders the chosen unit only, not every unit of the region."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("queryset", Unit.objects.all())
        kwargs.setdefault("widget", SearchSelect(suggest_url="unit-suggest"))
        super().__init__(*args, **kwargs)


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("搜索"))
    kind = django_filters.ChoiceFilter(
        choices=UnitKind.choices, label=_("类型"), empty_label=_("全部类型")
    )
    o = NullsLastOrderingFilter(
        fields=(("name", "name"), ("kind", "kind")),
        label=_("排序"),
    )

    class Meta:
        model = Unit
        fields = ["q", "kind"]

    def search(self, queryset: QuerySet[Unit], name: str, value: str) -> QuerySet[Unit]:
        """Name, short name, or any alias (including former names)."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(unit_search_q(value))
