"""Where a figure stands: its sentence, clause, year, heading and the genre of its section.

Years (tried at each 年) and tense markers (one regex pass) are found once for the whole text;
figures, which come in text order, look them up through cursors. A figure's sentence and clause
ends are searched for near it only (figures of one sentence share its ends), and paragraphs and
list intros are read within bounded windows. So the cost is linear in the text and in the number
of figures (no scan back to the text's start).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Final, Literal

from tuijin.ingest.figures.markers import _Markers
from tuijin.ingest.result import Heading, Span

Genre = Literal["plan", "review"]

_CLAUSE_END: Final = re.compile(r"[。！？!?\n，,；;：:]")
YEAR_RE: Final = re.compile(
    r"((?:19|20|１９|２０)(?<![0-9０-９][12１２][0-9０-９])[0-9０-９]{2})[ ]?年(?!代)"
)
# The two markers made of digits are found from their 年 and 月 (rare next to digits); no other
# marker holds a digit, so they never overlap the others. This one is found with the years (_years),
# the 月 one in markers.py.
_YEAR_DEADLINE: Final = re.compile(r"20[0-9]{2}年(?:底|末)?(?:以)?前(?!期|列)")  # f: 2025年底前
_PLAN_TITLE: Final = re.compile(r"方案|规划|意见|通知|计划|纲要|办法|要点|措施|决定|安排|目标")
_REVIEW_TITLE: Final = re.compile(r"综述|回眸|回顾|成就|成效|纪实|巡礼|盘点|总结")
_REVIEW_HEADING: Final = re.compile(
    r"回顾|过去|成绩|成效|成就|工作总结|进展情况|完成情况|发展基础|发展现状|基本情况|现状"
    r"|运行情况|总体情况|主要问题|存在问题|存在的问题|需要关注的问题"
)
_PLAN_HEADING: Final = re.compile(
    r"目标|任务|安排|重点工作|预期|部署|举措|思路|总体要求|展望|整改|下一步|工作建议|打算"
)


_NEWS_CUE: Final = re.compile(
    r"本报讯|日电|日讯|讯[(（]|记者|通讯员|^[^\n]{0,40}\n?[0-9]{1,2}月[0-9]{1,2}日[，,]"
    # a web news page's dateline: 2025-07-08 10:26  来源：…
    r"|^(?:19|20)[0-9]{2}-[01]?[0-9]-[0-3]?[0-9]\s+[0-2]?[0-9]:[0-5][0-9]",
    re.M,
)
_PERIODS: Final = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15, "六": 16}
_PERIOD_ANY: Final = re.compile(r"十([一二三四五六])五")
_PERIOD: Final = re.compile(r"[“\"]?十([一二三四五六])五")
_LINE_LIMIT: Final = 400
# a line of a list: ——海洋生产总值：…, · …, ① …, （1）…, 1. …
_LIST_ITEM: Final = re.compile(
    r"[ \u3000\t]*(?:—|-|－|·|•|●|▪|◆|■|[①-⑳]|[（(][0-9]{1,2}[)）]|[0-9]{1,2}[.．、]"
    r"|[一二三四五六七八九十]是)"
)
_LAST_CLAUSE_END: Final = re.compile(r".*[。！？!?\n，,；;：:]", re.S)
_SENT_LIMIT: Final = 600  # a sentence longer than this is cut: bounded work per figure
_FAR: Final = -2  # no sentence end within the limit
_CLAUSE_LIMIT: Final = 80
_PARA_LIMIT: Final = 1500


@dataclass(slots=True, eq=False, repr=False)
class DocContext:
    """What the figures of one text are read against; also the cursors of the lookups (figures
    are looked up in text order, so a cursor moves on instead of a bisect from scratch)."""

    text: str
    year_pos: list[int]
    year_val: list[int]
    doc_year: int | None
    genre: Genre
    block_starts: list[int]
    block_genres: list[Genre]
    heading_starts: list[int]
    heading_years: list[int | None]
    heading_levels: list[int]
    heading_genres: list[Genre | None]
    future_pos: list[int]  # tense markers, for the genre of a block or paragraph
    past_pos: list[int]
    other_past: list[int]
    # future and past markers together, for a figure's kind (tense_future: which are future)
    tense_pos: list[int]
    tense_future: list[bool]
    tense_words: list[str]
    first_deadline: int | None  # the earliest 到YYYY年 of the text: a plan's horizon
    sent_ends: str  # the sentence ends that occur in the text (of 。\n！？!?)
    tense_next: int = 0  # kind._marker_kind's cursor in the tense markers
    year_next: int = 0  # year_index's cursor
    heading_next: int = 0  # heading_index's cursor
    # (last sentence end before, first one at or after) the last position `sentence` was asked
    # about (-1: none before; len(text): none after)
    sent_around: tuple[int, int] = (-1, -1)
    intro_line: tuple[int, int] = (-1, -1)  # (sentence start, line start) of the last intro_year
    para_cache: dict[tuple[int, int], Genre | None] = field(default_factory=dict)
    intro_cache: dict[int, int | None] = field(default_factory=dict)
    earlier_pos: list[int] = field(default_factory=list)  # where an earlier period is named
    period: int | None = None  # the document's own five-year period: 14 for 十四五
    period_year: int | None = None  # the last year before that period: 2020 for 十四五

    def earlier_period(self, lo: int, hi: int) -> int:
        """Position of a mention of an earlier five-year period (十三五 in a 十四五 plan), or -1."""
        if self.period is None:
            return -1
        pos = self.earlier_pos
        i = bisect_left(pos, hi) - 1
        return pos[i] if i >= 0 and pos[i] >= lo else -1

    def sentence(self, pos: int) -> tuple[int, int]:
        """[start, end) of the 。-sentence holding pos (the end excludes the terminator).

        Its ends are searched for near pos only, within the 600-character limit each way;
        figures come in text order, so most reuse the previous figure's sentence.
        """
        text = self.text
        before, after = self.sent_around  # -1: none before; len(text): none after
        if not before < pos < after:
            lo = pos - _SENT_LIMIT - 1
            if lo < after < pos:  # the previous sentence's end is the nearest one known
                lo = after
            if lo < 0:
                lo = 0
            hi = pos + _SENT_LIMIT + 1
            if hi > len(text):
                hi = len(text)
            last = first = -1  # the last end in [lo, pos), the first in [pos, hi)
            for ch in self.sent_ends:  # str.rfind/find: each window shrinks to the best so far
                j = text.rfind(ch, last + 1 if last >= 0 else lo, pos)
                if j >= 0:
                    last = j
                j = text.find(ch, pos, first if first >= 0 else hi)
                if j >= 0:
                    first = j
            before = last if last >= 0 else (-1 if lo == 0 else _FAR)
            after = first if first >= 0 else (len(text) if hi == len(text) else _FAR)
            if before != _FAR and after != _FAR:
                self.sent_around = (before, after)
        lo, hi = pos - _SENT_LIMIT, pos + _SENT_LIMIT
        start = before + 1 if before != _FAR and before >= lo else lo
        end = after if after != _FAR and after < hi else min(hi, len(text))
        return start, end

    def year_index(self, pos: int) -> int:
        """How many numeric years start before pos (bisect_left on year_pos).

        Figures come in text order, so pos mostly grows between calls: a cursor moves on
        from the last answer (a step back looks it up).
        """
        years = self.year_pos
        i = self.year_next
        if i and years[i - 1] >= pos:
            i = bisect_left(years, pos)
        n = len(years)
        while i < n and years[i] < pos:
            i += 1
        self.year_next = i
        return i

    def heading_index(self, pos: int) -> int:
        """How many headings start at or before pos (bisect_right on heading_starts; a cursor)."""
        starts = self.heading_starts
        i = self.heading_next
        if i and starts[i - 1] > pos:
            i = bisect_right(starts, pos)
        n = len(starts)
        while i < n and starts[i] <= pos:
            i += 1
        self.heading_next = i
        return i

    def years_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """(position, year) of the numeric years written in [start, end)."""
        pos = self.year_pos
        i = bisect_left(pos, start)
        if i == len(pos) or pos[i] >= end:
            return []
        j = bisect_left(pos, end, i)
        return list(zip(pos[i:j], self.year_val[i:j], strict=True))

    def clause(self, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """The comma-clause around [start, end), within the sentence [lo, hi), at most 80 chars."""
        text = self.text
        a = start - _CLAUSE_LIMIT
        if a < lo:
            a = lo
        m = _LAST_CLAUSE_END.match(text, a, start)
        limit = end + _CLAUSE_LIMIT
        if limit > hi:
            limit = hi
        e = _CLAUSE_END.search(text, end, limit)
        return (m.end() if m else a), (e.start() if e else limit)

    def block_genre(self, pos: int) -> Genre:
        """Genre of the text at pos: its headings' genre word, else its section's markers."""
        h = self.heading_index(pos) - 1
        if h >= 0:
            hg = self.heading_genres[h]
            if hg is not None:
                return hg
        pg = self._paragraph_genre(pos)
        if pg is not None:
            return pg
        i = bisect_right(self.block_starts, pos) - 1
        return self.block_genres[i] if i >= 0 else self.genre

    def _paragraph_genre(self, pos: int) -> Genre | None:
        """A paragraph that clearly reviews (过去一年…了…已) or clearly plans (将…力争…).

        The paragraph is read within _PARA_LIMIT characters either side of pos, so the figures
        of one paragraph share a window (and the cached genre) unless it is longer than that.
        """
        text = self.text
        lo = max(0, pos - _PARA_LIMIT)
        start = text.rfind("\n", lo, pos) + 1 or lo
        end = text.find("\n", pos, pos + _PARA_LIMIT)
        end = end if end >= 0 else min(len(text), pos + _PARA_LIMIT)
        key = (start, end)
        if key in self.para_cache:
            return self.para_cache[key]
        genre = self._paragraph_genre_at(start, end)
        self.para_cache[key] = genre
        return genre

    def _paragraph_genre_at(self, start: int, end: int) -> Genre | None:
        text = self.text
        future = _count(self.future_pos, start, end)
        past = _count(self.past_pos, start, end) + _count(self.other_past, start, end)
        if future == 0:
            if past >= 2:
                return "review"
            if self.doc_year is not None or self.period_year:
                i = bisect_left(self.year_pos, start)  # 2023年，… opens the paragraph
                if i < len(self.year_pos) and self.year_pos[i] < start + 12:
                    lead = self.year_val[i]
                    if self.doc_year is not None and lead < self.doc_year:
                        return "review"
                    if self.period_year and lead <= self.period_year:
                        return "review"
        if self.period is not None:
            period = _PERIOD.match(text, start, start + 12)
            if period and _PERIODS[period.group(1)] < self.period:
                return "review"  # “十三五”期间… in a 十四五 plan
        if future + past < 3:
            return None
        if past >= 2 * future + 1:
            return "review"
        if future >= 2 * past + 1:
            return "plan"
        return None

    def intro_year(self, pos: int, s_start: int = -1) -> int | None:
        """The year of the line that introduces the list holding pos: `到2025年，…达到：` above
        lines `——海洋生产总值：1600亿元；` (bounded: 12 lines, 400 characters a line).
        `s_start`: the start of pos's sentence, if known (its figures share their line)."""
        text = self.text
        at, ls = self.intro_line
        if at != s_start or at < 0 or ls <= pos - _LINE_LIMIT:  # not the last figure's line
            ls = text.rfind("\n", pos - _LINE_LIMIT if pos > _LINE_LIMIT else 0, pos) + 1
            self.intro_line = (s_start, ls) if ls else (-1, -1)
        if ls == 0:
            return None  # the first line, or a line too long to be a list item
        cache = self.intro_cache
        if ls in cache:  # the year depends on the line start only
            return cache[ls]
        found: int | None = None
        if text[ls - 2 : ls - 1] in ("：", ":") or _LIST_ITEM.match(text, ls):
            found = self._intro_walk(ls)  # right after an intro line, or a list item: walk up
        cache[ls] = found
        return found

    def _intro_walk(self, ls: int) -> int | None:
        text = self.text
        found: int | None = None
        line_start = ls
        for _ in range(12):
            if line_start == 0:
                break
            lo = max(0, line_start - 1 - _LINE_LIMIT)
            nl = text.rfind("\n", lo, line_start - 1)
            if nl < 0 and lo > 0:
                break  # a line longer than the limit: no list here
            prev = nl + 1
            line = text[prev : line_start - 1].strip(" \u3000\t\r")
            if line.endswith(("：", ":")):
                years = [y for p, y in self.years_in(prev, line_start) if not is_baseline(text, p)]
                found = years[-1] if years else None
                break
            if not _LIST_ITEM.match(line) or self.is_heading(prev):
                break
            line_start = prev
        return found

    def is_heading(self, line_start: int) -> bool:
        """A level-1/2 heading starts at line_start: a list does not run across one."""
        i = bisect_left(self.heading_starts, line_start)
        return (
            i < len(self.heading_starts)
            and self.heading_starts[i] <= line_start + 8
            and self.heading_levels[i] <= 2
        )

    def heading_year(self, pos: int) -> int | None:
        i = self.heading_index(pos) - 1
        return self.heading_years[i] if i >= 0 else None


