"""Rank order: the proximity bonus, ties, and each hit's score as the sum of its parts."""

from __future__ import annotations

TIE_MARGIN = 50
# a paragraph holding the query's words side by side outranks one that scatters them
PHRASE_BONUS = 1.5
# BM25's parameters, tuned on the judged queries (tests/relevance/judged.json): how far
# a paragraph's length tempers its words' weight (B; Whoosh's 0.75 favours a one-line
# paragraph over one that discusses the query) and how soon repeating a word stops
# adding to it (K1; Whoosh's 1.2)
TEXT_B = 0.3
K1 = 2.0
# a paragraph of fewer words than this ("+1", a bare link, a heading) says too little to
# answer a query, however well its few words match: its score is scaled down, by
# (words / FULL_LENGTH) ** PRIOR_POWER
FULL_LENGTH = 20
PRIOR_POWER = 0.5


def weighting(b: float = TEXT_B, k1: float = K1, full_length: int = FULL_LENGTH,
              power: float = PRIOR_POWER):
    """The scoring model searches rank by: BM25F, times a prior on the paragraph's
    length (none when ``full_length`` is 0)."""
    from whoosh.scoring import BM25F

    if full_length <= 1:
        return BM25F(B=b, K1=k1)
    return _with_length_prior(b, k1, full_length, power)


def _with_length_prior(b: float, k1: float, full_length: int, power: float):
    from whoosh.scoring import BM25F

    class BM25FWithLengthPrior(BM25F):
        """BM25F; Whoosh applies ``final`` to every match's score."""

        use_final = True

        def __init__(self):
            super().__init__(B=b, K1=k1)
            self.full_length = full_length
            self.power = power

        def prior(self, length: int) -> float:
            return length_prior(length, self.full_length, self.power)

        def final(self, searcher, docnum, score):
            return score * self.prior(searcher.doc_field_length(docnum, "text") or 0)

    return BM25FWithLengthPrior()


def length_prior(length: int, full_length: int, power: float) -> float:
    """1 for a paragraph of ``full_length`` words or more, less for a shorter one."""
    if length >= full_length:
        return 1.0
    return (max(length, 1) / full_length) ** power


def with_proximity_bonus(q):
    """A query of two or more plain words also scores, optionally, the words as a phrase
    (one word apart at most)."""
    from whoosh.query import And, AndMaybe, Or, Phrase, Term

    if not isinstance(q, And) or len(q.subqueries) < 2:
        return q
    words = []
    for group in q.subqueries:
        leaves = group.subqueries if isinstance(group, Or) else [group]
        text_terms = [leaf for leaf in leaves if type(leaf) is Term and leaf.fieldname == "text"]
        if len(text_terms) != 1:
            return q
        words.append(text_terms[0].text)
    return AndMaybe(q, Phrase("text", words, slop=2, boost=PHRASE_BONUS))


def ranked(results, needed: int, report_ordinal) -> list:
    """The best ``needed`` hits in rank order. Counting facets makes Whoosh keep every
    match, so pick the top by score first and read stored fields only for those and for
    whatever ties with the last of them. ``report_ordinal``: report id -> its date as a
    day number (0 without one)."""
    from whoosh.searching import Hit

    order = sorted(results.top_n, key=lambda item: (-shown_score(item[0]), item[1]))
    cut = min(needed, len(order))
    while cut < len(order) and cut < needed + TIE_MARGIN and \
            shown_score(order[cut][0]) == shown_score(order[cut - 1][0]):
        cut += 1
    hits = [Hit(results, docnum, n, score) for n, (score, docnum) in enumerate(order[:cut])]
    return sorted(hits, key=lambda hit: _rank_key(hit, report_ordinal))


def shown_score(score) -> float:
    """The score as hits show it; scores equal at this precision are ties."""
    return round(float(score or 0.0), 4)


def _rank_key(hit, report_ordinal) -> tuple:
    """Score first; equal scores: newer report first, then paragraph order."""
    report_id = hit.get("report_id", "")
    return (-shown_score(hit.score), -report_ordinal(report_id), report_id,
            hit.get("paragraph", 0))


def score_parts(searcher, q, docnum: int) -> list[tuple[str, float]]:
    """How each term and phrase of the query contributed to one paragraph's score."""
    from whoosh.query import Phrase

    parts = []
    for leaf in q.leaves():
        if isinstance(leaf, Phrase):
            label = f'{leaf.fieldname}:"{" ".join(leaf.words)}"'
        elif hasattr(leaf, "text") and isinstance(leaf.text, str):
            label = f"{leaf.fieldname}:{leaf.text}"
        else:
            continue
        matcher = leaf.matcher(searcher)
        if not matcher.is_active():
            continue
        matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            parts.append((label, round(float(matcher.score()), 3)))
    if getattr(searcher.weighting, "use_final", False):
        factor = searcher.weighting.final(searcher, docnum, 1.0)
        if factor != 1.0:
            parts.append((PRIOR_LABEL, round(factor, 3)))
    return parts


PRIOR_LABEL = "× length prior"
