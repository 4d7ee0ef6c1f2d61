"""Who made a change, for the audit trail (django-simple-history).

Web requests are stamped by simple_history's middleware; a service called with an explicit actor
(the command line, an import, a test) stamps the object itself before saving it.
"""

from __future__ import annotations

from typing import Any

from django.db import models


def actor_or_none(user: Any) -> Any:
    """USER when it is a signed-in user; None for the system or an anonymous one."""
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def stamp(obj: models.Model, actor: Any, reason: str = "") -> models.Model:
    """Record ACTOR (and REASON) as the author of OBJ's next history row."""
    user = actor_or_none(actor)
    if user is not None:
        obj._history_user = user  # type: ignore[attr-defined]
    if reason:
        obj._change_reason = reason  # type: ignore[attr-defined]
    return obj
