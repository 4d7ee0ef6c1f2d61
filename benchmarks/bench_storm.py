"""A storm of submissions: N units (default 2,000) each start and submit their report of one
period through the web pages, C clients at a time, against `tuijin serve`; then every unit must
have exactly one submission, submitted, holding its own words (none lost, none mixed).

    createdb -h 127.0.0.1 -U postgres storm
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/storm .venv/bin/python benchmarks/bench_storm.py

The database is emptied of reporting rows and filled with N units, one task each, a cycle that
expects all of them and its open period, and one liaison per unit (signed in by a session made
here: the benchmark measures submitting, not N password checks). Prints the time the storm took
against the issue's minute, the latencies, the errors and the checks; exit 1 with --check when a
check or the minute fails. Do not point it at a database you want to keep.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import queue
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_load import (
    Client,
    RequestFailed,
    Tally,
    form_fields,
    free_port,
    start_server,
)

MARK = "风暴报送"


def prepare(units: int) -> tuple[list[tuple[int, str]], int]:
    """(unit id, session key) per unit and the period id."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings")
    os.environ.setdefault("TUIJIN_DEV", "1")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connections

    from tuijin.accounts.models import Profile
    from tuijin.accounts.scoping import SYSTEM
    from tuijin.orgs.models import Unit
    from tuijin.plans.choices import AssignmentRole
    from tuijin.plans.models import Assignment, Task
    from tuijin.reporting.choices import CycleKind, UnitScope
    from tuijin.reporting.models import Cycle, Submission
    from tuijin.reporting.services import cycle_create, period_open

    call_command("migrate", interactive=False, verbosity=0)
    Submission.objects.all().delete()
    Cycle.objects.all().delete()
    User = get_user_model()
    User.objects.filter(username__startswith="storm_").delete()
    Task.objects.filter(title__startswith="风暴测试任务").delete()  # a previous storm's rows
    Unit.objects.filter(name__startswith="风暴测试单位").delete()
    made = Unit.objects.bulk_create(
        Unit(name=f"风暴测试单位{i:05d}", short_name=f"风暴{i:05d}") for i in range(units)
    )
    unit_rows = list(Unit.objects.filter(name__startswith="风暴测试单位").order_by("pk"))[:units]
    tasks = Task.objects.bulk_create(Task(title=f"风暴测试任务{u.pk}") for u in unit_rows)
    Assignment.objects.bulk_create(
        Assignment(task=t, unit=u, role=AssignmentRole.LEAD)
        for t, u in zip(tasks, unit_rows, strict=True)
    )
    today = dt.date.today()
    cycle = cycle_create(
        name=f"风暴测试周期{time.time():.0f}",
        kind=CycleKind.ADHOC,
        starts_on=today.replace(day=1),
        unit_scope=UnitScope.EXPLICIT,
        units=unit_rows,
        actor=SYSTEM,
    )
    period = period_open(
        cycle=cycle, start=today.replace(day=1), end=today + dt.timedelta(days=30), actor=SYSTEM
    )
    users = User.objects.bulk_create(User(username=f"storm_{u.pk}") for u in unit_rows)
    Profile.objects.bulk_create(
        Profile(user=user, role="liaison", unit=u) for user, u in zip(users, unit_rows, strict=True)
    )
    sessions = []
    backend = settings.AUTHENTICATION_BACKENDS[-1]
    for user, u in zip(users, unit_rows, strict=True):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = backend
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.save()
        sessions.append((u.pk, store.session_key))
    del made
    connections.close_all()
    return sessions, period.pk


def submit(client: Client, period: int, unit: int) -> None:
    _, page, _ = client.request("GET", "/reporting/my/")
    start = f'action="/reporting/periods/{period}/start/"'
    if start in page:
        form_html = page[page.rfind("<form", 0, page.index(start)) :].split("</form>", 1)[0]
        fields = form_fields(form_html + "</form>")
        _, _, location = client.request("POST", f"/reporting/periods/{period}/start/", fields)
        edit = urlsplit(location).path
    else:
        raise RequestFailed(f"unit {unit}: no 开始填报 for period {period}")
    _, form_page, _ = client.request("GET", edit)
    fields = form_fields(form_page, "reportform")
    for name in list(fields):
        if name.endswith("-percent"):
            fields[name] = "50"
        if name.endswith("-progress_text"):
            fields[name] = f"{MARK}{unit}：按计划推进"
    fields["summary"] = f"{MARK}{unit}"
    fields["action"] = "submit"
    status, _, _ = client.request("POST", edit, fields)
    if status != 302:
        raise RequestFailed(f"unit {unit}: submit answered {status}")


def check(period: int, units: list[int]) -> list[str]:
    from django.db import connections

    from tuijin.reporting.models import Submission

    connections.close_all()
    problems = []
    rows = list(Submission.objects.filter(period_id=period).values("unit_id", "state", "summary"))
    by_unit: dict[int, list[dict[str, object]]] = {}
    for row in rows:
        by_unit.setdefault(int(row["unit_id"]), []).append(row)  # type: ignore[arg-type]
    for unit in units:
        mine = by_unit.get(unit, [])
        if len(mine) != 1:
            problems.append(f"unit {unit}: {len(mine)} submissions")
        elif mine[0]["state"] != "submitted":
            problems.append(f"unit {unit}: state {mine[0]['state']}")
        elif mine[0]["summary"] != f"{MARK}{unit}":
            problems.append(f"unit {unit}: holds {mine[0]['summary']!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    sessions, period = prepare(args.units)
    port = free_port()
    log = Path(tempfile.mkdtemp()) / "serve.log"
    server = start_server(port, log)
    tally = Tally()
    work: queue.Queue[tuple[int, str]] = queue.Queue()
    for item in sessions:
        work.put(item)
    failures: list[str] = []

    def run() -> None:
        while True:
            try:
                unit, session = work.get_nowait()
            except queue.Empty:
                return
            client = Client("127.0.0.1", port, tally)
            client.cookies["sessionid"] = session
            try:
                submit(client, period, unit)
            except RequestFailed as exc:
                failures.append(str(exc))

    started = time.monotonic()
    threads = [threading.Thread(target=run) for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - started
    server.terminate()
    server.wait(30)
    problems = check(period, [unit for unit, _ in sessions])
    lat = sorted(tally.latencies)
    p95 = lat[int(len(lat) * 0.95) - 1] if lat else 0.0
    print(
        f"{args.units} units, {args.clients} clients: {took:.1f} s "
        f"({'within' if took <= 60 else 'OVER'} the minute), {len(lat)} requests, "
        f"{len(lat) / took:.1f}/s, p50 {statistics.median(lat) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms"
    )
    print(f"request failures: {len(failures)} {failures[:3]}")
    print(f"checks: {len(problems)} problems {problems[:5]} (exactly once, submitted, own words)")
    failed = bool(problems or failures or took > 60)
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
