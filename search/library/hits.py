"""Stored paragraphs as the contract's hit objects: fields, snippet and highlight spans
from the character offsets of the paragraph's words."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..highlight import snippet_window, term_spans
from .ranking import shown_score


def chunk_record(fields: dict, display: Callable[[str], str], report: dict) -> dict:
    """A stored chunk -> the contract's hit object (without search-only keys); ``display``
    gives a stored name as the curator wants it shown; ``report``: the title, date and
    source of its report (kept in the report's record only)."""
    data = json.loads(fields["data"])
    speakers: dict[str, str] = {}  # name shown -> how it was found (curator merges)
    for name, evidence in zip(data["speakers"], data.get("speaker_evidence") or
                              [""] * len(data["speakers"]), strict=False):
        speakers.setdefault(display(name), evidence)
    return {
        "report_id": fields["report_id"], "report_title": report["title"],
        "date": report["date"], "source": report["source"],
        "section": fields.get("section", ""),
        "section_path": data["section_path"], "paragraph": fields["paragraph"],
        "speakers": list(speakers), "speaker_evidence": list(speakers.values()),
        "mentions": list(dict.fromkeys(display(m) for m in data["mentions"])),
        "themes": data["themes"], "keyphrases": data["keyphrases"],
        "text": fields["text"], "chunk_id": fields["chunk_id"], "page": data.get("page"),
    }


def add_match(record: dict, searcher, hit, words) -> dict:
    """The search-only keys: score, snippet, highlights (and, for --explain, the matched
    terms); ``words`` is None when there was no query (filters only)."""
    if words is not None:
        offsets = term_offsets(searcher, record["text"])
        spans = term_spans(offsets, words[0], words[1], record["text"])
        start, end = snippet_window(record["text"], spans)
        record.update(score=shown_score(hit.score),
                      snippet=ellipsis(record["text"], start, end),
                      highlights=[list(s) for s in spans], _window=(start, end))
        if hit.results.has_matched_terms():  # recorded for --explain only
            record["_matched"] = sorted({t.decode() if isinstance(t, bytes) else t
                                         for _, t in (hit.matched_terms() or [])})
    else:
        start, end = snippet_window(record["text"], [])
        record.update(score=0.0, snippet=ellipsis(record["text"], start, end),
                      highlights=[], _window=(start, end))
    return record


def term_offsets(searcher, text: str) -> dict[str, list[tuple[int, int, int]]]:
    """term -> [(position, start, end)] for one paragraph's text, analysed again with the
    index's own analyzer as the writer analysed it. Only the hits of a page need this (a
    fraction of a millisecond each), which costs less than storing every paragraph's
    offsets in the index."""
    from whoosh.formats import unstopped

    analyzer = searcher.reader().schema["text"].analyzer
    out: dict[str, list[tuple[int, int, int]]] = {}
    for token in unstopped(analyzer(text, positions=True, chars=True, boosts=True,
                                    mode="index")):
        out.setdefault(token.text, []).append((token.pos, token.startchar, token.endchar))
    return out


def highlight_terms(q, reader) -> tuple[set[str], list[tuple[str, ...]]]:
    """Words to highlight (wildcards expanded) and phrases to highlight whole."""
    from whoosh.query import Phrase

    phrases = [tuple(leaf.words) for leaf in q.leaves()
               if isinstance(leaf, Phrase) and leaf.fieldname == "text"]
    in_phrases = {w for p in phrases for w in p}
    terms = set()
    for fieldname, text in q.existing_terms(reader, phrases=False, expand=True):
        if fieldname == "text":
            word = text.decode() if isinstance(text, bytes) else text
            if word not in in_phrases:
                terms.add(word)
    for leaf in q.leaves():
        if getattr(leaf, "fieldname", None) == "text" and hasattr(leaf, "text") and \
                not isinstance(leaf, Phrase) and leaf.__class__.__name__ == "Term":
            terms.add(leaf.text)
    return terms, phrases


def ellipsis(text: str, start: int, end: int) -> str:
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")
