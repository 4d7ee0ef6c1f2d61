"""Helpers shared by the reporting services: the UNSET marker, refusing on validation errors,
locking a submission and checking that the unit may still change it."""

from __future__ import annotations

from typing import Any, Final

from django.core.exceptions import ValidationError
from django.db import models

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
