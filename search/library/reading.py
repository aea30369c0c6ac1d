"""Errors raised while Whoosh reads an index's files, reported as a damaged index."""

from __future__ import annotations

import functools
import inspect

from indexer.errors import reporting_damage


def reading_index(method):
    """Errors raised while Whoosh reads the index's files are reported as a damaged
    index (see ``indexer.errors.reporting_damage``)."""
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generate(self, *args, **kwargs):
            with reporting_damage(self.path):
                yield from method(self, *args, **kwargs)
        return generate

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        with reporting_damage(self.path):
            return method(self, *args, **kwargs)
    return call
