"""Lines, paragraphs and sentences with offsets into the text.

Every later stage works line by line (a paragraph in these documents is one line), so the
segmentation is done once, linearly, and shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Sentence ends: full stops, question/exclamation marks and semicolons (full- and half-width).
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*[”’」』)）]*")


@dataclass(slots=True)
class Line:
    """One line: [start, end) is its stripped content, `index` its position in the document."""

    index: int
    start: int
    end: int
    text: str  # stripped content, text[start:end] of the document

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Split on \\n (also \\r\\n / \\r); offsets exclude the surrounding whitespace."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    index = 0
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        raw = text[pos:nl]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            lines.append(Line(index, start, start + len(stripped), stripped))
        else:
            lines.append(Line(index, pos, pos, ""))
        index += 1
        pos = nl + 1
    return lines


def paragraphs(lines: list[Line]) -> list[Line]:
    """Non-blank lines: in the plan genre a paragraph is printed as one line."""
    return [line for line in lines if line.text]


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in text[start:end]; sentence marks stay attached."""
    stop = len(text) if end is None else end
    for m in _SENTENCE.finditer(text, start, stop):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e
