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
# 各县区, 各县（市、区）人民政府, 各区县政府: every county-level government, not one body
_EVERY_COUNTY = re.compile(r"^各[县区市旗縣區（）()、]{1,12}(?:人民政府|政府)?$")
# 各园区管委会, 各开发区: every zone's committee
_EVERY_ZONE = re.compile(r"^各(?:园区|开发区|新区|功能区)(?:管委会|管理委员会)?$")
# 各有关单位, 市直各部门, 各成员单位, 有关部门, 各乡镇人民政府: many bodies, none named
_COLLECTIVE = re.compile(r"^(?:各|[省市县区]直各|全[省市县区]各|有关|相关|其他)|各(?:部门|单位)$")
_DOUBLED_LEVEL = re.compile(r"^([省市县区])\1")
# The region's own levels: a plan writes 园林局 for 市园林局 and 市园林局 for a ledger's 园林局.
_OWN_LEVELS = "市区县"


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


def unit_collective(name: str) -> tuple[bool, str | None]:
    """Whether NAME is a collective reference (各县区, 各有关单位), and the kind of unit it
    means every one of, when the ledger can tell (county governments, zone committees)."""
    key = unit_name_clean(name)
    if _EVERY_COUNTY.match(key):
        return True, UnitKind.COUNTY_GOVERNMENT
    if _EVERY_ZONE.match(key):
        return True, UnitKind.ZONE_COMMITTEE
    return bool(_COLLECTIVE.search(key)), None


def unit_find(name: str, *, on: dt.date | None = None) -> Unit | None:
    """The unit NAME refers to: its name, a short name, or an alias (a former name counts
    when ON falls inside its validity, or when no date is given). A level written twice by
    mistake (市市工信委) still finds the unit, when the name as written finds none."""
    key = unit_name_clean(name)
    if not key:
        return None
    found = _unit_find_key(key, on)
    if found is None and _DOUBLED_LEVEL.match(key):
        found = _unit_find_key(key[1:], on)
    if found is None:
        found = _unit_find_other_level(key, on)
    return found


def _unit_find_other_level(key: str, on: dt.date | None) -> Unit | None:
    """The one unit the name means with its level written or left out (市园林局 / 园林局);
    none when the variants point at different units (市园林局 and 区园林局 both exist)."""
    variants = [level + key for level in _OWN_LEVELS]
    if key[0] in _OWN_LEVELS and len(key) > 3:
        variants.append(key[1:])
    found = {unit.pk: unit for v in variants if (unit := _unit_find_key(v, on)) is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def _unit_find_key(key: str, on: dt.date | None) -> Unit | None:
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
