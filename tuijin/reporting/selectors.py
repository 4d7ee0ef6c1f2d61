"""Reads of reporting and warnings. Every selector takes `user` first; the rows come from
tuijin.accounts.scoping: a liaison sees its own unit's submissions, its row of a board and the
warnings of its tasks and projects; cycles and periods are readable by everyone signed in."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tuijin.accounts.permissions import get_allowed, require
from tuijin.accounts.scoping import (
    scope_cycles,
    scope_projects,
    scope_submissions,
    scope_tasks,
    scope_warnings,
    sees_all,
    unit_id_of,
)
from tuijin.core.types import UserLike as User
from tuijin.orgs.models import Unit
from tuijin.plans.models import Assignment, Target, Task
from tuijin.projects.models import Project

from .choices import SubmissionState, WarningLevel
from .models import (
    Attachment,
    Cycle,
    Entry,
    IndicatorFigure,
    Notice,
    Period,
    Submission,
    Warning,
    WarningRule,
)
from .owing import Owed, owed_by, units_owing
from .warnings import warning_rule_current

M = TypeVar("M", bound=Model)


# ── cycles, periods, submissions ───────────────────────────────────────────────────────────


def cycle_list(user: User) -> QuerySet[Cycle]:
    """Cycles with the number of periods opened."""
    qs = scope_cycles(user, Cycle.objects.all())
    return qs.annotate(period_count=Count("periods")).order_by("-active", "name")


def cycle_get(user: User, pk: int | str) -> Cycle:
    cycle: Cycle = get_allowed(
        user, Cycle.objects.prefetch_related("units"), pk, "reporting.view_cycle"
    )
    return cycle


def period_list(user: User, cycle: Cycle | None = None) -> QuerySet[Period]:
    """Periods (latest first) with counts of submissions by state."""
    qs = scope_cycles(user, Period.objects.select_related("cycle"))
    if cycle is not None:
        qs = qs.filter(cycle=cycle)
    return qs.annotate(
        submitted_count=Count(
            "submissions",
            filter=Q(submissions__state__in=(SubmissionState.SUBMITTED, SubmissionState.ACCEPTED)),
        ),
        accepted_count=Count("submissions", filter=Q(submissions__state=SubmissionState.ACCEPTED)),
        late_count=Count("submissions", filter=Q(submissions__late=True)),
    ).order_by("-end", "cycle__name")


def period_get(user: User, pk: int | str) -> Period:
    period: Period = get_object_or_404(
        scope_cycles(user, Period.objects.select_related("cycle")), pk=pk
    )
    return period


def submission_get(user: User, pk: int | str) -> Submission:
    """One submission with its entries (tasks, projects), figures and attachments."""
    qs = Submission.objects.select_related(
        "period__cycle", "unit", "returned_by", "accepted_by"
    ).prefetch_related(
        Prefetch(
            "entries",
            queryset=Entry.objects.select_related("task", "project").prefetch_related(
                "attachments"
            ),
        ),
        Prefetch("figures", queryset=IndicatorFigure.objects.select_related("indicator", "area")),
        "attachments",
    )
    submission: Submission = get_allowed(user, qs, pk, "reporting.view_submission")
    return submission


def attachment_get(user: User, pk: int | str) -> Attachment:
    """One attachment of a submission USER may see (the office, leaders, the report's own
    unit); Http404 otherwise, the same as for one that does not exist, so that not even its
    name leaks."""
    qs = Attachment.objects.select_related("submission").filter(
        submission__in=scope_submissions(user, Submission.objects.all())
    )
    attachment: Attachment = get_object_or_404(qs, pk=pk)
    require(user, "reporting.view_submission", attachment.submission)
    return attachment


def submission_for(user: User, period: Period, unit: Unit) -> Submission | None:
    return scope_submissions(user, Submission.objects.filter(period=period, unit=unit)).first()


def unit_submissions(user: User, unit: Unit) -> QuerySet[Submission]:
    """A unit's submissions, latest period first."""
    return (
        scope_submissions(user, Submission.objects.filter(unit=unit))
        .select_related("period__cycle")
        .order_by("-period__end", "period__cycle__name")
    )


