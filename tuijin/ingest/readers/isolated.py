"""Parsing an untrusted file in a child process, under a time and a memory limit.

The child is forked straight from this process when it has a single thread (the command line:
cheap, nothing to import); a process with threads (a web or worker process, which must not fork
itself) starts a fresh interpreter instead (`python -m tuijin.ingest.readers.isolated`) and hands
it the work through its standard input. The child lowers its own address-space limit to what it
already maps plus the budget, runs the function and sends back the result. A child that runs out
of memory, is killed by a native reader aborting (calamine asked for 512 GiB by one crafted
cell), or overstays its time is reported as a coded error (I011, I006); the calling process is
untouched and keeps serving.

    text, encoding = run_isolated(read_bytes, data, name)

The function and its arguments are pickled (by reference: a module-level function of a module
that imports without Django), and so is its result.
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import pickle
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, BinaryIO, TypeVar

from ..errors import OVER_RESOURCES, TIMEOUT, ExtractionError

T = TypeVar("T")

DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MEMORY_MB = 1024


def budget() -> tuple[float, int]:
    """(seconds, megabytes) from TUIJIN_PARSE_TIMEOUT and TUIJIN_PARSE_MEMORY_MB."""
    seconds = _env_number("TUIJIN_PARSE_TIMEOUT", DEFAULT_TIMEOUT_S)
    megabytes = int(_env_number("TUIJIN_PARSE_MEMORY_MB", DEFAULT_MEMORY_MB))
    return seconds, megabytes


def run_isolated(
    func: Callable[..., T],
    *args: Any,
    timeout_s: float | None = None,
    memory_mb: int | None = None,
) -> T:
    """FUNC(*ARGS) computed in a child process; its exception is raised here."""
    default_s, default_mb = budget()
    timeout_s = default_s if timeout_s is None else timeout_s
    memory_mb = default_mb if memory_mb is None else memory_mb
    started = time.monotonic()
    if hasattr(os, "fork") and threading.active_count() == 1:
        ok, value = _forked(func, args, timeout_s, memory_mb, started)
    else:
        ok, value = _spawned(func, args, timeout_s, memory_mb, started)
    if not ok:
        raise value
    result: T = value
    return result


def _forked(
    func: Callable[..., Any], args: tuple[Any, ...], timeout_s: float, mb: int, started: float
) -> tuple[bool, Any]:
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sender, func, args, mb), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout_s):
            raise _overstayed(timeout_s)
        try:
            outcome: tuple[bool, Any] = receiver.recv()
        except (EOFError, OSError):
            child.join(5)
            raise _crashed(mb, child.exitcode, started) from None
    finally:
        receiver.close()
        if child.is_alive():
            with contextlib.suppress(Exception):
                child.kill()
        child.join(5)
        with contextlib.suppress(Exception):
            child.close()
    return outcome


def _spawned(
    func: Callable[..., Any], args: tuple[Any, ...], timeout_s: float, mb: int, started: float
) -> tuple[bool, Any]:
    work = pickle.dumps((func, args, mb), protocol=pickle.HIGHEST_PROTOCOL)
    child = subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "RUST_BACKTRACE": "0"},
    )
    try:
        out, _ = child.communicate(work, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise _overstayed(timeout_s) from None
    try:
        outcome: tuple[bool, Any] = pickle.loads(out)
    except Exception:
        raise _crashed(mb, child.returncode, started) from None
    return outcome


def _overstayed(timeout_s: float) -> ExtractionError:
    return ExtractionError(TIMEOUT, f"文件解析超时（超过 {timeout_s:.0f} 秒），已停止")


def _crashed(mb: int, code: int | None, started: float) -> ExtractionError:
    return ExtractionError(
        OVER_RESOURCES,
        f"文件解析超出资源上限（内存 {mb} MB）或解析程序异常退出"
        f"（退出码 {code}，用时 {time.monotonic() - started:.1f} 秒），已拒绝",
    )


def _outcome(func: Callable[..., Any], args: tuple[Any, ...], mb: int) -> tuple[bool, Any]:
    os.environ["RUST_BACKTRACE"] = "0"  # a native reader's abort: one line, not a backtrace
    faulthandler.disable()  # nor a Python traceback of the child (the parent reports it)
    try:
        _limit_memory(mb)
        return (True, func(*args))
    except ExtractionError as exc:
        return (False, exc)
    except MemoryError:
        return (False, ExtractionError(OVER_RESOURCES, f"文件解析超出内存上限（{mb} MB），已拒绝"))
    except BaseException as exc:  # anything else, as a plain coded error (it pickles)
        return (False, _plain(exc))


def _child(sender: Connection, func: Callable[..., Any], args: tuple[Any, ...], mb: int) -> None:
    outcome = _outcome(func, args, mb)
    try:
        sender.send(outcome)
    except Exception as exc:  # a result too big for the memory left, or one that won't pickle
        with contextlib.suppress(Exception):
            sender.send((False, _plain(exc)))
    finally:
        sender.close()


def _serve_stdin(source: BinaryIO, target: BinaryIO) -> None:
    """The fresh interpreter's side: the work from SOURCE, the pickled outcome to TARGET."""
    func, args, mb = pickle.loads(source.read())
    outcome = _outcome(func, args, mb)
    try:
        payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        payload = pickle.dumps((False, _plain(exc)))
    target.write(payload)
    target.flush()


def _plain(exc: BaseException) -> ExtractionError:
    if isinstance(exc, MemoryError):
        return ExtractionError(OVER_RESOURCES, "文件解析超出内存上限，已拒绝")
    return ExtractionError(OVER_RESOURCES, f"文件解析失败：{type(exc).__name__}")


def _limit_memory(megabytes: int) -> None:
    """Cap the address space at what the child maps now plus MEGABYTES (Linux; elsewhere none)."""
    try:
        with open("/proc/self/statm") as statm:
            mapped = int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return
    limit = mapped + megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        value = float(raw)
    except ValueError:
        return default
    return value if value > 0 else default


if __name__ == "__main__":  # the fresh interpreter of a process with threads (_spawned)
    _serve_stdin(sys.stdin.buffer, sys.stdout.buffer)
