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

from .result import Heading, Span
from .segment import Line

_CN = "一二三四五六七八九十百零〇○两"
_SEP = r"[、.．,，]"
_BIG = "壹贰貳叁參肆伍陆陸柒捌玖拾"  # 壹、 outranks 一、 in some (often traditional) plans
# (kind, regex); group "label" is the numeral, the rest of the line follows the match.
_SHAPES: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"第(?P<label>[{_CN}\d]{{1,4}})(?:章|部分|篇)[\s:：、.．]*")),
    ("chapter", re.compile(rf"(?P<label>[{_BIG}]{{1,3}})\s*[、.．]\s*")),
    ("section", re.compile(rf"第(?P<label>[{_CN}\d]{{1,4}})节[\s:：、.．]*")),
    ("article", re.compile(rf"第(?P<label>[{_CN}\d]{{1,4}})条[\s:：、.．]*")),
    ("l1", re.compile(rf"(?P<label>[{_CN}]{{1,3}})\s*[、.．]\s*")),
    ("l2", re.compile(rf"[（(]\s*(?P<label>[{_CN}]{{1,3}})\s*[）)]\s*{_SEP}?\s*")),
    ("l3", re.compile(r"(?P<label>\d{1,2})\s*(?:[、．]|\.(?![\d.]))\s*")),
    ("l4", re.compile(rf"[（(]\s*(?P<label>\d{{1,2}})\s*[）)]\s*{_SEP}?\s*")),
    ("l4", re.compile(r"(?P<label>\d{1,2})[）)]\s*")),
    ("l2", re.compile(r"(?P<label>[㈠-㈩])\s*")),
    ("l4", re.compile(r"(?P<label>[⑴-⒇])\s*")),
]
# Enclosed numerals (㈠ ⑴) stand for their plain labels.
_ENCLOSED = {chr(0x3220 + i): "一二三四五六七八九十"[i] for i in range(10)}
_ENCLOSED.update({chr(0x2474 + i): str(i + 1) for i in range(20)})
_GAP = re.compile(r"\u3000|\s{2,}")
_LABEL_START = frozenset("第（(0123456789" + _CN + _BIG + "".join(_ENCLOSED))
_NUMERAL_LIST = re.compile(rf"[{_CN}\d]{{1,2}}[、，,月季日号]")
_BASE_LEVEL = {"l1": 1, "l2": 2, "l3": 3, "l4": 4}
_TITLE_END = re.compile(r"[。！？!?；;]")
_COLON = re.compile(r"[：:]")
_TRAILING_MARKER = re.compile(
    r"[（(](?:[^（()）]{0,200}(?:单位|部门|负责|牵头)[^（()）]{0,200}|[^（()）]{1,200}[局委厅办府])"
    r"[）)]\s*$"
)
_STRIP = " \t\u3000\u00a0。，,、；;：:！!？?"
_CLAUSE = re.compile(r"[，,]")
_FIGURE = re.compile(r"\d(?:[\d.]*)\s*(?:%|％|亿|万|千|百|个|家|项|座|所|条|人|户|台|吨|元|场)")

