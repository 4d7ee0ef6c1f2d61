"""Where a project name can end: a few passes over the whole text, each scanned in C.

Only clauses holding such a position are read clause by clause, which keeps the stage fast on
long documents: a head noun (产业园, 水库) or a work noun (改造, 搬迁) that closes a noun phrase,
项目/工程 anywhere, a capacity figure (40万吨) or a route (兰州至永靖). A position is reported
as the start of the word; every word that ends at a boundary counts, overlapping ones included.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from tuijin.ingest.lexicon import (
    ADVERBS,
    ANCHOR_WORDS,
    BUILD_VERBS,
    HEADS,
    POST_VERBS,
    WORKS,
    alt,
)

_ALWAYS = ("项目", "工程")
_SINGLE = tuple("园馆城厂站库路桥港线林")
_SKIP_WORKS = ("建设", "生产", "加工", "制造", "储备")
_BOUND_CHARS = "、，,。；;：:和及与等已正也将还均都于拟 \t\n\u3000\u00a0”」)）（("
_BOUND_WORDS = (
    "建设",
    "建 设",
    "项目",
    "工程",
    "前期",
    *POST_VERBS,
    *(a for a in ADVERBS if len(a) > 1),
)
_PHASE = "一二三四五六七八九十首0123456789"
_CAPACITY_UNITS = ("吨", "千瓦", "千伏", "兆瓦", "立方米", "亩", "MW", "GW", "kV")


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


# Words that need a boundary after them (all but 项目/工程), by length.
_WORDS = (
    {h for h in HEADS if len(h) > 1}
    | {w for w in WORKS if len(w) > 1 and w not in _SKIP_WORKS}
    | set(_SINGLE)
) - set(_ALWAYS)
_BY_LENGTH: dict[int, set[str]] = defaultdict(set)
for _w in _WORDS:
    _BY_LENGTH[len(_w)].add(_w)
_LENGTHS = sorted(_BY_LENGTH, reverse=True)
# The lengths of every word that is a suffix of a word (itself included): all words ending where
# the longest one ends.
_SUFFIX_LENGTHS = {w: tuple(len(w) - i for i in range(len(w)) if w[i:] in _WORDS) for w in _WORDS}
# Matches the last character of a word at a boundary. The scan stops only at characters that
# end some word (a character class, tested in C); the boundary is checked next, and last which
# word ends there: the lookbehinds go longest first, and the group that matched gives the length.
_BOUND = (
    rf"(?={_class(_BOUND_CHARS)}"
    rf"|{_class(w[0] for w in _BOUND_WORDS)}(?<=(?=(?:{alt(_BOUND_WORDS)})).)"
    rf"|{_class(_PHASE)}期|\Z)"
)
_WORD_END_RE = re.compile(
    _class(w[-1] for w in _WORDS)
    + _BOUND
    + "(?:"
    + "|".join(f"(?<={alt(_BY_LENGTH[n])})()" for n in _LENGTHS)
    + ")"
)
_GROUP_LENGTH = (0, *_LENGTHS)  # match.lastindex → word length
_CJK_FIRST, _CJK_LAST = "\u4e00", "\u9fff"

# Words that make a clause worth reading: a verb of building, a closing verb, a list tail,
# a project word or a description of a named project.
_ANCHOR_WORDS = {w for w in BUILD_VERBS + POST_VERBS if len(w) > 1} | set(ANCHOR_WORDS)
# One alternation of literal words: the engine skips in C to a character that can start one.
# Overlapping words are not all reported, but an anchor only has to be found somewhere inside a
# clause or sentence, and no anchor word runs across the punctuation that bounds them.
ANCHOR_RE = re.compile(alt(_ANCHOR_WORDS))


def anchor_positions(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Sorted start offsets of verbs, list tails and project words (see _ANCHOR_WORDS)."""
    pattern_end = len(text) if end is None else end
    return [m.start() for m in ANCHOR_RE.finditer(text, start, pattern_end)]


def occurrences(text: str, word: str) -> list[int]:
    """Every start offset of `word` in `text` (str.find in a loop: faster than a regex)."""
    out: list[int] = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def signal_positions(text: str) -> list[int]:
    """Sorted start offsets of every place a project name could end."""
    out: list[int] = []
    add = out.append
    for m in _WORD_END_RE.finditer(text):
        end = m.end()
        length = _GROUP_LENGTH[m.lastindex or 0]
        for n in _SUFFIX_LENGTHS[text[end - length : end]]:
            add(end - n)
    for word in _ALWAYS:
        out.extend(occurrences(text, word))
    for unit in _CAPACITY_UNITS:  # a digit, then 万/亿 or not, then the unit
        for i in occurrences(text, unit):
            if i and text[i - 1].isdecimal():
                add(i - 1)
            elif i > 1 and text[i - 1] in "万亿" and text[i - 2].isdecimal():
                add(i - 2)
    last = len(text) - 1
    for mark in "至-":  # 兰州至永靖, 河口-新城: a route between two places, CJK on both sides
        for i in occurrences(text, mark):
            if 0 < i < last and _CJK_FIRST <= text[i - 1] <= _CJK_LAST >= text[i + 1] >= _CJK_FIRST:
                add(i)
    out.sort()
    return out
