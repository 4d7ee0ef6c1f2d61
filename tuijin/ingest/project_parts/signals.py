"""Where a project name can end: one Aho-Corasick pass over the whole text.

Only clauses holding such a position are read clause by clause, which keeps the stage fast on
long documents: a head noun (产业园, 水库) or a work noun (改造, 搬迁) that closes a noun phrase,
项目/工程 anywhere, a capacity figure (40万吨) or a route (兰州至永靖).
"""

from __future__ import annotations

import re

import ahocorasick

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
_BOUND_CHARS = frozenset("、，,。；;：:和及与等已正也将还均都于拟 \t\n\u3000\u00a0”」)）（(")
_BOUND_WORDS = (
    "建设",
    "建 设",
    "项目",
    "工程",
    "前期",
    *POST_VERBS,
    *(a for a in ADVERBS if len(a) > 1),
)
_BOUND_WORD_RE = re.compile(alt(_BOUND_WORDS))
_PHASE = frozenset("一二三四五六七八九十首0123456789")
# Two patterns that each open with a character class (scanned in C), not one alternation.
_CAPACITY_SIGNAL_RE = re.compile(r"\d(?:万|亿)?(?:吨|千瓦|千伏|兆瓦|立方米|亩|MW|GW|kV)")
_ROUTE_SIGNAL_RE = re.compile(r"[至-](?<=[\u4e00-\u9fff][至-])(?=[\u4e00-\u9fff])")


def _automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    words = {h for h in HEADS if len(h) > 1}
    words |= {w for w in WORKS if len(w) > 1 and w not in _SKIP_WORKS}
    words |= set(_SINGLE)
    for w in words | set(_ALWAYS):
        auto.add_word(w, (len(w), w in _ALWAYS))
    auto.make_automaton()
    return auto


_AUTO = _automaton()
# Words that make a clause worth reading: a verb of building, a closing verb, a list tail,
# a project word or a description of a named project.
_ANCHOR_WORDS = {w for w in BUILD_VERBS + POST_VERBS if len(w) > 1} | set(ANCHOR_WORDS)


# One alternation of literal words: the engine skips in C to a character that can start one.
# Overlapping words are not all reported, but an anchor only has to be found somewhere inside a
# clause or sentence, and no anchor word runs across the punctuation that bounds them.
_ANCHOR_RE = re.compile(alt(_ANCHOR_WORDS))


def anchor_positions(text: str) -> list[int]:
    """Sorted start offsets of verbs, list tails and project words (see _ANCHOR_WORDS)."""
    return [m.start() for m in _ANCHOR_RE.finditer(text)]


def signal_positions(text: str) -> list[int]:
    """Sorted start offsets of every place a project name could end."""
    out: list[int] = []
    n = len(text)
    bound_word = _BOUND_WORD_RE.match
    for last, (length, always) in _AUTO.iter(text):
        end = last + 1
        if (
            always
            or end >= n
            or text[end] in _BOUND_CHARS
            or (text[end] in _PHASE and text.startswith("期", end + 1))
            or bound_word(text, end) is not None
        ):
            out.append(end - length)
    out.extend(m.start() for m in _CAPACITY_SIGNAL_RE.finditer(text))
    out.extend(m.start() for m in _ROUTE_SIGNAL_RE.finditer(text))
    out.sort()
    return out
