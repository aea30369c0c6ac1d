"""The best paragraphs for a query and every paragraph it matches, with as little Python
per match as possible.

A search needs both: the top hits, ranked, and the whole set of matches for the total
and the facet counts. Whoosh's collectors spend several Python calls on every match
(score, field length, heap, facet keys): seconds for a frequent word in an archive.

- Words, alternatives of words across fields, all-of groups of those, quoted phrases
  and the optional proximity phrase are scored here a block of postings at a time, with
  BM25F's arithmetic done in Whoosh's order, so scores and ranks are the ones Whoosh
  gives (tests compare the two).
- Any other shape (a NOT, a wildcard left unexpanded, a scorer other than BM25F) goes
  through Whoosh's matchers with a collector that also notes every match."""

from __future__ import annotations

from whoosh import collectors
from whoosh import query as wq

from indexer.whoosh_ext.collecting import RecordingCollector
from indexer.whoosh_ext.postings import (
    block_values,
    block_weights,
    field_lengths,
    has_block_weights,
    has_posting_blocks,
    posting_blocks,
    without_deletions,
)


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
    if not terms and scores_in_blocks(scored):
        found = _score_in_blocks(searcher, scored, limit, allowed, masked)
        if found is not None:
            return found
    recorder = RecordingCollector(limit)
    collector = _wrap(recorder, allowed, masked, terms)
    searcher.search_with_collector(scored, collector)
    return Matches(collector.results(), recorder.segments)


def scores_in_blocks(q) -> bool:
    """Words, alternatives of words across fields, all of several such groups, and a
    bonus for matching optionally (the proximity phrase): the shapes scored here a
    block of postings at a time."""
    kind = type(q)
    if kind is wq.Term:
        return True
    if kind is wq.Phrase:
        return q.slop >= 1
    if kind in (wq.Or, wq.And):
        return q.boost == 1.0 and all(scores_in_blocks(sub) for sub in q.subqueries)
    if kind is wq.AndMaybe:
        return q.boost == 1.0 and scores_in_blocks(q.a)
    return False


def _score_in_blocks(searcher, q, limit, allowed, masked) -> Matches | None:
    """BM25F for the shapes above, a block of postings at a time: the same
    arithmetic as Whoosh's scorer in the same order (so the same scores), without a
    Python call per match. None when the index scores otherwise (then Whoosh ranks)."""
    from heapq import nlargest
    from operator import neg

    from whoosh.searching import Results

    priors = None
    if getattr(searcher.weighting, "use_final", False):
        if not hasattr(searcher.weighting, "prior_table"):
            return None  # a final score worked out in a way only Whoosh knows
        priors = searcher.weighting.prior_table()
    candidates: list[tuple[float, int]] = []
    segments = []
    for leaf, offset in searcher.leaf_searchers():
        scores = _segment_scores(q, leaf, 1.0, {})
        if scores is None:
            return None
        if priors is not None and scores:
            lengths = _text_lengths(leaf)
            if lengths is None:
                return None
            scores = {d: s * priors[lengths[d]] for d, s in scores.items()}
        if allowed is not None:
            scores = {d: scores[d] for d in scores.keys() & allowed.local(offset)}
        for docnum in scores.keys() & masked.local(offset):
            del scores[docnum]
        segments.append((leaf.reader(), list(scores)))
        # (score, -docnum): equal scores keep the lower document number, as Whoosh does
        best = nlargest(limit, zip(scores.values(), map(neg, scores), strict=True))
        candidates.extend((score, offset - negated) for score, negated in best)
    top = nlargest(limit, candidates, key=lambda item: (item[0], -item[1]))
    return Matches(Results(searcher, q, top), segments)


def _segment_scores(q, leaf, boost: float, seen: dict) -> dict[int, float] | None:
    """Each matched document's score, summed in the order Whoosh's matchers sum.
    ``seen`` keeps each text term's scores and positions for the proximity bonus."""
    kind = type(q)
    if kind is wq.And:
        found: dict[int, float] | None = None
        for sub in q.subqueries:
            part = _segment_scores(sub, leaf, boost, seen)
            if part is None:
                return None
            found = part if found is None else \
                {d: found[d] + part[d] for d in found.keys() & part.keys()}
            if not found:
                return {}
        return found or {}
    if kind is wq.AndMaybe:
        found = _segment_scores(q.a, leaf, boost, seen)
        found = dict(found) if found else found
        if found and not _add_phrase_bonus(found, q.b, seen):
            _add_optional(found, q.b.matcher(leaf))
        return found
    if kind is wq.Phrase:
        return _phrase_scores(q, leaf, boost, seen)
    if kind is wq.Or:
        total: dict[int, float] = {}
        for sub in q.subqueries:
            part = _segment_scores(sub, leaf, boost * q.boost, seen)
            if part is None:
                return None
            if not total:
                total = dict(part)  # a term's own scores stay as read (the bonus uses them)
                continue
            for docnum, score in part.items():
                total[docnum] = total.get(docnum, 0.0) + score
        return total
    return _term_scores(q, leaf, boost, seen)


