"""Fixtures shared by the Excel import-page tests (plans and projects): a signed-in office
superuser whose uploads go to a temporary data folder, and its client."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client


@pytest.fixture
def office(db: None, settings: Any, tmp_path: Any) -> Any:
    settings.DATA_DIR = tmp_path
    user = get_user_model()(username="office", is_superuser=True, is_staff=True)
    user.set_unusable_password()
    user.save()
    return user


@pytest.fixture
def client(office: Any) -> Client:
    c = Client()
    c.force_login(office)
    return c
