"""The audit trail read back: who changed what, when, field by field (django-simple-history).

Every ledger model carries `history = HistoricalRecords()`; the services stamp the user (the
request middleware does it for web requests) and a change reason. Two readers:

    history_for(obj, limit=50, user=…)   # an object's changes, newest first, with its child rows
    change_log(user, since=…, until=…, model=…, actor=…)   # every change, for the office

A `Change` is one history row compared with the row before it for the same object: the
fields that differ, with Chinese verbose names and readable old → new values.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import QuerySet, Value
from django.forms.models import model_to_dict
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin.accounts.scoping import scope_any

from .types import UserLike

# Bookkeeping fields left out of every diff.
NOISE = frozenset({"created_at", "updated_at"})
EMPTY = "—"
KIND_LABELS = {"+": gettext_lazy("新建"), "~": gettext_lazy("修改"), "-": gettext_lazy("删除")}
KIND_COLOURS = {"+": "green", "~": "blue", "-": "red"}
# Child rows shown on their parent's page and linked to it: model label → parent field.
PARENTS = {
    "plans.assignment": "task",
    "projects.annualplan": "project",
    "projects.progressreport": "project",
    "reporting.entry": "submission",
    "reporting.indicatorfigure": "submission",
}
DETAIL_URLS = {"reporting.submission": "reporting-submission-detail"}


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    old: str
    new: str


@dataclass
class Change:
    """One history row: KIND "+" created, "~" changed, "-" deleted."""

    model: type[models.Model]
    object_id: int
    history_id: int
    kind: str
    when: dt.datetime
    user: Any
    reason: str
    object_label: str = ""
    url: str = ""
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def kind_colour(self) -> str:
        return KIND_COLOURS.get(self.kind, "grey")

    @property
    def model_label(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def model_key(self) -> str:
        return self.model._meta.label_lower

    @property
    def user_label(self) -> str:
        if self.user is None:
            return _("系统")
        return str(self.user.get_full_name() or self.user.get_username())


# which models ---------------------------------------------------------------------------------
def ledger_models() -> list[type[models.Model]]:
    """The tuijin models with an audit trail, in app and name order."""
    found = [
        m
        for m in apps.get_models()
        if m.__module__.startswith("tuijin.")
        and getattr(m._meta, "simple_history_manager_attribute", None)
    ]
    return sorted(found, key=lambda m: m._meta.label_lower)


def ledger_model(key: str) -> type[models.Model] | None:
    """The audited model named KEY ("plans.task"), or None."""
    return next((m for m in ledger_models() if m._meta.label_lower == key), None)


def _history(model: type[models.Model]) -> Any:
    return getattr(model, model._meta.simple_history_manager_attribute)  # type: ignore[attr-defined]


# one object -----------------------------------------------------------------------------------
def _children(obj: models.Model) -> list[tuple[type[models.Model], str]]:
    """(child model, its field pointing at OBJ) for the child rows shown with OBJ."""
    label = obj._meta.label_lower
    out = []
    for child_label, parent_field in PARENTS.items():
        child = apps.get_model(child_label)
        related = child._meta.get_field(parent_field).related_model
        if related is not None and related._meta.label_lower == label:
            out.append((child, parent_field))
    return out


def history_for(obj: models.Model, limit: int = 50, user: Any = None) -> list[Change]:
    """OBJ's changes and those of its child rows (a task's assignments, a project's annual
    plans and progress), newest first, at most LIMIT. With USER, a value naming a row outside
    USER's scope (a parent task of another unit, a draft document) reads 无权查看, not its title."""
    records: list[Any] = []
    model = type(obj)
    if getattr(model._meta, "simple_history_manager_attribute", None):
        records += list(_recent(_history(model).filter(id=obj.pk), limit))
    for child, parent_field in _children(obj):
        qs = _history(child).filter(**{f"{parent_field}_id": obj.pk})
        records += list(_recent(qs, limit))
    records.sort(key=lambda r: (r.history_date, r.history_id), reverse=True)
    return describe(records[:limit], link=False, user=user)


def _recent(qs: QuerySet[Any], limit: int) -> QuerySet[Any]:
    return qs.select_related("history_user").order_by("-history_date", "-history_id")[:limit]


