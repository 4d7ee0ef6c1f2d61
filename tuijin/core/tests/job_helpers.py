"""Tests' way through a download that is written in the task queue (immediate under pytest)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse


def download(client: Client, url: str, params: dict[str, Any] | None = None) -> tuple[Any, bytes]:
    """GET URL; when it starts a job, follow to the job page and fetch the file it offers.
    Returns (the final response, its body)."""
    response = client.get(url, params or {})
    if response.status_code != 302 or "/jobs/" not in response["Location"]:
        return response, response.content
    page = client.get(response["Location"])
    job = page.context["job"]
    assert job.status == "done", (job.error_code, job.error_message)
    assert reverse("job-download", args=[job.pk]) in page.content.decode()
    file = client.get(reverse("job-download", args=[job.pk]))
    return file, b"".join(file.streaming_content)  # type: ignore[attr-defined]