def _add_phrase_bonus(scores: dict[int, float], phrase, seen: dict) -> bool:
    """The proximity phrase's score, added where its words stand in order close enough,
    from the text terms' scores and positions already read. False when they were not
    read (the caller then asks Whoosh)."""
    if type(phrase) is not wq.Phrase or phrase.fieldname != "text" or \
            any(word not in seen for word in phrase.words):
        return False
    terms = [seen[word] for word in phrase.words]
    decode = terms[0][2].decode_positions
    for docnum in scores.keys() & set.intersection(*(set(t[0]) for t in terms)):
        positions = [decode(values[docnum]) for _, values, _ in terms]
        if _near_in_order(positions, phrase.slop):
            scores[docnum] += _tree_sum([t[0][docnum] for t in terms]) * phrase.boost
    return True


def _phrase_scores(q, leaf, boost: float, seen: dict) -> dict[int, float] | None:
    """A phrase as Whoosh scores it: its words' scores in its field, summed, times the
    phrase's boost, where the words stand in order within ``slop`` positions."""
    terms = []
    for word in q.words:
        stash: dict = {}
        if _term_scores(wq.Term(q.fieldname, word), leaf, 1.0, stash, keep=True) is None:
            return None
        if not stash:  # a word absent from the segment
            return {}
        terms.append(next(iter(stash.values())))
    common = set.intersection(*(set(scores) for scores, _, _ in terms))
    decode = terms[0][2].decode_positions
    out = {}
    for docnum in common:
        if _near_in_order([decode(values[docnum]) for _, values, _ in terms], q.slop):
            out[docnum] = _tree_sum([scores[docnum] for scores, _, _ in terms]) \
                * q.boost * boost
    return out


def _tree_sum(parts: list[float]) -> float:
    """Summed as Whoosh's binary tree of matchers sums (the same float result)."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    return _tree_sum(parts[:half]) + _tree_sum(parts[half:])


def _near_in_order(positions: list[list[int]], slop: int) -> bool:
    """Whoosh's ordered span test: each word after the span of the ones before it, at a
    distance of 1 to ``slop`` positions. Each list ascending, as Whoosh decodes them.

    Only where a span ends decides whether the next word joins it (a word joins a span
    ending at ``e`` when it stands at ``e + 1`` to ``e + slop``), so one merge walk per
    word keeps the ends that can go on: linear in the positions read."""
    ends = sorted(positions[0])
    for following in positions[1:]:
        joined = []
        i, count, before = 0, len(ends), None  # ``before``: the last end below ``p``
        for p in following:
            while i < count and ends[i] < p:
                before = ends[i]
                i += 1
            if before is not None and p - before <= slop:
                joined.append(p)
        if not joined:
            return False
        ends = joined
    return True


def _add_optional(scores: dict[int, float], matcher) -> None:
    """Add the optional part's score to the documents it shares with ``scores``."""
    while matcher.is_active():
        docnum = matcher.id()
        if docnum in scores:
            scores[docnum] += matcher.score()
        matcher.next()


def _term_scores(q, leaf, boost: float, seen: dict,
                 keep: bool = False) -> dict[int, float] | None:
    from whoosh.matching import NullMatcherClass
    from whoosh.matching.wrappers import WrappingMatcher
    from whoosh.scoring import BM25FScorer
    from whoosh.util.numeric import byte_to_length

    matcher = q.matcher(leaf)
    if isinstance(matcher, NullMatcherClass):
        return {}
    if type(matcher) is WrappingMatcher:
        boost, matcher = boost * matcher.boost, matcher.child
    matcher, excluded = without_deletions(matcher)
    scorer = getattr(matcher, "scorer", None)
    if type(scorer) is not BM25FScorer or not has_block_weights(matcher):
        return None
    lengths = field_lengths(leaf.reader(), q.fieldname)
    if lengths is None:
        return None
    idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    # the length part of BM25 for each of the 256 encoded lengths
    norm = [k1 * ((1 - b) + b * byte_to_length(n) / avgfl) for n in range(256)]
    k1_plus = k1 + 1
    keep_values = keep or (q.fieldname == "text" and boost == 1.0)
    out: dict[int, float] = {}
    values: dict[int, bytes] = {}
    for start, ids in posting_blocks(matcher):
        scores = [idf * ((tf * k1_plus) / (tf + norm[lengths[docnum]])) * boost
                  for docnum, tf in zip(ids, block_weights(matcher, start), strict=True)]
        out.update(zip(ids, scores, strict=True))
        if keep_values:
            values.update(zip(ids, block_values(matcher, start), strict=True))
    for docnum in excluded:
        out.pop(docnum, None)
    if keep_values:
        seen[q.text] = (out, values, matcher.format)
    return out


def _text_lengths(leaf) -> bytes | None:
    """Each document's text length in a segment, one byte each, as Whoosh stores it."""
    return field_lengths(leaf.reader(), "text")


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
