"""The in-order proximity test of phrases: the same answers as the quadratic span walk it
replaced, in time linear in the positions."""

from hypothesis import given, settings
from hypothesis import strategies as st

from search.matching import _near_in_order


def reference_near_in_order(positions: list[list[int]], slop: int) -> bool:
    """The former quadratic walk over every (start, end) span, kept as the reference."""
    spans = {(p, p) for p in positions[0]}
    for following in positions[1:]:
        joined = set()
        for start, end in spans:
            for p in following:
                if p < start:
                    continue
                if p > end + slop:
                    break
                distance = 0 if p <= end else p - end
                if 1 <= distance <= slop:
                    joined.add((start, max(end, p)))
        if not joined:
            return False
        spans = joined
    return True


# a word's positions in a paragraph: ascending and distinct, as Whoosh decodes them
_positions = st.lists(st.integers(min_value=0, max_value=60), max_size=12, unique=True) \
    .map(sorted)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_positions, min_size=1, max_size=5), st.integers(min_value=-1, max_value=8))
def test_same_answers_as_the_span_walk(positions, slop):
    assert _near_in_order(positions, slop) == reference_near_in_order(positions, slop)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=0, max_value=15), max_size=8, unique=True)
                .map(sorted), min_size=2, max_size=4))
def test_exact_phrases_with_slop_one(positions):
    """slop=1 is an exact phrase: each word right after the one before."""
    expected = any(all(start + k in set(words) for k, words in enumerate(positions))
                   for start in positions[0])
    assert _near_in_order(positions, 1) == expected == reference_near_in_order(positions, 1)


def test_order_and_distance():
    assert _near_in_order([[3], [4]], 1)
    assert not _near_in_order([[4], [3]], 1)  # out of order
    assert not _near_in_order([[3], [3]], 1)  # the same position is no distance
    assert not _near_in_order([[1], [5]], 3)
    assert _near_in_order([[1], [5]], 4)
    assert _near_in_order([[1], [3], [5]], 2)  # each word within slop of the one before
    assert not _near_in_order([[1], [3], [6]], 2)
    assert not _near_in_order([[], [1]], 5)
    assert _near_in_order([[7]], 1)


def _long_lists(n: int) -> tuple[list[int], list[int]]:
    """Two words taking turns over 3n positions: every span of the first can go on."""
    return list(range(0, 3 * n, 3)), list(range(1, 3 * n, 3))


def test_many_positions_are_linear():
    """About 210,000 positions: the span walk would take minutes, a merge walk a blink."""
    n = 70_000
    first, second = _long_lists(n)
    assert _near_in_order([first, second], 1)
    assert _near_in_order([first, second, [3 * n - 1]], 1)  # right after the last pair
    assert not _near_in_order([first, second, [3 * n + 5]], 5)  # 7 past the last pair
    assert _near_in_order([first, second, [p + 1 for p in second]], 1)
    assert not _near_in_order([first, second, [p + 2 for p in second]], 1)


def test_long_lists_answer_as_the_reference():
    n = 300
    first, second = _long_lists(n)
    for third, slop in (([3 * n - 1], 1), ([3 * n + 5], 5), ([3 * n + 5], 7),
                        ([p + 1 for p in second], 1), ([p + 2 for p in second], 1)):
        positions = [first, second, third]
        assert _near_in_order(positions, slop) == reference_near_in_order(positions, slop)
