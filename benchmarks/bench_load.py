"""Load test of the production server: N clients for S seconds, reading pages and saving reports.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/benchload tuijin demo --no-serve   # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/benchload \\
        .venv/bin/python benchmarks/bench_load.py [--clients 50] [--seconds 60]

It starts `tuijin serve` with its defaults (gunicorn, tuijin/serving.py) on a free port, against
the database of DATABASE_URL (or the SQLite file in TUIJIN_DATA_DIR), unless --url names a server
already running on that database. Before the run it adds one liaison account per writing client
(`bench_liaison_N`, for the units with tasks to report, password TUIJIN_DEMO_PASSWORD or
tuijin-demo), so do not point it at a database you care about.

Every client logs in through the login form (CSRF token, session cookie; logins are timed apart),
then, when all have, loops until the time is up, opening a connection per request as nginx does
towards the app (--keepalive: one kept-alive connection per client, as browsers to nginx):
  - readers (office, leader): the overview, the project list, a random project's page, the
    warnings, the task list;
  - writers (--writers, default a fifth of the clients; each its own unit's liaison): my reports,
    start the open period's report (once), open its form and save it as a draft with a new
    summary, then one page to read.
Each HTTP request (a redirect is not followed: it is a request of its own) is timed. Printed:
requests per second, p50/p95/max latency, errors (a status >= 400 other than the one a refused
save answers, a timeout, a closed connection) and PASS/FAIL against the targets: 0 errors,
p95 <= 2 s, >= 20 requests/s. Exit status 1 on FAIL.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
TARGET_P95 = 2.0
TARGET_RPS = 20.0
READ_PAGES = ("/", "/projects/", "/reporting/warnings/", "/tasks/")
REQUEST_TIMEOUT = 30.0


# ── the database: accounts for the writers, the projects to read ────────────────────────────


def prepare(writers: int, password: str) -> tuple[list[str], list[int]]:
    """Liaison accounts for WRITERS units that have tasks (created or updated) and the ids of
    the projects; run in this process with the same database settings as the server."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings")
    import django

    django.setup()
    from tuijin.accounts.services import user_save
    from tuijin.orgs.models import Unit
    from tuijin.projects.models import Project

    units = list(Unit.objects.filter(assignments__isnull=False).distinct().order_by("pk")[:writers])
    if len(units) < writers:
        print(f"  only {len(units)} units have tasks: some writers share a unit (and its report)")
    names = []
    for i in range(writers):
        name = f"bench_liaison_{i + 1}"
        user_save(username=name, role="liaison", unit=units[i % len(units)], password=password)
        names.append(name)
    projects = list(Project.objects.values_list("pk", flat=True))
    from django.db import connections

    connections.close_all()
    return names, projects


# ── the server ──────────────────────────────────────────────────────────────────────────────


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, log: Path) -> subprocess.Popen[bytes]:
    tuijin = Path(sys.executable).with_name("tuijin")
    command = [str(tuijin)] if tuijin.exists() else [sys.executable, "-m", "tuijin.cli"]
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*command, "serve", "--port", str(port)], stdout=out, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"tuijin serve exited:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    sys.exit("tuijin serve did not start within 120 s")


# ── one client ──────────────────────────────────────────────────────────────────────────────


