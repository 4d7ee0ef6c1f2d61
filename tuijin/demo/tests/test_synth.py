"""The synthetic region (`tuijin synth`): the shape asked for, the same rows for the same seed,
refusals in Chinese with a code."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.db import transaction

from tuijin.cli import main
from tuijin.core.errors import ServiceError
from tuijin.demo.synth import region_digest, synth_region
from tuijin.orgs.models import Unit
from tuijin.plans.models import Assignment, Task
from tuijin.projects.models import ProgressReport, Project
from tuijin.reporting.models import Entry, Period, Submission, Warning

TODAY = dt.date(2026, 12, 7)
pytestmark = pytest.mark.django_db


def _digest_of(seed: int, projects: int = 60) -> str:
    """Generate a region, hash it, and roll it back."""
    point = transaction.savepoint()
    try:
        synth_region(projects=projects, seed=seed, today=TODAY)
        return region_digest()
    finally:
        transaction.savepoint_rollback(point)


def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    first = _digest_of(7)
    assert _digest_of(7) == first
    assert _digest_of(8) != first


def test_synth_region_has_the_size_and_shape_asked_for():
    report = synth_region(projects=400, seed=1, today=TODAY)
    assert Project.objects.count() == 400
    assert Unit.objects.count() >= 50
    kinds = Counter(Unit.objects.values_list("kind", flat=True))
    assert {"department", "county_government", "zone_committee", "enterprise"} <= set(kinds)
    stages = Counter(Project.objects.values_list("stage", flat=True))
    assert set(stages) == {"reserve", "preparing", "new", "continuing", "completed"}
    assert stages["continuing"] > stages["reserve"]
    # about 24 monthly progress rows per project, none after today
    reports = ProgressReport.objects.count()
    assert 20 * 400 <= reports <= 24 * 400
    assert not ProgressReport.objects.filter(year=TODAY.year, month__gte=TODAY.month).exists()
    # names read as Chinese ledger names, investments in 亿元
    for project in Project.objects.order_by("pk")[:50]:
        assert project.name.endswith(("项目", "产业园", "生产线", "工程", "基地", "中心", "地块）"))
        assert project.total_investment is not None and 0 < project.total_investment <= 500
    # every task of a document has one lead unit
    leaves = Task.objects.filter(parent__parent__isnull=False)
    assert leaves.count() == 100
    leads = Counter(Assignment.objects.filter(role="lead").values_list("task_id", flat=True))
    assert set(leads) == set(leaves.values_list("pk", flat=True))
    assert set(leads.values()) == {1}
    # reporting: periods since the first progress month, submissions, entries of the latest
    assert Period.objects.filter(cycle__kind="monthly").count() == 25
    assert Submission.objects.filter(state="accepted").exists()
    assert Entry.objects.exists()
    # every project, task and target has its light, computed by the app's own rules
    assert Warning.objects.filter(project__isnull=False).count() == 400
    assert Warning.objects.filter(task__isnull=False).count() == Task.objects.count()
    assert report.warnings_seconds > 0
    assert {"red", "yellow", "green"} <= set(report.warning_levels["project"])


def test_synth_refuses_a_ledger_that_is_not_empty():
    Unit.objects.create(name="已有单位")
    with pytest.raises(ServiceError) as caught:
        synth_region(projects=10, seed=1, today=TODAY)
    assert caught.value.code == "G002"
    assert Project.objects.count() == 0


@pytest.fixture(autouse=True)
def _migrated(monkeypatch):
    """The test database is migrated already; the command's own migrate is not under test."""
    monkeypatch.setattr("tuijin.cli._prepare_database", lambda **kwargs: None)


def test_synth_command_generates_the_region(capsys):
    assert main(["synth", "--projects", "30", "--seed", "2", "--today", "2026-12-07"]) == 0
    out = capsys.readouterr().out
    assert "projects.Project: 30" in out
    assert "红黄绿灯重算" in out
    assert Project.objects.count() == 30


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--projects", "0"], "G001"),
        (["--projects", "5", "--today", "2026-13-01"], "G003"),
    ],
)
def test_synth_command_refuses_bad_arguments_in_chinese(argv, code, capsys):
    assert main(["synth", *argv]) == 2
    assert code in capsys.readouterr().err
    assert Project.objects.count() == 0
