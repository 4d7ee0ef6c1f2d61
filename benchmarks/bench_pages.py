"""Page, API, export and warning-recomputation timings on a large region.

    createdb -h 127.0.0.1 -U postgres bench20k
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench20k .venv/bin/tuijin synth --projects 20000
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench20k
    .venv/bin/python benchmarks/bench_pages.py

Signs in (Django's test Client, `force_login`) as an office user, a leader and a liaison
(created here: bench_office, bench_leader, bench_liaison), requests each page --runs times
after two warm-up requests, and prints per page the median and 95th percentile, the median of
hand-written SQL returning the same rows (run on the same connection, timed the same way), the
ratio of the two medians and the size of the response. Targets: p95 ≤ 300 ms and ≤ 3× the hand
SQL. Then the peak memory of `tuijin export projects` of every project (a child process,
target ≤ 150 MB) and the time of `warnings_compute` over the whole ledger (target ≤ 20 s).
Measures only; exit status 0 whatever the result (1 with --check when a target is missed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

P95_MS = 300.0
RATIO = 3.0
EXPORT_MB = 150.0
WARNINGS_S = 20.0

# ── hand-written SQL (PostgreSQL) ──────────────────────────────────────────────────────────

# The page's ids first (an index-friendly sort of bare rows), then their columns: the way one
# would write it by hand.
PROJECT_ROWS = """
WITH page AS (
  SELECT p.id FROM projects_project p WHERE {where}
  ORDER BY p.total_investment DESC NULLS LAST, p.name, p.id LIMIT %s OFFSET %s)
SELECT p.id, p.name, p.stage, p.total_investment, p.start_year, p.end_year,
       a.name, c.name, u.name, e.name,
       (SELECT string_agg(r.name, '、') FROM projects_project_responsible_units pr
          JOIN orgs_unit r ON r.id = pr.unit_id WHERE pr.project_id = p.id)
FROM page JOIN projects_project p ON p.id = page.id
LEFT JOIN geo_area a ON a.id = p.area_id
LEFT JOIN industry_cluster c ON c.id = p.cluster_id
LEFT JOIN orgs_unit u ON u.id = p.lead_unit_id
LEFT JOIN industry_enterprise e ON e.id = p.enterprise_id
ORDER BY p.total_investment DESC NULLS LAST, p.name, p.id"""
PROJECT_COUNT = "SELECT count(*) FROM projects_project p WHERE {where}"
LIAISON_PROJECTS = (
    "(p.lead_unit_id = %s OR p.id IN (SELECT project_id FROM"
    " projects_project_responsible_units WHERE unit_id = %s))"
)

TASK_ROWS = """
SELECT t.id, t.code, t.title, t.status, t.progress, t.deadline,
       (SELECT string_agg(u.name, '、') FROM plans_assignment s JOIN orgs_unit u ON u.id = s.unit_id
          WHERE s.task_id = t.id AND s.role = 'lead'),
       (SELECT string_agg(u.name, '、') FROM plans_assignment s JOIN orgs_unit u ON u.id = s.unit_id
          WHERE s.task_id = t.id AND s.role = 'responsible')
FROM plans_task t ORDER BY t.document_id, t."order", t.id LIMIT %s OFFSET 0"""

WARNING_ROWS = """
WITH page AS (
  SELECT w.id, CASE w.level WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'green' THEN 2 ELSE 3 END
         AS rank, w.changed_at
  FROM reporting_warning w ORDER BY rank, w.changed_at DESC, w.id LIMIT %s)