# all changes ----------------------------------------------------------------------------------
def change_log(
    user: UserLike,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    model: type[models.Model] | None = None,
    actor: Any = None,
) -> QuerySet[Any]:
    """Every change to the audited models, newest first, as rows of (history_id, history_date,
    history_type, history_user_id, model); SINCE and UNTIL are local dates, both included.
    Page it, then `change_rows(page)` turns the rows into `Change`s."""
    chosen = [model] if model is not None else ledger_models()
    parts = []
    for m in chosen:
        qs = _history(m).all()
        if since is not None:
            qs = qs.filter(history_date__gte=_day_start(since))
        if until is not None:
            qs = qs.filter(history_date__lt=_day_start(until + dt.timedelta(days=1)))
        if actor is not None:
            qs = qs.filter(history_user=actor)
        parts.append(
            qs.annotate(model=Value(m._meta.label_lower, output_field=models.CharField()))
            .values("history_id", "history_date", "history_type", "history_user_id", "model")
            .order_by()
        )
    first, *rest = parts
    combined: QuerySet[Any] = first.union(*rest, all=True) if rest else first
    return combined.order_by("-history_date", "-history_id")


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def change_rows(rows: Iterable[dict[str, Any]]) -> list[Change]:
    """The `Change`s of change-log ROWS (in their order)."""
    rows = list(rows)
    ids: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        ids[row["model"]].append(row["history_id"])
    found: dict[tuple[str, int], Any] = {}
    for key, history_ids in ids.items():
        model = ledger_model(key)
        if model is None:
            continue
        qs = _history(model).filter(history_id__in=history_ids).select_related("history_user")
        for record in qs:
            found[(key, record.history_id)] = record
    records = [found[k] for r in rows if (k := (r["model"], r["history_id"])) in found]
    return describe(records, link=True)


# describing records ---------------------------------------------------------------------------
def describe(records: Sequence[Any], *, link: bool, user: Any = None) -> list[Change]:
    """RECORDS (history rows of any audited models) as `Change`s, each compared with the
    previous row of its object; LINK adds the page of the object (or of its parent). With
    USER, related rows outside USER's scope are named 无权查看 (see history_for)."""
    previous = _previous_records(records)
    labels = _Labels(user)
    alive = _alive(records) if link else {}
    out = []
    for record in records:
        model = record.instance_type
        change = Change(
            model=model,
            object_id=record.id,
            history_id=record.history_id,
            kind=record.history_type,
            when=record.history_date,
            user=record.history_user,
            reason=record.history_change_reason or "",
            object_label=_object_label(record),
        )
        before = previous.get((model._meta.label_lower, record.history_id))
        if record.history_type == "~" and before is not None:
            change.fields = _diff(record, before, labels)
        elif record.history_type == "+":
            change.fields = _created(record, labels)
        if link:
            change.url = _url(record, alive)
        out.append(change)
    return out


def _previous_records(records: Sequence[Any]) -> dict[tuple[str, int], Any]:
    """(model label, history_id) → the row before it for the same object."""
    wanted: dict[type[models.Model], list[Any]] = defaultdict(list)
    for record in records:
        if record.history_type == "~":
            wanted[record.instance_type].append(record)
    out: dict[tuple[str, int], Any] = {}
    for model, rows in wanted.items():
        key = model._meta.label_lower
        top = max(r.history_id for r in rows)
        older: dict[int, list[Any]] = defaultdict(list)
        qs = _history(model).filter(id__in={r.id for r in rows}, history_id__lt=top)
        for old in qs.order_by("history_id"):
            older[old.id].append(old)
        for row in rows:
            before = [o for o in older.get(row.id, []) if o.history_id < row.history_id]
            if before:
                out[(key, row.history_id)] = before[-1]
    return out


def _tracked(record: Any) -> list[models.Field[Any, Any]]:
    model = record.instance_type
    names = {f.name for f in record.tracked_fields if f.editable} - NOISE
    return [f for f in model._meta.concrete_fields if f.name in names and not f.primary_key]


