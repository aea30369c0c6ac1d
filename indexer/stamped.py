"""Cache files kept beside the index: pickles written whole or not at all, and read back
only when they carry the stamp the reader expects (a format version, an index
generation). A cache that cannot be written or read is rebuilt, never an error."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

_UNREADABLE = (OSError, EOFError, ValueError, TypeError, AttributeError,
               pickle.UnpicklingError)


def write_stamped(target: Path, stamp, *parts) -> None:
    """The stamp, then each part, as consecutive pickles: a reader can stop after the
    parts it needs. Written under a hidden name and renamed (a reader never sees half a
    file, and Whoosh's clean-up ignores hidden files)."""
    target = Path(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(partial, "wb") as handle:
            for part in (stamp, *parts):
                pickle.dump(part, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)  # a read-only index is used without the cache


def read_stamped(target: Path, stamp, count: int) -> list | None:
    """The first ``count`` parts, or None when the file is missing, damaged or written
    under another stamp."""
    try:
        with open(target, "rb") as handle:
            if pickle.load(handle) != stamp:
                return None
            return [pickle.load(handle) for _ in range(count)]
    except _UNREADABLE:
        return None
