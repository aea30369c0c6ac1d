"""'Did you mean': a corrected query when a word of it is absent from the index."""

from __future__ import annotations

import difflib
import re

from .hits import term_vector


def suggest(searcher, text: str, surnames: dict[str, str]) -> str | None:
    """A corrected query when a word is absent from the index: the closest name of a
    person (``surnames``: lower-cased word of a name -> as written), else the closest
    indexed word, written as the reports write it."""
    from indexer.analysis import analyse

    reader = searcher.reader()
    changed = False
    out = []
    for piece in re.split(r"(\s+)", text):
        word = piece.strip('"()')
        if not re.fullmatch(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'-]{2,}", word) \
                or word in ("AND", "OR", "NOT") or ":" in piece:
            out.append(piece)
            continue
        terms = analyse(word)
        if not terms or all(reader.doc_frequency("text", t) > 0 for t in terms):
            out.append(piece)
            continue
        close = difflib.get_close_matches(word.lower(), list(surnames), n=1, cutoff=0.75)
        replacement = surnames[close[0]] if close else \
            closest_written_word(searcher, word, terms[0])
        if replacement and replacement.lower() != word.lower():
            out.append(piece.replace(word, replacement))
            changed = True
        else:
            out.append(piece)
    return "".join(out) if changed else None


def name_words(directory) -> dict[str, str]:
    """Lower-cased word of a person's name -> as written."""
    words = {}
    for person in directory.people:
        for form in (person.name, *person.forms):
            for token in form.split():
                if len(token) > 3 and token[:1].isupper():
                    words[token.lower()] = token
    return words


MIN_LIKENESS = 0.75  # how alike a suggestion and the typed word must look


def closest_written_word(searcher, typed: str, term: str) -> str | None:
    """The indexed word nearest to a misspelt one, as the reports write it: the nearest
    analysed terms (edit distance at most 2), then the spellings those terms have in a few
    paragraphs (from the stored character offsets), the one closest to what was typed."""
    from whoosh.reading import IndexReader

    reader = searcher.reader()
    nearby = list(IndexReader.terms_within(reader, "text", term, 2, prefix=1))
    nearby.sort(key=lambda t: (-reader.doc_frequency("text", t), t))
    spellings: dict[str, int] = {}
    for candidate in nearby[:5]:
        postings = reader.postings("text", candidate)
        for _ in range(3):
            if not postings.is_active():
                break
            docnum = postings.id()
            text = reader.stored_fields(docnum).get("text", "")
            for _, start, end in term_vector(searcher, docnum).get(candidate, ())[:1]:
                spellings[text[start:end].lower()] = reader.doc_frequency("text", candidate)
            postings.next()
    if not spellings:
        return None
    typed = typed.lower()
    best = max(spellings, key=lambda w: (difflib.SequenceMatcher(None, typed, w).ratio(),
                                         spellings[w]))
    # stems two edits apart may be written very differently ("funding" and "three-fold"
    # share nothing a reader would call a typo): suggest only a word that looks like it
    return best if difflib.SequenceMatcher(None, typed, best).ratio() >= MIN_LIKENESS else None
