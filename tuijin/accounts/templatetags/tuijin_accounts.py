"""`{% user_role user as r %}` → r.label, r.colour, r.unit (the top bar and the user list)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from ..choices import Role
from ..scoping import role_of

register = template.Library()


@register.simple_tag
def user_role(user: Any) -> dict[str, Any]:
    role = role_of(user)
    profile = getattr(user, "profile", None) if role == Role.LIAISON else None
    if role is None:
        return {"role": "", "label": _("未分配角色"), "colour": "grey", "unit": None}
    return {
        "role": role,
        "label": Role(role).label,
        "colour": Role.colour(role),
        "unit": getattr(profile, "unit", None),
    }