def _diff(record: Any, before: Any, labels: _Labels) -> list[FieldChange]:
    model_fields = {f.name: f for f in _tracked(record)}
    delta = record.diff_against(before, included_fields=list(model_fields))
    order = {name: i for i, name in enumerate(model_fields)}
    changes = sorted(delta.changes, key=lambda c: order.get(c.field, len(order)))
    out = []
    for change in changes:
        f = model_fields.get(change.field)
        if f is None:
            continue
        out.append(
            FieldChange(
                name=f.name,
                label=str(f.verbose_name),
                old=labels.value(f, change.old),
                new=labels.value(f, change.new),
            )
        )
    return out


def _created(record: Any, labels: _Labels) -> list[FieldChange]:
    fields = _tracked(record)
    values = model_to_dict(record, fields=[f.name for f in fields])
    out = []
    for f in fields:
        value = values.get(f.name)
        if value in (None, "", [], {}) or value == f.default:
            continue
        out.append(FieldChange(f.name, str(f.verbose_name), EMPTY, labels.value(f, value)))
    return out


def _object_label(record: Any) -> str:
    try:
        text = str(record.instance)
    except Exception:  # a related row of a deleted object may be gone too
        text = ""
    return text or f"{record.instance_type._meta.verbose_name} #{record.id}"


def _alive(records: Sequence[Any]) -> dict[str, set[int]]:
    """Model label → ids of the objects (or parents) that still exist, for links."""
    wanted: dict[type[models.Model], set[int]] = defaultdict(set)
    for record in records:
        target, pk = _link_target(record)
        if target is not None and pk is not None:
            wanted[target].add(pk)
    return {
        m._meta.label_lower: set(m._default_manager.filter(pk__in=pks).values_list("pk", flat=True))
        for m, pks in wanted.items()
    }


def _link_target(record: Any) -> tuple[type[models.Model] | None, int | None]:
    model = record.instance_type
    parent_field = PARENTS.get(model._meta.label_lower)
    if parent_field is None:
        return model, record.id
    return model._meta.get_field(parent_field).related_model, getattr(record, f"{parent_field}_id")


def _url(record: Any, alive: dict[str, set[int]]) -> str:
    target, pk = _link_target(record)
    if target is None or pk is None or pk not in alive.get(target._meta.label_lower, set()):
        return ""
    name = DETAIL_URLS.get(target._meta.label_lower)
    if name is None and not hasattr(target, "get_absolute_url"):
        return ""
    if name is None:
        name = f"{target._meta.model_name}-detail"
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return ""


class _Labels:
    """Readable values: choice labels, 是/否, names of related rows (looked up once)."""

    def __init__(self, user: Any = None) -> None:
        self.related: dict[tuple[type[models.Model], Any], str] = {}
        self.user = user

    def value(self, f: models.Field[Any, Any], value: Any) -> str:
        if value is None or value == "":
            return EMPTY
        if isinstance(f, models.ManyToManyField):
            return self._many(f, value)
        if f.is_relation and f.related_model is not None:
            return self._related(f.related_model, value)  # type: ignore[arg-type]
        if f.choices:
            return str(dict(f.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("是") if value else _("否")
        if isinstance(value, Decimal):
            text = format(value, "f")
            return text.rstrip("0").rstrip(".") if "." in text else text
        if isinstance(value, dt.datetime):
            return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    def _related(self, model: type[models.Model], pk: Any) -> str:
        if isinstance(pk, models.Model):
            return str(pk)
        key = (model, pk)
        if key not in self.related:
            rows = model._default_manager.filter(pk=pk)
            obj = rows.first()
            if obj is None:
                self.related[key] = _("#%(pk)s（已删除）") % {"pk": pk}
            elif self.user is not None and not scope_any(self.user, rows).exists():
                self.related[key] = _("（无权查看）")
            else:
                self.related[key] = str(obj)
        return self.related[key]

    def _many(self, f: models.ManyToManyField[Any, Any], rows: Any) -> str:
        target = f.related_model
        column = f.m2m_reverse_field_name()
        names = []
        for row in rows or []:
            pk = row.get(column) if isinstance(row, dict) else row
            names.append(self._related(target, pk) if target is not None else str(pk))  # type: ignore[arg-type]
        return "、".join(names) or EMPTY
