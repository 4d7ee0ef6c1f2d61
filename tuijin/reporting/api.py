"""JSON API of reporting: /api/cycles, /api/submissions, /api/warnings (list and detail each);
a unit's draft is saved with `PATCH /api/submissions/{id}` and sent with
`POST /api/submissions/{id}/submit`.

Rows come from the reporting selectors with the request's user, so the API sees what the pages
see; lists take the FilterSets' parameters plus `limit`/`offset`. Writes go through the
services: a refusal answers 400 `{"code", "detail"}`, a stale `version` (someone else saved
since it was read) 409 with code R037, and nothing is written.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from tuijin.accounts.permissions import require
from tuijin.core.api_lists import ApiError, list_openapi, list_page
from tuijin.core.errors import ServiceError

from . import selectors, services
from .filters import CycleFilter, SubmissionFilter, WarningFilter
from .models import Cycle, Submission, Warning
from .schemas import (
    CycleDetail,
    CyclePage,
    RefusalOut,
    SubmissionDetail,
    SubmissionEditIn,
    SubmissionPage,
    SubmissionSubmitIn,
    WarningOut,
    WarningPage,
)

cycle_router = Router(tags=["信息报送"])
submission_router = Router(tags=["信息报送"])
warning_router = Router(tags=["督办预警"])


@cycle_router.get(
    "", response=CyclePage, summary="报送周期列表", openapi_extra=list_openapi(CycleFilter)
)
def list_cycles(request: HttpRequest) -> dict[str, Any]:
    return list_page(request, CycleFilter, selectors.cycle_list(request.user))


@cycle_router.get("/{cycle_id}", response=CycleDetail, summary="报送周期详情（各期次）")
def get_cycle(request: HttpRequest, cycle_id: int) -> Cycle:
    cycle = selectors.cycle_get(request.user, cycle_id)
    cycle.periods_list = list(selectors.period_list(request.user, cycle))  # type: ignore[attr-defined]
    cycle.period_count = len(cycle.periods_list)  # type: ignore[attr-defined]
    return cycle


@submission_router.get(
    "",
    response=SubmissionPage,
    summary="报送列表",
    openapi_extra=list_openapi(SubmissionFilter),
)
def list_submissions(request: HttpRequest) -> dict[str, Any]:
    return list_page(request, SubmissionFilter, selectors.submission_list(request.user))


@submission_router.get(
    "/{submission_id}", response=SubmissionDetail, summary="报送详情（条目、指标、附件）"
)
def get_submission(request: HttpRequest, submission_id: int) -> Submission:
    return _detail(request, submission_id)


def _detail(request: HttpRequest, submission_id: int) -> Submission:
    submission = selectors.submission_get(request.user, submission_id)
    entries = list(submission.entries.all())
    submission.entry_count = len(entries)  # type: ignore[attr-defined]
    submission.problem_count = sum(1 for e in entries if e.problem or e.blocked)  # type: ignore[attr-defined]
    return submission


def _conflict(exc: ServiceError) -> ApiError:
    """A stale version is a conflict (409), not a malformed request."""
    return ApiError(409, exc.code, exc.message)


REFUSALS: dict[int, Any] = {400: RefusalOut, 409: RefusalOut}


@submission_router.patch(
    "/{submission_id}",
    response={200: SubmissionDetail, **REFUSALS},
    summary="保存报送草稿（总体情况、各条目进展；须带版本号）",
)
def edit_submission(
    request: HttpRequest, submission_id: int, payload: SubmissionEditIn
) -> Submission:
    submission = selectors.submission_get(request.user, submission_id)
    require(request.user, "reporting.change_submission", submission)
    entries = {e.pk: e for e in submission.entries.all()}
    unknown = [e.id for e in payload.entries if e.id not in entries]
    if unknown:
        raise ServiceError("R024", f"条目不属于此报送：{unknown}")

    def changes(locked: Submission) -> bool:
        if payload.summary is not None:
            services.submission_update(
                submission=locked, summary=payload.summary, actor=request.user
            )
        for row in payload.entries:
            given = row.model_dump(include=row.model_fields_set - {"id"})
            if given.get("percent", 0) is None:
                raise ServiceError("R014", "完成进度须为 0–100 之间的整数", field="percent")
            for name in ("progress_text", "problem", "blocked"):
                if name in given and given[name] is None:
                    given.pop(name)
            services.entry_update(entry=entries[row.id], actor=request.user, **given)
        return True

    try:
        services.submission_edit(
            submission=submission, version=payload.version, changes=changes, actor=request.user
        )
    except ServiceError as exc:
        if exc.code == "R037":
            raise _conflict(exc) from exc
        raise
    return _detail(request, submission_id)


@submission_router.post(
    "/{submission_id}/submit",
    response={200: SubmissionDetail, **REFUSALS},
    summary="提交报送（已报送、已采纳、内容不全或版本过期则拒绝）",
)
def submit_submission(
    request: HttpRequest, submission_id: int, payload: SubmissionSubmitIn | None = None
) -> Submission:
    submission = selectors.submission_get(request.user, submission_id)
    version = payload.version if payload is not None else None
    try:
        services.submission_submit(submission=submission, actor=request.user, version=version)
    except ServiceError as exc:
        if exc.code == "R037":
            raise _conflict(exc) from exc
        raise
    return _detail(request, submission_id)


@warning_router.get(
    "",
    response=WarningPage,
    summary="预警列表（红黄绿灯）",
    openapi_extra=list_openapi(WarningFilter),
)
def list_warnings(request: HttpRequest) -> dict[str, Any]:
    return list_page(request, WarningFilter, selectors.warning_list(request.user))


@warning_router.get("/{warning_id}", response=WarningOut, summary="预警详情（原因与依据数据）")
def get_warning(request: HttpRequest, warning_id: int) -> Warning:
    return selectors.warning_get(request.user, warning_id)
