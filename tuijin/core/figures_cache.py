"""A cache of whole-ledger figures (the overview's counts, buckets and target table).

The figures are cached per scope (role, unit) and language under a version number; every
change to the rows they count bumps the version, so the next request computes them again.
The bump comes from the model signals (save, delete, many-to-many links) of the apps whose rows
the figures count, and from the services that write in bulk without signals (they call
`bump()`). A short time-out bounds what a process-local cache (LocMemCache, one per worker
when REDIS_URL is unset) can keep after a change made in another process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")

VERSION_KEY = "tuijin:figures:version"
TIMEOUT = 60  # seconds
# Apps whose rows the figures count (tuijin.core reads no model of them, only their labels).
COUNTED_APPS = frozenset({"orgs", "plans", "projects", "documents", "geo", "industry"})


def version() -> int:
    value = cache.get(VERSION_KEY)
    if value is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        value = cache.get(VERSION_KEY) or 1
    return int(value)


def _bump_now() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # missing: start again above any number a reader may hold
        cache.set(VERSION_KEY, version() + 1, timeout=None)


def bump() -> None:
    """Forget the figures: now (for reads in this transaction) and again after the commit (so a
    request that read the old rows meanwhile cannot keep them under the new version)."""
    _bump_now()
    transaction.on_commit(_bump_now)


def cached(key: str, compute: Callable[[], T]) -> T:
    """COMPUTE's value under KEY for the current version."""
    full = f"tuijin:figures:{version()}:{key}"
    value: Any = cache.get(full)
    if value is None:
        value = compute()
        cache.set(full, value, timeout=TIMEOUT)
    return value  # type: ignore[no-any-return]


def _on_change(sender: Any, **kwargs: Any) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label in COUNTED_APPS:
        bump()


def connect() -> None:
    """Bump on every save, delete and link change of the counted apps' models."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, weak=False, dispatch_uid=f"figures-cache-{id(signal)}")
