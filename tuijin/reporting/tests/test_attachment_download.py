"""A report's attachments are downloaded through the reporting app (the storage API, never
MEDIA_ROOT), by those who may see the report: the office, leaders and the report's own unit.
A liaison of another unit gets 404 and learns nothing, not even the file's name."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tuijin.accounts.choices import Role
from tuijin.accounts.services import user_save
from tuijin.reporting import services
from tuijin.reporting.choices import CycleKind

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 progress photos"


@pytest.fixture
def filed(region: SimpleNamespace, settings: Any, tmp_path: Any) -> SimpleNamespace:
    """Unit A's June draft with one attachment, 现场照片.pdf."""
    settings.MEDIA_ROOT = tmp_path
    r = region
    cycle = services.cycle_create(
        name="半年报送", kind=CycleKind.SEMIANNUAL, starts_on=dt.date(2025, 1, 1)
    )
    period = services.period_open(cycle=cycle, start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30))
    r.sub = services.submission_start(unit=r.a, period=period)
    r.attachment = services.attachment_add(submission=r.sub, name="现场照片.pdf", data=CONTENT)
    r.url = reverse("reporting-attachment-download", args=[r.attachment.pk])
    return r


def _client(**profile: Any) -> Client:
    client = Client()
    client.force_login(user_save(**profile))
    return client


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    "profile",
    [
        {"username": "office_wang", "role": Role.OFFICE},
        {"username": "leader_zhao", "role": Role.LEADER},
        {"username": "liaison_a", "role": Role.LIAISON, "unit": "a"},
    ],
    ids=["office", "leader", "own-unit-liaison"],
)
def test_who_may_see_the_report_downloads_the_file(
    filed: SimpleNamespace, profile: dict[str, Any]
) -> None:
    if profile.get("unit"):
        profile = {**profile, "unit": getattr(filed, profile["unit"])}
    response = _client(**profile).get(filed.url)
    assert response.status_code == 200
    assert _body(response) == CONTENT
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.pdf" in disposition  # 现场照片.pdf, RFC 5987
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_liaison_of_another_unit_gets_404_without_the_name(filed: SimpleNamespace) -> None:
    response = _client(username="liaison_c", role=Role.LIAISON, unit=filed.c).get(filed.url)
    assert response.status_code == 404
    assert "现场照片" not in response.content.decode()
    assert b"Content-Disposition" not in response.serialize_headers()


def test_an_unknown_attachment_is_404_and_anonymous_users_sign_in(
    filed: SimpleNamespace, client: Client
) -> None:
    office = _client(username="office_wang", role=Role.OFFICE)
    assert office.get(reverse("reporting-attachment-download", args=[999999])).status_code == 404
    response = client.get(filed.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_file_missing_from_storage_is_404(filed: SimpleNamespace) -> None:
    filed.attachment.file.storage.delete(filed.attachment.file.name)
    office = _client(username="office_wang", role=Role.OFFICE)
    assert office.get(filed.url).status_code == 404


def test_the_pages_and_the_api_link_the_download_not_the_media_url(
    filed: SimpleNamespace,
) -> None:
    office = _client(username="office_wang", role=Role.OFFICE)
    media = settings.MEDIA_URL + filed.attachment.file.name
    for page in ("reporting-submission-detail", "reporting-submission-edit"):
        html = office.get(reverse(page, args=[filed.sub.pk])).content.decode()
        assert f'href="{filed.url}"' in html, page
        assert settings.MEDIA_URL not in html, page
    body = office.get(f"/api/submissions/{filed.sub.pk}").json()
    assert body["attachments"][0]["url"] == filed.url
    assert office.get(media).status_code == 404  # MEDIA_ROOT is not served as such
