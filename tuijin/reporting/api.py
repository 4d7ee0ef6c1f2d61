"""JSON API of reporting: /api/cycles, /api/submissions, /api/warnings (list and detail each).

Rows come from the reporting selectors with the request's user, so the API sees what the pages
see; lists take the FilterSets' parameters plus `limit`/`offset`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from tuijin.core.api_lists import list_openapi, list_page

from . import selectors
from .filters import CycleFilter, SubmissionFilter, WarningFilter
from .models import Cycle, Submission, Warning
from .schemas import (
    CycleDetail,
    CyclePage,
    SubmissionDetail,
    SubmissionPage,
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
    submission = selectors.submission_get(request.user, submission_id)
    entries = list(submission.entries.all())
    submission.entry_count = len(entries)  # type: ignore[attr-defined]
    submission.problem_count = sum(1 for e in entries if e.problem or e.blocked)  # type: ignore[attr-defined]
    return submission


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
