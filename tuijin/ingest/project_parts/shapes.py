"""Compiled shape tests for one candidate project name (head noun, capacity, area, slogan…).

Kept apart from the list logic so that each test is a single anchored regex on a short string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


def _words(words: str) -> tuple[str, ...]:
    return tuple(words.split())


# Trailing decorations that do not change what the name ends in: (甘肃段), 二期, （一期）.
_DECOR = (
    r"(?:\s*[（(][^（()）]{1,14}[）)]|[一二三四五六七八九十0-9]+期(?:工程)?"
    r"|(?<=[路线道桥站渠港场铁速廊])[\u4e00-\u9fff]{1,6}段)*"
)
# Every position from which the rest of a name is decoration only (the end of the name included).
# A name "ends in" a word of a list (HEADS, WORKS…) when the word ends at one of these positions:
# one pattern serves every list, which are then looked up as words, not compiled into patterns.
_DECOR_AT_RE = re.compile(f"(?=({_DECOR})$)")
WordList = tuple[tuple[int, frozenset[str]], ...]


def _by_length(words: Iterable[str]) -> WordList:
    """Words grouped by length, longest first."""
    groups: dict[int, set[str]] = {}
    for w in words:
        groups.setdefault(len(w), set()).add(w)
    return tuple((n, frozenset(groups[n])) for n in sorted(groups, reverse=True))


# Venues named by what they house (体验馆, 博物馆): a strong head, while a bare 馆 stays weak.
_VENUES = _words(
    "体验馆 博物馆 图书馆 纪念馆 展览馆 美术馆 科技馆 文化馆 档案馆 陈列馆 展示馆 艺术馆 规划馆"
    " 非遗馆 民俗馆 科普馆 游泳馆 展馆"
)
_HEADS = _by_length((*HEADS, *_VENUES))
_STRONG = _by_length((*STRONG_HEADS, *_VENUES))
_WORKS = _by_length(WORKS)
_AREAS = _by_length(AREA_SUFFIXES)
_AREAS_OK = _by_length(AREA_OK)


def _decor_starts(name: str) -> list[int]:
    return [m.start() for m in _DECOR_AT_RE.finditer(name)]


def _word_start(name: str, words: WordList, starts: list[int] | None = None) -> int:
    """Where `(?:WORDS)DECOR$` first matches in `name` (its search start), or -1."""
    best = -1
    for p in _decor_starts(name) if starts is None else starts:
        for n, group in words:  # the longest word ending at p starts first
            if n <= p and name[p - n : p] in group:
                if best < 0 or p - n < best:
                    best = p - n
                break
    return best


_NUM = r"\d+(?:[.\ue000-\uf8ff]\d+)?"
_CAPACITY_RE = re.compile(
    rf"(?:{_NUM}(?:\s*[×xX*]\s*{_NUM})?\s*(?:万|亿|千|百)?|[一二两三四五六七八九十百千万亿]+)"
    rf"(?:{alt(CAPACITY_UNITS)})"
)
# The tests below that need "a Chinese character" check it in Python: a [\u4e00-\u9fff] class
# costs milliseconds to compile, in every pattern that holds one.
_ROUTE_MID_RE = re.compile(r"\s*[-—–－~～]\s*|至")  # between two places of a route
_FACILITIES_END_RE = re.compile(r"(?:基础|配套|公共|市政)?设施$")
# A scope word, then (范围)内 (not 内环, 内河, 内蒙…: 内 begins a word there); is_scoped tries it
# after at most five Chinese characters.
_SCOPED_AT_RE = re.compile(
    r"(?:集群|园区|区域|辖区|市|省|县|区|境|城|国|片区|镇|村|乡|企业|行业|产业|基地|景区|全市|全省"
    r"|全区|全县|城市|厂区|矿区|名单|清单|计划|规划)(?:范围)?内(?![环河湖蒙江陆])"
)
_GENERIC_LEADS = _words(
    "现代化 现代 新型 特色 标准化 高标准 一流 优质 精品 示范性 大型 中型 小型 各类"
    " 专业化 数字化 智慧 规模化 生态化 高效"
)
_PHASE_WORKS_RE = re.compile(r"[一二三四五六七八九十0-9]期(?:工程|项目)$")
_AREA_WORK_RE = re.compile(r"(?:街区|商圈|片区|城区|街道|社区)$")
_GENERIC_RE = re.compile(f"(?:{alt(GENERIC)}|[及和与、])*")
_STATUS_PREFIXES = tuple(STATUS_PREFIXES)
_AIM_PREFIXES = tuple(AIM_PREFIXES)
# A quoted slogan, then up to six characters and a programme word: checked in Python (is_slogan).
_QUOTES = '“「‘"'
_CLOSES = '”」’"'
_PROGRAMME_WORDS = (
    "",
    *_words("工程 行动 计划 战略 工作 活动 体系 模式 机制 格局 试点 建设 目标 品牌"),
)
_SLOGAN_RE = re.compile(
    r"^[一二两三四五六七八九十百千]+(?:大|个)"
    r"|^[“「‘\"][^”」’\"]{0,12}?(?:[一二两三四五六七八九十百千]+|\d+)[大个项张]"
    r"|[“「‘\"][^”」’\"]{0,12}(?:工程|行动|计划)[”」’\"]$"
)
_TIER_RE = re.compile(r"[千百十万]亿级|千亿|百亿")  # and 3个…级 (see is_slogan)
_TIER_COUNT = frozenset("0123456789一二三四五六七八九十两")
_QUOTED_LIST_RE = re.compile(r"[“「‘\"][^”」’\"]*[、，,][^”」’\"]*[”」’\"]")
_PLACE_SUFFIXES = tuple(PLACE_SUFFIXES)
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


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@lru_cache(maxsize=8192)
def strip_decor(name: str) -> str:
    m = _DECOR_AT_RE.search(name)  # always matches, at the end if nowhere else
    return name[: m.start()] + name[m.end(1) :] if m else name  # as `re.sub(DECOR$, "", name)`


@lru_cache(maxsize=8192)
def has_head(name: str) -> bool:
    return _word_start(name, _HEADS) >= 0


@lru_cache(maxsize=8192)
def has_strong_head(name: str) -> bool:
    return _word_start(name, _STRONG) >= 0


@lru_cache(maxsize=8192)
def has_work(name: str) -> bool:
    return _word_start(name, _WORKS) >= 0


@lru_cache(maxsize=8192)
def has_capacity(name: str) -> bool:
    return _CAPACITY_RE.search(name) is not None


@lru_cache(maxsize=8192)
def is_route(name: str) -> bool:
    # `(?<=[CJK]{2})(?:\s*[-—–－~～]\s*|至)(?=[CJK()（）]{2})`: one match of the middle decides,
    # as giving back spaces would leave a space where a character or bracket must be.
    for j in range(2, len(name)):
        if _cjk(name[j - 2]) and _cjk(name[j - 1]):
            m = _ROUTE_MID_RE.match(name, j)
            if m is not None:
                after = name[m.end() : m.end() + 2]
                if len(after) == 2 and all(_cjk(c) or c in "()（）" for c in after):
                    return True
    return False


@lru_cache(maxsize=8192)
def is_area(name: str) -> bool:
    """Ends like a zone or an administrative area (示范区, 新区, 商圈), not like a park.

    A phase that the text calls a 工程/项目 (白沙港区二期工程) is works in the zone, a project.
    """
    if _PHASE_WORKS_RE.search(name):
        return False
    starts = _decor_starts(name)
    return _word_start(name, _AREAS, starts) >= 0 and _word_start(name, _AREAS_OK, starts) < 0


@lru_cache(maxsize=8192)
def is_area_work(name: str) -> bool:
    """桃海文旅街区提质升级: work on a street or quarter, not a project (unless listed as one)."""
    core = strip_decor(name)
    for _ in range(3):
        w = _word_start(core, _WORKS)
        if w <= 0:
            break
        core = core[:w]
    return core != strip_decor(name) and _AREA_WORK_RE.search(core) is not None


@lru_cache(maxsize=8192)
def is_area_facilities(name: str) -> bool:
    """合作区南宁片区基础设施: the facilities of a zone in general, not one undertaking."""
    m = _FACILITIES_END_RE.search(name)
    return m is not None and m.start() > 0 and is_area(name[: m.start()])


@lru_cache(maxsize=8192)
def is_scoped(name: str) -> bool:
    """集群内工业园区, 全市范围内…: the things inside a scope, not a named facility."""
    if name.endswith(("内", "内\n")):
        return True
    for k in range(6):  # `^[\u4e00-\u9fff]{0,5}?` before the scope word
        if k and (k > len(name) or not _cjk(name[k - 1])):
            break
        if _SCOPED_AT_RE.match(name, k):
            return True
    return False


@lru_cache(maxsize=8192)
def has_generic_lead(name: str) -> bool:
    """现代化海洋牧场: a generic modifier opens the name (a kind of facility, no identity)."""
    reached = {0}  # ends of a run of generic modifiers from the start (any way of reading it)
    todo = [0]
    while todo:
        p = todo.pop()
        for w in _GENERIC_LEADS:
            if name.startswith(w, p) and p + len(w) not in reached:
                reached.add(p + len(w))
                todo.append(p + len(w))
    return any(p and p + 2 <= len(name) and _cjk(name[p]) and _cjk(name[p + 1]) for p in reached)


@lru_cache(maxsize=8192)
def works_on_head(name: str) -> bool:
    """污水处理厂提标改造: work nouns after a facility's head noun."""
    core = strip_decor(name)
    for _ in range(3):
        w = _word_start(core, _WORKS)
        if w <= 0:
            break
        core = core[:w]
    return core != strip_decor(name) and has_head(core)


