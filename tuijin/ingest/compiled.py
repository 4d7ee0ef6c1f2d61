"""Which build of the engine runs: its plain Python source, or the same source compiled by mypyc.

`scripts/build_engine.py` (run by `make install`) compiles the engine's rule modules into C
extensions beside their sources and, last, writes a manifest of the sources it compiled (size,
mtime and SHA-256) and of the extensions it wrote (size and mtime). Python prefers an extension
to a `.py` of the same name, so an old build would shadow an edited source, and a missing or
half-written extension would mix builds: `guard()`, run when the package is imported, checks the
manifest and, unless every compiled source is unchanged and every extension is in place, makes
every engine module load from its source (all of them, since compiled modules call one another
directly). `TUIJIN_ENGINE=python` asks for the source build too. The results are the same either
way; the compiled build is faster (benchmarks/README.md gives the figures).

A process decides when it imports the package; the stage modules it loads later come from the
build it chose. Rebuilding in place under a running server can therefore mix builds in it:
restart long-running processes after `make install`.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType

# Imported at every start of the engine, so it reads its manifest without json, hashes only a
# source whose size or time changed, and loads importlib.util and hashlib only when it must.

PACKAGE = "tuijin.ingest"
ROOT = Path(__file__).resolve().parent
MANIFEST = ROOT / "compiled.manifest"  # lines: module, size, mtime_ns, sha256 | ext, path, …
GROUP = f"{PACKAGE}.native"  # the compiled code's shared library: tuijin/ingest/native__mypyc…so
# Kept as plain Python: the package and its entry points, process and signal handling, the result
# classes (pickled between processes and copied with dataclasses.replace) and the file readers,
# which spend their time in the libraries they call.
PLAIN = frozenset(
    {
        "__init__",
        "__main__",
        "cli",
        "compiled",
        "errors",
        "forked",
        "pipeline",
        "regex_cache",
        "result",
    }
)
PLAIN_PACKAGES = frozenset({"readers", "tests"})


def sources(root: Path = ROOT) -> Iterator[Path]:
    """The engine's source files that the build compiles, in a stable order."""
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] in PLAIN_PACKAGES or path.stem in PLAIN:
            continue
        yield path


def module_name(path: Path, root: Path = ROOT) -> str:
    return ".".join((PACKAGE, *path.relative_to(root).with_suffix("").parts))


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def extensions(root: Path = ROOT) -> list[Path]:
    """The compiled modules (C extensions) under `root`, in a stable order."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(p for p in root.rglob("*") if p.name.endswith(suffixes))


def write_manifest(
    compiled: Sequence[Path], note: str = "", *, root: Path = ROOT, manifest: Path = MANIFEST
) -> None:
    """Record the sources the build compiled and the extensions it wrote (none, with a note,
    when it could not build). Written last, through a temporary file, so that a process never
    reads a manifest for extensions still being written."""
    lines = [f"python\t{sys.implementation.cache_tag}", "note\t" + " ".join(note.split())]
    for path in compiled:
        st = path.stat()
        lines.append(f"{module_name(path, root)}\t{st.st_size}\t{st.st_mtime_ns}\t{_digest(path)}")
    if compiled:
        for path in extensions(root):
            st = path.stat()
            lines.append(
                f"ext\t{path.relative_to(root).as_posix()}\t{st.st_size}\t{st.st_mtime_ns}"
            )
    partial = manifest.with_name(manifest.name + ".partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(partial, manifest)


def _unchanged(path: Path, size: str, mtime_ns: str, sha256: str) -> bool:
    """`path` is the source that was compiled: same size and time, or else the same hash."""
    try:
        st = path.stat()
    except OSError:
        return False
    if str(st.st_size) != size:
        return False
    return str(st.st_mtime_ns) == mtime_ns or _digest(path) == sha256


def _in_place(path: Path, size: str, mtime_ns: str) -> bool:
    """`path` is the extension the build wrote: there, with the same size and time."""
    try:
        st = path.stat()
    except OSError:
        return False
    return str(st.st_size) == size and str(st.st_mtime_ns) == mtime_ns


def is_current(root: Path = ROOT, manifest: Path = MANIFEST) -> bool:
    """A build exists for this Python, every source it compiled is unchanged and every
    extension it wrote is in place, one beside each compiled source."""
    try:
        rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError):
        return False
    if not rows or rows[0] != ["python", sys.implementation.cache_tag]:
        return False
    modules = [row for row in rows[1:] if row[0].startswith(PACKAGE + ".")]
    built = [row for row in rows[1:] if row[0] == "ext"]
    if not modules or any(len(row) != 4 for row in modules + built):
        return False
    stems = {rel.split(".", 1)[0] for _, rel, _, _ in built}
    for name, *recorded in modules:
        rel = name.removeprefix(PACKAGE + ".").replace(".", "/")
        if rel not in stems or not _unchanged(root / f"{rel}.py", *recorded):
            return False
    return all(_in_place(root / rel, size, mtime_ns) for _, rel, size, mtime_ns in built)


class _SourceFirst:
    """Loads an engine module from its `.py` file where a compiled extension sits beside it.

    A meta path finder (importlib.abc.MetaPathFinder's protocol, without importing it); every
    other module (the tests' too, which pytest's own finder rewrites) is left to the others.
    """

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(PACKAGE + ".") or path is None:
            return None
        from importlib.util import spec_from_file_location

        leaf = fullname.rpartition(".")[2]
        for folder in path:
            source = os.path.join(folder, leaf + ".py")
            if os.path.isfile(source) and any(
                os.path.exists(os.path.join(folder, leaf + suffix))
                for suffix in importlib.machinery.EXTENSION_SUFFIXES
            ):
                return spec_from_file_location(fullname, source)
        return None


def guard() -> None:
    """Use the compiled build only when it matches every source it was built from."""
    wanted = os.environ.get("TUIJIN_ENGINE", "").strip().lower() != "python"
    if wanted and is_current():
        return
    if not any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFirst())


def build() -> str:
    """'compiled' or 'python': which build this process runs (read off a loaded module)."""
    from . import normalize

    compiled = str(normalize.__file__).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    return "compiled" if compiled else "python"
