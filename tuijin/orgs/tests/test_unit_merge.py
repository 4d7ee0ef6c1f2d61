"""Merging a unit an import created for a body the ledger has: everything moves, the slip
becomes an alias, a clash refuses the whole merge and changes nothing."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tuijin.accounts.models import Profile
from tuijin.core.errors import ServiceError
from tuijin.documents.models import Provenance
from tuijin.orgs.merge import unit_merge
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.orgs.selectors import unit_near_matches
from tuijin.orgs.services import unit_find, unit_resolve
from tuijin.plans.models import Assignment
from tuijin.reporting.models import Cycle, Period, Submission

SLIP = "河谷市发改委员会"  # a slip for 河谷市发展和改革委员会, created for review by an import


@pytest.fixture
def slip(ui_world: SimpleNamespace) -> Unit:
    """The slip as an import leaves it: on a task, on a project, named in the plan."""
    unit = unit_resolve(name=SLIP).unit
    w = ui_world
    Assignment.objects.create(task=w.t3, unit=unit, role="responsible")
    Assignment.objects.create(task=w.t1, unit=unit, role="lead")  # fgw leads t1 already
    w.p2.responsible_units.add(unit)
    kind = ContentType.objects.get_for_model(Unit)
    Provenance.objects.create(
        document=w.plan, content_type=kind, object_id=unit.pk, start=0, end=4, text="河谷市"
    )
    return unit


def _period() -> Period:
    cycle = Cycle.objects.create(name="半年报", kind="monthly", starts_on=dt.date(2025, 1, 1))
    return Period.objects.create(
        cycle=cycle,
        label="2025年6月",
        start=dt.date(2025, 6, 1),
        end=dt.date(2025, 6, 30),
        due_date=dt.date(2025, 7, 7),
        opened_at=timezone.now(),
    )


def test_merging_moves_tasks_projects_and_sources_and_keeps_the_slip_as_an_alias(
    ui_world: SimpleNamespace, ui_user: Any, slip: Unit
) -> None:
    w = ui_world
    report = unit_merge(actor=ui_user, source=slip, target=w.fgw)
    assert not Unit.objects.filter(pk=slip.pk).exists()
    assert Assignment.objects.filter(task=w.t3, unit=w.fgw, role="responsible").exists()
    assert Assignment.objects.filter(task=w.t1, unit=w.fgw, role="lead").count() == 1
    assert report.dropped == 1  # t1's lead: the same row for both units
    assert w.fgw in w.p2.responsible_units.all()
    kind = ContentType.objects.get_for_model(Unit)
    assert Provenance.objects.filter(content_type=kind, object_id=w.fgw.pk, start=0).exists()
    assert report.aliases == [SLIP]
    assert UnitAlias.objects.get(name=SLIP).unit == w.fgw
    # the next document that makes the same slip links straight to the unit
    assert unit_find(SLIP) == w.fgw and unit_resolve(name=SLIP).created is False


def test_a_report_both_units_made_for_one_period_refuses_the_merge_and_changes_nothing(
    ui_world: SimpleNamespace, ui_user: Any, slip: Unit
) -> None:
    period = _period()
    Submission.objects.create(period=period, unit=slip)
    Submission.objects.create(period=period, unit=ui_world.fgw)
    assignments = Assignment.objects.filter(unit=slip).count()
    with pytest.raises(ServiceError) as err:
        unit_merge(actor=ui_user, source=slip, target=ui_world.fgw)
    assert err.value.code == "O011" and "报送" in err.value.message
    assert Unit.objects.filter(pk=slip.pk).exists()
    assert Assignment.objects.filter(unit=slip).count() == assignments
    assert not UnitAlias.objects.filter(name=SLIP).exists()


def test_a_unit_cannot_be_merged_into_itself_or_by_a_liaison(
    ui_world: SimpleNamespace, ui_user: Any, slip: Unit
) -> None:
    with pytest.raises(ServiceError) as err:
        unit_merge(actor=ui_user, source=slip, target=slip)
    assert err.value.code == "O010"
    liaison = get_user_model().objects.create(username="liaison")
    Profile.objects.create(user=liaison, role="liaison", unit=ui_world.fgw)
    with pytest.raises(PermissionDenied):
        unit_merge(actor=liaison, source=slip, target=ui_world.fgw)
    assert Unit.objects.filter(pk=slip.pk).exists()


def test_the_office_merges_from_the_unit_page(
    ui_world: SimpleNamespace, ui_client: Client, slip: Unit
) -> None:
    page = ui_client.get(reverse("unit-detail", args=[slip.pk])).content.decode()
    assert 'id="unit-merge"' in page
    url = reverse("unit-merge", args=[slip.pk])
    unconfirmed = ui_client.post(url, {"target": ui_world.fgw.pk}, follow=True)
    assert "请勾选" in unconfirmed.content.decode()
    assert Unit.objects.filter(pk=slip.pk).exists()
    response = ui_client.post(url, {"target": ui_world.fgw.pk, "confirm": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == ui_world.fgw.get_absolute_url()
    assert f"已将“{SLIP}”并入“{ui_world.fgw.name}”" in response.content.decode()
    assert not Unit.objects.filter(pk=slip.pk).exists()


def test_a_unit_flagged_for_review_is_shown_the_units_spelt_nearly_like_it(
    ui_world: SimpleNamespace, slip: Unit
) -> None:
    assert unit_near_matches(slip) == [ui_world.fgw]
    assert unit_near_matches(ui_world.county) == []
    other_slip = unit_resolve(name="河谷市工业和信息化委").unit
    assert unit_near_matches(other_slip)[0] == ui_world.gxj


def test_the_unit_page_offers_the_near_matches_first(
    ui_world: SimpleNamespace, ui_client: Client, slip: Unit
) -> None:
    page = ui_client.get(reverse("unit-detail", args=[slip.pk])).content.decode()
    near = page[page.index('id="near-matches"') :]
    assert ui_world.fgw.name in near[: near.index("</p>")]
    assert page.index('<optgroup label="名称相近">') < page.index(f'value="{ui_world.fgw.pk}"')


def test_a_liaison_sees_no_merge_form_and_is_refused(ui_world: SimpleNamespace, slip: Unit) -> None:
    liaison = get_user_model().objects.create(username="liaison")
    Profile.objects.create(user=liaison, role="liaison", unit=ui_world.fgw)
    client = Client()
    client.force_login(liaison)
    page = client.get(reverse("unit-detail", args=[ui_world.fgw.pk])).content.decode()
    assert 'id="unit-merge"' not in page
    posted = {"target": ui_world.fgw.pk, "confirm": "1"}
    assert client.post(reverse("unit-merge", args=[slip.pk]), posted).status_code == 403
    assert Unit.objects.filter(pk=slip.pk).exists()
