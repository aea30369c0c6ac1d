"""Very long paragraphs cut into pieces of a bounded number of words, between sentences,
so that no indexed paragraph is huge (a 5 MB single line would otherwise be one
document, slow to match, score and highlight)."""

from __future__ import annotations

import re

MAX_WORDS = 2000  # words (runs of non-space) in one indexed paragraph at most

# a sentence ends at . ! ? or an ellipsis (closing quotes and brackets kept with it) before
# a space, or at a line break (a list's items, lines of a verse or a table)
_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+|\s*\n\s*")
_WORD = re.compile(r"\S+")
# "Dr. Ba", "J. Smith", "e.g. the": a full stop that ends a word, not a sentence
_ABBREVIATIONS = frozenset("""
mr mrs ms mx dr prof st no nos vs etc e.g i.e cf al jr sr gen col lt capt sgt rev hon
h.e amb sen rep gov pres dept approx fig vol pp art para
""".split())


def split_paragraph(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Pure: ``text`` as it is when it has at most ``max_words`` words, else in pieces of
    at most that many, cut between sentences (inside a sentence longer than the bound,
    between words). Pieces are stripped slices of ``text``, in order."""
    if len(_WORD.findall(text)) <= max_words:
        return [text]
    pieces: list[str] = []
    start, words = 0, 0  # the piece being filled: where it starts, its words so far
    for begin, end in _sentences(text):
        count = len(_WORD.findall(text, begin, end))
        if words and words + count > max_words:
            pieces.append(text[start:begin])
            start, words = begin, 0
        if count > max_words:  # one sentence over the bound: cut it between words
            cuts = [m.start() for m in _WORD.finditer(text, begin, end)][max_words::max_words]
            for cut in cuts:
                pieces.append(text[start:cut])
                start = cut
            count -= len(cuts) * max_words
        words += count
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def _sentences(text: str):
    """(start, end) of each sentence of ``text``, together covering all of it."""
    start = 0
    for match in _END.finditer(text):
        if "\n" not in match.group() and not _ends_sentence(text, match):
            continue
        yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _ends_sentence(text: str, match: re.Match) -> bool:
    if text[match.end():match.end() + 1].islower():
        return False
    if match.group()[0] != ".":
        return True
    before = text[max(0, match.start() - 24):match.start()].split()
    word = before[-1].lstrip("\"'(\u201c\u2018[").lower() if before else ""
    return not (len(word) == 1 and word.isalpha()) and word not in _ABBREVIATIONS
