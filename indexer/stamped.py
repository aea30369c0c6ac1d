"""Cache files kept beside the index: plain JSON, written whole or not at all, and read
back only when they carry the stamp the reader expects (a format version, an index
generation). A cache that cannot be written or read, or was written by someone else,
is a miss and is rebuilt, never an error. Only plain data is stored: reading a cache
never runs code, whoever wrote the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

SIDECAR_VERSION = 1  # the layout of these files; part of every stamp


def write_stamped(target: Path, stamp, *parts) -> None:
    """The stamp, then each part, one JSON document a line: a reader can stop after the
    parts it needs. Written under a hidden name and renamed (a reader never sees half a
    file, and Whoosh's clean-up ignores hidden files)."""
    target = Path(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(partial, "w", encoding="utf-8") as handle:
            for part in ([SIDECAR_VERSION, stamp], *parts):
                handle.write(json.dumps(part, separators=(",", ":")))
                handle.write("\n")
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)  # a read-only index is used without the cache


def read_stamped(target: Path, stamp, count: int) -> list | None:
    """The first ``count`` parts, or None when the file is missing, damaged or written
    under another stamp."""
    try:
        with open(target, encoding="utf-8") as handle:
            if json.loads(handle.readline()) != _plain([SIDECAR_VERSION, stamp]):
                return None
            parts = [json.loads(handle.readline()) for _ in range(count)]
    except (OSError, ValueError):
        return None
    return parts


def _plain(value):
    """The value as it reads back from JSON (tuples become lists)."""
    return json.loads(json.dumps(value))
