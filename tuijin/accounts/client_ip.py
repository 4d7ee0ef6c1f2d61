"""The client's address that sign-in throttling (django-axes) counts failures against."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR; behind N trusted reverse proxies (settings.TUIJIN_PROXY_COUNT), the address
    the outermost proxy saw: the N-th from the right of X-Forwarded-For. Addresses further left
    were written by the client itself and are ignored."""
    count = settings.TUIJIN_PROXY_COUNT
    if count > 0:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in header.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    address: str | None = request.META.get("REMOTE_ADDR")
    return address
