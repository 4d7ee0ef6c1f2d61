"""Configuration comes from the environment; production settings pass Django's deploy checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    drop = {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in drop}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings(tmp_path: Path) -> None:
    done = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="0",
        TUIJIN_SECURE="1",
        SECRET_KEY="x" * 20 + "production-secret-key-with-enough-entropy-0987654321",
        ALLOWED_HOSTS="tuijin.example.gov.cn",
        TUIJIN_DATA_DIR=str(tmp_path),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_database_url_selects_the_backend(tmp_path: Path) -> None:
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    done = _run(["shell", "-c", code], DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    assert done.stdout.strip().splitlines()[-1] == "django.db.backends.sqlite3"
    done = _run(["shell", "-c", code], DATABASE_URL="postgres://u@127.0.0.1:5432/db")
    assert done.stdout.strip().splitlines()[-1] == "django.db.backends.postgresql"


def test_language_defaults_to_simplified_chinese() -> None:
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "zh-hans"
    assert "en" in dict(settings.LANGUAGES)
