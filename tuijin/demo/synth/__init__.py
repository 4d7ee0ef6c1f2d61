"""A synthetic region of any size, for load tests and benchmarks (`tuijin synth`).

`synth_region(projects=N, seed=S)` writes into an empty ledger: about N/10 units (departments,
county governments, zone committees, enterprises), districts with their zones and parks,
industrial clusters with chains, N projects with stages, annual plans and about 24 monthly
progress rows each, N/4 tasks in plan documents with lead/responsible units, indicators with
three-tier targets and actual values, a monthly and a quarterly reporting cycle with every
period's submissions, and finally the lights (`warnings_compute`, timed separately).

The same seed and `today` give the same rows (`region_digest` checks it). Rows are written in
batches with `bulk_create`, so no change history is recorded for them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models, transaction

from tuijin.core.errors import ServiceError
from tuijin.orgs.models import Unit
from tuijin.projects.models import Project
from tuijin.reporting.warnings import warnings_compute

from .common import Ctx, at
from .projects import build_projects
from .region import build_region
from .reporting import build_reporting
from .targets import build_targets
from .tasks import build_tasks

# The apps whose rows make up a region (and whose rows region_digest hashes).
REGION_APPS = ("orgs", "geo", "industry", "documents", "plans", "projects", "reporting")


@dataclass
class SynthReport:
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    warnings_seconds: float = 0.0
    warning_levels: dict[str, dict[str, int]] = field(default_factory=dict)


def synth_region(
    *,
    projects: int,
    seed: int = 1,
    units: int | None = None,
    today: dt.date | None = None,
    say: Callable[[str], None] = lambda _line: None,
) -> SynthReport:
    """Generate the region into the (empty) database; see the module's docstring."""
    if projects < 1:
        raise ServiceError("G001", "项目数须至少为 1")
    if Project.objects.exists() or Unit.objects.exists():
        raise ServiceError("G002", "数据库中已有单位或项目：请在空数据库中生成合成地区")
    today = today or dt.date.today()
    units = units if units is not None else max(50, projects // 10)
    ctx = Ctx(rng=random.Random(seed), today=today, say=say)
    report = SynthReport()
    with transaction.atomic():
        with ctx.timed("区域、单位、产业集群"):
            region = build_region(ctx, projects=projects, units=units)
        ledger = build_projects(ctx, region, projects)
        with ctx.timed("任务与分工"):
            plans = build_tasks(ctx, region, max(30, projects // 4))
        with ctx.timed("指标、目标与实际值"):
            build_targets(ctx, region)
        with ctx.timed("报送周期、期次与报送"):
            report.counts.update(
                {f"报送·{k}": v for k, v in build_reporting(ctx, ledger, plans).items()}
            )
    start = time.perf_counter()
    levels = warnings_compute(today=today, now=at(today, 7))
    report.warnings_seconds = time.perf_counter() - start
    say(f"  红黄绿灯重算 warnings_compute: {report.warnings_seconds:.1f} s")
    report.warning_levels = {kind: dict(counter) for kind, counter in levels.items()}
    report.timings = ctx.timings
    report.counts.update(region_counts())
    return report


def _region_models() -> list[type[models.Model]]:
    out = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.app_label
        if label in REGION_APPS and not model.__name__.startswith("Historical"):
            out.append(model)
    return sorted(out, key=lambda m: m._meta.label)


def region_counts() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in _region_models()
        if m._default_manager.exists()
    }


def region_digest() -> str:
    """A hash of every region row, with ids counted from each table's first id (so that two
    databases, or one database before and after a rollback, compare equal) and the
    created/updated timestamps left out, and so are keys derived from ids (Target.group_key),
    which PostgreSQL's sequences, unlike SQLite, do not reuse after a rollback."""
    models_ = _region_models()
    first: dict[type[models.Model], int] = {}
    for model in models_:
        low = model._default_manager.aggregate(low=models.Min("pk"))["low"]
        first[model] = int(low) if isinstance(low, int) else 0
    digest = hashlib.sha256()
    for model in models_:
        fields = [
            f
            for f in model._meta.concrete_fields
            if f.name not in ("created_at", "updated_at", "group_key")
        ]
        digest.update(model._meta.label.encode())
        for row in model._default_manager.order_by("pk").values_list(*[f.attname for f in fields]):
            values: list[Any] = []
            for f, value in zip(fields, row, strict=True):
                if value is not None and (f.primary_key or f.is_relation):
                    target = model if f.primary_key else f.related_model
                    if isinstance(target, type) and target in first:
                        value -= first[target]
                values.append(value)
            digest.update(
                json.dumps(values, default=str, ensure_ascii=False, sort_keys=True).encode()
            )
    return digest.hexdigest()