SELECT w.id, w.level, w.reason, w.changed_at, t.title, p.name, i.name
FROM page JOIN reporting_warning w ON w.id = page.id
LEFT JOIN plans_task t ON t.id = w.task_id
LEFT JOIN projects_project p ON p.id = w.project_id
LEFT JOIN plans_target g ON g.id = w.target_id
LEFT JOIN plans_indicator i ON i.id = g.indicator_id
ORDER BY page.rank, page.changed_at DESC, w.id"""

OVERVIEW = [
    "SELECT (SELECT count(*) FROM orgs_unit), (SELECT count(*) FROM plans_task),"
    " (SELECT count(*) FROM projects_project),"
    " (SELECT sum(total_investment) FROM projects_project),"
    " (SELECT count(*) FROM plans_target), (SELECT count(*) FROM documents_document)",
    "SELECT status, count(*) FROM plans_task GROUP BY status",
    "SELECT stage, count(*), sum(total_investment) FROM projects_project GROUP BY stage",
    "SELECT a.name, count(*), sum(p.total_investment) FROM projects_project p"
    " LEFT JOIN geo_area a ON a.id = p.area_id GROUP BY a.name",
    "SELECT c.name, count(*), sum(p.total_investment) FROM projects_project p"
    " LEFT JOIN industry_cluster c ON c.id = p.cluster_id GROUP BY c.name",
    "SELECT i.name, g.year, g.tier, g.value, g.unit, a.name FROM plans_target g"
    " JOIN plans_indicator i ON i.id = g.indicator_id LEFT JOIN geo_area a ON a.id = g.area_id"
    " WHERE g.kind = 'target' ORDER BY i.name, g.year, g.tier",
]

PROJECT_DETAIL = [
    "SELECT p.*, a.name, c.name, u.name, e.name FROM projects_project p"
    " LEFT JOIN geo_area a ON a.id = p.area_id LEFT JOIN industry_cluster c ON c.id = p.cluster_id"
    " LEFT JOIN orgs_unit u ON u.id = p.lead_unit_id"
    " LEFT JOIN industry_enterprise e ON e.id = p.enterprise_id WHERE p.id = %(pk)s",
    "SELECT u.name FROM projects_project_responsible_units r JOIN orgs_unit u ON u.id = r.unit_id"
    " WHERE r.project_id = %(pk)s",
    "SELECT year, planned_investment, milestones FROM projects_annualplan WHERE project_id = %(pk)s"
    " ORDER BY year",
    "SELECT r.year, r.month, r.completed_investment, r.cumulative_investment, r.progress,"
    " r.problems, u.name FROM projects_progressreport r"
    " LEFT JOIN orgs_unit u ON u.id = r.reported_by_id"
    " WHERE r.project_id = %(pk)s ORDER BY r.year DESC, r.month DESC",
    "SELECT level, reason FROM reporting_warning WHERE project_id = %(pk)s",
]

UNIT_PAGE = [
    "SELECT * FROM orgs_unit WHERE id = %(pk)s",
    "SELECT s.role, t.id, t.code, t.title, t.status, t.progress, t.deadline FROM plans_assignment s"
    " JOIN plans_task t ON t.id = s.task_id WHERE s.unit_id = %(pk)s"
    ' ORDER BY t.document_id, t."order"',
    PROJECT_ROWS.format(where="p.lead_unit_id = %(pk)s").replace("LIMIT %s OFFSET %s", ""),
    PROJECT_ROWS.format(
        where="p.id IN (SELECT project_id FROM projects_project_responsible_units"
        " WHERE unit_id = %(pk)s)"
    ).replace("LIMIT %s OFFSET %s", ""),
    "SELECT id, name FROM orgs_unit WHERE id <> %(pk)s ORDER BY name",
]

PERIOD_BOARD = [
    "SELECT * FROM reporting_period WHERE id = %(pk)s",
    # the units owing: open tasks' units, open projects' lead and responsible units
    """WITH owing AS (
         SELECT s.unit_id FROM plans_assignment s JOIN plans_task t ON t.id = s.task_id
           WHERE t.status NOT IN ('done', 'cancelled')
         UNION SELECT lead_unit_id FROM projects_project WHERE stage <> 'completed'
           AND lead_unit_id IS NOT NULL
         UNION SELECT r.unit_id FROM projects_project_responsible_units r
           JOIN projects_project p ON p.id = r.project_id WHERE p.stage <> 'completed')
       SELECT u.id, u.name, b.id, b.state, b.submitted_at, b.late
       FROM owing o JOIN orgs_unit u ON u.id = o.unit_id AND u.is_active
       LEFT JOIN reporting_submission b ON b.unit_id = u.id AND b.period_id = %(pk)s
       ORDER BY u.name""",
]


@dataclass
class Case:
    label: str
    url: str
    user: str
    sql: list[tuple[str, Any]]


@dataclass
class Row:
    label: str
    p50: float
    p95: float
    sql50: float
    size: int
    status: int

    @property
    def ratio(self) -> float:
        return self.p50 / self.sql50 if self.sql50 else float("inf")

    @property
    def passed(self) -> bool:
        return self.status == 200 and self.p95 <= P95_MS and self.ratio <= RATIO


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _time(fn: Callable[[], Any], runs: int) -> list[float]:
    for _ in range(2):
        fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _users() -> tuple[dict[str, Any], Any]:
    from django.db.models import Count

    from tuijin.accounts.services import user_save
    from tuijin.orgs.models import Unit

    unit = (
        Unit.objects.filter(kind="county_government")
        .annotate(n=Count("led_projects"))
        .order_by("-n", "pk")
        .first()
    )
    assert unit is not None, "no county government: fill the database with `tuijin synth` first"
    users = {
        "office": user_save(username="bench_office", role="office"),
        "leader": user_save(username="bench_leader", role="leader"),
        "liaison": user_save(username="bench_liaison", role="liaison", unit=unit),
    }
    return users, unit


def _cases(unit: Any, runs: int) -> list[Case]:
    from tuijin.projects.models import Project
    from tuijin.reporting.models import Period

    per_page, api = 25, 50
    project = Project.objects.filter(stage="continuing").order_by("pk")[
        Project.objects.filter(stage="continuing").count() // 2
    ]
    area = project.area_id
    total = Project.objects.count()
    deep = max(1, (total // per_page) * 3 // 4)
    period = (
        Period.objects.filter(cycle__kind="monthly", due_date__lt=dt.date.today())
        .order_by("-end")
        .first()
    )
    assert period is not None
    everything = "TRUE"
    filtered = "p.stage = 'continuing' AND p.area_id = %s"
    liaison = LIAISON_PROJECTS
    return [
        Case("overview (office)", "/", "office", [(q, None) for q in OVERVIEW]),
        Case("overview (leader)", "/", "leader", [(q, None) for q in OVERVIEW]),
        Case(
            "project list",
            "/projects/",
            "office",
            [
                (PROJECT_ROWS.format(where=everything), [per_page, 0]),
                (PROJECT_COUNT.format(where=everything), None),
            ],
        ),
        Case(
            "project list filtered (stage+area)",
            f"/projects/?stage=continuing&area={area}",
            "office",
            [
                (PROJECT_ROWS.format(where=filtered), [area, per_page, 0]),
                (PROJECT_COUNT.format(where=filtered), [area]),
            ],
        ),
        Case(
            f"project list page {deep}",
            f"/projects/?page={deep}",
            "office",
            [
                (PROJECT_ROWS.format(where=everything), [per_page, (deep - 1) * per_page]),
                (PROJECT_COUNT.format(where=everything), None),
            ],
        ),
        Case(
            "project list (liaison)",
            "/projects/",
            "liaison",
            [
                (PROJECT_ROWS.format(where=liaison), [unit.pk, unit.pk, per_page, 0]),
                (PROJECT_COUNT.format(where=liaison), [unit.pk, unit.pk]),
            ],
        ),
        Case(
            "project detail",
            f"/projects/{project.pk}/",
            "office",
            [(q, {"pk": project.pk}) for q in PROJECT_DETAIL],
        ),
        Case(
            "unit page (county gov.)",
            f"/units/{unit.pk}/",
            "office",
            [(q, {"pk": unit.pk}) for q in UNIT_PAGE],
        ),
        Case(
            "task list",
            "/tasks/",
            "office",
            [(TASK_ROWS, [per_page]), ("SELECT count(*) FROM plans_task", None)],
        ),
        Case(
            "warnings list",
            "/reporting/warnings/",
            "office",
            [(WARNING_ROWS, [per_page]), ("SELECT count(*) FROM reporting_warning", None)],
        ),
        Case(
            f"reporting board {period.label}",
            f"/reporting/periods/{period.pk}/",
            "office",
            [(q, {"pk": period.pk}) for q in PERIOD_BOARD],
        ),
        Case(
            "API /api/projects",
            "/api/projects",
            "office",
            [
                (PROJECT_ROWS.format(where=everything), [api, 0]),
                (PROJECT_COUNT.format(where=everything), None),
            ],
        ),
        Case(
            "API /api/tasks",
            "/api/tasks",
            "office",
            [(TASK_ROWS, [api]), ("SELECT count(*) FROM plans_task", None)],
        ),
        Case(
            "API /api/units",
            "/api/units",
            "office",
            [
                ("SELECT id, name, short_name, kind FROM orgs_unit ORDER BY name LIMIT 50", None),
                ("SELECT count(*) FROM orgs_unit", None),
            ],
        ),
        Case(
            "API /api/warnings",
            "/api/warnings",
            "office",
            [(WARNING_ROWS, [api]), ("SELECT count(*) FROM reporting_warning", None)],
        ),
        Case(
            "API /api/submissions",
            "/api/submissions",
            "office",
            [
                (
                    "SELECT s.id, s.state, s.submitted_at, u.name, p.label"
                    " FROM reporting_submission s JOIN orgs_unit u ON u.id = s.unit_id"
                    " JOIN reporting_period p ON p.id = s.period_id"
                    " ORDER BY p.end DESC, u.name LIMIT 50",
                    None,
                ),
                ("SELECT count(*) FROM reporting_submission", None),
            ],
        ),
    ]


def _run_sql(statements: list[tuple[str, Any]]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()


def _export_peak_mb() -> tuple[float, float]:
    """Peak RSS (MB) and time of `tuijin export projects` of every project, in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "projects.xlsx"
        script = (
            "import resource, subprocess, sys, time;"
            "t = time.perf_counter();"
            "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        tuijin = Path(sys.executable).with_name("tuijin")
        command = [str(tuijin), "export", "projects", "--out", str(out)]
        done = subprocess.run(
            [sys.executable, "-c", script, *command], capture_output=True, text=True, check=True
        )
        seconds, kb = done.stdout.split()
        size = out.stat().st_size
    print(f"export file: {size / 1e6:.1f} MB")
    return int(kb) / 1024, float(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--skip-warnings", action="store_true")
    parser.add_argument("--only", default="", help="only the cases whose label contains this text")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print(
            "set DATABASE_URL to the PostgreSQL database filled by `tuijin synth`", file=sys.stderr
        )
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings")
    os.environ.setdefault("DEBUG", "0")  # as in production: templates cached, no debug toolbar
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)  # tables added since the synth run
    users, unit = _users()
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    from tuijin.projects.models import Project

    print(
        f"database: {connection.settings_dict['NAME']} ({Project.objects.count()} projects); "
        f"liaison unit: {unit.name}; {args.runs} runs each after 2 warm-ups"
    )
    rows: list[Row] = []
    for case in _cases(unit, args.runs):
        if args.only and args.only not in case.label:
            continue
        client = clients[case.user]
        response = client.get(case.url)
        times = _time(lambda c=client, u=case.url: c.get(u), args.runs)
        sql = _time(lambda s=case.sql: _run_sql(s), args.runs)
        rows.append(
            Row(
                case.label,
                statistics.median(times),
                _percentile(times, 0.95),
                statistics.median(sql),
                len(response.content),
                response.status_code,
            )
        )
        r = rows[-1]
        print(f"  {r.label}: {r.p50:.0f} ms", flush=True)
    print()
    head = (
        f"{'page':40} {'p50 ms':>8} {'p95 ms':>8} {'SQL p50':>8} {'ratio':>7} {'bytes':>9}  result"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        verdict = (
            "pass" if r.passed else "FAIL" + ("" if r.status == 200 else f" (HTTP {r.status})")
        )
        print(
            f"{r.label:40} {r.p50:8.1f} {r.p95:8.1f} {r.sql50:8.2f} {r.ratio:7.1f}"
            f" {r.size:9d}  {verdict}"
        )
    print(f"targets: p95 ≤ {P95_MS:.0f} ms and p50 ≤ {RATIO:.0f}× the hand-written SQL's p50")
    failed = sum(not r.passed for r in rows)
    if not args.skip_export:
        peak, seconds = _export_peak_mb()
        ok = peak <= EXPORT_MB
        failed += not ok
        print(
            f"Excel export of all projects: {seconds:.1f} s, peak RSS {peak:.0f} MB "
            f"(target ≤ {EXPORT_MB:.0f} MB): {'pass' if ok else 'FAIL'}"
        )
    if not args.skip_warnings:
        from tuijin.reporting.warnings import warnings_compute

        start = time.perf_counter()
        warnings_compute(today=dt.date.today())
        seconds = time.perf_counter() - start
        ok = seconds <= WARNINGS_S
        failed += not ok
        print(
            f"warnings_compute (whole ledger): {seconds:.1f} s"
            f" (target ≤ {WARNINGS_S:.0f} s): {'pass' if ok else 'FAIL'}"
        )
    print(f"{failed} target(s) missed")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