def is_baseline(text: str, p: int) -> bool:
    """The year at p is a baseline (比2020年, 较 2020年): it is not the year a figure is for.

    (`(?:比|较|与|同|于)[ ]?$` in the two characters before p; `$` also before a line break.)
    """
    c = text[p - 1] if p else ""
    if c and c in "比较与同于":
        return True
    return (c == " " or c == "\n") and p > 1 and text[p - 2] in "比较与同于"


def _count(positions: list[int], lo: int, hi: int) -> int:
    return bisect_left(positions, hi) - bisect_left(positions, lo)


def _balance(future: int, past: int, title: str | None, default: Genre) -> tuple[Genre, int]:
    """Plan or review by the balance of future and past markers; evidence = marker count."""
    if title:
        if _REVIEW_TITLE.search(title):
            past += 10
        elif _PLAN_TITLE.search(title):
            future += 10
    if future + past < 3:
        return default, future + past
    return ("review" if past > 1.2 * future else "plan"), future + past


def _title_genre(title: str) -> Genre | None:
    review, plan = _REVIEW_HEADING.search(title), _PLAN_HEADING.search(title)
    if review and not plan:
        return "review"
    if plan and not review:
        return "plan"
    return None


@cache
def _doc_date() -> re.Pattern[str]:
    """A dateline (发布日期：2023-05-01); compiled on first need (most callers know the date)."""
    return re.compile(
        r"(?:发布时间|发布日期|日期|时间|成文日期)\s*[:：]?\s*((?:19|20)[0-9]{2})\s*[-年/.]"
        r"|(?<![0-9])((?:19|20)[0-9]{2})(?:-[01]?[0-9]-[0-3]?[0-9]|年[01]?[0-9]月[0-3]?[0-9]日)"
    )


