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
from functools import cache

from .headings import Outline
from .lexicon import words
from .result import Assignment, Span
from .segment import Line

_PAREN = re.compile(
    r"[（(【［]((?:[^（）()【】［］\n]|[（(][^（）()\n]{0,40}[）)]){1,600})[）)】］]"
)
_ROLES = words("牵头 责任 配合 协办 协助 参与 协作 主责 主办 承办 实施 落实 协同 配套 成员")
_ROLE_SET = frozenset(_ROLES)
_KEY_UNITS = ("单位", "部门", "主体", "处室")
_ROLE = f"(?:{'|'.join(_ROLES)})"
_ROLE_KEY = re.compile(rf"({_ROLE}(?:单位|部门|主体|处室)|牵头)\s*[:：]")
# The keys _ROLE_KEY accepts, as words: a key read before a colon is CJK only.
_ROLE_WORDS = frozenset(["牵头", *(role + unit for role in _ROLES for unit in _KEY_UNITS)])
_DECLARE = (
    r"[，,；;]?\s*(?:(?:列|排)(?:在)?(?:第一|首)位|第一个|排名第一|排序第一|首个)"
    r"(?:的|者)?(?:单位|部门)?(?:为|是)(?:牵头|主要责任)(?:单位|部门)?(?:[，,；;]?\s*下同)?"
)
_CLAUSE = r"[；;，,]"
_LEAD_MARKS = ("（牵头）", "(牵头)", "（牵头)", "(牵头）")
_DEADLINE_WORDS = ("时限", "时间", "节点", "进度")
_THREE_DIGITS = re.compile(r"\d{3}")
_VERB_HINT = re.compile(r"负责|牵头|配合|参与|协助|协同")
# Words that make a line worth reading for markers; the rest of the line is consumed, so each
# line shows up once. Every alternative opens with a literal, so the engine can skip to their
# first characters (one class-led alternative would make it try every position).
_TRIGGER = re.compile(
    "(?:单位|部门|负责|牵头|配合|参与|协助|协同|主体|处室|"
    + "|".join(f"{c}[）)】］]" for c in "局委厅办府部")
    + ").*"
)
_XIATONG = r"[，,；;]?\s*下同"
_BRACKET_KEY = rf"[【\[]({_ROLE}(?:单位|部门|主体|处室)|完成时限|时间节点)[】\]][:：]?"
_VERB = (
    r"^(?:由)?(?P<units>.+?)(?P<verb>牵头负责|牵头落实|牵头|按职责分工负责|按职责分工落实|"
    r"按职责负责|按职能分工负责|按职能职责负责|按分工负责|分工负责|分别负责|共同负责|负责落实|"
    r"具体负责|组织实施|负责|配合|参与|协助|协同)$"
)
_DEADLINE = r"\d{4}年|年底|年内|前完成|长期|持续推进|每年|季度"
_UNIT_ENDS = words(
    "委员会 委 局 办 厅 部 署 管委会 政府 办公室 指挥部 中心 公司 集团 总社 总会 联合会 银行 分行"
    " 支行 海关 法院 检察院 院 室 处 所 站 大队 支队 总队 队 团 社 会 部门 单位"
)
_UNIT_TOKEN = re.compile(r"(?:[^、，,；;\s（()）]|[（(][^（()）\n]{0,30}[）)])+")
_EACH = re.compile(r"各[^\d]{1,9}")  # 各县区政府, 各有关单位 — not "各单位每月10日前…"
_LIST_LABEL = r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)])\s*"
_ADDRESSEE = re.compile(r"[：:]\s*$")  # "各县市区人民政府，市政府各部门：" addresses, not assigns
_DATE_LINE = (
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日)$"
)
_TRIM = " \t\u3000\u00a0。，,、；;：:.．"
_CJK_LO, _CJK_HI = "\u4e00", "\u9fff"


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled on first use: these serve shapes few documents have."""
    return re.compile(pattern)


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
        if e > s and seg[e - 1] in "位门等":
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
        if e - s > 4 and seg.endswith(_LEAD_MARKS, s, e):
            lead.append((s, e - 4))
        else:
            rest.append((s, e))
    return lead, rest


def _key_role(key: str) -> str | None:
    """The role a key (CJK only, as read before a colon) gives the units after it."""
    if "领导" in key or key.endswith("人"):
        return None
    if key.startswith(("牵头", "主责", "主办")):
        return "lead"
    if any(w in key for w in _DEADLINE_WORDS):
        return "deadline"
    if key in _ROLE_WORDS:
        return "responsible"
    return None


def _keys(seg: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(start, key end, end) of each `key：` in seg[lo:hi]: 2–6 CJK characters, spaces, a colon.

    The same matches as a regex finditer would give, read back from the colons (the regex would
    try every position): a key is the last (at most six) CJK characters before the colon and the
    spaces in front of it.
    """
    colons: list[int] = []
    for mark in ("：", ":"):
        i = seg.find(mark, lo, hi)
        while i >= 0:
            colons.append(i)
            i = seg.find(mark, i + 1, hi)
    found: list[tuple[int, int, int]] = []
    for c in sorted(colons):
        k = c
        while k > lo and seg[k - 1].isspace():
            k -= 1
        p = k
        while p > lo and k - p < 6 and _CJK_LO <= seg[p - 1] <= _CJK_HI:
            p -= 1
        if k - p >= 2:
            found.append((p, k, c + 1))
    return found


