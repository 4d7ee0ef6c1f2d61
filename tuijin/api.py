"""The JSON API: mounts each app's router. OpenAPI schema at /api/openapi.json.

Every route needs a signed-in user: the browser's session, or `Authorization: Bearer <token>`
for scripts (`tuijin token create USERNAME`). The schema and the docs page too.
Errors are JSON `{"code", "detail"}` (and `errors` by parameter), in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.operation import Operation

from tuijin.core.api_lists import ApiError
from tuijin.core.auth import BearerToken, api_auth
from tuijin.core.errors import ServiceError
from tuijin.documents.api import router as documents_router
from tuijin.geo.api import router as geo_router
from tuijin.industry.api import router as industry_router
from tuijin.orgs.api import router as orgs_router
from tuijin.plans.api import target_router, task_router
from tuijin.projects.api import router as projects_router
from tuijin.reporting.api import cycle_router, submission_router, warning_router


def _unauthorized() -> JsonResponse:
    return JsonResponse(
        {"code": "A003", "detail": _("请先登录，或提供有效的 API 令牌（Authorization: Bearer …）")},
        status=401,
    )


def signed_in_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The schema and docs pages: signed-in users only (the docs page sends others to login)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated or BearerToken()(request) is not None:
            return view(request, *args, **kwargs)
        match = request.resolver_match
        if match is not None and match.url_name == "openapi-view":
            return redirect_to_login(request.get_full_path())
        return _unauthorized()

    return wrapped


class TuijinAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """Short operation ids (`list_units`, `get_unit`) for generated clients."""
        return operation.view_func.__name__


api = TuijinAPI(
    title="tuijin API",
    version="1",
    description="推进 tuijin 的 JSON 接口：任务、项目、目标、单位、区域、产业集群、文件。",
    auth=api_auth,
    urls_namespace="api",
    docs_decorator=signed_in_only,
)

api.add_router("/tasks", task_router)
api.add_router("/projects", projects_router)
api.add_router("/targets", target_router)
api.add_router("/units", orgs_router)
api.add_router("/areas", geo_router)
api.add_router("/clusters", industry_router)
api.add_router("/documents", documents_router)
api.add_router("/cycles", cycle_router)
api.add_router("/submissions", submission_router)
api.add_router("/warnings", warning_router)


@api.exception_handler(ServiceError)
def service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return api.create_response(request, {"code": exc.code, "detail": exc.message}, status=400)


@api.exception_handler(ApiError)
def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    body = {"code": exc.code, "detail": exc.detail, "errors": exc.errors}
    return api.create_response(request, body, status=exc.status)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        field = ".".join(str(part) for part in error.get("loc", ())[1:]) or "__all__"
        errors.setdefault(field, []).append(str(error.get("msg", "")))
    body = {"code": "A002", "detail": _("请求参数无效"), "errors": errors}
    return api.create_response(request, body, status=400)


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _unauthorized()


@api.exception_handler(Http404)
@api.exception_handler(ObjectDoesNotExist)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"code": "A004", "detail": _("对象不存在")}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    """An object outside the user's scope, or a write the role may not do (accounts)."""
    return api.create_response(request, {"code": "A005", "detail": _("无权访问")}, status=403)
