"""Run a left-edge name pattern only near the characters its names can end in.

The mention patterns (units, enterprises, areas) start with a look-behind for a left edge, which
the regex engine must try at every position of the text. Their names end in a few suffix
characters (局 委 厅, 公司 集团, 区 县 园), so the text far from those characters cannot hold a
match; skipping it keeps the whole-text pass fast while giving exactly the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CJK_RUN = re.compile("[\u4e00-\u9fff]*")


def anchor_runs(chars: str, gap: int) -> re.Pattern[str]:
    """Runs of anchor characters with at most `gap` other characters between neighbours."""
    return re.compile(f"[{chars}](?:[^{chars}]{{0,{gap}}}[{chars}])*", re.S)


def windowed_finditer(
    pattern: re.Pattern[str],
    fast: re.Pattern[str],
    windows: re.Pattern[str],
    text: str,
    back: int,
    ahead: int,
) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, found only near anchor characters.

    A match ends just after an anchor character and is at most `back` - 2 characters long
    (room for the left-edge character), and `windows` joins anchors less than `back` + `ahead`
    apart (see anchor_runs), so
    running the pattern over the merged windows [first anchor - back, last anchor + ahead]
    gives the same matches as one whole-text pass, while the regex engine skips the text
    between anchors (most of it) at C speed. `ahead` = 0 extends a window over the CJK run
    after it, for a look-ahead that reads on to the next punctuation. Inside a window `fast`
    (the left edge consumed, not looked behind) runs; `pattern` only tries the text start.
    """
    n = len(text)
    ws = we = -1
    for c in windows.finditer(text):
        if ahead:
            end = min(n, c.end() + ahead)
        else:
            run = _CJK_RUN.match(text, c.end(), min(n, c.end() + 200))
            end = min(n, (run.end() if run else c.end()) + 1)
        start = max(0, c.start() - back)
        if start <= we:
            we = max(we, end)
            continue
        if we > ws:
            yield from _in_window(pattern, fast, text, ws, we)
        ws, we = start, end
    if we > ws:
        yield from _in_window(pattern, fast, text, ws, we)


def _in_window(
    pattern: re.Pattern[str], fast: re.Pattern[str], text: str, ws: int, we: int
) -> Iterator[re.Match[str]]:
    if ws == 0:  # a name at the very start has no left edge character to consume
        head = pattern.match(text, 0, we)
        if head is not None:
            yield head
            ws = head.end()
    yield from fast.finditer(text, ws, we)
