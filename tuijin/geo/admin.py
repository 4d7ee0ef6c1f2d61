"""Admin for areas: the city, districts, counties, zones and parks."""

from __future__ import annotations

from django.contrib import admin

from tuijin.core.admin_base import HistoryAdmin

from .models import Area


@admin.register(Area)
class AreaAdmin(HistoryAdmin[Area]):
    list_display = ("name", "short_name", "kind", "parent", "layout_role", "managing_unit")
    list_filter = ("kind", "layout_role")
    search_fields = ("name", "short_name", "positioning")
    autocomplete_fields = ("parent", "managing_unit")
    list_select_related = ("parent", "managing_unit")
