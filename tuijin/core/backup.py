"""`tuijin backup` and `tuijin restore`: the database and the uploaded files in one archive.

The archive (.tar.gz) holds
    manifest.json        engine, time, and for every table its row count and a checksum of its
                         rows in key order; for every stored file its sha256
    database.sqlite3     (SQLite) a consistent copy made with SQLite's online backup
    database.pgdump      (PostgreSQL) `pg_dump --format=custom`
    files/<name>         every file of the default storage (Django's storage API, so an
                         S3-compatible store is read and written the same way)

A restore goes onto an install of the same engine that holds no data yet (refused otherwise, and
nothing is changed), puts the files back, then computes every count and checksum again and
compares them with the manifest: a restore that does not give the same rows says so and fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, models

from .errors import ServiceError

FORMAT = 1
# Rows that `migrate` itself writes into an empty install: not data, left out of the "empty" test.
_SEEDED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


@dataclass
class Summary:
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    def rows(self) -> int:
        return sum(int(t["count"]) for t in self.tables.values())


def _models() -> Iterator[type[models.Model]]:
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            yield model


def table_checksums() -> dict[str, dict[str, Any]]:
    """Every table's row count and a sha256 of its rows in primary-key order."""
    out: dict[str, dict[str, Any]] = {}
    for model in _models():
        columns = [f.attname for f in model._meta.concrete_fields]
        digest = hashlib.sha256()
        count = 0
        rows = model._base_manager.order_by("pk").values_list(*columns).iterator(chunk_size=5000)
        for row in rows:
            digest.update(repr(row).encode())
            count += 1
        out[model._meta.label_lower] = {"count": count, "sha256": digest.hexdigest()}
    return out


def _storage_files(prefix: str = "") -> Iterator[str]:
    try:
        folders, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{prefix}{name}"
    for folder in folders:
        yield from _storage_files(f"{prefix}{folder}/")


def _sha256_of(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise ServiceError("B001", f"不支持备份此数据库：{vendor}")
    return vendor


def backup(out: Path) -> Summary:
    """Write the archive OUT; returns what it holds."""
    engine = _engine()
    summary = Summary(tables=table_checksums())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        database = work / ("database.sqlite3" if engine == "sqlite" else "database.pgdump")
        if engine == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(database)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            _pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(database))
        partial = out.with_name(out.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(database, arcname=database.name)
            for name in _storage_files():
                summary.files[name] = _sha256_of(name)
                with default_storage.open(name, "rb") as handle:
                    info = tarfile.TarInfo(f"files/{name}")
                    info.size = default_storage.size(name)
                    archive.addfile(info, handle)
            manifest = json.dumps(
                {
                    "format": FORMAT,
                    "engine": engine,
                    "created": dt.datetime.now(dt.UTC).isoformat(),
                    "tables": summary.tables,
                    "files": summary.files,
                },
                ensure_ascii=False,
                indent=1,
            ).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(manifest)
            archive.addfile(info, io.BytesIO(manifest))
        os.replace(partial, out)
    return summary


def restore(archive_path: Path) -> tuple[Summary, list[str]]:
    """Restore ARCHIVE_PATH onto this empty install. Returns (what the manifest holds, the
    differences found when checking; empty when every count and checksum matches)."""
    engine = _engine()
    with tempfile.TemporaryDirectory() as tmp, _open_archive(archive_path) as archive:
        manifest = _manifest(archive)
        if manifest["engine"] != engine:
            raise ServiceError(
                "B003", f"备份来自 {manifest['engine']}，不能恢复到 {engine}（请用同一种数据库）"
            )
        _refuse_unless_empty()
        work = Path(tmp)
        members = [m for m in archive.getmembers() if m.isfile() and _safe(m.name)]
        for member in members:
            if member.name.startswith("database."):
                archive.extract(member, work, filter="data")
        if engine == "sqlite":
            _sqlite_restore(work / "database.sqlite3")
        else:
            _pg(
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "-d",
                _pg_name(),
                str(work / "database.pgdump"),
            )
        for member in members:
            if not member.name.startswith("files/"):
                continue
            name = member.name[len("files/") :]
            source = archive.extractfile(member)
            assert source is not None
            if default_storage.exists(name):
                default_storage.delete(name)
            if default_storage.save(name, File(source, name=name)) != name:
                raise ServiceError("B005", f"文件无法按原名恢复：{name}")
    expected = Summary(tables=manifest["tables"], files=manifest["files"])
    return expected, _differences(expected)


def _differences(expected: Summary) -> list[str]:
    found = table_checksums()
    problems = []
    for label, want in expected.tables.items():
        got = found.get(label)
        if got is None:
            problems.append(f"表 {label} 不存在")
        elif got != want:
            problems.append(
                f"表 {label}：应为 {want['count']} 行，实为 {got['count']} 行或内容不同"
            )
    for name, digest in expected.files.items():
        if not default_storage.exists(name) or _sha256_of(name) != digest:
            problems.append(f"文件 {name} 缺失或内容不同")
    return problems


def _refuse_unless_empty() -> None:
    for model in _models():
        label = model._meta.label_lower
        if label in _SEEDED:
            continue
        if model._base_manager.exists():
            raise ServiceError(
                "B004",
                f"目标数据库已有数据（{model._meta.verbose_name}），"
                "只能恢复到空的安装；未做任何改动",
            )


def _sqlite_restore(source: Path) -> None:
    connection.ensure_connection()
    live = connection.connection
    origin = sqlite3.connect(source)
    try:
        origin.backup(live)
    finally:
        origin.close()
    connection.close()


def _pg_name() -> str:
    db = settings.DATABASES["default"]
    return str(db["NAME"])


def _pg(program: str, *args: str) -> None:
    if shutil.which(program) is None:
        raise ServiceError(
            "B006", f"未找到 PostgreSQL 工具 {program}（Debian：apt-get install postgresql-client）"
        )
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    base = ["-h", str(db.get("HOST") or "localhost"), "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        base += ["-U", str(db["USER"])]
    if program == "pg_dump":
        base += ["-d", _pg_name()]
    connection.close()  # the tool works on its own connection
    run = subprocess.run([program, *base, *args], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise ServiceError("B007", f"{program} 失败：{run.stderr.strip()[-500:]}")


def _open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise ServiceError("B002", f"无法读取备份文件：{path.name}") from exc


def _manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.getmember("manifest.json")
        handle = archive.extractfile(member)
        assert handle is not None
        manifest: dict[str, Any] = json.loads(handle.read())
    except (KeyError, ValueError, AssertionError) as exc:
        raise ServiceError("B002", "备份文件缺少说明（manifest.json），不是 tuijin 的备份") from exc
    if manifest.get("format") != FORMAT:
        raise ServiceError("B002", f"备份格式 {manifest.get('format')} 不受支持")
    return manifest


def _safe(name: str) -> bool:
    parts = Path(name).parts
    return not name.startswith("/") and ".." not in parts
