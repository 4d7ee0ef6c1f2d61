"""Writes of the orgs domain: resolving unit names (aliases, renamings) and creating units."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from tuijin.core.errors import ServiceError

from .choices import UnitKind
from .models import Unit, UnitAlias

_SPACES = re.compile(r"\s+")
_TRAILING = "，,、；;。.：:）)等"
_ENTERPRISE = re.compile(r"(公司|集团|厂|股份|有限)$")
_COUNTY = re.compile(r"[区县]人民政府$|[区县]政府$")
_ZONE = re.compile(r"管委会$|管理委员会$")


def unit_name_clean(name: str) -> str:
    """The name as a key: no spaces, full-width brackets, no trailing punctuation or 等."""
    name = _SPACES.sub("", name or "").replace("(", "（").replace(")", "）")
    return name.strip(_TRAILING).strip()


def unit_kind_guess(name: str) -> str:
    if _ENTERPRISE.search(name):
        return UnitKind.ENTERPRISE
    if _COUNTY.search(name):
        return UnitKind.COUNTY_GOVERNMENT
    if _ZONE.search(name):
        return UnitKind.ZONE_COMMITTEE
    return UnitKind.DEPARTMENT


def unit_find(name: str, *, on: dt.date | None = None) -> Unit | None:
    """The unit NAME refers to: its name, a short name, or an alias (a former name counts
    when ON falls inside its validity, or when no date is given)."""
    key = unit_name_clean(name)
    if not key:
        return None
    unit = Unit.objects.filter(Q(name=key) | Q(short_name=key)).first()
    if unit is not None:
        return unit
    aliases = UnitAlias.objects.select_related("unit").filter(name=key)
    if on is not None:
        aliases = aliases.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on),
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        )
    alias = aliases.first()
    if alias is None and on is not None:
        # A name used after its validity ended still means that unit; prefer a match over a new row.
        alias = UnitAlias.objects.select_related("unit").filter(name=key).first()
    return alias.unit if alias else None


@dataclass(frozen=True, slots=True)
class Resolved:
    unit: Unit
    created: bool
    written: str


@transaction.atomic
def unit_resolve(*, name: str, on: dt.date | None = None, create: bool = True) -> Resolved:
    """Find the unit for NAME, or create one marked for review when nothing matches."""
    key = unit_name_clean(name)
    if not key:
        raise ServiceError("O001", "单位名称为空")
    if len(key) > 120:
        raise ServiceError("O002", f"单位名称过长：{key[:30]}…")
    unit = unit_find(key, on=on)
    if unit is not None:
        return Resolved(unit, False, name)
    if not create:
        raise ServiceError("O003", f"未找到单位“{key}”（名称或别名）")
    unit = Unit(
        name=key, kind=unit_kind_guess(key), needs_review=True, note="由文件导入时新建，待核实"
    )
    unit.full_clean()
    unit.save()
    return Resolved(unit, True, name)
