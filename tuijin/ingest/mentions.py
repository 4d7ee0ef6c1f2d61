"""Named units, enterprises, areas, industry clusters and chains, for the ledger loader.

Precision comes first: a name is taken only where it is cleanly delimited (after punctuation,
a list comma or a short verb, before punctuation or a predicate) and its stem is not generic.
- unit: 市发改委, 省交通运输厅, 城关区人民政府, 兰州新区管委会 (and short list items after one)
- enterprise: …有限公司, …集团, …股份 (attrs {"enterprise": True})
- area: 七里河区, 永登县, 兰州新区, 高新区, …产业园; layouts 一心两翼多点 (attrs {"layout": …})
- cluster: one mention per industry of a tier list `A、B…四个千亿级…产业链` (attrs {"tier": …})
- chain: …产业链, 延链补链强链, 链主企业 (attrs {"leader": enterprise} when one is named)

Spans index the given text. Units and areas come from one regex pass over the left edges (a
name starts right after one), with cheap look-aheads that skip an edge unless a suffix character
follows soon; enterprises are looked for only in windows around 司/团/份. Layouts, clusters and
chains are found in mention_industry.py from their literal words. The word checks on a found
name (verbs cut off its start, generic stems) are set and str operations (mention_scan.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from tuijin.ingest.lexicon import words

# _LAYOUT and _layout_matches are re-exported (redundant alias): the scan tests read them here
from tuijin.ingest.mention_industry import _LAYOUT as _LAYOUT
from tuijin.ingest.mention_industry import _chains, _clusters, _layouts
from tuijin.ingest.mention_industry import _layout_matches as _layout_matches
from tuijin.ingest.mention_scan import (
    EDGE_CHARS,
    WHITESPACE,
    Found,
    _clean,
    _clean_shift,
    _generic,
    _rx,
    anchor_windows,
)
from tuijin.ingest.result import Mention, Span

_C = "\u4e00-\u9fff"
_EDGE = f"[{EDGE_CHARS}]"
# Characters no unit or area name contains: a name runs from the edge to its suffix without them.
_NOT_IN_NAME = WHITESPACE + '、，,；;：:（(“"《。！？）)”0-9A-Za-z'
# The last character of every unit suffix (局 委 …) and of every area suffix (区 县 园 …).
_GOV_ANCHORS = "府室会厅部组局委办"
_AREA_ANCHORS = "区园州县道镇乡"


def _anchor_within(anchors: str, offset: int) -> str:
    """Look-ahead: the first anchor or non-name character ahead is an anchor, at most `offset` on.

    A name ends in an anchor and holds no non-name character, so this is a necessary condition
    for a name of at most `offset` + 1 characters, checked by a possessive (non-backtracking) scan.
    """
    return f"(?=[^{anchors}{_NOT_IN_NAME}]{{0,{offset}}}+[{anchors}])"


# A unit: place + level (XX市, XX区, 省) + body + suffix, at most 9 + 10 + 7 characters.
_GOV_NAME = (
    rf"(?:[{_C}]{{2,6}}?(?:省|市|自治区|自治州|州|县|区|新区|高新区|经济区)|[省市县区])"
    + _anchor_within(_GOV_ANCHORS, 16)
    + rf"[{_C}]{{0,10}}?"
    r"(?:人民政府办公厅|人民政府办公室|人民政府|管委会|管理委员会|委员会|办公厅|办公室|指挥部|领导小组"
    r"|督查室|督察室|局|委|办|厅)"
)
_GOV_END = r"(?=[\s、，,；;：:）)。”\"和及与等牵负承按要会配协参]|$)"
# An area: stem + zone suffix (at most 8 + 9 characters), or a bare 区/县/镇/乡.
_AREA_NAME = (
    rf"[{_C}]{{2,8}}?(?:高新技术产业开发区|经济技术开发区|高新区|经济区|开发区|经开区"
    r"|新区|园区|产业园|工业园|自贸区|综保区|保税区|自治州|自治县|街道)"
    rf"|[{_C}]{{2,8}}?[区县镇乡]"
)
_AREA_END = r"(?![域别分位间块级县城长委政属内外划])(?<![立强兴富活稳美治].)"
# Group 1 is the unit, group 2 the area starting after one left edge; each is looked for on its
# own (inside a look-ahead), and the match fails when neither is there.
_NAMES = re.compile(
    _EDGE
    + _anchor_within(_GOV_ANCHORS + _AREA_ANCHORS, 25)
    + f"(?:(?={_anchor_within(_GOV_ANCHORS, 25)}({_GOV_NAME}){_GOV_END}))?"
    + f"(?:(?={_anchor_within(_AREA_ANCHORS, 16)}({_AREA_NAME}){_AREA_END}))?"
    + "(?(1)|(?(2)|(?!)))",
    re.M,
)
# Patterns of rarer shapes, compiled by _rx on first use (compiling one costs about as much as
# running it over a long document).
_GOV_ITEM = rf"、([{_C}]{{1,8}}?(?:局|委|办|厅|管委会|指挥部))(?=[、，,；;）)。]|$)"
_ENTERPRISE = (
    rf"{_EDGE}([{_C}（）()A-Za-z0-9]{{2,24}}?"
    r"(?:有限责任公司|股份有限公司|集团有限公司|集团股份有限公司|有限公司|集团公司|集团|公司|股份))"
    rf"(?![{_C}]*?(?:有限公司|公司))"
)


def _by_last(words: str) -> dict[str, tuple[str, ...]]:
    """Suffixes grouped by last character, longest first: the longest one a name ends in wins."""
    out: dict[str, list[str]] = {}
    for w in sorted(set(words.split()), key=len, reverse=True):
        out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


_GOV_SUFFIXES = _by_last(
    "人民政府办公厅 人民政府办公室 管理委员会 人民政府 领导小组 管委会 委员会 办公厅 办公室 指挥部"
    " 督查室 督察室 局 委 办 厅"
)
_BAD_GOV_BEFORE = frozenset(
    "格布大结全当开时变棋残僵败骗饭牌定终举创承主协兴包督试合筹餐客展门歌舞场常编"
)
_BAD_GOV_LEVEL = ("场", "级", "委员", "民", "长", "直", "属", "内", "外", "域", "别")
_AREA_SUFFIXES = _by_last(
    "高新技术产业开发区 经济技术开发区 高新区 经济区 开发区 经开区 新区 园区 产业园 工业园 自贸区"
    " 综保区 保税区 自治州 自治县 街道 区 县 镇 乡"
)
_NUMERALS = frozenset("一二两三四五六七八九十多几")
_WORD_ENDS = ("城镇", "乡镇", "村镇", "集镇", "城乡", "家乡", "故乡", "下乡", "返乡")
_BARE_BAD = frozenset("社城景矿林山库郊片市辖老小灾牧特专商园省验护范聚设展户")
_JOINED = frozenset("的了是和及与、")
_FIRM_SUFFIXES = _by_last("有限责任公司 股份有限公司 集团有限公司 有限公司 集团公司 集团 公司 股份")
_BAD_FIRM_STARTS = words(
    "该 本 各 两 一 多 这 那 其 子 分 新 大型 骨干 龙头 相关 有关 上市 民营 国有 中小 外资 金融"
    " 投资 科技 企业 跨国 省属 市属 区属 央企"
)
_FIRM_COUNT_CHARS = frozenset("0123456789一二三四五六七八九十百千几数")
_INNER_PLACES = ("基地", "车间", "现场", "中心", "厂区", "园区")


def extract_mentions(text: str) -> list[Mention]:
    """Mentions in document order (by span start), no two with the same span and kind."""
    units, area_spans = _units_and_areas(text)
    firms = _enterprises(text)
    layouts = _layouts(text)
    areas = _areas(area_spans, [*units, *firms, *layouts])
    kinds = (
        ("unit", units),
        ("enterprise", firms),
        ("area", layouts),
        ("area", areas),
        ("cluster", _clusters(text)),
        ("chain", _chains(text, firms)),
    )
    # by start, longer first, then in the order above (as a stable sort of the kinds in turn)
    order: list[tuple[int, int, int, str, dict[str, object]]] = []
    for kind, found in kinds:
        n = len(order)
        order += [(s, -e, n + i, kind, attrs) for i, (s, e, attrs) in enumerate(found)]
    order.sort()
    result: list[Mention] = []
    last_start = last_neg_end = -1
    kinds_here: list[str] = []  # the kinds already taken for the span [last_start, -last_neg_end)
    for s, neg_end, _, kind, attrs in order:
        if s == last_start and neg_end == last_neg_end:
            if kind in kinds_here:
                continue
            kinds_here.append(kind)
        else:
            last_start, last_neg_end, kinds_here = s, neg_end, [kind]
        result.append(Mention(text[s:-neg_end], kind, Span(s, -neg_end), attrs))  # type: ignore[arg-type]
    return result


Span2 = tuple[int, int]


def _name_spans(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(unit start, unit end, area start, area end) at each left edge with a unit or an area
    name after it, in order; -1, -1 for the one that is not there.

    A name at the very start of the text has no edge character before it: a newline stands in.
    """
    head = _NAMES.match("\n" + text[:40])
    if head is not None:
        us, ue, as_, ae = (i - 1 if i >= 0 else i for i in head.regs[1] + head.regs[2])
        yield us, ue, as_, ae
    for m in _NAMES.finditer(text):
        yield m.start(1), m.end(1), m.start(2), m.end(2)


