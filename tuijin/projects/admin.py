"""Admin for the key-project ledger: projects with annual plans and progress, batch events."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tuijin.core.admin_base import HistoryAdmin

from .models import AnnualPlan, Event, ProgressReport, Project


class AnnualPlanInline(admin.TabularInline[AnnualPlan, Project]):
    model = AnnualPlan
    extra = 0
    fields = ("year", "planned_investment", "milestones")


class ProgressReportInline(admin.TabularInline[ProgressReport, Project]):
    model = ProgressReport
    extra = 0
    fields = (
        "year",
        "month",
        "completed_investment",
        "cumulative_investment",
        "progress",
        "problems",
        "reported_by",
    )
    autocomplete_fields = ("reported_by",)


@admin.register(Project)
class ProjectAdmin(HistoryAdmin[Project]):
    list_display = (
        "name",
        "code",
        "stage",
        "list",
        "total_investment",
        "area",
        "cluster",
        "lead_unit",
    )
    list_filter = ("stage", "list", "start_year", "cluster", "area")
    search_fields = (
        "name",
        "code",
        "content",
        "enterprise__name",
        "lead_unit__name",
        "lead_unit__aliases__name",
        "responsible_units__name",
        "responsible_units__aliases__name",
    )
    autocomplete_fields = (
        "area",
        "cluster",
        "chain_link",
        "enterprise",
        "lead_unit",
        "responsible_units",
        "source_document",
    )
    list_select_related = ("area", "cluster", "lead_unit")
    inlines = (AnnualPlanInline, ProgressReportInline)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    ("name", "code"),
                    "content",
                    ("total_investment", "stage", "list"),
                    ("start_year", "end_year", "planned_start"),
                )
            },
        ),
        (
            _("归属"),
            {"fields": (("area", "cluster"), ("chain_link", "enterprise"))},
        ),
        (
            _("责任"),
            {"fields": ("lead_unit", "responsible_units", "responsible_leader")},
        ),
        (_("进展"), {"fields": ("progress_note", "problems")}),
        (
            _("来源"),
            {
                "classes": ("collapse",),
                "fields": ("source_document", "source_start", "source_end"),
            },
        ),
    )


@admin.register(AnnualPlan)
class AnnualPlanAdmin(HistoryAdmin[AnnualPlan]):
    list_display = ("project", "year", "planned_investment")
    list_filter = ("year",)
    search_fields = ("project__name", "project__code")
    autocomplete_fields = ("project",)
    list_select_related = ("project",)


@admin.register(ProgressReport)
class ProgressReportAdmin(HistoryAdmin[ProgressReport]):
    list_display = ("project", "year", "month", "completed_investment", "cumulative_investment")
    list_filter = ("year", "month")
    search_fields = ("project__name", "project__code", "progress", "problems")
    autocomplete_fields = ("project", "reported_by")
    list_select_related = ("project",)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin[Event]):
    list_display = ("name", "kind", "date", "area", "total_investment")
    list_filter = ("kind", "date")
    search_fields = ("name", "description", "area__name", "projects__name")
    date_hierarchy = "date"
    autocomplete_fields = ("area", "projects")
    list_select_related = ("area",)
