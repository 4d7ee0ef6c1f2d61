"""The warnings and submissions lists pick their unit by search: with a region of hundreds of
units the filter form holds only the chosen one, and filtering by unit still works."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.orgs.models import Unit
from tuijin.reporting.services import warnings_compute

from .conftest import at


def _unit_options(html: str) -> list[str]:
    start = html.index('name="unit"')
    return re.findall(r"<option[^>]*>", html[start : html.index("</select>", start)])


@pytest.mark.parametrize("name", ["reporting-warnings", "reporting-submissions"])
def test_a_reporting_list_does_not_render_every_unit(office, region, name) -> None:
    Unit.objects.bulk_create(Unit(name=f"批量单位{i:03d}") for i in range(300))
    client = Client()
    client.force_login(office)
    html = client.get(reverse(name)).content.decode()
    assert len(_unit_options(html)) < 30
    assert "批量单位000" not in html
    chosen = client.get(reverse(name), {"unit": region.a.pk})
    assert chosen.status_code == 200
    options = _unit_options(chosen.content.decode())
    assert len(options) == 2 and f'value="{region.a.pk}" selected' in options[1]


def test_the_warnings_list_still_filters_by_unit(office, region) -> None:
    warnings_compute(today=at(2026, 1, 5).date())
    client = Client()
    client.force_login(office)
    html = client.get(reverse("reporting-warnings"), {"unit": region.c.pk}).content.decode()
    assert region.t3.title in html and region.t2.title not in html
