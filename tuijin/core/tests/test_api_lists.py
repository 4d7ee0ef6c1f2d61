"""List endpoints: the number of queries does not grow with the number of rows; paging is
stable even when the sort key ties."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tuijin.documents.models import Document
from tuijin.geo.models import Area
from tuijin.industry.models import Cluster
from tuijin.orgs.models import Unit, UnitAlias
from tuijin.plans.models import Assignment, Target, Task
from tuijin.projects.models import Project

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/units",
    "/api/areas",
    "/api/clusters",
    "/api/documents",
    "/api/tasks",
    "/api/targets",
    "/api/projects",
]


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _grow(r: SimpleNamespace, n: int) -> None:
    """N more rows of every listed kind, each with the links its list item shows."""
    for i in range(n):
        unit = Unit.objects.create(name=f"测试单位{i}", parent=r.fgw)
        UnitAlias.objects.create(unit=unit, name=f"测试别名{i}")
        area = Area.objects.create(name=f"测试园区{i}", parent=r.city, managing_unit=unit)
        cluster = Cluster.objects.create(name=f"测试集群{i}", lead_unit=unit)
        document = Document.objects.create(title=f"测试文件{i}", sha256=f"{i:064d}")
        task = Task.objects.create(document=document, title=f"测试任务{i}")
        Assignment.objects.create(task=task, unit=unit, role="lead")
        Assignment.objects.create(task=task, unit=r.gxj, role="responsible")
        Target.objects.create(
            indicator=r.gdp, value=Decimal(i), year=2030 + i, area=area, cluster=cluster
        )
        project = Project.objects.create(
            name=f"测试项目{i}", area=area, cluster=cluster, lead_unit=unit
        )
        project.responsible_units.add(r.fgw, r.gxj)


@pytest.mark.parametrize("url", LISTS)
def test_list_queries_do_not_grow_with_rows(api_session_client, api_ledger, url):
    before = _queries(api_session_client, url)
    _grow(api_ledger, 5)
    assert _queries(api_session_client, url) == before


def test_pages_neither_repeat_nor_skip_rows_when_the_sort_key_ties(
    api_session_client: Client, api_ledger: SimpleNamespace
) -> None:
    for i in range(7):
        Project.objects.create(name=f"同额项目{i}", total_investment=Decimal("1"))
    seen: list[int] = []
    for offset in range(0, 9, 2):
        query: dict[str, str | int] = {"o": "stage", "limit": 2, "offset": offset}
        page = api_session_client.get("/api/projects", query).json()
        seen += [p["id"] for p in page["items"]]
    assert sorted(seen) == sorted(Project.objects.values_list("pk", flat=True))
