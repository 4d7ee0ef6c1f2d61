"""`{% history_panel obj %}`: the change history of a ledger object on its detail page."""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models

from tuijin.core.history import history_for

register = template.Library()


@register.inclusion_tag("includes/history.html")
def history_panel(obj: models.Model, limit: int = 50) -> dict[str, Any]:
    changes = history_for(obj, limit=limit)
    return {"changes": changes, "limit": limit, "own": obj._meta.label_lower}
