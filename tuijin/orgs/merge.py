"""Merging a unit into another: a name an import created for a body the ledger already has
(市城执法管局 for 市城管执法局). Everything that points at the unit moves to the one it joins, its
names become that unit's aliases, so the next document that writes them links straight to it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction

from tuijin.accounts.permissions import require
from tuijin.core.audit import stamp
from tuijin.core.errors import ServiceError
from tuijin.documents.models import Provenance
from tuijin.documents.services import provenance_move

from .choices import AliasKind
from .models import Unit, UnitAlias

# Rows that mean the same thing when both units have them: the source's copy is dropped.
_SAME_ROW_DROPPED = frozenset({"plans.Assignment", "orgs.Membership"})


@dataclass(slots=True)
class MergeReport:
    moved: Counter[str] = field(default_factory=Counter)  # verbose name → rows moved
    dropped: int = 0  # rows both units had (the same assignment, the same membership)
    aliases: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.moved.values())


@transaction.atomic
def unit_merge(*, actor: Any, source: Unit, target: Unit) -> MergeReport:
    """Move everything of SOURCE to TARGET and delete SOURCE; refused, with nothing changed,
    when both have a row that cannot be two (the same period's report, an enterprise record)."""
    require(actor, "orgs.change_unit")
    if source.pk == target.pk:
        raise ServiceError("O010", "不能把单位合并到它自己")
    source = Unit.objects.select_for_update().get(pk=source.pk)
    target = Unit.objects.select_for_update().get(pk=target.pk)
    reason = f"合并：{source.name} → {target.name}"
    report = MergeReport()
    if target.parent_id == source.pk:
        target.parent_id = source.parent_id
        stamp(target, actor, reason).save(update_fields=["parent"])
    for relation in Unit._meta.related_objects:
        if relation.many_to_many:
            _move_many(relation, source, target, report)
        else:
            _move_rows(relation, source, target, actor, reason, report)
    moved, dropped = provenance_move(source=source, target=target)
    if moved:
        report.moved[str(Provenance._meta.verbose_name)] += moved
    report.dropped += dropped
    names = [source.name, source.short_name]
    taken = {target.name, target.short_name}
    for name in dict.fromkeys(n for n in names if n and n not in taken):
        if not UnitAlias.objects.filter(name=name).exists():
            alias = UnitAlias(unit=target, name=name, kind=AliasKind.ALIAS, note=reason)
            stamp(alias, actor, reason).save()
            report.aliases.append(name)
    stamp(source, actor, reason).delete()
    return report


def _move_rows(
    relation: Any, source: Unit, target: Unit, actor: Any, reason: str, report: MergeReport
) -> None:
    model: type[models.Model] = relation.related_model
    name = relation.field.name
    if model is Unit and name == "parent":
        rows = list(model._default_manager.filter(parent=source).exclude(pk=target.pk))
    else:
        rows = list(model._default_manager.filter(**{name: source}))
    label = model._meta.label
    for row in rows:
        if _has_twin(row, name, target):
            if label not in _SAME_ROW_DROPPED:
                raise ServiceError(
                    "O011",
                    f"两个单位都有“{model._meta.verbose_name}”记录（{row}），不能自动合并，"
                    "请先处理其中一条",
                )
            stamp(row, actor, reason).delete()
            report.dropped += 1
            continue
        setattr(row, name, target)
        stamp(row, actor, reason).save(update_fields=[name])
        report.moved[str(model._meta.verbose_name)] += 1


def _has_twin(row: models.Model, name: str, target: Unit) -> bool:
    """TARGET already has the row ROW would become (a unique constraint would refuse it)."""
    meta = row._meta
    groups = [tuple(getattr(c, "fields", ())) for c in meta.constraints]
    groups += [tuple(g) for g in meta.unique_together]
    if meta.get_field(name).one_to_one:
        groups.append((name,))
    manager = type(row)._default_manager
    for fields in groups:
        if fields and name in fields:
            values = {f: (target if f == name else getattr(row, f)) for f in fields}
            if manager.filter(**values).exclude(pk=row.pk).exists():
                return True
    return False


def _move_many(relation: Any, source: Unit, target: Unit, report: MergeReport) -> None:
    """A plain many-to-many (a project's responsible units, a cycle's units)."""
    through = relation.through
    if not through._meta.auto_created:
        return  # a model of its own (Assignment): moved row by row as a foreign key
    model = relation.related_model
    name = relation.field.name
    for obj in model._default_manager.filter(**{name: source}):
        related = getattr(obj, name)
        related.remove(source)
        related.add(target)
        report.moved[str(model._meta.verbose_name)] += 1
