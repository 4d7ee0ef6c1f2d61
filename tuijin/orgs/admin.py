"""Admin for units (with their aliases), people and the leadership groups."""

from __future__ import annotations

from django.contrib import admin

from tuijin.core.admin_base import HistoryAdmin

from .models import Group, Membership, Person, Unit, UnitAlias


class UnitAliasInline(admin.TabularInline[UnitAlias, Unit]):
    model = UnitAlias
    extra = 0
    fields = ("name", "kind", "valid_from", "valid_to", "note")


@admin.register(Unit)
class UnitAdmin(HistoryAdmin[Unit]):
    list_display = ("name", "short_name", "kind", "parent", "is_active", "needs_review")
    list_filter = ("kind", "is_active", "needs_review")
    search_fields = ("name", "short_name", "aliases__name")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)
    inlines = (UnitAliasInline,)


@admin.register(UnitAlias)
class UnitAliasAdmin(admin.ModelAdmin[UnitAlias]):
    list_display = ("name", "unit", "kind", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "unit__name")
    autocomplete_fields = ("unit",)
    list_select_related = ("unit",)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ("name", "title", "unit", "phone")
    search_fields = ("name", "title", "unit__name", "unit__aliases__name")
    autocomplete_fields = ("unit",)
    list_select_related = ("unit",)


class MembershipInline(admin.TabularInline[Membership, Group]):
    model = Membership
    extra = 0
    fields = ("person", "role", "unit")
    autocomplete_fields = ("person", "unit")


@admin.register(Group)
class GroupAdmin(HistoryAdmin[Group]):
    list_display = ("name", "kind", "parent", "lead_unit", "order")
    list_filter = ("kind",)
    search_fields = ("name", "duties", "lead_unit__name", "lead_unit__aliases__name")
    autocomplete_fields = ("parent", "lead_unit")
    list_select_related = ("parent", "lead_unit")
    inlines = (MembershipInline,)
