"""'Did you mean': a corrected query when a word of it is absent from the index.

A misspelt word is corrected to the nearest of three kinds of candidates, nearest by
Damerau distance (a transposition, "Lpoez" for "Lopez", is one edit):

- the words of people's names;
- words one edit from what was typed whose analysed form the index holds: the stems of
  a long word and of its misspelling may lie far apart ("accountabilty" stems to
  "accountabilti", "accountability" to "account"), so candidates are made from the
  word as typed, then analysed;
- the indexed stems within two edits of the typed word's stem, written as the reports
  write them.

A word typed with a capital ("Lpoez") looks like a name, and a name wins a tie; else a
word does. Whatever is suggested must look like the typed word."""

from __future__ import annotations

import difflib
import re

from .hits import term_offsets

MIN_LIKENESS = 0.75  # how alike a suggestion and the typed word must look
LONG_WORD = 8  # a word this long may be two edits from its correction, a shorter one one
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def suggest(searcher, text: str, surnames: dict[str, str]) -> str | None:
    """A corrected query when a word is absent from the index (``surnames``: lower-cased
    word of a name -> as written), else None."""
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
        replacement = correction(searcher, word, terms[0], surnames)
        if replacement and replacement.lower() != word.lower():
            out.append(piece.replace(word, replacement))
            changed = True
        else:
            out.append(piece)
    return "".join(out) if changed else None


def correction(searcher, typed: str, term: str, surnames: dict[str, str]) -> str | None:
    """The best correction of one misspelt word (``term``: the word analysed)."""
    lowered = typed.lower()
    limit = max_edits(lowered)
    name_rank, word_rank = (0, 1) if _looks_like_name(typed) else (1, 0)

    def ranked(edits: int, kind: int, written: str, frequency: int = 0) -> tuple:
        """The smallest is the best: fewer edits, the kind the typed word looks like,
        fewer letters added or lost (of two words one edit away, "Lopez" for "Lpoez", a
        transposition, before "Poez", a letter shorter), more alike, more frequent."""
        lower = written.lower()
        return (edits, kind, abs(len(lower) - len(lowered)), -_likeness(lowered, lower),
                -frequency, written)

    found = [ranked(edits, name_rank, written) for key, written in surnames.items()
             if (edits := damerau(lowered, key, limit)) <= limit]
    seen_written = _written_forms(searcher)
    for candidate, stem, frequency in surface_corrections(searcher.reader(), lowered):
        if candidate in surnames:
            found.append(ranked(1, name_rank, surnames[candidate], frequency))
        elif candidate in seen_written(stem):  # "overance" stems to "over": nobody writes it
            found.append(ranked(1, word_rank, _cased_like(typed, candidate), frequency))
    if not any(edits == 1 for edits, *_ in found):
        stem_based = closest_written_word(searcher, typed, term)
        if stem_based and (edits := damerau(lowered, stem_based.lower(), limit)) <= limit:
            found.append(ranked(edits, word_rank, _cased_like(typed, stem_based)))
    alike = [f for f in found if -f[3] >= MIN_LIKENESS]
    return min(alike)[-1] if alike else None


def _looks_like_name(typed: str) -> bool:
    return typed[:1].isupper() and not typed.isupper()


def max_edits(word: str) -> int:
    return 2 if len(word) >= LONG_WORD else 1


def surface_corrections(reader, typed: str) -> list[tuple[str, str, int]]:
    """Words one edit (Damerau) from the typed one whose every analysed term the index
    holds: each with its first term and the paragraphs holding its rarest term."""
    from indexer.analysis import analyse

    out = []
    for candidate in _one_edit(typed):
        terms = analyse(candidate)
        if not terms:
            continue
        frequency = min(reader.doc_frequency("text", t) for t in terms)
        if frequency > 0:
            out.append((candidate, terms[0], frequency))
    return out


SPELLINGS_READ = 200  # paragraphs read for the ways the reports write one term


def _written_forms(searcher):
    """term -> the lower-cased spellings it has in the first paragraphs holding it: a
    candidate must be seen written, not merely stem like a word ("harassent" stems as
    "harassment" does), read once per term."""
    found: dict[str, set[str]] = {}

    def written(term: str) -> set[str]:
        if term not in found:
            found[term] = set(_spellings(searcher, term, SPELLINGS_READ))
        return found[term]

    return written


def _spellings(searcher, term: str, paragraphs: int) -> list[str]:
    """How ``term`` is written (lower-cased) in the first ``paragraphs`` holding it, from
    the character offsets of their words."""
    reader = searcher.reader()
    postings = reader.postings("text", term)
    out = []
    for _ in range(paragraphs):
        if not postings.is_active():
            break
        docnum = postings.id()
        text = reader.stored_fields(docnum).get("text", "")
        out.extend(text[start:end].lower() for _, start, end in
                   term_offsets(searcher, text).get(term, ()))
        postings.next()
    return out


def _one_edit(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS if c != b[0]}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}


def damerau(a: str, b: str, limit: int) -> int:
    """Edits (insertion, deletion, substitution, transposition of neighbours) from ``a``
    to ``b``, no letter edited twice (the restricted Damerau distance); ``limit + 1`` as
    soon as it is known to be more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (ca != cb))
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _cased_like(typed: str, word: str) -> str:
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word


def name_words(directory) -> dict[str, str]:
    """Lower-cased word of a person's name -> as written."""
    words = {}
    for person in directory.people:
        for form in (person.name, *person.forms):
            for token in form.split():
                if len(token) > 3 and token[:1].isupper():
                    words[token.lower()] = token
    return words


def closest_written_word(searcher, typed: str, term: str) -> str | None:
    """The indexed word nearest to a misspelt one, as the reports write it: the nearest
    analysed terms (edit distance at most 2), then the spellings those terms have in a few
    paragraphs (from their words' character offsets), the one closest to what was typed."""
    from whoosh.reading import IndexReader

    reader = searcher.reader()
    nearby = list(IndexReader.terms_within(reader, "text", term, 2, prefix=1))
    nearby.sort(key=lambda t: (-reader.doc_frequency("text", t), t))
    spellings: dict[str, int] = {}
    for candidate in nearby[:5]:
        for spelling in _spellings(searcher, candidate, 3):
            spellings[spelling] = reader.doc_frequency("text", candidate)
    if not spellings:
        return None
    typed = typed.lower()
    best = max(spellings, key=lambda w: (_likeness(typed, w), spellings[w]))
    # stems two edits apart may be written very differently ("funding" and "three-fold"
    # share nothing a reader would call a typo): suggest only a word that looks like it
    return best if _likeness(typed, best) >= MIN_LIKENESS else None
