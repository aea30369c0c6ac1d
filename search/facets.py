"""Counts per speaker and per theme over a whole result.

Whoosh's overlapping field facet rebuilds, on every search, a list of every document's
values from the postings of every segment: fine for a few hundred paragraphs, seconds
for an archive. Here each paragraph's speakers and themes are read from a column (one
comma-separated value per paragraph, written at index time), for the matched
paragraphs only."""

from __future__ import annotations

from whoosh import sorting


def cached_column(reader, column: str):
    """A segment's column reader, opened once per segment reader: opening one reads an
    offset for every document, which would otherwise happen on every search."""
    cache = reader.__dict__.setdefault("_reports_columns", {})
    if column not in cache:
        cache[column] = reader.column_reader(column, translate=False) \
            if reader.has_column(column) else None
    return cache[column]


class ListColumnFacet(sorting.FacetType):
    """Counts the comma-separated values a column holds for each matched document."""

    allow_overlap = True

    def __init__(self, column: str):
        self.column = column
        self.maptype = sorting.Count

    def categorizer(self, global_searcher):
        return _ListColumnCategorizer(self.column)


class _ListColumnCategorizer(sorting.Categorizer):
    allow_overlap = True

    def __init__(self, column: str):
        self.column = column
        self._values = None

    def set_searcher(self, segment_searcher, docoffset):
        self._values = cached_column(segment_searcher.reader(), self.column)

    def keys_for(self, matcher, docid):
        raw = self._values[docid] if self._values is not None else b""
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8")
        return raw.split(",") if raw else [None]

    def key_for(self, matcher, docid):
        return self.keys_for(matcher, docid)[0]

