"""Reading Whoosh's posting lists and field lengths a block at a time, for the block
scorer (``search/matching.py``): what its matchers and readers keep in private
attributes, behind named functions.

A term's postings in Whoosh's block format (``whoosh3.W3LeafMatcher``) come in blocks of
up to 128: the block's document numbers, term frequencies (weights) and encoded values
(positions) are read into ``_ids``, ``_weights`` and ``_values`` by ``_read_ids()``,
``_read_weights()`` and ``_read_values()``; ``_i`` is the matcher's place in the block and
``_next_block()`` moves to the next one. Reading them a block at a time saves a Python
call per posting."""

from __future__ import annotations

from whoosh.matching.wrappers import FilterMatcher


def has_posting_blocks(matcher) -> bool:
    """Whether ``matcher`` reads its postings in Whoosh's blocks (``posting_blocks``)."""
    return hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block")


def has_block_weights(matcher) -> bool:
    """Whether ``matcher`` also gives each block's weights (``block_weights``)."""
    return hasattr(matcher, "_read_weights")


def posting_blocks(matcher):
    """(offset in the block, the block's document numbers from there) for each block of
    a block-format posting list, from the matcher's place to the end: one Python step
    per block, not per posting. The matcher ends up exhausted."""
    while matcher.is_active():
        matcher._read_ids()
        start = matcher._i
        yield start, matcher._ids[start:]
        matcher._next_block()


def block_weights(matcher, start: int):
    """The term frequencies of the current block from ``start`` (with ``posting_blocks``:
    parallel to the document numbers it gave)."""
    matcher._read_weights()
    return matcher._weights[start:]


def block_values(matcher, start: int):
    """The encoded values (positions) of the current block from ``start``, decoded by
    ``matcher.format.decode_positions``."""
    matcher._read_values()
    return matcher._values[start:]


def without_deletions(matcher):
    """(the postings under Whoosh's filter of deleted documents, those documents); the
    matcher itself and no documents when nothing is filtered out."""
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        return matcher.child, matcher._ids
    return matcher, ()


def field_lengths(reader, fieldname: str) -> bytes | None:
    """Each document's length in ``fieldname`` for one segment's reader, one byte each
    (Whoosh's encoding, ``whoosh.util.numeric.byte_to_length``), as read into memory by
    ``patches`` (installed when the index is opened); None when the lengths are not held
    that way (then Whoosh's own scorer is the one to use)."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN  # loaded with the index's codec

    lengths = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    return lengths if isinstance(lengths, bytes) else None
