"""The index folder and every file in it that the program writes.

A folder is an index when it holds our marker (``reports-index.json``). The program
only ever deletes files it can name: Whoosh's table of contents, segment and lock files
and our own sidecar files. Anything else in the folder is the user's and is left alone;
a folder tree is never removed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import ReportsError, UsageError

MARKER_FILE = "reports-index.json"  # the format version; says "this folder is an index"
MANIFEST_FILE = "reports-manifest.json"
CACHE_FILE = "reports-cache.json"
THEMES_FILE = "reports-themes.toml"  # the copy of `index --themes FILE`
INDEX_NAME = "MAIN"

# files earlier versions wrote under other names: ours to replace or delete
_LEGACY_FILES = ("reports-manifest.pickle", "reports-cache.pickle")

_OWN_NAMES = frozenset({MARKER_FILE, MANIFEST_FILE, CACHE_FILE, THEMES_FILE,
                        f"{INDEX_NAME}_WRITELOCK", *_LEGACY_FILES})
# Whoosh: ``_MAIN_<generation>.toc`` and ``MAIN_<16-character segment id>.<part>``
# (segment parts include our ``.facets`` tables); hidden ``.<name>.<pid>.tmp`` files are
# our sidecars being written
_OWN_PATTERNS = (
    re.compile(rf"_{INDEX_NAME}_\d+\.toc"),
    re.compile(rf"{INDEX_NAME}_[0-9a-z]{{16}}\.[A-Za-z0-9_.]+"),
    re.compile(rf"\.(reports-[\w.-]+|{INDEX_NAME}_[0-9a-z]{{16}}\.facets)\.\d+\.tmp"),
)


def is_own_file(name: str) -> bool:
    """A file name the index writes (and so may delete)."""
    return name in _OWN_NAMES or any(p.fullmatch(name) for p in _OWN_PATTERNS)


def is_index_folder(path: Path) -> bool:
    return (Path(path) / MARKER_FILE).is_file()


def _holds_whoosh_index(path: Path) -> bool:
    return any(re.fullmatch(rf"_{INDEX_NAME}_\d+\.toc", p.name) for p in _entries(path))


def _entries(path: Path) -> list[Path]:
    try:
        return list(Path(path).iterdir())
    except OSError as exc:
        raise ReportsError(f"{path}: cannot read the index folder ({exc.strerror})") from None


def claim_folder(path: Path, format_version: int) -> None:
    """Make ``path`` an index folder: create it when missing, mark it when empty.
    A folder that holds anything else and no marker is refused (it is not ours)."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: --index must be a folder, and this is a file")
    if is_index_folder(path):
        return
    if path.is_dir() and _entries(path):
        raise UsageError(
            f"{path}: folder is not empty and is not a reports index; give --index a new "
            "or empty folder (nothing in it was changed)")
    try:
        path.mkdir(parents=True, exist_ok=True)
        write_marker(path, format_version)
    except OSError as exc:
        raise ReportsError(f"{path}: cannot create index ({exc.strerror})") from None


def write_marker(path: Path, format_version: int) -> None:
    (Path(path) / MARKER_FILE).write_text(json.dumps({"format": format_version}))


def read_marker(path: Path) -> int | None:
    try:
        return json.loads((Path(path) / MARKER_FILE).read_text()).get("format")
    except (OSError, ValueError, AttributeError):
        return None


def has_whoosh_index(path: Path) -> bool:
    return Path(path).is_dir() and _holds_whoosh_index(path)


def clear_index_files(path: Path) -> list[str]:
    """Delete every file the index wrote (but the marker) and nothing else: what
    ``--rebuild`` does before a fresh index is written. Returns the names deleted."""
    path = Path(path)
    if not is_index_folder(path):
        return []
    deleted = []
    for entry in _entries(path):
        if entry.name != MARKER_FILE and is_own_file(entry.name) and entry.is_file() \
                and not entry.is_symlink():
            try:
                entry.unlink()
                deleted.append(entry.name)
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise ReportsError(f"{entry}: cannot delete ({exc.strerror})") from None
    return deleted


def drop_legacy_files(path: Path) -> None:
    """Sidecars earlier versions kept as pickles are deleted unread (loading a pickle
    runs whatever code it names)."""
    for name in _LEGACY_FILES:
        try:
            (Path(path) / name).unlink()
        except OSError:
            pass
