"""Find figures written with Arabic digits: one compiled regex over the whole text.

The regex finds a number (thousands separators, decimals, a lost decimal point written as a
private-use character), an optional range (2~4, 10%-15%) or product (2×330), an optional
余/多 and a unit (see units.py). Cheap local checks then drop what is not a measurement:
ordinals (第3), slogans in quotes (“111”), joined codes (3+8), institute names (510所),
generation names (5G), durations (3个月), ranks (前10名), figures inside 《titles》.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from tuijin.ingest.numerals import parse_arabic_number
from tuijin.ingest.units import UNIT_PATTERN, clean_unit

_D = "[0-9０-９]"
_PUA = "[\ue000-\uf8ff]"
# digits with an optional lost decimal point (PUA) between them, thousands groups, decimals
_NUM_REST = (
    rf"(?:{_D}|{_PUA}(?={_D})){{0,15}}(?![0-9０-９])(?:,[0-9]{{3}}(?![0-9])){{0,5}}"
    rf"(?:[.．]{_D}{{1,8}}(?![0-9０-９]))?"
)
_NUM = _D + _NUM_REST
# The lookbehind sits after the first digit so that the regex engine can skip ahead to digits.
_FIGURE_RE: Final = re.compile(
    rf"(?P<n1>{_D}(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ\ue000-\uf8ff_/]{_D}){_NUM_REST})"
    rf"(?:(?P<p1>[%％]|万亿|亿|千万|百万|万)?[ \u00a0]?(?P<sep>[~～〜\-－—–]|至|到)"
    rf"[ \u00a0]?(?P<n2>{_NUM})"
    rf"|(?P<x>[×xX*＊])(?P<n3>{_NUM}))?"
    rf"(?P<approx>余|多)?"
    rf"(?P<space>[ \u00a0\u3000])?"
    rf"(?P<unit>%|％|‰|{UNIT_PATTERN})"
)
_INSTITUTE_NO: Final = re.compile(r"[1-9][0-9]{2,3}")
_PUA_RE: Final = re.compile(_PUA)
_PAGE_LABEL: Final = re.compile(
    r"(?:浏览|阅读|点击|访问|字数|版次|转发|评论|点赞|收藏|分享)(?:次数|量|数)?[:：]?[ \u3000]*$"
)
_QUOTE_OPEN = "“\"‘'「『"
_QUOTE_CLOSE = "”\"’'」』"
_SCHOOLISH = "学校幼医院高中小职大托养卫以左等和及、"
_PUNCT_RE: Final = re.compile(r"[\s,，。、；;：:！!？?（）()“”\"'‘’《》〈〉【】\[\]—…·]")
_DURATION_AFTER: Final = ("月", "多月", "小时", "工作日", "季度", "星期", "礼拜", "年", "周", "钟")


@dataclass(slots=True)
class RawFigure:
    start: int
    end: int
    text: str
    value: Any  # int | float | list
    unit: str
    first: float  # the first number, for checks
    garbled: bool  # a private-use character sat between digits
    negative: bool
    unit_start: int  # where the unit as written starts (it ends at `end`)


def _num(s: str) -> int | float:
    value = parse_arabic_number(s)
    return 0 if value is None else value


def _excluded(text: str, m: re.Match[str], unit: str, first: float) -> bool:
    """Local checks that tell a measurement from a label, rank, name or duration."""
    start, end = m.start(), m.end()
    before = text[max(0, start - 2) : start].rstrip(" \u3000")
    prev = before[-1:] if before else ""
    nxt = text[end : end + 1]
    if prev == "第" or prev in "+＋" or text[end : end + 1] in "+＋#＃":
        return True  # ordinal, joined code 3+8, unit label
    n1 = m.group("n1")
    if text[m.end("n1") : m.end("n1") + 1] in "+＋":
        return True
    if prev and prev in _QUOTE_OPEN:
        close = text[end : end + 6]
        if any(q in close for q in _QUOTE_CLOSE):
            return True  # “111”, “3区”: a slogan, not a measurement
    if _in_short_quote(text, start, end):
        return True  # “1个中心、3个基地”: a slogan
    if _PAGE_LABEL.search(text, max(0, start - 8), start):
        return True  # 浏览次数：1234次, 字数 3,997: page metadata
    if prev == "前" and unit in ("名", "位", "强"):
        return True  # 前10名: a rank
    if (
        unit == "所"
        and _INSTITUTE_NO.fullmatch(n1)
        and int(n1) % 50
        and m.group("approx") is None
        and nxt
        and nxt not in _SCHOOLISH
        and not _PUNCT_RE.match(nxt)
    ):
        return True  # 510所兰州航天…: an institute's number, not a count of schools
    if unit in ("G", "M", "g") and first < 10:
        return True  # 5G, 4G: a generation name
    if unit == "个" and any(text.startswith(w, end) for w in _DURATION_AFTER):
        return True  # 3个月: a duration
    if unit in ("次", "批", "期", "届") and nxt in "会":
        return True
    if unit == "天" and "天数" not in text[max(0, start - 12) : start]:
        return True  # a duration; only a count of days (优良天数320天) measures something
    if unit == "期" and text.startswith(("工程", "项目", "建设"), end):
        return True  # 3期工程: a phase, not a count
    if unit == "部" and nxt == "门":
        return True  # 3部门 is not 3 部
    if unit == "岁" and "寿命" not in text[max(0, start - 10) : start]:
        return True  # an age; only life expectancy (预期寿命79岁) measures something
    if unit == "度" and not m.group("unit").startswith(("万", "亿", "千")):
        return True
    # inside 《a title》: the figure belongs to the title, not to this text
    window = text[max(0, start - 60) : start]
    open_pos = window.rfind("《")
    return open_pos >= 0 and "》" not in window[open_pos:]


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Inside a quoted phrase of at most ~24 characters (curly quotes only)."""
    before = text[max(0, start - 12) : start]
    i = max(before.rfind("“"), before.rfind("「"))
    if i < 0 or max(before.rfind("”"), before.rfind("」")) > i:
        return False
    after = text[end : end + 12]
    j = min((k for k in (after.find("”"), after.find("」")) if k >= 0), default=-1)
    if j < 0 or max(after.rfind("“", 0, j), after.rfind("「", 0, j)) >= 0:
        return False
    quoted = before[i + 1 :] + after[:j]
    return not any(p in quoted for p in "，,。；;！？")  # a quoted remark is not a slogan


