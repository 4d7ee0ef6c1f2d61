"""Background jobs: a job records where it stands and how it ended (done with a link, refused with
the service's code, failed after its retries), and its page shows it to the user who started it
and to no one else."""

from __future__ import annotations

import os
import uuid
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tuijin.core.errors import ServiceError
from tuijin.core.jobs import Outcome, _execute, job, job_start, run_job
from tuijin.core.models import Job

CALLS: list[tuple[int, str]] = []


@job("test_echo")
def _echo(row: Job, word: str) -> Outcome:
    CALLS.append((row.pk, word))
    return Outcome(url="/calendar/", note=f"完成：{word}")


@job("test_refuse")
def _refuse(row: Job) -> Outcome:
    raise ServiceError("X099", "测试拒绝")


@job("test_crash")
def _crash(row: Job) -> Outcome:
    raise RuntimeError("断线")


def _user(name: str) -> Any:
    user = get_user_model()(username=name)
    user.set_unusable_password()
    user.save()
    return user


@pytest.mark.django_db
def test_a_job_runs_and_records_its_result() -> None:
    user = _user("a")
    row = job_start(kind="test_echo", label="回声", actor=user, args=("你好",))
    assert (row.status, row.result_url) == (Job.Status.DONE, "/calendar/")
    assert row.result_note == "完成：你好"
    assert row.attempts == 1 and row.started_at and row.finished_at
    assert (row.pk, "你好") in CALLS


@pytest.mark.django_db
def test_a_refusal_fails_the_job_with_the_services_code_and_no_retry() -> None:
    row = job_start(kind="test_refuse", label="拒绝", actor=None)
    assert (row.status, row.error_code) == (Job.Status.FAILED, "X099")
    assert row.error_message == "测试拒绝"
    assert row.attempts == 1


@pytest.mark.django_db
def test_an_error_is_retried_then_fails_with_the_reason() -> None:
    row = job_start(kind="test_crash", label="出错", actor=None)
    assert row.status == Job.Status.QUEUED  # waiting for its retry
    assert row.error_code == "J001" and "断线" in row.error_message
    _execute(row.pk, [], final=True)  # the last attempt
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Job.Status.FAILED, 2)
    assert "断线" in row.error_message


@pytest.mark.django_db
def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ServiceError) as caught:
        job_start(kind="nothing", label="?", actor=None)
    assert caught.value.code == "J002"


@pytest.mark.django_db
def test_the_job_page_shows_the_starter_where_it_stands_and_hides_it_from_others() -> None:
    owner, other = _user("owner"), _user("other")
    row = Job.objects.create(kind="test_echo", label="排队的任务", created_by=owner)
    client = Client()
    client.force_login(owner)
    page = client.get(reverse("job-detail", args=[row.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "排队中" in html and 'http-equiv="refresh"' in html
    client.force_login(other)
    hidden = client.get(reverse("job-detail", args=[row.pk]))
    assert hidden.status_code == 404 and "排队的任务" not in hidden.content.decode()


@pytest.mark.django_db
def test_a_done_job_sends_its_starter_on_to_the_result() -> None:
    owner = _user("owner")
    row = job_start(kind="test_echo", label="回声", actor=owner, args=("好",))
    client = Client()
    client.force_login(owner)
    response = client.get(reverse("job-detail", args=[row.pk]))
    assert response.status_code == 302 and response["Location"] == "/calendar/"


@pytest.mark.django_db
def test_a_failed_job_page_says_why_and_where_to_start_again() -> None:
    owner = _user("owner")
    row = job_start(kind="test_refuse", label="拒绝", actor=owner, start_url="/documents/upload/")
    client = Client()
    client.force_login(owner)
    html = client.get(reverse("job-detail", args=[row.pk])).content.decode()
    assert "[X099] 测试拒绝" in html and 'href="/documents/upload/"' in html
    assert 'http-equiv="refresh"' not in html


REDIS_URL = os.environ.get("TUIJIN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_or_skip() -> object:
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        if os.environ.get("TUIJIN_REQUIRE_REDIS"):
            raise
        pytest.skip(f"Redis 不可用：{REDIS_URL}")
    return redis


@pytest.mark.django_db
def test_a_job_goes_through_redis_to_a_worker_and_back() -> None:
    """The production path: the task is serialised into Redis, dequeued and run as the
    consumer does (huey's own dequeue/execute), and the Job row shows the result."""
    _redis_or_skip()
    from huey import RedisHuey

    queue = RedisHuey(f"tuijin-test-{uuid.uuid4().hex}", url=REDIS_URL)
    try:
        remote = queue.task(retries=1, context=True)(run_job.func)
        row = Job.objects.create(kind="test_echo", label="经 Redis")
        remote(row.pk, ["经过队列"])
        assert queue.pending_count() == 1
        row.refresh_from_db()
        assert row.status == Job.Status.QUEUED  # nothing runs until a worker takes it
        queue.execute(queue.dequeue())
        row.refresh_from_db()
        assert (row.status, row.result_note) == (Job.Status.DONE, "完成：经过队列")
    finally:
        queue.storage.flush_all()


@pytest.mark.django_db
def test_a_job_file_is_downloaded_by_its_starter_only(settings: Any, tmp_path: Any) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    settings.MEDIA_ROOT = tmp_path
    owner, other = _user("owner"), _user("other")
    stored = default_storage.save("exports/x.xlsx", ContentFile(b"PK-data"))
    row = Job.objects.create(
        kind="test_echo",
        label="导出",
        created_by=owner,
        status=Job.Status.DONE,
        result_file=stored,
        result_filename="台账-20261207.xlsx",
    )
    client = Client()
    client.force_login(owner)
    page = client.get(reverse("job-detail", args=[row.pk]))
    assert page.status_code == 200  # a file is offered on the page, not redirected to
    assert reverse("job-download", args=[row.pk]) in page.content.decode()
    file = client.get(reverse("job-download", args=[row.pk]))
    assert b"".join(file.streaming_content) == b"PK-data"  # type: ignore[attr-defined]
    assert "attachment" in file["Content-Disposition"]
    client.force_login(other)
    assert client.get(reverse("job-download", args=[row.pk])).status_code == 404