def unit_owes(user: User, unit: Unit) -> list[Owed]:
    """What UNIT reports on (tasks then projects, lead first): `.task`, `.project`, `.role`."""
    rows = owed_by(unit)
    if sees_all(user):
        return rows
    tasks = set(scope_tasks(user, Task.objects.all()).values_list("pk", flat=True))
    projects = set(scope_projects(user, Project.objects.all()).values_list("pk", flat=True))
    return [
        r
        for r in rows
        if (r.task is not None and r.task.pk in tasks)
        or (r.project is not None and r.project.pk in projects)
    ]


@dataclass
class BoardRow:
    unit: Unit
    submission: Submission | None
    state: str  # a SubmissionState value, or "missing" when nothing was started
    late: bool  # submitted after the due date
    overdue: bool  # not submitted and the due date has passed
    problems: int = 0


@dataclass
class ProblemRow:
    unit: Unit
    submission: Submission
    entry: Entry
    text: str
    blocked: bool


@dataclass
class Board:
    period: Period
    rows: list[BoardRow]
    problems: list[ProblemRow]
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def missing(self) -> list[BoardRow]:
        return [r for r in self.rows if r.state not in ("submitted", "accepted")]

    @property
    def late(self) -> list[BoardRow]:
        return [r for r in self.rows if r.late or r.overdue]


def cycle_board(user: User, period: Period, *, today: dt.date | None = None) -> Board:
    """The office's view of a period: every unit that owes it (and any that submitted anyway),
    its state, whether it is late or overdue, and the problems raised (问题清单).

    `counts` has: units; one count per state (draft, submitted, returned, accepted, and
    missing = nothing started); submitted_total (submitted or accepted); late (submitted after
    due); overdue (not submitted, due passed); problems."""
    today = today or timezone.localdate()
    visible = scope_submissions(user, Submission.objects.filter(period=period))
    submissions = {s.unit_id: s for s in visible.select_related("unit")}
    units = list(units_owing(period.cycle).only("name", "short_name"))
    if not sees_all(user):  # a liaison's board: its own unit's row only
        units = [u for u in units if u.pk == unit_id_of(user)]
    known = {u.pk for u in units}
    units += [s.unit for s in submissions.values() if s.unit_id not in known]
    entries = (
        Entry.objects.filter(submission__in=visible)
        .filter(Q(problem__gt="") | Q(blocked=True))
        .exclude(submission__state=SubmissionState.DRAFT)
        .select_related("task", "project", "submission__unit")
        .only(  # the columns the board shows (an entry's texts are long)
            "problem",
            "blocked",
            "submission__state",
            "submission__unit__name",
            "submission__unit__short_name",
            "task__code",
            "task__title",
            "project__name",
        )
        .order_by("submission__unit__name", "order", "pk")
    )
    problems = [
        ProblemRow(
            unit=e.submission.unit,
            submission=e.submission,
            entry=e,
            text=e.problem or "报告受阻",
            blocked=e.blocked,
        )
        for e in entries
    ]
    per_unit = Counter(p.unit.pk for p in problems)
    rows: list[BoardRow] = []
    counts: Counter[str] = Counter()
    for unit in sorted(units, key=lambda u: u.name):
        sub = submissions.get(unit.pk)
        state = sub.state if sub is not None else "missing"
        sent = state in (SubmissionState.SUBMITTED, SubmissionState.ACCEPTED)
        late = bool(sub and sub.late)
        overdue = not sent and not late and today > period.due_date
        row = BoardRow(unit, sub, state, late, overdue, per_unit.get(unit.pk, 0))
        rows.append(row)
        counts["units"] += 1
        counts[state] += 1
        counts["submitted_total"] += int(sent)
        counts["late"] += int(late)
        counts["overdue"] += int(overdue)
    counts["problems"] = len(problems)
    return Board(period=period, rows=rows, problems=problems, counts=counts)


