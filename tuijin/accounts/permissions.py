"""Who may do what: every permission of tuijin, as `rules` predicates, in one table.

Reading an object is "it is in the user's scope" (scoping.py decides rows, so a page, the API,
a filter and an export can never disagree with a detail view). Writing is decided here:

| permission | admin | office | leader | liaison |
|---|---|---|---|---|
| view task / project / submission / document / warning | all | all | all | its unit's |
| change task / project | yes | yes | no | its unit's |
| change (fill in, submit) submission | yes | yes | no | its unit's |
| add submission (start a unit's report) | yes | yes | no | its unit |
| review submission (return, accept) | yes | yes | no | no |
| add task / project (Excel import) | yes | yes | no | no |
| upload / change (review, confirm) document | yes | yes | no | no |
| view unit / target / cycle | yes | yes | yes | yes |
| change unit / target; manage cycle; change warning rule | yes | yes | no | no |
| add instruction (批示) | yes | yes | yes | no |
| manage users | yes | yes | no | no |
| view holidays (节假日安排) | yes | yes | yes | yes |
| set holidays | yes | yes | no | no |

Services call `require(actor, "plans.change_task", task)`; `actor=None` is the system (command
line, scheduled jobs, document loader) and is always allowed. Templates use
`{% load rules %}{% has_perm "plans.change_task" user task as can_edit %}`.
"""

from __future__ import annotations

from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

from . import scoping
from .choices import Role

# ── predicates ─────────────────────────────────────────────────────────────────────────────


@rules.predicate
def is_admin(user: Any) -> bool:
    return scoping.role_of(user) == Role.ADMIN


@rules.predicate
def is_office(user: Any) -> bool:
    return scoping.role_of(user) == Role.OFFICE


@rules.predicate
def is_leader(user: Any) -> bool:
    return scoping.role_of(user) == Role.LEADER


@rules.predicate
def is_liaison(user: Any) -> bool:
    return scoping.role_of(user) == Role.LIAISON


@rules.predicate
def is_reader(user: Any) -> bool:
    """Signed in (any role or none): may read the shared reference data."""
    return scoping.reads_public(user)


def _in_scope(scope: Any) -> Any:
    def check(user: Any, obj: Model | None) -> bool:
        if obj is None or obj.pk is None:
            return False
        return bool(scope(user, type(obj)._default_manager.filter(pk=obj.pk)).exists())

    return check


@rules.predicate
def owns_task(user: Any, task: Any) -> bool:
    """The user's unit has an assignment (lead or responsible) on TASK."""
    unit_id = scoping.unit_id_of(user)
    return bool(unit_id and task is not None and task.assignments.filter(unit_id=unit_id).exists())


@rules.predicate
def owns_project(user: Any, project: Any) -> bool:
    """The user's unit leads PROJECT or is one of its responsible units."""
    unit_id = scoping.unit_id_of(user)
    if not unit_id or project is None:
        return False
    if project.lead_unit_id == unit_id:
        return True
    return bool(project.responsible_units.filter(pk=unit_id).exists())


@rules.predicate
def owns_submission(user: Any, submission: Any) -> bool:
    unit_id = scoping.unit_id_of(user)
    return bool(unit_id and submission is not None and submission.unit_id == unit_id)


@rules.predicate
def is_own_unit(user: Any, unit: Any) -> bool:
    unit_id = scoping.unit_id_of(user)
    return bool(unit_id and unit is not None and unit.pk == unit_id)


sees_task = rules.predicate(_in_scope(scoping.scope_tasks), name="sees_task")
sees_project = rules.predicate(_in_scope(scoping.scope_projects), name="sees_project")
sees_submission = rules.predicate(_in_scope(scoping.scope_submissions), name="sees_submission")
sees_document = rules.predicate(_in_scope(scoping.scope_documents), name="sees_document")
sees_warning = rules.predicate(_in_scope(scoping.scope_warnings), name="sees_warning")

staff = is_admin | is_office  # the office's powers (admins hold them too)

# ── the permission table ───────────────────────────────────────────────────────────────────

PERMISSIONS: dict[str, Any] = {
    # tasks and targets
    "plans.view_task": sees_task,
    "plans.change_task": staff | (is_liaison & owns_task),
    "plans.add_task": staff,
    "plans.view_target": is_reader,
    "plans.change_target": staff,
    # projects
    "projects.view_project": sees_project,
    "projects.change_project": staff | (is_liaison & owns_project),
    "projects.add_project": staff,
    # documents
    "documents.view_document": sees_document,
    "documents.upload_document": staff,
    "documents.add_document": staff,  # the same (Django's name, used by `perms` in templates)
    "documents.change_document": staff,
    # units
    "orgs.view_unit": is_reader,
    "orgs.change_unit": staff,
    # reporting
    "reporting.view_cycle": is_reader,
    "reporting.manage_cycle": staff,
    "reporting.view_board": staff | is_leader,
    "reporting.view_submission": sees_submission,
    "reporting.add_submission": staff | (is_liaison & is_own_unit),
    "reporting.change_submission": staff | (is_liaison & owns_submission),
    "reporting.review_submission": staff,
    "reporting.view_warning": sees_warning,
    "reporting.change_warningrule": staff,
    "reporting.add_instruction": staff | is_leader,
    # accounts
    "accounts.manage_users": staff,
    # the working-day calendar
    "core.view_calendar": is_reader,
    "core.manage_calendar": staff,
}

for _name, _predicate in PERMISSIONS.items():
    rules.set_perm(_name, _predicate)


# ── helpers for services and selectors ─────────────────────────────────────────────────────


def allowed(user: Any, perm: str, obj: Any = None) -> bool:
    """Whether USER may PERM (on OBJ). None (the system) may do everything."""
    if user is None or getattr(user, "is_system", False):
        return True
    return bool(rules.has_perm(perm, user, obj))


def require(user: Any, perm: str, obj: Any = None) -> None:
    """Raise PermissionDenied (403 on the web and in the API) unless USER may PERM (on OBJ)."""
    if not allowed(user, perm, obj):
        raise PermissionDenied("无权访问")


def get_allowed(user: Any, qs: QuerySet[Any], pk: Any, perm: str) -> Any:
    """One object of QS: Http404 when there is none with PK, PermissionDenied when it exists
    but USER may not PERM it."""
    obj = get_object_or_404(qs, pk=pk)
    require(user, perm, obj)
    return obj
