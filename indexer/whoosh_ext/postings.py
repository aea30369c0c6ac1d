"""Reading Whoosh's posting lists a block at a time, for the sets of documents a filter
matches (``search/matching.py``): what its matchers keep in private attributes, behind
named functions.

A term's postings in Whoosh's block format (``whoosh3.W3LeafMatcher``) come in blocks of
up to 128: the block's document numbers are read into ``_ids`` by ``_read_ids()``; ``_i``
is the matcher's place in the block and ``_next_block()`` moves to the next one. Reading
them a block at a time saves a Python call per posting."""

from __future__ import annotations

from whoosh.matching.wrappers import FilterMatcher


def has_posting_blocks(matcher) -> bool:
    """Whether ``matcher`` reads its postings in Whoosh's blocks (``posting_blocks``)."""
    return hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block")


def posting_blocks(matcher):
    """(offset in the block, the block's document numbers from there) for each block of
    a block-format posting list, from the matcher's place to the end: one Python step
    per block, not per posting. The matcher ends up exhausted."""
    while matcher.is_active():
        matcher._read_ids()
        start = matcher._i
        yield start, matcher._ids[start:]
        matcher._next_block()


def without_deletions(matcher):
    """(the postings under Whoosh's filter of deleted documents, those documents); the
    matcher itself and no documents when nothing is filtered out."""
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        return matcher.child, matcher._ids
    return matcher, ()
