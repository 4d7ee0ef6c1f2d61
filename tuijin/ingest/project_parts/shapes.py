"""Compiled shape tests for one candidate project name (head noun, capacity, area, slogan…).

Kept apart from the list logic so that each test is a single anchored regex on a short string.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tuijin.ingest.lexicon import (
    AIM_PREFIXES,
    AREA_OK,
    AREA_SUFFIXES,
    CAPACITY_UNITS,
    GENERIC,
    HEADS,
    PLACE_SUFFIXES,
    STATUS_PREFIXES,
    STRONG_HEADS,
    WORKS,
    alt,
)

CJK = "\u4e00-\u9fff"
# Trailing decorations that do not change what the name ends in: (甘肃段), 二期, （一期）.
_DECOR = (
    r"(?:\s*[（(][^（()）]{1,14}[）)]|[一二三四五六七八九十0-9]+期(?:工程)?"
    r"|(?<=[路线道桥站渠港场铁速廊])[\u4e00-\u9fff]{1,6}段)*"
)
_DECOR_END_RE = re.compile(f"{_DECOR}$")
_HEAD_RE = re.compile(f"(?:{alt(HEADS)}){_DECOR}$")
_STRONG_RE = re.compile(f"(?:{alt(STRONG_HEADS)}){_DECOR}$")
_WORK_RE = re.compile(f"(?:{alt(WORKS)}){_DECOR}$")
_NUM = r"\d+(?:[.\ue000-\uf8ff]\d+)?"
_CAPACITY_RE = re.compile(
    rf"(?:{_NUM}(?:\s*[×xX*]\s*{_NUM})?\s*(?:万|亿|千|百)?|[一二两三四五六七八九十百千万亿]+)"
    rf"(?:{alt(CAPACITY_UNITS)})"
)
_ROUTE_RE = re.compile(rf"(?<=[{CJK}][{CJK}])(?:\s*[-—–－~～]\s*|至)(?=[{CJK}()（）][{CJK}()（）])")
_AREA_RE = re.compile(f"(?:{alt(AREA_SUFFIXES)}){_DECOR}$")
_FACILITIES_END_RE = re.compile(r"(?:基础|配套|公共|市政)?设施$")
_SCOPED_IN_RE = re.compile(
    rf"^[{CJK}]{{0,5}}?(?:集群|园区|区域|辖区|市|省|县|区|境|城|国|片区|镇|村|乡|企业|行业|产业|基地|景区|全市|全省"
    r"|全区|全县|城市|厂区|矿区|名单|清单|计划|规划)(?:范围)?内(?![环河湖蒙江陆])|内$"
)
_GENERIC_LEAD_RE = re.compile(
    r"(?:现代化|现代|新型|特色|标准化|高标准|一流|优质|精品|示范性|大型|中型|小型|各类|专业化|数字化"
    rf"|智慧|规模化|生态化|高效)+(?=[{CJK}]{{2}})"
)
_PHASE_WORKS_RE = re.compile(r"[一二三四五六七八九十0-9]期(?:工程|项目)$")
_AREA_WORK_RE = re.compile(r"(?:街区|商圈|片区|城区|街道|社区)$")
_AREA_OK_RE = re.compile(f"(?:{alt(AREA_OK)}){_DECOR}$")
_GENERIC_RE = re.compile(f"(?:{alt(GENERIC)}|[及和与、])*")
_STATUS_RE = re.compile(f"^(?:{alt(STATUS_PREFIXES)})")
_AIM_SCOPE_RE = re.compile(f"^(?:{alt(AIM_PREFIXES)})")
_SLOGAN_RE = re.compile(
    r"^[“「‘\"][^”」’\"]{0,16}[”」’\"](?:[\u4e00-\u9fff]{0,6})?(?:工程|行动|计划|战略|工作|活动|"
    r"体系|模式|机制|格局|试点|建设|目标|品牌)?$"
    r"|^[一二两三四五六七八九十百千]+(?:大|个)"
    r"|^[“「‘\"][^”」’\"]{0,12}?(?:[一二两三四五六七八九十百千]+|\d+)[大个项张]"
    r"|[“「‘\"][^”」’\"]{0,12}(?:工程|行动|计划)[”」’\"]$"
)
_TIER_RE = re.compile(
    r"[千百十万]亿级|千亿|百亿|[0-9一二三四五六七八九十两]个[\u4e00-\u9fff]{0,4}级"
)
_QUOTED_LIST_RE = re.compile(r"[“「‘\"][^”」’\"]*[、，,][^”」’\"]*[”」’\"]")
_PLACE_RE = re.compile(rf"[{CJK}]{{1,6}}(?:{alt(PLACE_SUFFIXES)})")
_GENERIC_PLACE_RE = re.compile(
    r"城区|市区|社区|园区|景区|小区|山区|矿区|林区|农村|乡村|城镇|城乡|街道|全市|全区|全县|全省"
    r"|本市|我市|各区|各县|县区|城市|市场|地区|新区|河流|江河|湖泊|山川"
)
_PREDICATE_RE = re.compile(
    r"向|持续|不断|进一步|全面|加快|有效|显著|明显|大幅|逐步|成为|得到|实现|入园|进园|出城|到位"
)
_BIG_RE = re.compile(r"(?<!第)[两三四五六七八九十百千]大(?![学道厦桥街院楼坝堤湖河型峡])")
_NETWORK_RE = re.compile(r"^(?:城市)?(?:轨道交通|交通|电网|路网|管网|网络|输配电网|配电网|通信网)$")
_COUNT_END_RE = re.compile(
    r"(?:\d+|[一二两三四五六七八九十百千几多数]+)(?:余|多)?(?:个|条|座|项|家|所|处|批|户|栋|套|宗|片)$"
)


@lru_cache(maxsize=8192)
def strip_decor(name: str) -> str:
    return _DECOR_END_RE.sub("", name)


@lru_cache(maxsize=8192)
def has_head(name: str) -> bool:
    return _HEAD_RE.search(name) is not None


@lru_cache(maxsize=8192)
def has_strong_head(name: str) -> bool:
    return _STRONG_RE.search(name) is not None


@lru_cache(maxsize=8192)
def has_work(name: str) -> bool:
    return _WORK_RE.search(name) is not None


@lru_cache(maxsize=8192)
def has_capacity(name: str) -> bool:
    return _CAPACITY_RE.search(name) is not None


@lru_cache(maxsize=8192)
def is_route(name: str) -> bool:
    return _ROUTE_RE.search(name) is not None


@lru_cache(maxsize=8192)
def is_area(name: str) -> bool:
    """Ends like a zone or an administrative area (示范区, 新区, 商圈), not like a park.

    A phase that the text calls a 工程/项目 (白沙港区二期工程) is works in the zone, a project.
    """
    if _PHASE_WORKS_RE.search(name):
        return False
    return _AREA_RE.search(name) is not None and _AREA_OK_RE.search(name) is None


@lru_cache(maxsize=8192)
def is_area_work(name: str) -> bool:
    """桃海文旅街区提质升级: work on a street or quarter, not a project (unless listed as one)."""
    core = strip_decor(name)
    for _ in range(3):
        w = _WORK_RE.search(core)
        if w is None or w.start() == 0:
            break
        core = core[: w.start()]
    return core != strip_decor(name) and _AREA_WORK_RE.search(core) is not None


@lru_cache(maxsize=8192)
def is_area_facilities(name: str) -> bool:
    """合作区南宁片区基础设施: the facilities of a zone in general, not one undertaking."""
    m = _FACILITIES_END_RE.search(name)
    return m is not None and m.start() > 0 and is_area(name[: m.start()])


@lru_cache(maxsize=8192)
def is_scoped(name: str) -> bool:
    """集群内工业园区, 全市范围内…: the things inside a scope, not a named facility."""
    return _SCOPED_IN_RE.search(name) is not None


@lru_cache(maxsize=8192)
def has_generic_lead(name: str) -> bool:
    """现代化海洋牧场: a generic modifier opens the name (a kind of facility, no identity)."""
    return _GENERIC_LEAD_RE.match(name) is not None


@lru_cache(maxsize=8192)
@lru_cache(maxsize=8192)
def works_on_head(name: str) -> bool:
    """污水处理厂提标改造: work nouns after a facility's head noun."""
    core = strip_decor(name)
    for _ in range(3):
        w = _WORK_RE.search(core)
        if w is None or w.start() == 0:
            break
        core = core[: w.start()]
    return core != strip_decor(name) and has_head(core)