class FormFields(HTMLParser):
    """The fields of the form whose class includes FORM_CLASS (or of every form)."""

    def __init__(self, form_class: str = "") -> None:
        super().__init__()
        self.form_class = form_class
        self.inside = False
        self.fields: dict[str, str] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = self.form_class in a.get("class", "").split() or not self.form_class
        elif not self.inside or "name" not in a:
            return
        elif tag == "input" and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.fields[a["name"]] = a.get("value") or "on"
            else:
                self.fields[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.fields[a["name"]] = ""
        elif tag == "select":
            self.fields.setdefault(a["name"], "")

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.inside = False


def form_fields(html: str, form_class: str = "") -> dict[str, str]:
    parser = FormFields(form_class)
    parser.feed(html)
    return parser.fields


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    by_page: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    saves: int = 0
    refused_saves: int = 0

    def record(self, page: str, took: float, status: int | None, error: str | None) -> None:
        with self.lock:
            self.latencies.append(took)
            self.by_page.setdefault(page, []).append(took)
            if status is not None:
                self.statuses[status] += 1
            if error:
                self.errors[error] += 1


class RequestFailed(Exception):
    pass


class Client:
    """One user: its own connection (kept alive) and cookies."""

    def __init__(self, host: str, port: int, tally: Tally, keepalive: bool = False) -> None:
        self.host, self.port, self.tally = host, port, tally
        self.keepalive = keepalive
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None
        self.served = 0  # requests answered on this connection

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None, ok: tuple[int, ...] = ()
    ) -> tuple[int, str, str]:
        """(status, body, Location); an unexpected status or a failure is counted an error."""
        headers = {"Host": f"{self.host}:{self.port}"}
        if not self.keepalive:
            headers["Connection"] = "close"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        page = method + " " + re.sub(r"/\d+/", "/N/", path)
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=REQUEST_TIMEOUT
                )
                self.served = 0
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if not self.served or method != "GET":
                    raise
                # The server closed the kept-alive connection as this request left (its
                # keepalive time was up): open another and ask again, as browsers do.
                self.connection.close()
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=REQUEST_TIMEOUT
                )
                self.served = 0
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            self.served += 1
        except (OSError, http.client.HTTPException) as exc:
            self.tally.record(page, time.monotonic() - started, None, type(exc).__name__)
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            raise RequestFailed(f"{method} {path}: {exc!r}") from exc
        took = time.monotonic() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if not self.keepalive or response.getheader("Connection", "").lower() == "close":
            self.close()
        status = response.status
        error = None
        if status >= 400 and status not in ok:
            error = f"HTTP {status} {page}"
        self.tally.record(page, took, status, error)
        if error:
            raise RequestFailed(error)
        return status, text, response.getheader("Location", "")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def login(self, username: str, password: str) -> None:
        _, page, _ = self.request("GET", "/login/")
        fields = form_fields(page)
        fields.update(username=username, password=password)
        status, _, _ = self.request("POST", "/login/", fields)
        if status != 302:
            raise RequestFailed(f"login of {username} answered {status}, not a redirect")


def read_something(client: Client, projects: list[int]) -> None:
    """One page; a project's own page only for readers (a liaison sees its unit's only)."""
    path = random.choice((*READ_PAGES, "/projects/{}/") if projects else READ_PAGES)
    if "{}" in path:
        path = path.format(random.choice(projects))
    client.request("GET", path)


def save_report(client: Client, tally: Tally, round_: int) -> None:
    """My reports → start the open period's report if not yet → its form → save a draft."""
    _, page, _ = client.request("GET", "/reporting/my/")
    start = re.search(r'action="(/reporting/periods/\d+/start/)"', page)
    if start:
        form_html = page[page.rfind("<form", 0, start.start()) :].split("</form>", 1)[0]
        fields = form_fields(form_html + "</form>")
        _, _, location = client.request("POST", start.group(1), fields)
        edit_path = urlsplit(location).path
    else:
        edit = re.search(r'href="(/reporting/submissions/\d+/edit/)"', page)
        if not edit:
            return  # nothing open to edit (submitted already): a reader this round
        edit_path = edit.group(1)
    _, form_page, _ = client.request("GET", edit_path)
    fields = form_fields(form_page, "reportform")
    for name in fields:
        if name.endswith("-percent") and not fields[name]:
            fields[name] = str(random.randint(0, 100))
    fields["summary"] = f"压力测试草稿 第 {round_} 次保存：本期工作按计划推进。"
    fields["action"] = "save"
    status, _, _ = client.request("POST", edit_path, fields)
    with tally.lock:
        tally.saves += 1
        if status != 302:  # the form again: refused (another client saved first) or invalid
            tally.refused_saves += 1


@dataclass
class Run:
    host: str
    port: int
    password: str
    projects: list[int]
    seconds: float
    keepalive: bool
    logins: Tally = field(default_factory=Tally)
    tally: Tally = field(default_factory=Tally)
    stop_at: float = 0.0


