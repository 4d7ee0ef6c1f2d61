"""Starting a report (开始填报) is idempotent: several liaisons of one unit pressing it together
all land on the same draft, never on a 500 from the one-per-unit constraint."""

from __future__ import annotations

import datetime as dt
import threading
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from tuijin.accounts.choices import Role
from tuijin.accounts.services import user_save
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind
from tuijin.reporting.models import Entry, Period, Submission
from tuijin.reporting.owing import owed_by
from tuijin.reporting.services import submissions as submission_services


def _june() -> Period:
    cycle = services.cycle_create(
        name="半年报送", kind=CycleKind.SEMIANNUAL, starts_on=dt.date(2025, 1, 1)
    )
    return services.period_open(cycle=cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30))


@pytest.mark.django_db
def test_a_draft_created_between_the_check_and_the_insert_is_returned(
    region: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second request loses the race: another request inserts the unit's draft after this
    one looked for it and before it inserts its own. It gets that draft, not an error."""
    period = _june()
    real_units_owing = submission_services.units_owing
    rival: list[Submission] = []

    def units_owing_while_the_other_request_inserts(cycle: Any) -> Any:
        if not rival:
            rival.append(Submission.objects.create(period=period, unit=region.a))
        return real_units_owing(cycle)

    monkeypatch.setattr(
        submission_services, "units_owing", units_owing_while_the_other_request_inserts
    )
    submission = services.submission_start(unit=region.a, period=period)
    assert rival and submission.pk == rival[0].pk
    assert Submission.objects.filter(period=period, unit=region.a).count() == 1
    assert not Entry.objects.filter(submission=submission).exists()  # nothing half-written


@pytest.mark.django_db(transaction=True)
def test_five_liaisons_starting_together_share_one_draft(region: SimpleNamespace) -> None:
    """Five liaisons of one unit press 开始填报 at the same moment (real threads, real
    connections): every one is sent to the same draft's edit page."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers (IMMEDIATE transactions): no concurrent insert")
    period = _june()
    clients = []
    for i in range(5):
        client = Client()
        client.force_login(user_save(username=f"liaison_a{i}", role=Role.LIAISON, unit=region.a))
        clients.append(client)
    url = reverse("reporting-submission-start", args=[period.pk])
    barrier = threading.Barrier(len(clients))
    results: list[Any] = [None] * len(clients)

    def press(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            response = clients[i].post(url)
            results[i] = (response.status_code, response.get("Location"))
        except Exception as exc:  # reported through the assertion below
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    submission = Submission.objects.get(period=period, unit=region.a)
    edit = reverse("reporting-submission-edit", args=[submission.pk])
    assert results == [(302, edit)] * len(clients)
    assert submission.entries.count() == len(owed_by(region.a))  # once, not once per click
