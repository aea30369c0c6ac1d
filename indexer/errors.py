"""The project's error types. The library raises these; only the CLI turns them into exits."""


class ReportsError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(ReportsError):
    """A report file cannot be read or understood (the CLI exits 1 and goes on)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexLockedError(ReportsError):
    """Another indexer holds the write lock."""


class IndexMissingError(ReportsError):
    """No index at the given location."""


class IndexVersionError(ReportsError):
    """The index was written by an incompatible version."""


class UsageError(ReportsError):
    """A bad query, filter or option value (the CLI exits 2)."""
