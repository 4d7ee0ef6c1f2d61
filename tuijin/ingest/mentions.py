"""Named units, enterprises, areas, industry clusters and chains, for the ledger loader.

Precision comes first: a name is taken only where it is cleanly delimited (after punctuation,
a list comma or a short verb, before punctuation or a predicate) and its stem is not generic.
- unit: 市发改委, 省交通运输厅, 城关区人民政府, 兰州新区管委会 (and short list items after one)
- enterprise: …有限公司, …集团, …股份 (attrs {"enterprise": True})
- area: 七里河区, 永登县, 兰州新区, 高新区, …产业园; layouts 一心两翼多点 (attrs {"layout": …})
- cluster: one mention per industry of a tier list `A、B…四个千亿级…产业链` (attrs {"tier": …})
- chain: …产业链, 延链补链强链, 链主企业 (attrs {"leader": enterprise} when one is named)
All patterns are compiled regexes run once over the text; spans index the given text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from tuijin.ingest.lexicon import CHAIN_PHRASES, GENERIC, INDUSTRY_WORDS, TIERS, alt
from tuijin.ingest.mention_scan import anchor_runs, windowed_finditer
from tuijin.ingest.result import Mention, Span

_C = "\u4e00-\u9fff"
_LEFT = r"(?:(?<=^)|(?<=[\s、，,；;：:（(“\"《。！？]))"
# The same left edge as a consumed character: a pattern that opens with a character class lets
# the regex engine skip to candidate positions in C (see _windowed).
_LEFT_CHAR = r"[\s、，,；;：:（(“\"《。！？]"
# Words a name never contains: verbs and adverbs that run into it from the left. A name is cut
# after the last of them (积极推进与名城集团 → 名城集团); 建设/发展 are only stripped at the start.
_CUT_WORDS = """
    推动 推进 实施 支持 加快 围绕 依托 打造 发挥 带动 覆盖 对接 涉及 培育 引进 促进 提升 构建 增加
    实现 呈现出 坚持 批复 争取 力争 奋力 着力 搞好 充分 强力 不断 增强 行走 走进 来到 位于 落户 入驻
    成立 设立 组建 联合 鼓励 引导 推行 深化 优化 完善 抓好 加强 强化 做大 做强 壮大 积极 重点 大力
    全力 全面 进一步 包括 其中 以及 建成 开工 签约 投产 形成 承接 服务 依靠 同时 目前 今年 全年 累计
    已经 正在 将要 主动 融入 聚焦 瞄准 面向 立足 紧盯 推广 新增 运营 新建 回收 培植 开办 设在 按照
    编制 改善 进 居家 每个 跨 两 各 规划 整合
