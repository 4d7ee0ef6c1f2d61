"""Background work of the documents domain: reading and extracting an uploaded file.

The upload page stores the file and starts a `document_extract` job; the queue's worker runs
this (the file is parsed in a bounded child process, see document_extract) and the job page
sends the office on to the review.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.urls import reverse

from tuijin.core.jobs import Outcome, job
from tuijin.core.models import Job

from .choices import DocumentStatus
from .services import document_extract

PENDING = "uploads/pending/"


@job("document_extract")
def extract_upload(row: Job, stored: str, filename: str, user_id: int | None) -> Outcome:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    with default_storage.open(stored, "rb") as handle:
        data = handle.read()
    try:
        document = document_extract(data=data, filename=filename, actor=user)
    finally:
        default_storage.delete(stored)  # kept only while the job may still need it
    if document.status == DocumentStatus.CONFIRMED:
        return Outcome(url=document.get_absolute_url(), note="该文件此前已入库，未重复导入。")
    return Outcome(url=reverse("document-review", args=[document.pk]), note="提取完成，请审核。")
