"""The heading tree: numbered outline labels and unnumbered news headlines.

Levels follow SCHEMA.md: 一、 → 1, （一） → 2, 1、/1. → 3, （1） → 4. Documents organised in
第X章/第X节 (or 第X部分) push those shapes to the top and the numbered shapes one or two levels
down. A numbered paragraph whose first sentence is a title (`1、石油化工产业。以…`) gives that
sentence as the title. Unnumbered headlines are short standalone lines between body paragraphs;
they are looked for only when the document has no numbered outline of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from .lexicon import words
from .result import Heading, Span
from .segment import Line

_CN = "一二三四五六七八九十百零〇○两"
_SEP = r"[、.．,，]"
_BIG = "壹贰貳叁參肆伍陆陸柒捌玖拾"  # 壹、 outranks 一、 in some (often traditional) plans
_DIGITS = "0123456789"
# Enclosed numerals (㈠ ⑴) stand for their plain labels.
_ENCLOSED = {chr(0x3220 + i): "一二三四五六七八九十"[i] for i in range(10)}
_ENCLOSED.update({chr(0x2474 + i): str(i + 1) for i in range(20)})
# (kind, first characters, regex) in order of precedence; group "label" is the numeral, the rest
# of the line follows the match. A line is tried only against the shapes its first character opens.
_SHAPE_TABLE: list[tuple[str, str, str]] = [
    ("chapter", "第", rf"第(?P<label>[{_CN}\d]{{1,4}})(?:章|部分|篇)[\s:：、.．]*"),
    ("chapter", _BIG, rf"(?P<label>[{_BIG}]{{1,3}})\s*[、.．]\s*"),
    ("section", "第", rf"第(?P<label>[{_CN}\d]{{1,4}})节[\s:：、.．]*"),
    ("article", "第", rf"第(?P<label>[{_CN}\d]{{1,4}})条[\s:：、.．]*"),
    ("l1", _CN, rf"(?P<label>[{_CN}]{{1,3}})\s*[、.．]\s*"),
    ("l2", "（(", rf"[（(]\s*(?P<label>[{_CN}]{{1,3}})\s*[）)]\s*{_SEP}?\s*"),
    ("l3", _DIGITS, r"(?P<label>\d{1,2})\s*(?:[、．]|\.(?![\d.]))\s*"),
    ("l4", "（(", rf"[（(]\s*(?P<label>\d{{1,2}})\s*[）)]\s*{_SEP}?\s*"),
    ("l4", _DIGITS, r"(?P<label>\d{1,2})[）)]\s*"),
    ("l2", "".join(_ENCLOSED)[:10], r"(?P<label>[㈠-㈩])\s*"),
    ("l4", "".join(_ENCLOSED)[10:], r"(?P<label>[⑴-⒇])\s*"),
]
# The shapes a line's first character can open, in order of precedence.
_SHAPES: dict[str, list[tuple[str, str]]] = {}
for _kind, _first, _pattern in _SHAPE_TABLE:
    for _c in _first:
        _SHAPES.setdefault(_c, []).append((_kind, _pattern))
_NUMERALS = frozenset(_CN)
_LIST_MARKS = frozenset("、，,月季日号")
_BASE_LEVEL = {"l1": 1, "l2": 2, "l3": 3, "l4": 4}
_GAP = re.compile(r"\u3000|\s{2,}")
_TITLE_END = re.compile(r"[。！？!?；;]")
_TRAILING_MARKER = (
    r"[（(](?:[^（()）]{0,200}(?:单位|部门|负责|牵头)[^（()）]{0,200}|[^（()）]{1,200}[局委厅办府])"
    r"[）)]\s*$"
)
_STRIP = " \t\u3000\u00a0。，,、；;：:！!？?"
_FIGURE = r"\d(?:[\d.]*)\s*(?:%|％|亿|万|千|百|个|家|项|座|所|条|人|户|台|吨|元|场)"

# Unnumbered headline lines.
_HEADLINE_BAD_ENDS = tuple("。！？!?；;：:，,、…—-）)")
_HEADLINE_BAD_STARTS = tuple("（(—-–▲△图<《")
_CHROME = (
    r"来源|稿源|编辑|记者\s|^记者|通讯员|作者|发布时间|发布日期|字数|版次|首页|点击|分享|打印|关闭|"
    r"上一篇|下一篇|"
    r"附件|附表|浏览|阅读|收藏|字号|摄影|摄$|当前位置|欢迎|版权|免责|声明|网站|邮箱|电话|"
    r"[>＞|]|www|http|\d{4}[-/年.]\d{1,2}"
)
_DOC_TYPE_ENDS = words(
    "方案 规划 意见 通知 办法 决定 报告 纲要 计划 规定 细则 公告 通报 批复 条例 要点 措施 函"
)
_BOXED = r"【[^】]+】|〖[^〗]+〗|[■◆●◇□★☆▌▍]\s*\S.*"
_BOX_OPENERS = tuple("【〖■◆●◇□★☆▌▍")
_LEADER_DOTS = ".…·．"
_SENTENCE_ENDS = tuple("。！？!?…")
_CLOSING_QUOTES = "”’」』\"')）"


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled on first use: a document uses a few of the shapes and checks here."""
    return re.compile(pattern)


