"""Whoosh's multi-process writer with a say in how its sub-writer processes start."""

from __future__ import annotations

from whoosh.multiproc import MpWriter, SubWriterTask


class SubWriter(SubWriterTask):
    """A sub-writer process that first calls ``setup(*setup_args)`` (when given)."""

    setup = None
    setup_args: tuple = ()

    def run(self):
        if self.setup is not None:
            self.setup(*self.setup_args)
        super().run()


class StartingMpWriter(MpWriter):
    """``MpWriter`` whose sub-writers are ``SubWriter``s, each passed to
    ``prepare_sub_writer`` before it starts (Whoosh starts them in ``_new_task``, private
    by name, as the writer fills up)."""

    def prepare_sub_writer(self, task: SubWriter) -> None:
        """Set up ``task`` (its ``setup``) before its process starts."""

    def _new_task(self):
        task = SubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue,
                         self.subargs, self.multisegment)
        self.prepare_sub_writer(task)
        self.tasks.append(task)
        task.start()
        return task
