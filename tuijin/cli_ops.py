"""The `tuijin` commands that run and keep an installation: `serve` (gunicorn, with its own
task-queue worker in the embedded setup), `worker`, `backup` and `restore`."""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

from .cli_setup import django_setup, prepare_database, refused

Add = Callable[[str, Callable[[argparse.Namespace], int], str, str], argparse.ArgumentParser]


def cmd_serve(args: argparse.Namespace) -> int:
    django_setup()
    if not args.no_migrate:
        prepare_database()
    return serve_app(
        args.host, args.port, workers=args.workers, threads=args.threads, access_log=args.access_log
    )


def serve_app(
    host: str,
    port: int,
    *,
    workers: int | None = None,
    threads: int | None = None,
    access_log: bool | None = None,
) -> int:
    """gunicorn with the production settings (tuijin/serving.py, docs/deploy.md)."""
    from tuijin.serving import ServerConfigError, serve, server_config

    try:
        config = server_config(host, port, workers=workers, threads=threads, access_log=access_log)
    except ServerConfigError as exc:
        return refused(exc)
    url_host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    url = f"http://{url_host}:{port}/"

    def ready() -> None:
        print(f"tuijin 正在运行 / serving at {url}  (Ctrl+C 停止)", flush=True)

    with _embedded_worker():
        return serve(config, on_ready=ready)


@contextlib.contextmanager
def _embedded_worker() -> Iterator[None]:
    """Without Redis (the embedded setup) the server brings its own task-queue worker, on the
    SQLite queue beside the database, and stops it when it stops. With REDIS_URL the worker is a
    service of its own (`tuijin worker`, docs/deploy.md); TUIJIN_EMBEDDED_WORKER=0 turns it off."""
    from django.conf import settings

    if settings.REDIS_URL or os.environ.get("TUIJIN_EMBEDDED_WORKER", "1").strip() == "0":
        yield
        return
    worker = subprocess.Popen([sys.executable, "-m", "tuijin.cli", "worker"])
    try:
        yield
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()


def cmd_worker(args: argparse.Namespace) -> int:
    """The task queue's worker (huey's consumer): runs the jobs the web pages start and, with
    the scheduler on, the daily warnings and reminders (tuijin/core/jobs.py)."""
    django_setup()
    prepare_database()
    from django.conf import settings
    from django.core.management import call_command

    where = "Redis" if settings.REDIS_URL else f"SQLite（{settings.DATA_DIR / 'queue.sqlite3'}）"
    print(f"tuijin 后台任务进程已启动，队列在 {where}（Ctrl+C 停止）", flush=True)
    options: dict[str, Any] = {"workers": args.workers} if args.workers else {}
    if args.no_schedule:
        options["periodic"] = False
    call_command("run_huey", **options)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    import time
    from pathlib import Path

    django_setup()
    from tuijin.core.backup import backup
    from tuijin.core.errors import ServiceError

    started = time.perf_counter()
    try:
        summary = backup(Path(args.out))
    except ServiceError as exc:
        return refused(exc)
    print(
        f"已备份到 {args.out}：{len(summary.tables)} 张表 {summary.rows():,} 行，"
        f"文件 {len(summary.files)} 个，用时 {time.perf_counter() - started:.1f} 秒"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    django_setup()
    prepare_database()
    from tuijin.core.backup import restore
    from tuijin.core.errors import ServiceError

    try:
        expected, problems = restore(Path(args.archive))
    except ServiceError as exc:
        return refused(exc)
    if problems:
        print("恢复后核对不一致：", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(
        f"已恢复并核对：{len(expected.tables)} 张表 {expected.rows():,} 行、"
        f"文件 {len(expected.files)} 个，行数与校验和全部一致"
    )
    return 0


def add_ops_commands(add: Add) -> None:
    serve = add("serve", cmd_serve, "启动网站", "tuijin serve --host 0.0.0.0 --port 8000")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers", type=int, help="进程数（默认取 TUIJIN_WORKERS，未设置时为 2×CPU 核数+1）"
    )
    serve.add_argument("--threads", type=int, help="每个进程的线程数（默认 TUIJIN_THREADS 或 4）")
    serve.add_argument(
        "--access-log",
        action="store_true",
        default=None,
        help="把访问日志写到标准输出（也可设 TUIJIN_ACCESS_LOG=1）",
    )
    serve.add_argument(
        "--no-migrate",
        action="store_true",
        help="启动前不迁移数据库（多台应用服务器时先在一台上运行 tuijin manage migrate）",
    )

    worker = add(
        "worker", cmd_worker, "启动后台任务进程（提取、导入导出、每日预警与提醒）", "tuijin worker"
    )
    worker.add_argument("--workers", type=int, help="并行任务数（默认取 TUIJIN_JOB_WORKERS 或 2）")
    worker.add_argument(
        "--no-schedule", action="store_true", help="不运行定时任务（多台机器时只在一台上运行）"
    )

    backup = add(
        "backup", cmd_backup, "备份数据库和上传的文件", "tuijin backup --out tuijin-备份.tar.gz"
    )
    backup.add_argument("--out", required=True, help="备份文件（.tar.gz）")
    restore = add(
        "restore",
        cmd_restore,
        "把备份恢复到一个空的安装并核对",
        "tuijin restore tuijin-备份.tar.gz",
    )
    restore.add_argument("archive", help="tuijin backup 生成的备份文件")
