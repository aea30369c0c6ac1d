"""Rank order: the proximity bonus, ties, and each hit's score as the sum of its parts."""

from __future__ import annotations

TIE_MARGIN = 50
# a paragraph holding the query's words side by side outranks one that scatters them
PHRASE_BONUS = 1.5
# BM25's parameters: how far a paragraph's length tempers its words' weight (B) and how
# soon repeating a word stops adding to it (K1); Whoosh's defaults
TEXT_B = 0.75
K1 = 1.2


def weighting():
    """The scoring model searches rank by."""
    from whoosh.scoring import BM25F

    return BM25F(B=TEXT_B, K1=K1)


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


def ranked(results, needed: int) -> list:
    """The best ``needed`` hits in rank order. Counting facets makes Whoosh keep every
    match, so pick the top by score first and read stored fields only for those and for
    whatever ties with the last of them."""
    from whoosh.searching import Hit

    order = sorted(results.top_n, key=lambda item: (-shown_score(item[0]), item[1]))
    cut = min(needed, len(order))
    while cut < len(order) and cut < needed + TIE_MARGIN and \
            shown_score(order[cut][0]) == shown_score(order[cut - 1][0]):
        cut += 1
    hits = [Hit(results, docnum, n, score) for n, (score, docnum) in enumerate(order[:cut])]
    return sorted(hits, key=_rank_key)


def shown_score(score) -> float:
    """The score as hits show it; scores equal at this precision are ties."""
    return round(float(score or 0.0), 4)


def _rank_key(hit) -> tuple:
    """Score first; equal scores: newer report first, then paragraph order."""
    when = hit.get("date")
    return (-shown_score(hit.score), -(when.toordinal() if when else 0),
            hit.get("report_id", ""), hit.get("paragraph", 0))


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
    return parts
