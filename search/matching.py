"""The best paragraphs for a query and every paragraph it matches.

A search needs both: the top hits, ranked by Whoosh's matchers, and the whole set of
matches for the total and the facet counts, which the collector notes as it goes (facets
are then counted from per-segment tables, not from each hit's stored record). A query
made only of filters is answered from the posting lists alone, a block at a time."""

from __future__ import annotations

from whoosh import collectors
from whoosh import query as wq

from indexer.whoosh_ext.collecting import RecordingCollector
from indexer.whoosh_ext.postings import has_posting_blocks, posting_blocks, without_deletions


class Matches:
    """The top hits (a Whoosh ``Results``) and, per segment, the matched documents."""

    def __init__(self, results, segments: list[tuple[object, list[int]]]):
        self.results = results
        self.segments = segments  # (segment reader, segment document numbers)

    @property
    def total(self) -> int:
        return sum(len(docnums) for _, docnums in self.segments)


class DocSet:
    """Document numbers, per segment (keyed by the segment's offset) and as one set of
    global numbers for Whoosh's filters."""

    def __init__(self, by_offset: dict[int, set[int]]):
        self.by_offset = by_offset
        self._global: set[int] | None = None

    def local(self, offset: int) -> set[int]:
        return self.by_offset.get(offset, _EMPTY)

    @property
    def global_set(self) -> set[int]:
        if self._global is None:
            self._global = {d + offset for offset, docnums in self.by_offset.items()
                            for d in docnums}
        return self._global

    def __len__(self) -> int:
        return sum(len(docnums) for docnums in self.by_offset.values())


_EMPTY: set[int] = set()


def _wrap(collector, allowed, masked, terms: bool):
    if terms:
        collector = collectors.TermsCollector(collector)
    if allowed is not None or masked:
        allow = allowed.global_set if allowed is not None else None
        if allow is not None and not allow:
            # Whoosh reads an empty set as no filter at all: a filter that matches nothing
            # (an unknown speaker's form) would let every match through
            allow = {-1}
        collector = collectors.FilterCollector(collector, allow,
                                               masked.global_set if masked else None)
    return collector


def find(searcher, scored, limit: int, allowed: DocSet | None, masked: DocSet,
         terms: bool = False) -> Matches:
    """The top ``limit`` paragraphs for ``scored`` and all it matches; ``allowed`` (None
    for all) filters and ``masked`` hides."""
    recorder = RecordingCollector(limit)
    collector = _wrap(recorder, allowed, masked, terms)
    searcher.search_with_collector(scored, collector)
    return Matches(collector.results(), recorder.segments)


def matched_docnums(q, segment_searcher) -> set[int]:
    """The documents of one segment that ``q`` matches."""
    kind = type(q)
    if kind is wq.Term:
        return set(_posting_ids(q.matcher(segment_searcher)))
    if kind is wq.Or:
        out: set[int] = set()
        for sub in q.subqueries:
            out |= matched_docnums(sub, segment_searcher)
        return out
    if kind is wq.And:
        found = None
        for sub in q.subqueries:
            docs = matched_docnums(sub, segment_searcher)
            found = docs if found is None else found & docs
            if not found:
                return set()
        return found or set()
    if kind is wq.AndMaybe:
        return matched_docnums(q.a, segment_searcher)
    if kind is wq.AndNot:
        return matched_docnums(q.a, segment_searcher) - matched_docnums(q.b, segment_searcher)
    return set(q.matcher(segment_searcher).all_ids())


def _posting_ids(matcher) -> list[int]:
    """A term's document numbers, a block at a time where the postings are Whoosh's
    block format."""
    matcher, excluded = without_deletions(matcher)
    if has_posting_blocks(matcher):
        ids: list[int] = []
        for _, block in posting_blocks(matcher):
            ids.extend(block)
    else:
        ids = list(matcher.all_ids())
    return [d for d in ids if d not in excluded] if excluded else ids


def matches_of_filter(searcher, q, masked: DocSet) -> DocSet:
    """What a query made of filters only matches, without the masked documents."""
    return DocSet({offset: matched_docnums(q, leaf) - masked.local(offset)
                   for leaf, offset in searcher.leaf_searchers()})
