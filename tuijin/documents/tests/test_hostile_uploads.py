"""Crafted files uploaded as a plan or as a ledger are refused with a coded Chinese message, the
server process survives (parsing happens in a bounded child), and nothing is written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tuijin.core.models import Job
from tuijin.documents.models import Document
from tuijin.ingest.tests import hostile
from tuijin.projects.models import Project

MB = 1024 * 1024

HOSTILE = [
    ("far-cell.xlsx", hostile.far_cell_xlsx, "I009"),
    ("dimension.xlsx", hostile.declared_dimension_xlsx, "I009"),
    ("entity.xlsx", hostile.entity_xlsx, "I010"),
    ("bomb.xlsx", lambda: hostile.xlsx_bomb(200 * MB), "I008"),
    ("bomb.docx", lambda: hostile.docx_bomb(200 * MB), "I008"),
    ("entity.docx", hostile.entity_docx, "I010"),
]


@pytest.mark.parametrize(("name", "build", "code"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_crafted_document_upload_is_refused_and_nothing_is_stored(
    ui_client, settings, tmp_path, name, build, code
) -> None:
    settings.MEDIA_ROOT = tmp_path
    response = ui_client.post(
        reverse("document-upload"), {"file": SimpleUploadedFile(name, build())}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[0][0].startswith("/jobs/")  # read in the task queue
    page = response.content.decode()
    assert f"[{code}]" in page and "失败" in page
    job = Job.objects.get()
    assert (job.status, job.error_code) == (Job.Status.FAILED, code)
    assert Document.objects.count() == 0
    assert not any(tmp_path.rglob("*.*"))  # the stored upload is gone too


@pytest.mark.parametrize(("name", "build", "code"), HOSTILE[:4], ids=[h[0] for h in HOSTILE[:4]])
def test_a_crafted_ledger_import_is_refused_and_nothing_is_written(
    ui_client, name, build, code
) -> None:
    response = ui_client.post(
        reverse("project-import"), {"file": SimpleUploadedFile("台账.xlsx", build())}
    )
    assert response.status_code == 200
    assert f"[{code}]" in response.content.decode()
    assert response.context.get("preview") is None
    assert Project.objects.count() == 0


def test_tuijin_import_refuses_a_crafted_ledger_without_crashing(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(hostile.far_cell_xlsx())
    env = {
        **__import__("os").environ,
        "TUIJIN_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": "",
    }
    run = subprocess.run(
        [sys.executable, "-m", "tuijin.cli", "import", "projects", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert run.returncode == 2, (run.returncode, run.stderr[-2000:])  # refused, not 134
    assert "[I009]" in run.stderr
