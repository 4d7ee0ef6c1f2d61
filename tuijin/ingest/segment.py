"""Lines, paragraphs and sentences with offsets into the text.

Every later stage works line by line (a paragraph in these documents is one line), so the
segmentation is done once, linearly, and shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

# Sentence ends: full stops, question/exclamation marks and semicolons (full- and half-width).
_SENTENCE = r"[^。！？；!?;\n]+[。！？；!?;]*[”’」』)）]*"


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
    """Split on \\n (the readers turn \\r\\n and \\r into \\n); offsets exclude the whitespace."""
    lines: list[Line] = []
    append = lines.append
    pos = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            append(Line(index, start, start + len(stripped), stripped))
        else:
            append(Line(index, pos, pos, ""))
        pos += len(raw) + 1
    return lines


def paragraphs(lines: list[Line]) -> list[Line]:
    """Non-blank lines: in the plan genre a paragraph is printed as one line."""
    return [line for line in lines if line.text]


@cache
def _sentence() -> re.Pattern[str]:
    return re.compile(_SENTENCE)  # on first use: the pipeline itself does not split sentences


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in text[start:end]; sentence marks stay attached."""
    stop = len(text) if end is None else end
    for m in _sentence().finditer(text, start, stop):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e
