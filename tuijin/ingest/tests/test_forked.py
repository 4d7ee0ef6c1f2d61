"""Work run in a forked child gives what it would give in the parent, errors included."""

from __future__ import annotations

import os
import threading
import time

import pytest

from tuijin.ingest.forked import Forked, can_fork
from tuijin.ingest.pipeline import PARALLEL_MIN_CHARS, extract_text
from tuijin.ingest.tests.test_pipeline import PLAN

needs_fork = pytest.mark.skipif(not can_fork(), reason="needs a single-threaded POSIX process")


def _where() -> int:
    return os.getpid()


@needs_fork
def test_work_runs_in_a_child_and_its_result_comes_back() -> None:
    assert Forked(_where).result() != os.getpid()
    assert Forked(lambda: {"名称": ["甲项目", (1, 2)]}).result() == {"名称": ["甲项目", (1, 2)]}


def test_an_error_in_the_child_is_raised_in_the_parent() -> None:
    def broken() -> int:
        raise ValueError("坏了")

    with pytest.raises(ValueError, match="坏了"):
        Forked(broken).result()


@needs_fork
def test_a_child_that_dies_without_reporting_leaves_the_work_to_the_parent() -> None:
    parent = os.getpid()

    def dies_in_child() -> str:
        if os.getpid() != parent:
            os._exit(3)
        return "在父进程中完成"

    assert Forked(dies_in_child).result() == "在父进程中完成"


@needs_fork
def test_cancel_stops_a_running_child() -> None:
    job = Forked(lambda: time.sleep(60))
    pid = job._pid
    assert pid
    job.cancel()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # reaped: no such process any more
    job.cancel()  # a second cancel is harmless


def test_with_another_thread_running_the_work_stays_in_this_process() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork()
        assert Forked(_where).result() == os.getpid()
    finally:
        stop.set()
        other.join()


def test_parallel_extraction_finds_exactly_what_the_serial_one_finds() -> None:
    text = (PLAN + "\n") * (PARALLEL_MIN_CHARS // len(PLAN) + 1)
    serial = extract_text(text, name="plan.txt").to_json()
    parallel = extract_text(text, name="plan.txt", parallel=True).to_json()
    assert serial["projects"]
    assert parallel == serial
