"""`{% history_panel obj %}`: the change history of a ledger object on its detail page."""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models

from tuijin.core.history import history_for

register = template.Library()


@register.inclusion_tag("includes/history.html", takes_context=True)
def history_panel(context: Any, obj: models.Model, limit: int = 50) -> dict[str, Any]:
    """OBJ's changes as the requesting user may read them (related rows out of scope unnamed)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    changes = history_for(obj, limit=limit, user=user)
    return {"changes": changes, "limit": limit, "own": obj._meta.label_lower}
