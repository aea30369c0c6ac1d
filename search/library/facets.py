"""Counting speakers, themes and reports over a set of matched paragraphs, with the
per-segment tables the indexer writes (``indexer.facet_tables``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from indexer.facet_tables import (
    FACETS,
    build_tables,
    read_tables,
    segment_id,
    write_tables,
)


class FacetCounter:
    """Facet counts for one index folder; each segment's tables read once and kept."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.tables: dict[str, dict] = {}  # segment id -> its facet tables

    def facets(self, segments, speaker_name: Callable[[str], str]) -> dict[str, dict[str, int]]:
        """speakers (as shown), themes and reports -> how many of the paragraphs carry
        each, most first. ``segments``: [(segment reader, local document numbers)]."""
        counts = self.column_counts(segments)
        speakers: dict[str, int] = {}
        for key, count in counts["speaker"].items():
            name = speaker_name(key)
            speakers[name] = speakers.get(name, 0) + count
        return {"speakers": by_count(speakers), "themes": by_count(counts["theme"]),
                "reports": by_count(counts["report_id"])}

    def column_counts(self, segments) -> dict[str, dict[str, int]]:
        """Facet (speaker, theme, report_id) -> value -> how many of the given
        paragraphs carry it."""
        counts: dict[str, dict[str, int]] = {column: {} for column in FACETS}
        for reader, docnums in segments:
            if docnums:
                for column, table in self.tables_for(reader).items():
                    table.count(docnums, counts[column])
        return counts

    def cross_counts(self, segments, column: str, by: str) -> dict[str, dict[str, int]]:
        """Value of column ``by`` -> value of ``column`` -> how many of the given
        paragraphs carry both: one tally of (combination, combination) pairs per
        segment, then one step per distinct pair."""
        from collections import Counter
        from operator import itemgetter

        out: dict[str, dict[str, int]] = {}
        for reader, docnums in segments:
            if not docnums:
                continue
            tables = self.tables_for(reader)
            first, second = tables[column], tables[by]
            if len(docnums) == 1:
                docnum = next(iter(docnums))
                pairs = Counter([(first.combination_of[docnum],
                                  second.combination_of[docnum])])
            else:
                pick = itemgetter(*docnums)
                pairs = Counter(zip(pick(first.combination_of), pick(second.combination_of),
                                    strict=True))
            for (one, other), n in pairs.items():
                for by_value in second.values[other]:
                    row = out.setdefault(by_value, {})
                    for value in first.values[one]:
                        row[value] = row.get(value, 0) + n
        return out

    def tables_for(self, reader) -> dict:
        """A segment's facet tables: kept in memory across searches, read from the file
        the indexer wrote, else built (an index written before tables existed)."""
        name = segment_id(reader)
        tables = self.tables.get(name)
        if tables is None:
            tables = read_tables(self.path, name)
            if tables is None:
                tables = build_tables(reader)
                write_tables(self.path, name, tables)
            self.tables[name] = tables
        return tables


def segments_of(searcher, docset) -> list:
    """[(segment reader, local document numbers)] of a ``matching.DocSet``."""
    readers = {offset: leaf.reader() for leaf, offset in searcher.leaf_searchers()}
    return [(readers[offset], docnums) for offset, docnums in docset.by_offset.items()]


def by_count(counts: dict[str, int]) -> dict[str, int]:
    """Most first, then by name (two stable sorts with C keys: facets can hold thousands
    of values)."""
    from operator import itemgetter

    ordered = sorted(counts.items())
    ordered.sort(key=itemgetter(1), reverse=True)
    return dict(ordered)


def years_of(dates: dict[str, int]) -> dict[str, int]:
    """Date (YYYY-MM-DD) counts summed per year, in year order (``facets["years"]``)."""
    years: dict[str, int] = {}
    for when, count in dates.items():
        years[when[:4]] = years.get(when[:4], 0) + count
    return dict(sorted(years.items()))
