"""A choice among thousands, picked by searching: the <select> of a filter holds only the chosen
row (and the empty choice), a search box beside it asks a suggestion endpoint for matching rows.

A filter form used to render every unit as an <option> (2,000 in a large region, about a second
of each list page). The query parameter stays the same (`unit=<pk>`), so links keep working;
static/tuijin/app.js fills the box's <datalist> from SUGGEST_URL (`?q=…` → `[{"id", "name"}]`)
and puts the picked row into the <select>. Without JavaScript the select still shows and clears
the current choice.

    unit = django_filters.ModelChoiceFilter(
        queryset=Unit.objects.all(), widget=SearchSelect(suggest_url="unit-suggest"), ...)
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SearchSelect(forms.Select):
    template_name = "core/widgets/search_select.html"
    _choices: Any

    def __init__(
        self, *, suggest_url: str, placeholder: Any = None, attrs: dict[str, Any] | None = None
    ) -> None:
        super().__init__(attrs)
        self.suggest_url = suggest_url
        self.placeholder = placeholder or _("输入名称查找")

    def _chosen_choices(self, value: list[Any]) -> list[Any]:
        """The empty choice and the chosen rows only: the full queryset is never iterated."""
        iterator: Any = self.choices
        field = getattr(iterator, "field", None)
        if field is None:  # plain choices: nothing to search, keep them
            return list(iterator)
        out: list[Any] = []
        if field.empty_label is not None:
            out.append(("", field.empty_label))
        keys = [v for v in value if v not in (None, "")]
        if keys:
            try:
                rows = list(field.queryset.filter(pk__in=keys))
            except (ValueError, TypeError, ValidationError):  # an invalid value: no row
                rows = []
            out.extend(iterator.choice(row) for row in rows)
        return out

    def optgroups(self, name: str, value: list[Any], attrs: dict[str, Any] | None = None) -> Any:
        every = self._choices  # the setter would normalise (iterate) the choices
        self._choices = self._chosen_choices(value)
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self._choices = every

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["suggest_url"] = reverse(self.suggest_url)
        context["widget"]["placeholder"] = self.placeholder
        return context
