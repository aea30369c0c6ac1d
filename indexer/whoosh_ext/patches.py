"""Changes to Whoosh, applied once for the whole program by ``install()`` when an index
is opened (both writing and searching read columns).

- Whoosh re-checks the disk for a column it found missing, once per posting written
  (a stat per posting); the answer is remembered instead.
- Scoring reads a paragraph's field length for every match, each a seek and a one-byte
  read; a segment's lengths (one byte a document) are read once into memory instead.
- Whoosh's clean-up after a commit deletes only files named like its own segments."""

from __future__ import annotations

import re
from itertools import accumulate

from whoosh.codec import whoosh3
from whoosh.index import TOC

_MISSING = object()


def _lengths_in_memory(reader, doccount: int):
    """The column's bytes, padded with the default (0) to the segment's document count:
    indexing ``bytes`` gives the byte as an int, as the column reader would."""
    try:
        data = reader._dbfile.get(reader._basepos, reader._count * reader._fixedlen)
    except AttributeError:  # another column layout: keep Whoosh's reader
        return reader
    if reader._fixedlen != 1:
        return reader
    return bytes(data).ljust(doccount, b"\0")


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        if reader is not None and column is whoosh3.LENGTHS_COLUMN:
            reader = _lengths_in_memory(reader, self._doccount)
        self._readers[fieldname] = reader
    return reader




def _read_ids(self):
    # Whoosh decodes a block's delta-encoded document numbers with a Python generator,
    # a call per posting; itertools.accumulate does the same sums in C
    if self._data is None:
        self._read_data()
    ids = self._data[0]
    self._ids = ids if self._byteids else tuple(accumulate(ids))




def _segment_pattern(cls, indexname):
    # Whoosh deletes, after each commit, every file matching this that belongs to no
    # current segment; as shipped it matches any "MAIN_anything.ext" a user may keep in
    # the folder. Segment ids are 16 lower-case letters and digits: match only those.
    return re.compile(rf"({re.escape(indexname)}_[0-9a-z]{{16}})[.][A-Za-z0-9_.]+$")


def install() -> None:
    """Apply the changes (again is harmless)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3LeafMatcher._read_ids = _read_ids
    TOC._segment_pattern = classmethod(_segment_pattern)


def installed() -> bool:
    """Whether the changes are in place (a test checks that the fast paths are taken)."""
    return whoosh3.W3PerDocReader._cached_reader is _cached_reader and \
        whoosh3.W3LeafMatcher._read_ids is _read_ids
