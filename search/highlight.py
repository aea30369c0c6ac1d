"""Highlight spans from the character offsets of a paragraph's words, and snippets cut at
sentence or clause boundaries. Pure functions over (text, spans)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

SNIPPET_CHARS = 240


def term_spans(vector: dict[str, list[tuple[int, int, int]]], terms: set[str],
               phrases: list[tuple[str, ...]], text: str = "") -> list[tuple[int, int]]:
    """[start, end) spans of matched terms; a phrase match is one span."""
    spans: list[tuple[int, int]] = []
    for term in terms:
        spans.extend((start, end) for _, start, end in vector.get(term, ()))
    for phrase in phrases:
        first = vector.get(phrase[0], ())
        positions = [{pos: (s, e) for pos, s, e in vector.get(word, ())} for word in phrase]
        for pos, start, _ in first:
            ends = [positions[i].get(pos + i) for i in range(len(phrase))]
            if all(ends):
                spans.append((start, ends[-1][1]))
    return merge(spans, text)


def merge(spans: list[tuple[int, int]], text: str = "") -> list[tuple[int, int]]:
    """Overlapping spans become one, and so do words joined by one space or hyphen."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        gap = text[merged[-1][1]:start] if merged and text else None
        if merged and (start <= merged[-1][1] or gap is not None and len(gap) == 1
                       and gap in " -\u2010\u2011"):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_SENTENCE = re.compile(r"(?<=[.!?;:])\s+(?=\S)|\n+")
_CLAUSE = re.compile(r"(?<=[,;:)\u2013\u2014])\s+")


def snippet_window(text: str, spans: list[tuple[int, int]],
                   size: int = SNIPPET_CHARS) -> tuple[int, int]:
    """The [start, end) of the best fragment: the run of sentences (or, inside a long
    sentence, of clauses) that holds the most matches, starting at a sentence when it can."""
    if len(text) <= size:
        return 0, len(text)
    sentence_starts = {0} | {m.end() for m in _SENTENCE.finditer(text)}
    clause_starts = {m.end() for m in _CLAUSE.finditer(text)}
    ends = sorted(sentence_starts | clause_starts | {len(text)})
    # spans are sorted and do not overlap: the matches inside [start, end) are a run of
    # them, found by bisection (a long paragraph has thousands of starts and spans)
    ordered = sorted(spans)
    span_starts = [s for s, _ in ordered]
    span_ends = [e for _, e in ordered]
    best, best_key = (0, size), None
    for start in sorted(sentence_starts | clause_starts):
        last = bisect_right(ends, start + size) - 1
        end = ends[last] if last >= 0 and ends[last] > start else start + size
        found = max(0, bisect_right(span_ends, end) - bisect_left(span_starts, start))
        key = (found, start in sentence_starts, -start)
        if best_key is None or key > best_key:
            best, best_key = (start, end), key
    start, end = best
    if end - start >= size and end < len(text):
        end = _cut_back(text, start, end)
    return start, end


def _cut_back(text: str, start: int, end: int) -> int:
    """End the fragment at a clause boundary, else at a word boundary."""
    window = text[start:end]
    clauses = [m.start() for m in _CLAUSE.finditer(window)]
    if clauses and clauses[-1] > len(window) * 0.5:
        return start + clauses[-1]
    space = window.rfind(" ")
    return start + space if space > len(window) * 0.5 else end


def render(text: str, spans: list[tuple[int, int]], window: tuple[int, int],
           mark: tuple[str, str], escape=lambda s: s) -> str:
    """The window of text with each span wrapped in ``mark``; ellipses where cut."""
    start, end = window
    out = ["…" if start > 0 else ""]
    cursor = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[cursor:s]))
        out.append(mark[0] + escape(text[s:e]) + mark[1])
        cursor = e
    out.append(escape(text[cursor:end]))
    if end < len(text):
        out.append("…")
    return "".join(out).strip()
