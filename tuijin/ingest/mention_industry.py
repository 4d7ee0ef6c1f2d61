"""Industry mentions for extract_mentions: layouts, tier clusters, 产业集群 and chains.

- layouts 一心两翼多点 (areas); the industries of a tier list `A、B…四个千亿级…产业链`; …产业集群
- …产业链 names, chain actions (延链补链强链) and 链主 leaders

Apart from mentions.py (units, areas, enterprises: names after a left edge, one regex pass)
because these are industry terms found from their literal words (亿级, 产业集群, 链) with str.find
and checked against the industry lexicon. mentions.py imports them; the word checks both use are
in mention_scan.py, so this module does not import mentions.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

from tuijin.ingest.lexicon import CHAIN_PHRASES, INDUSTRY_WORDS, TIERS, words
from tuijin.ingest.mention_scan import Found, _by_first, _clean, _generic, _rx

_LAYOUT_PAIR = re.compile(
    r"[一二两三四五六七八九十多](?:中心|[心核轴极带廊区翼圈群点园片城环屏网团])[一二两三四五六七八九十多]"
)
# Patterns of rarer shapes, compiled by _rx on first use (compiling one costs about as much as
# running it over a long document).
_LAYOUT = r"(?:[一二两三四五六七八九十多](?:中心|[心核轴极带廊区翼圈群点园片城环屏网团])){2,}"
_TIER_HEAD = r"[^，。；,;]{0,80}?(产业集群|产业链|集群|产业园|产业|板块)"
_TIER_COUNT = r"(?:[一二两三四五六七八九十0-9]+个|[一二两三四五六七八九十]大)$"

_TIER_PREFIXES = frozenset(t[: -len("亿级")] for t in TIERS)  # every tier ends in 亿级
# Words that open a tier list, tried in this order at each position (as the regex did).
_TIER_LEADS = words("和 及 以及 打造 培育 构建 形成 做强 壮大 发展 着力打造 重点打造")
_CHAIN_ACTIONS = _by_first(CHAIN_PHRASES)


def _automaton(words: tuple[str, ...]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, w)
    auto.make_automaton()
    return auto


_INDUSTRY = _automaton(INDUSTRY_WORDS)


def _layouts(text: str) -> list[Found]:
    out: list[Found] = []
    for m in _layout_matches(text):
        layout = m.group()
        parts: list[str] = []
        i = 0
        while i < len(layout):  # numeral + part (一核, 两带) or numeral + 中心
            k = 3 if layout.startswith("中心", i + 1) else 2
            parts.append(layout[i : i + k])
            i += k
        if len(parts) >= 2:
            out.append((m.start(), m.end(), {"layout": True, "parts": parts}))
    return out


def _layout_matches(text: str) -> Iterator[re.Match[str]]:
    """`_LAYOUT.finditer(text)`, tried only where a numeral, a part and a numeral stand in a row.

    Every layout starts like that, and a pattern that opens with a character class is scanned
    in C, which the repeated group of `_LAYOUT` is not.
    """
    pos = 0
    while (pair := _LAYOUT_PAIR.search(text, pos)) is not None:
        m = _rx(_LAYOUT).match(text, pair.start())
        if m is None:
            pos = pair.start() + 1
            continue
        yield m
        pos = m.end()


def _find_all(text: str, word: str) -> Iterator[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))


def _tiers(text: str) -> list[tuple[int, int]]:
    """Spans of the tier words (千亿级, 五百亿级 …), leftmost and longest first like a regex."""
    out: list[tuple[int, int]] = []
    done = 0
    for i in _find_all(text, "亿级"):
        for p in (i - 2, i - 1):
            if p >= done and text[p:i] in _TIER_PREFIXES:
                out.append((p, i + 2))
                done = i + 2
                break
    return out


def _has_tier(segment: str) -> bool:
    return "亿级" in segment and any(t in segment for t in TIERS)


def _has_industry(segment: str) -> bool:
    return any(True for _ in _INDUSTRY.iter(segment))


def _clusters(text: str) -> list[Found]:
    out: list[Found] = []
    tiers = _tiers(text)
    for k, (ts, te) in enumerate(tiers):
        head = _rx(_TIER_HEAD).match(text, te)
        if head is None:
            continue
        count = _rx(_TIER_COUNT).search(text, max(0, ts - 4), ts)
        list_end = count.start() if count else ts
        # the list before this tier runs back to a clause break or the previous tier
        lo = max(0, list_end - 120, tiers[k - 1][1] if k else 0)
        start = max(lo, *(text.rfind(ch, lo, list_end) + 1 for ch in "，。；：,;:\n"))
        start = _past_tier_lead(text, start, list_end)
        items = [
            (a, b)
            for a, b in _split(text, start, list_end)
            if 2 <= b - a <= 12 and _has_industry(text[a:b])
        ]
        if not items and "、" not in text[start:list_end]:  # 打造千亿级石化产业集群: after it
            a, b = te, head.start(1)
            if 2 <= b - a <= 12 and "、" not in text[a:b] and _has_industry(text[a:b]):
                items = [(a, b)]
        for a, b in items:
            out.append((a, b, {"tier": text[ts:te], "head": head.group(1)}))
    for i in _find_all(text, "产业集群"):
        if text.startswith("化", i + 4):
            continue  # 产业集群化 is a process
        s, e = _named_before(text, i, i + 4)
        if s < 0:
            continue
        stem = text[s : e - 4]
        if not _generic(stem) and _has_industry(stem):
            out.append((s, e, {}))
    return out


def _past_tier_lead(text: str, start: int, end: int) -> int:
    """After the verbs and conjunctions that open a tier list (和, 打造, 重点打造 …)."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    j = i
    while True:
        for w in _TIER_LEADS:
            if text.startswith(w, j) and j + len(w) <= end:
                j += len(w)
                break
        else:
            break
    return j if j > i else start


