"""Admin for reporting: mostly for inspection; state changes go through the services."""

from __future__ import annotations

from django.contrib import admin

from tuijin.core.admin_base import HistoryAdmin

from .models import (
    Attachment,
    Cycle,
    Entry,
    IndicatorFigure,
    Notice,
    Period,
    Submission,
    Warning,
    WarningRule,
)


@admin.register(Cycle)
class CycleAdmin(HistoryAdmin[Cycle]):
    list_display = ("name", "kind", "due_workdays", "due_anchor", "unit_scope", "active")
    list_filter = ("kind", "active", "unit_scope")
    search_fields = ("name",)
    filter_horizontal = ("units",)


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin[Period]):
    list_display = ("label", "cycle", "start", "end", "due_date", "closed")
    list_filter = ("cycle", "closed")
    list_select_related = ("cycle",)
    date_hierarchy = "end"


class EntryInline(admin.TabularInline[Entry, Submission]):
    model = Entry
    extra = 0
    fields = (
        "task",
        "project",
        "role",
        "percent",
        "investment_period",
        "investment_cumulative",
        "blocked",
        "problem",
    )
    raw_id_fields = ("task", "project")


class FigureInline(admin.TabularInline[IndicatorFigure, Submission]):
    model = IndicatorFigure
    extra = 0
    raw_id_fields = ("indicator", "area")


class AttachmentInline(admin.TabularInline[Attachment, Submission]):
    model = Attachment
    extra = 0
    readonly_fields = ("size",)
    raw_id_fields = ("entry",)


@admin.register(Submission)
class SubmissionAdmin(HistoryAdmin[Submission]):
    list_display = ("period", "unit", "state", "submitted_at", "late", "accepted_at")
    list_filter = ("state", "late", "period__cycle")
    search_fields = ("unit__name",)
    list_select_related = ("period__cycle", "unit")
    raw_id_fields = ("period", "unit", "returned_by", "accepted_by")
    readonly_fields = ("first_submitted_at",)
    inlines = (EntryInline, FigureInline, AttachmentInline)


@admin.register(Entry)
class EntryAdmin(HistoryAdmin[Entry]):
    list_display = ("__str__", "submission", "percent", "blocked")
    list_filter = ("blocked", "submission__state")
    raw_id_fields = ("submission", "task", "project")
    list_select_related = ("submission__period__cycle", "submission__unit", "task", "project")


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin[Notice]):
    list_display = ("text", "user", "kind", "sent_at", "read", "emailed")
    list_filter = ("kind", "read")
    search_fields = ("text",)
    raw_id_fields = ("user", "unit", "period")


@admin.register(WarningRule)
class WarningRuleAdmin(HistoryAdmin[WarningRule]):
    list_display = ("name", "active", "yellow_margin_pct", "near_deadline_workdays", "updated_at")


@admin.register(Warning)
class WarningAdmin(admin.ModelAdmin[Warning]):
    list_display = ("__str__", "level", "reason", "changed_at", "computed_at")
    list_filter = ("level",)
    search_fields = ("reason",)
    raw_id_fields = ("task", "project", "target")
    list_select_related = ("task", "project", "target__indicator")
