"""The demo region loads completely, meets the acceptance minima and reloads without changes."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from django.test import Client

from tuijin.demo.loader import demo_counts, load_demo
from tuijin.geo.models import Area
from tuijin.industry.models import ChainLink, Cluster, Enterprise
from tuijin.orgs.models import Group, Membership, Unit, UnitAlias
from tuijin.orgs.services import unit_find
from tuijin.plans.models import Measurement, Stage, Target, Task
from tuijin.projects.models import AnnualPlan, Event, ProgressReport, Project

PLAN = Path(__file__).resolve().parent.parent / "plan.txt"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Load the demo once for this module (tests run inside rolled-back transactions)."""
    with django_db_blocker.unblock():
        yield load_demo(password="demo-pass")
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def demo(loaded, db):
    return loaded


@pytest.fixture
def fast_hasher(settings):
    # MD5 for the passwords set here; the production hashers after it still verify the demo's.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


def test_load_demo_meets_the_minima(demo):
    counts = demo.counts
    assert counts["单位"] >= 60
    assert counts["任务"] >= 60
    assert counts["重点项目"] >= 40
    assert counts["领导小组/推进组"] >= 7
    assert counts == demo_counts()
    assert set(counts) >= {"单位", "区域", "产业集群", "产业链", "任务", "目标", "重点项目"}


def test_load_demo_twice_changes_nothing(demo):
    history = {
        model.__name__: model.history.count()
        for model in (Unit, Area, Cluster, Enterprise, Project, Task, Target, Measurement)
    }
    again = load_demo(password="demo-pass")
    assert again.counts == demo.counts
    assert {
        model.__name__: model.history.count()
        for model in (Unit, Area, Cluster, Enterprise, Project, Task, Target, Measurement)
    } == history


def test_admin_logs_in_with_the_given_password(demo, fast_hasher):
    assert demo.logins[0] == "admin / demo-pass （超级管理员）"
    assert get_user_model().objects.get(username="admin").is_superuser
    load_demo(password="changed-pass")
    assert Client().login(request=HttpRequest(), username="admin", password="changed-pass")
    assert not Client().login(request=HttpRequest(), username="admin", password="demo-pass")
    load_demo(password="demo-pass")
    assert Client().login(request=HttpRequest(), username="admin", password="demo-pass")


def test_password_defaults_to_the_environment_then_tuijin_demo(demo, fast_hasher, monkeypatch):
    monkeypatch.setenv("TUIJIN_DEMO_PASSWORD", "from-env")
    assert load_demo().logins[0] == "admin / from-env （超级管理员）"
    monkeypatch.delenv("TUIJIN_DEMO_PASSWORD")
    assert load_demo().logins[0] == "admin / tuijin-demo （超级管理员）"
    assert Client().login(request=HttpRequest(), username="admin", password="tuijin-demo")


def test_demo_has_a_user_for_each_role(demo, fast_hasher):
    from tuijin.accounts.scoping import role_of, unit_id_of

    assert [line.split(" / ")[0] for line in demo.logins] == [
        "admin",
        "office",
        "leader",
        "liaison_fgw",
        "liaison_gxj",
    ]
    users = {u.username: u for u in get_user_model().objects.all()}
    assert [role_of(users[n]) for n in ("admin", "office", "leader", "liaison_fgw")] == [
        "admin",
        "office",
        "leader",
        "liaison",
    ]
    assert Unit.objects.get(pk=unit_id_of(users["liaison_fgw"])).name == "兰州市发展和改革委员会"
    assert Unit.objects.get(pk=unit_id_of(users["liaison_gxj"])).name == "兰州市工业和信息化局"
    assert Client().login(request=HttpRequest(), username="liaison_gxj", password="demo-pass")


def test_former_name_resolves_to_the_renamed_unit(demo):
    alias = UnitAlias.objects.get(name="市工信委")
    assert alias.kind == "former"
    assert alias.valid_to is not None
    renamed = Unit.objects.get(name="兰州市工业和信息化局")
    assert alias.unit == renamed
    assert unit_find("市工信委", on=dt.date(2015, 6, 1)) == renamed
    assert unit_find("市工信局") == renamed
    assert unit_find("市发改委") == unit_find("市发展改革委") is not None


