"""A liaison's list pages, search (`?q=`), filters and API lists never hold another unit's rows;
the office, the leader and the admin see all of them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.urls import reverse

from tuijin.core.tests.job_helpers import download

from .conftest import client_for

pytestmark = pytest.mark.django_db


def _titles(world: SimpleNamespace) -> dict[str, tuple[list[str], list[str]]]:
    """kind → (titles unit A's liaison sees, titles it must never see)."""
    return {
        "tasks": (
            [world.task_a.title, world.task_shared.title],
            [world.task_b.title],
        ),
        "projects": (
            [world.project_a.name, world.project_shared.name],
            [world.project_b.name],
        ),
        "documents": ([world.doc_a.title, world.doc_b.title], [world.draft.title]),
    }


WEB_LISTS = {"tasks": "task-list", "projects": "project-list", "documents": "document-list"}


@pytest.mark.parametrize("kind", list(WEB_LISTS))
@pytest.mark.parametrize(
    "query",
    [{}, {"q": "乙"}, {"q": "项目"}, {"unit": "B"}, {"unit": "A"}, {"o": "-id"}],
    ids=["all", "search-b", "search", "filter-unit-b", "filter-unit-a", "sorted"],
)
def test_liaison_web_lists_hold_only_its_units_rows(
    world: SimpleNamespace, kind: str, query: dict[str, str]
) -> None:
    params = {
        k: (str(getattr(world, v.lower()).pk) if k == "unit" else v) for k, v in query.items()
    }
    html = client_for(world, "liaison_a").get(reverse(WEB_LISTS[kind]), params).content.decode()
    visible, hidden = _titles(world)[kind]
    for title in hidden:
        assert title not in html
    if not query and kind != "documents":
        for title in visible:
            assert title in html


API_LISTS = {
    "tasks": ("/api/tasks", "title"),
    "projects": ("/api/projects", "name"),
    "documents": ("/api/documents", "title"),
}


@pytest.mark.parametrize("kind", list(API_LISTS))
@pytest.mark.parametrize(
    "query",
    [{}, {"q": "乙"}, {"unit": "B"}, {"limit": "500"}],
    ids=["all", "search-b", "filter-unit-b", "big-page"],
)
def test_liaison_api_lists_hold_only_its_units_rows(
    world: SimpleNamespace, kind: str, query: dict[str, str]
) -> None:
    path, field = API_LISTS[kind]
    params = {k: (str(world.b.pk) if k == "unit" else v) for k, v in query.items()}
    body = client_for(world, "liaison_a").get(path, params).json()
    names = {item[field] for item in body["items"]}
    visible, hidden = _titles(world)[kind]
    assert not names & set(hidden)
    assert body["count"] == len(names)
    if not query:
        assert names == set(visible)


def test_liaison_filter_by_other_unit_gives_only_shared_rows(world: SimpleNamespace) -> None:
    client = client_for(world, "liaison_a")
    tasks = client.get("/api/tasks", {"unit": world.b.pk}).json()["items"]
    assert [t["title"] for t in tasks] == [world.task_shared.title]
    projects = client.get("/api/projects", {"unit": world.b.pk}).json()["items"]
    assert [p["name"] for p in projects] == [world.project_shared.name]


def test_liaison_submissions_are_its_own(world: SimpleNamespace) -> None:
    client = client_for(world, "liaison_a")
    body = client.get("/api/submissions").json()
    assert [s["id"] for s in body["items"]] == [world.sub_a.pk]
    assert client.get("/api/submissions", {"unit": world.b.pk}).json()["count"] == 0
    assert client.get("/api/submissions", {"q": world.b.name}).json()["count"] == 0


@pytest.mark.parametrize("role", ["office", "leader", "admin"])
def test_office_leader_and_admin_see_every_row(world: SimpleNamespace, role: str) -> None:
    client = client_for(world, role)
    assert client.get("/api/tasks").json()["count"] == 3
    assert client.get("/api/projects").json()["count"] == 3
    assert client.get("/api/documents").json()["count"] == 3
    assert client.get("/api/submissions").json()["count"] == 2


def test_a_user_without_role_sees_reference_data_only(world: SimpleNamespace) -> None:
    client = client_for(world, "norole")
    for path in ("/api/tasks", "/api/projects", "/api/documents", "/api/submissions"):
        assert client.get(path).json()["count"] == 0, path
    assert client.get("/api/units").json()["count"] == 2
    assert client.get("/api/targets").json()["count"] == 1
    assert client.get(reverse("overview")).status_code == 200


def test_unit_page_of_another_unit_shows_public_part_only(world: SimpleNamespace) -> None:
    html = client_for(world, "liaison_a").get(reverse("unit-detail", args=[world.b.pk]))
    text = html.content.decode()
    assert world.b.name in text
    assert world.task_shared.title in text  # shared with A
    assert world.task_b.title not in text
    assert world.project_b.name not in text
    own = client_for(world, "liaison_a").get(reverse("unit-detail", args=[world.a.pk]))
    assert world.task_a.title in own.content.decode()


def test_liaison_board_shows_its_own_row(world: SimpleNamespace) -> None:
    from tuijin.reporting.selectors import cycle_board

    from .conftest import fresh

    board = cycle_board(fresh(world, "liaison_a"), world.period)
    assert [row.unit for row in board.rows] == [world.a]
    assert len(cycle_board(fresh(world, "office"), world.period).rows) == 2


def test_liaison_warnings_are_its_units(world: SimpleNamespace) -> None:
    from django.utils import timezone

    from tuijin.reporting.models import Warning
    from tuijin.reporting.selectors import warning_list

    from .conftest import fresh

    now = timezone.now()
    for task in (world.task_a, world.task_b):
        Warning.objects.create(
            task=task, level="red", reason="逾期", changed_at=now, computed_at=now
        )
    Warning.objects.create(
        target=world.target, level="yellow", reason="滞后", changed_at=now, computed_at=now
    )
    rows = list(warning_list(fresh(world, "liaison_a")))
    assert {(w.task_id, w.target_id) for w in rows} == {
        (world.task_a.pk, None),
        (None, world.target.pk),
    }
    assert warning_list(fresh(world, "leader")).count() == 3


def test_document_page_links_only_visible_tasks(world: SimpleNamespace) -> None:
    from django.contrib.contenttypes.models import ContentType

    from tuijin.documents.models import Provenance
    from tuijin.documents.selectors import document_provenance

    from .conftest import fresh

    world.doc_b.text = "乙牵头培育工业互联网；乙牵头甲参与的园区提升"
    world.doc_b.save()
    ctype = ContentType.objects.get_for_model(world.task_b)
    for task, start in ((world.task_b, 0), (world.task_shared, 11)):
        Provenance.objects.create(
            document=world.doc_b, content_type=ctype, object_id=task.pk, start=start, end=start + 5
        )
    seen = [obj for _row, obj in document_provenance(fresh(world, "liaison_a"), world.doc_b)]
    assert seen == [world.task_shared]
    assert len(document_provenance(fresh(world, "office"), world.doc_b)) == 2


def _xlsx_text(data: bytes) -> str:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return " ".join(
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )


@pytest.mark.parametrize(
    ("name", "mine", "other"),
    [("task-export", "task_a", "task_b"), ("project-export", "project_a", "project_b")],
)
def test_liaison_exports_hold_only_its_units_rows(
    world: SimpleNamespace, name: str, mine: str, other: str
) -> None:
    def label(key: str) -> str:
        obj = getattr(world, key)
        return str(getattr(obj, "title", None) or obj.name)

    response, data = download(client_for(world, "liaison_a"), reverse(name), {"unit": world.b.pk})
    assert response.status_code == 200
    assert label(other) not in _xlsx_text(data)
    everything = _xlsx_text(download(client_for(world, "liaison_a"), reverse(name))[1])
    assert label(mine) in everything and label(other) not in everything
    assert label(other) in _xlsx_text(download(client_for(world, "office"), reverse(name))[1])


def test_counts_beside_units_areas_and_clusters_tell_a_liaison_no_more_than_its_rows(
    world: SimpleNamespace,
) -> None:
    from tuijin.geo.models import Area
    from tuijin.industry.models import Cluster
    from tuijin.projects.models import Project

    area = Area.objects.create(name="江城经济开发区")
    cluster = Cluster.objects.create(name="江城电子信息产业集群")
    Project.objects.filter(pk__in=[world.project_b.pk, world.project_shared.pk]).update(
        area=area, cluster=cluster
    )

    def counts(role: str) -> tuple[int, int, int, int]:
        client = client_for(world, role)
        units = {u["id"]: u for u in client.get("/api/units", {"limit": 100}).json()["items"]}
        (area_row,) = [a for a in client.get("/api/areas").json()["items"] if a["id"] == area.pk]
        clusters = client.get("/api/clusters").json()["items"]
        (cluster_row,) = [c for c in clusters if c["id"] == cluster.pk]
        b = units[world.b.pk]
        return (
            b["lead_task_count"],
            b["led_project_count"],
            area_row["project_count"],
            cluster_row["project_count"],
        )

    assert counts("office") == (2, 2, 2, 2)
    assert counts("liaison_a") == (1, 1, 1, 1)  # only what B shares with A


def test_the_task_filters_document_choices_are_only_documents_the_user_sees(
    world: SimpleNamespace,
) -> None:
    from tuijin.documents.models import Document

    other = Document.objects.create(title="丙单位内部方案", sha256="4" * 64, status="confirmed")
    html = client_for(world, "liaison_a").get(reverse("task-list")).content.decode()
    assert world.doc_a.title in html
    assert other.title not in html and world.draft.title not in html
    html = client_for(world, "office").get(reverse("task-list")).content.decode()
    assert other.title in html
