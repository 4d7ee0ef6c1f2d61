"""API authentication: session for the browser, `Authorization: Bearer <token>` for scripts,
tokens made by `tuijin token create USERNAME`."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tuijin import cli
from tuijin.core.models import ApiToken, hash_token
from tuijin.core.services import token_revoke

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")


def _cli_token(capsys: pytest.CaptureFixture[str], username: str) -> str:
    assert cli.main(["token", "create", username]) == 0
    return str(capsys.readouterr().out).strip()


def _bearer(token: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_token_create_prints_a_token_the_api_accepts(capsys, api_user, api_ledger):
    token = _cli_token(capsys, "alice")
    response = _bearer(token).get("/api/units")
    assert response.status_code == 200
    assert response.json()["count"] == 3


def test_token_create_stores_only_the_hash(capsys, api_user):
    token = _cli_token(capsys, "alice")
    row = ApiToken.objects.get(user=api_user)
    assert row.key_hash == hash_token(token)
    assert token not in {row.key_hash, row.prefix}
    assert token.startswith(row.prefix)


def test_token_create_for_an_unknown_user_exits_2_in_chinese(capsys, db):
    assert cli.main(["token", "create", "nobody"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "[C001]" in captured.err
    assert CJK.search(captured.err)
    assert not ApiToken.objects.exists()


def test_a_revoked_token_is_refused(capsys, api_user):
    token = _cli_token(capsys, "alice")
    token_revoke(token=ApiToken.objects.get(user=api_user))
    response = _bearer(token).get("/api/units")
    assert response.status_code == 401
    assert response.json()["code"] == "A003"


def test_an_unknown_or_malformed_token_is_refused(db):
    assert _bearer("tj_not-a-real-token").get("/api/tasks").status_code == 401
    malformed = Client(headers={"Authorization": "Token abc"})
    assert malformed.get("/api/tasks").status_code == 401


def test_the_token_of_a_deactivated_user_is_refused(capsys, api_user):
    token = _cli_token(capsys, "alice")
    api_user.is_active = False
    api_user.save()
    assert _bearer(token).get("/api/units").status_code == 401


def test_using_a_token_records_when(capsys, api_user):
    token = _cli_token(capsys, "alice")
    assert ApiToken.objects.get(user=api_user).last_used_at is None
    _bearer(token).get("/api/areas")
    assert ApiToken.objects.get(user=api_user).last_used_at is not None


def test_a_bearer_request_acts_as_the_token_owner(capsys, api_user, api_ledger):
    """Selectors receive the token's user (scoping will depend on it), not AnonymousUser."""
    token = _cli_token(capsys, "alice")
    response = _bearer(token).get(f"/api/tasks/{api_ledger.task_auto.pk}")
    assert response.status_code == 200


def test_openapi_schema_needs_a_signed_in_user(client, api_session_client, api_bearer_client):
    anonymous = client.get("/api/openapi.json")
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "A003"
    assert api_session_client.get("/api/openapi.json").status_code == 200
    assert api_bearer_client.get("/api/openapi.json").status_code == 200


def test_docs_page_sends_anonymous_users_to_login(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 302
    assert "next=/api/docs" in response["Location"]


def test_docs_page_is_served_without_a_cdn(api_session_client):
    response = api_session_client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/" in html
    assert "cdn" not in html.lower()
