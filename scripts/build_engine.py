"""Compile the extraction engine's rule modules with mypyc (run by `make install`).

    .venv/bin/python scripts/build_engine.py [--force | --clean]

The engine is plain, type-checked Python and runs as it is; compiled by mypyc (part of the
pinned mypy) into C extensions, the same source runs about a quarter faster. The extensions are
written beside their sources (ignored by git), with a manifest of the sources they were built
from: `tuijin/ingest/compiled.py` uses them only while every source is unchanged. Without a C
compiler, or if the build fails, the plain engine stays in use: this script says so, records
it in the manifest and exits 0. It also stores the engine's regexes as compiled
(`tuijin/ingest/regex_cache.py`). A build that is current is left as it is (the Makefile calls
this script whenever any engine file changes; only the compiled ones matter); `--force` rebuilds,
`--clean` removes the build. One build runs at a time (a lock in build/engine).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "engine"
sys.path.insert(0, str(ROOT))
os.environ["TUIJIN_ENGINE"] = "python"  # this process reads the sources only

from tuijin.ingest import compiled, regex_cache  # noqa: E402

_MYPY_CONFIG = """\
[mypy]
python_version = {version}
ignore_missing_imports = True
follow_untyped_imports = False
"""


def record_regexes() -> int:
    """Compile every engine module's regexes here, run the demo plan, and store them all."""
    import importlib

    re.purge()  # what the old cache put there when the package was imported
    from tuijin.ingest.pipeline import extract_file

    for path in compiled.sources():
        importlib.import_module(compiled.module_name(path))
    extract_file(ROOT / "tuijin" / "demo" / "plan.txt")  # patterns compiled on first use
    return regex_cache.write(regex_cache.compiled_patterns())


def remove_extensions() -> int:
    """Remove the manifest, then every compiled module of the engine; return how many."""
    compiled.MANIFEST.unlink(missing_ok=True)  # first: no process takes a half-removed build
    removed = 0
    for path in compiled.extensions():
        path.unlink()
        removed += 1
    return removed


def build() -> str:
    """Compile the engine in place; return '' or what went wrong (the compiler's output is in
    build/engine/build.log)."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    sources = list(compiled.sources())
    BUILD.mkdir(parents=True, exist_ok=True)
    config = BUILD / "mypy.ini"
    config.write_text(_MYPY_CONFIG.format(version=f"{sys.version_info[0]}.{sys.version_info[1]}"))
    cwd = os.getcwd()
    os.chdir(ROOT)  # mypyc names modules by their paths from here
    saved = [os.dup(1), os.dup(2)]
    sys.stdout.flush()
    sys.stderr.flush()
    with (BUILD / "build.log").open("wb") as log:
        os.dup2(log.fileno(), 1)  # mypyc's notes and the C compiler's output go to the log
        os.dup2(log.fileno(), 2)
    try:
        extensions = mypycify(
            ["--config-file", str(config), *(str(p.relative_to(ROOT)) for p in sources)],
            target_dir=str(BUILD.relative_to(ROOT)),
            group_name=compiled.GROUP,
            opt_level="1",  # as fast as the default -O3 here (benchmarks/README.md), built sooner
        )
        dist = Distribution({"name": "tuijin-engine", "ext_modules": extensions})
        dist.script_args = ["-q", "build_ext", "--inplace", "--build-temp", str(BUILD / "temp")]
        dist.parse_command_line()
        dist.run_commands()
    except (Exception, SystemExit) as exc:  # no compiler, a mypyc error: keep the plain engine
        return f"{type(exc).__name__}: {exc}"
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for fd, copy in ((1, saved[0]), (2, saved[1])):
            os.dup2(copy, fd)
            os.close(copy)
        os.chdir(cwd)
    compiled.write_manifest(sources)
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--clean", action="store_true", help="remove the compiled build")
    group.add_argument("--force", action="store_true", help="rebuild even if current")
    args = ap.parse_args(argv)
    BUILD.mkdir(parents=True, exist_ok=True)
    with (BUILD / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        return _run(clean=args.clean, force=args.force)


def _run(*, clean: bool, force: bool) -> int:
    if clean:
        removed = remove_extensions()
        regex_cache.CACHE.unlink(missing_ok=True)
        print(f"已删除编译版引擎（{removed} 个文件），将使用纯 Python 版。")
        return 0
    if not force and compiled.is_current() and regex_cache.is_current():
        compiled.MANIFEST.touch()  # for make: up to date with the files it watches
        print("编译版引擎已是最新（源文件未变）。")
        return 0
    remove_extensions()
    regex_cache.CACHE.unlink(missing_ok=True)
    try:
        print(f"已预编译引擎的正则表达式：{record_regexes()} 个。")
    except Exception as exc:  # only time depends on it: go on without
        print(f"未能预编译正则表达式（不影响结果）：{type(exc).__name__}: {exc}")
    if shutil.which(os.environ.get("CC", "cc")) is None:
        compiled.write_manifest([], note="no C compiler")
        print("未找到 C 编译器：引擎以纯 Python 运行（结果相同，速度较慢）。")
        return 0
    started = time.monotonic()
    problem = build()
    if problem:
        remove_extensions()
        compiled.write_manifest([], note=problem[:500])
        print(f"引擎编译失败，改用纯 Python 版（结果相同，速度较慢）：{problem[:300]}")
        print(f"编译输出见 {BUILD / 'build.log'}")
        return 0
    n = len(list(compiled.sources()))
    print(f"引擎已用 mypyc 编译：{n} 个模块，用时 {time.monotonic() - started:.0f} 秒。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
