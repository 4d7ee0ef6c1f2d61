"""Tense markers: the words that show a text setting an aim (future) or reporting a result (past).

One regex pass (anchored on rare characters), with the markers made of digits (2025年底前,
1-2月) merged in. context.py counts them for a section's genre and kind.py reads them for a
figure's kind; the marker table and its scan are self-contained, so they live apart from the
rest of the figure context.
"""

from __future__ import annotations

import re
from typing import Final

# Tense markers. Future (f): the text sets an aim; past (p): it reports a result or a present
# state; other (o): reporting words and 了, evidence for the genre only.
# Each is written from its anchor, the character the scan stops at: a word whose first
# character is common (建成后, 力争, 目标) is anchored on a rarer later one and checks the
# characters before it with a look-behind. That is exact because no marker can have consumed
# those characters (none holds 建 力 目 以 现 通 同 成 会 after its start) and no other marker
# starts with them. Every alternative starts with a literal, so the regex engine skips to the
# anchors by their character set, and the common first characters are no longer stops (twice as
# fast). Anchored words come first: 力争 before 争取, 现已 before 已, 同比 before 比上年, as a
# left-to-right scan finds them.
# (kind, offset of the anchor in the word, pattern from the anchor)
_MARKERS: Final[tuple[tuple[str, int, str], ...]] = (
    ("f", 2, "后(?<=建成后|投产后|达产后)"),
    ("f", 1, "争(?<=力争)"),
    ("f", 1, "标(?<=目标)"),
    ("p", 1, "前(?<=目前)"),
    ("p", 1, "来(?<=以来)"),
    ("p", 1, "已(?<=现已)"),
    ("p", 1, "报(?<=通报)"),
    ("o", 1, "比(?<=同比)"),
    ("o", 1, "绩(?<=成绩)"),
    ("o", 1, "议(?<=会议)指出"),
    ("f", 0, "将(?![其来近])(?![^，。,；;]{0,14}?(?:作为|纳入|列为|列入|转化为|打造成|融入|融为))"),
    ("f", 0, "届时"),
    ("f", 0, "争取"),
    ("f", 0, "预计"),
    ("f", 0, "预期"),
    ("f", 0, "确保"),
    ("f", 0, "下一步"),
    ("f", 0, "今后"),
    ("f", 0, "明年"),
    ("f", 0, "拟"),
    ("f", 0, "计划(?=投资|总投资|实施|新建|建设|开工|完成|安排|于|到|在)"),
    ("f", 0, "计划(?<!年度计划)(?<!工作计划)(?<!行动计划)(?![单的，,。；;、）)])"),
    ("f", 0, "到(?<![加长高降少升大展扩]到)(?=[ ]?20[0-9]{2}[ ]?年)"),
    ("f", 0, "要(?<![主重需纲提摘简紧必只概]要)(?![求素点闻件])"),
    ("p", 0, "已(?![经]?[有])(?![^，。,；;]{0,8}基础上)"),
    ("p", 0, "累计"),
    ("p", 0, "截至"),
    ("p", 0, "截止"),
    ("p", 0, "去年"),
    ("p", 0, "上年"),
    ("p", 0, "过去"),
    ("p", 0, "历年"),
    ("p", 0, "年来"),
    ("p", 0, "据悉"),
    ("p", 0, "据了解"),
    ("p", 0, "据统计"),
    ("o", 0, "比上年"),
    ("o", 0, "较上年"),
    ("o", 0, "记者"),
    ("o", 0, "获悉"),
    ("o", 0, "这一年"),
    ("o", 0, "稳中有进"),
    ("o", 0, "召开"),
    ("o", 0, "举行"),
    ("o", 0, "了(?<![为除]了)(?![解如])"),
)
# an empty group after each anchor tells which marker matched (m.lastindex)
_MARKER_RE: Final = re.compile("|".join(f"{pat[0]}(){pat[1:]}" for _k, _o, pat in _MARKERS))
# The two markers made of digits are found from their 年 and 月 (rare next to digits); no other
# marker holds a digit, so they never overlap the others. The 年 one (2025年底前) is found with the
# years (context._years).
_MONTH_SPAN: Final = re.compile(r"[0-9]{1,2}[—\-－~～至到][0-9]{1,2}月(?![底末])")  # p: 1-2月


def _month_spans(text: str) -> list[tuple[int, str]]:
    """_MONTH_SPAN matches (1-2月) as a left-to-right scan finds them, from their 月."""
    out: list[tuple[int, str]] = []
    taken = 0  # the end of the last match: a scan resumes there
    i = text.find("月", 3)
    while i >= 0:
        for start in range(max(i - 5, taken), i - 2):  # 4 to 6 characters end at this 月
            m = _MONTH_SPAN.match(text, start)
            if m is not None and m.end() == i + 1:
                out.append((start, m.group(0)))
                taken = i + 1
                break
        i = text.find("月", i + 1)
    return out


_MARKER_KINDS: Final = [("", 0)] + [(k, o) for k, o, _p in _MARKERS]  # by m.lastindex


class _Markers:
    """The tense markers of a text, in text order."""

    def __init__(self, text: str, deadlines: list[tuple[int, str]]) -> None:
        """`deadlines`: the 2025年底前 markers, found with the years (see _years)."""
        self.other_pos: list[int] = []  # 了 and reporting words: genre evidence only
        self.tense_pos: list[int] = []  # future and past
        self.tense_future: list[bool] = []
        self.tense_words: list[str] = []
        for m in _MARKER_RE.finditer(text):
            kind, offset = _MARKER_KINDS[m.lastindex or 0]
            start = m.start() - offset
            if kind == "o":
                self.other_pos.append(start)
            else:
                self.tense_pos.append(start)
                self.tense_future.append(kind == "f")
                self.tense_words.append(text[start : m.end()])
        spans = _month_spans(text)
        if deadlines or spans:  # the markers made of digits: merge them in
            tense = sorted(
                [
                    *zip(self.tense_pos, self.tense_future, self.tense_words, strict=True),
                    *[(p, True, w) for p, w in deadlines],
                    *[(p, False, w) for p, w in spans],
                ]
            )
            self.tense_pos = [p for p, _f, _w in tense]
            self.tense_future = [f for _p, f, _w in tense]
            self.tense_words = [w for _p, _f, w in tense]
        tense_pos, tense_future = self.tense_pos, self.tense_future
        self.future_pos = [p for p, f in zip(tense_pos, tense_future, strict=True) if f]
        self.past_pos = [p for p, f in zip(tense_pos, tense_future, strict=True) if not f]
