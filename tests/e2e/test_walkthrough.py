"""A new user's walk through the demo in a real browser: log in, overview, a unit's tasks, a
project's investment; then a document goes through upload → review → confirm."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tuijin.demo.loader import load_demo
from tuijin.documents.models import Document
from tuijin.orgs.models import Unit
from tuijin.plans.models import Task
from tuijin.projects.models import Project

from .conftest import shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "walkthrough-pw"


@pytest.fixture
def demo() -> None:
    load_demo(password=PASSWORD)


def login(page: Any, base: str) -> None:
    page.goto(f"{base}/")
    assert "/login/" in page.url, "anonymous users are sent to the login page"
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_load_state("networkidle")


def test_new_user_finds_a_units_tasks_and_a_projects_investment(
    page: Any, live_server: Any, demo: None
) -> None:
    base = live_server.url
    login(page, base)
    body = page.inner_text("body")
    assert "重点项目" in body and "目标值" in body and "争取值" in body and "奋斗值" in body
    assert str(Project.objects.count()) in body
    shot(page, "01-overview")

    unit = Unit.objects.get(name="兰州市发展和改革委员会")
    page.goto(f"{base}/tasks/")
    # The unit is found by typing (the select holds only the chosen unit, not all of them).
    page.fill(".field-unit input.search-select-box", "兰州市发展和改革")
    page.wait_for_selector(f"#unit-suggestions option[data-id='{unit.pk}']", state="attached")
    page.fill(".field-unit input.search-select-box", unit.name)
    page.wait_for_function(
        f"document.querySelector('select[name=unit]').value === '{unit.pk}'", timeout=5000
    )
    page.click("form.filters button[type=submit], form button[type=submit]:has-text('筛选')")
    page.wait_for_load_state("networkidle")
    assert f"unit={unit.pk}" in page.url
    rows = page.locator("table tbody tr")
    expected = Task.objects.filter(assignments__unit=unit).distinct().count()
    assert expected > 0
    text = page.inner_text("main")
    assert str(expected) in text, "the page says how many tasks the unit has"
    first = rows.first.inner_text()
    assert "兰州市发展和改革委员会" in first or "市发展改革委" in first or "市发改委" in first
    shot(page, "02-tasks-by-unit")

    project = (
        Project.objects.filter(total_investment__isnull=False).order_by("-total_investment").first()
    )
    assert project is not None
    page.goto(f"{base}/projects/")
    page.click(f"text={project.name}")
    page.wait_for_load_state("networkidle")
    assert re.search(rf"/projects/{project.pk}/$", page.url)
    detail = page.inner_text("main")
    assert project.name in detail
    amount = f"{project.total_investment.normalize():f}"
    assert amount in detail.replace(",", ""), f"total investment {amount} 亿元 is shown"
    assert "年度" in detail
    shot(page, "03-project-detail")


def test_upload_review_and_confirm_a_plan(
    page: Any, live_server: Any, demo: None, tmp_path: Path
) -> None:
    plan = tmp_path / "示例实施方案.txt"
    plan.write_text(
        "示例区推进物流枢纽建设实施方案\n"
        "一、重点任务\n"
        "（一）建设物流枢纽\n"
        "加快建设陆港型国家物流枢纽，到2027年物流业增加值达到300亿元。"
        "（牵头单位：市发展改革委；责任单位：市商务局、兰州新区管委会）\n",
        encoding="gbk",
    )
    base = live_server.url
    login(page, base)
    tasks_before = Task.objects.count()
    page.goto(f"{base}/documents/upload/")
    page.set_input_files("input[type=file]", str(plan))
    page.click("#upload-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/review/" in page.url
    assert Task.objects.count() == tasks_before, "nothing reaches the ledger before confirmation"

    row = page.locator("#assignments tr.item").first
    row.click()
    mark = page.locator("#doc-text mark.src")
    mark.wait_for()
    assert "牵头单位" in mark.inner_text()
    shot(page, "04-review")

    page.click("#confirm-load")
    page.wait_for_load_state("networkidle")
    document = Document.objects.get(original_name="示例实施方案.txt")
    assert document.status == "confirmed"
    assert Task.objects.count() > tasks_before
    assert Task.objects.filter(document=document, assignments__role="lead").exists()
    assert f"/documents/{document.pk}/" in page.url


def test_a_broken_upload_is_refused_in_chinese_and_changes_nothing(
    page: Any, live_server: Any, demo: None, tmp_path: Path
) -> None:
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a docx")
    base = live_server.url
    login(page, base)
    documents = Document.objects.count()
    page.goto(f"{base}/documents/upload/")
    page.set_input_files("input[type=file]", str(broken))
    page.click("#upload-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[role=alert]").count() >= 1
    assert re.search(r"\[I00\d\]", page.inner_text("main"))
    assert Document.objects.count() == documents
    assert get_user_model().objects.filter(username="admin").exists()
