"""Regexes stored at build time come back as re.compile would make them, or not at all."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

PATTERNS = [
    (r"(?P<year>\d{4})年(?:(?P<month>\d{1,2})月)?", 0),
    (r"(?:建设|推进|实施)(?=[^，。]{2,20}项目)", 0),
    (r"^[一二三四五六七八九十]+、", re.MULTILINE),
    (r"[^\u4e00-\u9fff]+", re.IGNORECASE),
]
SAMPLES = [
    "2025年6月底前建成",
    "加快建设城西水厂项目",
    "一、总体要求\n二、主要任务",
    "ＧＤＰ增长5%",
]

_CHECK = """
import re, sys
from pathlib import Path
from tuijin.ingest import regex_cache
cache = Path(sys.argv[1])
patterns = [tuple(p) for p in eval(sys.argv[2])]
before = {key for key in re._cache}
print(regex_cache.warm(cache))
for pattern, flags in patterns:
    print((str, pattern, flags) in re._cache and (str, pattern, flags) not in before)
"""


def _warm_in_fresh_process(cache: Path, patterns: list[tuple[str, int]]) -> list[str]:
    """Run warm() in a new interpreter (this one's re cache already holds the patterns)."""
    proc = subprocess.run(
        [sys.executable, "-c", _CHECK, str(cache), repr(patterns)],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.split()


def test_a_stored_pattern_matches_exactly_as_a_fresh_compile(tmp_path: Path) -> None:
    from tuijin.ingest import regex_cache

    cache = tmp_path / "regex.cache"
    assert regex_cache.write(PATTERNS, cache) == len(PATTERNS)
    _stamp, entries = marshal.loads(cache.read_bytes())
    for pattern, flags, entry in entries:
        rebuilt = regex_cache._rebuild(pattern, entry)
        fresh = re.compile(pattern, flags)
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groupindex,
        )
        for text in SAMPLES:
            assert [m.span() for m in rebuilt.finditer(text)] == [
                m.span() for m in fresh.finditer(text)
            ]
            assert [m.groups() for m in rebuilt.finditer(text)] == [
                m.groups() for m in fresh.finditer(text)
            ]


def test_warm_puts_the_stored_patterns_where_re_compile_finds_them(tmp_path: Path) -> None:
    from tuijin.ingest import regex_cache

    cache = tmp_path / "regex.cache"
    regex_cache.write(PATTERNS, cache)
    out = _warm_in_fresh_process(cache, PATTERNS)
    assert int(out[0]) >= len(PATTERNS)
    assert out[1:] == ["True"] * len(PATTERNS)


def test_a_file_from_another_python_or_a_damaged_one_is_ignored(tmp_path: Path) -> None:
    from tuijin.ingest import regex_cache

    cache = tmp_path / "regex.cache"
    regex_cache.write(PATTERNS, cache)
    stamp, entries = marshal.loads(cache.read_bytes())
    cache.write_bytes(marshal.dumps(((stamp[0], "3.99.0", *stamp[2:]), entries)))
    assert _warm_in_fresh_process(cache, PATTERNS) == ["0"] + ["False"] * len(PATTERNS)
    cache.write_bytes(b"\x00not marshal")
    assert _warm_in_fresh_process(cache, PATTERNS)[0] == "0"
    assert regex_cache.warm(tmp_path / "missing.cache") == 0


def test_the_engine_patterns_are_recorded_once_compiled() -> None:
    """In a fresh process (a long test run's re cache has dropped its oldest entries)."""
    code = (
        "from tuijin.ingest import regex_cache\n"
        "from tuijin.ingest.project_parts import signals\n"
        "print((signals.ANCHOR_RE.pattern, 0) in regex_cache.compiled_patterns())"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.split() == ["True"]


_ENGINE_PATTERNS = """
import hashlib, re
from tuijin.ingest import compiled, regex_cache
import importlib
for path in compiled.sources():
    importlib.import_module(compiled.module_name(path))
texts = sorted(p for p, _ in regex_cache.compiled_patterns())
print(hashlib.sha256("\\x00".join(texts).encode()).hexdigest(), len(texts))
"""


def test_the_engine_writes_its_patterns_the_same_way_in_every_process() -> None:
    """A pattern built from a set in hash order would differ from run to run and miss the cache."""
    outs = set()
    for seed in ("1", "2", "3"):
        proc = subprocess.run(
            [sys.executable, "-c", _ENGINE_PATTERNS],
            cwd=Path(__file__).resolve().parents[3],
            env={**os.environ, "PYTHONHASHSEED": seed, "TUIJIN_ENGINE": "python"},
            capture_output=True,
            text=True,
            check=True,
        )
        outs.add(proc.stdout)
    assert len(outs) == 1
    assert int(outs.pop().split()[1]) > 100
