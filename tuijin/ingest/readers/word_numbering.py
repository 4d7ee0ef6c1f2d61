"""Word's automatic numbering, rendered as the reader sees it (一、 （一） 1. …).

Plan documents written in Word often number their headings with a list style, so the numbers
are not in the paragraph text at all; without them the heading stage would see bare titles. This
module reads numbering.xml (abstract definitions, their instances and start overrides) and the
paragraph styles' numbering, keeps Word's counters (shared by the instances of one definition,
deeper levels restarting when a shallower one advances) and returns each paragraph's label.
Bullets give no label: they number nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_DIGITS = "零一二三四五六七八九"
_CLOSERS = ("、", ".", "．", ")", "）", ":", "：", "，")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (as Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    if ones:
        out += _DIGITS[ones]
    return out


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One counter in a Word number format (numFmt); unknown formats fall back to digits."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "chineseLegalSimplified",
    ):
        return chinese_number(n)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False  # isLgl: every counter in the label written as a decimal


@dataclass(slots=True)
class Numbering:
    """The numbering definitions of one document and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → levels
    instances: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → numbering
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the rendered label ("" for none)."""
        abstract = self.instances.get(num_id)
        if abstract is None or abstract not in self.levels:
            return ""
        levels = self.levels[abstract]
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet":
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:  # a new instance may restart its levels
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        start_of = {k: v.start for k, v in levels.items()}
        counters[ilvl] = counters.get(ilvl, start_of.get(ilvl, 1) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a shallower level advanced: deeper ones start again
        text = level.text
        for k in range(ilvl, -1, -1):  # %10 is never used; %1…%9 name levels 0…8
            placeholder = f"%{k + 1}"
            if placeholder not in text:
                continue
            value = counters.get(k, start_of.get(k, 1))
            fmt = "decimal" if level.legal else (levels[k].fmt if k in levels else "decimal")
            text = text.replace(placeholder, format_number(value, fmt))
        return text


def read_numbering(document: Any, qn: Callable[[str], str]) -> Numbering:
    """The numbering definitions and paragraph-style numbering of a python-docx Document."""
    numbering = Numbering()
    val = qn("w:val")
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        root = None
    if root is not None:
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                level = _Level()
                for tag, name in (("w:start", "start"), ("w:numFmt", "fmt"), ("w:lvlText", "text")):
                    node = lvl.find(qn(tag))
                    if node is not None and node.get(val) is not None:
                        value = node.get(val)
                        setattr(level, name, _int(value, 1) if name == "start" else value)
                level.legal = lvl.find(qn("w:isLgl")) is not None
                levels[_int(lvl.get(qn("w:ilvl")), 0)] = level
            numbering.levels[abstract.get(qn("w:abstractNumId")) or ""] = levels
        for num in root.iterchildren(qn("w:num")):
            num_id = num.get(qn("w:numId")) or ""
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            numbering.instances[num_id] = ref.get(val) or ""
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    lvl_no = _int(override.get(qn("w:ilvl")), 0)
                    numbering.overrides.setdefault(num_id, {})[lvl_no] = _int(start.get(val), 1)
    try:
        styles = document.styles.element
    except AttributeError:
        styles = None
    if styles is not None:
        based: dict[str, str] = {}
        for style in styles.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId")) or ""
            parent = style.find(qn("w:basedOn"))
            if parent is not None:
                based[style_id] = parent.get(val) or ""
            found = _num_pr(style.find(qn("w:pPr")), qn)
            if found is not None:
                numbering.style_numbers[style_id] = found
        for style_id in list(based):  # inherit numbering along basedOn (a few steps at most)
            seen, cur = {style_id}, based.get(style_id)
            while style_id not in numbering.style_numbers and cur and cur not in seen:
                if cur in numbering.style_numbers:
                    numbering.style_numbers[style_id] = numbering.style_numbers[cur]
                seen.add(cur)
                cur = based.get(cur)
    return numbering


def with_label(label: str, text: str) -> str:
    """The paragraph as shown: the label, then a space unless the label ends in punctuation."""
    if not label or not text.strip():
        return text
    return label + ("" if label.endswith(_CLOSERS) else " ") + text.lstrip()


def paragraph_label(paragraph: Any, numbering: Numbering, qn: Callable[[str], str]) -> str:
    """The label Word shows before a paragraph (w:p element), or ""."""
    ppr = paragraph.find(qn("w:pPr"))
    found = _num_pr(ppr, qn)
    if (found is None or not found[0]) and ppr is not None:
        style = ppr.find(qn("w:pStyle"))
        inherited = (
            numbering.style_numbers.get(style.get(qn("w:val")) or "") if style is not None else None
        )
        if inherited is not None:  # the style numbers it; the paragraph may set only the level
            found = (inherited[0], found[1] if found is not None else inherited[1])
    if found is None:
        return ""
    num_id, ilvl = found
    if num_id in ("", "0"):
        return ""  # numId 0 switches a style's numbering off for this paragraph
    return numbering.label(num_id, ilvl)


def _num_pr(ppr: Any, qn: Callable[[str], str]) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is None:
        return None
    num = num_pr.find(qn("w:numId"))
    lvl = num_pr.find(qn("w:ilvl"))
    return (
        (num.get(qn("w:val")) or "") if num is not None else "",
        _int(lvl.get(qn("w:val")), 0) if lvl is not None else 0,
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
