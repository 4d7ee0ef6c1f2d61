"""Background jobs: start one for a user, run it in the task queue, record how it ended.

An app declares a job with `@job("kind")` in its `tasks.py` (the queue's worker imports every
app's `tasks.py`): a function that takes the Job row and the arguments given to `job_start` and
returns an `Outcome` (where to look at the result). A `ServiceError` it raises is a refusal: the
job fails with that code and message at once. Any other error is retried (RETRIES times, the
Job row showing 排队中 again), then fails with the reason.

The queue is huey (settings.HUEY): on Redis when REDIS_URL is set, otherwise on a SQLite file
beside the database (the embedded setup); `tuijin worker` runs it. In immediate mode (the tests,
TUIJIN_JOBS_IMMEDIATE=1) a job runs at once, inside the request that starts it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from huey.contrib.djhuey import HUEY, db_task

from .audit import actor_or_none
from .errors import ServiceError
from .models import Job
from .types import UserLike

RETRIES = 2
RETRY_DELAY_S = 10


@dataclass(frozen=True)
class Outcome:
    """Where the result is: a page (URL), or a file in default_storage (FILE, offered for download
    under FILENAME to the user who started the job), and a line to show (NOTE)."""

    url: str = ""
    note: str = ""
    file: str = ""
    filename: str = ""


JobFunction = Callable[..., Outcome]
_JOBS: dict[str, JobFunction] = {}


def job(kind: str) -> Callable[[JobFunction], JobFunction]:
    """Register FUNC as the work of jobs of KIND."""

    def register(func: JobFunction) -> JobFunction:
        _JOBS[kind] = func
        return func

    return register


def job_start(
    *,
    kind: str,
    label: str,
    actor: UserLike | None,
    args: tuple[Any, ...] = (),
    start_url: str = "",
) -> Job:
    """Record a job of KIND and hand it to the queue (after the current transaction commits).
    START_URL is the page that started it, offered again when the job fails."""
    if kind not in _JOBS:
        raise ServiceError("J002", f"未知的后台任务类型：{kind}")
    row = Job.objects.create(
        kind=kind, label=label[:200], created_by=actor_or_none(actor), start_url=start_url[:300]
    )
    if HUEY.immediate:
        run_job(row.pk, list(args))
        row.refresh_from_db()
    else:
        transaction.on_commit(lambda: run_job(row.pk, list(args)))
    return row


def job_run_now(*, kind: str, label: str, args: tuple[Any, ...] = ()) -> Job:
    """Record and run a job in this process (the scheduler's daily work, already in a worker)."""
    row = Job.objects.create(kind=kind, label=label[:200])
    _execute(row.pk, list(args), final=True)
    row.refresh_from_db()
    return row


@db_task(retries=RETRIES, retry_delay=RETRY_DELAY_S, context=True)  # type: ignore[misc]
def run_job(job_id: int, args: list[Any], task: Any = None) -> None:
    final = task is None or not getattr(task, "retries", 0)
    _execute(job_id, args, final=final)


def _execute(job_id: int, args: list[Any], *, final: bool) -> None:
    row = Job.objects.filter(pk=job_id).first()
    if row is None or row.finished:
        return
    func = _JOBS.get(row.kind)
    row.status, row.attempts, row.started_at = Job.Status.RUNNING, row.attempts + 1, timezone.now()
    row.save(update_fields=["status", "attempts", "started_at", "updated_at"])
    try:
        if func is None:
            raise ServiceError("J002", f"未知的后台任务类型：{row.kind}")
        outcome = func(row, *args)
    except ServiceError as exc:  # a refusal: final, nothing to retry
        _end(row, Job.Status.FAILED, code=exc.code, message=exc.message)
        return
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"[:500]
        if final:
            _end(row, Job.Status.FAILED, code="J001", message=f"后台任务出错：{reason}")
            return
        _end(row, Job.Status.QUEUED, code="J001", message=f"出错，稍后重试：{reason}")
        raise  # the queue retries it
    row.result_url, row.result_note = outcome.url[:300], outcome.note[:300]
    row.result_file, row.result_filename = outcome.file[:300], outcome.filename[:200]
    _end(row, Job.Status.DONE)


def _end(row: Job, status: str, *, code: str = "", message: str = "") -> None:
    row.status, row.error_code, row.error_message = status, code, message
    row.finished_at = timezone.now() if status in (Job.Status.DONE, Job.Status.FAILED) else None
    row.save()
