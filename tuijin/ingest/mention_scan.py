"""Character sets and window helpers shared by the mention scanners.

Python's regex engine finds a pattern that opens with a literal at C speed, one that opens with a
character class at several nanoseconds a character, and pays for every position it tries, so the
scanners in mentions.py open with one left-edge class (no `\\s`: its category check halves the
scan speed; `WHITESPACE` is the same set spelt out) and check cheap necessary conditions first.
Rare anchor characters are found with str.find instead of a regex.

The word checks on a found name (verbs cut off its start, generic stems) and the pattern cache
are here too, as mentions.py and mention_industry.py both use them (and the latter is imported by
the former, so it cannot import them from there).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tuijin.ingest.lexicon import GENERIC, words

# Every character for which str.isspace() is true: exactly the set `\s` matches in a str pattern.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
# What a name starts after: whitespace, list and clause marks, opening brackets and quotes.
EDGE_CHARS = WHITESPACE + '、，,；;：:（(“"《。！？'
_CJK_LO, _CJK_HI = "\u4e00", "\u9fff"


def anchor_windows(text: str, anchors: str, gap: int, back: int) -> list[tuple[int, int]]:
    """Where a name ending in one of `anchors` can be: merged [start, end) windows of `text`.

    Anchors less than `gap` + 1 apart form one run; its window starts `back` characters before
    the run and ends one character after the CJK run that follows it (at most 200 characters),
    so a look-ahead that reads on to the next punctuation sees it. Overlapping windows merge.
    """
    n = len(text)
    found: list[int] = []
    for ch in anchors:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    if not found:
        return []
    found.sort()
    runs: list[tuple[int, int]] = []
    first = last = found[0]
    for i in found[1:]:
        if i - last - 1 > gap:
            runs.append((first, last))
            first = i
        last = i
    runs.append((first, last))
    windows: list[tuple[int, int]] = []
    ws = we = -1
    for first, last in runs:
        i = last + 1
        stop = min(n, i + 200)
        while i < stop and _CJK_LO <= text[i] <= _CJK_HI:
            i += 1
        end = min(n, i + 1)
        start = max(0, first - back)
        if start <= we:
            we = max(we, end)
            continue
        if we > ws:
            windows.append((ws, we))
        ws, we = start, end
    if we > ws:
        windows.append((ws, we))
    return windows


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Words a name never contains: verbs and adverbs that run into it from the left. A name is cut
# after the last of them (积极推进与名城集团 → 名城集团); 建设/发展 are only stripped at the start.
_CUT_WORDS = """
    推动 推进 实施 支持 加快 围绕 依托 打造 发挥 带动 覆盖 对接 涉及 培育 引进 促进 提升 构建 增加
    实现 呈现出 坚持 批复 争取 力争 奋力 着力 搞好 充分 强力 不断 增强 行走 走进 来到 位于 落户 入驻
    成立 设立 组建 联合 鼓励 引导 推行 深化 优化 完善 抓好 加强 强化 做大 做强 壮大 积极 重点 大力
    全力 全面 进一步 包括 其中 以及 建成 开工 签约 投产 形成 承接 服务 依靠 同时 目前 今年 全年 累计
    已经 正在 将要 主动 融入 聚焦 瞄准 面向 立足 紧盯 推广 新增 运营 新建 回收 培植 开办 设在 按照
    编制 改善 进 居家 每个 跨 两 各 规划 整合
    的 和 及 与 、 由 在 为 向
"""


def _by_first(words: list[str] | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by first character, longest first (a regex alternation's longest match)."""
    out: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


_CUT = _by_first(words(_CUT_WORDS))
_LEAD_CHARS = frozenset("在对以把向与和为到将并由从使让及要还")
_LEAD_WORDS = ("建设", "发展", "各类", "现有", "国家级", "省级", "市级")


# Stems made only of these words name nothing in particular (特色优势产业园, 西部地区).
_GENERIC_WORDS = frozenset(
    [
        *GENERIC,
        *[f"{n}级" for n in "一二三四五六七八九十"],
        *words("""该 本 各 全 我 城 社 景 小 山 矿 林 农 老 示范 功能 重点 核心 主城 市 县 区 园
            工业 产业 不同 所在 辖 郊 城乡 山区 库区 片 经济 制造 服务业 建成 美丽 地 一个个 个 开发
            西部 东部 中部 西北 东北 西南 东南 华北 华东 华南 华中 周边"""),
    ]
)
_GENERIC_CHARS = frozenset("".join(_GENERIC_WORDS))
_GENERIC_LENGTHS = sorted({len(w) for w in _GENERIC_WORDS})


# A found name before it becomes a Mention: its span and its attrs.
Found = tuple[int, int, dict[str, object]]


def _clean(text: str, s: int, e: int) -> int:
    """New start of a name once the verbs, conjunctions and 的 that ran into it are cut off."""
    return s + _clean_shift(text[s:e])


@lru_cache(maxsize=16384)
def _clean_shift(raw: str) -> int:
    """How many leading characters of `raw` ran into the name (a name recurs in a document)."""
    # after the last cut word (leftmost-longest matches, as a regex alternation finds them)
    s = i = 0
    n = len(raw)
    while i < n:
        for w in _CUT.get(raw[i], ()):
            if raw.startswith(w, i):
                i += len(w)
                s = i
                break
        else:
            i += 1
    # then past leading particles and level words (在, 建设, 省级 …)
    while s < n:
        if raw[s] in _LEAD_CHARS:
            s += 1
            continue
        for w in _LEAD_WORDS:
            if raw.startswith(w, s):
                s += len(w)
                break
        else:
            break
    return s  # may reach n - 1 or n: nothing left that names anything


def _generic(stem: str) -> bool:
    """True when `stem` is made only of generic words (特色 + 优势, 西部 + 地区 …)."""
    if not stem or not _GENERIC_CHARS.issuperset(stem):
        return False
    n = len(stem)
    reach = [True] + [False] * n
    for i in range(n):
        if reach[i]:
            for k in _GENERIC_LENGTHS:
                if i + k <= n and stem[i : i + k] in _GENERIC_WORDS:
                    reach[i + k] = True
    return reach[n]
