"""A library for a long-running reader (the web server): each request gets a library
pinned to one generation of the index, so everything it reads, paragraphs, report
records, people and counts, comes from one commit; a request after a commit gets the
new generation, without a restart.

Whoosh's searchers read their files by seek-then-read and are not safe to share between
threads, so the server keeps a small pool of libraries, one per request in flight. The
first library of a generation loads the report records, the people directory and the
facet tables (under a lock: the cache files beside the index are written by one thread
at a time); the others of that generation share what it loaded."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .core import Library

POOL_SIZE = 4  # libraries in use at once; Python runs one search at a time anyway


class LiveLibrary:
    def __init__(self, path: Path, people_file: Path | None = None, size: int = POOL_SIZE):
        self.path = Path(path)
        self.people_file = people_file
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()  # guards _idle and _warm
        self._opening = threading.Lock()  # one library opened (and caches written) at once
        self._idle: list[Library] = []
        self._warm: Library | None = None
        self._idle.append(self._open())  # no index, a damaged one: fails now

    @contextmanager
    def library(self) -> Iterator[Library]:
        """A library of the newest generation, for one request, used by nobody else."""
        with self._slots:
            library = self._take()
            try:
                yield library
            finally:
                self._give_back(library)

    @property
    def generation(self) -> int:
        with self._lock:
            return self._warm.generation if self._warm is not None else -1

    def close(self) -> None:
        with self._lock:
            for library in self._idle:
                library.close()
            self._idle.clear()

    def _take(self) -> Library:
        latest = self._latest()
        with self._lock:
            while self._idle:
                library = self._idle.pop()
                if library.generation == latest:
                    return library
                library.close()  # an older generation: nobody will ask for it again
        return self._open()

    def _give_back(self, library: Library) -> None:
        with self._lock:
            if self._warm is not None and library.generation == self._warm.generation:
                self._idle.append(library)
                return
        library.close()

    def _latest(self) -> int:
        with self._lock:
            warm = self._warm
        return warm.ix.latest_generation() if warm is not None else -1

    def _open(self) -> Library:
        with self._opening:
            library = Library(self.path, self.people_file, follow_changes=False)
            generation = library.generation
            with self._lock:
                warm = self._warm
            if warm is not None and warm.generation == generation:
                library.share_loaded(warm)
                return library
            # a newer generation (or, after `index --rebuild`, a lower number: any other
            # generation is the index now); segments never change: keep the tables of
            # those still in it
            if warm is not None:
                library.facet_counter.tables.update(warm.facet_counter.tables)
            library.load_everything()
            with self._lock:
                self._warm = library
            return library