# Unnumbered headline lines.
_HEADLINE_BAD_END = re.compile(r"[。！？!?；;：:，,、…—\-）)]$")
_HEADLINE_BAD_START = re.compile(r"^[（(—\-–▲△图<《]")
_CHROME = re.compile(
    r"来源|稿源|编辑|记者\s|^记者|通讯员|作者|发布时间|发布日期|字数|版次|首页|点击|分享|打印|关闭|"
    r"上一篇|下一篇|"
    r"附件|附表|浏览|阅读|收藏|字号|摄影|摄$|当前位置|欢迎|版权|免责|声明|网站|邮箱|电话|"
    r"[>＞|]|www|http|\d{4}[-/年.]\d{1,2}"
)
_DOC_TYPE_END = re.compile(
    r"(?:方案|规划|意见|通知|办法|决定|报告|纲要|计划|规定|细则|公告|通报|批复|条例|要点|措施|函)$"
)
_BOXED = re.compile(r"【[^】]+】|〖[^〗]+〗|[■◆●◇□★☆▌▍]\s*\S.*")
_TOC = re.compile(r"(?:[.…·．]{2,}|\s)\s*\d{1,3}$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BODY_END = re.compile(r"(?:[。！？!?…][”’」』\"')）]*|——|[：:])$")


@dataclass(slots=True)
class Outline:
    """Headings in reading order, plus where each sits (line index, title-sentence or line)."""

    headings: list[Heading] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # line index of each heading
    inline: list[bool] = field(default_factory=list)  # True when body text follows the title

    def by_line(self) -> dict[int, int]:
        return {line: i for i, line in enumerate(self.lines)}


@dataclass(slots=True)
class _Hit:
    kind: str
    label: str
    title_start: int
    title_end: int
    span_end: int
    inline: bool


def _numbered(line: Line, simp: str) -> _Hit | None:
    if "\t" in line.text or len(line.text) < 2:
        return None
    text = simp[line.start : line.end]
    if text[0] not in _LABEL_START:
        return None
    for kind, pattern in _SHAPES:
        m = pattern.match(text)
        if not m or m.end() >= len(text):
            continue
        if kind in ("l1", "l3") and _NUMERAL_LIST.match(text, m.end()):
            return None  # "一、二季度" / "2、3月份" are numeral lists, not headings
        if _TOC.search(text):
            return None  # table-of-contents line with a page number
        rest_start = m.end()
        limit = len(text)
        marker = _TRAILING_MARKER.search(text, rest_start)
        if marker:
            limit = marker.start()
        stop = _TITLE_END.search(text, rest_start, limit)
        end = stop.start() if stop else limit
        colon = _COLON.search(text, rest_start, end)
        if colon and colon.start() - rest_start <= 24:
            end = colon.start()
        gap = _GAP.search(text, rest_start, min(end, rest_start + 30))
        if gap and end - gap.end() >= 10:  # "（一）指导思想　以……" printed on one line
            end = gap.start()
        while end > rest_start and text[end - 1] in _STRIP:
            end -= 1
        if end <= rest_start or not _CJK.search(text, rest_start, end):
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


def _is_statement(kind: str, title: str) -> bool:
    """A numbered sentence that states a figure or runs on over clauses is not a title."""
    if len(title) > 40:
        return True
    return kind in ("l3", "l4") and bool(_CLAUSE.search(title) or _FIGURE.search(title))


def is_body(line: Line) -> bool:
    t = line.text
    if _BODY_END.search(t):
        return True
    return len(t) >= 50 and ("，" in t or "," in t or "。" in t)


def _headline_candidate(line: Line, simp: str) -> bool:
    t = simp[line.start : line.end]
    boxed = bool(_BOXED.fullmatch(t))  # 【新能源】 / ■ 新能源
    if not 3 <= len(t) <= 32 or "\t" in t:
        return False
    if _HEADLINE_BAD_END.search(t) or _HEADLINE_BAD_START.search(t):
        return False
    if "。" in t or "：" in t or ":" in t or _CHROME.search(t) or _DOC_TYPE_END.search(t):
        return False
    return len(_CJK.findall(t)) >= (2 if boxed else 3)


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
        if line.text:
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
    for line in lines:
        hit = hits.get(line.index)
        if hit is not None:
            title = text[hit.title_start : hit.title_end]
            outline.headings.append(
                Heading(levels[hit.kind], hit.label, title, Span(line.start, hit.span_end))
            )
            outline.lines.append(line.index)
            outline.inline.append(hit.inline)
        elif line.index in headline_lines:
            outline.headings.append(Heading(1, None, line.text, Span(line.start, line.end)))
            outline.lines.append(line.index)
            outline.inline.append(False)
    return outline