def _doc_year(text: str) -> int | None:
    """Year of publication when a dateline gives one (first 1500 or last 600 characters)."""
    for chunk in (text[:1500], text[-600:]):
        labelled = [m for m in _doc_date().finditer(chunk) if m.group(1)]
        found = labelled or list(_doc_date().finditer(chunk))
        if found:
            m = found[0]
            return int(m.group(1) or m.group(2))
    return None


# a level-1 heading line; compiled (by re's cache) only when a caller passes no headings
_TOP_HEADING: Final = r"^[ \u3000]*[一二三四五六七八九十]{1,3}[、.．]([^\n。]{2,40})$"


def _top_headings(text: str) -> list[Heading]:
    """Level-1 `一、…` lines, for callers that pass no headings."""
    return [
        Heading(1, None, m.group(1), Span(m.start(), m.end()))
        for m in re.finditer(_TOP_HEADING, text, re.M)
    ]


def _years(text: str) -> tuple[list[int], list[int], list[tuple[int, str]]]:
    """Position and value of each numeric year (YEAR_RE), found from its 年; and the deadlines
    (2025年底前) that start at those years' digits.

    Years cannot overlap (each ends at its own 年), so trying YEAR_RE just before every 年 finds
    the same years as a YEAR_RE scan, and str.find skips through the text much faster.
    """
    year_pos: list[int] = []
    year_val: list[int] = []
    deadlines: list[tuple[int, str]] = []
    match = YEAR_RE.match
    i = text.find("年", 4)
    while i >= 0:
        prev = text[i - 1]  # a digit, or the space of `2025 年`: else neither can end here
        if prev == " ":
            m = match(text, i - 5) if i > 4 else None
            if m is not None:
                year_pos.append(i - 5)
                year_val.append(int(m.group(1)))
        elif "0" <= prev <= "9" or "０" <= prev <= "９":
            m = match(text, i - 4)
            if m is not None:
                year_pos.append(i - 4)
                year_val.append(int(m.group(1)))
            d = _YEAR_DEADLINE.match(text, i - 4) if prev <= "9" else None
            if d is not None:
                deadlines.append((i - 4, d.group(0)))
        i = text.find("年", i + 1)
    return year_pos, year_val, deadlines


