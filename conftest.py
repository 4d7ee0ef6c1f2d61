"""Shared by every test folder: each test starts with an empty cache (cached figures such as the
overview's would otherwise outlive the database a test rolled back)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield
