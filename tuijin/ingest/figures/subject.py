"""The subject of a figure: a short phrase naming what is measured.

Taken from the words before the figure in its clause (`全市生产总值年均增长16%` →
全市生产总值年均增长), or, when the figure stands before a noun (`3个千亿产业园`,
`40万吨润滑油加氢`), from that noun.
A bare verb (`增长7.8%`) borrows the topic of the sentence's earlier figure.
"""

from __future__ import annotations

import re
from typing import Final

_LEAD: Final = re.compile(
    r"^(?:[、和及与或并且的,，\s|｜│·•●▪\-—]|其中|同时|此外|另外|力争|争取|确保|预计|计划|全年|今年|当年|仅|[到至](?=[0-9]{4})|"
    r"截至|截止|(?:19|20|１９|２０)[0-9０-９]{2}年(?:底|末|前|度)?|[0-9０-９]+月(?:底|末)?|在此基础上|实现|达到|完成|建成后|投产后|达产后)+"
)
_TRAIL: Final = re.compile(
    r"(?:将|可|达到|达|为|是|约|不低于|不少于|不超过|不高于|不大于|不小于|高于|低于|大于|小于|[≥≤＞＜><]|降至|降到|提高到|提升到|增加到|下降到|增长到|控制在|稳定在|保持在|在|完成|超过|超|突破|过|至|到|近|逾|共|总计|合计|了|分别|均|各|以上|:|：|\s|[|｜│])+$"
)
_TRAIL_LAST: Final = frozenset(
    "将可达为是约于少过高大小≥≤＞＜><至到在成超破近逾共计了别均各上:：|｜│"
)
_VERB_LEAD: Final = re.compile(
    r"^(?:重点|积极|大力|着力|加快|推进|推动|实施|抓好|打造|建设|开工|新建|建成|基本建成|加快建设|"
    r"开工建设|投产|完成|实现|形成|发展|培育|引进|新增|以)+"
)
_LEADING_FIGURE: Final = re.compile(r"^[0-9.]+[A-Za-z]*")
_DIGIT: Final = re.compile(r"[0-9０-９]")
_TRAILING_COUNT: Final = re.compile(
    r"[0-9０-９][0-9０-９.]*(?:(?:至|到|~|～|-)[0-9０-９.]+)?(?:余|多)?[^0-9０-９]{0,2}$"
)
# 目标值/争取值/奋斗值 name the tier, not the thing measured
TIER_WORDS: Final = re.compile(r"(?:目标|预期|争取|奋斗)值")
_LIST_WORDS: Final = re.compile(r"工程|项目|和|及|等")
# (every alternative starts with a literal, so a search skips ahead by their first characters)
_NOUN_CUT: Final = re.compile(
    r"“|”|\"|的|等|为|要|将|已|和|及|与|之|分别|全部|落地|开工|建成|签约|培育|建设|改造|技术|研发|填补|实现"
)
_MEASURE: Final = re.compile(
    r"(?:年|月|单笔|单个|实际)?(?:进出口额|进出口|出口额|进口额|营业收入|主营业务收入|营收|销售收入|销售额"
    r"|交易额|产值|投资额|税收|利润|纳税额|合同额|融资额|营业额|贸易额)"
)
GROWTH_RE: Final = re.compile(r"(?:同比|年均|比上年)?(?:增长|下降|提高|降低|增加|减少|增速)$")


def _trim_noun(noun: str) -> str:
    if "0" <= noun[0] <= "9":
        lead = _LEADING_FIGURE.match(noun)
        noun = noun[lead.end() :] if lead else noun
    m = _NOUN_CUT.search(noun, 1)
    out = noun[: m.start()] if m else noun
    # 项目5个: a count after the name is not part of it (a digit in the last 3 characters)
    d = _TRAILING_COUNT.search(out, 1) if _DIGIT.search(out, max(1, len(out) - 3)) else None

    return out[: d.start()][:12] if d else out[:12]


def topic_stem(subject: str) -> str:
    """全区地区生产总值增长 → 全区地区生产总值 (what a later bare 增长 refers to)."""
    return GROWTH_RE.sub("", subject)


# every character a _LEAD match can start with (besides white space)
_LEAD_FIRST: Final = frozenset(
    "、和及与或并且的,，|｜│·•●▪-—其同此另力争确预计全今当仅到至截在实达完建投0123456789０１２３４５６７８９"
)


def strip_ends(s: str) -> str:
    """Drop leading connectives/years and trailing verbs (match at the ends only: no scan)."""
    first = s[:1]
    if first in _LEAD_FIRST or first.isspace():
        m = _LEAD.match(s)
        if m:
            s = s[m.end() :]
    if not s or (s[-1] not in _TRAIL_LAST and not s[-1].isspace()):
        return s  # no trailing verb can end here: skip the search
    t = _TRAIL.search(s, max(0, len(s) - 24))
    return s[: t.start()] if t else s


def subject_of(
    pre: str, noun: str, reason: str | None, count: bool, topic: str | None
) -> str | None:
    """pre: clause text before the figure (after any earlier figure); noun: the name after it."""
    if "值" in pre:
        pre = TIER_WORDS.sub("", pre)
    head = strip_ends(pre)
    if "、" in head:
        head = strip_ends(head.rsplit("、", 1)[1])
    if reason is None:
        named = _trim_noun(noun) if count and noun else ""
        if named:
            return named
        subject = head[-20:]
        if topic and (not subject or (len(subject) <= 5 and GROWTH_RE.fullmatch(subject))):
            subject = topic_stem(topic) + subject
        return subject or (_trim_noun(noun) if noun else "") or None
    named = _trim_noun(noun) if noun else ""
    if reason == "threshold":
        measures = _MEASURE.findall(head, max(0, len(head) - 14))
        if measures:  # 进出口额超过100万美元的企业: the measure the threshold is set on
            return str(measures[-1])
        return (named or head[-6:]) + "投资" if "投资" in pre[-4:] else named or head[-10:] or None
    v = _VERB_LEAD.match(head)
    short = head[v.end() :] if v else head
    if len(short) > 5 or _LIST_WORDS.search(short):
        short = ""
    return (short + named) or head[-10:] or None
