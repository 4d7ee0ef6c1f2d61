"""Admin for API tokens (the raw token is shown once; only its hash is stored) and for the
days whose working status the office sets (节假日安排)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, CalendarDay
from .services import token_issue, token_revoke

admin.site.site_header = _("推进 tuijin 管理后台")
admin.site.site_title = _("推进 tuijin")
admin.site.index_title = _("数据维护")


class ApiTokenAddForm(forms.ModelForm[ApiToken]):
    class Meta:
        model = ApiToken
        fields = ("user", "name")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ("__str__", "user", "name", "created_at", "last_used_at", "revoked")
    list_filter = ("revoked",)
    search_fields = ("user__username", "name", "prefix")
    autocomplete_fields = ("user",)
    list_select_related = ("user",)
    actions = ("revoke",)

    def get_form(
        self, request: HttpRequest, obj: ApiToken | None = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm[ApiToken]]:
        if obj is None:
            kwargs["form"] = ApiTokenAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> tuple[str, ...]:
        if obj is None:
            return ("user", "name")
        return ("user", "name", "prefix", "created_at", "last_used_at", "revoked")

    def get_readonly_fields(
        self, request: HttpRequest, obj: ApiToken | None = None
    ) -> tuple[str, ...]:
        if obj is None:
            return ()
        return ("user", "prefix", "created_at", "last_used_at")

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        raw, row = token_issue(user=obj.user, name=obj.name)
        obj.pk = row.pk
        obj.key_hash, obj.prefix = row.key_hash, row.prefix
        messages.warning(
            request, _("新令牌（只显示这一次，请立即复制）：%(token)s") % {"token": raw}
        )

    @admin.action(description=_("吊销所选令牌"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset.filter(revoked=False):
            token_revoke(token=token)


_WEEKDAYS = "一二三四五六日"


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin[CalendarDay]):
    """One row a day: holidays (不勾选上班) and make-up working days (勾选上班) of a year."""

    list_display = ("day", "weekday", "is_workday", "note")
    list_filter = ("is_workday",)
    date_hierarchy = "day"
    search_fields = ("note",)

    @admin.display(description=_("星期"))
    def weekday(self, obj: CalendarDay) -> str:
        return f"星期{_WEEKDAYS[obj.day.weekday()]}"