def notice_list(user: User, *, unread_only: bool = False) -> QuerySet[Notice]:
    """The signed-in user's notices, newest first."""
    if not getattr(user, "is_authenticated", False):
        return Notice.objects.none()
    qs = Notice.objects.filter(user_id=cast(int, user.pk)).select_related("unit", "period")
    return qs.filter(read=False) if unread_only else qs


def notice_unread_count(user: User) -> int:
    return notice_list(user, unread_only=True).count()


# ── warnings ───────────────────────────────────────────────────────────────────────────────


def warning_rule(user: User) -> WarningRule:
    """The office's current thresholds (the active WarningRule)."""
    return warning_rule_current()


_KINDS: dict[type[Model], str] = {Task: "task", Project: "project", Target: "target"}


def warnings_for(user: User, objects: Iterable[Model]) -> dict[Model, Warning]:
    """The warning of each task, project or target in OBJECTS (objects without one are left
    out): `warnings_for(user, page_of_tasks)[task].level`."""
    objects = list(objects)
    wanted: dict[str, dict[int, Model]] = {"task": {}, "project": {}, "target": {}}
    for obj in objects:
        kind = _KINDS.get(type(obj))
        if kind is not None and obj.pk is not None:
            wanted[kind][obj.pk] = obj
    found: dict[Model, Warning] = {}
    for kind, by_pk in wanted.items():
        if not by_pk:
            continue
        for warning in Warning.objects.filter(**{f"{kind}_id__in": list(by_pk)}):
            found[by_pk[getattr(warning, f"{kind}_id")]] = warning
    return found


def with_warning_level(user: User, qs: QuerySet[M]) -> QuerySet[M]:
    """Annotate a Task, Project or Target queryset with `warning_level` and `warning_reason`
    (None when not yet computed); order or filter on them like any field."""
    annotated = qs.annotate(warning_level=F("warning__level"), warning_reason=F("warning__reason"))
    return cast("QuerySet[M]", annotated)


def warning_list(
    user: User, *, level: str | None = None, kind: str | None = None
) -> QuerySet[Warning]:
    """Warnings, reds first then yellows; KIND is task/project/target."""
    qs = scope_warnings(user, Warning.objects.all())
    qs = qs.select_related("task", "project", "target__indicator")
    if level:
        qs = qs.filter(level=level)
    if kind in ("task", "project", "target"):
        qs = qs.filter(**{f"{kind}__isnull": False})
    order = {WarningLevel.RED: 0, WarningLevel.YELLOW: 1, WarningLevel.GREEN: 2}
    rank = Case(
        *(When(level=lv, then=Value(r)) for lv, r in order.items()),
        default=Value(3),
        output_field=IntegerField(),
    )
    return qs.annotate(level_rank=rank).order_by("level_rank", "-changed_at", "pk")


def warning_get(user: User, pk: int | str) -> Warning:
    """One warning: 404 when there is none, 403 when it is outside the user's scope."""
    qs = Warning.objects.select_related("task", "project", "target__indicator")
    warning: Warning = get_allowed(user, qs, pk, "reporting.view_warning")
    return warning


def warning_summary(user: User, *, unit: Unit | None = None) -> dict[str, dict[str, int]]:
    """Counts per level for tasks, projects and targets (for the overview or one unit's page):
    {"task": {"red": 2, "yellow": 5, "green": 30, "grey": 0}, ...}."""
    qs = scope_warnings(user, Warning.objects.all())
    if unit is not None:
        qs = qs.filter(_unit_q(unit))
    kinds = ("task", "project", "target")
    summary = {kind: {level: 0 for level in WarningLevel.values} for kind in kinds}
    rows = (
        qs.order_by()
        .values("level")
        .annotate(**{kind: Count("pk", filter=Q(**{f"{kind}__isnull": False})) for kind in kinds})
    )
    for row in rows:  # one query: a row per level, a count per kind
        for kind in kinds:
            summary[kind][row["level"]] = row[kind]
    return summary


