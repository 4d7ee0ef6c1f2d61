"""JSON API of the project ledger: /api/projects (list) and /api/projects/{id}."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from tuijin.core.api_lists import list_openapi, list_page
from tuijin.reporting.selectors import with_warning_level

from .filters import ProjectFilter
from .models import Project
from .schemas import ProjectDetail, ProjectPage
from .selectors import project_get, project_list

router = Router(tags=["重点项目"])


@router.get(
    "", response=ProjectPage, summary="重点项目列表", openapi_extra=list_openapi(ProjectFilter)
)
def list_projects(request: HttpRequest) -> dict[str, Any]:
    projects = with_warning_level(request.user, project_list(request.user))
    return list_page(request, ProjectFilter, projects)


@router.get("/{project_id}", response=ProjectDetail, summary="项目详情（年度计划、进展）")
def get_project(request: HttpRequest, project_id: int) -> Project:
    return project_get(request.user, project_id)
