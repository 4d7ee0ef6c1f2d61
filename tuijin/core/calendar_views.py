"""节假日安排: the year's holidays and make-up working days; the office sets the ones the
installed calendar does not know (core/calendar.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tuijin.accounts.permissions import allowed, require

from .calendar import MAX_RUN_DAYS, calendar_clear_day, calendar_set_days, calendar_year
from .errors import ServiceError

FIRST_YEAR, LAST_YEAR = 2000, 2100


class DaysForm(forms.Form):
    first = forms.DateField(
        label=gettext_lazy("开始日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last = forms.DateField(
        label=gettext_lazy("结束日期"),
        required=False,
        help_text=gettext_lazy("只设一天时留空"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    is_workday = forms.TypedChoiceField(
        label=gettext_lazy("这些天"),
        choices=[("0", gettext_lazy("放假")), ("1", gettext_lazy("上班（调休）"))],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(
        label=gettext_lazy("说明"),
        required=False,
        max_length=40,
        help_text=gettext_lazy("如：春节、国庆节调休上班"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first"), data.get("last") or data.get("first")
        if first and last:
            if last < first:
                self.add_error("last", _("结束日期早于开始日期"))
            elif (last - first).days + 1 > MAX_RUN_DAYS:
                self.add_error("last", _("一次最多设置 %(n)d 天，请分段录入") % {"n": MAX_RUN_DAYS})
            data["last"] = last
        return data


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or 0)
    except ValueError:
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        year = timezone.localdate().year
    return year


def _back(year: int) -> HttpResponse:
    return redirect(f"{reverse('calendar')}?year={year}")


@login_required
def calendar_view(request: HttpRequest) -> HttpResponse:
    require(request.user, "core.view_calendar")
    year = _year(request)
    can_set = allowed(request.user, "core.manage_calendar")
    form = DaysForm(request.POST or None) if can_set else None
    if request.method == "POST":
        require(request.user, "core.manage_calendar")
        assert form is not None
        if form.is_valid():
            data = form.cleaned_data
            try:
                written = calendar_set_days(
                    actor=request.user,
                    first=data["first"],
                    last=data["last"],
                    is_workday=data["is_workday"],
                    note=data["note"],
                )
            except ServiceError as exc:
                form.add_error(None, f"[{exc.code}] {exc.message}")
            else:
                if written:
                    messages.success(request, _("已保存 %(n)d 天的安排。") % {"n": written})
                else:
                    messages.info(request, _("这些日子已是这样安排，没有改动。"))
                return _back(data["first"].year)
    context = {
        "calendar": calendar_year(year),
        "form": form,
        "can_set": can_set,
        "years": [year - 1, year, year + 1],
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "core/calendar.html", context, status=status)


@login_required
@require_POST
def calendar_clear_view(request: HttpRequest) -> HttpResponse:
    require(request.user, "core.manage_calendar")
    try:
        day = dt.date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        messages.error(request, _("日期格式不对，应为 年-月-日"))
        return _back(_year(request))
    if calendar_clear_day(actor=request.user, day=day):
        done = _("已删除 %(day)s 的设置，该日恢复按国家安排计算。") % {"day": day}
        messages.success(request, done)
    return _back(day.year)
