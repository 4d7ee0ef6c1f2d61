"""Work run in a forked child gives what it would give in the parent, errors included.

Forking is allowed only in a single-threaded process, and a test run may have other threads
(a live server, a browser driver), so the checks that need a real child run in a fresh
interpreter of their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest

from tuijin.ingest.forked import Forked, can_fork

needs_posix = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def fresh(code: str) -> str:
    """Run `code` in a new single-threaded interpreter; its standard output."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


@needs_posix
def test_work_runs_in_a_child_and_its_result_comes_back() -> None:
    out = fresh(
        """
        import os
        from tuijin.ingest.forked import Forked
        print(Forked(os.getpid).result() != os.getpid())
        print(Forked(lambda: {"名称": ["甲项目", (1, 2)]}).result() == {"名称": ["甲项目", (1, 2)]})
        """
    )
    assert out.split() == ["True", "True"]


def test_an_error_in_the_child_is_raised_in_the_parent() -> None:
    def broken() -> int:
        raise ValueError("坏了")

    with pytest.raises(ValueError, match="坏了"):
        Forked(broken).result()


@needs_posix
def test_a_child_that_dies_without_reporting_leaves_the_work_to_the_parent() -> None:
    out = fresh(
        """
        import os
        from tuijin.ingest.forked import Forked
        parent = os.getpid()

        def dies_in_child():
            if os.getpid() != parent:
                os._exit(3)
            return "在父进程中完成"

        print(Forked(dies_in_child).result())
        """
    )
    assert out == "在父进程中完成"


@needs_posix
def test_cancel_stops_a_running_child() -> None:
    out = fresh(
        """
        import os, time
        from tuijin.ingest.forked import Forked
        job = Forked(lambda: time.sleep(60))
        pid = job._pid
        job.cancel()
        try:
            os.kill(pid, 0)
            print("still there")
        except ProcessLookupError:
            print("gone")
        job.cancel()  # a second cancel is harmless
        print(bool(pid))
        """
    )
    assert out.split() == ["gone", "True"]


def test_with_another_thread_running_the_work_stays_in_this_process() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork()
        assert Forked(os.getpid).result() == os.getpid()
    finally:
        stop.set()
        other.join()


@needs_posix
def test_parallel_extraction_finds_exactly_what_the_serial_one_finds() -> None:
    out = fresh(
        """
        import json, os
        from tuijin.ingest import pipeline
        from tuijin.ingest.pipeline import PARALLEL_MIN_CHARS, extract_text
        from tuijin.ingest.tests.test_pipeline import PLAN

        main, seen = os.getpid(), []
        find = pipeline._find_projects

        def watched(w):
            seen.append(os.getpid() != main)  # recorded in the child when it forks
            return find(w)

        pipeline._find_projects = watched
        text = (PLAN + "\\n") * (PARALLEL_MIN_CHARS // len(PLAN) + 1)
        serial = extract_text(text, name="plan.txt").to_json()
        parallel = extract_text(text, name="plan.txt", parallel=True).to_json()
        print(bool(serial["projects"]), parallel == serial, seen == [False])
        """
    )
    # the child's record stays in the child: the parent saw only the serial call
    assert out.split() == ["True", "True", "True"]
