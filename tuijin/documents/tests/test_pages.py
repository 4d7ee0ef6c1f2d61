"""Document pages: the list, and the text with every extracted item marked and linked."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tuijin.documents.models import Document
from tuijin.documents.text import Span, marked_text

pytestmark = pytest.mark.django_db


def test_document_list_and_filters(ui_client, ui_world):
    Document.objects.create(title="年度工作要点", kind="notice", sha256="d" * 64)
    response = ui_client.get(reverse("document-list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "河政发〔2025〕7号" in html and "2025-02-10" in html
    rows = {d.title: d for d in response.context["object_list"]}
    assert rows["河谷市产业振兴三年行动方案"].task_count == 2
    by_kind = ui_client.get(reverse("document-list"), {"kind": "notice"})
    assert [d.title for d in by_kind.context["object_list"]] == ["年度工作要点"]
    by_number = ui_client.get(reverse("document-list"), {"q": "河政发"})
    assert [d.title for d in by_number.context["object_list"]] == ["河谷市产业振兴三年行动方案"]
    by_year = ui_client.get(reverse("document-list"), {"year": 2025})
    assert len(by_year.context["object_list"]) == 1


def test_document_detail_marks_and_links_every_span(ui_client, ui_world):
    response = ui_client.get(reverse("document-detail", args=[ui_world.plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    t1, target, p1 = ui_world.t1, ui_world.gdp_base, ui_world.p1
    assert f'id="task-{t1.pk}"' in html
    assert (
        f'<a href="/tasks/{t1.pk}/" title="任务：（一） 建设化工新材料基地">建设化工新材料基地</a>'
        in html
    )
    assert f'id="target-{target.pk}"' in html
    assert f'id="project-{p1.pk}"' in html
    assert f'id="p{ui_world.mention.pk}"' in html  # the unit mentioned in the text
    assert f'href="/units/{ui_world.fgw.pk}/"' in html
    assert "完善食品冷链体系" in html  # listed task without a span
    assert "河政发〔2025〕7号" in html


def test_document_detail_unknown_is_404(ui_client):
    assert ui_client.get(reverse("document-detail", args=[777777])).status_code == 404


def test_document_pages_need_login(client, ui_world):
    assert client.get(reverse("document-list")).status_code == 302
    assert client.get(reverse("document-detail", args=[ui_world.plan.pk])).status_code == 302


def test_marked_text_escapes_and_nests():
    text = "<b>甲乙丙丁</b>"
    spans = [
        Span(3, 7, "/a/", "A", "task", ["task-1"]),
        Span(4, 5, "/b/", "B", "unit", ["p9"]),  # inside the first: anchor only
    ]
    html = marked_text(text, spans)
    assert html.startswith("&lt;b&gt;")
    assert '<span id="task-1" class="anchor"></span><span id="p9" class="anchor"></span>' in html
    assert '<mark class="span-task"><a href="/a/" title="A">甲乙丙丁</a></mark>' in html
    assert html.endswith("&lt;/b&gt;")
