"""Admin for tasks (with their assignments), indicators, targets, measurements and stages."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tuijin.core.admin_base import HistoryAdmin

from .models import Assignment, Indicator, Measurement, Stage, Target, Task


class AssignmentInline(admin.TabularInline[Assignment, Task]):
    model = Assignment
    extra = 0
    fields = ("unit", "role", "unit_as_written")
    autocomplete_fields = ("unit",)


@admin.register(Task)
class TaskAdmin(HistoryAdmin[Task]):
    list_display = ("__str__", "document", "section", "deadline", "status", "progress")
    list_filter = ("status", "document")
    search_fields = (
        "code",
        "title",
        "text",
        "section",
        "assignments__unit__name",
        "assignments__unit__aliases__name",
    )
    autocomplete_fields = ("document", "parent", "source_document")
    list_select_related = ("document",)
    inlines = (AssignmentInline,)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    ("document", "parent"),
                    ("code", "order"),
                    "title",
                    "text",
                    "section",
                    ("deadline", "deadline_text"),
                    ("status", "progress"),
                )
            },
        ),
        (
            _("来源"),
            {"classes": ("collapse",), "fields": ("source_document", "source_start", "source_end")},
        ),
    )


@admin.register(Assignment)
class AssignmentAdmin(HistoryAdmin[Assignment]):
    list_display = ("task", "unit", "role", "unit_as_written")
    list_filter = ("role",)
    search_fields = ("task__title", "task__code", "unit__name", "unit__aliases__name")
    autocomplete_fields = ("task", "unit")
    list_select_related = ("task", "unit")


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin[Indicator]):
    list_display = ("name", "category", "unit_label", "base_unit", "direction")
    list_filter = ("category", "direction")
    search_fields = ("name", "category", "description")


@admin.register(Target)
class TargetAdmin(HistoryAdmin[Target]):
    list_display = ("indicator", "year", "tier", "kind", "value", "unit", "area", "cluster")
    list_filter = ("tier", "kind", "year", "area", "cluster")
    search_fields = ("indicator__name", "text", "area__name", "cluster__name")
    autocomplete_fields = ("indicator", "area", "cluster", "source_document")
    list_select_related = ("indicator", "area", "cluster")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "indicator",
                    ("value", "unit", "base_value"),
                    ("year", "tier", "kind"),
                    ("area", "cluster"),
                    "text",
                )
            },
        ),
        (
            _("来源"),
            {"classes": ("collapse",), "fields": ("source_document", "source_start", "source_end")},
        ),
    )


@admin.register(Measurement)
class MeasurementAdmin(HistoryAdmin[Measurement]):
    list_display = ("indicator", "year", "month", "value", "unit", "area", "cluster", "reported_by")
    list_filter = ("year", "area", "cluster")
    search_fields = ("indicator__name", "note", "reported_by__name")
    autocomplete_fields = ("indicator", "area", "cluster", "reported_by", "source_document")
    list_select_related = ("indicator", "area", "cluster", "reported_by")


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin[Stage]):
    list_display = ("name", "document", "start_date", "end_date", "order")
    list_filter = ("document",)
    search_fields = ("name", "description", "document__title")
    autocomplete_fields = ("document", "source_document")
    list_select_related = ("document",)