def scan_figures(text: str) -> list[RawFigure]:
    """All Arabic-digit figures with a unit, in document order."""
    out: list[RawFigure] = []
    for m in _FIGURE_RE.finditer(text):
        raw_unit = m.group("unit")
        unit = clean_unit(raw_unit)
        p1 = m.group("p1")
        if p1 in ("%", "％"):
            if unit not in ("%", "个百分点", "百分点"):
                continue  # 10%-15%: both ends are percentages
        elif p1 and not unit.startswith(p1):
            continue  # 3万-5万吨: both ends share the magnitude
        n1 = m.group("n1")
        first = float(_num(n1))
        if _excluded(text, m, unit, first):
            continue
        value: Any
        if m.group("n2") is not None:
            value = [_num(n1), _num(m.group("n2"))]
        elif m.group("n3") is not None:
            value = [_num(n1), "x", _num(m.group("n3"))]
        else:
            value = _num(n1)
        start = m.start()
        negative = (
            start > 0 and text[start - 1] in "-－−" and (start < 2 or not text[start - 2].isalnum())
        )
        garbled = bool(_PUA_RE.search(m.group(0)))
        out.append(
            RawFigure(
                start, m.end(), m.group(0), value, unit, first, garbled, negative, m.start("unit")
            )
        )
    return out