def test_every_written_unit_name_means_one_unit(demo):
    names = Counter(Unit.objects.values_list("name", flat=True))
    assert max(names.values()) == 1
    shorts = Counter(s for s in Unit.objects.values_list("short_name", flat=True) if s)
    assert max(shorts.values()) == 1
    aliases = set(UnitAlias.objects.values_list("name", flat=True))
    assert not aliases & set(Unit.objects.values_list("short_name", flat=True))
    kinds = set(Unit.objects.values_list("kind", flat=True))
    assert kinds >= {"department", "zone_committee", "county_government", "enterprise"}


def test_areas_follow_the_layout(demo):
    roles = Counter(Area.objects.values_list("layout_role", flat=True))
    assert roles["core"] >= 4 and roles["wing"] == 2 and roles["point"] >= 4
    city = Area.objects.get(kind="city")
    assert Area.objects.filter(parent=city).count() >= 8
    assert Area.objects.filter(kind="park", parent__isnull=False).count() >= 5
    assert not Area.objects.filter(positioning="").exists()


def test_clusters_chains_and_chain_leaders(demo):
    tiers = Counter(Cluster.objects.values_list("tier", flat=True))
    assert tiers["1000"] == 4 and tiers["100"] == 8
    assert not Cluster.objects.filter(target_output__isnull=True).exists()
    assert not Cluster.objects.filter(lead_unit__isnull=True).exists()
    for cluster in Cluster.objects.filter(tier="1000"):
        assert cluster.areas.exists() and cluster.chains.exists()
    for link in ChainLink.objects.all():
        assert link.order >= 1
    assert set(ChainLink.objects.values_list("action", flat=True)) >= {
        "extend",
        "fill",
        "strengthen",
    }
    leaders = Enterprise.objects.filter(chain_leader=True)
    assert leaders.count() >= 8
    assert leaders.filter(chain_links__isnull=False).distinct().count() >= 8


def test_projects_cover_every_stage_with_plans_and_progress(demo):
    stages = set(Project.objects.values_list("stage", flat=True))
    assert stages == {"reserve", "preparing", "new", "continuing", "completed", "signed"}
    for project in Project.objects.all():
        assert project.total_investment and project.total_investment > 0
        assert project.start_year and project.end_year and project.end_year >= project.start_year
        assert project.area_id and project.lead_unit_id and project.responsible_leader
        assert project.responsible_units.exists()
    assert AnnualPlan.objects.count() >= 40
    assert ProgressReport.objects.count() >= 40
    assert Project.objects.filter(chain_link__isnull=False).count() >= 25
    for report in ProgressReport.objects.all():
        assert report.cumulative_investment >= report.completed_investment
    kinds = set(Event.objects.values_list("kind", flat=True))
    assert {"groundbreaking", "signing"} <= kinds
    assert all(event.projects.exists() for event in Event.objects.all())


def test_tasks_form_a_section_tree_with_assignments(demo):
    leaf = Task.objects.get(code="三、(二)1")
    assert leaf.parent is not None and leaf.parent.code == "三、(二)"
    assert leaf.parent.parent is not None and leaf.parent.parent.code == "三"
    leaves = Task.objects.filter(deadline__isnull=False)
    assert leaves.count() >= 50
    assert leaves.filter(deadline__lt=TODAY).exists() and leaves.filter(deadline__gt=TODAY).exists()
    assert set(leaves.values_list("status", flat=True)) >= {"done", "in_progress", "blocked"}
    for task in leaves:
        roles = set(task.assignments.values_list("role", flat=True))
        assert roles == {"lead", "responsible"}
    collective = Task.objects.get(code="四、(一)1").assignments.filter(unit_as_written="各县区政府")
    assert collective.count() == 8


def test_targets_have_three_tiers_and_actuals(demo):
    gdp = Target.objects.filter(indicator__name="地区生产总值", area__name="兰州市", year=2026)
    assert {t.tier: t.value for t in gdp} == {"base": 4040, "stretch": 4080, "aspiration": 4130}
    assert Target.objects.filter(cluster__isnull=False, tier="aspiration").exists()
    assert Target.objects.filter(area__name="兰州新区", tier="aspiration").exists()
    assert Measurement.objects.filter(indicator__name="地区生产总值").count() >= 3


