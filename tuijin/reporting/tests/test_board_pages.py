"""A period's board of a large region: its counts cover every unit, its rows and problems come
a page at a time, and its queries do not grow with the units."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tuijin.orgs.models import Unit
from tuijin.projects.choices import ProjectStage
from tuijin.projects.models import Project
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind, SubmissionState
from tuijin.reporting.models import Entry, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(office: Any) -> Client:
    client = Client()
    client.force_login(office)
    return client


@pytest.fixture
def period(region: SimpleNamespace) -> Any:
    cycle = services.cycle_create(
        name="重点工作半年报送", kind=CycleKind.SEMIANNUAL, starts_on=dt.date(2025, 1, 1)
    )
    return services.period_open(cycle=cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30))


def _more_units(period: Any, n: int, batch: str = "") -> None:
    """N more units owing the period (each leads an open project), each with a submitted report
    raising one problem."""
    now = timezone.now()
    units = Unit.objects.bulk_create(Unit(name=f"江城市测试局{batch}{i:03d}") for i in range(n))
    projects = Project.objects.bulk_create(
        Project(name=f"测试项目{batch}{i:03d}", stage=ProjectStage.NEW, lead_unit=u)
        for i, u in enumerate(units)
    )
    submissions = Submission.objects.bulk_create(
        Submission(period=period, unit=u, state=SubmissionState.SUBMITTED, submitted_at=now)
        for u in units
    )
    Entry.objects.bulk_create(
        Entry(submission=s, project=p, problem=f"问题{batch}{i:03d}")
        for i, (s, p) in enumerate(zip(submissions, projects, strict=True))
    )


def _board(client: Client, period: Any, **params: Any) -> Any:
    return client.get(reverse("reporting-period-board", args=[period.pk]), params)


def test_board_shows_a_page_of_units_and_counts_them_all(
    office_client: Client, period: Any
) -> None:
    _more_units(period, 120)
    response = _board(office_client, period)
    html = response.content.decode()
    assert html.count('<tr class="state-') == 50
    assert response.context["board"].counts["units"] == 123
    assert 'rel="next"' in html and "?page=2" in html
    last = _board(office_client, period, page=3).content.decode()
    assert last.count('<tr class="state-') == 23


def test_board_shows_a_page_of_problems(office_client: Client, period: Any) -> None:
    _more_units(period, 120)
    html = _board(office_client, period).content.decode()
    problems = html[html.index('id="problems"') :]
    assert problems.split("<tbody>")[1].split("</tbody>")[0].count("<tr>") == 50
    assert "problems_page=2" in problems
    second = _board(office_client, period, problems_page=3).content.decode()
    assert "问题119" in second[second.index('id="problems"') :]


@pytest.mark.parametrize("param", ["page", "problems_page"])
@pytest.mark.parametrize("value", ["0", "x", "-1", "99999999999"])
def test_a_bad_page_number_is_refused_with_the_reason(
    office_client: Client, period: Any, param: str, value: str
) -> None:
    response = _board(office_client, period, **{param: value})
    assert response.status_code == 400
    assert param in response.content.decode()


def test_board_queries_do_not_grow_with_the_units(
    office_client: Client, period: Any, django_assert_max_num_queries
) -> None:
    _more_units(period, 5)
    _board(office_client, period)
    with CaptureQueriesContext(connection) as few:
        _board(office_client, period)
    _more_units(period, 80, "乙")
    with django_assert_max_num_queries(len(few.captured_queries)):
        _board(office_client, period)
