"""`tuijin ingest ../shared/corpus/*.txt` on the demo region: every document loads with its
sources, and the zones, clusters and units it names are the demo's own rows, shared across
documents. The corpus is read where it lies (never copied here); without it the tests skip, unless
TUIJIN_REQUIRE_CORPUS=1 (CI), when they fail."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count

from tuijin.demo.loader import load_demo
from tuijin.documents.loader import LoadReport
from tuijin.documents.models import Document, Provenance
from tuijin.documents.services import document_ingest
from tuijin.geo.models import Area
from tuijin.industry.models import Cluster
from tuijin.orgs.models import Unit

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
FILES = sorted(CORPUS.glob("*.txt"))

REQUIRED = os.environ.get("TUIJIN_REQUIRE_CORPUS") == "1"

pytestmark = pytest.mark.skipif(
    not FILES and not REQUIRED, reason="../shared/corpus is not beside the project"
)

LINKED_KINDS = (Area, Cluster, Unit)


@pytest.fixture(scope="module")
def ingested(
    django_db_setup: None, django_db_blocker: Any
) -> Iterator[list[tuple[Document, LoadReport]]]:
    """The demo region, then the corpus ingested into it once for this module."""
    if not FILES:
        pytest.fail(f"no documents in {CORPUS} (TUIJIN_REQUIRE_CORPUS=1)")
    with django_db_blocker.unblock():
        load_demo(password="demo-pass")
        yield [document_ingest(path=path) for path in FILES]
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def corpus(ingested: list[tuple[Document, LoadReport]], db: None) -> list[Document]:
    return [document for document, _ in ingested]


def _linked(document: Document, model: type) -> set[int]:
    kind = ContentType.objects.get_for_model(model)
    rows = Provenance.objects.filter(document=document, content_type=kind)
    return set(rows.values_list("object_id", flat=True))


def test_every_document_loads_with_sources(corpus: list[Document]) -> None:
    assert len(corpus) == len(FILES)
    for document in corpus:
        assert document.provenance.count() > 0, document.original_name


def test_every_zone_cluster_and_unit_a_document_names_is_linked_to_it(
    corpus: list[Document],
) -> None:
    checked = 0
    for document in corpus:
        for model in LINKED_KINDS:
            linked = _linked(document, model)
            named = [o for o in model.objects.all() if o.name in document.text]
            missing = sorted(o.name for o in named if o.pk not in linked)
            assert not missing, (document.original_name, model.__name__, missing)
            checked += len(named)
    assert checked >= len(corpus)


def test_the_documents_meet_in_the_same_area_and_cluster_rows(corpus: list[Document]) -> None:
    for model in (Area, Cluster):
        shared = set.intersection(*(_linked(document, model) for document in corpus))
        assert shared, f"no {model.__name__} is linked from all {len(corpus)} documents"


def test_a_unit_named_in_several_documents_is_one_row(corpus: list[Document]) -> None:
    kind = ContentType.objects.get_for_model(Unit)
    across = (
        Provenance.objects.filter(document__in=corpus, content_type=kind)
        .values("object_id")
        .annotate(documents=Count("document", distinct=True))
        .filter(documents__gte=2)
    )
    assert across.exists()
    names = Unit.objects.values("name").annotate(n=Count("id")).filter(n__gt=1)
    assert not names.exists(), list(names)


def test_ingesting_the_corpus_again_changes_nothing(corpus: list[Document]) -> None:
    before = Provenance.objects.count(), Document.objects.count(), Unit.objects.count()
    for path in FILES:
        _, report = document_ingest(path=path)
        assert not report.created, (path.name, report.created)
    assert (Provenance.objects.count(), Document.objects.count(), Unit.objects.count()) == before