def test_leadership_group_office_and_five_coordination_groups(demo):
    leading = Group.objects.get(kind="leading")
    assert Group.objects.filter(kind="office", parent=leading).count() == 1
    coordination = Group.objects.filter(kind="coordination", parent=leading)
    assert coordination.count() == 5
    for group in coordination:
        roles = set(group.memberships.values_list("role", flat=True))
        assert roles == {"leader", "deputy", "member", "liaison"}
    assert set(Membership.objects.values_list("role", flat=True)) == {
        "leader",
        "deputy",
        "member",
        "liaison",
    }
    stages = Stage.objects.order_by("order")
    assert stages.count() == 3
    assert all(s.start_date and s.end_date and s.end_date >= s.start_date for s in stages)


def test_plan_text_names_only_demo_units(demo):
    raw = PLAN.read_bytes()
    assert 6_000 <= len(raw) <= 10_000
    text = raw.decode("utf-8")
    assert re.search(r"兰政办发〔\d{4}〕\d+号", text)
    assert "目标值" in text and "争取值" in text and "奋斗值" in text
    assert "每年6月和12月报送" in text
    markers = re.findall(r"（(?:牵头单位：([^；）]*)；)?责任单位：([^）]*)）", text)
    assert len(markers) >= 10
    written = {name for marker in markers for part in marker if part for name in part.split("、")}
    missing = sorted(name for name in written if unit_find(name) is None)
    assert missing == []


@pytest.mark.django_db
def test_demo_plan_becomes_tasks_units_targets_and_projects_linked_to_sentences() -> None:
    from tuijin.demo.plan import ingest_demo_plan
    from tuijin.documents.models import Provenance
    from tuijin.plans.models import Assignment, Target, Task

    load_demo(password="pw-for-test")
    document, report = ingest_demo_plan()
    assert document.status == "confirmed"
    assert document.doc_number.startswith("兰政办发")
    tasks = Task.objects.filter(document=document)
    assert tasks.count() >= 10
    assert Assignment.objects.filter(task__document=document, role="lead").exists()
    assert not report.new_units, "every unit named in the demo plan resolves to a demo unit"
    tiers = set(Target.objects.filter(source_document=document).values_list("tier", flat=True))
    assert {"base", "stretch", "aspiration"} <= tiers
    for row in Provenance.objects.filter(document=document)[:50]:
        assert document.text[row.start : row.end] == row.text
    again, second = ingest_demo_plan()
    assert again.pk == document.pk and not second.created


def test_the_demo_reporting_loop_has_reports_in_every_state_and_lights(demo):
    from tuijin.demo.reporting import load_reporting
    from tuijin.reporting.models import Period, Submission, Warning

    states = load_reporting(today=TODAY)
    assert states == {"draft": 0, "submitted": 1, "returned": 1, "accepted": 1}
    assert Period.objects.filter(cycle__name="重点任务与项目半年报送").count() == 2
    returned = Submission.objects.get(state="returned")
    assert "完成投资额" in returned.office_comment
    assert Warning.objects.filter(level="red").exists()
    assert Warning.objects.filter(level="green").exists()
    history = Submission.history.count()
    assert load_reporting(today=TODAY) == states  # a second run moves nothing on
    assert Submission.history.count() == history


def test_the_demo_reports_came_in_on_time_but_one(demo):
    from tuijin.demo.reporting import load_reporting
    from tuijin.reporting.models import Submission

    load_reporting(today=TODAY)
    late = dict(Submission.objects.values_list("unit__short_name", "late"))
    assert late == {"市发展改革委": False, "市工信局": False, "市商务局": True}


def test_the_units_still_owing_the_demo_half_year_are_reminded_once(demo):
    from tuijin.demo.reporting import load_reporting
    from tuijin.reporting.models import Notice

    load_reporting(today=TODAY)
    overdue = Notice.objects.filter(kind="remind_after")
    assert overdue.exists()
    reminded = set(overdue.values_list("unit__short_name", flat=True))
    assert "市商务局" in reminded  # returned, so not yet reported
    assert not {"市发展改革委", "市工信局"} & reminded  # accepted or awaiting review
    count = overdue.count()
    load_reporting(today=TODAY)
    assert Notice.objects.filter(kind="remind_after").count() == count
