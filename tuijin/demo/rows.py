"""Tools of the demo loader: write a row only when it differs; resolve units as plans write them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Generic, TypeVar

from django.db import models

from tuijin.orgs.models import Unit

from .data import units as units_data

M = TypeVar("M", bound=models.Model)


class Rows(Generic[M]):
    """Upsert by natural key: create what is missing, update only what differs, else no write."""

    def __init__(self, model: type[M], *keys: str) -> None:
        self.model = model
        self.keys = keys
        self.attnames = [model._meta.get_field(k).attname for k in keys]  # type: ignore[union-attr]
        self.rows: dict[tuple[Any, ...], M] = {
            self._row_key(obj): obj for obj in model._default_manager.all()
        }
        # Not validated here: non-editable fields (filled on save) and relations (the loader
        # passes rows it has just read or written).
        self.skip = [f.name for f in model._meta.fields if not f.editable or f.is_relation]

    def _row_key(self, obj: M) -> tuple[Any, ...]:
        return tuple(getattr(obj, a) for a in self.attnames)

    def put(self, **values: Any) -> M:
        key = tuple(_plain(values[k]) for k in self.keys)
        obj = self.rows.get(key)
        if obj is None:
            obj = self.model(**values)
        elif all(_same(obj, name, value) for name, value in values.items()):
            return obj
        else:
            for name, value in values.items():
                setattr(obj, name, value)
        obj.full_clean(exclude=self.skip, validate_unique=False, validate_constraints=False)
        obj.save()
        self.rows[key] = obj
        return obj


def _plain(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) else value


def _same(obj: models.Model, name: str, value: Any) -> bool:
    model_field = obj._meta.get_field(name)
    if model_field.is_relation:
        return bool(getattr(obj, model_field.attname) == _plain(value))  # type: ignore[union-attr]
    return bool(getattr(obj, name) == value)


def _set_m2m(obj: models.Model, name: str, targets: Iterable[models.Model]) -> None:
    manager = getattr(obj, name)
    wanted = {t.pk for t in targets}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(wanted)


def _dec(value: str | None) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class UnitIndex:
    """Resolve a unit as plans write it: full name, short name, alias, former name, collective."""

    def __init__(self) -> None:
        self.by_name: dict[str, Unit] = {}

    def add(self, name: str, unit: Unit) -> None:
        if name:
            self.by_name.setdefault(name, unit)

    def one(self, written: str) -> Unit:
        try:
            return self.by_name[written]
        except KeyError:
            raise KeyError(f"demo data names an unknown unit: {written!r}") from None

    def many(self, written: str) -> list[Unit]:
        members = units_data.COLLECTIVES.get(written)
        return [self.one(m) for m in members] if members else [self.one(written)]
