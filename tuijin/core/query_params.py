"""Query parameters that cannot reach the database out of range: the filter and form fields of
every list (web pages, API, exports) take years, dates and amounts through these classes.

An unchecked value used to end in a 500: `year=0` (no such year for a date lookup),
`since=0001-01-01` (a time zone shift before year 1), an offset past the database's integers.
Here each value is refused as a form error in Chinese (400 in the API, the field's error on a
page) before any query runs.

    year = YearFilter(field_name="issued_on", lookup_expr="year", label=_("年份"))
    deadline_after = DateFilter(field_name="deadline", lookup_expr="gte", label=...)
    investment_min = AmountFilter(field_name="total_investment", lookup_expr="gte", label=...)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

YEAR_MIN = 1900
YEAR_MAX = 2100
DATE_MIN = dt.date(YEAR_MIN, 1, 1)
DATE_MAX = dt.date(YEAR_MAX, 12, 31)
# Amounts in 亿元 as the ledger stores them (16 digits, 4 after the point).
AMOUNT_MAX = Decimal("999999999999.9999")
AMOUNT_DIGITS = 16
AMOUNT_PLACES = 4

YEAR_RANGE_MESSAGE = format_lazy(_("年份须在 {min} 至 {max} 之间"), min=YEAR_MIN, max=YEAR_MAX)
DATE_RANGE_MESSAGE = format_lazy(
    _("日期须在 {min} 至 {max} 之间"), min=DATE_MIN.isoformat(), max=DATE_MAX.isoformat()
)
AMOUNT_RANGE_MESSAGE = format_lazy(
    _("金额须在 0 至 {max} 亿元之间，最多 {places} 位小数"), max=AMOUNT_MAX, places=AMOUNT_PLACES
)


class YearField(forms.IntegerField):
    """A calendar year between YEAR_MIN and YEAR_MAX."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("年份须是整数")
        self.error_messages["min_value"] = YEAR_RANGE_MESSAGE
        self.error_messages["max_value"] = YEAR_RANGE_MESSAGE


class BoundedDateField(forms.DateField):
    """A date between DATE_MIN and DATE_MAX (YYYY-MM-DD)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("日期格式应为 YYYY-MM-DD")
        self.validators += [
            MinValueValidator(DATE_MIN, message=DATE_RANGE_MESSAGE),
            MaxValueValidator(DATE_MAX, message=DATE_RANGE_MESSAGE),
        ]


class AmountField(forms.DecimalField):
    """An amount in 亿元 that fits the ledger's money columns, never negative."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", Decimal(0))
        kwargs.setdefault("max_value", AMOUNT_MAX)
        kwargs.setdefault("max_digits", AMOUNT_DIGITS)
        kwargs.setdefault("decimal_places", AMOUNT_PLACES)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("金额须是数字（亿元）")

    def run_validators(self, value: Any) -> None:
        """Too big, negative or too many digits: one reason, not three."""
        try:
            super().run_validators(value)
        except ValidationError as exc:
            raise ValidationError(AMOUNT_RANGE_MESSAGE, code="range") from exc


class YearFilter(django_filters.NumberFilter):
    field_class = YearField

    def get_max_validator(self) -> None:
        return None  # the field's own range


class DateFilter(django_filters.DateFilter):
    field_class = BoundedDateField


class AmountFilter(django_filters.NumberFilter):
    field_class = AmountField

    def get_max_validator(self) -> None:
        return None  # the field's own range


def bounds_schema(field: forms.Field) -> dict[str, Any]:
    """The OpenAPI type and bounds of a filter's form FIELD (used by the API's list schema)."""
    if isinstance(field, forms.IntegerField) and not isinstance(field, forms.DecimalField):
        schema: dict[str, Any] = {"type": "integer"}
    elif isinstance(field, forms.DecimalField | forms.FloatField):
        schema = {"type": "number"}
    elif isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    else:
        return {"type": "string"}
    for key, bound in (("minimum", "min_value"), ("maximum", "max_value")):
        value = getattr(field, bound, None)
        if value is not None:
            schema[key] = int(value) if schema["type"] == "integer" else float(value)
    return schema
