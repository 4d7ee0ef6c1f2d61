"""`tuijin backup` then `tuijin restore` onto an empty install gives the same rows and files
(the restore checks every table's count and checksum against the backup's manifest); a restore
onto an install that has data is refused and changes nothing. SQLite always; PostgreSQL too
when DATABASE_URL points at one (throwaway databases beside it)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

FILL = """
import django
django.setup()
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from tuijin.orgs.models import Unit
from tuijin.projects.models import Project
for i in range(30):
    unit = Unit.objects.create(name=f"备份测试单位{i}", short_name=f"单位{i}")
    Project.objects.create(name=f"备份测试项目{i}", lead_unit=unit, total_investment=f"{i}.25")
default_storage.save("reporting/附件.txt", ContentFile("进展材料".encode()))
"""
COUNT = """
import django
django.setup()
from tuijin.projects.models import Project
from django.core.files.storage import default_storage
print(Project.objects.count(), default_storage.open("reporting/附件.txt").read().decode())
"""


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=300
    )


def _databases() -> list[str]:
    engines = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        engines.append("postgresql")
    return engines


@pytest.mark.parametrize("engine", _databases())
def test_a_backup_restores_onto_an_empty_install_with_identical_rows_and_files(
    tmp_path: Path, engine: str
) -> None:
    envs = []
    created: list[str] = []
    for side in ("a", "b"):
        env = {**os.environ, "TUIJIN_DATA_DIR": str(tmp_path / side), "DEBUG": "1"}
        if engine == "sqlite":
            env["DATABASE_URL"] = ""
        else:
            base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
            name = f"tuijin_backup_{side}_{uuid.uuid4().hex[:8]}"
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
            created.append(name)
            env["DATABASE_URL"] = f"{base}/{name}"
        envs.append(env)
    a, b = envs
    archive = tmp_path / "备份.tar.gz"
    try:
        assert _run(a, "-m", "tuijin.cli", "manage", "migrate", "-v0").returncode == 0
        filled = _run(a, "-c", FILL)
        assert filled.returncode == 0, filled.stderr
        made = _run(a, "-m", "tuijin.cli", "backup", "--out", str(archive))
        assert made.returncode == 0, made.stderr
        assert "文件 1 个" in made.stdout
        restored = _run(b, "-m", "tuijin.cli", "restore", str(archive))
        assert restored.returncode == 0, restored.stderr
        assert "行数与校验和全部一致" in restored.stdout
        counted = _run(b, "-c", COUNT)
        assert counted.stdout.split() == ["30", "进展材料"], counted.stderr
        # a second restore finds data there: refused, nothing changed
        again = _run(b, "-m", "tuijin.cli", "restore", str(archive))
        assert again.returncode == 2 and "[B004]" in again.stderr
        assert _run(b, "-c", COUNT).stdout.split()[0] == "30"
    finally:
        for name in created:
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name])


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "TUIJIN_DATA_DIR": str(tmp_path), "DEBUG": "1", "DATABASE_URL": ""}
    bogus = tmp_path / "x.tar.gz"
    bogus.write_bytes(b"not a tar")
    run = _run(env, "-m", "tuijin.cli", "restore", str(bogus))
    assert run.returncode == 2 and "[B002]" in run.stderr
