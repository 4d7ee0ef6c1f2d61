"""Writes of accounts: create or change a user with its role and unit, deactivate a user.

The office does this on /accounts/users/, scripts with `tuijin user add`. A role of admin
makes the user a superuser (and staff: the Django admin); every other role clears both.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from tuijin.core.audit import stamp
from tuijin.core.errors import ServiceError
from tuijin.orgs.models import Unit

from .choices import Role
from .models import Profile
from .permissions import require


@transaction.atomic
def user_save(
    *,
    username: str,
    role: str,
    unit: Unit | None = None,
    password: str | None = None,
    email: str | None = None,
    full_name: str | None = None,
    actor: Any = None,
) -> Any:
    """Create USERNAME, or update its role and unit (and password when given).

    A liaison needs a unit (U002); other roles keep none. A password must pass the password
    rules (settings.AUTH_PASSWORD_VALIDATORS, U006). Without a password a new user gets an
    unusable one (sign-in impossible until it is set)."""
    require(actor, "accounts.manage_users")
    username = username.strip()
    if not username:
        raise ServiceError("U001", "用户名不能为空")
    if role not in Role.values:
        raise ServiceError("U003", f"未知角色“{role}”，可选：{'、'.join(Role.values)}")
    if role == Role.LIAISON and unit is None:
        raise ServiceError("U002", "联络员必须指定所属单位")
    if role != Role.LIAISON:
        unit = None
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username)
        if not password:
            user.set_unusable_password()
    if email is not None:
        user.email = email
    if full_name is not None:
        user.first_name = full_name[:150]
    if password:
        try:
            validate_password(password, user)  # after the names: "too similar to the username"
        except ValidationError as exc:
            raise ServiceError("U006", "".join(exc.messages), field="password") from exc
        user.set_password(password)
    user.is_active = True
    user.is_superuser = user.is_staff = role == Role.ADMIN
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        raise ServiceError("U004", "；".join(exc.messages)) from exc
    user.save()
    profile = Profile.objects.filter(user=user).first() or Profile(user=user)
    profile.role = role
    profile.unit = unit
    profile.full_clean()
    stamp(profile, actor)
    profile.save()
    return user


@transaction.atomic
def user_set_active(*, user: Any, active: bool, actor: Any = None) -> Any:
    """Deactivate (or reactivate) USER: a deactivated user can neither sign in nor use tokens."""
    require(actor, "accounts.manage_users")
    if actor is not None and getattr(actor, "pk", None) == user.pk and not active:
        raise ServiceError("U005", "不能停用自己的账号")
    user.is_active = active
    user.save(update_fields=["is_active"])
    return user
