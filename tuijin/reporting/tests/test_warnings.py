"""Computing and reading the lights against the database: rows per object, the office's
thresholds, targets against measurements, and the selectors lists and pages use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from tuijin.core.errors import ServiceError
from tuijin.documents.models import Document
from tuijin.plans.choices import Direction, TargetKind, TargetTier, TaskStatus
from tuijin.plans.models import Indicator, Measurement, Target, Task
from tuijin.projects.choices import ProjectStage
from tuijin.projects.models import Project
from tuijin.reporting import selectors, services
from tuijin.reporting.models import Warning, WarningRule
from tuijin.reporting.warnings import warning_rule_current

from .conftest import at

pytestmark = pytest.mark.django_db
D = dt.date


def test_every_task_project_and_target_gets_one_row(region):
    result = services.warnings_compute(today=D(2025, 8, 26), now=at(2025, 8, 26))
    assert sum(result["task"].values()) == Task.objects.count() == 3
    assert sum(result["project"].values()) == Project.objects.count() == 2
    assert Warning.objects.count() == 5
    services.warnings_compute(today=D(2025, 8, 27), now=at(2025, 8, 27))
    assert Warning.objects.count() == 5  # updated in place, one per object


def test_task_lights_use_the_document_date_as_start(region):
    doc = Document.objects.create(
        title="行动方案", sha256="0" * 64, issued_on=D(2025, 1, 1), original_name="a.txt"
    )
    Task.objects.filter(pk=region.t1.pk).update(document=doc, progress=30)
    services.warnings_compute(today=D(2025, 8, 26), now=at(2025, 8, 26), tasks=[region.t1])
    light = Warning.objects.get(task=region.t1)
    assert light.level == "yellow"
    assert light.reason == "进度 30%，时间已过 65%，落后 35 个百分点（黄灯阈值 20）"
    assert light.figures == {
        "progress": 30,
        "deadline": "2025-12-31",
        "elapsed_pct": 65,
        "lag_pct": 35,
        "workdays_left": 87,
    }
    # Only the task was computed: nothing else got a row.
    assert Warning.objects.count() == 1


def test_office_thresholds_change_the_lights(region):
    doc = Document.objects.create(
        title="行动方案", sha256="1" * 64, issued_on=D(2025, 1, 1), original_name="a.txt"
    )
    Task.objects.filter(pk=region.t1.pk).update(document=doc, progress=30)
    services.warning_rule_update(yellow_margin_pct=40)
    services.warnings_compute(today=D(2025, 8, 26), tasks=[region.t1])
    assert Warning.objects.get(task=region.t1).level == "green"
    assert WarningRule.objects.count() == 1
    assert warning_rule_current().history.count() >= 2  # the change is on record


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"yellow_margin_pct": 101}, "R021"),
        ({"investment_yellow_pct": 40, "investment_red_pct": 30}, "R021"),
        ({"missing_red_periods": 0}, "R021"),
        ({"colour": 1}, "R020"),
    ],
)
def test_bad_thresholds_are_refused(db, values, code):
    rule = warning_rule_current()
    with pytest.raises(ServiceError) as exc:
        services.warning_rule_update(**values)
    assert exc.value.code == code
    rule.refresh_from_db()
    assert (rule.yellow_margin_pct, rule.investment_red_pct) == (20, 30)


def test_only_one_rule_is_active(db):
    warning_rule_current()
    with pytest.raises(IntegrityError), transaction.atomic():
        WarningRule.objects.create(active=True)
    WarningRule.objects.create(active=False, name="旧规则")


def test_a_warning_points_at_exactly_one_object(region):
    now = at(2025, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Warning.objects.create(level="red", reason="x", changed_at=now, computed_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Warning.objects.create(
            task=region.t1, project=region.p1, level="red", reason="x", changed_at=now,
            computed_at=now,
        )  # fmt: skip


def test_stage_slip_makes_a_project_red(region):
    late = Project.objects.create(
        name="冷链物流中心", stage=ProjectStage.PREPARING, planned_start=D(2025, 3, 1)
    )
    services.warnings_compute(today=D(2025, 6, 1), projects=[late])
    light = Warning.objects.get(project=late)
    assert light.level == "red"
    assert light.reason == "计划 2025-03-01 开工，已逾期 92 天仍未开工（红灯阈值 60 天）"


def test_targets_follow_measurements_and_actual_values(region):
    gdp = Indicator.objects.create(name="地区生产总值", unit_label="亿元")
    base = Target.objects.create(indicator=gdp, value=Decimal("3000"), unit="亿元", year=2027)
    stretch = Target.objects.create(
        indicator=gdp, value=Decimal("3200"), unit="亿元", year=2027, tier=TargetTier.STRETCH
    )
    # The document's own figure for 2022 is the start of the path.
    Target.objects.create(
        indicator=gdp, value=Decimal("2000"), unit="亿元", year=2022, kind=TargetKind.ACTUAL
    )
    Measurement.objects.create(indicator=gdp, value=Decimal("2600"), unit="亿元", year=2024)
    services.warnings_compute(today=D(2025, 3, 1))
    base_light = Warning.objects.get(target=base)
    stretch_light = Warning.objects.get(target=stretch)
    # By the end of 2024, 40% of 2022→2027 has passed; 2600 is 60% of the way to 3000 …
    assert base_light.level == "green" and "完成路径的 60%，时间已过 40%" in base_light.reason
    # … and 50% of the way to 3200: both ahead of time.
    assert stretch_light.level == "green" and "完成路径的 50%" in stretch_light.reason
    # Actual-value rows carry no light.
    assert not Warning.objects.filter(target__kind=TargetKind.ACTUAL).exists()


def test_lower_is_better_targets(region):
    energy = Indicator.objects.create(name="单位GDP能耗", direction=Direction.LOWER)
    aim = Target.objects.create(indicator=energy, value=Decimal("0.38"), year=2025)
    Measurement.objects.create(indicator=energy, value=Decimal("0.50"), year=2020)
    Measurement.objects.create(indicator=energy, value=Decimal("0.49"), year=2024)
    services.warnings_compute(today=D(2025, 3, 1), targets=[aim])
    light = Warning.objects.get(target=aim)
    assert light.level == "red" and "红灯阈值 25" in light.reason


def test_selectors_annotate_lists_and_summarise(region, office):
    Task.objects.filter(pk=region.t3.pk).update(status=TaskStatus.BLOCKED)
    services.warnings_compute(today=D(2025, 8, 26))
    tasks = selectors.with_warning_level(office, Task.objects.order_by("pk"))
    levels = {t.pk: t.warning_level for t in tasks}
    assert levels[region.t3.pk] == "red"
    assert "受阻" in tasks.get(pk=region.t3.pk).warning_reason
    found = selectors.warnings_for(office, [region.t1, region.p1, region.t3])
    assert set(found) == {region.t1, region.p1, region.t3}
    assert found[region.t3].level == "red"
    summary = selectors.warning_summary(office)
    assert sum(summary["task"].values()) == 3 and summary["task"]["red"] == 1
    by_c = selectors.warning_summary(office, unit=region.c)
    assert by_c["task"]["red"] == 1 and sum(by_c["project"].values()) == 0
    unit_rows = list(selectors.unit_warnings(office, region.c))
    assert [w.task for w in unit_rows] == [region.t3]
    first = selectors.warning_list(office).first()
    assert first is not None and first.level == "red"


def test_compute_warnings_command(region):
    out = StringIO()
    call_command("compute_warnings", "--today", "2025-08-26", stdout=out)
    assert "任务：" in out.getvalue() and "项目：" in out.getvalue()
    assert Warning.objects.count() == 5
