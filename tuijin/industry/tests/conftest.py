"""Fixtures of the industry tests."""

from __future__ import annotations

from tuijin.core.tests.api_fixtures import (  # noqa: F401  (API/admin test fixtures)
    api_admin_client,
    api_bearer_client,
    api_ledger,
    api_session_client,
    api_superuser,
    api_token,
    api_user,
)
from tuijin.core.tests.ui_fixtures import (  # noqa: F401  (web page test fixtures)
    ui_client,
    ui_user,
    ui_world,
)
