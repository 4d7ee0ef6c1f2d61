"""Writes of the shared base (tokens)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
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
    raw, _row = token_issue(user=user, name=name)
    return raw


@transaction.atomic
def token_issue(*, user: User, name: str = "") -> tuple[str, ApiToken]:
    """Create a token for USER; return the raw token (shown once) and the stored row."""
    raw = ApiToken.generate()
    row = ApiToken(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:8])
    row.full_clean()
    row.save()
    return raw, row


@transaction.atomic
def token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke TOKEN: requests carrying it are refused from now on."""
    token.revoked = True
    token.save(update_fields=["revoked", "updated_at"])
    return token
