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
from functools import cache
from typing import Any, Final

from tuijin.ingest.numerals import parse_arabic_number
from tuijin.ingest.units import UNIT_FIRST_CHARS, UNIT_PATTERN, clean_unit

_D = "[0-9０-９]"
_PUA = "[\ue000-\uf8ff]"
# digits with an optional lost decimal point (PUA) between them, thousands groups, decimals
_NUM_REST = (
    rf"(?:{_D}|{_PUA}(?={_D})){{0,15}}(?![0-9０-９])(?:,[0-9]{{3}}(?![0-9])){{0,5}}"
    rf"(?:[.．]{_D}{{1,8}}(?![0-9０-９]))?"
)
_NUM = _D + _NUM_REST
# what can follow the first number: a range or product sign, 余/多, a space or a unit
_NEXT_FIRST = re.escape(UNIT_FIRST_CHARS + "~～〜-－—–至到×xX*＊余多 \u00a0\u3000")
# A character after the unit that cannot start the name of a thing.
NOT_NOUN_CHARS: Final = (
    '，,。、；;：:！!？?）)”"’」』》\n\r\t 　以左的和及或与等比较之减降达为是到至将已了要每'
    "作在由从向于各占约其并也就还又都仅而即若如"
)
NOUN_STOP: Final = r"，,。；;：:！!？?、\n\t|｜"  # a name runs up to these (a regex class body)
# The lookbehind sits after the first digit so that the regex engine can skip ahead to digits.
_FIGURE_RE: Final = re.compile(
    rf"(?P<n1>{_D}(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ\ue000-\uf8ff_/]{_D}){_NUM_REST})"
    rf"(?=[{_NEXT_FIRST}])"
    rf"(?:(?P<p1>[%％]|万亿|亿|千万|百万|万)?[ \u00a0]?(?P<sep>[~～〜\-－—–]|至|到)"
    rf"[ \u00a0]?(?P<n2>{_NUM})"
    rf"|(?P<x>[×xX*＊])(?P<n3>{_NUM}))?"
    rf"(?P<approx>余|多)?"
    rf"(?P<space>[ \u00a0\u3000])?"
    rf"(?P<unit>%|％|‰|{UNIT_PATTERN})"
    # the name right after the figure (3个千亿产业园), read in the same pass; not consumed
    rf"(?:(?=(?P<noun>[^{re.escape(NOT_NOUN_CHARS)}{NOUN_STOP}][^{NOUN_STOP}]{{0,23}})))?"
)
_PAGE_LABEL: Final = re.compile(
    r"(?:浏览|阅读|点击|访问|字数|版次|转发|评论|点赞|收藏|分享)(?:次数|量|数)?[:：]?[ \u3000]*$"
)
_QUOTE_OPEN = "“\"‘'「『"
_QUOTE_CLOSE = "”\"’'」』"
_SCHOOLISH = "学校幼医院高中小职大托养卫以左等和及、"
_PUNCT: Final = frozenset(",，。、；;：:！!？?（）()“”\"'‘’《》〈〉【】[]—…·")  # and white space
_DURATION_AFTER: Final = ("月", "多月", "小时", "工作日", "季度", "星期", "礼拜", "年", "周", "钟")


@dataclass(slots=True, eq=False)
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
    noun: str = ""  # the name right after the figure (kind.noun_after), "" when none


@cache
def _pua() -> re.Pattern[str]:
    """Private-use characters (compiled on first need: the range is slow to compile)."""
    return re.compile(_PUA)


def _num(s: str) -> int | float:
    value = parse_arabic_number(s)
    return 0 if value is None else value


_UNIT_CHECKED: Final = frozenset(
    ["名", "位", "强", "所", "G", "M", "g", "个", "次", "批", "期", "届", "天", "部", "岁"]
)
# the last character before a page label's figure (浏览次数：, 阅读量 …), or a colon, space or line
# break that may stand between them: a figure after anything else needs no _PAGE_LABEL search
_PAGE_TAIL: Final = frozenset("览读击问数次量发论赞藏享:： \u3000\n")
_PREV_STOP: Final = frozenset("第+＋")  # an ordinal (第3), a joined code (3+8)
# The character before a figure that some check needs: 第, +, a quote mark, the end of a page
# label (浏览次数：) or a space in front of them. Most figures follow none: one test skips them all.
_SUSPECT_BEFORE: Final = _PREV_STOP | frozenset(_QUOTE_OPEN) | _PAGE_TAIL