def run_client(run: Run, ready: threading.Barrier, username: str, writer: bool) -> None:
    """Log in, wait for every other client, then work until the time is up."""
    client = Client(run.host, run.port, run.logins, run.keepalive)
    with contextlib.suppress(RequestFailed):
        client.login(username, run.password)
    ready.wait()
    client.close()  # a fresh connection: the server has closed this one if it waited long
    client.tally = run.tally
    round_ = 0
    while time.monotonic() < run.stop_at:
        try:
            if "sessionid" not in client.cookies:
                client.login(username, run.password)
            round_ += 1
            if writer:
                save_report(client, run.tally, round_)
            read_something(client, [] if writer else run.projects)
        except RequestFailed:
            time.sleep(0.1)
    client.close()


# ── the run ─────────────────────────────────────────────────────────────────────────────────


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--writers", type=int, help="liaisons saving reports (default clients/5)")
    parser.add_argument("--url", help="a server already running on the same database")
    parser.add_argument(
        "--keepalive",
        action="store_true",
        help="keep each client's connection open (default: one per request, as nginx does)",
    )
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    password = os.environ.get("TUIJIN_DEMO_PASSWORD") or "tuijin-demo"
    writers = args.clients // 5 if args.writers is None else args.writers
    writers = max(0, min(writers, args.clients))
    names, projects = prepare(writers, password)
    database = os.environ.get("DATABASE_URL") or "SQLite in " + os.environ.get(
        "TUIJIN_DATA_DIR", "./data"
    )
    print(f"database: {re.sub(r'://[^@/]*@', '://…@', database)}; {len(projects)} projects")

    server = None
    if args.url:
        parts = urlsplit(args.url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
    else:
        host, port = "127.0.0.1", free_port()
        log = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_load_server_{port}.log"
        server = start_server(port, log)
        print(f"server: tuijin serve --port {port} (defaults; log {log})")
    readers = ["office", "leader"]
    connections = "kept alive" if args.keepalive else "one per request"
    print(f"clients: {args.clients} ({writers} writing reports), {args.seconds:g} s, {connections}")
    run = Run(host, port, password, projects, args.seconds, args.keepalive)

    def go() -> None:  # when every client has logged in
        run.stop_at = time.monotonic() + args.seconds

    ready = threading.Barrier(args.clients + 1, action=go)
    threads = []
    for i in range(args.clients):
        writer = i < writers
        username = names[i] if writer else readers[i % len(readers)]
        thread = threading.Thread(
            target=run_client, args=(run, ready, username, writer), daemon=True
        )
        threads.append(thread)
    logins_started = time.monotonic()
    for thread in threads:
        thread.start()
    ready.wait()
    started = time.monotonic()
    logins = run.logins.latencies
    login_errors = sum(run.logins.errors.values())
    print(
        f"logins: {args.clients} clients in {started - logins_started:.1f} s "
        f"({len(logins)} requests, p95 {percentile(logins, 95) * 1000:.0f} ms, "
        f"errors {login_errors}); not counted below"
    )
    for thread in threads:
        thread.join(REQUEST_TIMEOUT + args.seconds + 30)
    elapsed = time.monotonic() - started
    if server is not None:
        server.terminate()
        server.wait(timeout=60)

    tally = run.tally
    latencies = tally.latencies
    if not latencies:
        print("no request was made")
        return 1
    errors = sum(tally.errors.values()) + login_errors
    rps = len(latencies) / elapsed
    p50, p95 = statistics.median(latencies), percentile(latencies, 95)
    print(
        f"requests: {len(latencies)} in {elapsed:.1f} s = {rps:.1f}/s; "
        f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    print(f"statuses: {dict(sorted(tally.statuses.items()))}")
    for page, times in sorted(tally.by_page.items(), key=lambda item: -len(item[1])):
        print(
            f"  {page:<42} {len(times):>6}  p50 {statistics.median(times) * 1000:>6.0f} ms"
            f"  p95 {percentile(times, 95) * 1000:>6.0f} ms"
        )
    saved = tally.saves - tally.refused_saves
    print(f"report drafts saved: {saved} (the form answered again instead: {tally.refused_saves})")
    print(f"errors: {errors}" + (f" {dict(tally.errors.most_common(8))}" if errors else ""))
    checks = [
        (errors == 0, "0 errors"),
        (p95 <= TARGET_P95, f"p95 <= {TARGET_P95:g} s"),
        (rps >= TARGET_RPS, f">= {TARGET_RPS:g} requests/s"),
    ]
    for ok, label in checks:
        print(f"  {'pass' if ok else 'FAIL'}  {label}")
    passed = all(ok for ok, _ in checks)
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
