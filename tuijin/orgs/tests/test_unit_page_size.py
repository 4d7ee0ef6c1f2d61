"""A unit's page stays small however much the unit owns: the first rows of each list with a
link to the filtered list page, and a merge form that searches instead of listing every unit."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from tuijin.orgs.models import Unit
from tuijin.plans.models import Assignment, Task
from tuijin.projects.models import Project

pytestmark = pytest.mark.django_db


def _busy(w: SimpleNamespace, n: int, batch: str = "") -> None:
    """N more tasks led and N more projects led by w.fgw, and N projects it shares."""
    tasks = Task.objects.bulk_create(
        Task(title=f"任务{batch}{i:03d}", order=10 + i) for i in range(n)
    )
    Assignment.objects.bulk_create(Assignment(task=t, unit=w.fgw, role="lead") for t in tasks)
    Project.objects.bulk_create(
        Project(
            name=f"牵头项目{batch}{i:03d}",
            total_investment=Decimal(i),
            lead_unit=w.fgw,
            area=w.zone,
        )
        for i in range(n)
    )
    shared = Project.objects.bulk_create(Project(name=f"参与项目{batch}{i:03d}") for i in range(n))
    Project.responsible_units.through.objects.bulk_create(
        Project.responsible_units.through(project_id=p.pk, unit_id=w.fgw.pk) for p in shared
    )


def test_unit_page_shows_the_first_rows_and_links_to_the_rest(
    ui_client: Client, ui_world: SimpleNamespace
) -> None:
    _busy(ui_world, 40)
    response = ui_client.get(reverse("unit-detail", args=[ui_world.fgw.pk]))
    assert len(response.context["lead_tasks"]) == 20
    assert len(response.context["led_projects"]) == 20
    assert len(response.context["responsible_projects"]) == 20
    assert response.context["totals"]["lead_tasks"] == 41
    assert response.context["totals"]["led_projects"] == 41
    assert response.context["totals"]["responsible_projects"] == 41
    html = response.content.decode()
    assert f'href="/projects/?unit={ui_world.fgw.pk}"' in html
    assert f'href="/tasks/?unit={ui_world.fgw.pk}&amp;role=lead"' in html
    assert "共 41 项" in html


def test_unit_page_queries_do_not_grow_with_its_rows(
    ui_client: Client, ui_world: SimpleNamespace, django_assert_max_num_queries
) -> None:
    url = reverse("unit-detail", args=[ui_world.fgw.pk])
    _busy(ui_world, 5)
    ui_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        ui_client.get(url)
    _busy(ui_world, 60, "乙")
    with django_assert_max_num_queries(len(few.captured_queries)):
        ui_client.get(url)


def test_merge_form_lists_near_matches_and_search_results_not_every_unit(
    ui_client: Client, ui_world: SimpleNamespace
) -> None:
    Unit.objects.bulk_create(Unit(name=f"河谷市测试局{i:03d}") for i in range(300))
    url = reverse("unit-detail", args=[ui_world.county.pk])
    html = ui_client.get(url).content.decode()
    assert html.count("<option") < 25
    assert 'name="merge_q"' in html
    found = ui_client.get(url, {"merge_q": "工业和信息化"})
    assert found.context["merge_found"] == [ui_world.gxj]
    assert f'<option value="{ui_world.gxj.pk}">' in found.content.decode()
    many = ui_client.get(url, {"merge_q": "测试局"})
    assert len(many.context["merge_found"]) == 20
    merge = many.content.decode().split('id="unit-merge"', 1)[1].split("</section>", 1)[0]
    assert merge.count("<option") == 21  # the blank choice and twenty found


def test_merge_search_does_not_offer_the_unit_itself(
    ui_client: Client, ui_world: SimpleNamespace
) -> None:
    url = reverse("unit-detail", args=[ui_world.gxj.pk])
    found = ui_client.get(url, {"merge_q": "市工信局"}).context["merge_found"]
    assert ui_world.gxj not in found


def test_a_too_long_merge_search_is_refused_with_the_reason(
    ui_client: Client, ui_world: SimpleNamespace
) -> None:
    url = reverse("unit-detail", args=[ui_world.county.pk])
    response = ui_client.get(url, {"merge_q": "局" * 51})
    assert response.status_code == 400
    assert "merge_q" in response.content.decode()
