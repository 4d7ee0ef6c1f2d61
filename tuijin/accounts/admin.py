"""Admin for roles (the office normally uses /accounts/users/)."""

from __future__ import annotations

from django.contrib import admin

from tuijin.core.admin_base import HistoryAdmin

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(HistoryAdmin[Profile]):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)
    search_fields = ("user__username", "unit__name")
    autocomplete_fields = ("unit",)
    list_select_related = ("user", "unit")
