"""The Content-Security-Policy blocks nothing the pages need: a real browser walks the busiest pages
(charts, htmx filters, the language switch, the unit choice on the reporting page, the API docs,
the admin) and sees no console error and no policy violation."""

from __future__ import annotations

from typing import Any

import pytest

from tuijin.demo.loader import load_demo
from tuijin.orgs.models import Unit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "csp-walk-password"


@pytest.fixture
def demo() -> None:
    load_demo(password=PASSWORD)


def _watch(page: Any) -> list[str]:
    problems: list[str] = []

    def console(msg: Any) -> None:
        where = msg.location.get("url", "")
        # Pages without an icon link (the Django admin) make the browser ask for /favicon.ico.
        if msg.type == "error" and not where.endswith("/favicon.ico"):
            problems.append(f"console {msg.type}: {msg.text} {where}")

    page.on("console", console)
    page.on(
        "response",
        lambda r: problems.append(f"{r.status} {r.url}")
        if r.status >= 400 and not r.url.endswith("/favicon.ico")
        else None,
    )
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return problems


def test_pages_work_under_the_content_security_policy(
    page: Any, live_server: Any, demo: None
) -> None:
    problems = _watch(page)
    base = live_server.url
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/login/" not in page.url

    # The overview's charts (ECharts) draw, and a tooltip (inline styles) shows on hover.
    chart = page.locator(".chart[data-chart]").first
    chart.wait_for()
    page.wait_for_function("document.querySelector('.chart[data-chart] canvas') !== null")
    box = chart.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)

    # htmx: typing in a filter's search box swaps the list in place.
    page.goto(f"{base}/tasks/")
    with page.expect_response(lambda r: "/tasks/" in r.url and "q=" in r.url):
        page.fill("input[name=q]", "产业")
    page.wait_for_load_state("networkidle")

    # The language choice submits itself when changed (data-autosubmit, no inline onchange).
    # (waiting for the page the form's submit loads, not for an idle network the htmx swap
    # above may already have left)
    with page.expect_navigation():
        page.select_option("select[name=language]", value="en")
    page.wait_for_selector("html[lang=en]")
    with page.expect_navigation():
        page.select_option("select[name=language]", value="zh-hans")
    page.wait_for_selector("html[lang=zh-hans]")

    # The office picks the unit it reports for: that select submits itself too.
    unit = Unit.objects.get(name="兰州市发展和改革委员会")
    page.goto(f"{base}/reporting/my/")
    if page.locator("select[name=unit][data-autosubmit]").count():
        with page.expect_navigation():
            page.select_option("select[name=unit][data-autosubmit]", value=str(unit.pk))
        assert f"unit={unit.pk}" in page.url

    for path in ("/projects/", "/units/", "/api/docs", "/admin/"):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
    page.wait_for_selector("#swagger-ui, #content", state="attached")

    assert problems == []