"""
_CUT_RE = re.compile(alt(_CUT_WORDS.split()) + "|[的和及与、由在为向]")
_LEAD_RE = re.compile(
    r"(?:[在对以把向与和为到将并由从使让及在要还]|建设|发展|各类|现有|国家级|省级|市级)+"
)
_GOV_BODY = (
    rf"(?P<name>(?:[{_C}]{{2,6}}?(?:省|市|自治区|自治州|州|县|区|新区|高新区|经济区)|[省市县区])"
    rf"[{_C}]{{0,10}}?"
    r"(?:人民政府办公厅|人民政府办公室|人民政府|管委会|管理委员会|委员会|办公厅|办公室|指挥部|领导小组"
    r"|督查室|督察室|局|委|办|厅))"
    r"(?=[\s、，,；;：:）)。”\"和及与等牵负承按要会]|$)"
)
_GOV = re.compile(_LEFT + _GOV_BODY, re.M)
_GOV_FAST = re.compile(_LEFT_CHAR + _GOV_BODY, re.M)
_GOV_SUFFIX_RE = re.compile(
    r"(?:人民政府办公厅|人民政府办公室|人民政府|管委会|管理委员会|委员会|办公厅|办公室|指挥部|领导小组"
    r"|督查室|督察室|局|委|办|厅)$"
)
_GOV_ITEM = re.compile(
    rf"、(?P<name>[{_C}]{{1,8}}?(?:局|委|办|厅|管委会|指挥部))(?=[、，,；;）)。]|$)"
)
_BAD_GOV_STEM = re.compile(
    r"(?:格|布|大|结|全|当|开|时|变|棋|残|僵|败|骗|饭|牌|定|终|举|创|承|主|协|兴|包|督|试|合|筹|"
    r"餐|客|展|门|歌|舞|场|常|编)(?:局|委|办|厅)$|^[市县区省](?:场|级|委员|民|长|直|属|内|外|域|别)"
)
_ENTERPRISE_BODY = (
    rf"(?P<name>[{_C}（）()A-Za-z0-9]{{2,24}}?"
    r"(?:有限责任公司|股份有限公司|集团有限公司|集团股份有限公司|有限公司|集团公司|集团|公司|股份))"
    rf"(?![{_C}]*?(?:有限公司|公司))"
)
_ENTERPRISE = re.compile(_LEFT + _ENTERPRISE_BODY, re.M)
_ENTERPRISE_FAST = re.compile(_LEFT_CHAR + _ENTERPRISE_BODY, re.M)
_BAD_ENTERPRISE = re.compile(
    r"^(?:该|本|各|两|一|多|这|那|其|子|分|新|大型|骨干|龙头|相关|有关|上市|民营|国有|中小|外资|金融|"
    r"投资|科技|企业|跨国|省属|市属|区属|央企|[0-9一二三四五六七八九十百千几数]+[家户个])|[的了是]"
)
_INNER_PLACE_RE = re.compile(r".*(?:基地|车间|现场|中心|厂区|园区)")
_AREA_BODY = (
    rf"(?P<name>[{_C}]{{2,8}}?(?:高新技术产业开发区|经济技术开发区|高新区|经济区|开发区|经开区"
    r"|新区|园区|产业园|工业园|自贸区|综保区|保税区|自治州|自治县|街道)"
    rf"|[{_C}]{{2,8}}?[区县镇乡])"
    r"(?![域别分位间块级县城长委政属内外划])(?<![立强兴富活稳美治].)"
)
_AREA = re.compile(_LEFT + _AREA_BODY, re.M)
_AREA_FAST = re.compile(_LEFT_CHAR + _AREA_BODY, re.M)
_GENERIC_STEM = re.compile(
    f"(?:{alt(GENERIC)}|该|本|各|全|我|城|社|景|小|山|矿|林|农|老|示范|功能|重点|核心|主城|市|县|区|园"
    r"|工业|产业|不同|所在|辖|郊|城乡|山区|库区|片|经济|制造|服务业|建成|美丽|地|一个个|个|开发"
    r"|[一二三四五六七八九十]级|西部|东部|中部|西北|东北|西南|东南|华北|华东|华南|华中|周边)+$"
)
_LAYOUT = re.compile(
    r"(?:[一二两三四五六七八九十多](?:中心|[心核轴极带廊区翼圈群点园片城环屏网团])){2,}"
)
_LAYOUT_PAIR = re.compile(
    r"[一二两三四五六七八九十多](?:中心|[心核轴极带廊区翼圈群点园片城环屏网团])[一二两三四五六七八九十多]"
)
_LAYOUT_PART = re.compile(
    r"[一二两三四五六七八九十多](?:中心|心|核|轴|极|带|廊|区|翼|圈|群|点|园|片|城|环|屏|网|团)"
)
_TIER = re.compile(alt(TIERS))
_TIER_LEAD_RE = re.compile(
    r"\s*(?:和|及|以及|打造|培育|构建|形成|做强|壮大|发展|着力打造|重点打造)+"
)
_TIER_COUNT_RE = re.compile(r"(?:[一二两三四五六七八九十0-9]+个|[一二两三四五六七八九十]大)$")
_TIER_HEAD = re.compile(r"[^，。；,;]{0,80}?(?P<head>产业集群|产业链|集群|产业园|产业|板块)")
_INDUSTRY = re.compile(alt(INDUSTRY_WORDS))
_CLUSTER = re.compile(r"产业集群(?!化)")
_CHAIN = re.compile(rf"产业链(?!条|[{_C}]?链)")
_NAME_BEFORE_RE = re.compile(rf"[{_C}]{{2,16}}$")
_AREA_SUFFIX_RE = re.compile(
    r"(?:高新技术产业开发区|经济技术开发区|高新区|经济区|开发区|经开区|新区|园区|产业园|工业园"
    r"|自贸区|综保区|保税区|自治州|自治县|街道|[区县镇乡])$"
)
_SCOPED_RE = re.compile(r"以上|以下|各")
_WORD_END_RE = re.compile(
    r"(?:城镇|乡镇|村镇|集镇|城乡|家乡|故乡|下乡|返乡|[一二两三四五六七八九十多几]个?[区县镇乡])$"
)
_BARE_BAD = re.compile(r"[社城景矿林山库郊片市辖老小灾牧特专商园省验护范聚设展户]区$")
_JOINED_RE = re.compile(r"[的了是和及与、]")
_CHAIN_ACTION = re.compile(alt(CHAIN_PHRASES))
_LEADER = re.compile(r"链主(?:企业)?")


# The last character of every suffix the three name patterns can end in. A name ends right
# after one of them, so each pattern only needs to run in short windows around these.
_GOV_ANCHORS = "府室会厅部组局委办"
_ENTERPRISE_ANCHORS = "司团份"
_AREA_ANCHORS = "区园州县道镇乡"


_GOV_WINDOWS = anchor_runs(_GOV_ANCHORS, 27 + 2)
_ENTERPRISE_WINDOWS = anchor_runs(_ENTERPRISE_ANCHORS, 33)
_AREA_WINDOWS = anchor_runs(_AREA_ANCHORS, 18 + 2)


def extract_mentions(text: str) -> list[Mention]:
    """Mentions in document order (by span start), no two with the same span and kind."""
    out: list[Mention] = []
    out += _units(text)
    out += _enterprises(text)
    out += _layouts(text)
    out += _areas(text, out)
    out += _clusters(text)
    out += _chains(text, out)
    seen: set[tuple[int, int, str]] = set()
    result: list[Mention] = []
    for m in sorted(out, key=lambda x: (x.span.start, -x.span.end)):
        key = (m.span.start, m.span.end, m.kind)
        if key not in seen:
            seen.add(key)
            result.append(m)
    return result


def _clean(text: str, s: int, e: int) -> int:
    """New start of a name once the verbs, conjunctions and 的 that ran into it are cut off."""
    return s + _clean_shift(text[s:e])


@lru_cache(maxsize=16384)
def _clean_shift(raw: str) -> int:
    """How many leading characters of `raw` ran into the name (a name recurs in a document)."""
    s, e = 0, len(raw)
    last = None
    for m in _CUT_RE.finditer(raw):
        last = m
    if last is not None:
        s = last.end()
    lead = _LEAD_RE.match(raw, s, e)
    if lead:
        s = lead.end()
    return s  # may reach e - 1 or e: nothing left that names anything


@lru_cache(maxsize=16384)
def _unit_shift(raw: str) -> int:
    """Start of the unit name inside a raw match, or -1 when it names no single body."""
    s = _clean_shift(raw)
    name = raw[s:]
    if _BAD_GOV_STEM.search(name) or len(name) < 3 or _SCOPED_RE.search(name):
        return -1
    if len(_GOV_SUFFIX_RE.sub("", name).lstrip("省市县区")) == 0:
        return -1  # 市领导小组: a suffix with nothing naming the body
    return s


@lru_cache(maxsize=16384)
def _area_shift(raw: str) -> int:
    """Start of the area name inside a raw match, or -1 when it is a common word."""
    s = _clean_shift(raw)
    name = raw[s:]
    stem = _AREA_SUFFIX_RE.sub("", name)
    if len(stem) < 2 and name not in ("高新区", "经济区", "开发区"):
        return -1
    if stem == name[:-1] and (len(name) > (4 if name[-1] == "区" else 5) or _BARE_BAD.search(name)):
        return -1  # a bare 区/县: long (its start unknown) or a common word (社区, 城区)
    if _GENERIC_STEM.fullmatch(stem) or _JOINED_RE.search(name) or _WORD_END_RE.search(name):
        return -1
    return s


def _units(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in windowed_finditer(_GOV, _GOV_FAST, _GOV_WINDOWS, text, 27, 2):
        s, e = m.span("name")
        shift = _unit_shift(text[s:e])
        if shift < 0:
            continue
        s += shift
        if text[s] in "省市县区" and "各" in text[max(0, s - 4) : s]:
            continue  # 各县、区人民政府: every district, not one body
        out.append(Mention(text[s:e], "unit", Span(s, e), {"government": True}))
        pos = e
        while True:  # 市发改委、科技局、工信委: short forms listed after a full one
            item = _GOV_ITEM.match(text, pos)
            if item is None or _BAD_GOV_STEM.search(item.group("name")):
                break
            a, b = item.span("name")
            out.append(Mention(text[a:b], "unit", Span(a, b), {"government": True}))
            pos = b
    return out


def _enterprises(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in windowed_finditer(_ENTERPRISE, _ENTERPRISE_FAST, _ENTERPRISE_WINDOWS, text, 33, 0):
        s, e = m.span("name")
        s = _clean(text, s, e)
        inner = _INNER_PLACE_RE.match(text, s, e)
        if inner and inner.end() < e - 3:
            s = inner.end()  # caption: …生产基地兰州宝航新能源材料有限公司
        name = text[s:e]
        if _BAD_ENTERPRISE.search(name) or _GENERIC_STEM.fullmatch(_stem(name)) or len(name) < 4:
            continue
        out.append(Mention(name, "enterprise", Span(s, e), {"enterprise": True}))
    return out


def _stem(name: str) -> str:
    return re.sub(
        r"(?:有限责任公司|股份有限公司|集团有限公司|有限公司|集团公司|集团|公司|股份)$", "", name
    )


def _areas(text: str, taken: list[Mention]) -> list[Mention]:
    units = sorted((m.span.start, m.span.end) for m in taken)
    out: list[Mention] = []
    for m in windowed_finditer(_AREA, _AREA_FAST, _AREA_WINDOWS, text, 18, 2):
        s, e = m.span("name")
        shift = _area_shift(text[s:e])
        if shift < 0:
            continue
        s += shift
        name = text[s:e]
        i = bisect_right(units, (s, len(text) + 1)) - 1
        if i >= 0 and units[i][0] <= s and e <= units[i][1]:
            continue  # part of 城关区人民政府: the unit already names it
        out.append(Mention(name, "area", Span(s, e)))
    return out


def _layouts(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _layout_matches(text):
        parts = _LAYOUT_PART.findall(m.group())
        if len(parts) >= 2:
            out.append(Mention(m.group(), "area", m_span(m), {"layout": True, "parts": parts}))
    return out


def _layout_matches(text: str) -> Iterator[re.Match[str]]:
    """`_LAYOUT.finditer(text)`, tried only where a numeral, a part and a numeral stand in a row.

    Every layout starts like that, and a pattern that opens with a character class is scanned
    in C, which the repeated group of `_LAYOUT` is not.
    """
    pos = 0
    while (pair := _LAYOUT_PAIR.search(text, pos)) is not None:
        m = _LAYOUT.match(text, pair.start())
        if m is None:
            pos = pair.start() + 1
            continue
        yield m
        pos = m.end()


def m_span(m: re.Match[str], group: int | str = 0) -> Span:
    return Span(m.start(group), m.end(group))


def _clusters(text: str) -> list[Mention]:
    out: list[Mention] = []
    tiers = list(_TIER.finditer(text))
    for k, t in enumerate(tiers):
        head = _TIER_HEAD.match(text, t.end())
        if head is None:
            continue
        count = _TIER_COUNT_RE.search(text, max(0, t.start() - 4), t.start())
        list_end = count.start() if count else t.start()
        # the list before this tier runs back to a clause break or the previous tier
        lo = max(0, list_end - 120, tiers[k - 1].end() if k else 0)
        start = max(lo, *(text.rfind(ch, lo, list_end) + 1 for ch in "，。；：,;:\n"))
        lead = _TIER_LEAD_RE.match(text, start, list_end)
        if lead:
            start = lead.end()
        for a, b in _split(text, start, list_end):
            name = text[a:b]
            if 2 <= len(name) <= 12 and _INDUSTRY.search(name):
                attrs = {"tier": t.group(), "head": head.group("head")}
                out.append(Mention(name, "cluster", Span(a, b), attrs))
    for m in _CLUSTER.finditer(text):
        s, e = _named_before(text, m.start(), m.end())
        if s < 0:
            continue
        if not _GENERIC_STEM.fullmatch(text[s : e - 4]) and _INDUSTRY.search(text, s, e - 4):
            out.append(Mention(text[s:e], "cluster", Span(s, e)))
    return out


def _named_before(text: str, start: int, end: int) -> tuple[int, int]:
    """The name that ends in the word at [start, end): the characters before it, cleaned."""
    run = _NAME_BEFORE_RE.search(text, max(0, start - 16), start)
    if run is None:
        return -1, end
    s = _clean(text, run.start(), end)
    if s >= start or _TIER.search(text, s, end) or "等" in text[s:end]:
        return -1, end
    return s, end


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^、]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a] in " \u3000":
            a += 1
        while b > a and text[b - 1] in " \u3000":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _chains(text: str, taken: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in _CHAIN.finditer(text):
        s, e = _named_before(text, m.start(), m.end())
        if s < 0:
            continue
        stem = text[s : e - 3]
        if not _GENERIC_STEM.fullmatch(stem) and _INDUSTRY.search(stem):
            out.append(Mention(text[s:e], "chain", Span(s, e)))
    for m in _CHAIN_ACTION.finditer(text):
        out.append(Mention(m.group(), "chain", m_span(m), {"action": m.group()}))
    firms = [x for x in taken if x.kind == "enterprise"]
    for m in _LEADER.finditer(text):
        near = [
            f for f in firms if 0 <= m.start() - f.span.end <= 8 or 0 <= f.span.start - m.end() <= 2
        ]
        attrs: dict[str, object] = {"leader": near[-1].text} if near else {}
        out.append(Mention(m.group(), "chain", m_span(m), attrs))
    return out
