"""Reads for the pages: periods with counts, a submission with everything, what a unit owes,
and the smaller writes pages call (cycle settings, remarks, removing an attachment)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.storage import default_storage

from tuijin.core.errors import ServiceError
from tuijin.reporting import selectors, services
from tuijin.reporting.choices import CycleKind, UnitScope
from tuijin.reporting.models import Attachment

from .conftest import at

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def june(region):
    cycle = services.cycle_create(
        name="半年报送", kind=CycleKind.SEMIANNUAL, starts_on=D(2025, 1, 1)
    )
    return services.period_open(cycle=cycle, start=D(2025, 1, 1), end=D(2025, 6, 30))


def test_period_list_counts_submissions(june, region, office):
    sub = services.submission_start(unit=region.c, period=june)
    for entry in sub.entries.all():
        services.entry_update(entry=entry, progress_text="已完成对接")
    services.submission_submit(submission=sub, now=at(2025, 7, 9))
    services.submission_start(unit=region.a, period=june)
    period = selectors.period_list(office).get()
    assert (period.submitted_count, period.accepted_count, period.late_count) == (1, 0, 1)
    assert selectors.cycle_list(office).get().period_count == 1


def test_submission_get_and_unit_reads(june, region, office):
    sub = services.submission_start(unit=region.a, period=june)
    got = selectors.submission_get(office, sub.pk)
    assert [str(e) for e in got.entries.all()] == [
        region.t1.title,
        region.p1.name,
        region.p2.name,
    ]
    assert selectors.submission_for(office, june, region.a) == sub
    assert selectors.submission_for(office, june, region.b) is None
    assert list(selectors.unit_submissions(office, region.a)) == [sub]
    owes = selectors.unit_owes(office, region.b)
    assert [(o.task or o.project, o.role) for o in owes] == [
        (region.t2, "lead"),
        (region.t1, "responsible"),
        (region.p2, "lead"),
    ]


def test_board_lists_a_unit_outside_the_scope_that_submitted(region, office):
    cycle = services.cycle_create(
        name="专项",
        kind=CycleKind.ADHOC,
        starts_on=D(2025, 1, 1),
        unit_scope=UnitScope.EXPLICIT,
        units=[region.a],
    )
    period = services.period_open(cycle=cycle, start=D(2025, 8, 1), end=D(2025, 8, 31))
    sub = services.submission_start(unit=region.a, period=period)
    services.cycle_update(cycle=cycle, units=[region.b])  # the scope changed afterwards
    board = selectors.cycle_board(office, period, today=D(2025, 8, 20))
    assert [(row.unit, row.state) for row in board.rows] == [
        (region.a, "draft"),
        (region.b, "missing"),
    ]
    assert board.rows[0].submission == sub
    assert board.counts["overdue"] == 0  # not due yet


def test_cycle_update_refuses_unknown_fields_and_empty_scope(june):
    cycle = june.cycle
    with pytest.raises(ServiceError) as exc:
        services.cycle_update(cycle=cycle, kind=CycleKind.MONTHLY)
    assert exc.value.code == "R003"
    with pytest.raises(ServiceError) as exc:
        services.cycle_update(cycle=cycle, unit_scope=UnitScope.EXPLICIT)
    assert exc.value.code == "R002"
    cycle.refresh_from_db()
    assert cycle.unit_scope == UnitScope.ASSIGNED
    services.cycle_update(cycle=cycle, due_workdays=10, remind_workdays=5)
    cycle.refresh_from_db()
    assert (cycle.due_workdays, cycle.remind_workdays) == (10, 5)
    june.refresh_from_db()
    assert june.due_date == D(2025, 7, 7)  # announced due dates stay


def test_summary_and_attachment_removal(
    june, region, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    sub = services.submission_start(unit=region.a, period=june)
    services.submission_update(submission=sub, summary="上半年总体进展顺利")
    sub.refresh_from_db()
    assert sub.summary == "上半年总体进展顺利"
    attachment = services.attachment_add(submission=sub, name="进度表.xlsx", data=b"PK..")
    path = attachment.file.name
    assert default_storage.exists(path)
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_remove(attachment=attachment)
    assert not Attachment.objects.exists()
    assert not default_storage.exists(path)  # the file goes once the removal is committed