def _unit_q(unit: Unit) -> Q:
    """Warnings on what UNIT owes: the tasks it is assigned to, the projects it leads or
    shares. Tests on the warning's own columns against id subqueries, not joins, so a
    warning counts once however many units share its task or project."""
    shared = Project.responsible_units.through.objects.filter(unit_id=unit.pk)
    return (
        Q(task_id__in=Assignment.objects.filter(unit_id=unit.pk).values("task_id"))
        | Q(project_id__in=Project.objects.filter(lead_unit_id=unit.pk).values("pk"))
        | Q(project_id__in=shared.values("project_id"))
    )


def unit_warnings(user: User, unit: Unit, *, level: str | None = None) -> QuerySet[Warning]:
    """Warnings on the tasks and projects UNIT owes, reds first."""
    return warning_list(user, level=level).filter(_unit_q(unit))


# ── for the web pages and the API ──────────────────────────────────────────────────────────


def user_unit(user: User) -> Unit | None:
    """The unit USER reports for (a liaison's profile), or None (the office, or no profile)."""
    profile = getattr(user, "profile", None)
    unit = getattr(profile, "unit", None)
    return unit if isinstance(unit, Unit) else None


def submission_list(user: User) -> QuerySet[Submission]:
    """Submissions, latest period first, with `entry_count` and `problem_count`.

    The counts are subqueries of the submission's own entries, not a GROUP BY over the join of
    every submission with every entry: the database computes them for the rows of the page only,
    and a count of the list leaves them out."""
    return (
        scope_submissions(user, Submission.objects.all())
        .select_related("period__cycle", "unit")
        .annotate(
            entry_count=_entry_count(Q()),
            problem_count=_entry_count(Q(problem__gt="") | Q(blocked=True)),
        )
        .order_by("-period__end", "period__cycle__name", "unit__name")
    )


def _entry_count(condition: Q) -> Coalesce:
    entries = (
        Entry.objects.filter(condition, submission=OuterRef("pk"))
        .order_by()
        .values("submission")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(entries, output_field=IntegerField()), Value(0))


def open_periods(user: User) -> QuerySet[Period]:
    """Periods still taking submissions (not closed, cycle active), soonest due first."""
    return (
        scope_cycles(user, Period.objects.filter(closed=False, cycle__active=True))
        .select_related("cycle")
        .order_by("due_date", "cycle__name")
    )


@dataclass
class OpenReport:
    period: Period
    unit: Unit
    submission: Submission | None


def my_reports(user: User, unit: Unit | None = None) -> list[OpenReport]:
    """What UNIT (by default the user's own unit) has to report in the open periods, with the
    submission when one was started. Empty when there is no unit."""
    unit = unit or user_unit(user)
    if unit is None or not (sees_all(user) or unit.pk == unit_id_of(user)):
        return []
    submissions = {
        s.period_id: s for s in Submission.objects.filter(unit=unit, period__in=open_periods(user))
    }
    rows: list[OpenReport] = []
    for period in open_periods(user):
        sub = submissions.get(period.pk)
        if sub is not None or units_owing(period.cycle).filter(pk=unit.pk).exists():
            rows.append(OpenReport(period=period, unit=unit, submission=sub))
    return rows


def submission_history(user: User, submission: Submission) -> list[dict[str, object]]:
    """The submission's changes of state, oldest first: `state`, `label`, `at`, `by`, `comment`."""
    rows: list[dict[str, object]] = []
    previous = None
    records = submission.history.select_related("history_user")
    for record in records.order_by("history_date", "history_id"):
        if record.state != previous:
            rows.append(
                {
                    "state": record.state,
                    "label": SubmissionState(record.state).label,
                    "at": record.history_date,
                    "by": record.history_user,
                    "comment": record.office_comment
                    if record.state in (SubmissionState.RETURNED, SubmissionState.ACCEPTED)
                    else "",
                }
            )
            previous = record.state
    return rows
