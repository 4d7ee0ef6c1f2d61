"""Turn the object of a verb (a span of text) into project-name item spans.

Splits on 、 outside quotes and brackets, splits 和/以及 between two complete undertakings,
re-joins modifiers that share one head (南、北绕城高速公路) and trims verbs and list words off
the ends, so that each span is the minimal name. All positions index the document text.
"""

from __future__ import annotations

import re

from tuijin.ingest.lexicon import ADVERBS, POST_VERBS, TRIGGERS, alt
from tuijin.ingest.project_parts import shapes

Item = tuple[int, int]

_ITEM_RE = re.compile(
    r"(?:“[^”\n]{0,60}”|「[^」\n]{0,60}」|‘[^’\n]{0,60}’|（[^）\n]{0,40}）|\([^)\n]{0,40}\)"
    r"|《[^》\n]{0,40}》|[^、])+"
)
_SPACE = " \t\r\u3000\u00a0"
SPACE = _SPACE  # what trim() strips
_LEAD_TRIGGERS = [t for t in TRIGGERS if len(t) > 1 and t != "新增"]
_LEAD_ADVERBS = (
    "重点 加快 积极 大力 全力 着力 有序 稳步 加速 全面 继续 持续 切实 尽快 同步 力争 确保"
)
_LEAD_RE = re.compile(
    rf"(?:[{_SPACE}]|了|好|着|{alt(_LEAD_TRIGGERS)}|{_LEAD_ADVERBS.replace(' ', '|')})+"
)
# Where a lead can begin: the match is skipped for an item that opens otherwise.
_LEAD_FIRST = frozenset(
    _SPACE + "了好着" + "".join(w[0] for w in _LEAD_TRIGGERS + _LEAD_ADVERBS.split())
)
_TRAIL_POST = [p for p in POST_VERBS if p not in ("建设", "推进", "加快")]
_TRAIL = (
    rf"(?:[{_SPACE}]|项目建设|建设项目|项目|建\s*设|等等|等|前期工作|前期|{alt(_TRAIL_POST)}|"
    r"[已正将并]|工作|任务|的|(?<=项目|工程)(?:扩能|扩产|技改|扩建))+$"
)
# The end-anchored trail, tried only at characters that can open one of its words (the engine
# skips to those in C); the match starts where the trail does.
_TRAIL_FIRST = sorted(
    set(_SPACE + "项建等前已正将并工任的扩技" + "".join(p[0] for p in _TRAIL_POST))
)
_TRAIL_RE = re.compile("[" + "".join(re.escape(c) for c in _TRAIL_FIRST) + f"](?<=(?={_TRAIL}).)")
# The characters a trailing word can end in: an item ending otherwise has nothing to trim, and
# the end-anchored search (which tries every start position) is skipped.
_TRAIL_LAST = frozenset(
    _SPACE
    + "设目等作期务的已正将并能产改建"
    + "".join(p[-1] for p in POST_VERBS if p not in ("建设", "推进", "加快"))
)
_COUNT_MEASURE_RE = re.compile(r"[\d一二两三四五六七八九十](?:个|条|座|项|家|所|处|批)")
_KEEP_PROJECT_ENDS = tuple(
    f"{w}项目" for w in ("新建", "扩建", "改建", "续建", "迁建", "技改", "改扩建", "示范", "试点")
)
_APPOSITIVE_RE = re.compile(
    r"(?<!第)(?<![\d.])(?:\d+|[一二两三四五六七八九十]+)(?:个|条|座|项|家|所|处|批)[^、]{2,}$"
)
_AND_RE = re.compile(
    r"以及|(?<![共人平温祥协])和(?![平谐美顺田政龙])|(?<![普涉波顾以])及(?![其时早])"
)
_LABEL_RE = re.compile(r"^[0-9A-Za-z]{1,3}[#＃号]?$")
_QUOTE_CHAR_RE = re.compile("[“”「」]")
_GROUP_OPEN_RE = re.compile("[“「‘（(《]")
# Without brackets or quotes an item is a 、-free run; this gives it already trimmed.
_PLAIN_ITEM_RE = re.compile(rf"[^、{_SPACE}](?:[^、]*[^、{_SPACE}])?")
_FRAME_RE = re.compile(r"^以.{1,14}?为.{1,6}?的")
# A closing bracket that describes the facility rather than naming a part of it: a label and a
# figure (（装机容量4×300MW）, （总投资12亿元）) or a bare capacity (（120万千瓦）).
_DESC_BRACKET_RE = re.compile(
    r"[（(](?:(?:总|计划|设计|规划|年)?(?:装机容量|装机|投资|建筑面积|占地面积|用地面积|面积|占地|用地"
    r"|规模|产能|库容|容量|全长|长度|里程|总长|年产|处理能力|日处理)[^（()）]{0,24}"
    r"|[\d.×xX*]+\s*(?:万|亿)?(?:千瓦|兆瓦|吨|MW|GW|kW|千伏|kV|立方米|平方米|亩|公里|千米|米))[）)]$"
)


def split_items(text: str, start: int, end: int) -> list[Item]:
    """Items of a 、-list, brackets and quotes kept whole."""
    if text.find("、", start, end) < 0:  # one item: the pattern would match the whole span
        s, e = trim(text, start, end)
        return [(s, e)] if e > s else []
    if _GROUP_OPEN_RE.search(text, start, end) is None:
        return [m.span() for m in _PLAIN_ITEM_RE.finditer(text, start, end)]
    out: list[Item] = []
    for m in _ITEM_RE.finditer(text, start, end):
        item = trim(text, m.start(), m.end())
        if item[1] > item[0]:
            out.append(item)
    return out