def build_context(
    text: str, headings: Sequence[Heading], title: str | None, date: str | None = None
) -> DocContext:
    """`date`: the document's ISO date when the caller knows it (meta), else read from the text."""
    year_pos, year_val, year_deadlines = _years(text)
    marks = _Markers(text, year_deadlines)
    future_pos, past_pos, other_past = marks.future_pos, marks.past_pos, marks.other_pos

    def balance(lo: int, hi: int, title: str | None, default: Genre) -> tuple[Genre, int]:
        past = _count(past_pos, lo, hi) + _count(other_past, lo, hi)
        return _balance(_count(future_pos, lo, hi), past, title, default)

    genre, _ = balance(0, len(text), title, "plan")
    if genre == "plan" and _NEWS_CUE.search(text, 0, 400):
        # a dated news report (本报讯, 3月28日，…): past unless its markers clearly plan
        f, p = _count(future_pos, 0, len(text)), _count(past_pos, 0, len(text))
        genre, _ = _balance(f, p + len(other_past) + 6, title, "review")
    # sections under level-1 headings may differ (a work report reviews, then plans)
    if not headings:
        headings = _top_headings(text)
    tops = [h for h in headings if h.level == 1]
    block_starts: list[int] = []
    block_genres: list[Genre] = []
    for i, h in enumerate(tops):
        end = tops[i + 1].span.start if i + 1 < len(tops) else len(text)
        g, evidence = balance(h.span.start, end, None, genre)
        block_starts.append(h.span.start)
        block_genres.append(g if evidence >= 8 else genre)
    # a heading's year and its genre word (回顾 / 目标任务) apply to the text and headings below
    heading_starts: list[int] = []
    heading_years: list[int | None] = []
    heading_genres: list[Genre | None] = []
    stack: list[tuple[int, int | None, Genre | None]] = []
    for h in headings:
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        ym = YEAR_RE.search(h.title) if "年" in h.title else None
        own = int(ym.group(1)) if ym else None
        year = own if own is not None else (stack[-1][1] if stack else None)
        hg = _title_genre(h.title) or (stack[-1][2] if stack else None)
        stack.append((h.level, year, hg))
        heading_starts.append(h.span.start)
        heading_years.append(year)
        heading_genres.append(hg)
    deadlines = [
        int(text[p + 1 : p + 6].strip()[:4])
        for p, w in zip(marks.tense_pos, marks.tense_words, strict=True)
        if w == "到"
    ]
    period_m = _PERIOD_ANY.search(title or "") or _PERIOD_ANY.search(text, 0, 300)
    period = _PERIODS[period_m.group(1)] if period_m else None
    earlier_pos = (
        [m.start() for m in _PERIOD_ANY.finditer(text) if _PERIODS[m.group(1)] < period]
        if period is not None
        else []
    )
    return DocContext(
        tense_pos=marks.tense_pos,
        tense_future=marks.tense_future,
        tense_words=marks.tense_words,
        sent_ends="".join(ch for ch in "。\n！？!?" if ch in text),
        earlier_pos=earlier_pos,
        period=period,
        period_year=2000 + 5 * (period - 10) if period else None,
        text=text,
        year_pos=year_pos,
        year_val=year_val,
        doc_year=int(date[:4]) if date and date[:4].isdigit() else _doc_year(text),
        genre=genre,
        block_starts=block_starts,
        block_genres=block_genres,
        heading_starts=heading_starts,
        heading_years=heading_years,
        heading_levels=[h.level for h in headings],
        heading_genres=heading_genres,
        future_pos=future_pos,
        past_pos=past_pos,
        other_past=other_past,
        first_deadline=min(deadlines, default=None),
    )
