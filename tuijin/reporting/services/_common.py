"""Helpers shared by the reporting services: the UNSET marker, refusing on validation errors,
locking a submission, checking that the unit may still change it and that the writer saw its
latest version (optimistic locking), and raising that version."""

from __future__ import annotations

from typing import Any, Final

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F

from tuijin.core.errors import ServiceError

from ..choices import SubmissionState
from ..models import Submission


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()


def clean_or_refuse(obj: models.Model, code: str, **kwargs: Any) -> None:
    try:
        obj.full_clean(**kwargs)
    except ValidationError as exc:
        messages = "；".join(str(m) for m in exc.messages)
        raise ServiceError(code, messages) from exc


def lock(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update()
        .select_related("period__cycle", "unit")
        .get(pk=submission.pk)
    )


def editable(submission: Submission) -> Submission:
    """The submission as stored now (locked), when the unit may still change it."""
    submission = lock(submission)
    if submission.period.closed:
        raise ServiceError("R010", "该期次已关闭，不能再修改或报送")
    if not submission.editable:
        label = SubmissionState(submission.state).label
        raise ServiceError("R011", f"报送当前状态为“{label}”，不能修改")
    return submission


def check_version(submission: Submission, version: int | None) -> None:
    """Refuse when the writer opened SUBMISSION (locked) at another VERSION: someone else has
    changed it since. None skips the check (the system, a script that read it just now)."""
    if version is not None and version != submission.version:
        raise ServiceError(
            "R037",
            "该报送在您打开之后已被他人修改，本次保存未写入，也未与对方的修改合并；"
            "请核对后重新保存",
            field="version",
        )


def touch(submission: Submission) -> None:
    """Raise the version of SUBMISSION (locked by the caller) after a change to its entries,
    figures or attachments: forms opened before now are stale."""
    Submission.objects.filter(pk=submission.pk).update(version=F("version") + 1)
    submission.refresh_from_db(fields=["version"])
