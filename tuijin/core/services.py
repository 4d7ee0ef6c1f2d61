"""Writes of the shared base (tokens)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from .errors import ServiceError
from .models import ApiToken, hash_token


@transaction.atomic
def token_create(*, username: str, name: str = "") -> str:
    """Create a token for USERNAME and return the raw token (shown once, stored hashed)."""
    User = get_user_model()
    try:
        user = User.objects.get(username=username)
    except User.DoesNotExist:
        raise ServiceError("C001", f"用户“{username}”不存在") from None
    raw = ApiToken.generate()
    ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:8])
    return raw
