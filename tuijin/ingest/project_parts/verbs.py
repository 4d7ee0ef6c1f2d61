"""Verb runs (加快推进, 开工建设, 建成启用) that cut a clause into objects."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tuijin.ingest.lexicon import (
    ADVERBS,
    CAPACITY_UNITS,
    POST_VERBS,
    TRIGGERS,
    WEAK_TRIGGERS,
    alt,
)

_RUN_RE = re.compile(f"(?:(?:{alt(ADVERBS)})*(?:{alt(TRIGGERS + POST_VERBS)}))+")
# Where a run can begin: one alternation of literal words, which the regex engine scans for with a
# first-character set in C (a pattern that opens with a repeat gets no such skip).
_RUN_START_RE = re.compile(alt(ADVERBS + TRIGGERS + POST_VERBS))
_WEAK_RE = re.compile(f"(?:{alt(WEAK_TRIGGERS)})")
# A verb glued to a one-character noun suffix is part of a word: 推进组, 开工率, 建设局.
_GLUED_RE = re.compile(r"[率组者员队室局办委厅会、]|区(?=[内的面范第0-9一二三四五六七八九十])")
_QUOTE_OPEN = "“「‘《"
_QUOTE_CLOSE = "”」’》"
_QUOTE_RE = re.compile("[“「‘《]")
CAPACITY_NAME_RE = re.compile(
    r"\d+(?:\.\d+)?(?:万|亿)?(?:" + alt(CAPACITY_UNITS) + r")(?:/年)?"
    r"[\u4e00-\u9fff]{2,14}?(?:项目|工程|生产线)"
)
_CAPACITY_AFTER = (
    "上",
    "建",
    "实施",
    "推进",
    "引进",
    "签约",
    "签订",
    "签署",
    "开工",
    "投资",
    "新增",
    "落地",
)
_CJK_RUN_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{2,12}$")


def capacity_names(text: str) -> list[tuple[int, int]]:
    """新上1000万吨炼油项目, 的蓝星新材料年产4万吨…项目: names led by their capacity."""
    out: list[tuple[int, int]] = []
    for m in CAPACITY_NAME_RE.finditer(text):
        s = m.start()
        if text.startswith("年产", s - 2):
            s -= 2
        if text.endswith(_CAPACITY_AFTER, max(0, s - 2), s):
            out.append((s, m.end()))
            continue
        de = text.rfind("的", max(0, s - 13), s)
        if de >= 0 and _CJK_RUN_BEFORE_RE.match(text, de + 1, s):
            out.append((de + 1, m.end()))
    return out


def _run_spans(text: str, cs: int, ce: int) -> Iterator[tuple[int, int]]:
    """The spans of `_RUN_RE.finditer(text, cs, ce)`, tried only where a word begins."""
    pos = cs
    while (first := _RUN_START_RE.search(text, pos, ce)) is not None:
        m = _RUN_RE.match(text, first.start(), ce)
        if m is None:
            pos = first.start() + 1
            continue
        yield m.start(), m.end()
        pos = m.end()


def verb_runs(text: str, cs: int, ce: int) -> list[tuple[int, int]]:
    """Trigger-verb runs of a clause, leaving out verbs inside names, words and quotes."""
    runs: list[tuple[int, int]] = []
    quoted = _QUOTE_RE.search(text, cs, ce) is not None
    depth = 0
    pos = cs
    for rs, re_ in _run_spans(text, cs, ce):
        if quoted:
            seg = text[pos:rs]
            depth += sum(map(seg.count, _QUOTE_OPEN)) - sum(map(seg.count, _QUOTE_CLOSE))
            pos = rs
            if depth > 0:
                continue
        if rs > cs and _WEAK_RE.match(text, rs, re_):
            prev = text[rs - 1]
            inside = "\u4e00" <= prev <= "\u9fff" and prev not in "要将已并和及等"
            if inside and not text.endswith(("项目", "工程"), cs, rs):
                continue
        if re_ < ce and _GLUED_RE.match(text, re_):
            continue
        runs.append((rs, re_))
    return runs
