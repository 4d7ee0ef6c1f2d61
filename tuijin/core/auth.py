"""API authentication: the browser's session, or `Authorization: Bearer <token>` for scripts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from .models import ApiToken, hash_token


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            row = ApiToken.objects.select_related("user").get(
                key_hash=hash_token(token), revoked=False
            )
        except ApiToken.DoesNotExist:
            return None
        if not row.user.is_active:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        return row.user


class ReadSession(SessionAuth):
    """Session auth without CSRF on safe methods (ninja checks CSRF for cookie auth)."""


api_auth = [ReadSession(csrf=True), BearerToken()]
