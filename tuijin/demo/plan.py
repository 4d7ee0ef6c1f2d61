"""The demo's own plan document, ingested through the same path as any upload."""

from __future__ import annotations

from pathlib import Path

from tuijin.documents.loader import LoadReport
from tuijin.documents.models import Document
from tuijin.documents.services import document_ingest

PLAN = Path(__file__).with_name("plan.txt")


def ingest_demo_plan() -> tuple[Document, LoadReport]:
    """Extract plan.txt and load it into the ledger; a second run changes nothing."""
    return document_ingest(path=PLAN)
