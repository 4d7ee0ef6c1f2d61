"""The permission matrix: every role × every object type × read/write, on the web and in the
API, with the exact status expected. Roles: office, liaison of unit A, liaison of unit B,
leader, admin (superuser), a signed-in user without a role, anonymous.

Unit A owns task_a, project_a, doc_a (confirmed, holds task_a) and sub_a; B owns the _b ones;
task_shared and project_shared are led by B with A responsible.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tuijin.accounts.permissions import allowed
from tuijin.core.calendar import calendar_set_days
from tuijin.orgs.merge import unit_merge
from tuijin.orgs.models import Unit
from tuijin.plans.services import task_import
from tuijin.projects.services import project_import
from tuijin.reporting import services as reporting

from .conftest import ROLES, client_for, fresh

pytestmark = pytest.mark.django_db

LOGIN = "login"  # web: 302 to the sign-in page; API: 401
ALL = {r: 200 for r in ROLES if r != "anon"} | {"anon": LOGIN}
OWNER_A = ALL | {"liaison_b": 403, "norole": 403}  # office, leader, admin and A's liaison
OFFICE_ONLY = {r: 403 for r in ROLES} | {"office": 200, "admin": 200, "anon": LOGIN}
BOARD = OFFICE_ONLY | {"leader": 200}

# kind → (web detail URL, API detail path, expected by role)
READ: dict[str, tuple[Callable[[Any], str], Callable[[Any], str], dict[str, Any]]] = {
    "task": (
        lambda w: reverse("task-detail", args=[w.task_a.pk]),
        lambda w: f"/api/tasks/{w.task_a.pk}",
        OWNER_A,
    ),
    "project": (
        lambda w: reverse("project-detail", args=[w.project_a.pk]),
        lambda w: f"/api/projects/{w.project_a.pk}",
        OWNER_A,
    ),
    "submission": (
        lambda w: reverse("reporting-submission-detail", args=[w.sub_a.pk]),
        lambda w: f"/api/submissions/{w.sub_a.pk}",
        OWNER_A,
    ),
    "document": (
        lambda w: reverse("document-detail", args=[w.doc_a.pk]),
        lambda w: f"/api/documents/{w.doc_a.pk}",
        OWNER_A,
    ),
    "draft_document": (
        lambda w: reverse("document-detail", args=[w.draft.pk]),
        lambda w: f"/api/documents/{w.draft.pk}",
        ALL | {"liaison_a": 403, "liaison_b": 403, "norole": 403},
    ),
    "target": (
        lambda w: reverse("target-detail", args=[w.target.pk]),
        lambda w: f"/api/targets/{w.target.pk}",
        ALL,
    ),
    "unit": (
        lambda w: reverse("unit-detail", args=[w.b.pk]),
        lambda w: f"/api/units/{w.b.pk}",
        ALL,
    ),
    "cycle": (
        lambda w: reverse("reporting-cycle-list"),
        lambda w: f"/api/cycles/{w.cycle.pk}",
        ALL,
    ),
}


def _check(response: Any, expected: Any, *, api: bool) -> None:
    if expected == LOGIN:
        if api:
            assert response.status_code == 401
        else:
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("login"))
        return
    assert response.status_code == expected, response.content[:300]
    if api and expected == 403:
        assert response.json() == {"code": "A005", "detail": "无权访问"}
    elif expected == 403:
        assert "无权访问" in response.content.decode()


@pytest.mark.parametrize("kind", list(READ))
@pytest.mark.parametrize("role", ROLES)
def test_read_detail_web(world: SimpleNamespace, role: str, kind: str) -> None:
    url, _api, expected = READ[kind]
    _check(client_for(world, role).get(url(world)), expected[role], api=False)


@pytest.mark.parametrize("kind", list(READ))
@pytest.mark.parametrize("role", ROLES)
def test_read_detail_api(world: SimpleNamespace, role: str, kind: str) -> None:
    _url, api, expected = READ[kind]
    _check(client_for(world, role).get(api(world)), expected[role], api=True)


@pytest.mark.parametrize(
    "path",
    [
        "/api/tasks/999999",
        "/api/projects/999999",
        "/api/submissions/999999",
        "/api/documents/999999",
        "/api/targets/999999",
        "/api/units/999999",
        "/api/cycles/999999",
    ],
)
@pytest.mark.parametrize("role", ["office", "liaison_a", "leader", "norole"])
def test_missing_object_is_404_for_every_role(world: SimpleNamespace, role: str, path: str) -> None:
    client = client_for(world, role)
    assert client.get(path).status_code == 404
    web = path.replace("/api/tasks", "/tasks").replace("/api/projects", "/projects")
    web = web.replace("/api/submissions", "/reporting/submissions")
    web = web.replace("/api/documents", "/documents").replace("/api/targets", "/targets")
    web = web.replace("/api/units", "/units")
    if not web.startswith("/api/"):
        assert client.get(web + "/").status_code == 404


# ── writes on the web ──────────────────────────────────────────────────────────────────────

CHANGE_A = {r: 403 for r in ROLES} | {"office": 200, "admin": 200, "liaison_a": 200, "anon": LOGIN}

WEB_WRITES: dict[str, tuple[str, Callable[[Any], str], dict[str, Any], dict[str, Any]]] = {
    # name: (method, URL, data, expected by role)
    "submission_edit": (
        "get",
        lambda w: reverse("reporting-submission-edit", args=[w.sub_a.pk]),
        {},
        CHANGE_A,
    ),
    "submission_return": (
        "post",
        lambda w: reverse("reporting-submission-return", args=[w.sub_a.pk]),
        {"comment": "请补充"},
        OFFICE_ONLY | {"office": 302, "admin": 302},
    ),
    "period_board": (
        "get",
        lambda w: reverse("reporting-period-board", args=[w.period.pk]),
        {},
        BOARD,
    ),
    "cycle_create": ("get", lambda w: reverse("reporting-cycle-create"), {}, OFFICE_ONLY),
    "document_upload": ("get", lambda w: reverse("document-upload"), {}, OFFICE_ONLY),
    "document_review": (
        "post",
        lambda w: reverse("document-review", args=[w.draft.pk]),
        {"action": "save"},
        OFFICE_ONLY | {"office": 302, "admin": 302},
    ),
    "user_admin": ("get", lambda w: reverse("user-list"), {}, OFFICE_ONLY),
}


@pytest.mark.parametrize("action", list(WEB_WRITES))
@pytest.mark.parametrize("role", ROLES)
def test_write_web(world: SimpleNamespace, role: str, action: str) -> None:
    method, url, data, expected = WEB_WRITES[action]
    response = getattr(client_for(world, role), method)(url(world), data)
    _check(response, expected[role], api=False)
    if expected[role] == 302:
        assert not response["Location"].startswith(reverse("login"))


# ── writes through the services (what every page, the API and the CLI call) ───────────────

WRITE_PERMS: dict[str, tuple[str, Callable[[Any], Any], set[str]]] = {
    # kind: (permission, object, roles allowed)
    "task": ("plans.change_task", lambda w: w.task_a, {"office", "admin", "liaison_a"}),
    "shared_task": (
        "plans.change_task",
        lambda w: w.task_shared,
        {"office", "admin", "liaison_a", "liaison_b"},
    ),
    "project": ("projects.change_project", lambda w: w.project_a, {"office", "admin", "liaison_a"}),
    "shared_project": (
        "projects.change_project",
        lambda w: w.project_shared,
        {"office", "admin", "liaison_a", "liaison_b"},
    ),
    "submission": (
        "reporting.change_submission",
        lambda w: w.sub_a,
        {"office", "admin", "liaison_a"},
    ),
    "review": ("reporting.review_submission", lambda w: w.sub_a, {"office", "admin"}),
    "start_report": ("reporting.add_submission", lambda w: w.a, {"office", "admin", "liaison_a"}),
    "document": ("documents.change_document", lambda w: w.draft, {"office", "admin"}),
    "upload": ("documents.upload_document", lambda w: None, {"office", "admin"}),
    "target": ("plans.change_target", lambda w: w.target, {"office", "admin"}),
    "unit": ("orgs.change_unit", lambda w: w.a, {"office", "admin"}),
    "cycle": ("reporting.manage_cycle", lambda w: w.cycle, {"office", "admin"}),
    "import_tasks": ("plans.add_task", lambda w: None, {"office", "admin"}),
    "import_projects": ("projects.add_project", lambda w: None, {"office", "admin"}),
    "instruction": ("reporting.add_instruction", lambda w: None, {"office", "admin", "leader"}),
    "users": ("accounts.manage_users", lambda w: None, {"office", "admin"}),
    "holidays": ("core.manage_calendar", lambda w: None, {"office", "admin"}),
}


@pytest.mark.parametrize("kind", list(WRITE_PERMS))
@pytest.mark.parametrize("role", ROLES)
def test_write_permission(world: SimpleNamespace, role: str, kind: str) -> None:
    perm, obj, roles = WRITE_PERMS[kind]
    user = fresh(world, role)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    assert allowed(user, perm, obj(world)) is (role in roles)
    assert user.has_perm(perm, obj(world)) is (role in roles)  # the same through Django


SERVICE_CALLS: dict[str, tuple[Callable[[Any, Any], Any], set[str]]] = {
    "submission_submit": (
        lambda w, u: reporting.submission_submit(submission=w.sub_a, actor=u),
        {"office", "admin", "liaison_a"},
    ),
    "entry_update": (
        lambda w, u: reporting.entry_update(entry=w.sub_a.entries.first(), percent=50, actor=u),
        {"office", "admin", "liaison_a"},
    ),
    "submission_start_b": (
        lambda w, u: reporting.submission_start(unit=w.b, period=w.period, actor=u),
        {"office", "admin", "liaison_b"},
    ),
    "submission_accept": (
        lambda w, u: reporting.submission_accept(submission=w.sub_b, actor=u),
        {"office", "admin"},
    ),
    "cycle_create": (
        lambda w, u: reporting.cycle_create(
            name="季度调度", kind="quarterly", starts_on=w.cycle.starts_on, actor=u
        ),
        {"office", "admin"},
    ),
    "task_import": (lambda w, u: task_import(rows=[], actor=u), {"office", "admin"}),
    "project_import": (lambda w, u: project_import(rows=[], actor=u), {"office", "admin"}),
    "warning_rule": (lambda w, u: reporting.warning_rule_update(actor=u), {"office", "admin"}),
    "calendar_set_days": (
        lambda w, u: calendar_set_days(
            actor=u, first=dt.date(2099, 5, 4), last=dt.date(2099, 5, 4), is_workday=False
        ),
        {"office", "admin"},
    ),
    "unit_merge": (
        lambda w, u: unit_merge(actor=u, source=Unit.objects.create(name="待合并单位"), target=w.a),
        {"office", "admin"},
    ),
}


@pytest.mark.parametrize("call", list(SERVICE_CALLS))
@pytest.mark.parametrize("role", [r for r in ROLES if r != "anon"])
def test_write_services_check_the_actor(world: SimpleNamespace, role: str, call: str) -> None:
    from tuijin.core.errors import ServiceError

    run, roles = SERVICE_CALLS[call]
    if role in roles:
        # allowed through; may still be refused on the merits (a draft cannot be accepted)
        with contextlib.suppress(ServiceError):
            run(world, fresh(world, role))
    else:
        with pytest.raises(PermissionDenied):
            run(world, fresh(world, role))


def test_services_called_without_actor_are_the_system(world: SimpleNamespace) -> None:
    """The CLI, the loader and scheduled jobs pass actor=None: always allowed."""
    assert reporting.submission_update(submission=world.sub_a, summary="本月").summary == "本月"
    assert task_import(rows=[]).created == 0
