"""Time `warnings_compute` (the red/yellow/green lights) over the whole ledger.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench20k   # filled by `tuijin synth`
    .venv/bin/python benchmarks/bench_warnings.py [--today YYYY-MM-DD] [--touch 200] [--check]

Three whole-ledger recomputes, each in its own process-level timing, with the SQL statements
counted per kind (SELECT, INSERT, UPDATE, DELETE):

1. "as found": the lights as the database holds them (a date other than the last run's, or
   changed thresholds, make this one rewrite many rows);
2. "nothing changed": right after 1, so no light differs;
3. "after touching N projects": N projects are moved back to 前期推进 with a planned start 100
   days before TODAY (a red light), then the lights recomputed, all in one transaction that is
   rolled back at the end, so the ledger and its lights stay as they were after 2;
4. "the next day": the lights as of TODAY + 1 (days overdue, working days left and time
   elapsed move, so most rows change: the daily cron run), also rolled back.

Target: each run ≤ 20 s. Measures only; exit status 0 whatever the result (1 with --check when
the target is missed). Runs on any database (SQLite through TUIJIN_DATA_DIR too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_S = 20.0


class _Rollback(Exception):
    pass


def _statement_kinds(queries: list[dict[str, Any]]) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for query in queries:
        sql = query["sql"].lstrip().upper()
        word = sql.split(None, 1)[0] if sql else ""
        if sql.startswith("WITH") and "UPDATE" in sql:
            word = "UPDATE"
        kinds[word] += 1
    return kinds


def _timed(label: str, today: dt.date) -> tuple[float, Counter[str], dict[str, Any]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tuijin.reporting.warnings import warnings_compute

    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        result = warnings_compute(today=today)
        seconds = time.perf_counter() - start
    kinds = _statement_kinds(captured.captured_queries)
    levels = {kind: dict(counts) for kind, counts in result.items()}
    detail = "，".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    count = len(captured.captured_queries)
    print(f"{label:<36} {seconds:7.2f} s   {count:5d} statements ({detail})")
    return seconds, kinds, levels


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--touch", type=int, default=200, help="projects to change in run 3")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from tuijin.projects.choices import ProjectStage
    from tuijin.projects.models import Project
    from tuijin.reporting.models import Warning

    today = args.today or timezone.localdate()
    print(
        f"database {connection.vendor} {connection.settings_dict['NAME']}, today {today}: "
        f"{Project.objects.count()} projects, {Warning.objects.count()} warnings"
    )
    times: list[float] = []
    seconds, _kinds, _levels = _timed("1. as found", today)
    times.append(seconds)
    seconds, kinds, _levels = _timed("2. nothing changed", today)
    times.append(seconds)
    if kinds.get("UPDATE") or kinds.get("INSERT") or kinds.get("DELETE"):
        print("   (run 2 wrote rows although nothing changed)")
    ids = list(
        Project.objects.exclude(stage=ProjectStage.PREPARING)
        .order_by("pk")
        .values_list("pk", flat=True)[: args.touch]
    )
    try:
        with transaction.atomic():
            Project.objects.filter(pk__in=ids).update(
                stage=ProjectStage.PREPARING, planned_start=today - dt.timedelta(days=100)
            )
            seconds, kinds, _levels = _timed(f"3. after touching {len(ids)} projects", today)
            times.append(seconds)
            changed = Warning.objects.filter(project_id__in=ids, level="red").count()
            print(f"   {changed} of the {len(ids)} touched projects now red (rolled back)")
            raise _Rollback
    except _Rollback:
        pass
    try:
        with transaction.atomic():
            seconds, kinds, _levels = _timed("4. the next day", today + dt.timedelta(days=1))
            times.append(seconds)
            raise _Rollback
    except _Rollback:
        pass
    worst = max(times)
    ok = worst <= TARGET_S
    print(
        f"slowest whole-ledger recompute {worst:.2f} s (target ≤ {TARGET_S:.0f} s): "
        f"{'pass' if ok else 'FAIL'}"
    )
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
