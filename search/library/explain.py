"""Saying what a search understood: the one-line description and ``--explain``."""

from __future__ import annotations

from ..query import QueryContext
from .ranking import PRIOR_LABEL


def describe(total: int, clauses: list[str]) -> str:
    noun = "paragraph" if total == 1 else "paragraphs"
    return f"{total} {noun}" + (f" where {' and '.join(clauses)}" if clauses else "")


def explain(text: str, user_query, context: QueryContext, hits: list[dict]) -> list[str]:
    lines = [f"query: {text!r} parsed as {user_query}" if user_query is not None
             else "query: (none; listing every paragraph that passes the filters)"]
    for typed, names in context.resolution.speakers.items():
        lines.append(f"speaker {typed!r} -> {', '.join(names)}")
    for typed, theme in context.resolution.themes.items():
        lines.append(f"theme {typed!r} -> {theme}")
    for typed, ids in context.resolution.reports.items():
        lines.append(f"report {typed!r} -> {', '.join(ids)}")
    for hit in hits:
        parts = hit.get("_parts")
        detail = _sum_of_parts(parts) if parts else \
            ", ".join(hit.get("_matched", [])) or "filters only"
        who = ", ".join(f"{name} ({how or 'unknown'})" for name, how in
                        zip(hit["speakers"], hit["speaker_evidence"], strict=False))
        lines.append(f"{hit['chunk_id']}: score {hit['score']} = {detail}"
                     + (f"; speakers: {who}" if who else ""))
    return lines


def _sum_of_parts(parts: list[tuple[str, float]]) -> str:
    """'text:account 3.13 + text:"leadership account" 9.01', and '(...) × length prior
    0.5' when a short paragraph's score was scaled down."""
    terms = " + ".join(f"{label} {value}" for label, value in parts if label != PRIOR_LABEL)
    factors = [value for label, value in parts if label == PRIOR_LABEL]
    return f"({terms}) {PRIOR_LABEL} {factors[0]}" if factors else terms
