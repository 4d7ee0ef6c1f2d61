"""A liaison's task page and API name no task or document outside its unit: not the parent, not
a child, not in the breadcrumbs, not as an old or new value in the change history."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from tuijin.core.history import history_for
from tuijin.documents.models import Document
from tuijin.plans.models import Assignment, Task

from .conftest import client_for, fresh

pytestmark = pytest.mark.django_db

PARENT_B = "乙单位独有的上级任务"
CHILD_B = "乙单位独有的下级任务"
GRANDPARENT_A = "甲单位的总任务"
DRAFT = "待审核方案"


@pytest.fixture
def family(world: SimpleNamespace) -> SimpleNamespace:
    """Unit A's task under a task of B only (itself under one of A's), with a child of B only;
    its source document a draft."""
    grand = Task.objects.create(document=world.doc_a, title=GRANDPARENT_A)
    Assignment.objects.create(task=grand, unit=world.a, role="lead")
    parent = Task.objects.create(document=world.doc_b, title=PARENT_B, parent=grand)
    Assignment.objects.create(task=parent, unit=world.b, role="lead")
    world.task_a.parent = parent
    world.task_a.source_document = Document.objects.get(pk=world.draft.pk)
    world.task_a.source_start, world.task_a.source_end = 0, 2
    world.task_a.save()  # a history row whose value is the parent's title
    child = Task.objects.create(document=world.doc_b, title=CHILD_B, parent=world.task_a)
    Assignment.objects.create(task=child, unit=world.b, role="lead")
    return SimpleNamespace(grand=grand, parent=parent, child=child)


def test_liaison_task_page_hides_the_parent_and_children_of_other_units(
    world: SimpleNamespace, family: SimpleNamespace
) -> None:
    url = reverse("task-detail", args=[world.task_a.pk])
    html = client_for(world, "liaison_a").get(url).content.decode()
    assert world.task_a.title in html
    assert GRANDPARENT_A in html  # its own unit's ancestor stays in the breadcrumbs
    for hidden in (PARENT_B, CHILD_B, DRAFT):
        assert hidden not in html
    office = client_for(world, "office").get(url).content.decode()
    for shown in (PARENT_B, CHILD_B, DRAFT, GRANDPARENT_A):
        assert shown in office


def test_liaison_task_api_hides_the_parent_and_children_of_other_units(
    world: SimpleNamespace, family: SimpleNamespace
) -> None:
    url = f"/api/tasks/{world.task_a.pk}"
    response = client_for(world, "liaison_a").get(url)
    assert response.status_code == 200
    body = response.json()
    assert body["parent"] is None and body["parent_id"] is None
    assert body["children"] == []
    assert body["source"] is None
    for hidden in (PARENT_B, CHILD_B, DRAFT):
        assert hidden not in response.content.decode()
    office = client_for(world, "office").get(url).json()
    assert office["parent"]["name"] == PARENT_B
    assert [c["name"] for c in office["children"]] == [CHILD_B]
    assert office["source"]["document"]["name"] == DRAFT


def test_liaison_sees_its_own_units_children(
    world: SimpleNamespace, family: SimpleNamespace
) -> None:
    own = Task.objects.create(document=world.doc_a, title="甲单位的下级任务", parent=world.task_a)
    Assignment.objects.create(task=own, unit=world.a, role="responsible")
    body = client_for(world, "liaison_a").get(f"/api/tasks/{world.task_a.pk}").json()
    assert [c["name"] for c in body["children"]] == ["甲单位的下级任务"]
    html = client_for(world, "liaison_a").get(reverse("task-detail", args=[world.task_a.pk]))
    assert "甲单位的下级任务" in html.content.decode()


def test_task_history_names_an_out_of_scope_parent_only_for_those_who_see_it(
    world: SimpleNamespace, family: SimpleNamespace
) -> None:
    def values(role: str) -> list[str]:
        changes = history_for(world.task_a, user=fresh(world, role))
        return [v for c in changes for f in c.fields for v in (f.old, f.new)]

    assert PARENT_B not in values("liaison_a") and "（无权查看）" in values("liaison_a")
    assert PARENT_B in values("office")