def trim(text: str, start: int, end: int) -> Item:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def clean(text: str, item: Item, *, keep_project: bool = False) -> Item:
    """Drop leading verbs/adverbs and trailing 项目建设/等/前期工作; keep 新建项目 as a name."""
    s, e = item
    if s < e and text[s] in _LEAD_FIRST:
        m = _LEAD_RE.match(text, s, e)
        if m and m.end() < e - 1:
            s = m.end()
    if _COUNT_MEASURE_RE.search(text, s, e):
        a = _APPOSITIVE_RE.search(text, s, e)
        if a and a.start() > s + 1 and text[a.start() - 1] != "等":
            e = a.start()
    for _ in range(4):
        # Three reasons to stop, cheapest first: nothing trimmable ends the item, or a
        # project word that stays (新建项目, or any 项目/工程 when keep_project).
        if e <= s or text[e - 1] not in _TRAIL_LAST:
            break
        if keep_project and text.endswith(("项目", "工程"), s, e):
            break
        if text.endswith(_KEEP_PROJECT_ENDS, s, e):
            break
        t = _TRAIL_RE.search(text, s, e)
        if t is None or t.start() - s < 2:
            break
        e = t.start()
    while s < e and text[s] in _SPACE:
        s += 1
    while e > s and text[e - 1] in _SPACE:
        e -= 1
    if s == e:
        return s + 1, e - 1  # what the edge tests below made of an empty item
    # unbalanced brackets or quotes at the edges: 道路(建筑 → keep inside only when balanced
    if text[s] in "”」’)）":
        s += 1
    if s < e and text[e - 1] in "“「‘(（":
        e -= 1
    if text[e - 1] in "）)" and e - s > 4:
        open_at = max(text.rfind("（", s, e), text.rfind("(", s, e))
        if open_at - s >= 2 and _DESC_BRACKET_RE.match(text, open_at, e):
            e = open_at  # 霁南抽水蓄能电站（装机容量4×300MW）: the name without its description
    if (
        e - s > 3
        and text[s] in "“「"
        and text[e - 1] in "”」"
        and not _QUOTE_CHAR_RE.search(text, s + 1, e - 1)
    ):
        s, e = s + 1, e - 1  # “小兰社会治理综合指挥中心”建设: the quoted name itself
    return s, e


def split_and(text: str, item: Item) -> list[Item]:
    """Split 以及 always and 和 when both sides are complete undertakings."""
    s, e = item
    seg = text[s:e]
    if "和" not in seg and "及" not in seg:  # 以及 holds 及 too
        return [item]
    for m in _AND_RE.finditer(text, s, e):
        left, right = trim(text, s, m.start()), trim(text, m.end(), e)
        if left[1] - left[0] < 2 or right[1] - right[0] < 2:
            continue
        ltxt, rtxt = text[left[0] : left[1]], text[right[0] : right[1]]
        if m.group() == "及":
            if _split_ji(ltxt, rtxt):
                return [left, *split_and(text, right)]
            continue
        if m.group() == "以及" or (
            (shapes.has_head(ltxt) or shapes.has_capacity(ltxt) or shapes.has_work(ltxt))
            and (shapes.has_head(rtxt) or shapes.has_capacity(rtxt) or shapes.works_on_head(rtxt))
            and not shapes.is_area(rtxt)
        ):
            return [left, *split_and(text, right)]
    return [item]


def _split_ji(ltxt: str, rtxt: str) -> bool:
    """及 joins two facilities only when the right one has its own identity."""
    if not (shapes.has_strong_head(ltxt) and shapes.has_strong_head(rtxt)):
        return False
    if shapes.is_area(rtxt) or shapes.is_generic(rtxt):
        return False
    return len(rtxt) >= 8 or shapes.has_place(rtxt) or shapes.has_capacity(rtxt)


def merge_shared(text: str, items: list[Item]) -> list[Item]:
    """南、北绕城高速公路: bare modifiers before an item with a head share that head."""
    if len(items) < 2:  # one item stays as it is
        return items
    out: list[Item] = []
    run: list[Item] = []
    for it in items:
        seg = text[it[0] : it[1]]
        if not shapes.is_projectish(seg) or _is_label(seg):
            run.append(it)
            continue
        if run and any(b - a <= 2 or _is_label(text[a:b]) for a, b in run):
            out.append((run[0][0], it[1]))
        else:
            out.extend(run)
            out.append(it)
        run = []
    out.extend(run)
    return out


def _is_label(seg: str) -> bool:
    """1#, A, 3号: a unit label (at most four characters), or anything ending in #."""
    return seg.endswith("#") or (len(seg) <= 4 and _LABEL_RE.search(seg) is not None)


def has_bad_de(name: str) -> bool:
    """A 的 makes a description, except in 以沙井驿为中心的… ."""
    return "的" in name and _FRAME_RE.search(name) is None


_POST_ONLY_RE = re.compile(rf"(?:{alt(ADVERBS)})*(?:了|已)?(?:{alt(POST_VERBS)})+(?:了)?$")


# A closing-verb phrase ends in the last character of a closing verb or in 了.
_POST_LAST = frozenset({p[-1] for p in POST_VERBS} | {"了"})


def is_post(seg: str) -> bool:
    """Only closing verbs (年内建成通车, 开通运营): the clause's subject is the object."""
    seg = seg.strip()
    return len(seg) <= 24 and seg[-1:] in _POST_LAST and _POST_ONLY_RE.match(seg) is not None
