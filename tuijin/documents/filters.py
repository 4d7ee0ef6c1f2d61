"""Which documents: one FilterSet reused by the list page, the API and exports."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuijin.core.ordering import NullsLastOrderingFilter
from tuijin.core.query_params import YearFilter

from .choices import DocumentKind, DocumentStatus
from .models import Document


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("搜索"))
    kind = django_filters.ChoiceFilter(
        choices=DocumentKind.choices, label=_("类型"), empty_label=_("全部类型")
    )
    status = django_filters.ChoiceFilter(
        choices=DocumentStatus.choices, label=_("状态"), empty_label=_("全部状态")
    )
    year = YearFilter(field_name="issued_on", lookup_expr="year", label=_("年份"))
    o = NullsLastOrderingFilter(
        fields=(("title", "title"), ("issued_on", "issued_on"), ("created_at", "created_at")),
        label=_("排序"),
    )

    class Meta:
        model = Document
        fields = ["q", "kind", "status", "year"]

    def search(self, queryset: QuerySet[Document], name: str, value: str) -> QuerySet[Document]:
        """Title, document number (文号) or issuer."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(doc_number__icontains=value)
            | Q(issuer__icontains=value)
            | Q(original_name__icontains=value)
        )
