"""A matching text of the same length as the original.

Rules are written for simplified Chinese and half-width digits; documents arrive in traditional
characters and full-width digits too. Instead of rewriting the original (which would break the
spans), we build a second string of exactly the same length: full-width digits and Latin letters
become half-width, and traditional characters become simplified (OpenCC t2s, applied only when the
text looks traditional, and only where the conversion keeps the length). Every offset found in the
matching text is therefore valid in the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# Full-width digits and Latin letters → half-width (1:1, so length is kept).
_FULL = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ" + (
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
)
_HALF = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_WIDTH = str.maketrans(_FULL, _HALF)

# Frequent characters that exist only in traditional script, and their simplified forms.
_TRAD = "與為這個們來時發會國經產業區實進於對動開關設計劃務號書說車長門問間體辦總現級從點應"
_SIMP = "与为这个们来时发会国经产业区实进于对动开关设计划务号书说车长门问间体办总现级从点应"
_SAMPLE = 40_000
_CHUNK = 4_000


def looks_traditional(text: str) -> bool:
    """Cheap check on a sample: traditional-only characters outnumber their simplified forms."""
    sample = text[:_SAMPLE]
    trad = sum(sample.count(c) for c in _TRAD)
    if trad < 3:
        return False
    simp = sum(sample.count(c) for c in _SIMP)
    return trad > simp


@lru_cache(maxsize=1)
def _converter() -> Callable[[str], str]:
    import opencc  # imported only when a traditional document is seen

    cc = opencc.OpenCC("t2s")
    convert: Callable[[str], str] = cc.convert
    return convert


def _t2s_same_length(text: str) -> str:
    convert = _converter()
    out: list[str] = []
    for i in range(0, len(text), _CHUNK):
        chunk = text[i : i + _CHUNK]
        done = convert(chunk)
        if len(done) != len(chunk):
            done = "".join(c2 if len(c2 := convert(c)) == 1 else c for c in chunk)
        out.append(done)
    return "".join(out)


_NEEDS_WIDTH = re.compile("[０-９Ａ-Ｚａ-ｚ]")


def matching_text(text: str, *, traditional: bool | None = None) -> str:
    """The simplified, half-width twin of `text` (same length, same line breaks).

    `traditional`: whether to convert characters, when the caller knows (a heading of a
    document already found traditional is too short to tell by itself); else it is sampled.
    """
    simp = text.translate(_WIDTH) if _NEEDS_WIDTH.search(text) else text
    if looks_traditional(simp) if traditional is None else traditional:
        simp = _t2s_same_length(simp)
    return simp if len(simp) == len(text) else text