def _named_before(text: str, start: int, end: int) -> tuple[int, int]:
    """The name that ends in the word at [start, end): the characters before it, cleaned."""
    # the CJK run (at most 16 characters) that ends at `start`: a name never runs over a line
    # break (新能源汽车⏎产业集群 is a heading line and the next line, not one name)
    lo = max(0, start - 16)
    run = start
    while run > lo and "\u4e00" <= text[run - 1] <= "\u9fff":
        run -= 1
    if start - run < 2:
        return -1, end
    s = _clean(text, run, end)
    if s >= start or _has_tier(text[s:end]) or "等" in text[s:end]:
        return -1, end
    return s, end


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of the 、-separated list in [start, end), without surrounding spaces."""
    out: list[tuple[int, int]] = []
    a = start
    for piece in text[start:end].split("、"):
        b = a + len(piece)
        s, e = a, b
        a = b + 1
        while s < e and text[s] in " \u3000":
            s += 1
        while e > s and text[e - 1] in " \u3000":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _chains(text: str, firms: list[Found]) -> list[Found]:
    """…产业链 names, chain actions (延链补链强链) and 链主 leaders, all found from one 链 scan."""
    named: list[Found] = []
    actions: list[Found] = []
    leaders: list[Found] = []
    done = 0  # end of the last action: actions do not overlap (as regex matches)
    for i in _find_all(text, "链"):
        if i >= 2 and text.startswith("产业", i - 2):
            s, e = _named_chain(text, i - 2)
            if s >= 0:
                named.append((s, e, {}))
        for p in (i - 1, i):  # an action has 链 as its first or second character
            if p >= done:
                for phrase in _CHAIN_ACTIONS.get(text[p], ()):
                    if text.startswith(phrase, p):
                        done = p + len(phrase)
                        actions.append((p, done, {"action": phrase}))
                        break
        if text.startswith("主", i + 1):
            end = i + (4 if text.startswith("企业", i + 2) else 2)  # 链主企业 or 链主
            near = [(s, e) for s, e, _ in firms if 0 <= i - e <= 8 or 0 <= s - end <= 2]
            leaders.append((i, end, {"leader": text[near[-1][0] : near[-1][1]]} if near else {}))
    return named + actions + leaders


def _named_chain(text: str, i: int) -> tuple[int, int]:
    """The span of the chain named by the 产业链 at `i`, or (-1, -1)."""
    nxt = text[i + 3 : i + 4]
    if nxt in ("条", "链") or ("\u4e00" <= nxt <= "\u9fff" and text.startswith("链", i + 4)):
        return -1, -1  # 产业链条, 产业链链长, 产业链补链: not a named chain
    s, e = _named_before(text, i, i + 3)
    if s < 0:
        return -1, -1
    stem = text[s : e - 3]
    if _generic(stem) or not _has_industry(stem):
        return -1, -1
    return s, e