def _units_and_areas(text: str) -> tuple[list[Found], list[Span2]]:
    """Units (with the short forms listed after one), and the spans of the area names."""
    units: list[Found] = []
    seen: set[int] = set()  # start * n + end: a listed short form is often also found on its own
    n = len(text) + 1
    areas: list[Span2] = []
    for s, e, a, b in _name_spans(text):
        if a >= 0:
            shift = _area_shift(text[a:b])
            if shift >= 0:
                areas.append((a + shift, b))
        if s < 0:
            continue
        shift = _unit_shift(text[s:e])
        if shift < 0:
            continue
        s += shift
        if text[s] in "省市县区" and "各" in text[max(0, s - 4) : s]:
            continue  # 各县、区人民政府: every district, not one body
        if s * n + e not in seen:
            seen.add(s * n + e)
            units.append((s, e, {"government": True}))
        # 市发改委、科技局、工信委: short forms listed after a full one
        while text.startswith("、", e):
            item = _rx(_GOV_ITEM).match(text, e)
            if item is None:
                break
            s, e = item.span(1)
            if _bad_gov_stem(text, s, e):
                break
            if s * n + e not in seen:
                seen.add(s * n + e)
                units.append((s, e, {"government": True}))
    return units, areas


def _strip_suffix(name: str, suffixes: dict[str, tuple[str, ...]]) -> str:
    """`name` without the longest of `suffixes` (see _by_last) it ends in."""
    for suffix in suffixes.get(name[-1:], ()):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _bad_gov_stem(text: str, s: int, e: int) -> bool:
    """text[s:e] is 格局, 布局, 举办-like, or 市级/市民… read as 市 + suffix: not a body."""
    if e - s >= 2 and text[e - 1] in "局委办厅" and text[e - 2] in _BAD_GOV_BEFORE:
        return True
    return e > s and text[s] in "市县区省" and text.startswith(_BAD_GOV_LEVEL, s + 1, e)


