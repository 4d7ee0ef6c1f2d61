"""Configuration comes from the environment; production settings pass Django's deploy checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


# Variables that switch on the development mode (a public development key is allowed) or
# otherwise change the configuration; each test sets what it means.
DROP = {
    "DATABASE_URL",
    "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SECRET_KEY",
    "TUIJIN_DEV",
    "TUIJIN_DEMO_PASSWORD",
    "TUIJIN_SECURE",
}
PRODUCTION = {
    "DEBUG": "0",
    "TUIJIN_SECURE": "1",
    "SECRET_KEY": "x" * 20 + "production-secret-key-with-enough-entropy-0987654321",
    "ALLOWED_HOSTS": "tuijin.example.gov.cn",
}


def _run(
    args: list[str],
    env: dict[str, str] | None = None,
    *,
    under_pytest: bool = True,
    cli: bool = False,
    python: bool = False,
) -> subprocess.CompletedProcess[str]:
    """manage.py ARGS (`tuijin ARGS` with cli, `python ARGS` with python) in a fresh process
    with ENV; outside the tests' development mode unless under_pytest."""
    drop = DROP if under_pytest else DROP | {"PYTEST_VERSION"}
    base = {k: v for k, v in os.environ.items() if k not in drop}
    program = [] if python else ["-m", "tuijin.cli"] if cli else ["manage.py"]
    return subprocess.run(
        [sys.executable, *program, *args],
        cwd=ROOT,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


def _production(tmp_path: Path, **change: str) -> dict[str, str]:
    """The documented production settings without SECRET_KEY, with CHANGE."""
    env = {**PRODUCTION, "TUIJIN_DATA_DIR": str(tmp_path), **change}
    if "SECRET_KEY" not in change:
        del env["SECRET_KEY"]
    return env


def test_check_deploy_is_clean_under_production_settings(tmp_path: Path) -> None:
    done = _run(
        ["manage", "check", "--deploy", "--fail-level", "WARNING"],
        _production(tmp_path, SECRET_KEY=PRODUCTION["SECRET_KEY"]),
        under_pytest=False,
        cli=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues (0 silenced)" in done.stdout


def test_a_production_start_without_secret_key_is_refused(tmp_path: Path) -> None:
    """DEBUG off and no SECRET_KEY: no server with the key everyone can read in the source."""
    done = _run(["manage", "check"], _production(tmp_path), under_pytest=False, cli=True)
    assert done.returncode == 2
    assert "[S001]" in done.stderr and "SECRET_KEY" in done.stderr, done.stderr
    blank = _production(tmp_path, SECRET_KEY=" ")  # blank is missing too
    done = _run(["manage", "check"], blank, under_pytest=False, cli=True)
    assert done.returncode == 2 and "[S001]" in done.stderr
    wsgi = ["-c", "import tuijin.wsgi"]  # a WSGI server (gunicorn, waitress) loading the app
    done = _run(wsgi, _production(tmp_path), under_pytest=False, python=True)
    assert done.returncode != 0 and "[S001]" in done.stderr, done.stderr


def test_tuijin_serve_without_secret_key_stops_with_the_reason(tmp_path: Path) -> None:
    args = ["serve", "--port", "8999"]
    done = _run(args, _production(tmp_path), under_pytest=False, cli=True)
    assert done.returncode == 2
    assert done.stderr.startswith("错误: [S001] 未设置 SECRET_KEY"), done.stderr
    assert "Traceback" not in done.stderr


def test_the_demo_runs_without_setting_anything(tmp_path: Path) -> None:
    """`make demo` (`tuijin demo`) needs no SECRET_KEY and no DEBUG: it is the development mode."""
    env = {"TUIJIN_DATA_DIR": str(tmp_path)}
    done = _run(["demo", "--no-serve"], env, under_pytest=False, cli=True)
    assert done.returncode == 0, done.stderr
    assert "admin / tuijin-demo" in done.stdout


def test_the_development_key_is_allowed_only_in_development_mode(tmp_path: Path) -> None:
    code = "from django.conf import settings; print(settings.SECRET_KEY == settings.DEV_SECRET_KEY)"
    data = {"TUIJIN_DATA_DIR": str(tmp_path)}
    for mode in ({"TUIJIN_DEV": "1"}, {"DEBUG": "1"}):  # `tuijin demo` / local development
        done = _run(["shell", "-c", code], {**data, **mode}, under_pytest=False)
        assert done.stdout.strip().splitlines()[-1] == "True", done.stderr
    done = _run(["shell", "-c", code], data)  # the tests
    assert done.stdout.strip().splitlines()[-1] == "True", done.stderr
    done = _run(["shell", "-c", code], data, under_pytest=False)  # manage.py in the checkout
    assert done.stdout.strip().splitlines()[-1] == "True", done.stderr
    production = {**data, "DEBUG": "0"}
    done = _run(["manage", "shell", "-c", code], production, under_pytest=False, cli=True)
    assert done.returncode == 2 and "[S001]" in done.stderr, done.stderr  # `tuijin manage`


def test_check_deploy_reports_the_development_key_and_a_short_key(tmp_path: Path) -> None:
    dev = _production(tmp_path, TUIJIN_DEV="1")
    done = _run(["check", "--deploy"], dev, under_pytest=False)
    assert done.returncode != 0
    assert "tuijin.S002" in done.stderr and "开发密钥" in done.stderr, done.stderr
    short = _production(tmp_path, SECRET_KEY="short-but-set")
    done = _run(["check", "--deploy"], short, under_pytest=False)
    assert "tuijin.S003" in done.stderr, done.stderr


def test_database_url_selects_the_backend(tmp_path: Path) -> None:
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    done = _run(["shell", "-c", code], {"DATABASE_URL": f"sqlite:///{tmp_path}/x.db"})
    assert done.stdout.strip().splitlines()[-1] == "django.db.backends.sqlite3"
    done = _run(["shell", "-c", code], {"DATABASE_URL": "postgres://u@127.0.0.1:5432/db"})
    assert done.stdout.strip().splitlines()[-1] == "django.db.backends.postgresql"


def test_language_defaults_to_simplified_chinese() -> None:
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "zh-hans"
    assert "en" in dict(settings.LANGUAGES)