@dataclass(slots=True)
class Outline:
    """Headings in reading order, plus where each sits (line index, title-sentence or line)."""

    headings: list[Heading] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # line index of each heading
    inline: list[bool] = field(default_factory=list)  # True when body text follows the title

    def by_line(self) -> dict[int, int]:
        return {line: i for i, line in enumerate(self.lines)}


class _Hit(NamedTuple):
    kind: str
    label: str
    title_start: int
    title_end: int
    span_end: int
    inline: bool


def _numbered(line: Line, simp: str) -> _Hit | None:
    shapes = _SHAPES.get(simp[line.start])
    if shapes is None or "\t" in line.text or len(line.text) < 2:
        return None
    text = simp[line.start : line.end]
    for kind, pattern in shapes:
        m = _rx(pattern).match(text)
        if not m or m.end() >= len(text):
            continue
        if kind in ("l1", "l3") and _numeral_list_at(text, m.end()):
            return None  # "一、二季度" / "2、3月份" are numeral lists, not headings
        if _page_number_end(text):
            return None  # table-of-contents line with a page number
        rest_start = m.end()
        limit = len(text)
        marker = _rx(_TRAILING_MARKER).search(text, rest_start) if text[-1] in "）)" else None
        if marker:
            limit = marker.start()
        stop = _TITLE_END.search(text, rest_start, limit)
        end = stop.start() if stop else limit
        colon = _first_colon(text, rest_start, end)
        if 0 <= colon - rest_start <= 24:
            end = colon
        gap = _GAP.search(text, rest_start, min(end, rest_start + 30))
        if gap and end - gap.end() >= 10:  # "（一）指导思想　以……" printed on one line
            end = gap.start()
        while end > rest_start and text[end - 1] in _STRIP:
            end -= 1
        if end <= rest_start or not _has_cjk(text[rest_start:end]):
            return None
        if _is_statement(kind, text[rest_start:end]):
            return None  # "1.全年实现进出口总额突破520亿元，同比增长10%" is a numbered item
        span_end = stop.end() if stop else len(text)
        inline = bool(text[span_end:].strip(_STRIP)) and bool(stop)
        label = _ENCLOSED.get(m.group("label"), m.group("label"))
        return _Hit(
            kind, label, line.start + rest_start, line.start + end, line.start + span_end, inline
        )
    return None


def _first_colon(text: str, start: int, end: int) -> int:
    """Position of the first ： or : in text[start:end], or -1."""
    full, half = text.find("：", start, end), text.find(":", start, end)
    return half if full < 0 else full if half < 0 else min(full, half)


def _has_cjk(title: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in title)


def _numeral_list_at(text: str, pos: int) -> bool:
    """一、二季度 / 2、3月份: one or two numerals, then 、，月季日号 — a list, not a label."""
    first, second, third = text[pos : pos + 1], text[pos + 1 : pos + 2], text[pos + 2 : pos + 3]
    if not _is_numeral(first):
        return False
    return second in _LIST_MARKS or (_is_numeral(second) and third in _LIST_MARKS)


def _is_numeral(c: str) -> bool:
    return c in _NUMERALS or c.isdecimal()  # "" is neither