@lru_cache(maxsize=8192)
def is_generic(name: str) -> bool:
    """Only generic modifiers before the head (特色学校, 燃煤锅炉改造, 老旧小区)."""
    rest = strip_decor(name)
    if _GENERIC_RE.fullmatch(rest):
        return True
    starts = _decor_starts(rest)
    m = _word_start(rest, _HEADS, starts)
    if m < 0:
        m = _word_start(rest, _WORKS, starts)
    if m < 0:
        return False
    rest = rest[:m]
    for _ in range(3):  # works after the head: 农村公路提质改造工程 keeps 公路
        w = _word_start(rest, _WORKS)
        if w <= 0:
            break
        rest = rest[:w]
    if _GENERIC_RE.fullmatch(rest) is not None or _is_type(rest):
        return True
    # 学校新建扩建工程, 寄宿制学校改造: works on a kind of facility, its head bare or typed only
    h = _word_start(rest, _HEADS)
    return h >= 0 and (h == 0 or _is_type(rest[:h]))


def _is_type(mod: str) -> bool:
    """寄宿制, 装配式, 节水型: a type of facility (two or three characters), not a name."""
    return 2 <= len(mod) <= 3 and mod[-1] in "制式型" and all(map(_cjk, mod))


@lru_cache(maxsize=8192)
def is_all_generic(name: str) -> bool:
    """工业产业, 重点企业: nothing but generic words."""
    return _GENERIC_RE.fullmatch(name) is not None


