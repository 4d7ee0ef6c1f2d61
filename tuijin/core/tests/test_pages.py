"""The overview page, sign-in and the interface language."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_overview_shows_counts_tiers_and_project_buckets(ui_client, ui_world):
    response = ui_client.get(reverse("overview"))
    assert response.status_code == 200
    counts = response.context["counts"]
    assert counts["units"] == 3
    assert counts["tasks"] == 3
    assert counts["projects"] == 3
    assert counts["investment"] == 131.5
    assert counts["targets"] == 4
    assert counts["documents"] == 1
    html = response.content.decode()
    assert "131.5" in html
    # The three tiers of one aim side by side.
    gdp = next(g for g in response.context["target_groups"] if g.indicator == ui_world.gdp)
    assert [t.value for t in gdp.cells] == [3000, 3200, 3500]
    # Projects by stage, area and cluster, with links into the filtered list.
    by_area = {b.label: (b.count, b.investment) for b in response.context["by_area"]}
    assert by_area["河谷高新区"] == (2, 123)
    assert f'href="/projects/?area={ui_world.zone.pk}"' in html
    assert 'href="/projects/?stage=new"' in html


def test_overview_embeds_chart_data_as_json(ui_client, ui_world):
    html = ui_client.get(reverse("overview")).content.decode()
    start = html.index('<script id="chart-cluster" type="application/json">')
    payload = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    data = json.loads(payload)
    assert data["labels"][0] == "精细化工产业集群"
    assert data["investment"][0] == 120.0
    assert data["links"][0] == f"/projects/?cluster={ui_world.chem.pk}"


def test_overview_without_data_still_renders(ui_client):
    response = ui_client.get(reverse("overview"))
    assert response.status_code == 200
    assert "暂无项目" in response.content.decode()


@pytest.mark.parametrize("name", ["overview", "task-list", "project-list", "unit-list"])
def test_anonymous_users_are_sent_to_login(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_login_page_and_sign_in(client, ui_user):
    ui_user.set_password("pw-viewer-123")
    ui_user.save()
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert "用户名" in page.content.decode()
    response = client.post(reverse("login"), {"username": "viewer", "password": "pw-viewer-123"})
    assert response.status_code == 302
    assert response["Location"] == reverse("overview")


def test_wrong_password_is_refused(client, ui_user):
    ui_user.set_password("pw-viewer-123")
    ui_user.save()
    response = client.post(reverse("login"), {"username": "viewer", "password": "nope"})
    assert response.status_code == 200
    assert response.wsgi_request.user.is_anonymous


def test_logout_signs_out(ui_client):
    response = ui_client.post(reverse("logout"))
    assert response.status_code == 302
    assert ui_client.get(reverse("overview")).status_code == 302


def test_interface_is_chinese_by_default_even_for_english_browsers(ui_client):
    response = ui_client.get(reverse("overview"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="zh-hans"' in html
    assert "总览" in html


def test_setlang_switches_the_interface_to_english(ui_client, ui_world):
    response = ui_client.post(
        reverse("set_language"), {"language": "en", "next": reverse("overview")}
    )
    assert response.status_code == 302
    html = ui_client.get(reverse("overview")).content.decode()
    assert '<html lang="en"' in html
    assert "Overview" in html
    assert "Key projects" in html
    # and back
    ui_client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    assert "总览" in ui_client.get(reverse("overview")).content.decode()


def test_static_assets_are_local(ui_client):
    html = ui_client.get(reverse("overview")).content.decode()
    assert "/static/vendor/htmx.min.js" in html
    assert "/static/vendor/echarts.min.js" in html
    assert "http://" not in html.replace("http://testserver", "")
    assert "https://" not in html


@pytest.mark.parametrize(
    "path",
    [
        "vendor/htmx.min.js",
        "vendor/echarts.min.js",
        "vendor/pico.min.css",
        "tuijin/app.css",
        "tuijin/app.js",
    ],
)
def test_vendored_assets_are_in_the_repository(path):
    from django.contrib.staticfiles import finders

    assert finders.find(path), path


def test_unknown_language_cookie_falls_back_to_chinese(ui_client):
    from django.conf import settings

    ui_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="zh-hans"' in ui_client.get(reverse("overview")).content.decode()


def test_list_responses_vary_on_htmx_headers(ui_client):
    response = ui_client.get(reverse("task-list"))
    assert "HX-Request" in response["Vary"]
