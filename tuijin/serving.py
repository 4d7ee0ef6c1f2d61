"""`tuijin serve`: the web app under gunicorn, several processes with threads each.

The production setup (docs/deploy.md): gunicorn's master process forks `workers` processes (by
default 2 × cores + 1, or TUIJIN_WORKERS), each answering up to `threads` requests at a time
(TUIJIN_THREADS, default 4) with the `gthread` worker, behind a reverse proxy (nginx) that
terminates HTTPS. Settings come from the command line, then the environment, then the defaults
below; they are plain gunicorn settings, passed through its Python API (`BaseApplication`).

One change to gunicorn's threaded worker (`IdleSafeThreadWorker`): a connection gets a thread only
once a whole request head (request line and headers) has arrived. gunicorn 27's own worker gives
every new connection a thread at once, which then waits up to 5 s for its first byte and for
ever for the rest of a started request line, so a few hundred connections that send nothing or
half a request line occupy every thread (the same lock-out waitress's 100-connection limit
gave). Here such connections wait in the worker's poller, cost no thread, and are closed when
they have not sent a whole request head `keepalive` seconds after connecting (or after their
previous answer). A request body is read by the thread; each read waits at most `timeout` s.
"""

from __future__ import annotations

import os
import selectors
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import TConn, ThreadWorker

# The largest request head read before a thread takes over (which then applies gunicorn's
# own limits: limit_request_line, limit_request_fields, limit_request_field_size).
HEAD_BUFFER_LIMIT = 64 * 1024
HEAD_ENDS = (b"\r\n\r\n", b"\n\n")


def default_workers() -> int:
    return 2 * (os.cpu_count() or 1) + 1


@dataclass(frozen=True)
class ServerConfig:
    """What `tuijin serve` runs with; every field is a gunicorn setting of the same name."""

    bind: str = "127.0.0.1:8000"
    workers: int = 0  # 0: default_workers()
    threads: int = 4
    timeout: int = 30  # a request taking longer gets its worker killed and replaced
    graceful_timeout: int = 30  # on restart/stop, time left to finish the requests in hand
    keepalive: int = 5  # seconds a connection may wait, idle, for its (next) request head
    max_requests: int = 1000  # a worker is replaced after about this many requests…
    max_requests_jitter: int = 100  # …plus a random 0..100, so they do not restart together
    accesslog: str | None = None  # "-" for standard output
    worker_connections: int = 1000  # open connections per worker, idle ones included

    def gunicorn_settings(self) -> dict[str, Any]:
        settings = asdict(self)
        settings["workers"] = self.workers or default_workers()
        settings["worker_class"] = IdleSafeThreadWorker
        settings["preload_app"] = True  # Django is imported once, in the master, then forked
        settings["control_socket_disable"] = True  # no gunicornc socket in $HOME
        settings["proc_name"] = "tuijin"
        return settings


ENVIRONMENT = {
    "TUIJIN_WORKERS": "workers",
    "TUIJIN_THREADS": "threads",
    "TUIJIN_WORKER_TIMEOUT": "timeout",
    "TUIJIN_GRACEFUL_TIMEOUT": "graceful_timeout",
    "TUIJIN_KEEPALIVE": "keepalive",
    "TUIJIN_MAX_REQUESTS": "max_requests",
}


class ServerConfigError(ValueError):
    """A setting from the environment or the command line that cannot be used."""


def server_config(
    host: str,
    port: int,
    *,
    workers: int | None = None,
    threads: int | None = None,
    access_log: bool | None = None,
    environ: Mapping[str, str] = os.environ,
) -> ServerConfig:
    """The configuration from the command line's values, else the environment, else defaults."""
    values: dict[str, Any] = {"bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}"}
    for variable, field in ENVIRONMENT.items():
        raw = environ.get(variable, "").strip()
        if not raw:
            continue
        lowest = 0 if field == "max_requests" else 1  # max_requests 0: never replace a worker
        if not raw.isdigit() or int(raw) < lowest:
            raise ServerConfigError(f"环境变量 {variable}={raw!r} 应为不小于 {lowest} 的整数")
        values[field] = int(raw)
    for field, given in (("workers", workers), ("threads", threads)):
        if given is not None:
            if given < 1:
                raise ServerConfigError(f"--{field} 应为正整数（现为 {given}）")
            values[field] = given
    if access_log is None:
        access_log = environ.get("TUIJIN_ACCESS_LOG", "").strip().lower() in ("1", "true", "yes")
    values["accesslog"] = "-" if access_log else None
    if values.get("max_requests") == 0:
        values["max_requests_jitter"] = 0
    return ServerConfig(**values)


class HeadConn(TConn):
    """A gunicorn connection that may carry the request head its worker has read already."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.head = b""

    def init(self) -> None:
        super().init()
        # Each blocking read in the thread (a request body, a head longer than the buffer)
        # waits at most `timeout` seconds.
        self.sock.settimeout(self.cfg.timeout or None)
        if self.head:
            self.parser.unreader.unread(self.head)
            self.head = b""

    def head_complete(self) -> bool:
        return len(self.head) >= HEAD_BUFFER_LIMIT or any(end in self.head for end in HEAD_ENDS)


class IdleSafeThreadWorker(ThreadWorker):
    """gunicorn's `gthread` worker, handing a connection to a thread only with a whole head."""

    def accept(self, listener: Any) -> None:
        try:
            client_sock, client_addr = listener.accept()
        except BlockingIOError:
            return  # another worker took it
        except ConnectionAbortedError:
            return
        self.nr_conns += 1
        conn = HeadConn(self.cfg, client_sock, client_addr, listener.getsockname())
        if self.cfg.is_ssl:  # TLS must be read by the thread; tuijin sits behind a proxy
            self.enqueue_req(conn)
            return
        self._wait_for_head(conn)

    def on_client_socket_readable(self, conn: HeadConn, client: Any) -> None:
        """A kept-alive connection is sending again: read its head here too."""
        if self.cfg.is_ssl:
            super().on_client_socket_readable(conn, client)
            return
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._wait_for_head(conn)
        self.on_pending_socket_readable(conn, client)

    def _wait_for_head(self, conn: HeadConn) -> None:
        conn.timeout = time.monotonic() + self.cfg.keepalive
        self.pending_conns.append(conn)
        self.poller.register(
            conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn)
        )

    def on_pending_socket_readable(self, conn: HeadConn, client: Any) -> None:
        """Read what has arrived; the connection goes to a thread once its head is whole."""
        try:
            data = conn.sock.recv(HEAD_BUFFER_LIMIT)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        conn.head += data
        if data and not conn.head_complete():
            return  # still in the poller, its deadline unchanged
        # A whole head, or the client closed: the thread answers it or sees the end.
        super().on_pending_socket_readable(conn, client)


class TuijinServer(BaseApplication):
    """gunicorn running tuijin.wsgi.application with a ServerConfig."""

    def __init__(self, config: ServerConfig, on_ready: Callable[[], None] | None = None) -> None:
        self.config = config
        self.on_ready = on_ready
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.config.gunicorn_settings().items():
            self.cfg.set(name, value)
        if self.on_ready is not None:
            ready = self.on_ready
            self.cfg.set("when_ready", lambda _arbiter: ready())

    def load(self) -> Any:
        from tuijin.wsgi import application

        return application


def serve(config: ServerConfig, on_ready: Callable[[], None] | None = None) -> int:
    """Run until stopped (Ctrl+C, SIGTERM); the database connections of this process are closed
    first so that no worker inherits one."""
    from django.db import connections

    connections.close_all()
    try:
        TuijinServer(config, on_ready).run()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 0
    return 0
