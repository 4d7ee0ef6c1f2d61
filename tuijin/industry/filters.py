"""Which clusters: one FilterSet reused by the list page, the API and exports."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.core.ordering import NullsLastOrderingFilter

from .choices import ClusterTier
from .models import Cluster


class ClusterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("搜索"))
    tier = django_filters.ChoiceFilter(
        choices=ClusterTier.choices, label=_("规模层级"), empty_label=_("全部层级")
    )
    o = NullsLastOrderingFilter(
        fields=(("name", "name"), ("tier", "tier"), ("target_output", "target_output")),
        label=_("排序"),
    )

    class Meta:
        model = Cluster
        fields = ["q", "tier"]

    def search(self, queryset: QuerySet[Cluster], name: str, value: str) -> QuerySet[Cluster]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))
