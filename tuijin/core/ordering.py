"""Sorting that reads the same on every database: empty values always sort last.

PostgreSQL puts NULLs first in a descending sort and SQLite last; a deadline-sorted task list
must not change with the backend.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import F, OrderBy


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    def get_ordering_value(self, param: str) -> OrderBy:
        descending = param.startswith("-")
        field = super().get_ordering_value(param.lstrip("-"))
        expr = F(field)
        return expr.desc(nulls_last=True) if descending else expr.asc(nulls_last=True)

    def filter(self, qs: Any, value: Any) -> Any:
        if value in ([], (), {}, "", None):
            return qs
        return qs.order_by(*[self.get_ordering_value(p) for p in value], "pk")
