"""The engine's regexes as compiled at build time, so that a run does not compile them again.

Python's re compiles a pattern in Python code. The engine's patterns (lexicons of hundreds of
words written as tries, large classes of characters) took it about 0.08 s in each process that
loads every stage, close to a tenth of the CPU time of a 4 MB document. `scripts/build_engine.py`
stores what re's compiler made of each pattern (the code list that `_sre.compile` takes) in
`regex.cache`; `warm()`, when the package is imported, rebuilds those patterns with
`_sre.compile` and puts them into re's own cache, where every `re.compile` of the same pattern
finds them (as long as re has not dropped them to make room: it keeps 512).

Nothing but time depends on the file: the entries are keyed by the pattern's text and flags, so a
pattern edited since the build is compiled as usual; another Python version, a damaged file or a
re module without that cache (re._cache, as in CPython 3.11 to 3.13) and re compiles everything.
"""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path
from typing import Any

CACHE = Path(__file__).resolve().with_name("regex.cache")
_FORMAT = 1


def _stamp() -> tuple[Any, ...]:
    import _sre

    return (_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)


def _entry(pattern: str, flags: int) -> tuple[Any, ...]:
    """What re._compiler.compile passes to _sre.compile for `pattern` (after the pattern)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    all_flags = int(flags | parsed.state.flags)
    return (
        all_flags,
        [int(c) for c in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _rebuild(pattern: str, entry: tuple[Any, ...]) -> re.Pattern[str]:
    import _sre

    compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
    return compiled


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    return (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )


def write(patterns: list[tuple[str, int]], path: Path = CACHE) -> int:
    """Store the compiled form of `patterns` (text, flags); return how many were stored.

    Each is checked first: rebuilt from its entry, it must equal what re.compile gives.
    """
    entries = []
    for pattern, flags in dict.fromkeys((p, int(f)) for p, f in patterns):
        try:
            entry = _entry(pattern, flags)
            if not _same(_rebuild(pattern, entry), re.compile(pattern, flags)):
                continue
        except Exception:  # a private API that changed: this pattern is left to re
            continue
        entries.append((pattern, flags, entry))
    path.write_bytes(marshal.dumps((_stamp(), entries)))
    return len(entries)


def compiled_patterns() -> list[tuple[str, int]]:
    """The text patterns in re's cache now (what this process has compiled), oldest first."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return []
    return [(key[1], int(key[2])) for key in cache if key[0] is str and isinstance(key[2], int)]


def is_current(path: Path = CACHE) -> bool:
    """The file exists and was written for this Python and this re."""
    try:
        stamp, _ = marshal.loads(path.read_bytes())
    except Exception:
        return False
    return bool(stamp == _stamp())


def warm(path: Path = CACHE) -> int:
    """Put the stored patterns into re's cache; return how many (0 whenever anything is off)."""
    cache = getattr(re, "_cache", None)
    limit = getattr(re, "_MAXCACHE", 0)
    if not isinstance(cache, dict) or not isinstance(limit, int):
        return 0
    try:
        stamp, entries = marshal.loads(path.read_bytes())
        if stamp != _stamp():
            return 0
        added = 0
        for pattern, flags, entry in entries:
            key = (str, pattern, flags)
            if key in cache:
                continue
            if len(cache) >= limit // 2:  # leave room: re drops its oldest entries when full
                break
            cache[key] = _rebuild(pattern, entry)
            added += 1
    except Exception:  # no file, a damaged one, another Python: re compiles as usual
        return 0
    return added
