"""Where a figure stands: its sentence, clause, year, heading and the genre of its section.

Years, tense markers and sentence ends are found in one whole-text scan each and looked up per
figure with bisect; clauses, paragraphs and list intros are read within bounded windows. So the
cost is linear in the text and in the number of figures (no scan back to the text's start).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from tuijin.ingest.result import Heading, Span

Genre = Literal["plan", "review"]

_SENT_END: Final = re.compile(r"[。！？!?\n]")
_CLAUSE_END: Final = re.compile(r"[。！？!?\n，,；;：:]")
YEAR_RE: Final = re.compile(
    r"((?:19|20|１９|２０)(?<![0-9０-９][12１２][0-9０-９])[0-9０-９]{2})[ ]?年(?!代)"
)
_DOC_DATE: Final = re.compile(
    r"(?:发布时间|发布日期|日期|时间|成文日期)\s*[:：]?\s*((?:19|20)[0-9]{2})\s*[-年/.]"
    r"|(?<![0-9])((?:19|20)[0-9]{2})(?:-[01]?[0-9]-[0-3]?[0-9]|年[01]?[0-9]月[0-3]?[0-9]日)"
)
# Tense markers. Future: the text sets an aim; past: it reports a result or a present state.
FUTURE_RE: Final = re.compile(
    r"将(?![其来近])(?![^，。,；;]{0,14}?(?:作为|纳入|列为|列入|转化为|打造成|融入|融为))"
    r"|建成后|投产后|达产后|届时|力争|争取|预计|预期|目标|确保|下一步|今后|明年|拟"
    r"|计划(?=投资|总投资|实施|新建|建设|开工|完成|安排|于|到|在)|计划(?<!年度计划)(?<!工作计划)(?<!行动计划)(?![单的，,。；;、）)])"
    r"|到(?<![加长高降少升大展扩]到)(?=[ ]?20[0-9]{2}[ ]?年)"
    r"|20[0-9]{2}年(?:底|末)?(?:以)?前(?!期|列)"
    r"|要(?<![主重需纲提摘简紧必只概]要)(?![求素点闻件])"
)
PAST_RE: Final = re.compile(
    r"已(?![经]?[有])(?![^，。,；;]{0,8}基础上)|累计|截至|截止|去年|上年|过去|以来|目前|现已"
    r"|历年|年来|通报|据悉|据了解|据统计"
    r"|[0-9]{1,2}[—\-－~～至到][0-9]{1,2}月(?![底末])"
)
_REPORTING: Final = re.compile(
    r"同比|比上年|较上年|记者|获悉|这一年|稳中有进|成绩|召开|举行|会议指出"
)
_LE = r"了(?<![为除]了)(?![解如])"
# One scan for all markers; the leading look-ahead on their first characters lets the regex
# engine skip the rest of the text quickly (the alternation alone is three times slower).
_MARKER_FIRST = (
    "将建投达届力争预目确下今明拟计到要已累截去上过以现历年通据同比较记获了这稳成召举会0123456789"
)
_MARKER_RE: Final = re.compile(
    rf"(?=[{_MARKER_FIRST}])(?:(?P<f>{FUTURE_RE.pattern})|(?P<p>{PAST_RE.pattern})"
    rf"|(?P<o>{_REPORTING.pattern}|{_LE}))"
)
_PLAN_TITLE: Final = re.compile(r"方案|规划|意见|通知|计划|纲要|办法|要点|措施|决定|安排|目标")
_REVIEW_TITLE: Final = re.compile(r"综述|回眸|回顾|成就|成效|纪实|巡礼|盘点|总结")
_REVIEW_HEADING: Final = re.compile(
    r"回顾|过去|成绩|成效|成就|工作总结|进展情况|完成情况|发展基础|发展现状|基本情况|现状"
)
_PLAN_HEADING: Final = re.compile(r"目标|任务|安排|重点工作|预期|部署|举措|思路|总体要求|展望")


_NEWS_CUE: Final = re.compile(
    r"本报讯|日电|日讯|讯[(（]|记者|通讯员|^[^\n]{0,40}\n?[0-9]{1,2}月[0-9]{1,2}日[，,]", re.M
)
_PERIODS: Final = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15, "六": 16}
_PERIOD_ANY: Final = re.compile(r"十([一二三四五六])五")
_PERIOD: Final = re.compile(r"[“\"]?十([一二三四五六])五")
_LINE_LIMIT: Final = 400
_BASELINE: Final = re.compile(r"(?:比|较|与|同|于)[ ]?$")
# a line of a list: ——海洋生产总值：…, · …, ① …, （1）…, 1. …
_LIST_ITEM: Final = re.compile(
    r"[ \u3000\t]*(?:—|-|－|·|•|●|▪|◆|■|[①-⑳]|[（(][0-9]{1,2}[)）]|[0-9]{1,2}[.．、]"
    r"|[一二三四五六七八九十]是)"
)
_LAST_CLAUSE_END: Final = re.compile(r".*[。！？!?\n，,；;：:]", re.S)
_SENT_LIMIT: Final = 600  # a sentence longer than this is cut: bounded work per figure
_CLAUSE_LIMIT: Final = 80
_PARA_LIMIT: Final = 1500


@dataclass(slots=True)
class DocContext:
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
    future_pos: list[int]
    future_words: list[str]
    past_pos: list[int]
    past_words: list[str]
    other_past: list[int]
    first_deadline: int | None  # the earliest 到YYYY年 of the text: a plan's horizon
    sent_ends: list[int] = field(default_factory=list)  # positions of 。！？!? and line ends
    para_cache: dict[int, Genre | None] = field(default_factory=dict)
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
        """[start, end) of the 。-sentence holding pos (the end excludes the terminator)."""
        ends = self.sent_ends
        i = bisect_left(ends, pos)
        start = ends[i - 1] + 1 if i else 0
        if start < pos - _SENT_LIMIT:
            start = pos - _SENT_LIMIT
        end = ends[i] if i < len(ends) else len(self.text)
        if end > pos + _SENT_LIMIT:
            end = min(len(self.text), pos + _SENT_LIMIT)
        return start, end

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
        c_start = m.end() if m else a
        limit = end + _CLAUSE_LIMIT
        if limit > hi:
            limit = hi
        e = _CLAUSE_END.search(text, end, limit)
        return c_start, e.start() if e else limit

    def block_genre(self, pos: int) -> Genre:
        """Genre of the text at pos: its headings' genre word, else its section's markers."""
        h = bisect_right(self.heading_starts, pos) - 1
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
        """A paragraph that clearly reviews (过去一年…了…已) or clearly plans (将…力争…)."""
        text = self.text
        lo = max(0, pos - _PARA_LIMIT)
        start = text.rfind("\n", lo, pos) + 1 or lo
        if start in self.para_cache:
            return self.para_cache[start]
        genre = self._paragraph_genre_at(start, pos)
        self.para_cache[start] = genre
        return genre

    def _paragraph_genre_at(self, start: int, pos: int) -> Genre | None:
        text = self.text
        end = text.find("\n", pos, pos + _PARA_LIMIT)
        end = end if end >= 0 else min(len(text), pos + _PARA_LIMIT)
        future = _count(self.future_pos, start, end)
        past = _count(self.past_pos, start, end) + _count(self.other_past, start, end)
        if future == 0 and past >= 2:
            return "review"
        lead = self.years_in(start, start + 12)  # 2023年，… opens the paragraph
        if lead and self.doc_year is not None and future == 0 and lead[0][1] < self.doc_year:
            return "review"
        if lead and self.period_year and lead[0][1] <= self.period_year and future == 0:
            return "review"
        period = _PERIOD.match(text, start, start + 12)
        if period and self.period is not None and _PERIODS[period.group(1)] < self.period:
            return "review"  # “十三五”期间… in a 十四五 plan
        if future + past < 3:
            return None
        if past >= 2 * future + 1:
            return "review"
        if future >= 2 * past + 1:
            return "plan"
        return None

    def intro_year(self, pos: int) -> int | None:
        """The year of the line that introduces the list holding pos: `到2025年，…达到：` above
        lines `——海洋生产总值：1600亿元；` (bounded: 12 lines, 400 characters a line)."""
        text = self.text
        ls = text.rfind("\n", max(0, pos - _LINE_LIMIT), pos) + 1
        if ls == 0:
            return None  # the first line, or a line too long to be a list item
        if text[ls - 2 : ls - 1] not in ("：", ":") and not _LIST_ITEM.match(text, ls):
            return None  # neither right after an intro line nor a list item: no walk
        if ls in self.intro_cache:
            return self.intro_cache[ls]
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
                years = [
                    y for p, y in self.years_in(prev, line_start)
                    if not _BASELINE.search(text, max(0, p - 2), p)
                ]  # fmt: skip
                found = years[-1] if years else None
                break
            if not _LIST_ITEM.match(line) or self.is_heading(prev):
                break
            line_start = prev
        self.intro_cache[ls] = found
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
        i = bisect_right(self.heading_starts, pos) - 1
        return self.heading_years[i] if i >= 0 else None


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


def _doc_year(text: str) -> int | None:
    """Year of publication when a dateline gives one (first 1500 or last 600 characters)."""
    for chunk in (text[:1500], text[-600:]):
        labelled = [m for m in _DOC_DATE.finditer(chunk) if m.group(1)]
        found = labelled or list(_DOC_DATE.finditer(chunk))
        if found:
            m = found[0]
            return int(m.group(1) or m.group(2))
    return None


_TOP_HEADING: Final = re.compile(
    r"^[ \u3000]*[一二三四五六七八九十]{1,3}[、.．]([^\n。]{2,40})$", re.M
)


def _top_headings(text: str) -> list[Heading]:
    """Level-1 `一、…` lines, for callers that pass no headings."""
    return [
        Heading(1, None, m.group(1), Span(m.start(), m.end())) for m in _TOP_HEADING.finditer(text)
    ]


def build_context(
    text: str, headings: Sequence[Heading], title: str | None, date: str | None = None
) -> DocContext:
    """`date`: the document's ISO date when the caller knows it (meta), else read from the text."""
    year_pos: list[int] = []
    year_val: list[int] = []
    for m in YEAR_RE.finditer(text):
        year_pos.append(m.start())
        year_val.append(int(m.group(1)))
    future_pos: list[int] = []
    future_words: list[str] = []
    past_pos: list[int] = []
    past_words: list[str] = []
    other_past: list[int] = []  # 了 and reporting words: genre evidence only
    for m in _MARKER_RE.finditer(text):
        if m.lastgroup == "f":
            future_pos.append(m.start())
            future_words.append(m.group(0))
        elif m.lastgroup == "p":
            past_pos.append(m.start())
            past_words.append(m.group(0))
        else:
            other_past.append(m.start())

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
        ym = YEAR_RE.search(h.title)
        own = int(ym.group(1)) if ym else None
        year = own if own is not None else (stack[-1][1] if stack else None)
        hg = _title_genre(h.title) or (stack[-1][2] if stack else None)
        stack.append((h.level, year, hg))
        heading_starts.append(h.span.start)
        heading_years.append(year)
        heading_genres.append(hg)
    deadlines = [
        int(text[p + 1 : p + 6].strip()[:4]) for p, w in zip(future_pos, future_words, strict=True)
        if w == "到"
    ]  # fmt: skip
    period_m = _PERIOD_ANY.search(title or "") or _PERIOD_ANY.search(text, 0, 300)
    period = _PERIODS[period_m.group(1)] if period_m else None
    earlier_pos = (
        [m.start() for m in _PERIOD_ANY.finditer(text) if _PERIODS[m.group(1)] < period]
        if period is not None
        else []
    )
    return DocContext(
        earlier_pos=earlier_pos,
        sent_ends=[m.start() for m in _SENT_END.finditer(text)],
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
        future_words=future_words,
        past_pos=past_pos,
        past_words=past_words,
        other_past=other_past,
        first_deadline=min(deadlines, default=None),
    )


def markers(positions: list[int], words: list[str], lo: int, hi: int) -> list[tuple[int, str]]:
    """(position, word) of the markers that start in [lo, hi)."""
    i = bisect_left(positions, lo)
    if i == len(positions) or positions[i] >= hi:
        return []
    j = bisect_left(positions, hi, i)
    return list(zip(positions[i:j], words[i:j], strict=True))
