"""Fixtures for API, auth and admin tests: users, clients (session, Bearer) and a small region.

Imported by each app's tests/conftest.py; every name starts with `api_` so that it does not
clash with the web-UI tests' fixtures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from tuijin.accounts.models import Profile
from tuijin.core.models import CalendarDay
from tuijin.core.services import token_create
from tuijin.documents.models import Document, Provenance
from tuijin.geo.models import Area
from tuijin.industry.models import Chain, ChainLink, Cluster, Enterprise
from tuijin.orgs.models import Group, Membership, Person, Unit, UnitAlias
from tuijin.plans.models import Assignment, Indicator, Measurement, Stage, Target, Task
from tuijin.projects.models import AnnualPlan, Event, ProgressReport, Project

# Our own wording (not taken from any real document).
PLAN_TEXT = (
    "江城市产业提升行动方案\n"
    "一、总体要求\n"
    "到2027年，全市地区生产总值达到3000亿元。\n"
    "二、重点任务\n"
    "（一）壮大新能源汽车集群。加快整车和动力电池项目建设，2025年底前形成完整配套体系。"
    "（市发改委牵头，市工业和信息化局配合）\n"
    "（二）建设绿色食品加工园。（东山县人民政府负责）\n"
)


@pytest.fixture
def api_user(db: None) -> User:
    """A signed-in member of the office (sees everything; roles: tuijin/accounts)."""
    user = User.objects.create_user(username="alice", password="pw-alice-123")
    Profile.objects.create(user=user, role="office")
    return user


@pytest.fixture
def api_superuser(db: None) -> User:
    return User.objects.create_superuser(
        username="root", password="pw-root-123", email="root@example.com"
    )


@pytest.fixture
def api_token(api_user: User) -> str:
    return token_create(username=api_user.username, name="tests")


@pytest.fixture
def api_session_client(api_user: User) -> Client:
    client = Client()
    client.force_login(api_user)
    return client


@pytest.fixture
def api_bearer_client(api_token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {api_token}"})


@pytest.fixture
def api_admin_client(api_superuser: User) -> Client:
    client = Client()
    client.force_login(api_superuser)
    return client


@pytest.fixture
def api_ledger(db: None) -> SimpleNamespace:
    """Three units (one with aliases), three areas, two clusters with a chain, two documents,
    three tasks, three targets, two projects with plans and progress."""
    r = SimpleNamespace()
    r.fgw = Unit.objects.create(name="江城市发展和改革委员会", short_name="市发改委")
    UnitAlias.objects.create(unit=r.fgw, name="发改委")
    UnitAlias.objects.create(
        unit=r.fgw, name="江城市计划委员会", kind="former", valid_to=date(2003, 6, 30)
    )
    r.gxj = Unit.objects.create(name="江城市工业和信息化局", short_name="市工信局")
    r.county = Unit.objects.create(name="东山县人民政府", kind="county_government")

    r.office = Group.objects.create(name="江城市产业提升领导小组", kind="leading", lead_unit=r.fgw)
    r.liaison = Person.objects.create(name="王江", title="综合科科长", unit=r.fgw)
    Membership.objects.create(group=r.office, person=r.liaison, role="liaison", unit=r.fgw)

    r.city = Area.objects.create(name="江城市", kind="city")
    r.dongshan = Area.objects.create(
        name="东山县", kind="county", parent=r.city, layout_role="wing", managing_unit=r.county
    )
    r.zone = Area.objects.create(
        name="江城高新区", kind="national_zone", parent=r.city, layout_role="core"
    )

    r.auto = Cluster.objects.create(
        name="新能源汽车产业集群", tier="1000", target_output=Decimal("1000"), lead_unit=r.gxj
    )
    r.auto.areas.add(r.zone)
    r.food = Cluster.objects.create(name="绿色食品产业集群", tier="100")
    r.chain = Chain.objects.create(name="新能源汽车产业链", cluster=r.auto)
    r.battery = ChainLink.objects.create(
        chain=r.chain, name="动力电池", order=1, position="upstream", action="fill"
    )
    r.assembly = ChainLink.objects.create(
        chain=r.chain, name="整车制造", order=2, position="downstream", action="strengthen"
    )
    r.leader = Enterprise.objects.create(
        name="江城汽车集团", cluster=r.auto, area=r.zone, chain_leader=True
    )
    r.leader.chain_links.add(r.assembly)
    r.supplier = Enterprise.objects.create(name="江城电池有限公司", cluster=r.auto)
    r.supplier.chain_links.add(r.battery)

    r.plan = Document.objects.create(
        title="江城市产业提升行动方案",
        doc_number="江政发〔2025〕3号",
        issuer="江城市人民政府",
        issued_on=date(2025, 3, 1),
        kind="plan",
        sha256="a" * 64,
        text=PLAN_TEXT,
    )
    Stage.objects.create(document=r.plan, name="组织实施", start_date=date(2025, 4, 1))
    r.ledger_doc = Document.objects.create(
        title="2025年重点项目清单", kind="ledger", issued_on=date(2024, 12, 20), sha256="b" * 64
    )

    title = "壮大新能源汽车集群"
    start = PLAN_TEXT.index(title)
    r.task_auto = Task.objects.create(
        document=r.plan,
        code="（一）",
        title=title,
        text="加快整车和动力电池项目建设。",
        section="二、重点任务",
        deadline=date(2025, 12, 31),
        deadline_text="2025年底前",
        status="in_progress",
        order=1,
        source_document=r.plan,
        source_start=start,
        source_end=start + len(title),
    )
    Assignment.objects.create(task=r.task_auto, unit=r.fgw, role="lead", unit_as_written="市发改委")
    Assignment.objects.create(task=r.task_auto, unit=r.gxj, role="responsible")
    r.task_food = Task.objects.create(
        document=r.plan, code="（二）", title="建设绿色食品加工园", section="二、重点任务", order=2
    )
    Assignment.objects.create(task=r.task_food, unit=r.county, role="lead")
    r.task_done = Task.objects.create(
        document=r.plan, code="（三）", title="完成年度评估", status="done", order=3
    )

    r.gdp = Indicator.objects.create(name="地区生产总值", unit_label="亿元")
    r.growth = Indicator.objects.create(name="规上工业增加值增速", unit_label="%")
    r.gdp_base = Target.objects.create(
        indicator=r.gdp, value=Decimal("3000"), unit="亿元", year=2027, tier="base", area=r.city
    )
    r.gdp_stretch = Target.objects.create(
        indicator=r.gdp, value=Decimal("3200"), unit="亿元", year=2027, tier="stretch", area=r.city
    )
    r.growth_target = Target.objects.create(
        indicator=r.growth, value=Decimal("8"), unit="%", year=2025, tier="base", cluster=r.auto
    )

    Measurement.objects.create(
        indicator=r.gdp, value=Decimal("2650"), unit="亿元", year=2025, month=6, area=r.city
    )

    r.car_base = Project.objects.create(
        name="新能源汽车整车生产基地",
        code="JC-2025-001",
        total_investment=Decimal("120"),
        stage="new",
        list="construction",
        start_year=2025,
        end_year=2027,
        area=r.zone,
        cluster=r.auto,
        chain_link=r.assembly,
        enterprise=r.leader,
        lead_unit=r.gxj,
    )
    r.car_base.responsible_units.add(r.fgw)
    AnnualPlan.objects.create(project=r.car_base, year=2025, planned_investment=Decimal("30"))
    ProgressReport.objects.create(
        project=r.car_base,
        year=2025,
        month=6,
        completed_investment=Decimal("5"),
        cumulative_investment=Decimal("15"),
        progress="主体厂房封顶",
        reported_by=r.gxj,
    )
    event = Event.objects.create(
        kind="groundbreaking", name="二季度集中开工", date=date(2025, 4, 8)
    )
    event.projects.add(r.car_base)
    r.cold_chain = Project.objects.create(
        name="绿色食品冷链物流中心",
        total_investment=Decimal("8"),
        stage="reserve",
        area=r.dongshan,
        cluster=r.food,
        lead_unit=r.county,
    )
    Provenance.objects.create(
        document=r.plan,
        content_type=ContentType.objects.get_for_model(Task),
        object_id=r.task_auto.pk,
        start=start,
        end=start + len(title),
        facet="task",
        text=title,
    )
    # a local holiday the office set, far from every date the tests count working days over
    r.holiday = CalendarDay.objects.create(day=date(2099, 10, 8), is_workday=False, note="地方假日")
    return r
