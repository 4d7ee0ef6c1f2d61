"""Admin for clusters (with their chains and chain leaders), chains with links, enterprises."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tuijin.core.admin_base import HistoryAdmin

from .models import Chain, ChainLink, Cluster, Enterprise


class ChainInline(admin.TabularInline[Chain, Cluster]):
    model = Chain
    extra = 0
    fields = ("name", "description")
    show_change_link = True


class ChainLeaderForm(forms.ModelForm[Enterprise]):
    """An enterprise added through the chain-leader inline is a chain leader."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.chain_leader = True


class ChainLeaderInline(admin.TabularInline[Enterprise, Cluster]):
    model = Enterprise
    form = ChainLeaderForm
    fk_name = "cluster"
    extra = 0
    fields = ("name", "area", "unit", "chain_links")
    autocomplete_fields = ("area", "unit", "chain_links")
    verbose_name = _("链主企业")
    verbose_name_plural = _("链主企业")
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Enterprise]:
        return super().get_queryset(request).filter(chain_leader=True)


@admin.register(Cluster)
class ClusterAdmin(HistoryAdmin[Cluster]):
    list_display = ("name", "tier", "target_output", "target_year", "current_output", "lead_unit")
    list_filter = ("tier", "target_year")
    search_fields = ("name", "description", "lead_unit__name", "lead_unit__aliases__name")
    autocomplete_fields = ("lead_unit", "areas")
    list_select_related = ("lead_unit",)
    inlines = (ChainInline, ChainLeaderInline)


class ChainLinkInline(admin.TabularInline[ChainLink, Chain]):
    model = ChainLink
    extra = 0
    fields = ("order", "name", "position", "action")


@admin.register(Chain)
class ChainAdmin(admin.ModelAdmin[Chain]):
    list_display = ("name", "cluster")
    list_filter = ("cluster",)
    search_fields = ("name", "description", "cluster__name")
    autocomplete_fields = ("cluster",)
    list_select_related = ("cluster",)
    inlines = (ChainLinkInline,)


@admin.register(ChainLink)
class ChainLinkAdmin(admin.ModelAdmin[ChainLink]):
    list_display = ("name", "chain", "order", "position", "action")
    list_filter = ("position", "action", "chain__cluster")
    search_fields = ("name", "chain__name", "chain__cluster__name")
    autocomplete_fields = ("chain",)
    list_select_related = ("chain",)


@admin.register(Enterprise)
class EnterpriseAdmin(HistoryAdmin[Enterprise]):
    list_display = ("name", "cluster", "area", "chain_leader", "unit")
    list_filter = ("chain_leader", "cluster")
    search_fields = ("name", "description", "unit__name", "unit__aliases__name")
    autocomplete_fields = ("unit", "area", "cluster", "chain_links")
    list_select_related = ("cluster", "area", "unit")
