"""The project's error types. The library raises these; only the CLI turns them into exits."""

from __future__ import annotations

import os
from contextlib import contextmanager


class ReportsError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(ReportsError):
    """A report file cannot be read or understood (the CLI exits 1 and goes on)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputSkipped(InputError):
    """A file left out on purpose (empty, over the size limit): reported, not a failure."""


class IndexLockedError(ReportsError):
    """Another indexer holds the write lock."""


class IndexMissingError(ReportsError):
    """No index at the given location."""


class IndexVersionError(ReportsError):
    """The index was written by an incompatible version."""


class UsageError(ReportsError):
    """A bad query, filter or option value (the CLI exits 2)."""


class IndexDamagedError(ReportsError):
    """The index's files cannot be read back (a damaged segment)."""


@contextmanager
def reporting_damage(index_path):
    """Errors raised inside Whoosh while it reads the index's files mean the files are
    damaged: say so, and how to recover, rather than what broke deep inside."""
    try:
        yield
    except ReportsError:
        raise
    except Exception as exc:
        if not _raised_in_whoosh(exc):
            raise
        raise IndexDamagedError(
            f"{index_path}: the index looks damaged ({type(exc).__name__}: {exc}); "
            "`reports index --rebuild PATH...` recreates it from the report files") from exc


def _raised_in_whoosh(exc: BaseException) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        if f"{os.sep}whoosh{os.sep}" in tb.tb_frame.f_code.co_filename:
            return True
        tb = tb.tb_next
    return False
