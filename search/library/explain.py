"""Saying what a search understood: the one-line description and ``--explain``."""

from __future__ import annotations

from ..query import QueryContext


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
        detail = " + ".join(f"{label} {value}" for label, value in parts) if parts else \
            ", ".join(hit.get("_matched", [])) or "filters only"
        who = ", ".join(f"{name} ({how or 'unknown'})" for name, how in
                        zip(hit["speakers"], hit["speaker_evidence"], strict=False))
        lines.append(f"{hit['chunk_id']}: score {hit['score']} = {detail}"
                     + (f"; speakers: {who}" if who else ""))
    return lines
