"""The compiled engine is used only while it matches its sources, and gives the same results."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tuijin.ingest import compiled

ROOT = Path(__file__).resolve().parents[3]


def _package(tmp_path: Path) -> Path:
    """A small copy of the engine's layout: two rule modules, a plain one and a test."""
    root = tmp_path / "ingest"
    (root / "parts").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "__init__.py").write_text("")
    (root / "rules.py").write_text("X = 1\n")
    (root / "parts" / "words.py").write_text("Y = 2\n")
    (root / "pipeline.py").write_text("Z = 3\n")
    (root / "tests" / "test_rules.py").write_text("")
    for stem in ("rules", "parts/words", "native__mypyc"):  # what a build writes beside them
        (root / (stem + _SUFFIX)).write_bytes(b"\x7fELF" + stem.encode())
    return root


_SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def test_the_build_compiles_rule_modules_and_leaves_entry_points_and_tests_plain(
    tmp_path: Path,
) -> None:
    root = _package(tmp_path)
    names = [compiled.module_name(p, root) for p in compiled.sources(root)]
    assert names == ["tuijin.ingest.parts.words", "tuijin.ingest.rules"]


def test_a_build_is_current_until_a_compiled_source_changes(tmp_path: Path) -> None:
    root = _package(tmp_path)
    manifest = tmp_path / "compiled.manifest"
    assert not compiled.is_current(root, manifest)  # nothing built yet
    compiled.write_manifest(list(compiled.sources(root)), root=root, manifest=manifest)
    assert compiled.is_current(root, manifest)
    (root / "pipeline.py").write_text("Z = 4\n")  # not compiled: no matter
    assert compiled.is_current(root, manifest)
    (root / "parts" / "words.py").write_text("Y = 3\n")  # same size, new content
    assert not compiled.is_current(root, manifest)


def test_a_touched_but_unchanged_source_keeps_the_build(tmp_path: Path) -> None:
    root = _package(tmp_path)
    manifest = tmp_path / "compiled.manifest"
    compiled.write_manifest(list(compiled.sources(root)), root=root, manifest=manifest)
    later = time.time() + 60
    os.utime(root / "rules.py", (later, later))  # a fresh checkout gives every file a new time
    assert compiled.is_current(root, manifest)
    (root / "rules.py").unlink()
    assert not compiled.is_current(root, manifest)


def test_a_failed_build_or_another_python_is_not_current(tmp_path: Path) -> None:
    root = _package(tmp_path)
    manifest = tmp_path / "compiled.manifest"
    compiled.write_manifest([], note="no C compiler", root=root, manifest=manifest)
    assert not compiled.is_current(root, manifest)
    compiled.write_manifest(list(compiled.sources(root)), root=root, manifest=manifest)
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(sys.implementation.cache_tag, "cpython-99"), encoding="utf-8")
    assert not compiled.is_current(root, manifest)
    manifest.write_text(text.replace("\t", " "), encoding="utf-8")  # not a manifest
    assert not compiled.is_current(root, manifest)


def test_a_build_with_an_extension_missing_or_rewritten_is_not_current(tmp_path: Path) -> None:
    root = _package(tmp_path)
    manifest = tmp_path / "compiled.manifest"
    compiled.write_manifest(list(compiled.sources(root)), root=root, manifest=manifest)
    assert compiled.is_current(root, manifest)
    group = root / ("native__mypyc" + _SUFFIX)
    group.write_bytes(group.read_bytes()[:3])  # cut short, as by a build still writing it
    assert not compiled.is_current(root, manifest)
    compiled.write_manifest(list(compiled.sources(root)), root=root, manifest=manifest)
    assert compiled.is_current(root, manifest)
    (root / ("rules" + _SUFFIX)).unlink()
    assert not compiled.is_current(root, manifest)
    # a compiled source must have its extension in the manifest, not only on disk
    compiled.write_manifest(list(compiled.sources(root)), root=root, manifest=manifest)
    assert not compiled.is_current(root, manifest)


def _run(code: str, **env: str) -> str:
    environ = {**os.environ, **env}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


_WHICH = (
    "from tuijin.ingest import compiled, projects\n"
    "print(compiled.build(), projects.__file__.rsplit('.', 1)[-1])"
)


def test_tuijin_engine_python_loads_every_module_from_its_source() -> None:
    assert _run(_WHICH, TUIJIN_ENGINE="python").split() == ["python", "py"]


def test_make_install_builds_the_compiled_engine_where_ci_runs() -> None:
    """CI runs `make install`: its build must not have fallen back to the source silently."""
    if not os.environ.get("CI"):
        pytest.skip("only CI promises a C compiler")
    assert compiled.is_current(), compiled.MANIFEST.read_text(encoding="utf-8")
    assert _run(_WHICH, TUIJIN_ENGINE="").split() == ["compiled", "so"]


def test_the_compiled_engine_gives_the_same_json_as_the_source(tmp_path: Path) -> None:
    if not compiled.is_current():
        pytest.skip("no compiled build here (scripts/build_engine.py)")
    from tuijin.ingest.tests.test_pipeline import PLAN

    path = tmp_path / "plan.txt"
    path.write_text(PLAN * 3, encoding="utf-8")
    cmd = (
        "import sys; from tuijin.ingest.cli import main; "
        f"sys.exit(main([{str(path)!r}, '--out', '-']))"
    )
    source = _run(cmd, TUIJIN_ENGINE="python")
    built = _run(cmd, TUIJIN_ENGINE="")
    assert json.loads(built) == json.loads(source)
    assert json.loads(built)["assignments"]  # a result worth comparing


def test_the_source_finder_takes_only_modules_with_a_compiled_twin(tmp_path: Path) -> None:
    import importlib.machinery

    (tmp_path / "rules.py").write_text("X = 1\n")
    (tmp_path / "plain.py").write_text("Y = 1\n")
    (tmp_path / ("rules" + importlib.machinery.EXTENSION_SUFFIXES[0])).write_bytes(b"")
    finder = compiled._SourceFirst()
    spec = finder.find_spec("tuijin.ingest.rules", [str(tmp_path)])
    assert spec is not None and spec.origin == str(tmp_path / "rules.py")
    assert finder.find_spec("tuijin.ingest.plain", [str(tmp_path)]) is None  # left to the others
    assert finder.find_spec("other.rules", [str(tmp_path)]) is None
