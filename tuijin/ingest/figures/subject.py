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
    r"^(?:[、和及与或并且的,，\s|｜│]|其中|同时|此外|另外|力争|争取|确保|预计|计划|全年|今年|当年|仅|[到至](?=[0-9]{4})|"
    r"截至|截止|(?:19|20|１９|２０)[0-9０-９]{2}年(?:底|末|前|度)?|[0-9０-９]+月(?:底|末)?|在此基础上|实现|达到|完成|建成后|投产后|达产后)+"
)
_TRAIL: Final = re.compile(
    r"(?:将|可|达到|达|为|是|约|降至|降到|提高到|提升到|增加到|下降到|增长到|控制在|稳定在|保持在|在|完成|超过|超|突破|过|至|到|近|逾|共|总计|合计|了|分别|均|各|以上|:|：|\s|[|｜│])+$"
)
_VERB_LEAD: Final = re.compile(
    r"^(?:重点|积极|大力|着力|加快|推进|推动|实施|抓好|打造|建设|开工|新建|建成|基本建成|加快建设|"
    r"开工建设|投产|完成|实现|形成|发展|培育|引进|新增|以)+"
)
_LEADING_FIGURE: Final = re.compile(r"^[0-9.]+[A-Za-z]*")
_LIST_WORDS: Final = re.compile(r"工程|项目|和|及|等")
_NOUN_CUT: Final = re.compile(
    r"[“”\"]|的|等|为|要|将|已|和|及|与|之|分别|全部|落地|开工|建成|签约|培育|建设|改造|技术|研发|填补|实现"
)
GROWTH_RE: Final = re.compile(r"(?:同比|年均|比上年)?(?:增长|下降|提高|降低|增加|减少|增速)$")


def _trim_noun(noun: str) -> str:
    noun = _LEADING_FIGURE.sub("", noun)
    m = _NOUN_CUT.search(noun, 1)
    out = noun[: m.start()] if m else noun
    return out[:12]


def topic_stem(subject: str) -> str:
    """全区地区生产总值增长 → 全区地区生产总值 (what a later bare 增长 refers to)."""
    return GROWTH_RE.sub("", subject)


def subject_of(
    pre: str, noun: str, *, reason: str | None, count: bool, topic: str | None
) -> str | None:
    """pre: clause text before the figure (after any earlier figure); noun: the name after it."""
    head = _TRAIL.sub("", _LEAD.sub("", pre))
    if "、" in head:
        head = head.rsplit("、", 1)[1]
    head = _TRAIL.sub("", _LEAD.sub("", head))
    named = _trim_noun(noun) if noun else ""
    if reason == "threshold":
        return (named or head[-6:]) + "投资" if "投资" in pre[-4:] else named or head[-10:] or None
    if reason is not None:
        short = _VERB_LEAD.sub("", head)
        if len(short) > 5 or _LIST_WORDS.search(short):
            short = ""
        return (short + named) or head[-10:] or None
    if count and named:
        return named
    subject = head[-20:]
    if topic and (not subject or GROWTH_RE.fullmatch(subject)):
        subject = topic_stem(topic) + subject
    return subject or named or None
