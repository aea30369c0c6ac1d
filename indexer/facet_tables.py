"""Per-segment tables for counting speakers, themes and reports over a whole result.

Counting a facet by reading each matched paragraph's column value costs microseconds a
match in Python: seconds for a frequent word in a large archive. A table gives every
paragraph of a segment a number standing for its combination of values (most paragraphs
share a few combinations: one speaker, no theme), so a count is a C-speed tally of those
numbers over the matched paragraphs, then one step per distinct combination.

A segment never changes once written, so its tables are built once, by the writer after
each commit, into a file named after the segment: Whoosh removes that file with the
segment when a merge retires it. Speakers and themes are read from their keyword fields'
postings (the index holds them once, for filtering too), report ids from their column."""

from __future__ import annotations

import base64
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from .stamped import read_stamped, write_stamped

# what a search counts: keyword fields (several values a paragraph) and a column (one)
KEYWORD_FACETS = ("speaker", "theme")
COLUMN_FACETS = ("report_id",)
FACETS = (*KEYWORD_FACETS, *COLUMN_FACETS)
TABLE_SUFFIX = ".facets"
_TABLE_VERSION = 5  # 5: speakers and themes from their fields; 4: plain JSON, base64 array
_NUMBERS = "I"  # unsigned int array typecode


class FacetTable(NamedTuple):
    combination_of: Sequence[int]  # document number -> combination number
    values: list[tuple[str, ...]]  # combination number -> the values it stands for

    def count(self, docnums, into: dict[str, int]) -> None:
        """Add one to each value of each matched document."""
        from collections import Counter
        from operator import itemgetter

        if len(docnums) == 1:
            picked = [self.combination_of[next(iter(docnums))]]
        else:  # one C call picks every matched document's combination
            picked = itemgetter(*docnums)(self.combination_of)
        tally = Counter(picked)
        values = self.values
        for combination, n in tally.items():
            for value in values[combination]:
                into[value] = into.get(value, 0) + n


def _split(raw) -> tuple[str, ...]:
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    return tuple(v for v in raw.split(",") if v) if raw else ()


def _numbered(combinations) -> FacetTable:
    """Each document's combination of values (hashable, in document order) -> a table."""
    numbers: dict = {}
    combination_of = [numbers.setdefault(c, len(numbers)) for c in combinations]
    return FacetTable(combination_of, list(numbers))


def _keyword_combinations(segment_reader, fieldname: str) -> list[tuple[str, ...]]:
    """Each document's values of a keyword field, from the field's postings (a deleted
    document keeps none: no search matches it)."""
    per_doc: list[list[str]] = [[] for _ in range(segment_reader.doc_count_all())]
    if fieldname in segment_reader.indexed_field_names():
        for term in segment_reader.lexicon(fieldname):
            value = term.decode("utf-8")
            for docnum in segment_reader.postings(fieldname, term).all_ids():
                per_doc[docnum].append(value)
    return [tuple(values) for values in per_doc]


def _column_combinations(segment_reader, column: str) -> list[tuple[str, ...]]:
    if not segment_reader.has_column(column):
        return [()] * segment_reader.doc_count_all()
    return [_split(raw) for raw in segment_reader.column_reader(column, translate=False)]


def build_tables(segment_reader) -> dict[str, FacetTable]:
    """Each facet of one segment as a table."""
    tables = {name: _numbered(_keyword_combinations(segment_reader, name))
              for name in KEYWORD_FACETS}
    tables.update({name: _numbered(_column_combinations(segment_reader, name))
                   for name in COLUMN_FACETS})
    return tables


def table_path(folder: Path, segment_id: str) -> Path:
    return Path(folder) / f"{segment_id}{TABLE_SUFFIX}"


def read_tables(folder: Path, segment_id: str) -> dict[str, FacetTable] | None:
    found = read_stamped(table_path(folder, segment_id), _stamp(), 1)
    if not found or not isinstance(found[0], dict) or set(found[0]) != set(FACETS):
        return None
    try:
        return {column: _table_from_plain(plain) for column, plain in found[0].items()}
    except (KeyError, TypeError, ValueError):
        return None


def write_tables(folder: Path, segment_id: str, tables: dict[str, FacetTable]) -> None:
    plain = {column: _table_to_plain(table) for column, table in tables.items()}
    write_stamped(table_path(folder, segment_id), _stamp(), plain)


def _stamp() -> list:
    # the array layout is the machine's: another machine's table is a miss
    return [_TABLE_VERSION, sys.byteorder, array(_NUMBERS).itemsize]


def _table_to_plain(table: FacetTable) -> dict:
    numbers = base64.b64encode(array(_NUMBERS, table.combination_of).tobytes()).decode()
    return {"combination_of": numbers, "values": [list(v) for v in table.values]}


def _table_from_plain(plain: dict) -> FacetTable:
    numbers = array(_NUMBERS)
    numbers.frombytes(base64.b64decode(plain["combination_of"], validate=True))
    values = [tuple(str(v) for v in combination) for combination in plain["values"]]
    if numbers and max(numbers) >= len(values):
        raise ValueError("a combination number with no values")
    return FacetTable(numbers, values)


def segment_id(segment_reader) -> str:
    return segment_reader.segment().segment_id()


def write_missing_tables(ix) -> None:
    """Tables for every segment of the index that has none yet (after a commit)."""
    folder = Path(ix.storage.folder)
    with ix.reader() as reader:
        leaves = reader.leaf_readers() if reader.doc_count_all() else []
        for leaf, _ in leaves:
            name = segment_id(leaf)
            if not table_path(folder, name).exists():
                write_tables(folder, name, build_tables(leaf))