@lru_cache(maxsize=8192)
def is_status(name: str) -> bool:
    return name.startswith(_STATUS_PREFIXES)


@lru_cache(maxsize=8192)
def is_aim_scope(name: str) -> bool:
    """西部…中心, 区域性…: a scope that, after 打造, names an aim rather than a facility."""
    return name.startswith(_AIM_PREFIXES)


@lru_cache(maxsize=8192)
def is_slogan(name: str) -> bool:
    return (
        _quoted_programme(name)
        or _SLOGAN_RE.search(name) is not None
        or _TIER_RE.search(name) is not None
        or _counted_tier(name)
    )


def _quoted_programme(name: str) -> bool:
    """`^[“「‘"][^”」’"]{0,16}[”」’"](?:[\u4e00-\u9fff]{0,6})?(?:工程|行动|…)?$`: “百村示范”工程."""
    if not name or name[0] not in _QUOTES:
        return False
    close = next((i for i, c in enumerate(name[1:18], 1) if c in _CLOSES), -1)
    if close < 0:
        return False
    rest = name[close + 1 :]
    for tail in (rest, rest[:-1]) if rest.endswith("\n") else (rest,):  # `$` before a last \n
        for k in range(min(6, len(tail)) + 1):
            if k and not _cjk(tail[k - 1]):
                break
            if tail[k:] in _PROGRAMME_WORDS:
                return True
    return False


def _counted_tier(name: str) -> bool:
    """`[0-9一…十两]个[\u4e00-\u9fff]{0,4}级`: 3个千亿级, 两个百亿级."""
    i = name.find("个", 1)
    while i >= 0:
        if name[i - 1] in _TIER_COUNT:
            for k in range(5):
                if name.startswith("级", i + 1 + k) and all(map(_cjk, name[i + 1 : i + 1 + k])):
                    return True
        i = name.find("个", i + 1)
    return False


@lru_cache(maxsize=8192)
def has_quoted_list(name: str) -> bool:
    return _QUOTED_LIST_RE.search(name) is not None


@lru_cache(maxsize=8192)
def has_place(name: str) -> bool:
    """A proper place inside the name (七里河区, 白塔山, 黄河…段), generic 城区/社区 not counted."""
    core = strip_decor(name)
    starts = _decor_starts(core)
    m = _word_start(core, _HEADS, starts)
    if m < 0:
        m = _word_start(core, _WORKS, starts)
    if m > 0:
        core = core[:m]
    rest = _GENERIC_PLACE_RE.sub("", core)  # a suffix right after a Chinese character
    return any(
        _cjk(rest[j - 1]) and rest.startswith(_PLACE_SUFFIXES, j) for j in range(1, len(rest))
    )


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