@lru_cache(maxsize=8192)
def is_generic(name: str) -> bool:
    """Only generic modifiers before the head (特色学校, 燃煤锅炉改造, 老旧小区)."""
    rest = strip_decor(name)
    if _GENERIC_RE.fullmatch(rest):
        return True
    m = _HEAD_RE.search(rest) or _WORK_RE.search(rest)
    if m is None:
        return False
    rest = rest[: m.start()]
    for _ in range(3):  # works after the head: 农村公路提质改造工程 keeps 公路
        w = _WORK_RE.search(rest)
        if w is None or w.start() == 0:
            break
        rest = rest[: w.start()]
    return _GENERIC_RE.fullmatch(rest) is not None


@lru_cache(maxsize=8192)
def is_all_generic(name: str) -> bool:
    """工业产业, 重点企业: nothing but generic words."""
    return _GENERIC_RE.fullmatch(name) is not None


@lru_cache(maxsize=8192)
def is_status(name: str) -> bool:
    return _STATUS_RE.search(name) is not None


@lru_cache(maxsize=8192)
def is_aim_scope(name: str) -> bool:
    """西部…中心, 区域性…: a scope that, after 打造, names an aim rather than a facility."""
    return _AIM_SCOPE_RE.search(name) is not None


@lru_cache(maxsize=8192)
def is_slogan(name: str) -> bool:
    return _SLOGAN_RE.search(name) is not None or _TIER_RE.search(name) is not None


@lru_cache(maxsize=8192)
def has_quoted_list(name: str) -> bool:
    return _QUOTED_LIST_RE.search(name) is not None


@lru_cache(maxsize=8192)
def has_place(name: str) -> bool:
    """A proper place inside the name (七里河区, 白塔山, 黄河…段), generic 城区/社区 not counted."""
    core = strip_decor(name)
    m = _HEAD_RE.search(core) or _WORK_RE.search(core)
    if m is not None and m.start() > 0:
        core = core[: m.start()]
    return _PLACE_RE.search(_GENERIC_PLACE_RE.sub("", core)) is not None


@lru_cache(maxsize=8192)
def is_predicate(name: str) -> bool:
    """Reads as a statement (能级持续提升, 服务业向专业化延伸), not a name."""
    return _PREDICATE_RE.search(name) is not None


@lru_cache(maxsize=8192)
def has_big_count(name: str) -> bool:
    """三大管网, 九大片区: a count of kinds, not one facility."""
    return _BIG_RE.search(name) is not None


@lru_cache(maxsize=8192)
def is_network(name: str) -> bool:
    return _NETWORK_RE.search(name) is not None


@lru_cache(maxsize=8192)
def ends_with_count(name: str) -> bool:
    return _COUNT_END_RE.search(name) is not None


@lru_cache(maxsize=8192)
def is_projectish(name: str) -> bool:
    """Looks like an undertaking on its own: a head, a work noun, a capacity or a route."""
    return has_head(name) or has_work(name) or has_capacity(name) or is_route(name)
