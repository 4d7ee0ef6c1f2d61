"""Run one piece of work in a forked child process while the parent goes on with the rest.

The command line extracts long documents on two cores this way: the project stage, the costliest,
runs in a child while the parent runs the figure and mention stages. The child shares the parent's
memory copy-on-write, so nothing is copied in and only the (small) result comes back, pickled,
through a pipe. Only a single-threaded process on a POSIX system forks (forking a process with
other threads can deadlock the child); anywhere else, and when the child fails to report, the work
runs in the parent, so the result is the same either way.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """True where forking is safe: a POSIX system and a process with one thread."""
    return hasattr(os, "fork") and threading.active_count() == 1


class Forked(Generic[T]):
    """`work()` computed in a child process; `result()` waits for it (or computes it here)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._pid = 0
        self._read_fd = -1
        if not can_fork():
            return
        try:
            read_fd, write_fd = os.pipe()
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:  # no process to spare: the parent does the work
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the child: compute, send, leave without running the parent's exit code
            os.close(read_fd)
            status = 0
            try:
                signal.signal(signal.SIGALRM, signal.SIG_DFL)
                try:
                    payload = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
                except Exception as exc:  # reported to the parent, which raises it there
                    payload = pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_fd, "wb") as out:
                    out.write(payload)
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd

    def result(self) -> T:
        """The child's result (its exception is raised here); computed here if it sent none."""
        if not self._pid:
            return self._work()
        with os.fdopen(self._read_fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self._pid, 0)
        self._pid = 0
        try:
            ok, value = pickle.loads(data)
        except Exception:  # the child died before it could report: do the work here
            return self._work()
        if not ok:
            raise value
        result: T = value
        return result

    def cancel(self) -> None:
        """Stop the child if it is still running (on a time-out or an error in the parent)."""
        if not self._pid:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)
        os.close(self._read_fd)
        self._pid = 0
