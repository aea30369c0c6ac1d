"""The snippet window: the same choice as a plain scan, in time that does not grow with
the square of a paragraph's length."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from search.highlight import _CLAUSE, _SENTENCE, _cut_back, snippet_window


def reference_window(text, spans, size):
    """The plain scan the window must agree with."""
    if len(text) <= size:
        return 0, len(text)
    sentence_starts = {0} | {m.end() for m in _SENTENCE.finditer(text)}
    clause_starts = {m.end() for m in _CLAUSE.finditer(text)}
    ends = sorted(sentence_starts | clause_starts | {len(text)})
    best, best_key = (0, size), None
    for start in sorted(sentence_starts | clause_starts):
        fitting = [e for e in ends if start < e <= start + size]
        end = fitting[-1] if fitting else start + size
        found = sum(1 for s, e in spans if s >= start and e <= end)
        key = (found, start in sentence_starts, -start)
        if best_key is None or key > best_key:
            best, best_key = (start, end), key
    start, end = best
    if end - start >= size and end < len(text):
        end = _cut_back(text, start, end)
    return start, end


WORDS = st.lists(st.sampled_from(["alpha", "beta", "gamma.", "delta,", "eps;", "zeta"]),
                 min_size=1, max_size=120).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=WORDS, size=st.integers(20, 120), pick=st.sets(st.integers(0, 119), max_size=30))
def test_window_equals_the_plain_scan(text, size, pick):
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    spans = [words[i] for i in sorted(pick) if i < len(words)]
    assert snippet_window(text, spans, size) == reference_window(text, spans, size)


def test_a_long_paragraph_is_quick():
    text = "gamma delta is here. " * 40_000
    spans = [(m.start(), m.end()) for m in re.finditer(r"gamma", text)]
    start, end = snippet_window(text, spans)
    assert 0 <= start < end <= len(text)
