"""Verdicts on one candidate name: is it a project in the kind of list it was found in?

Pure functions of the name string (cached, since a document names the same things again and
again); the list logic that calls them lives in objects.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tuijin.ingest.lexicon import FACILITY_HEADS
from tuijin.ingest.project_parts import items as it
from tuijin.ingest.project_parts import shapes

_COUNT_LEAD_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十几数]+)(?:个|批|类|家)")

_NATIONAL_NAME_RE = re.compile(r"国家(?!级|重要|战略|重点|骨干|综合|区域|现代|先进|一流)")
_VAGUE_RE = re.compile(
    r"各|重点$|重大$|全部|等$|^[“\"]?十[一二三四五六七八九]五|重[大点](?:产业|建设)?项目|^[省市县区]?重[大点]"
)
_BARE_HEAD_RE = re.compile(r"(?:项目|工程)\S?")
_MARK_RE = re.compile(r"[A-Za-z0-9]|[首一二三四五六七八九十]期")
_INNER_WORK_RE = re.compile(
    r"(?:改造|提升|扩建|改扩建|搬迁|迁建|重建|开发|修复|治理|加固|除险加固|升级|扩容|续建|新建|扩能|扩产"
    r"|技改|提质|增容)$"
)
_STARTS_BAD = (
    "专栏",
    "附表",
    "附件",
    "重点",
    "重大",
    "一批",
    "各类",
    "这些",
    "该",
    "本",
    "其",
    "所有",
    "有关",
    "相关",
)


@lru_cache(maxsize=8192)
def common_bad(nm: str, *, listed: bool = False) -> bool:
    """Never a project name; `listed` names sit in an explicit list (国家水网 may be one)."""
    return (
        len(nm) < 3
        or _COUNT_LEAD_RE.match(nm) is not None
        or shapes.is_slogan(nm)
        or (shapes.is_status(nm) and not (listed and _NATIONAL_NAME_RE.match(nm)))
        or shapes.has_quoted_list(nm)
        or shapes.is_network(nm)
        or it.has_bad_de(nm)
        or nm.startswith(_STARTS_BAD)
        or _VAGUE_RE.search(nm) is not None
        or _BARE_HEAD_RE.fullmatch(nm) is not None
        or shapes.is_scoped(nm)
        or shapes.is_area_facilities(nm)
    )


@lru_cache(maxsize=8192)
def ok_explicit(nm: str) -> bool:
    if shapes.ends_with_count(nm):
        return False
    if _COUNT_LEAD_RE.match(nm) and not nm.endswith(("项目", "工程")):
        nm = _COUNT_LEAD_RE.sub("", nm)  # 50个城市主题公园: a counted scope of a listed project
        if len(nm) >= 4 and not common_bad(nm):
            return True
    return not common_bad(nm, listed=True)


@lru_cache(maxsize=8192)
def ok_listed(nm: str, *, strict: bool) -> bool:
    if common_bad(nm) or shapes.is_generic(nm) or shapes.is_area_work(nm):
        return False
    if shapes.is_area(nm) and not shapes.is_route(nm):
        return False
    if shapes.ends_with_count(nm) or shapes.is_predicate(nm) or shapes.has_big_count(nm):
        return False
    if strict:
        return shapes.has_strong_head(nm) and proper(nm) and not shapes.is_aim_scope(nm)
    return shapes.is_projectish(nm)


def ok_pair_member(nm: str, aim: bool) -> bool:
    if ok_listed(nm, strict=aim):
        return True
    return not aim and shapes.has_strong_head(nm) and not common_bad(nm) and not shapes.is_area(nm)


def ok_companion(nm: str) -> bool:
    """A bare name listed beside projects (万达茂、简牍博物馆…)."""
    return len(nm) <= 12 and not common_bad(nm) and not shapes.is_area(nm)


@lru_cache(maxsize=8192)
def ok_named(nm: str) -> bool:
    """An object the text itself calls a 项目 (兰州低温核供热项目建设)."""
    return (
        len(nm) >= 4
        and not common_bad(nm)
        and not shapes.is_generic(nm)
        and not shapes.is_all_generic(nm)
        and not shapes.is_predicate(nm)
    )


@lru_cache(maxsize=8192)
def ok_single(nm: str, *, strict: bool) -> bool:
    if common_bad(nm) or shapes.is_area(nm) or shapes.is_generic(nm) or shapes.is_area_work(nm):
        return False
    if shapes.ends_with_count(nm) or len(nm) > 40 or "和" in nm:
        return False
    if len(nm) < 5 and not (len(nm) == 4 and nm.endswith(FACILITY_HEADS)):
        return False
    if shapes.is_predicate(nm) or shapes.has_big_count(nm):
        return False
    if strict:
        return shapes.has_strong_head(nm) and proper(nm) and not shapes.is_aim_scope(nm)
    if shapes.has_generic_lead(nm) and not proper(nm):
        return False  # 推进现代化海洋牧场建设: a kind of facility, not one
    if shapes.has_strong_head(nm):
        return True
    if shapes.has_head(nm) and (shapes.has_capacity(nm) or shapes.has_place(nm)):
        return True
    if shapes.is_route(nm) and shapes.has_head(nm):
        return True  # 兰州至张掖高铁武威至张掖段
    if shapes.has_work(nm):
        return proper(nm) or "、" in nm or inner_head(nm)
    return False


@lru_cache(maxsize=8192)
def proper(nm: str) -> bool:
    """Some identity beyond generic words: a place, a capacity, a phase, Latin letters, digits."""
    return shapes.has_place(nm) or shapes.has_capacity(nm) or _MARK_RE.search(nm) is not None


@lru_cache(maxsize=8192)
def inner_head(nm: str) -> bool:
    """A head noun before the work noun: 污水处理厂处理能力改造."""
    core = shapes.strip_decor(nm)
    for _ in range(3):
        m = _INNER_WORK_RE.search(core)
        if m is None:
            break
        core = core[: m.start()]
    return shapes.has_strong_head(core[:-1]) or shapes.has_strong_head(core)
