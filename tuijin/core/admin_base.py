"""simple_history's admin, typed: the package ships no type hints, so mypy sees a ModelAdmin.

@admin.register(Unit)
class UnitAdmin(HistoryAdmin[Unit]): ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.contrib import admin
from django.db.models import Model

if TYPE_CHECKING:
    _M = TypeVar("_M", bound=Model)

    class HistoryAdmin(admin.ModelAdmin[_M]):
        """A ModelAdmin with a history page per object (SimpleHistoryAdmin)."""

else:
    from simple_history.admin import SimpleHistoryAdmin as HistoryAdmin

__all__ = ["HistoryAdmin"]
