"""全部变更: every change to the ledger in a period, for the office, and its Excel export."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuijin.accounts.scoping import sees_all

from .downloads import xlsx_response
from .excel import ExportColumn, ledger_workbook
from .history import Change, change_log, change_rows, ledger_model, ledger_models
from .listing import filter_errors_text
from .query_params import BoundedDateField

PER_PAGE = 50
EXPORT_LIMIT = 20000


def _model_choices() -> list[tuple[str, str]]:
    return [("", str(gettext_lazy("全部类型")))] + [
        (m._meta.label_lower, str(m._meta.verbose_name)) for m in ledger_models()
    ]


class ChangeLogForm(forms.Form):
    since = BoundedDateField(
        label=gettext_lazy("开始日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = BoundedDateField(
        label=gettext_lazy("结束日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    model = forms.ChoiceField(label=gettext_lazy("类型"), required=False, choices=_model_choices)
    actor = forms.ModelChoiceField(
        label=gettext_lazy("操作人"),
        required=False,
        queryset=get_user_model().objects.order_by("username"),
        empty_label=gettext_lazy("全部用户"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("结束日期早于开始日期"))
        return data


def _changes(request: HttpRequest) -> tuple[ChangeLogForm, Any]:
    if not sees_all(request.user):
        raise PermissionDenied(_("只有领导小组办公室可以查看全部变更"))
    form = ChangeLogForm(request.GET or None)
    data: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    model = ledger_model(data.get("model") or "")
    rows = change_log(
        request.user,
        since=data.get("since"),
        until=data.get("until"),
        model=model,
        actor=data.get("actor"),
    )
    return form, rows


@login_required
def change_log_view(request: HttpRequest) -> HttpResponse:
    form, rows = _changes(request)
    paginator = Paginator(rows, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filter": SimpleNamespace(form=form),
        "page_obj": page,
        "changes": change_rows(page.object_list),
        "table_template": "core/_change_table.html",
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx and not htmx.boosted and htmx.target == "results")
    # An invalid value filters nothing: 400 with the reason on the page, above the table for
    # HTMX (as core.listing.render_list does).
    invalid = form.is_bound and not form.is_valid()
    if partial:
        template = "includes/filtered_results.html" if invalid else "core/_change_table.html"
        response = render(request, template, context)
    else:
        response = render(request, "core/change_log.html", context, status=400 if invalid else 200)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


COLUMNS = [
    ExportColumn("序号", 6, "int"),
    ExportColumn("时间", 17),
    ExportColumn("操作人", 12),
    ExportColumn("操作", 7),
    ExportColumn("类型", 12),
    ExportColumn("对象", 36, "long"),
    ExportColumn("变更内容", 60, "long"),
    ExportColumn("原因", 16),
    ExportColumn("对象编号", 9, "int"),
]


@login_required
def change_log_export_view(request: HttpRequest) -> HttpResponse:
    form, rows = _changes(request)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(
            filter_errors_text(form), content_type="text/plain; charset=utf-8"
        )
    changes = change_rows(rows[:EXPORT_LIMIT])
    data = ledger_workbook(
        title=str(_("变更记录")),
        note=_note(form),
        columns=COLUMNS,
        rows=(_export_row(i, c) for i, c in enumerate(changes, start=1)),
        sheet_name=str(_("变更记录")),
    )
    return xlsx_response(data, str(_("变更记录")))


def _note(form: ChangeLogForm) -> str:
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    since: dt.date | None = data.get("since")
    until: dt.date | None = data.get("until")
    span = f"{since or '…'} 至 {until or '…'}" if since or until else "全部"
    now = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    return f"时间范围：{span}　导出时间：{now}"


def _export_row(index: int, change: Change) -> list[Any]:
    lines = [
        f"{f.label}：{f.old} → {f.new}" if change.kind == "~" else f"{f.label}：{f.new}"
        for f in change.fields
    ]
    return [
        index,
        timezone.localtime(change.when).strftime("%Y-%m-%d %H:%M:%S"),
        change.user_label,
        change.kind_label,
        change.model_label,
        change.object_label,
        "\n".join(lines),
        change.reason,
        change.object_id,
    ]
