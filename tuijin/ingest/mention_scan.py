"""Character sets and window helpers shared by the mention scanners.

Python's regex engine finds a pattern that opens with a literal at C speed, one that opens with a
character class at several nanoseconds a character, and pays for every position it tries, so the
scanners in mentions.py open with one left-edge class (no `\\s`: its category check halves the
scan speed; `WHITESPACE` is the same set spelt out) and check cheap necessary conditions first.
Rare anchor characters are found with str.find instead of a regex.
"""

from __future__ import annotations

# Every character for which str.isspace() is true: exactly the set `\s` matches in a str pattern.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
# What a name starts after: whitespace, list and clause marks, opening brackets and quotes.
EDGE_CHARS = WHITESPACE + '、，,；;：:（(“"《。！？'
_CJK_LO, _CJK_HI = "\u4e00", "\u9fff"


def anchor_windows(text: str, anchors: str, gap: int, back: int) -> list[tuple[int, int]]:
    """Where a name ending in one of `anchors` can be: merged [start, end) windows of `text`.

    Anchors less than `gap` + 1 apart form one run; its window starts `back` characters before
    the run and ends one character after the CJK run that follows it (at most 200 characters),
    so a look-ahead that reads on to the next punctuation sees it. Overlapping windows merge.
    """
    n = len(text)
    found: list[int] = []
    for ch in anchors:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    if not found:
        return []
    found.sort()
    runs: list[tuple[int, int]] = []
    first = last = found[0]
    for i in found[1:]:
        if i - last - 1 > gap:
            runs.append((first, last))
            first = i
        last = i
    runs.append((first, last))
    windows: list[tuple[int, int]] = []
    ws = we = -1
    for first, last in runs:
        i = last + 1
        stop = min(n, i + 200)
        while i < stop and _CJK_LO <= text[i] <= _CJK_HI:
            i += 1
        end = min(n, i + 1)
        start = max(0, first - back)
        if start <= we:
            we = max(we, end)
            continue
        if we > ws:
            windows.append((ws, we))
        ws, we = start, end
    if we > ws:
        windows.append((ws, we))
    return windows
