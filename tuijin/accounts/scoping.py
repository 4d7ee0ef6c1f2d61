"""Who sees which rows: the one place that scopes querysets by the user's role and unit.

Every app's selectors pass their base queryset through one function here, so the web pages,
the API, exports, filters and search all see the same rows:

| role | tasks, projects, submissions, documents | units, areas, clusters, targets, cycles |
|---|---|---|
| admin (and superusers), office, leader | all | all |
| liaison | its unit's (see below) | all |
| signed in, no role yet | none | all |
| anonymous | none | none |

A liaison's rows: the tasks and projects its unit leads or shares, its unit's submissions, the
confirmed documents that hold those tasks or projects, and the warnings of those tasks and
projects (every target's warning too).

`SYSTEM` stands for the command line and scheduled jobs: it sees everything and may do
everything (the services also treat `actor=None` that way).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Q, QuerySet

from .choices import Role

M = TypeVar("M", bound=Model)

SEES_ALL = frozenset({Role.ADMIN, Role.OFFICE, Role.LEADER})


class SystemUser(AnonymousUser):
    """The command line and scheduled jobs: unscoped, may do everything (never signs in)."""

    is_system = True

    def __str__(self) -> str:
        return "system"


SYSTEM = SystemUser()


def role_of(user: Any) -> str | None:
    """USER's role: admin for superusers and SYSTEM, else the profile's role; None when
    anonymous, inactive or without a profile."""
    if user is None:
        return None
    if getattr(user, "is_system", False):
        return Role.ADMIN
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    profile = _profile(user)
    return profile.role if profile is not None else None


def unit_id_of(user: Any) -> int | None:
    """The unit of a liaison (None for every other role)."""
    if role_of(user) != Role.LIAISON:
        return None
    profile = _profile(user)
    return profile.unit_id if profile is not None else None


def _profile(user: Any) -> Any:
    try:
        return user.profile
    except (ObjectDoesNotExist, AttributeError):
        return None


def sees_all(user: Any) -> bool:
    return role_of(user) in SEES_ALL


def reads_public(user: Any) -> bool:
    return bool(getattr(user, "is_system", False) or getattr(user, "is_authenticated", False))


# ── scoped objects ─────────────────────────────────────────────────────────────────────────


def scope_tasks(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Tasks: all for office/leader/admin; a liaison's unit's (lead or responsible)."""
    if sees_all(user):
        return qs
    unit_id = unit_id_of(user)
    if unit_id is None:
        return qs.none()
    return qs.filter(pk__in=_task_ids(unit_id))


def scope_projects(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Projects: all for office/leader/admin; those a liaison's unit leads or shares."""
    if sees_all(user):
        return qs
    unit_id = unit_id_of(user)
    if unit_id is None:
        return qs.none()
    return qs.filter(Q(lead_unit_id=unit_id) | Q(pk__in=_shared_project_ids(unit_id)))


def scope_submissions(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Submissions: all for office/leader/admin; a liaison's own unit's."""
    if sees_all(user):
        return qs
    unit_id = unit_id_of(user)
    if unit_id is None:
        return qs.none()
    return qs.filter(unit_id=unit_id)


def scope_documents(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Documents: all for office/leader/admin; for a liaison the confirmed documents that hold
    a task or project of its unit (drafts under review stay with the office)."""
    if sees_all(user):
        return qs
    unit_id = unit_id_of(user)
    if unit_id is None:
        return qs.none()
    from tuijin.documents.choices import DocumentStatus
    from tuijin.plans.models import Task
    from tuijin.projects.models import Project

    tasks = Task.objects.filter(pk__in=_task_ids(unit_id))
    projects = Project.objects.filter(
        Q(lead_unit_id=unit_id) | Q(pk__in=_shared_project_ids(unit_id))
    )
    return qs.filter(status=DocumentStatus.CONFIRMED).filter(
        Q(pk__in=tasks.values("document_id"))
        | Q(pk__in=tasks.filter(source_document__isnull=False).values("source_document_id"))
        | Q(pk__in=projects.filter(source_document__isnull=False).values("source_document_id"))
    )


def scope_warnings(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Warnings (红黄绿灯): those of visible tasks and projects, and every target's."""
    if sees_all(user):
        return qs
    unit_id = unit_id_of(user)
    if unit_id is None:
        return qs.filter(target__isnull=False) if reads_public(user) else qs.none()
    return qs.filter(
        Q(task_id__in=_task_ids(unit_id))
        | Q(project__lead_unit_id=unit_id)
        | Q(project_id__in=_shared_project_ids(unit_id))
        | Q(target__isnull=False)
    )


def visible_tasks_q(user: Any, lookup: str) -> Q:
    """A filter for counts over related tasks (LOOKUP reaches a task id): only those USER sees.

    So a count beside a unit, area or cluster never tells a liaison more than the rows do.
    """
    if sees_all(user):
        return Q()
    unit_id = unit_id_of(user)
    return Q(**{f"{lookup}__in": _task_ids(unit_id)}) if unit_id else Q(pk__in=[])


def visible_projects_q(user: Any, lookup: str) -> Q:
    """As visible_tasks_q, for counts over related projects (LOOKUP reaches a project)."""
    if sees_all(user):
        return Q()
    unit_id = unit_id_of(user)
    if unit_id is None:
        return Q(pk__in=[])
    return Q(**{f"{lookup}__lead_unit_id": unit_id}) | Q(
        **{f"{lookup}__in": _shared_project_ids(unit_id)}
    )


# ── reference data: readable by everyone signed in ─────────────────────────────────────────


def scope_public(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """Units, areas, clusters, targets, cycles and periods: every signed-in user reads them
    (a liaison's view of another unit shows only what the scoped selectors let through)."""
    return qs if reads_public(user) else qs.none()


scope_targets = scope_public
scope_units = scope_public
scope_cycles = scope_public


_SCOPES = {
    "plans.task": scope_tasks,
    "projects.project": scope_projects,
    "reporting.submission": scope_submissions,
    "documents.document": scope_documents,
    "reporting.warning": scope_warnings,
}


def scope_any(user: Any, qs: QuerySet[M]) -> QuerySet[M]:
    """QS scoped by the rule of its model (reference data for models without one): for pages
    that name related rows of any kind, such as a task's parent or a change's old value."""
    return _SCOPES.get(qs.model._meta.label_lower, scope_public)(user, qs)


def _task_ids(unit_id: int) -> QuerySet[Any]:
    from tuijin.plans.models import Assignment

    return Assignment.objects.filter(unit_id=unit_id).values("task_id")


def _shared_project_ids(unit_id: int) -> QuerySet[Any]:
    from tuijin.projects.models import Project

    return Project.responsible_units.through.objects.filter(unit_id=unit_id).values("project_id")