def _excluded(text: str, m: re.Match[str], unit: str, first: float, start: int, end: int) -> bool:
    """Local checks that tell a measurement from a label, rank, name or duration."""
    nxt = text[end : end + 1]
    if nxt and nxt in "+＋#＃":
        return True  # joined code 3+8, unit label
    prev = text[start - 1] if start else ""
    if prev in _SUSPECT_BEFORE:
        if prev in _PAGE_TAIL and _PAGE_LABEL.search(text, max(0, start - 8), start):
            return True  # 浏览次数：1234次, 字数 3,997: page metadata
        if prev == " " or prev == "\u3000":  # the character before the spaces (two at most)
            prev = text[start - 2] if start > 1 else ""
            if prev == " " or prev == "\u3000":
                prev = ""
        if prev in _PREV_STOP:
            return True  # ordinal, joined code 3+8
        if prev and prev in _QUOTE_OPEN:
            close = text[end : end + 6]
            if any(q in close for q in _QUOTE_CLOSE):
                return True  # “111”, “3区”: a slogan, not a measurement
    if unit in _UNIT_CHECKED and _unit_excluded(text, m, unit, first, prev, nxt):
        return True
    if unit == "度" and not m.group("unit").startswith(("万", "亿", "千")):
        return True
    lo = start - 12 if start > 12 else 0
    if (text.find("“", lo, start) >= 0 or text.find("「", lo, start) >= 0) and _in_short_quote(
        text, start, end
    ):
        return True  # “1个中心、3个基地”: a slogan
    # inside 《a title》: the figure belongs to the title, not to this text
    open_pos = text.rfind("《", start - 60 if start > 60 else 0, start)
    return open_pos >= 0 and text.find("》", open_pos, start) < 0


def _unit_excluded(
    text: str, m: re.Match[str], unit: str, first: float, prev: str, nxt: str
) -> bool:
    """Checks that only concern some measure words (ranks, institutes, durations, ages)."""
    start, end = m.start(), m.end()
    if prev == "前" and unit in ("名", "位", "强"):
        return True  # 前10名: a rank
    n1 = m.group("n1")
    if (
        unit == "所"
        and 3 <= len(n1) <= 4  # [1-9][0-9]{2,3}
        and n1.isascii()
        and n1.isdigit()
        and n1[0] != "0"
        and int(n1) % 50
        and m.group("approx") is None
        and nxt
        and nxt not in _SCHOOLISH
        and nxt not in _PUNCT
        and not nxt.isspace()
    ):
        return True  # 510所兰州航天…: an institute's number, not a count of schools
    if unit in ("G", "M", "g") and first < 10:
        return True  # 5G, 4G: a generation name
    if unit == "个" and text.startswith(_DURATION_AFTER, end):
        return True  # 3个月: a duration
    if unit in ("次", "批", "期", "届") and nxt == "会":
        return True
    if unit == "天" and "天数" not in text[max(0, start - 12) : start]:
        return True  # a duration; only a count of days (优良天数320天) measures something
    if unit == "期" and text.startswith(("工程", "项目", "建设"), end):
        return True  # 3期工程: a phase, not a count
    if unit == "部" and nxt == "门":
        return True  # 3部门 is not 3 部
    return unit == "岁" and "寿命" not in text[max(0, start - 10) : start]


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Inside a quoted phrase of at most ~24 characters (curly quotes only)."""
    lo = max(0, start - 12)
    if text.find("“", lo, start) < 0 and text.find("「", lo, start) < 0:
        return False
    before = text[lo:start]
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
    append = out.append
    for m in _FIGURE_RE.finditer(text):
        n1, p1, n2, n3, raw_unit, noun = m.group("n1", "p1", "n2", "n3", "unit", "noun")
        unit = clean_unit(raw_unit)
        if p1 is not None:
            if p1 in ("%", "％"):
                if unit not in ("%", "个百分点", "百分点"):
                    continue  # 10%-15%: both ends are percentages
            elif not unit.startswith(p1):
                continue  # 3万-5万吨: both ends share the magnitude
        v1 = int(n1) if n1.isascii() and n1.isdigit() else _num(n1)
        first = float(v1)
        start, end = m.span()
        if _excluded(text, m, unit, first, start, end):
            continue
        value: Any
        if n2 is not None:
            value = [v1, _num(n2)]
        elif n3 is not None:
            value = [v1, "x", _num(n3)]
        else:
            value = v1
        negative = (
            start > 0 and text[start - 1] in "-－−" and (start < 2 or not text[start - 2].isalnum())
        )
        unit_start = m.start("unit")
        # a private-use character can only sit in the numbers, never in the unit
        garbled = (
            not n1.isascii()
            or (n2 is not None and not n2.isascii())
            or (n3 is not None and not n3.isascii())
        ) and _pua().search(text, start, unit_start) is not None
        whole = m.group(0)
        append(
            RawFigure(
                start, end, whole, value, unit, first, garbled, negative, unit_start, noun or ""
            )
        )
    return out
