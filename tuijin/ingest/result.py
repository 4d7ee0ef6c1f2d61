"""Result types of the extraction engine.

Every extracted item carries a `Span` into the *original* text (the decoded document text,
before any normalisation), so that the UI and the ledger can point back to the source sentence.
The JSON shape produced by `Extraction.to_json()` follows ../shared/corpus/SCHEMA.md, with extra
keys (spans, tasks, dates, mentions) allowed by that schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal, NamedTuple

QuantityKind = Literal["target", "actual", "spec"]
Tier = Literal["base", "stretch", "aspiration"]
Value = float | int | list[Any]


class Span(NamedTuple):
    """Half-open character range [start, end) into the original document text.

    A named tuple rather than a frozen dataclass: a long document makes tens of thousands of
    them, and a tuple is built several times faster (immutable and hashable all the same).
    """

    start: int
    end: int

    def to_json(self) -> list[int]:
        return [self.start, self.end]


@dataclass(slots=True)
class Meta:
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None  # ISO "YYYY-MM-DD", "YYYY-MM" or None


@dataclass(slots=True)
class Heading:
    level: int  # 1 一、 / 2 (一) / 3 1、 / 4 (1); unnumbered headline lines use their outline level
    label: str | None  # "三", "一", "1"; None for unnumbered headlines
    title: str
    span: Span  # the whole heading line (or title sentence)


@dataclass(slots=True)
class Assignment:
    anchor: str  # heading title the marker closes, or first 12 chars of the paragraph
    lead: list[str]
    responsible: list[str]
    span: Span  # the marker itself
    task: int | None = None  # index into Extraction.tasks
    deadline: str | None = None  # as written, e.g. "2025年底前", when the marker carries one


@dataclass(slots=True)
class Task:
    text: str
    span: Span
    section: list[str]  # heading titles from the top, e.g. ["重点任务", "石油化工产业"]
    deadline: str | None = None  # ISO date or "YYYY" / "YYYY-MM", the latest stated deadline
    deadline_text: str | None = None


@dataclass(slots=True)
class Quantity:
    text: str  # exact substring of the original text
    value: Value  # 2500; [2, 4] for a range; [2, "x", 330] for a product
    unit: str  # as written, full-width turned half-width ("亿元", "%", "mw")
    kind: QuantityKind
    span: Span
    year: int | None = None
    subject: str | None = None
    base_value: float | None = None  # value in the base unit (亿元 → 元, 万吨 → 吨); None if n/a
    base_unit: str | None = None
    tier: Tier | None = None  # 目标值 / 争取值 / 奋斗值
    flags: list[str] = field(default_factory=list)  # e.g. ["implausible"]


@dataclass(slots=True)
class DateMention:
    text: str
    span: Span
    kind: Literal["deadline", "range", "date", "recurring"]
    start: str | None = None  # ISO (possibly partial) start of a range, or the date itself
    end: str | None = None  # ISO (possibly partial) end of a range / the deadline
    months: list[int] = field(default_factory=list)  # recurring: 每年6月和12月 → [6, 12]


@dataclass(slots=True)
class ProjectMention:
    name: str
    span: Span


@dataclass(slots=True)
class Mention:
    """A named unit, enterprise, place, cluster or chain found in the text."""

    text: str
    kind: Literal["unit", "enterprise", "area", "cluster", "chain"]
    span: Span
    attrs: dict[str, Any] = field(default_factory=dict)  # e.g. {"tier": "千亿级"} for a cluster


@dataclass(slots=True)
class Extraction:
    doc: str  # file name
    text: str  # the original decoded text every span points into
    meta: Meta = field(default_factory=Meta)
    headings: list[Heading] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    projects: list[ProjectMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(
        self, *, include_text: bool = False, shallow: bool = False, items: bool = True
    ) -> dict[str, Any]:
        """The SCHEMA.md shape plus spans and the extra facets.

        With `shallow`, for writing straight to a JSON file: items share their lists with this
        result and spans stay (start, end) tuples, which the json module writes as lists.
        Without `items`, the facets hold the result's own item objects, for a writer that
        encodes them itself (the command line's, with orjson).
        """
        convert: Any = list if not items else _shallow_all if shallow else _plain_all
        out: dict[str, Any] = {
            "doc": self.doc,
            "meta": _plain(self.meta),
            "headings": convert(self.headings),
            "assignments": convert(self.assignments),
            "quantities": convert(self.quantities),
            "projects": convert(self.projects),
            "tasks": convert(self.tasks),
            "dates": convert(self.dates),
            "mentions": convert(self.mentions),
            "encoding": self.encoding,
            "warnings": list(self.warnings),
        }
        if include_text:
            out["text"] = self.text
        return out


# JSON conversion by hand rather than dataclasses.asdict: asdict deep-copies every value through
# generic recursion, which cost more than the extraction stages on a multi-megabyte document.
_PLAIN_TYPES = ("str", "int", "bool", "float", "QuantityKind", "Tier")
_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}
_GETTERS: dict[type, tuple[tuple[str, ...], attrgetter[Any]]] = {}


def _plain(obj: Any) -> dict[str, Any]:
    """One result item as JSON-ready data: spans as [start, end], lists and dicts copied."""
    spec = _FIELDS.get(type(obj))
    if spec is None:  # per class: which fields hold only scalars (their type says so)
        spec = _FIELDS[type(obj)] = tuple(
            (f.name, str(f.type).replace(" | None", "") not in _PLAIN_TYPES) for f in fields(obj)
        )
    return {name: _value(getattr(obj, name)) if deep else getattr(obj, name) for name, deep in spec}


def _plain_all(items: list[Any]) -> list[dict[str, Any]]:
    return [_plain(item) for item in items]


def _shallow_all(items: list[Any]) -> list[dict[str, Any]]:
    """Items as dicts of their own values (nothing copied or converted; see to_json)."""
    if not items:
        return []
    spec = _GETTERS.get(type(items[0]))
    if spec is None:
        names = tuple(f.name for f in fields(items[0]))
        spec = _GETTERS[type(items[0])] = (names, attrgetter(*names))
    names, values = spec
    return [dict(zip(names, values(item), strict=True)) for item in items]


def _value(value: Any) -> Any:
    kind = type(value)
    if kind is Span:
        return [value.start, value.end]
    if kind is list:
        return [_value(v) for v in value]
    if kind is dict:
        return {k: _value(v) for k, v in value.items()}
    return value