def _tail_role(key: str) -> str | None:
    """The role of the shortest tail of `key` (at least two characters) that has one.

    The key is the tail of the word before the colon (`；责任单位` gives 责任单位).
    """
    if key.endswith("人"):
        return None  # 联系人, 责任人: every tail ends in 人
    for cut in range(len(key) - 2, -1, -1):
        tail = key[cut:]
        if "领导" in tail:
            return None  # and so for every longer tail
        if tail.startswith(("牵头", "主责", "主办")):
            return "lead"
        if "时限" in tail or "时间" in tail or "节点" in tail or "进度" in tail:
            return "deadline"
        if tail in _ROLE_WORDS:
            return "responsible"
    return None


def _parse_keyed(seg: str, lo: int, hi: int) -> Parsed | None:
    keys = _keys(seg, lo, hi)
    lead: list[Pos] = []
    resp: list[Pos] = []
    deadline: Pos | None = None
    hit = False
    for i, (ks, key_end, ke) in enumerate(keys):
        role = _tail_role(seg[ks:key_end])
        end = keys[i + 1][0] if i + 1 < len(keys) else hi
        if role == "deadline":
            ds, de = ke, end
            while ds < de and seg[ds] in _TRIM:
                ds += 1
            while de > ds and seg[de - 1] in _TRIM:
                de -= 1
            deadline = (ds, de) if ds < de else None
        elif role in ("lead", "responsible"):
            hit = True
            verbs = _parse_verbs(seg, ke, end) if _VERB_HINT.search(seg, ke, end) else None
            if verbs is not None:  # 责任单位：A牵头，B、C配合
                lead.extend(verbs[0])
                (lead if role == "lead" else resp).extend(verbs[1])
                continue
            marked, units = _split_lead_marks(seg, _units(seg, ke, end))
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
    for sep in [*_rx(_CLAUSE).finditer(seg[lo:hi]), None]:
        s, e = pos, (lo + sep.start() if sep else hi)
        pos = lo + sep.end() if sep else hi
        clause = seg[s:e]
        if not clause.strip(_TRIM):
            continue
        m = _rx(_VERB).match(clause.strip(_TRIM))
        if m:
            c0 = s + clause.index(clause.strip(_TRIM))
            units = _units(seg, pending if pending is not None else c0, c0 + m.end("units"))
            pending = None
            if not _plausible(seg, units):
                return None
            hit = True
            (lead if m.group("verb").startswith("牵头") else resp).extend(units)
        elif _rx(_DEADLINE).search(clause) and len(clause.strip(_TRIM)) <= 20:
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
        seg.endswith(_UNIT_ENDS, s, e) or _EACH.fullmatch(seg[s:e]) for s, e in units
    ):
        return None
    return [], units, None


def _line_keys(seg: str) -> list[int]:
    """Starts of the role keys written in the running text (`责任单位：`), in order.

    A key is a role word and a unit word right before a colon (spaces between allowed), at the
    start of the line or after a clause mark. Keys are read back from the colons.
    """
    colons: list[int] = []
    for mark in ("：", ":"):
        i = seg.find(mark)
        while i >= 0:
            colons.append(i)
            i = seg.find(mark, i + 1)
    starts: list[int] = []
    for c in sorted(colons):
        k = c
        while k > 0 and seg[k - 1].isspace():
            k -= 1
        r = k - 4  # role and unit words have two characters each
        if (
            r >= 0
            and seg[k - 2 : k] in _KEY_UNITS
            and seg[r : k - 2] in _ROLE_SET
            and (r == 0 or seg[r - 1] in "。；;，,—" or seg[r - 1].isspace())
        ):
            starts.append(r)
    return starts


