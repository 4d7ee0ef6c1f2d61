"""The JSON API: mounts each app's router. OpenAPI schema at /api/openapi.json."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from tuijin.core.auth import api_auth
from tuijin.core.errors import ServiceError

api = NinjaAPI(title="tuijin API", version="1", auth=api_auth, urls_namespace="api")


@api.exception_handler(ServiceError)
def service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return api.create_response(request, {"code": exc.code, "detail": exc.message}, status=400)
