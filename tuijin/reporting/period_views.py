"""Reporting pages of cycles and periods: the cycle list, a new cycle, opening and closing a
period, and a period's board (who has reported, who is late, the problems raised)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
)
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuijin.accounts.permissions import require
from tuijin.core.errors import ServiceError

from . import selectors, services
from .forms import (
    CycleForm,
    PeriodOpenForm,
    ReturnForm,
)
from .responses import show_refusal


@login_required
def cycle_list_view(request: HttpRequest) -> HttpResponse:
    cycles = list(selectors.cycle_list(request.user))
    periods = list(selectors.period_list(request.user))
    by_cycle: dict[int, list[Any]] = {}
    for period in periods:
        by_cycle.setdefault(period.cycle_id, []).append(period)
    rows = [(cycle, by_cycle.get(cycle.pk, [])) for cycle in cycles]
    return render(
        request,
        "reporting/cycle_list.html",
        {"rows": rows, "open_form": PeriodOpenForm(), "today": timezone.localdate()},
    )


@login_required
def cycle_create_view(request: HttpRequest) -> HttpResponse:
    require(request.user, "reporting.manage_cycle")
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("已创建报送周期“%(name)s”") % {"name": cycle.name})
            return redirect("reporting-cycle-list")
    return render(request, "reporting/cycle_form.html", {"form": form})


@login_required
@require_POST
def period_open_view(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = selectors.cycle_get(request.user, pk)
    require(request.user, "reporting.manage_cycle", cycle)
    form = PeriodOpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写期次的开始和截止日期"))
        return redirect("reporting-cycle-list")
    try:
        period = services.period_open(cycle=cycle, actor=request.user, **form.cleaned_data)
    except ServiceError as exc:
        show_refusal(request, exc)
        return redirect("reporting-cycle-list")
    messages.success(request, _("已开启期次：%(period)s") % {"period": period})
    return redirect("reporting-period-board", pk=period.pk)


@login_required
@require_POST
def periods_open_due_view(request: HttpRequest) -> HttpResponse:
    require(request.user, "reporting.manage_cycle")
    opened = services.periods_open_due(today=timezone.localdate())
    messages.success(request, _("新开启 %(n)d 个期次") % {"n": len(opened)})
    return redirect("reporting-cycle-list")


BOARD_ROWS = 50  # units per page of a period's board
BOARD_PROBLEMS = 50  # problems per page of its problem list
PAGE_PARAMS = ("page", "problems_page")


def _board_pages(request: HttpRequest) -> dict[str, int] | HttpResponse:
    """The board's page numbers (`page` of the units, `problems_page` of the problems), or a
    400 naming the bad one."""
    pages: dict[str, int] = {}
    for name in PAGE_PARAMS:
        raw = request.GET.get(name, "1") or "1"
        if not raw.isdigit() or not 1 <= int(raw) <= 100_000:
            reason = _("页码须为 1 至 100000 的整数")
            return HttpResponseBadRequest(
                f"[X020] {_('筛选条件无效')}：{name} {reason}",
                content_type="text/plain; charset=utf-8",
            )
        pages[name] = int(raw)
    return pages


@login_required
def period_board_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A period's board: its counts over every unit, and a page of units and of problems (the
    whole board of 2,000 units is in the Excel export)."""
    pages = _board_pages(request)
    if isinstance(pages, HttpResponse):
        return pages
    period = selectors.period_get(request.user, pk)
    require(request.user, "reporting.view_board", period)
    board = selectors.cycle_board(request.user, period)
    rows = Paginator(board.rows, BOARD_ROWS).get_page(pages["page"])
    problems = Paginator(board.problems, BOARD_PROBLEMS).get_page(pages["problems_page"])
    context = {
        "period": period,
        "board": board,
        "page_obj": rows,
        "problems_page": problems,
        "return_form": ReturnForm(),
    }
    return render(request, "reporting/period_board.html", context)


@login_required
@require_POST
def period_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.period_get(request.user, pk)
    require(request.user, "reporting.manage_cycle", period.cycle)
    closed = request.POST.get("closed", "1") == "1"
    services.period_close(period=period, closed=closed, actor=request.user)
    return redirect("reporting-period-board", pk=period.pk)


# ── submissions ────────────────────────────────────────────────────────────────────────────
