"""Fixtures for the web-page tests: a signed-in client and a small region of our own invention.

Imported by each app's tests/conftest.py; every name starts with `ui_` so that it does not clash
with the API tests' fixtures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from tuijin.accounts.models import Profile
from tuijin.documents.models import Document, Provenance
from tuijin.geo.models import Area
from tuijin.industry.models import Chain, ChainLink, Cluster, Enterprise
from tuijin.orgs.models import Group, Membership, Person, Unit, UnitAlias
from tuijin.plans.models import Assignment, Indicator, Measurement, Target, Task
from tuijin.projects.models import AnnualPlan, Event, ProgressReport, Project

# Our own wording (not taken from any real document).
UI_PLAN_TEXT = (
    "河谷市产业振兴三年行动方案\n"
    "一、主要目标\n"
    "到2027年，全市地区生产总值达到3000亿元，力争3200亿元。\n"
    "二、重点任务\n"
    "（一）建设化工新材料基地。推进化工新材料一体化项目尽快投产。"
    "（市发改委牵头，市工信局配合）\n"
    "（二）完善食品冷链体系。（市工信局牵头）\n"
)


@pytest.fixture
def ui_user(db: None) -> Any:
    """A signed-in member of the office, who sees everything (no password: hashing is slow,
    force_login needs none). Roles and scoping: tuijin/accounts."""
    user = get_user_model()(username="viewer")
    user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user, role="office")
    return user


@pytest.fixture
def ui_client(ui_user: Any) -> Client:
    client = Client()
    client.force_login(ui_user)
    return client


def _span(text: str, needle: str) -> dict[str, int]:
    start = UI_PLAN_TEXT.index(needle)
    return {"source_start": start, "source_end": start + len(needle)}


@pytest.fixture
def ui_world(db: None) -> SimpleNamespace:
    """Three units, three areas, two clusters with a chain, one plan document, three tasks,
    a three-tier target, three projects (one with plans, progress and an event)."""
    w = SimpleNamespace()
    w.fgw = Unit.objects.create(name="河谷市发展和改革委员会", short_name="市发改委")
    UnitAlias.objects.create(unit=w.fgw, name="发改委")
    UnitAlias.objects.create(
        unit=w.fgw, name="河谷市计划委员会", kind="former", valid_to=date(2001, 5, 31)
    )
    w.gxj = Unit.objects.create(name="河谷市工业和信息化局", short_name="市工信局")
    w.county = Unit.objects.create(name="北岭县人民政府", kind="county_government")
    w.group = Group.objects.create(name="河谷市产业振兴领导小组", kind="leading", lead_unit=w.fgw)
    person = Person.objects.create(name="李河", title="综合科科长", unit=w.fgw)
    Membership.objects.create(group=w.group, person=person, role="liaison", unit=w.fgw)

    w.city = Area.objects.create(name="河谷市", kind="city")
    w.zone = Area.objects.create(
        name="河谷高新区",
        kind="national_zone",
        parent=w.city,
        layout_role="core",
        managing_unit=w.fgw,
        positioning="全市创新策源地",
    )
    w.north = Area.objects.create(name="北岭县", kind="county", parent=w.city, layout_role="wing")

    w.chem = Cluster.objects.create(
        name="精细化工产业集群", tier="1000", target_output=Decimal("1000"), lead_unit=w.gxj
    )
    w.chem.areas.add(w.zone)
    w.food = Cluster.objects.create(name="绿色食品产业集群", tier="100")
    w.chain = Chain.objects.create(name="精细化工产业链", cluster=w.chem)
    w.raw = ChainLink.objects.create(chain=w.chain, name="基础原料", order=1, position="upstream")
    w.special = ChainLink.objects.create(
        chain=w.chain, name="专用化学品", order=2, position="downstream", action="extend"
    )
    w.leader = Enterprise.objects.create(
        name="河谷化工集团", cluster=w.chem, area=w.zone, chain_leader=True
    )
    w.leader.chain_links.add(w.special)

    w.plan = Document.objects.create(
        title="河谷市产业振兴三年行动方案",
        doc_number="河政发〔2025〕7号",
        issuer="河谷市人民政府",
        issued_on=date(2025, 2, 10),
        sha256="c" * 64,
        text=UI_PLAN_TEXT,
    )

    w.t1 = Task.objects.create(
        document=w.plan,
        code="（一）",
        title="建设化工新材料基地",
        text="推进化工新材料一体化项目尽快投产。",
        section="二、重点任务",
        deadline=date(2025, 12, 31),
        status="in_progress",
        order=1,
        source_document=w.plan,
        **_span(UI_PLAN_TEXT, "建设化工新材料基地"),
    )
    Assignment.objects.create(task=w.t1, unit=w.fgw, role="lead")
    Assignment.objects.create(task=w.t1, unit=w.gxj, role="responsible")
    w.t2 = Task.objects.create(
        document=w.plan,
        code="（二）",
        title="完善食品冷链体系",
        deadline=date(2026, 6, 30),
        order=2,
    )
    Assignment.objects.create(task=w.t2, unit=w.gxj, role="lead")
    Assignment.objects.create(task=w.t2, unit=w.fgw, role="responsible")
    w.t3 = Task.objects.create(title="开展年度评估", code="（三）", status="done", order=3)
    Assignment.objects.create(task=w.t3, unit=w.county, role="lead")

    w.gdp = Indicator.objects.create(name="地区生产总值", unit_label="亿元")
    w.gdp_base = Target.objects.create(
        indicator=w.gdp,
        value=Decimal("3000"),
        unit="亿元",
        year=2027,
        tier="base",
        area=w.city,
        source_document=w.plan,
        **_span(UI_PLAN_TEXT, "3000亿元"),
    )
    w.gdp_stretch = Target.objects.create(
        indicator=w.gdp, value=Decimal("3200"), unit="亿元", year=2027, tier="stretch", area=w.city
    )
    w.gdp_aspiration = Target.objects.create(
        indicator=w.gdp,
        value=Decimal("3500"),
        unit="亿元",
        year=2027,
        tier="aspiration",
        area=w.city,
    )
    w.output = Indicator.objects.create(name="集群营业收入", unit_label="亿元")
    w.chem_target = Target.objects.create(
        indicator=w.output, value=Decimal("800"), unit="亿元", year=2026, cluster=w.chem
    )
    Measurement.objects.create(
        indicator=w.gdp, value=Decimal("2650"), unit="亿元", year=2025, month=6, area=w.city
    )

    w.p1 = Project.objects.create(
        name="化工新材料一体化项目",
        code="HG-001",
        content="建设年产十万吨专用化学品装置。",
        total_investment=Decimal("120"),
        stage="new",
        list="construction",
        start_year=2025,
        end_year=2027,
        area=w.zone,
        cluster=w.chem,
        chain_link=w.special,
        enterprise=w.leader,
        lead_unit=w.gxj,
        source_document=w.plan,
        **_span(UI_PLAN_TEXT, "化工新材料一体化项目"),
    )
    w.p1.responsible_units.add(w.fgw)
    AnnualPlan.objects.create(project=w.p1, year=2025, planned_investment=Decimal("30"))
    ProgressReport.objects.create(
        project=w.p1,
        year=2025,
        month=6,
        completed_investment=Decimal("6"),
        cumulative_investment=Decimal("15"),
        progress="主体厂房封顶",
        reported_by=w.gxj,
    )
    event = Event.objects.create(kind="groundbreaking", name="春季集中开工", date=date(2025, 3, 18))
    event.projects.add(w.p1)
    w.p2 = Project.objects.create(
        name="北岭冷链物流中心",
        total_investment=Decimal("8.5"),
        stage="continuing",
        start_year=2024,
        end_year=2025,
        area=w.north,
        cluster=w.food,
        lead_unit=w.county,
    )
    w.p3 = Project.objects.create(
        name="高新区人才公寓",
        total_investment=Decimal("3"),
        stage="reserve",
        start_year=2026,
        area=w.zone,
        lead_unit=w.fgw,
    )
    start = UI_PLAN_TEXT.index("市发改委")
    w.mention = Provenance.objects.create(
        document=w.plan,
        content_type=ContentType.objects.get_for_model(Unit),
        object_id=w.fgw.pk,
        start=start,
        end=start + len("市发改委"),
        facet="unit",
        text="市发改委",
    )
    return w
