"""Responsibility markers: who leads and who shares each task.

Shapes of the genre (all matched on the simplified twin, reported from the original):
  keyed       （责任单位：A、B）  （牵头单位：A；配合单位：B）  and lines `牵头单位：A` after a task
  verb-ended  （A牵头，B、C按职责分工负责）  （A、B负责）  （A、B分别负责）
  bare list   （A、B） closing a target line of a decomposition notice, when every item is a unit
Where the document declares that the first-listed unit leads (列第一位者为牵头单位), a list
without an explicit lead gives its first unit as lead. The anchor is the title of the heading
the marker closes, or the first 12 characters of the plain paragraph it closes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .headings import Outline
from .result import Assignment, Span
from .segment import Line

_PAREN = re.compile(
    r"[（(【［]((?:[^（）()【】［］\n]|[（(][^（）()\n]{0,40}[）)]){1,600})[）)】］]"
)
_ROLE = r"(?:牵头|责任|配合|协办|协助|参与|协作|主责|主办|承办|实施|落实|协同|配套)"
_ROLE_KEY = re.compile(rf"({_ROLE}(?:单位|部门|主体|处室)|牵头)\s*[:：]")
_ANY_KEY = re.compile(r"([\u4e00-\u9fff]{2,6})\s*[:：]")
_LINE_KEY = re.compile(rf"(?:^|(?<=[。；;，,\s—]))({_ROLE}(?:单位|部门|主体|处室))\s*[:：]")
_DECLARE = re.compile(
    r"[，,；;]?\s*(?:(?:列|排)(?:在)?(?:第一|首)位|第一个|排名第一|排序第一|首个)"
    r"(?:的|者)?(?:单位|部门)?(?:为|是)(?:牵头|主要责任)(?:单位|部门)?(?:[，,；;]?\s*下同)?"
)
_DECLARE_HINT = re.compile(r"[为是](?:牵头|主要责任)")
_CLAUSE = re.compile(r"[；;，,]")
_LEAD_MARK = re.compile(r"[（(]牵头[）)]$")
_DEADLINE_KEY = re.compile(r"时限|时间|节点|进度")
_THREE_DIGITS = re.compile(r"\d{3}")
_VERB_HINT = re.compile(r"负责|牵头|配合|参与|协助|协同")
_TRIGGER = re.compile(r"单位|部门|负责|牵头|配合|参与|协助|协同|主体|处室|[局委厅办府部][）)】］]")
_XIATONG = re.compile(r"[，,；;]?\s*下同")
_BRACKET_KEY = re.compile(rf"[【\[]({_ROLE}(?:单位|部门|主体|处室)|完成时限|时间节点)[】\]][:：]?")
_VERB = re.compile(
    r"^(?:由)?(?P<units>.+?)(?P<verb>牵头负责|牵头落实|牵头|按职责分工负责|按职责分工落实|"
    r"按职责负责|按职能分工负责|按职能职责负责|按分工负责|分工负责|分别负责|共同负责|负责落实|"
    r"具体负责|组织实施|负责|配合|参与|协助|协同)$"
)
_DEADLINE = re.compile(r"\d{4}年|年底|年内|前完成|长期|持续推进|每年|季度")
_UNIT_END = re.compile(
    r"(?:委员会|委|局|办|厅|部|署|管委会|政府|办公室|指挥部|中心|公司|集团|总社|总会|联合会|"
    r"银行|分行|支行|海关|法院|检察院|院|室|处|所|站|大队|支队|总队|队|团|社|会|部门|单位)$"
)
_UNIT_TOKEN = re.compile(r"(?:[^、，,；;\s（()）]|[（(][^（()）\n]{0,30}[）)])+")
_EACH = re.compile(r"各[^\d]{1,9}")  # 各县区政府, 各有关单位 — not "各单位每月10日前…"
_LIST_LABEL = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)])\s*")
_ADDRESSEE = re.compile(r"[：:]\s*$")  # "各县市区人民政府，市政府各部门：" addresses, not assigns
_DATE_LINE = re.compile(
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日)$"
)
_TRIM = " \t\u3000\u00a0。，,、；;：:.．"


@dataclass(slots=True)
class Found:
    """One marker: the assignment and the line index of the paragraph it closes."""

    assignment: Assignment
    paragraph: int


Pos = tuple[int, int]
Parsed = tuple[list[Pos], list[Pos], Pos | None]


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _bracket_key(m: re.Match[str]) -> str:
    """`【责任单位】` → ` 责任单位：` (same length, so offsets hold)."""
    key = m.group(1)
    return (" " + key + "：").ljust(len(m.group()))[: len(m.group())]


def _units(seg: str, lo: int, hi: int) -> list[Pos]:
    """Unit names in seg[lo:hi] as positions (seg and the original are aligned)."""
    out: list[Pos] = []
    for token in _UNIT_TOKEN.finditer(seg, lo, hi):  # separators inside （） do not split
        s, e = token.span()
        while s < e and seg[s] in _TRIM:
            s += 1
        while e > s and seg[e - 1] in _TRIM:
            e -= 1
        if s < e and seg[s] == "由":
            s += 1
        for suffix in ("等单位", "等部门", "等"):
            if seg.endswith(suffix, s, e) and e - s > len(suffix):
                e -= len(suffix)
                break
        while e > s and seg[e - 1] in _TRIM:
            e -= 1
        if s < e and seg[s:e] not in ("下同", "等"):
            out.append((s, e))
    return out


def _split_lead_marks(seg: str, units: list[Pos]) -> tuple[list[Pos], list[Pos]]:
    """`A（牵头）` inside a list marks A as lead."""
    lead: list[Pos] = []
    rest: list[Pos] = []
    for s, e in units:
        m = _LEAD_MARK.search(seg, s, e)
        if m and m.start() > s:
            lead.append((s, m.start()))
        else:
            rest.append((s, e))
    return lead, rest


def _key_role(key: str) -> str | None:
    if "领导" in key or key.endswith("人"):
        return None
    if key.startswith(("牵头", "主责", "主办")):
        return "lead"
    if _DEADLINE_KEY.search(key):
        return "deadline"
    if _ROLE_KEY.fullmatch(key + "："):
        return "responsible"
    return None


def _parse_keyed(seg: str, lo: int, hi: int) -> Parsed | None:
    keys = list(_ANY_KEY.finditer(seg, lo, hi))
    lead: list[Pos] = []
    resp: list[Pos] = []
    deadline: Pos | None = None
    hit = False
    for i, k in enumerate(keys):
        key = k.group(1)
        # the key is the tail of the word before the colon (e.g. "；责任单位")
        role = None
        for cut in range(len(key) - 2, -1, -1):
            role = _key_role(key[cut:])
            if role:
                break
        end = keys[i + 1].start() if i + 1 < len(keys) else hi
        if role == "deadline":
            ds, de = k.end(), end
            while ds < de and seg[ds] in _TRIM:
                ds += 1
            while de > ds and seg[de - 1] in _TRIM:
                de -= 1
            deadline = (ds, de) if ds < de else None
        elif role in ("lead", "responsible"):
            hit = True
            verbs = (
                _parse_verbs(seg, k.end(), end) if _VERB_HINT.search(seg, k.end(), end) else None
            )
            if verbs is not None:  # 责任单位：A牵头，B、C配合
                lead.extend(verbs[0])
                (lead if role == "lead" else resp).extend(verbs[1])
                continue
            marked, units = _split_lead_marks(seg, _units(seg, k.end(), end))
            lead.extend(marked)
            (lead if role == "lead" else resp).extend(units)
    return (lead, resp, deadline) if hit else None


def _plausible(seg: str, units: list[Pos]) -> bool:
    return bool(units) and all(
        1 < e - s <= 30 and "的" not in seg[s:e] and not _THREE_DIGITS.search(seg, s, e)
        for s, e in units
    )


def _parse_verbs(seg: str, lo: int, hi: int) -> Parsed | None:
    lead: list[Pos] = []
    resp: list[Pos] = []
    deadline: Pos | None = None
    pending: int | None = None
    hit = False
    pos = lo
    for sep in [*_CLAUSE.finditer(seg[lo:hi]), None]:
        s, e = pos, (lo + sep.start() if sep else hi)
        pos = lo + sep.end() if sep else hi
        clause = seg[s:e]
        if not clause.strip(_TRIM):
            continue
        m = _VERB.match(clause.strip(_TRIM))
        if m:
            c0 = s + clause.index(clause.strip(_TRIM))
            units = _units(seg, pending if pending is not None else c0, c0 + m.end("units"))
            pending = None
            if not _plausible(seg, units):
                return None
            hit = True
            (lead if m.group("verb").startswith("牵头") else resp).extend(units)
        elif _DEADLINE.search(clause) and len(clause.strip(_TRIM)) <= 20:
            c0 = s + clause.index(clause.strip(_TRIM))
            deadline = (c0, c0 + len(clause.strip(_TRIM)))
        elif pending is None:
            pending = s
    if not hit or pending is not None:
        return None
    return lead, resp, deadline


def _parse_bare(seg: str, lo: int, hi: int) -> Parsed | None:
    units = _units(seg, lo, hi)
    if not _plausible(seg, units) or not all(
        _UNIT_END.search(seg[s:e]) or _EACH.fullmatch(seg[s:e]) for s, e in units
    ):
        return None
    return [], units, None


def _line_marker_end(seg: str, start: int) -> int:
    """A key written in the running text ends at the full stop, unless another key follows."""
    pos = start
    while True:
        stop = seg.find("。", pos)
        if stop < 0:
            return len(seg)
        nxt = _ANY_KEY.match(seg, stop + 1)
        if nxt is None or _key_role(nxt.group(1)) is None:
            return stop
        pos = nxt.end()


def _closes_paragraph(simp: str, end: int, line_end: int) -> bool:
    return not simp[end:line_end].strip(_TRIM + '”"')


def _signature_lines(lines: list[Line]) -> set[int]:
    """Lines that sign the document: the issuer's name right above a date line."""
    found: set[int] = set()
    previous: Line | None = None
    for line in lines:
        if not line.text.strip():
            continue
        if previous is not None and _DATE_LINE.match(line.text.strip()):
            found.add(previous.index)
        previous = line
    return found


