"""`tuijin serve` (tuijin/serving.py): idle connections must not lock users out.

The live-server tests start the real command in a subprocess on a free port, with a fresh SQLite
database in a temporary folder, and deliberately few threads (2 workers × 2 threads): a server
that gave each connection a thread would be starved by the first four idle ones.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from tuijin.serving import ServerConfig, ServerConfigError, default_workers, server_config

IDLE_CONNECTIONS = 300
ANSWER_WITHIN = 2.0  # seconds
KEEPALIVE = 2  # seconds, TUIJIN_KEEPALIVE of the live server
PAGE = "/login/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str = PAGE, timeout: float = ANSWER_WITHIN) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _wait_until_serving(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"tuijin serve exited ({server.returncode}):\n{log.read_text()}")
        try:
            if _get(port, timeout=5) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"tuijin serve did not answer within 30 s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def live_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    data_dir = tmp_path_factory.mktemp("serve")
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": "",  # the SQLite file in TUIJIN_DATA_DIR, whatever the test run uses
        "TUIJIN_DATA_DIR": str(data_dir),
        "TUIJIN_KEEPALIVE": str(KEEPALIVE),
        "DEBUG": "0",
        "TUIJIN_EMBEDDED_WORKER": "0",  # no task-queue worker beside it: one process less to start
    }
    command = [sys.executable, "-m", "tuijin.cli", "serve", "--port", str(port)]
    command += ["--workers", "2", "--threads", "2"]
    log = data_dir / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_serving(port, server, log)
        for _ in range(4):  # let every worker answer once (its first request is the slowest)
            _get(port, timeout=10)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def answers_despite_idle_connections(port: int, first_bytes: bytes) -> list[float]:
    """Open IDLE_CONNECTIONS connections that send FIRST_BYTES (maybe nothing) and then nothing
    more; while they are open, a few fresh clients each ask for the login page. Returns how long
    each answer took; raises (a timeout, a refused connection) or asserts if one did not come."""
    with ExitStack() as stack:
        for _ in range(IDLE_CONNECTIONS):
            idle = stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=5))
            if first_bytes:
                idle.sendall(first_bytes)
        time.sleep(0.3)  # every idle connection has reached the server
        took = []
        for _ in range(5):
            started = time.monotonic()
            assert _get(port) == 200
            took.append(time.monotonic() - started)
        return took


def test_silent_connections_do_not_keep_users_out(live_port: int) -> None:
    took = answers_despite_idle_connections(live_port, b"")
    assert max(took) < ANSWER_WITHIN, took


def test_half_sent_request_lines_do_not_keep_users_out(live_port: int) -> None:
    took = answers_despite_idle_connections(live_port, b"GET /log")
    assert max(took) < ANSWER_WITHIN, took


def test_a_request_head_never_finished_is_dropped_after_the_keepalive_time(live_port: int) -> None:
    with socket.create_connection(("127.0.0.1", live_port), timeout=KEEPALIVE + 5) as idle:
        idle.sendall(b"GET /login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
        started = time.monotonic()
        assert idle.recv(1024) == b""  # closed by the server, no answer
        assert time.monotonic() - started < KEEPALIVE + 2


def test_a_kept_alive_connection_serves_several_requests(live_port: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", live_port, timeout=5)
    try:
        for _ in range(3):
            connection.request("GET", PAGE)
            response = connection.getresponse()
            response.read()
            assert response.status == 200
            assert response.getheader("Connection", "").lower() != "close"
    finally:
        connection.close()


# ── the configuration, without a server ─────────────────────────────────────────────────────


def test_defaults_are_the_documented_production_settings() -> None:
    config = server_config("127.0.0.1", 8000, environ={})
    settings = config.gunicorn_settings()
    assert settings["bind"] == "127.0.0.1:8000"
    assert settings["workers"] == default_workers() == 2 * (os.cpu_count() or 1) + 1
    assert settings["threads"] == 4
    assert settings["worker_class"].__name__ == "IdleSafeThreadWorker"
    assert (settings["timeout"], settings["graceful_timeout"], settings["keepalive"]) == (30, 30, 5)
    assert (settings["max_requests"], settings["max_requests_jitter"]) == (1000, 100)
    assert settings["accesslog"] is None


def test_the_environment_and_then_the_command_line_override_the_defaults() -> None:
    environ = {"TUIJIN_WORKERS": "3", "TUIJIN_THREADS": "8", "TUIJIN_ACCESS_LOG": "1"}
    assert server_config("::", 80, environ=environ) == ServerConfig(
        bind="[::]:80", workers=3, threads=8, accesslog="-"
    )
    config = server_config("0.0.0.0", 80, workers=2, access_log=False, environ=environ)
    assert (config.workers, config.threads, config.accesslog) == (2, 8, None)
    config = server_config("127.0.0.1", 80, environ={"TUIJIN_MAX_REQUESTS": "0"})
    assert (config.max_requests, config.max_requests_jitter) == (0, 0)


@pytest.mark.parametrize(
    ("environ", "workers"),
    [
        ({"TUIJIN_WORKERS": "many"}, None),
        ({"TUIJIN_KEEPALIVE": "0"}, None),
        ({"TUIJIN_THREADS": "-2"}, None),
        ({}, 0),
    ],
)
def test_an_unusable_setting_is_refused_with_its_name(
    environ: dict[str, str], workers: int | None
) -> None:
    with pytest.raises(ServerConfigError) as refused:
        server_config("127.0.0.1", 8000, workers=workers, environ=environ)
    assert (next(iter(environ), None) or "--workers") in str(refused.value)
