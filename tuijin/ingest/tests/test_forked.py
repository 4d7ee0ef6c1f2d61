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
from functools import partial

import pytest

from tuijin.ingest.forked import Forked, Shared, can_fork

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
def test_shared_pieces_are_done_by_both_processes_and_come_back_in_order() -> None:
    out = fresh(
        """
        import os, time
        from tuijin.ingest.forked import Shared

        def piece(i):
            time.sleep(0.02)
            return (i, os.getpid())

        main = os.getpid()
        shared = Shared([lambda i=i: piece(i) for i in range(30)])
        time.sleep(0.1)  # the child starts at once; this process joins in when it asks
        got = [shared.result(i) for i in range(30)]
        print([i for i, _ in got] == list(range(30)))
        print(len({pid for _, pid in got}), any(pid == main for _, pid in got))
        """
    )
    assert out.split() == ["True", "2", "True"]


def test_an_error_in_one_piece_is_raised_only_for_that_piece() -> None:
    def piece(i: int) -> int:
        if i == 2:
            raise ValueError("第三块坏了")
        return i * 10

    shared = Shared([partial(piece, i) for i in range(5)])
    assert [shared.result(i) for i in (0, 1, 3, 4)] == [0, 10, 30, 40]
    with pytest.raises(ValueError, match="第三块坏了"):
        shared.result(2)


@needs_posix
def test_a_stop_error_here_goes_up_at_once_and_the_child_can_be_cancelled() -> None:
    out = fresh(
        """
        import os, time
        from tuijin.ingest.forked import Shared

        class TimeUp(Exception):
            pass

        def slow():
            time.sleep(60)

        def time_up():
            raise TimeUp("时间到")

        shared = Shared([slow] * 4, [time_up, time_up], stop=(TimeUp,))
        started = time.monotonic()
        try:
            shared.result(0)
        except TimeUp:
            print("stopped", time.monotonic() - started < 10)
        shared.cancel()
        """
    )
    assert out == "stopped True"


@needs_posix
def test_pieces_taken_by_a_child_that_dies_are_done_here() -> None:
    out = fresh(
        """
        import os, time
        from tuijin.ingest.forked import Shared
        main = os.getpid()

        def piece(i):
            if os.getpid() != main and i == 3:
                os._exit(3)  # the child dies with pieces taken and not reported
            time.sleep(0.01)
            return i

        shared = Shared([lambda i=i: piece(i) for i in range(10)])
        print([shared.result(i) for i in range(10)] == list(range(10)))
        """
    )
    assert out == "True"


@needs_posix
def test_cancel_stops_the_sharing_child() -> None:
    out = fresh(
        """
        import os, time
        from tuijin.ingest.forked import Shared
        shared = Shared([lambda: time.sleep(60)] * 3)
        pid = shared._child._pid
        shared.cancel()
        try:
            os.kill(pid, 0)
            print("still there")
        except ProcessLookupError:
            print("gone")
        """
    )
    assert out == "gone"


@needs_posix
def test_parallel_extraction_finds_exactly_what_the_serial_one_finds() -> None:
    out = fresh(
        """
        import os
        from tuijin.ingest import pipeline
        from tuijin.ingest.pipeline import PARALLEL_MIN_CHARS, extract_text
        from tuijin.ingest.tests.test_pipeline import PLAN

        main, pids = os.getpid(), set()
        find = pipeline._projects_in

        def watched(*args):
            pids.add(os.getpid())
            return find(*args)

        pipeline._projects_in = watched
        text = (PLAN + "\\n") * (PARALLEL_MIN_CHARS // len(PLAN) + 1)
        serial = extract_text(text, name="plan.txt").to_json()
        parallel = extract_text(text, name="plan.txt", parallel=True).to_json()
        print(bool(serial["projects"]), bool(serial["mentions"]), parallel == serial)
        """
    )
    assert out.split() == ["True", "True", "True"]
