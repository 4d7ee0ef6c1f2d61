"""Schemathesis against the API's own OpenAPI schema, in process: whatever query or path values
it generates (in the schema's bounds and outside them), no read answers a server error.

A bounded run for CI (a few examples per operation, as the office and as a liaison). The full
run against a served demo database is in benchmarks/README.md ("API fuzzing").
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tuijin.accounts.models import Profile
from tuijin.api import api
from tuijin.core.services import token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def fuzz_headers(api_user: User, api_ledger: SimpleNamespace) -> list[dict[str, str]]:
    """Bearer headers of the office user and of unit fgw's liaison."""
    liaison = User.objects.create_user(username="liaison_fgw", password="pw-liaison-123")
    Profile.objects.create(user=liaison, role="liaison", unit=api_ledger.fgw)
    return [
        {"Authorization": f"Bearer {token_create(username=user.username, name='fuzz')}"}
        for user in (api_user, liaison)
    ]


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request (CONN_MAX_AGE=0); on
    PostgreSQL that would end the test's transaction. Django's own test client keeps it open
    the same way: the handler's connection closing is switched off for the test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_fuzz_schema() -> Any:
    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema())
    loaded.app = get_wsgi_application()
    loaded.config.phases.update(phases=PHASES)
    loaded.config.phases.coverage.unexpected_methods = set()  # reads only: values, not verbs
    return loaded


schema = schemathesis.pytest.from_fixture("api_fuzz_schema").include(method="GET")
# Coverage sends each parameter's bounds and just past them; fuzzing draws at random.
PHASES = ["coverage", "fuzzing"]


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_api_read_answers_a_server_error(case: Any, fuzz_headers: list[dict[str, str]]) -> None:
    # Each case as one of the two users (a stable choice, so that a failure replays).
    curl = case.as_curl_command()
    headers = fuzz_headers[zlib.crc32(curl.encode()) % len(fuzz_headers)]
    response = case.call(headers=headers)
    assert response.status_code < 500, (curl, headers, response.text[:500])
