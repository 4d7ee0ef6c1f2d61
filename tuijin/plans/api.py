"""JSON API of tasks (/api/tasks) and targets (/api/targets): list and detail each."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from tuijin.core.api_lists import list_openapi, list_page
from tuijin.reporting.selectors import with_warning_level

from .filters import TargetFilter, TaskFilter
from .models import Target, Task
from .schemas import TargetDetail, TargetPage, TaskDetail, TaskPage
from .selectors import target_get, target_list, task_get, task_list, task_related

task_router = Router(tags=["任务"])
target_router = Router(tags=["目标"])


@task_router.get("", response=TaskPage, summary="任务列表", openapi_extra=list_openapi(TaskFilter))
def list_tasks(request: HttpRequest) -> dict[str, Any]:
    tasks = with_warning_level(request.user, task_list(request.user))
    return list_page(request, TaskFilter, tasks)


@task_router.get("/{task_id}", response=TaskDetail, summary="任务详情（分工、来源）")
def get_task(request: HttpRequest, task_id: int) -> Task:
    task = task_get(request.user, task_id)
    task.related = task_related(request.user, task)  # type: ignore[attr-defined]
    return task


@target_router.get(
    "", response=TargetPage, summary="目标列表", openapi_extra=list_openapi(TargetFilter)
)
def list_targets(request: HttpRequest) -> dict[str, Any]:
    return list_page(request, TargetFilter, target_list(request.user))


@target_router.get("/{target_id}", response=TargetDetail, summary="目标详情")
def get_target(request: HttpRequest, target_id: int) -> Target:
    return target_get(request.user, target_id)
