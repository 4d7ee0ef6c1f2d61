"""Hostile files against the readers: each must be refused in ≤ 5 s with ≤ 300 MB peak memory.

    .venv/bin/python benchmarks/bench_hostile.py [--check]

Each file (built in memory from tuijin/ingest/tests/hostile.py, the sizes the issue reported) is
given to a fresh `python -m tuijin.ingest` process; the figure is that process's wall time and the
peak resident memory of it and its children (the bounded reader runs in a child). --check exits 1
when a file is not refused within the bounds.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tuijin.ingest.tests import hostile  # noqa: E402

MB = 1024 * 1024
FILES = {
    "far-cell.xlsx (A1 + XFD1048576)": ("far.xlsx", hostile.far_cell_xlsx),
    "declared-dimension.xlsx": ("dim.xlsx", hostile.declared_dimension_xlsx),
    "merged-range.xlsx": ("merged.xlsx", hostile.merged_range_xlsx),
    "docx bomb (→ 1.15 GB)": ("bomb.docx", lambda: hostile.docx_bomb(1150 * MB)),
    "xlsx bomb (→ 1.0 GB)": ("bomb.xlsx", lambda: hostile.xlsx_bomb(1024 * MB)),
    "entity (billion laughs) .xlsx": ("lol.xlsx", hostile.entity_xlsx),
    "entity .docx": ("lol.docx", hostile.entity_docx),
}


def measure(path: Path) -> tuple[float, float, int, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "tuijin.ingest", str(path), "--out", str(path.parent / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    elapsed = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    message = (run.stderr.strip().splitlines() or [""])[-1]
    return elapsed, max(peak, before) / 1024, run.returncode, message


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    failed = 0
    print(f"{'file':34} {'size':>9} {'time':>7} {'peak':>8}  rc  refusal")
    with tempfile.TemporaryDirectory() as tmp:
        for label, (name, build) in FILES.items():
            path = Path(tmp) / name
            path.write_bytes(build())
            elapsed, peak_mb, rc, message = measure(path)
            ok = rc == 1 and "[I0" in message and elapsed <= 5 and peak_mb <= 300
            failed += not ok
            size = path.stat().st_size
            print(
                f"{label:34} {size / 1024:8.0f}K {elapsed:6.2f}s {peak_mb:6.0f}MB  {rc:>2}  "
                f"{message[:60]}{'' if ok else '  ← OVER'}"
            )
    print("all refused within 5 s and 300 MB" if not failed else f"{failed} over the bounds")
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
