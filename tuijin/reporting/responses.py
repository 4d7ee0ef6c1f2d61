"""How a reporting page answers a POST: back to the page it came from, or a refusal shown as an
error message with its code."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from tuijin.core.errors import ServiceError


def back(request: HttpRequest, default: str) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(default)


def show_refusal(request: HttpRequest, exc: ServiceError, what: str = "") -> None:
    """A refusal as an error message with its code; WHAT names the refused action
    ("未能报送") so that it never reads like the success message."""
    if what:
        text = _("%(what)s：%(reason)s（%(code)s）")
        messages.error(request, text % {"what": what, "reason": exc.message, "code": exc.code})
    else:
        messages.error(
            request, _("%(reason)s（%(code)s）") % {"reason": exc.message, "code": exc.code}
        )
