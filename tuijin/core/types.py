"""Small shared type aliases."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

# What `request.user` is: selectors take it first and decide scoping from it.
UserLike = AbstractBaseUser | AnonymousUser