@lru_cache(maxsize=16384)
def _unit_shift(raw: str) -> int:
    """Start of the unit name inside a raw match, or -1 when it names no single body."""
    s = _clean_shift(raw)
    joint = raw.rfind("会同", s)  # 市委会同市政府办公室: the body named after 会同 (jointly with)
    if joint >= 0:
        s = joint + 2
    name = raw[s:]
    if (
        _bad_gov_stem(name, 0, len(name))
        or len(name) < 3
        or "以上" in name
        or "以下" in name
        or "各" in name
    ):
        return -1
    if not _strip_suffix(name, _GOV_SUFFIXES).lstrip("省市县区"):
        return -1  # 市领导小组: a suffix with nothing naming the body
    return s


def _word_end(name: str) -> bool:
    """城镇, 城乡, 八个县: a common word or a count, not a place."""
    if name.endswith(_WORD_ENDS):
        return True
    if len(name) < 2 or name[-1] not in "区县镇乡":
        return False
    return name[-2] in _NUMERALS or (len(name) >= 3 and name[-2] == "个" and name[-3] in _NUMERALS)


@lru_cache(maxsize=16384)
def _area_shift(raw: str) -> int:
    """Start of the area name inside a raw match, or -1 when it is a common word."""
    s = _clean_shift(raw)
    name = raw[s:]
    stem = _strip_suffix(name, _AREA_SUFFIXES)
    if len(stem) < 2 and name not in ("高新区", "经济区", "开发区"):
        return -1
    if stem == name[:-1] and (
        len(name) > (4 if name[-1] == "区" else 5)
        or (name[-1] == "区" and len(name) >= 2 and name[-2] in _BARE_BAD)
    ):
        return -1  # a bare 区/县: long (its start unknown) or a common word (社区, 城区)
    if _generic(stem) or not _JOINED.isdisjoint(name) or _word_end(name):
        return -1
    return s


