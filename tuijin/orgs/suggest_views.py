"""Suggestions for the unit search box of filter forms: `/units/suggest/?q=…` → JSON."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .selectors import unit_suggestions

SUGGEST_QUERY_MAX = 50
SUGGEST_LIMIT = 20


@login_required
@require_GET
def unit_suggest_view(request: HttpRequest) -> HttpResponse:
    """`[{"id", "name"}]`: at most SUGGEST_LIMIT units the user sees matching `q`."""
    text = request.GET.get("q", "")
    if len(text) > SUGGEST_QUERY_MAX:
        reason = _("单位名称最多 %(n)d 个字") % {"n": SUGGEST_QUERY_MAX}
        return HttpResponseBadRequest(
            f"[X020] {_('筛选条件无效')}：q {reason}", content_type="text/plain; charset=utf-8"
        )
    units = unit_suggestions(request.user, text, limit=SUGGEST_LIMIT)
    return JsonResponse([{"id": u.pk, "name": u.name} for u in units], safe=False)
