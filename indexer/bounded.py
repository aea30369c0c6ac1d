"""Run one conversion in a child process with a time and a memory bound.

A malformed PDF can send a parser into a very long loop, and a small file can unpack into
gigabytes. The conversion runs in a forked child: past its time it is killed, past its
memory it fails with MemoryError, and either way the file is one error line and the run
goes on. Where ``fork`` is missing the conversion runs in this process, unbounded.
"""

from __future__ import annotations

import os
import pickle
import select
import time
import warnings
from collections.abc import Callable

from .errors import InputError, InputSkipped

DEFAULT_TIMEOUT = 120.0  # seconds for one file
DEFAULT_MEMORY = 2 * 1024 ** 3  # bytes of address space a child may add to its parent's


def run_bounded(func: Callable, *args, name: str, timeout: float = DEFAULT_TIMEOUT,
                memory: int = DEFAULT_MEMORY):
    """``func(*args)``, raising InputError naming ``name`` when it fails, takes longer than
    ``timeout`` seconds or needs more than ``memory`` bytes."""
    if not hasattr(os, "fork") or timeout <= 0:
        return _guarded(func, args, name)
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # a multi-threaded parent (a test server) is warned about fork; the child only
        # converts bytes and exits
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        code = 0
        try:
            _limit_memory(memory)
            outcome = _outcome(func, args)
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        data = _read_all(read_end, time.monotonic() + timeout)
    finally:
        os.close(read_end)
    if data is None:
        _kill(pid)
        raise InputError(name, f"took longer than {timeout:g} s to read; skipped "
                         "(a damaged or very complex file?)")
    _, status = os.waitpid(pid, 0)
    if not data:
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else \
            f"exit {os.WEXITSTATUS(status)}"
        raise InputError(name, f"the reader stopped without an answer ({how}); "
                         "out of memory or a damaged file?")
    return _result(pickle.loads(data), name)


def _guarded(func: Callable, args, name: str):
    return _result(_outcome(func, args), name)


def _outcome(func: Callable, args) -> tuple:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ("ok", func(*args))
    except InputError as exc:
        return ("skipped" if isinstance(exc, InputSkipped) else "input", exc.reason)
    except MemoryError:
        return ("input", "needs more memory than one file may use; skipped")
    except RecursionError:
        return ("input", "structure nested too deeply to read")
    except Exception as exc:  # a parser's own error on a malformed file
        message = str(exc).strip().replace("\n", " ")[:200]
        return ("input", f"cannot read ({type(exc).__name__}{': ' + message if message else ''})")


def _result(outcome: tuple, name: str):
    kind, value = outcome
    if kind == "ok":
        return value
    if kind == "skipped":
        raise InputSkipped(name, value)
    raise InputError(name, value)


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None when the deadline passes first."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _kill(pid: int) -> None:
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def _limit_memory(extra: int) -> None:
    try:
        import resource

        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + extra
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # no way to bound it here: the time bound still holds