def _enterprise_spans(text: str) -> Iterator[tuple[int, int]]:
    """The enterprise name matches, in the windows around 司/团/份 where they can end."""
    for ws, we in anchor_windows(text, "司团份", 33, 33):
        if ws == 0:  # at the very start a newline stands in for the edge character
            head = _rx(_ENTERPRISE).match("\n" + text[:we])
            if head is not None:
                yield head.start(1) - 1, head.end(1) - 1
                ws = head.end() - 1
        for m in _rx(_ENTERPRISE).finditer(text, ws, we):
            yield m.span(1)


def _enterprises(text: str) -> list[Found]:
    out: list[Found] = []
    for s, e in _enterprise_spans(text):
        s = _clean(text, s, e)
        inner = max(text.rfind(w, s, e) for w in _INNER_PLACES)
        if inner >= 0 and inner + 2 < e - 3:
            s = inner + 2  # caption: …生产基地兰州宝航新能源材料有限公司
        name = text[s:e]
        if _bad_enterprise(name) or _generic(_strip_suffix(name, _FIRM_SUFFIXES)) or len(name) < 4:
            continue
        out.append((s, e, {"enterprise": True}))
    return out


def _bad_enterprise(name: str) -> bool:
    """该公司, 上市公司, 三家企业…: a determiner, a kind of firm or a count, not a name."""
    if name.startswith(_BAD_FIRM_STARTS) or "的" in name or "了" in name or "是" in name:
        return True
    i = 0
    while i < len(name) and name[i] in _FIRM_COUNT_CHARS:
        i += 1
    return 0 < i < len(name) and name[i] in "家户个"


def _areas(spans: list[tuple[int, int]], taken: list[Found]) -> list[Found]:
    """Area names not inside the last unit, enterprise or layout that starts before them."""
    units = sorted((s, e) for s, e, _ in taken)
    out: list[Found] = []
    for s, e in spans:
        i = bisect_right(units, (s, _NO_END)) - 1
        if i >= 0 and units[i][0] <= s and e <= units[i][1]:
            continue  # part of 城关区人民政府: the unit already names it
        out.append((s, e, {}))
    return out


_NO_END = 1 << 62  # larger than any span end
