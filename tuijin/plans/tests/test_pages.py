"""Task and target pages: lists filter and paginate, details show links and provenance."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from tuijin.orgs.models import Unit
from tuijin.plans.models import Assignment, Task

pytestmark = pytest.mark.django_db


def _titles(response: Any) -> list[str]:
    return [t.title for t in response.context["object_list"]]


def test_task_list_shows_columns(ui_client, ui_world):
    response = ui_client.get(reverse("task-list"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("（一）", "建设化工新材料基地", "市发改委", "市工信局", "2025-12-31", "推进中"):
        assert text in html
    assert 'class="badge badge-blue">推进中' in html
    assert set(_titles(response)) == {"建设化工新材料基地", "完善食品冷链体系", "开展年度评估"}


def test_task_list_splits_lead_and_responsible_units(ui_client, ui_world):
    html = ui_client.get(reverse("task-list")).content.decode()
    row = html[html.index("建设化工新材料基地") :].split("</tr>", 1)[0]
    lead_cell, responsible_cell = row.split('<td class="units">')[1:3]
    assert "市发改委" in lead_cell and "市工信局" not in lead_cell
    assert "市工信局" in responsible_cell


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "冷链"}, ["完善食品冷链体系"]),
        ({"q": "（三）"}, ["开展年度评估"]),
        ({"q": "尽快投产"}, ["建设化工新材料基地"]),  # the task text
        ({"status": "done"}, ["开展年度评估"]),
        ({"deadline_before": "2026-01-01"}, ["建设化工新材料基地"]),
        ({"deadline_after": "2026-01-01"}, ["完善食品冷链体系"]),
        ({"role": "lead", "unit": "fgw"}, ["建设化工新材料基地"]),
        ({"role": "responsible", "unit": "fgw"}, ["完善食品冷链体系"]),
        ({"unit": "fgw"}, ["建设化工新材料基地", "完善食品冷链体系"]),
        ({"unit": "county"}, ["开展年度评估"]),
    ],
)
def test_task_filters(ui_client, ui_world, params, expected):
    if "unit" in params:
        params = {**params, "unit": getattr(ui_world, params["unit"]).pk}
    response = ui_client.get(reverse("task-list"), params)
    assert response.status_code == 200
    assert _titles(response) == expected


def test_task_filter_by_document(ui_client, ui_world):
    response = ui_client.get(reverse("task-list"), {"document": ui_world.plan.pk})
    assert _titles(response) == ["建设化工新材料基地", "完善食品冷链体系"]


def test_task_list_sorts_by_deadline(ui_client, ui_world):
    response = ui_client.get(reverse("task-list"), {"o": "-deadline", "status": ""})
    assert _titles(response)[:2] == ["完善食品冷链体系", "建设化工新材料基地"]


def test_task_list_paginates_by_25(ui_client, ui_world):
    for i in range(30):
        task = Task.objects.create(title=f"批量任务{i:02d}", order=100 + i)
        Assignment.objects.create(task=task, unit=ui_world.gxj, role="lead")
    first = ui_client.get(reverse("task-list"))
    assert len(first.context["object_list"]) == 25
    assert first.context["page_obj"].paginator.count == 33
    html = first.content.decode()
    assert "共 33 条" in html
    assert "?page=2" in html
    second = ui_client.get(reverse("task-list"), {"page": 2})
    assert len(second.context["object_list"]) == 8
    # filters survive paging
    filtered = ui_client.get(reverse("task-list"), {"q": "批量", "page": 2})
    assert len(filtered.context["object_list"]) == 5
    assert "q=%E6%89%B9%E9%87%8F" in filtered.content.decode()


def test_task_list_queries_do_not_grow_with_rows(
    ui_client, ui_world, django_assert_max_num_queries
):
    for i in range(20):
        task = Task.objects.create(title=f"任务{i}", order=50 + i)
        Assignment.objects.create(task=task, unit=ui_world.fgw, role="lead")
        Assignment.objects.create(task=task, unit=ui_world.gxj, role="responsible")
    with django_assert_max_num_queries(12):
        ui_client.get(reverse("task-list"))


def test_htmx_filter_request_gets_only_the_table(ui_client, ui_world):
    response = ui_client.get(
        reverse("task-list"), {"q": "冷链"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "完善食品冷链体系" in html
    assert "建设化工新材料基地" not in html


def test_task_detail_shows_assignments_and_highlighted_source(ui_client, ui_world):
    response = ui_client.get(reverse("task-detail", args=[ui_world.t1.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "二、重点任务" in html
    assert "推进化工新材料一体化项目尽快投产" in html
    assert "<mark>建设化工新材料基地</mark>" in html
    assert f'href="/documents/{ui_world.plan.pk}/#task-{ui_world.t1.pk}"' in html
    assert [a.unit for a in response.context["lead"]] == [ui_world.fgw]
    assert [a.unit for a in response.context["responsible"]] == [ui_world.gxj]
    assert f'href="/units/{ui_world.fgw.pk}/"' in html
    assert "2025-12-31" in html


def test_task_detail_without_source(ui_client, ui_world):
    html = ui_client.get(reverse("task-detail", args=[ui_world.t3.pk])).content.decode()
    assert "未记录来源" in html


def test_target_list_and_filters(ui_client, ui_world):
    response = ui_client.get(reverse("target-list"))
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 4
    html = response.content.decode()
    assert "3000亿元" in html and "争取值" in html
    by_tier = ui_client.get(reverse("target-list"), {"tier": "stretch"})
    assert [t.value for t in by_tier.context["object_list"]] == [3200]
    by_cluster = ui_client.get(reverse("target-list"), {"cluster": ui_world.chem.pk})
    assert [t.indicator.name for t in by_cluster.context["object_list"]] == ["集群营业收入"]
    by_area_year = ui_client.get(reverse("target-list"), {"area": ui_world.city.pk, "year": 2027})
    assert len(by_area_year.context["object_list"]) == 3
    by_indicator = ui_client.get(reverse("target-list"), {"indicator": ui_world.output.pk})
    assert len(by_indicator.context["object_list"]) == 1
    by_kind = ui_client.get(reverse("target-list"), {"kind": "actual"})
    assert list(by_kind.context["object_list"]) == []


def test_target_detail_shows_three_tiers_and_measurements(ui_client, ui_world):
    response = ui_client.get(reverse("target-detail", args=[ui_world.gdp_stretch.pk]))
    assert response.status_code == 200
    cells = dict((tier.value, t) for tier, t in response.context["tier_cells"])
    assert cells["base"] == ui_world.gdp_base
    assert cells["aspiration"] == ui_world.gdp_aspiration
    html = response.content.decode()
    assert "<strong>3200亿元</strong>" in html
    assert "3500亿元" in html
    assert "2650亿元" in html  # the measurement


def test_target_detail_source_is_highlighted(ui_client, ui_world):
    html = ui_client.get(reverse("target-detail", args=[ui_world.gdp_base.pk])).content.decode()
    assert "<mark>3000亿元</mark>" in html


@pytest.mark.parametrize("name", ["task-detail", "target-detail"])
def test_unknown_pk_is_404(ui_client, name):
    assert ui_client.get(reverse(name, args=[999999])).status_code == 404


@pytest.mark.parametrize("name", ["task-list", "target-list"])
def test_lists_need_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_detail_needs_login(client, ui_world):
    response = client.get(reverse("task-detail", args=[ui_world.t1.pk]))
    assert response.status_code == 302


def test_deadline_text_shown_when_no_date(ui_client, ui_world):
    Task.objects.filter(pk=ui_world.t3.pk).update(deadline_text="长期坚持", deadline=None)
    assert "长期坚持" in ui_client.get(reverse("task-list")).content.decode()
    assert date(2025, 12, 31)  # keep the import honest


def test_task_list_renders_only_the_chosen_unit_not_every_unit(ui_client, ui_world):
    Unit.objects.bulk_create(Unit(name=f"批量单位{i:03d}") for i in range(300))
    html = ui_client.get(reverse("task-list")).content.decode()
    assert "批量单位000" not in html
    chosen = ui_client.get(reverse("task-list"), {"unit": ui_world.county.pk})
    assert [t.pk for t in chosen.context["object_list"]] == [ui_world.t3.pk]
    assert "北岭县人民政府" in chosen.content.decode()
