"""Time the Excel ledger import: a 2,000-row key-project ledger with three bad rows.

    .venv/bin/python benchmarks/bench_excel_import.py [--rows 2000]

Runs against a fresh SQLite database in a temporary folder (TUIJIN_DATA_DIR) and prints the
times of: reading + checking the bad file (dry run), the fixed file's dry run, its import,
the re-import (nothing changes), and an export of everything. No assertions.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
T = TypeVar("T")

HEADER: list[Any] = [
    "序号",
    "项目名称",
    "建设内容及规模",
    "建设地点",
    "总投资（万元）",
    ("2025年", ["年度计划投资（万元）", "1-10月完成投资（万元）"]),
    "开工年月",
    "竣工年月",
    "牵头单位",
    "责任单位",
    "责任领导",
    "项目阶段",
    "进展情况",
    "存在问题",
]
UNITS = [f"江城市第{i}局" for i in range(1, 31)]
AREAS = ["东山县", "西山县", "南湖区", "北岸区", "江城高新区"]
STAGES = ["新开工", "续建", "前期", "竣工投产", "谋划储备"]


def row(i: int) -> list[object]:
    return [
        i,
        f"江城市第{i}号产业项目",
        f"新建厂房{i % 50 + 1}万平方米，购置生产线{i % 7 + 1}条",
        AREAS[i % len(AREAS)],
        f"{(i % 90 + 10) * 1000:,}",
        (i % 20 + 1) * 500,
        (i % 20 + 1) * 300,
        f"2025.{i % 12 + 1}",
        f"{2026 + i % 3}年",
        UNITS[i % len(UNITS)],
        "、".join(UNITS[(i + k) % len(UNITS)] for k in (1, 2)),
        "李副市长",
        STAGES[i % len(STAGES)],
        "主体结构施工，完成形象进度60%",
        "用地指标待落实" if i % 5 == 0 else "",
    ]


def workbook(rows: list[list[object]]) -> bytes:
    from tuijin.core.tests.excel_builders import ledger_bytes

    return ledger_bytes(header=HEADER, rows=rows, title="2025年江城市重点项目台账")


def timed(label: str, func: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = func()
    print(f"  {label:<34} {time.perf_counter() - start:7.3f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="tuijin-bench-")
    os.environ["TUIJIN_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuijin.settings")
    import django

    django.setup()
    from django.core.management import call_command

    Path(data_dir).mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    from tuijin.geo.models import Area
    from tuijin.orgs.models import Unit
    from tuijin.projects.excel import project_ledger_export
    from tuijin.projects.models import Project
    from tuijin.projects.services import project_import_commit, project_import_preview

    Unit.objects.bulk_create(Unit(name=name) for name in UNITS)
    Area.objects.bulk_create(Area(name=name) for name in AREAS)

    rows = [row(i) for i in range(1, args.rows + 1)]
    bad = [list(r) for r in rows]
    bad[99][4] = "约3亿"  # bad number
    bad[999][9] = "江城市不存在局"  # unknown unit
    bad[1499][1] = ""  # missing name
    bad_file = workbook(bad)
    good_file = workbook(rows)
    print(f"{args.rows} 行台账，{len(good_file) / 1024:.0f} KB；数据库 {data_dir}")

    preview = timed("dry run, 3 bad rows", lambda: project_import_preview(bad_file))
    for problem in preview.problems:
        print(f"    {problem}")
    print(f"    写入的项目: {Project.objects.count()}")
    preview = timed("dry run, fixed file", lambda: project_import_preview(good_file))
    print(f"    {preview.summary()}")
    result = timed(
        "import (preview + commit)",
        lambda: project_import_commit(preview=project_import_preview(good_file)),
    )
    print(f"    {result.summary()}")
    result = timed(
        "re-import (preview + commit)",
        lambda: project_import_commit(preview=project_import_preview(good_file)),
    )
    print(f"    {result.summary()}")
    exported = timed("export all projects", lambda: project_ledger_export(Project.objects.all()))
    again = timed("dry run of the export", lambda: project_import_preview(exported))
    print(f"    {again.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
