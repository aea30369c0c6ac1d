"""What Whoosh's queries keep to themselves."""

from __future__ import annotations


def expansions(q, reader):
    """The words (as bytes) a prefix, wildcard or other multi-term query expands to in
    ``reader``, lazily: the first few can be counted without listing them all
    (``q.expanded_terms`` lists them all, and ``q.simplify`` builds a query of them)."""
    return q._btexts(reader)
