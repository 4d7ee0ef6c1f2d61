"""Signing in safely: failed passwords lock the username on that address for a while (django-axes),
passwords are hashed with Argon2 and must pass the password rules (web form and `tuijin user add`).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tuijin.accounts.services import user_save
from tuijin.cli import main
from tuijin.core.errors import ServiceError

from .conftest import client_for

pytestmark = pytest.mark.django_db

PASSWORD = "right-horse-battery-7"


@pytest.fixture
def office(world: SimpleNamespace) -> Any:
    user = world.users["office"]
    user.set_password(PASSWORD)
    user.save()
    return user


def _sign_in(client: Client, password: str, *, ip: str = "10.0.0.7", username: str = "office"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_the_right_password_is_refused_after_many_wrong_ones(office: Any) -> None:
    """The issue: 30 wrong passwords in 18 s, then the right one — and the attacker was in."""
    client = Client()
    for n in range(30):
        _sign_in(client, f"guess-{n}")
    response = _sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert response.wsgi_request.user.is_anonymous
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "[U007]" in page and "登录失败次数过多" in page and "15 分钟" in page
    assert "Traceback" not in page


def test_the_lockout_starts_at_the_configured_limit(office: Any) -> None:
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, f"guess-{n}").status_code == 200  # the form again, with an error
    assert _sign_in(client, PASSWORD).status_code == 302  # still below the limit: signed in
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, f"guess-{n}")
    assert _sign_in(client, PASSWORD).status_code == 429


def test_a_lockout_binds_the_username_and_address_together(office: Any) -> None:
    for n in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(Client(), f"guess-{n}", ip="10.0.0.66")
    assert _sign_in(Client(), PASSWORD, ip="10.0.0.66").status_code == 429
    assert _sign_in(Client(), PASSWORD, ip="10.0.0.7").status_code == 302  # the user elsewhere


def test_the_lockout_ends_after_the_cool_off(office: Any) -> None:
    from axes.models import AccessAttempt

    for n in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(Client(), f"guess-{n}")
    assert _sign_in(Client(), PASSWORD).status_code == 429
    assert dt.timedelta(minutes=15) == settings.AXES_COOLOFF_TIME  # the default
    earlier = timezone.now() - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert _sign_in(Client(), PASSWORD).status_code == 302


def test_the_admin_sign_in_is_locked_out_too(office: Any) -> None:
    office.is_staff = True
    office.save()
    client = Client()
    url = reverse("admin:login")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "office", "password": f"x-{n}"}, REMOTE_ADDR="10.0.0.9")
    response = client.post(
        url, {"username": "office", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 429
    assert "[U007]" in response.content.decode()


def test_passwords_are_hashed_with_argon2_first(office: Any) -> None:
    hashers = settings.PASSWORD_HASHERS
    assert hashers[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in hashers[1:]  # old hashes verify
    office.refresh_from_db()
    assert office.password.startswith("argon2$")


def test_an_old_pbkdf2_hash_still_signs_in_and_is_upgraded(office: Any) -> None:
    from django.contrib.auth.hashers import make_password

    office.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    office.save()
    assert _sign_in(Client(), PASSWORD).status_code == 302
    office.refresh_from_db()
    assert office.password.startswith("argon2$")


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short-pw1", "密码长度太短"),  # 9 characters: the minimum is 10
        ("password123", "这个密码太常见了"),
        ("20250101123", "密码只包含数字"),
    ],
)
def test_the_user_form_applies_the_password_rules(
    world: SimpleNamespace, password: str, reason: str
) -> None:
    client = client_for(world, "admin")
    data = {"username": "newbie", "role": "office", "password": password}
    response = client.post(reverse("user-add"), data)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not get_user_model().objects.filter(username="newbie").exists()


def test_the_user_form_refuses_a_password_like_the_username(world: SimpleNamespace) -> None:
    client = client_for(world, "admin")
    data = {"username": "zhangxiaoming", "role": "office", "password": "zhangxiaoming1"}
    response = client.post(reverse("user-add"), data)
    assert "密码跟 用户名 太相似了" in response.content.decode()
    assert not get_user_model().objects.filter(username="zhangxiaoming").exists()


def test_user_add_refuses_a_weak_password(
    world: SimpleNamespace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WEAK_PW", "password123")
    code = main(["user", "add", "zhao", "--role", "office", "--password-env", "WEAK_PW"])
    assert code == 2
    err = capsys.readouterr().err
    assert "[U006]" in err and "这个密码太常见了" in err
    assert not get_user_model().objects.filter(username="zhao").exists()


def test_the_service_checks_the_password_against_the_user(world: SimpleNamespace) -> None:
    with pytest.raises(ServiceError) as caught:
        user_save(
            username="wangxiaohong",
            role="office",
            password="wangxiaohong2025",
            actor=world.users["admin"],
        )
    assert caught.value.code == "U006" and caught.value.field == "password"
    user = user_save(
        username="wangxiaohong", role="office", password=PASSWORD, actor=world.users["admin"]
    )
    assert user.check_password(PASSWORD)
