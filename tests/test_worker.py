"""The task queue end to end, as deployed: one process starts a job, a separate `tuijin worker`
process takes it from the queue (SQLite for the embedded setup, Redis for production) and runs
it, and the first process sees the job done. Real processes, real queue, a file database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

START = """
import django, sys
django.setup()
from tuijin.core.jobs import job_start
import tuijin.reporting.tasks  # the daily job's kind
job = job_start(kind="daily", label="队列测试", actor=None, args=("2026-06-30",))
print(job.pk, job.status)
"""


def _redis_url() -> str:
    redis = pytest.importorskip("redis")
    url = os.environ.get("TUIJIN_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        if os.environ.get("TUIJIN_REQUIRE_REDIS"):
            raise
        pytest.skip(f"Redis 不可用：{url}")
    return url


@pytest.mark.parametrize("queue", ["sqlite", "redis"])
def test_a_job_started_in_one_process_is_run_by_the_worker_process(
    tmp_path: Path, queue: str
) -> None:
    env = {
        **os.environ,
        "TUIJIN_DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "DEBUG": "1",
        "TUIJIN_JOBS_IMMEDIATE": "0",
        "DJANGO_SETTINGS_MODULE": "tuijin.settings",
    }
    if queue == "redis":
        url = _redis_url()
        env["REDIS_URL"] = url
        import redis

        client = redis.Redis.from_url(url)
        client.flushdb()
    else:
        env.pop("REDIS_URL", None)
    tuijin = [sys.executable, "-m", "tuijin.cli"]
    subprocess.run([*tuijin, "manage", "migrate", "-v0"], env=env, check=True, timeout=120)
    started = subprocess.run(
        [sys.executable, "-c", START], env=env, capture_output=True, text=True, timeout=60
    )
    assert started.returncode == 0, started.stderr
    pk, status = started.stdout.split()
    assert status == "queued"  # nothing runs it until a worker takes it
    worker = subprocess.Popen(
        [*tuijin, "worker", "--no-schedule"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        row = None
        while time.monotonic() < deadline:
            with sqlite3.connect(tmp_path / "tuijin.sqlite3") as db:
                row = db.execute(
                    "select status, result_note from core_job where id = ?", (int(pk),)
                ).fetchone()
            if row and row[0] in ("done", "failed"):
                break
            time.sleep(0.5)
        assert row is not None and row[0] == "done", row
        assert "刷新预警" in row[1]
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        output, _ = worker.communicate(timeout=30)
    assert "tuijin.core.jobs.run_job" in output
    if queue == "sqlite":
        assert (tmp_path / "queue.sqlite3").exists()