def _key_at(seg: str, pos: int) -> tuple[str, int] | None:
    """The `key：` that starts right at `pos` (2–6 CJK characters, spaces, a colon): the key and
    the end, or None."""
    n = len(seg)
    e = pos
    while e < n and e - pos < 7 and _CJK_LO <= seg[e] <= _CJK_HI:
        e += 1
    if not 2 <= e - pos <= 6:
        return None
    j = e
    while j < n and seg[j].isspace():
        j += 1
    return (seg[pos:e], j + 1) if j < n and seg[j] in "：:" else None


def _line_marker_end(seg: str, start: int) -> int:
    """A key written in the running text ends at the full stop, unless another key follows."""
    pos = start
    while True:
        stop = seg.find("。", pos)
        if stop < 0:
            return len(seg)
        nxt = _key_at(seg, stop + 1)
        if nxt is None or _key_role(nxt[0]) is None:
            return stop
        pos = nxt[1]


def _closes_paragraph(simp: str, end: int, line_end: int) -> bool:
    return not simp[end:line_end].strip(_TRIM + '”"')


def _signature_lines(lines: list[Line]) -> set[int]:
    """Lines that sign the document: the issuer's name right above a date line."""
    found: set[int] = set()
    previous: Line | None = None
    for line in lines:
        if not line.text.strip():
            continue
        if previous is not None and _rx(_DATE_LINE).match(line.text.strip()):
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
    signatures = _signature_lines(lines) if decomposition else set()
    done = -1  # index of the last paragraph read
    for line in lines if decomposition else _trigger_lines(lines, simp):
        if not line.text or "\t" in line.text:
            continue
        if not decomposition:  # the paragraphs skipped since `done` have no marker
            before = _paragraph_before(lines, line.index, done)
            if before is not None:
                last_para = before
        done = line.index
        seg = simp[line.start : line.end]
        if "为牵头" in seg or "是牵头" in seg or "主要责任" in seg:
            seg = _rx(_DECLARE).sub(_blank, seg)
        if "下同" in seg:
            seg = _rx(_XIATONG).sub(_blank, seg)
        if "【" in seg or "[" in seg:
            seg = _rx(_BRACKET_KEY).sub(_bracket_key, seg)
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
        for k in _line_keys(seg):
            if any(a <= k < b for a, b in taken):
                continue
            end = _line_marker_end(seg, k)
            parsed = _parse_keyed(seg, k, end)
            if parsed is not None:
                markers.append((k, end, parsed))
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
                body = para.text  # "1.全年…" anchors on "全年…"
                if body[:1].isdecimal() or body.startswith(("（", "(")):
                    body = _rx(_LIST_LABEL).sub("", body, count=1)
                anchor = body[:12]
                para_index = para.index
            span = Span(line.start + start, line.start + end)
            found.append(Found(Assignment(anchor, lead, resp, span, None, deadline), para_index))
        if not marker_line:
            last_para = line
    return found


def _trigger_lines(lines: list[Line], simp: str) -> list[Line]:
    """The lines holding a trigger word, in order: only they can hold a marker."""
    starts = [ln.start for ln in lines]
    hot = {bisect_right(starts, m.start()) - 1 for m in _TRIGGER.finditer(simp)}
    return [lines[i] for i in sorted(hot) if i >= 0]


def _paragraph_before(lines: list[Line], index: int, done: int) -> Line | None:
    """The last paragraph line (not blank, no tab) between `done` and `index`, if any."""
    k = index - 1
    while k > done:
        line = lines[k]
        if line.text and "\t" not in line.text:
            return line
        k -= 1
    return None


def split_units(value: str) -> list[str]:
    """Unit names of a list written in one cell or field (`A、B等`)."""
    return [value[s:e] for s, e in _units(value, 0, len(value))]


def declares_first_lead(simp: str) -> bool:
    """True when the document says the first-listed unit leads (列第一位者为牵头单位)."""
    for word in ("牵头", "主要责任"):  # every declaration has 为/是 right before one of them
        i = simp.find(word, 1)
        while i >= 0:
            if simp[i - 1] in "为是" and _rx(_DECLARE).search(
                simp, max(0, i - 15), i + len(word) + 8
            ):
                return True
            i = simp.find(word, i + len(word))
    return False