def _page_number_end(text: str) -> bool:
    """A table-of-contents line: 1–3 digits at the end after a space or a dot leader (…… 12)."""
    q = len(text)
    while q > 0 and text[q - 1].isdecimal():
        q -= 1
    if not 1 <= len(text) - q <= 3:
        return False
    if q > 0 and text[q - 1].isspace():
        return True
    return q >= 2 and text[q - 1] in _LEADER_DOTS and text[q - 2] in _LEADER_DOTS


def _is_statement(kind: str, title: str) -> bool:
    """A numbered sentence that states a figure or runs on over clauses is not a title."""
    if len(title) > 40:
        return True
    if kind not in ("l3", "l4"):
        return False
    return "，" in title or "," in title or _rx(_FIGURE).search(title) is not None


def is_body(line: Line) -> bool:
    """A body paragraph: ends like a sentence (。 ！ …, closing quotes after it, —— or ：), or is
    long and punctuated."""
    t = line.text
    if t.endswith(("——", "：", ":")) or t.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_ENDS):
        return True
    return len(t) >= 50 and ("，" in t or "," in t or "。" in t)


def _headline_candidate(line: Line, simp: str) -> bool:
    t = simp[line.start : line.end]
    if not 3 <= len(t) <= 32 or "\t" in t:
        return False
    if t.endswith(_HEADLINE_BAD_ENDS) or t.startswith(_HEADLINE_BAD_STARTS):
        return False
    if "。" in t or "：" in t or ":" in t or t.endswith(_DOC_TYPE_ENDS) or _rx(_CHROME).search(t):
        return False
    boxed = t.startswith(_BOX_OPENERS) and _rx(_BOXED).fullmatch(t) is not None  # 【新能源】
    return sum(1 for c in t if "\u4e00" <= c <= "\u9fff") >= (2 if boxed else 3)


def _headlines(lines: list[Line], simp: str, numbered_lines: set[int]) -> list[int]:
    """Indices of unnumbered headline lines (single or two-line headlines)."""
    content = [ln for ln in lines if ln.text]
    found: list[int] = []
    seen_body = False
    i = 0
    while i < len(content):
        line = content[i]
        prev_body = i > 0 and is_body(content[i - 1])
        if (
            seen_body
            and prev_body
            and line.index not in numbered_lines
            and _headline_candidate(line, simp)
        ):
            nxt = content[i + 1] if i + 1 < len(content) else None
            if nxt is not None and is_body(nxt) and not _headline_candidate(nxt, simp):
                found.append(line.index)
                i += 1
                continue
            after = content[i + 2] if i + 2 < len(content) else None
            if (
                nxt is not None
                and after is not None
                and _headline_candidate(nxt, simp)
                and is_body(after)
            ):
                found.extend((line.index, nxt.index))
                i += 2
                continue
        if is_body(line):
            seen_body = True
        i += 1
    return found


def extract_headings(lines: list[Line], text: str, simp: str) -> Outline:
    """Find every heading line; `text` is the original, `simp` its matching twin."""
    hits: dict[int, _Hit] = {}
    for line in lines:
        if line.text and simp[line.start] in _SHAPES:  # only a label character opens a heading
            hit = _numbered(line, simp)
            if hit:
                hits[line.index] = hit
    kinds = {h.kind for h in hits.values()}
    offset = int("chapter" in kinds) + int("section" in kinds)
    levels = {"chapter": 1, "section": 1 + int("chapter" in kinds), "article": offset + 1}
    for kind, base in _BASE_LEVEL.items():
        levels[kind] = base + offset
    outline = Outline()
    structural = sum(1 for h in hits.values() if h.kind in ("chapter", "section", "l1", "l2"))
    headline_lines: set[int] = set()
    if structural < 2:
        headline_lines = set(_headlines(lines, simp, set(hits)))
    for index in sorted(hits.keys() | headline_lines):
        line = lines[index]
        hit = hits.get(index)
        if hit is not None:
            title = text[hit.title_start : hit.title_end]
            outline.headings.append(
                Heading(levels[hit.kind], hit.label, title, Span(line.start, hit.span_end))
            )
            outline.lines.append(line.index)
            outline.inline.append(hit.inline)
        else:
            outline.headings.append(Heading(1, None, line.text, Span(line.start, line.end)))
            outline.lines.append(line.index)
            outline.inline.append(False)
    return outline
