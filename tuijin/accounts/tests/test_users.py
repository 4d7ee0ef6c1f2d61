"""Accounts: `tuijin user add`, the office's user pages, the role in the top bar, tokens for
every role."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tuijin.accounts.models import Profile
from tuijin.cli import main
from tuijin.core.services import token_create

from .conftest import client_for

pytestmark = pytest.mark.django_db


def test_user_add_liaison_by_alias_with_password(
    world: SimpleNamespace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ZS_PASSWORD", "pw-zhang-2025")
    code = main(
        [
            "user",
            "add",
            "zhangsan",
            "--role",
            "liaison",
            "--unit",
            "发改委",
            "--password-env",
            "ZS_PASSWORD",
        ]
    )
    assert code == 0
    user = get_user_model().objects.get(username="zhangsan")
    assert user.check_password("pw-zhang-2025")
    assert (user.profile.role, user.profile.unit) == ("liaison", world.a)
    assert "zhangsan" in capsys.readouterr().out


def test_user_add_again_updates_role_and_unit(world: SimpleNamespace) -> None:
    assert main(["user", "add", "lisi", "--role", "liaison", "--unit", "市工信局"]) == 0
    assert main(["user", "add", "lisi", "--role", "office"]) == 0
    profile = Profile.objects.get(user__username="lisi")
    assert (profile.role, profile.unit) == ("office", None)
    assert Profile.objects.filter(user__username="lisi").count() == 1


def test_user_add_without_password_prints_a_hint(
    world: SimpleNamespace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["user", "add", "wangwu", "--role", "leader"]) == 0
    assert not get_user_model().objects.get(username="wangwu").has_usable_password()
    assert "--password-env" in capsys.readouterr().out


def test_user_add_admin_is_superuser(world: SimpleNamespace) -> None:
    assert main(["user", "add", "ops", "--role", "admin"]) == 0
    user = get_user_model().objects.get(username="ops")
    assert user.is_superuser and user.is_staff
    assert main(["user", "add", "ops", "--role", "leader"]) == 0
    user.refresh_from_db()
    assert not user.is_superuser and not user.is_staff


def test_user_add_unknown_unit_is_a_clear_error(
    world: SimpleNamespace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["user", "add", "zhao", "--role", "liaison", "--unit", "不存在局"]) == 2
    assert "不存在局" in capsys.readouterr().err
    assert not get_user_model().objects.filter(username="zhao").exists()


def test_user_add_liaison_needs_a_unit(
    world: SimpleNamespace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["user", "add", "zhao", "--role", "liaison"]) == 2
    assert "U002" in capsys.readouterr().err
    assert not get_user_model().objects.filter(username="zhao").exists()


def test_user_add_missing_password_variable_is_an_error(world: SimpleNamespace) -> None:
    assert main(["user", "add", "zhao", "--role", "office", "--password-env", "NO_SUCH_VAR_X"]) == 2


def test_user_add_unknown_role_is_refused(world: SimpleNamespace) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["user", "add", "zhao", "--role", "boss"])
    assert exc.value.code == 2


@pytest.mark.parametrize("role", ["office", "liaison_a", "leader", "admin", "norole"])
def test_token_works_for_every_role(world: SimpleNamespace, role: str) -> None:
    from django.test import Client

    token = token_create(username=world.users[role].username)
    client = Client(headers={"Authorization": f"Bearer {token}"})
    assert client.get("/api/units").status_code == 200
    tasks = client.get("/api/tasks").json()["count"]
    assert tasks == {"liaison_a": 2, "norole": 0}.get(role, 3)


def test_office_adds_changes_and_deactivates_a_user(world: SimpleNamespace) -> None:
    client = client_for(world, "office")
    response = client.post(
        reverse("user-add"),
        {"username": "zhou", "role": "liaison", "unit": world.b.pk, "password": "pw-zhou-2025"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="zhou")
    assert (user.profile.role, user.profile.unit) == ("liaison", world.b)
    page = client.get(reverse("user-list")).content.decode()
    assert "zhou" in page and world.b.name in page and "单位联络员" in page
    response = client.post(reverse("user-edit", args=[user.pk]), {"role": "leader"})
    assert response.status_code == 302
    user.profile.refresh_from_db()
    assert (user.profile.role, user.profile.unit) == ("leader", None)
    client.post(reverse("user-active", args=[user.pk]), {"active": "0"})
    user.refresh_from_db()
    assert not user.is_active


def test_user_form_refuses_liaison_without_unit(world: SimpleNamespace) -> None:
    response = client_for(world, "office").post(
        reverse("user-add"), {"username": "qian", "role": "liaison"}
    )
    assert response.status_code == 200
    assert "联络员必须指定所属单位" in response.content.decode()
    assert not get_user_model().objects.filter(username="qian").exists()


def test_office_cannot_deactivate_itself(world: SimpleNamespace) -> None:
    office = world.users["office"]
    client_for(world, "office").post(reverse("user-active", args=[office.pk]), {"active": "0"})
    office.refresh_from_db()
    assert office.is_active


def test_liaison_cannot_add_users(world: SimpleNamespace) -> None:
    response = client_for(world, "liaison_a").post(
        reverse("user-add"), {"username": "sun", "role": "admin"}
    )
    assert response.status_code == 403
    assert not get_user_model().objects.filter(username="sun").exists()


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("office", "领导小组办公室"),
        ("liaison_a", "单位联络员 · 市发改委"),
        ("leader", "领导"),
        ("admin", "系统管理员"),
        ("norole", "未分配角色"),
    ],
)
def test_top_bar_shows_role_and_unit(world: SimpleNamespace, role: str, shown: str) -> None:
    html = client_for(world, role).get(reverse("overview")).content.decode()
    assert shown in html
    assert (reverse("user-list") in html) is (role in ("office", "admin"))
