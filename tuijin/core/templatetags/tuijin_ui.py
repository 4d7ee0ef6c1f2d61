"""Template helpers shared by every page: badges from coloured choices, money, spans, sorting."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.db import models
from django.http import QueryDict
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from tuijin.core.choices import _REGISTRY

register = template.Library()

_FIELD_CHOICES: dict[tuple[str, str], type | None] = {}


def _choices_class(obj: models.Model, field_name: str) -> type | None:
    """The ColouredChoices class behind OBJ.FIELD_NAME (matched on its value/label pairs)."""
    key = (obj._meta.label, field_name)
    if key not in _FIELD_CHOICES:
        field = obj._meta.get_field(field_name)
        wanted = [str(v) for v, _ in (getattr(field, "choices", None) or [])]
        found = None
        for cls in _REGISTRY:
            if [str(v) for v, _ in cls.choices] == wanted:  # type: ignore[attr-defined]
                found = cls
                break
        _FIELD_CHOICES[key] = found
    return _FIELD_CHOICES[key]


def colour_of(obj: models.Model, field_name: str) -> str:
    cls = _choices_class(obj, field_name)
    value = getattr(obj, field_name)
    if cls is None:
        return "grey"
    return str(cls.colour(value))  # type: ignore[attr-defined]


@register.inclusion_tag("includes/badge.html")
def badge(obj: models.Model, field_name: str) -> dict[str, Any]:
    """`{% badge task "status" %}`: the choice label in its colour."""
    display = getattr(obj, f"get_{field_name}_display", None)
    label = display() if display else getattr(obj, field_name)
    return {"label": label, "colour": colour_of(obj, field_name)}


@register.inclusion_tag("includes/badge.html")
def badge_label(label: object, colour: str = "grey") -> dict[str, Any]:
    """`{% badge_label "文字" "blue" %}`: a badge from a label and a colour name."""
    return {"label": label, "colour": colour}


@register.filter
def with_role(assignments: Iterable[Any], role: str) -> list[Any]:
    """Assignments (prefetched) having ROLE, e.g. `task.assignments.all|with_role:"lead"`."""
    return [a for a in assignments if a.role == role]


@register.filter
def money(value: object, places: int = 2) -> str:
    """1234.5000 → '1,234.5' (at most PLACES decimals, trailing zeros dropped); '—' for None."""
    if value is None or value == "":
        return "—"
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    text = f"{number:,.{int(places)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@register.filter
def number(value: object) -> str:
    """A Decimal without needless zeros: 6.5000 → '6.5'."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        text = f"{value.normalize():f}"
        return text
    return str(value)


def mark_span(text: str, start: int, end: int, *, mark_id: str = "") -> SafeString:
    """TEXT with [start, end) wrapped in <mark>, everything escaped."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    id_attr = format_html(' id="{}"', mark_id) if mark_id else ""
    # every piece is escaped
    return mark_safe(
        f"{escape(text[:start])}<mark{id_attr}>{escape(text[start:end])}</mark>{escape(text[end:])}"
    )


@register.simple_tag
def source_sentence(item: Any) -> SafeString | str:
    """The sentence an item was taken from, its own span highlighted ('' when it has none)."""
    doc = getattr(item, "source_document", None)
    start, end = getattr(item, "source_start", None), getattr(item, "source_end", None)
    if doc is None or start is None or end is None:
        return ""
    sentence: str = doc.sentence_at(start, end)
    span: str = doc.text[start:end]
    at = sentence.find(span) if span else -1
    if at < 0:
        return sentence
    return mark_span(sentence, at, at + len(span))


@register.simple_tag(takes_context=True)
def sort_link(context: dict[str, Any], field: str, label: str) -> SafeString:
    """A column header that sorts by FIELD (`o=field`, again for `o=-field`), keeping filters."""
    request = context["request"]
    params: QueryDict = request.GET.copy()
    current = params.get("o", "")
    if current == field:
        new, arrow = f"-{field}", " ▲"
    elif current == f"-{field}":
        new, arrow = field, " ▼"
    else:
        new, arrow = field, ""
    params["o"] = new
    params.pop("page", None)
    return format_html('<a class="sort" href="?{}">{}{}</a>', params.urlencode(), label, arrow)


@register.filter
def percent_bar(value: object) -> SafeString:
    """A small progress bar for 0–100."""
    try:
        pct = max(0, min(100, int(float(str(value)))))
    except ValueError:
        pct = 0
    return format_html(
        '<span class="bar" title="{}%"><span style="width:{}%"></span></span> {}%', pct, pct, pct
    )