def extract_assignments(lines: list[Line], text: str, simp: str, outline: Outline) -> list[Found]:
    """Every marker in document order, with its anchor and the paragraph it closes."""
    lead_first = declares_first_lead(simp)
    decomposition = "分解" in simp[:2000]  # a 任务分解 notice lists units under each target
    heading_at = outline.by_line()
    found: list[Found] = []
    last_para: Line | None = None
    unit_lines: set[int] = set()
    starts = [ln.start for ln in lines]
    signatures = _signature_lines(lines) if decomposition else set()
    hot = {bisect_right(starts, m.start()) - 1 for m in _TRIGGER.finditer(simp)}
    for line in lines:
        if not line.text or "\t" in line.text:
            continue
        if line.index not in hot and not decomposition:
            last_para = line
            continue
        seg = simp[line.start : line.end]
        if "为牵头" in seg or "是牵头" in seg or "主要责任" in seg:
            seg = _DECLARE.sub(_blank, seg)
        if "下同" in seg:
            seg = _XIATONG.sub(_blank, seg)
        if "【" in seg or "[" in seg:
            seg = _BRACKET_KEY.sub(_bracket_key, seg)
        markers: list[tuple[int, int, Parsed]] = []
        taken: list[tuple[int, int]] = []
        for m in _PAREN.finditer(seg):
            lo, hi = m.start(1), m.end(1)
            content = seg[lo:hi]
            parsed = _parse_keyed(seg, lo, hi) if _ROLE_KEY.search(content) else None
            if parsed is None and _VERB_HINT.search(content):
                parsed = _parse_verbs(seg, lo, hi)
            if parsed is None and _closes_paragraph(seg, m.end(), len(seg)):
                parsed = _parse_bare(seg, lo, hi)
            if parsed is not None:
                markers.append((m.start(), m.end(), parsed))
            taken.append((m.start(), m.end()))
        for k in _LINE_KEY.finditer(seg):
            if any(a <= k.start() < b for a, b in taken):
                continue
            end = _line_marker_end(seg, k.start())
            parsed = _parse_keyed(seg, k.start(), end)
            if parsed is not None:
                markers.append((k.start(), end, parsed))
            break
        if (
            not markers
            and decomposition
            and last_para is not None
            and len(seg) <= 80
            and not _ADDRESSEE.search(seg)
            and line.index not in signatures
        ):
            parsed = _parse_bare(seg, 0, len(seg))
            if (
                parsed is not None
                and last_para.index not in unit_lines
                and (last_para.index in heading_at or re.search(r"\d", last_para.text))
            ):
                markers.append((0, len(seg), parsed))
                unit_lines.add(line.index)
        if not markers and decomposition and 0 < (stop := seg.rfind("。")) < len(seg) - 2:
            parsed = _parse_bare(seg, stop + 1, len(seg))  # "…增长6%。市发改委、市统计局"
            if parsed is not None:
                markers.append((stop + 1, len(seg), parsed))
        marker_line = bool(markers) and not seg[: min(s for s, _, _ in markers)].strip(_TRIM)
        para = last_para if marker_line else line
        for start, end, (lead_pos, resp_pos, dl) in sorted(markers, key=lambda x: x[0]):
            deadline = text[line.start + dl[0] : line.start + dl[1]] if dl else None
            lead = [text[line.start + s : line.start + e] for s, e in lead_pos]
            resp = [text[line.start + s : line.start + e] for s, e in resp_pos]
            if lead_first and not lead and resp:
                lead, resp = resp[:1], resp[1:]
            if para is None:
                anchor = ""
                para_index = line.index
            elif para.index in heading_at:
                anchor = outline.headings[heading_at[para.index]].title
                para_index = para.index
            else:
                body = _LIST_LABEL.sub("", para.text, count=1)  # "1.全年…" anchors on "全年…"
                anchor = body[:12]
                para_index = para.index
            span = Span(line.start + start, line.start + end)
            found.append(Found(Assignment(anchor, lead, resp, span, None, deadline), para_index))
        if not marker_line:
            last_para = line
    return found


def split_units(value: str) -> list[str]:
    """Unit names of a list written in one cell or field (`A、B等`)."""
    return [value[s:e] for s, e in _units(value, 0, len(value))]


def declares_first_lead(simp: str) -> bool:
    """True when the document says the first-listed unit leads (列第一位者为牵头单位)."""
    for m in _DECLARE_HINT.finditer(simp):
        if _DECLARE.search(simp, max(0, m.start() - 14), m.end() + 8):
            return True
    return False
