"""Work done in a forked child process while the parent goes on with the rest.

The command line extracts long documents on two cores this way: a child starts on the pieces of
the project and mention stages while the parent runs the others, then both share what is left of
those pieces (Shared; Forked runs one piece of work in a child). The child shares the parent's
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
import struct
import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Generic, TypeVar

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


_TOKEN = struct.Struct("=I")
_MAX_PIECES = 16_000  # their numbers must fit a pipe's buffer (64 KiB) before anyone reads


class Shared(Generic[T]):
    """Independent pieces of work done by this process and one forked child together.

    The pieces come in two groups, and each group's numbers wait in a pipe of their own. The
    child starts on the first group at once; this process starts on the second when it asks for
    a result; each, when its own group is empty, helps with the other. Whichever process is free
    reads the next number (a read of a few bytes from a pipe is atomic) and does that piece, so
    both stay busy until the last piece is taken, however the machine shares its cores. A
    piece's error is kept with the piece and raised only to the one who asks for that piece,
    except an error of the `stop` kinds (the caller's time limit) raised here, which goes up at
    once. Without a child (no fork, or it died), every piece not yet done is done here. Pieces are
    numbered across the groups: the first group's, then the second's.
    """

    def __init__(
        self,
        first: Sequence[Callable[[], T]],
        second: Sequence[Callable[[], T]] = (),
        *,
        stop: tuple[type[BaseException], ...] = (),
    ) -> None:
        self._pieces = [*first, *second]
        self._stop = stop
        self._done: dict[int, tuple[bool, Any]] = {}
        self._fds: list[int] = []  # the first group's pipe, then the second's
        self._child: Forked[dict[int, tuple[bool, bytes]]] | None = None
        if not can_fork() or not 1 < len(self._pieces) <= _MAX_PIECES:
            return
        for numbers in (range(len(first)), range(len(first), len(self._pieces))):
            read_fd, write_fd = os.pipe()
            try:
                os.write(write_fd, b"".join(_TOKEN.pack(i) for i in numbers))
            finally:
                os.close(write_fd)  # an empty pipe now reads as its end
            self._fds.append(read_fd)
        self._child = Forked(partial(self._take_in_child, self._fds))

    def _take_all(self, fds: list[int], into: dict[int, tuple[bool, Any]]) -> None:
        """Do the pieces waiting in `fds`, one pipe after the other, into `into` by number.

        A piece's error is kept with the piece, except one of the `stop` kinds (the caller's
        time limit), which goes straight up; what was done before it stays in `into`.
        """
        for fd in fds:
            while len(token := os.read(fd, _TOKEN.size)) == _TOKEN.size:
                (i,) = _TOKEN.unpack(token)
                try:
                    into[i] = (True, self._pieces[i]())
                except self._stop:
                    raise
                except Exception as exc:
                    into[i] = (False, exc)

    def _take_in_child(self, fds: list[int]) -> dict[int, tuple[bool, bytes]]:
        """The child's pieces: each outcome (an error too) pickled as soon as it is there, so
        that little is left to do between the last piece and the report, which always pickles."""
        done: dict[int, tuple[bool, bytes]] = {}
        for fd in fds:
            while len(token := os.read(fd, _TOKEN.size)) == _TOKEN.size:
                (i,) = _TOKEN.unpack(token)
                try:
                    done[i] = (True, _dumps(self._pieces[i]()))
                except Exception as exc:  # kept for whoever asks for this piece
                    done[i] = (False, _dumps(exc))
        return done

    def result(self, i: int) -> T:
        """Piece `i`'s result (its error raised here); all pieces are finished by the first call."""
        if self._child is not None:
            self._take_all(self._fds[::-1], self._done)
            for k, (ok, data) in self._child.result().items():
                self._done[k] = (ok, pickle.loads(data) if ok else _loads_error(data))
            self._close()
        if i not in self._done:  # not shared, or taken by a child that died
            try:
                self._done[i] = (True, self._pieces[i]())
            except Exception as exc:
                self._done[i] = (False, exc)
        ok, value = self._done[i]
        if not ok:
            raise value
        result: T = value
        return result

    def cancel(self) -> None:
        """Stop the child if it is still working (on a time-out or an error here)."""
        if self._child is not None:
            self._child.cancel()
            self._close()

    def _close(self) -> None:
        self._child = None
        for fd in self._fds:
            os.close(fd)
        self._fds = []


def _dumps(value: Any) -> bytes:
    """A piece's outcome as bytes; an error that does not pickle is sent as its description."""
    try:
        return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception:
        if not isinstance(value, BaseException):
            raise
        return pickle.dumps(RuntimeError(repr(value)), pickle.HIGHEST_PROTOCOL)


def _loads_error(data: bytes) -> BaseException:
    """An error sent by the child (one whose class cannot be rebuilt here is described)."""
    try:
        error = pickle.loads(data)
    except Exception as exc:
        return RuntimeError(f"子进程中的错误无法还原：{type(exc).__name__}")
    return error if isinstance(error, BaseException) else RuntimeError(repr(error))
