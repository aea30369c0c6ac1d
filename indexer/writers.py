"""Whoosh writers as the indexer needs them: one process for small jobs, several for
large ones, and in both cases a lock that is always freed and no process left behind.

Whoosh's multi-process writer forks sub-writers that each build their own segment
(``multisegment``: no final merge in one process). As shipped it leaves them waiting
forever when the parent is cancelled or killed, and they die with a traceback on Ctrl-C;
the subclasses here make them ignore Ctrl-C, exit when their parent is gone, and stop
when the writer is cancelled.
"""

from __future__ import annotations

import os
import signal
import threading

from .whoosh_ext.multiproc import StartingMpWriter, SubWriter

# per writer process, before it spills a sorted run to disk. Whoosh's estimate runs low:
# a sub-writer held ~190 MB at 128 (two of them 386 of the indexer's 506 MB at its peak,
# one decade of speeches); at 32 the whole indexer peaked at 262-266 MB, with no
# measurable cost in time (the final merge of runs streams)
WRITER_MEMORY_MB = 32
TINY_SEGMENT_DOCS = 5_000


def merge_tiny(writer, segments):
    """Merge policy: fold segments under TINY_SEGMENT_DOCS documents into the new one and
    leave the others alone. Whoosh's default merges ever larger segments as they pile up,
    in one process, which turns a long run into a series of near-full rewrites; here a
    large job leaves a handful of large segments and a small update stays small."""
    from whoosh.reading import SegmentReader

    kept = []
    tiny = [s for s in segments if s.doc_count_all() < TINY_SEGMENT_DOCS]
    if len(tiny) < 2:
        return segments
    for segment in segments:
        if segment in tiny:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        else:
            kept.append(segment)
    return kept


def exit_with_parent(inherited_lock_fd: int | None = None) -> None:
    """In a worker process: ignore Ctrl-C (the parent handles it once), let go of the
    parent's index lock (a lock lives as long as any process holds its file, so a worker
    outliving a killed parent would keep the index locked) and exit as soon as the
    parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if inherited_lock_fd is not None:
        try:
            os.close(inherited_lock_fd)
        except OSError:
            pass
    parent = os.getppid()

    def watch():
        while True:
            threading.Event().wait(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class ParallelWriter(StartingMpWriter):
    """Documents go to ``procs`` sub-writer processes, each writing its own segment."""

    def prepare_sub_writer(self, task: SubWriter) -> None:
        task.setup, task.setup_args = exit_with_parent, (lock_fd(self),)

    def cancel(self):
        # the sub-writers wait on a queue: stop them outright; their half-written
        # segments are not in the table of contents and are cleaned up later
        for task in self.tasks:
            if task.is_alive():
                task.terminate()
        for task in self.tasks:
            task.join(timeout=5)
        self.tasks = []
        super().cancel()


def lock_fd(writer) -> int | None:
    """The file descriptor of a writer's lock, for worker processes to close."""
    return getattr(getattr(writer, "writelock", None), "fd", None)


def open_writer(ix, *, procs: int = 1, wait: float = 0.0):
    """A writer for ``ix``; raises Whoosh's LockError when the lock is not free in time."""
    # compound=False: a segment stays a set of plain files. Whoosh reads a sub-file of a
    # compound segment by copying it into memory, so every new searcher would copy the
    # whole index; plain files are read in place.
    options = {"limitmb": WRITER_MEMORY_MB, "compound": False}
    if wait:
        options.update(timeout=wait, delay=0.25)
    if procs > 1:
        return ParallelWriter(ix, procs=procs, multisegment=True, batchsize=256, **options)
    return ix.writer(**options)
