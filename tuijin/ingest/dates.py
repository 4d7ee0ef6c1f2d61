"""Dates in plan text: deadlines, phase ranges, recurring report months and plain dates.

One alternation regex over the simplified twin finds them all in a single pass; the order of
the alternatives decides overlaps (a range before a deadline before a plain date).
Helpers here also turn Chinese-numeral dates (二〇一二年九月二十九日) into ISO strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .result import DateMention, Span

_CN_DIGIT = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "两": 2,
}
CN_YEAR = "[〇○零OＯ一二三四五六七八九]{4}"
CN_SMALL = "[一二三四五六七八九十]{1,3}"


def cn_number(s: str) -> int | None:
    """Arabic or small Chinese numeral (≤ 99) → int; a 4-digit Chinese year digit by digit."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if not s or any(c not in _CN_DIGIT and c != "十" for c in s):
        return None
    if "十" not in s:
        value = 0
        for c in s:
            value = value * 10 + _CN_DIGIT[c]
        return value
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO string of a possibly partial date; None when the parts are out of range."""
    if year is None or not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_Y = r"(?:19|20)\d{2}"
_DATES = re.compile(
    # 2012年8月到2016年6月 / 2021—2025年 / 2016年7月到12月
    rf"(?P<range>(?P<ry1>{_Y})\s*年?\s*(?:(?P<rm1>\d{{1,2}})\s*月(?:份)?)?\s*(?:到|至|—+|－|–|-|~|～)"
    rf"\s*(?:(?P<ry2>{_Y})\s*年?)?\s*(?:(?P<rm2>\d{{1,2}})\s*月(?:份)?)?)"
    # 每年6月和12月 / 每季度末
    r"|(?P<rec>每(?:年|半年|季度|月)(?P<months>(?:\d{1,2}月份?(?:[和、及与至到]|\s)*)*"
    r"(?:底|末|初|中旬|上旬|下旬)?))"
    # 2025年2月5日前 / 2025年底前 / 到2015年
    rf"|(?P<dl>(?:(?:到|至|截至|截止到?|力争到|计划到|在)\s*)?(?P<dy>{_Y})\s*年"
    r"(?:\s*(?P<dm>\d{1,2})\s*月(?:\s*(?P<dd>\d{1,2})\s*日)?)?"
    r"(?P<dsuf>底前|末前|年底前|上半年|下半年|前|以前|之前|底|末)?)"
    r"|(?P<rel>(?:今年|本年度?|当年)?(?:年内|年底前|年末前|年底|上半年|下半年))"
)


# Every date mention holds one of these; each alternative starts with a literal, so the regex
# engine skips ahead quickly (the full pattern is then tried only near a hit).
_HINT = re.compile(r"1[9]\d\d|2[0]\d\d|每[年季月半]|年[内底末]|上半年|下半年")
_BACK = 6  # longest prefix before a hint: "截止到 " / "本年度"
_FIRST = frozenset("12每到至截力计在今本当年上下")  # what a _DATES match can start with


def _matches(simp: str) -> Iterator[re.Match[str]]:
    last_end = 0
    for hint in _HINT.finditer(simp):
        p = hint.start()
        if p < last_end:
            continue
        for s in range(max(last_end, p - _BACK), p + 1):
            if simp[s] not in _FIRST:
                continue
            m = _DATES.match(simp, s)
            if m and m.end() > p:
                last_end = m.end()
                yield m
                break


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def extract_dates(text: str, simp: str, *, limit: int = 50_000) -> list[DateMention]:
    """All date mentions, in order; `limit` bounds the count on pathological input."""
    out: list[DateMention] = []
    for m in _matches(simp):
        if len(out) >= limit:
            break
        span = Span(m.start(), m.end())
        raw = text[m.start() : m.end()]
        if m.group("range"):
            y1, y2 = _int(m.group("ry1")), _int(m.group("ry2"))
            m1, m2 = _int(m.group("rm1")), _int(m.group("rm2"))
            if y2 is None and m2 is None:
                continue  # "2012年-" without an end
            end_year = y2 if y2 is not None else y1
            if end_year is None or y1 is None or end_year < y1:
                continue
            out.append(DateMention(raw, span, "range", iso(y1, m1), iso(end_year, m2)))
        elif m.group("rec"):
            months = [int(x) for x in re.findall(r"(\d{1,2})月", m.group("months") or "")]
            out.append(
                DateMention(raw, span, "recurring", months=[x for x in months if 1 <= x <= 12])
            )
        elif m.group("dl"):
            y, mo, d = _int(m.group("dy")), _int(m.group("dm")), _int(m.group("dd"))
            suffix = m.group("dsuf") or ""
            prefix = raw[: raw.find(m.group("dy"))].strip()
            if "前" in suffix or prefix or suffix in ("底", "末"):
                year_end = suffix in ("底前", "年底前", "底", "末", "末前") and mo is None
                end = iso(y, 12, 31) if year_end else None
                out.append(DateMention(raw, span, "deadline", None, end or iso(y, mo, d)))
            elif d is not None or mo is not None:
                out.append(DateMention(raw, span, "date", iso(y, mo, d)))
        else:
            out.append(DateMention(raw, span, "deadline"))
    return out


_FULL_DIGIT = re.compile(rf"({_Y})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
_FULL_CN = re.compile(rf"({CN_YEAR})\s*年\s*({CN_SMALL})\s*月\s*({CN_SMALL})\s*日")
_FULL_DASH = re.compile(rf"({_Y})[-/.](\d{{1,2}})[-/.](\d{{1,2}})")


def parse_full_date(s: str) -> tuple[str, int, int] | None:
    """The first complete date in s (digits, Chinese numerals or 2023-07-02): (iso, start, end)."""
    best: tuple[str, int, int] | None = None
    for pattern in (_FULL_DIGIT, _FULL_CN, _FULL_DASH):
        m = pattern.search(s)
        if not m:
            continue
        y, mo, d = (cn_number(g) for g in m.groups())
        value = iso(y, mo, d)
        if value and (best is None or m.start() < best[1]):
            best = (value, m.start(), m.end())
    return best
