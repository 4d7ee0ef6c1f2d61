"""Rules of units and groups: alias validity runs forward, one role per person per group."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tuijin.orgs.models import Group, Membership, Person, Unit, UnitAlias

pytestmark = pytest.mark.django_db


def test_alias_validity_cannot_end_before_it_starts() -> None:
    unit = Unit.objects.create(name="市工业和信息化局")
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitAlias.objects.create(
            unit=unit, name="市工信委", valid_from=dt.date(2019, 1, 1), valid_to=dt.date(2018, 1, 1)
        )


def test_an_alias_names_one_unit_only() -> None:
    a = Unit.objects.create(name="市工业和信息化局")
    b = Unit.objects.create(name="市商务局")
    UnitAlias.objects.create(unit=a, name="市工信局")
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitAlias.objects.create(unit=b, name="市工信局")


def test_a_person_holds_a_role_in_a_group_once() -> None:
    group = Group.objects.create(name="领导小组", kind="leading")
    person = Person.objects.create(name="张三")
    Membership.objects.create(group=group, person=person, role="leader")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(group=group, person=person, role="leader")
