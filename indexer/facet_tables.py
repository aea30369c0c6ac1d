"""Per-segment tables for counting speakers, themes and reports over a whole result.

Counting a facet by reading each matched paragraph's column value costs microseconds a
match in Python: seconds for a frequent word in a large archive. A table gives every
paragraph of a segment a number standing for its combination of values (most paragraphs
share a few combinations: one speaker, no theme), so a count is a C-speed tally of those
numbers over the matched paragraphs, then one step per distinct combination.

A segment never changes once written, so its tables are built once, by the writer after
each commit, into a file named after the segment: Whoosh removes that file with the
segment when a merge retires it."""

from __future__ import annotations

import base64
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from .stamped import read_stamped, write_stamped

# the columns a search counts, each holding one comma-separated value per paragraph
FACET_COLUMNS = ("speaker_list", "theme_list", "report_id")
TABLE_SUFFIX = ".facets"
_TABLE_VERSION = 4  # 4: plain JSON with the numbers as a base64 array
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


def build_tables(segment_reader) -> dict[str, FacetTable]:
    """Read each facet column of one segment into a table."""
    tables = {}
    for column in FACET_COLUMNS:
        numbers: dict = {}
        if segment_reader.has_column(column):
            reader = segment_reader.column_reader(column, translate=False)
            combination_of = [numbers.setdefault(raw, len(numbers)) for raw in reader]
        else:
            combination_of = [0] * segment_reader.doc_count_all()
            numbers[b""] = 0
        tables[column] = FacetTable(combination_of, [_split(raw) for raw in numbers])
    return tables


def table_path(folder: Path, segment_id: str) -> Path:
    return Path(folder) / f"{segment_id}{TABLE_SUFFIX}"


def read_tables(folder: Path, segment_id: str) -> dict[str, FacetTable] | None:
    found = read_stamped(table_path(folder, segment_id), _stamp(), 1)
    if not found or not isinstance(found[0], dict) or set(found[0]) != set(FACET_COLUMNS):
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
