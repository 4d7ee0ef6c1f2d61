"""Verb runs (加快推进, 开工建设, 建成启用) that cut a clause into objects."""

from __future__ import annotations

import re

from tuijin.ingest.lexicon import (
    ADVERBS,
    CAPACITY_UNITS,
    POST_VERBS,
    TRIGGERS,
    WEAK_TRIGGERS,
    alt,
)
from tuijin.ingest.project_parts.signals import occurrences

_RUN = f"(?:(?:{alt(ADVERBS)})*(?:{alt(TRIGGERS + POST_VERBS)}))+"
_RUN_FIRST = "".join(sorted({re.escape(w[0]) for w in ADVERBS + TRIGGERS + POST_VERBS}))
# A run is searched for as a character that can start one (the engine skips to such a character
# in C), at which the run itself is matched inside a lookaround: group 1 is the run. A pattern
# that opened with the run's repeat would be tried at every position.
_RUN_RE = re.compile(f"[{_RUN_FIRST}](?<=(?=({_RUN})).)")
_WEAK_RE = re.compile(f"(?:{alt(WEAK_TRIGGERS)})")
# A closing verb after 未 is that verb negated (未进场施工), not part of a word (未利用地).
_POST_RUN_RE = re.compile(f"(?:{alt(POST_VERBS)})+")
# A verb glued to a one-character noun suffix is part of a word: 推进组, 开工率, 建设局; so is
# 建设 in 建设用地 (land for building, a noun).
_GLUED_RE = re.compile(
    r"[率组者员队室局办委厅会、]|区(?=[内的面范第0-9一二三四五六七八九十])|(?<=建设)用[地海林]"
)
_GLUED_FIRST = frozenset("率组者员队室局办委厅会、区用")
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
_CAPACITY_ENDS = ("项目", "工程", "生产线")
_SENTENCE_STARTS = "。；;！？!?\n"
# From the number's last digit to the end word: 万/亿, the longest unit, /年, 14 characters.
_DIGIT_REACH = 1 + 1 + max(map(len, CAPACITY_UNITS)) + 2 + 14
_DIGIT_RE = re.compile(r"\d")
# Characters that CAPACITY_NAME_RE never matches (punctuation, spaces): a match lies between two.
_BOUNDARY_RE = re.compile("[，。；;、\n：:！？!?（）()“”《》\t \u3000]")


def capacity_names(text: str) -> list[tuple[int, int]]:
    """新上1000万吨炼油项目, 的蓝星新材料年产4万吨…项目: names led by their capacity."""
    out: list[tuple[int, int]] = []
    for m in _capacity_matches(text):
        s = m.start()
        if text.startswith("年产", s - 2):
            s -= 2
        if text.endswith(_CAPACITY_AFTER, max(0, s - 2), s):
            out.append((s, m.end()))
            continue
        if (s == 0 or text[s - 1] in _SENTENCE_STARTS) and text.startswith("年产", s):
            out.append((s, m.end()))  # 。年产5万吨XX项目一期投产: the subject of a sentence
            continue
        de = text.rfind("的", max(0, s - 13), s)
        if de >= 0 and _cjk_run_ends(text, de + 1, s):
            out.append((de + 1, m.end()))
    return out


def _capacity_matches(text: str) -> list[re.Match[str]]:
    """The matches of `CAPACITY_NAME_RE.finditer(text)`, searched only where one can be.

    A match ends in 项目/工程/生产线 with its number's last digit at most _DIGIT_REACH characters
    before, and lies between two punctuation marks or spaces; each such stretch is searched
    once, in text order, which gives the matches of one pass over the whole text.
    """
    out: list[re.Match[str]] = []
    reversed_text = ""
    n = len(text)
    ends = sorted(i for word in _CAPACITY_ENDS for i in occurrences(text, word))
    done = -1  # the end of the last stretch searched
    for k in ends:
        if k < done or _DIGIT_RE.search(text, max(0, k - _DIGIT_REACH), k) is None:
            continue
        if not reversed_text:
            reversed_text = text[::-1]
        before = _BOUNDARY_RE.search(reversed_text, n - k)
        start = n - before.start() if before else 0
        after = _BOUNDARY_RE.search(text, k)
        done = after.start() if after else n
        out.extend(CAPACITY_NAME_RE.finditer(text, start, done))
    return out


def _cjk_run_ends(text: str, start: int, end: int) -> bool:
    """`re.match(r"[\u4e00-\u9fff]{2,12}$", ...)` at `start` with the text cut at `end`."""
    for stop in (end, end - 1):  # `$` also matches before a newline that ends the text
        if stop == end - 1 and not (stop >= 0 and text[stop] == "\n"):
            continue
        if 2 <= stop - start <= 12 and all("\u4e00" <= c <= "\u9fff" for c in text[start:stop]):
            return True
    return False


def verb_runs(text: str, cs: int, ce: int, quoted: bool | None = None) -> list[tuple[int, int]]:
    """Trigger-verb runs of a clause, leaving out verbs inside names, words and quotes.

    The runs are the matches of `re.finditer(_RUN, text[cs:ce])`. `quoted` False says
    that the clause holds no opening quote (the caller looked over the whole sentence).
    """
    runs: list[tuple[int, int]] = []
    if quoted is not False:
        quoted = _QUOTE_RE.search(text, cs, ce) is not None
    depth = 0
    pos = cs  # where the quote count has got to
    at = cs  # where the next run is looked for
    run_search = _RUN_RE.search
    while (m := run_search(text, at, ce)) is not None:
        rs, re_ = m.span(1)
        at = re_
        if quoted:
            seg = text[pos:rs]
            depth += sum(map(seg.count, _QUOTE_OPEN)) - sum(map(seg.count, _QUOTE_CLOSE))
            pos = rs
            if depth > 0:
                continue
        if rs > cs:
            prev = text[rs - 1]
            if (
                "\u4e00" <= prev <= "\u9fff"
                and prev not in "要将已并和及等"
                and not (prev == "未" and _POST_RUN_RE.fullmatch(text, rs, re_))  # 未进场施工
                and not text.endswith(("项目", "工程"), cs, rs)
                and _WEAK_RE.match(text, rs, re_)
            ):
                continue  # a weak verb glued to the word before it
        if re_ < ce and text[re_] in _GLUED_FIRST and _GLUED_RE.match(text, re_):
            continue
        runs.append((rs, re_))
    return runs
