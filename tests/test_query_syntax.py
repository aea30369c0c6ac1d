"""Query strings the parser would silently misread are usage errors; fuzziness is capped."""

import json
import re

import pytest

from indexer.errors import UsageError
from search.engine import SearchRequest

from .conftest import run, run_json


def assert_usage_error(index, query, *words):
    """Exit 2 and one line on stderr that starts with 'error:' and names ``words``."""
    result = run(index, "search", query)
    assert result.exit_code == 2, (query, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, (query, result.stderr)
    assert re.match(r"error:", lines[0], re.IGNORECASE), (query, lines[0])
    for word in words:
        assert word in lines[0], (query, lines[0])
    assert "Traceback" not in result.output


@pytest.mark.parametrize("query", [
    "speaker:", "theme:", "section:", "title:", "report:",
    "accountability theme:", "speaker: Lopez", 'speaker:""', "speaker:''", 'theme:" "',
    "speaker:()", "(accountability speaker:)", "accountability OR report:",
])
def test_a_field_with_no_value_is_a_usage_error(seed_index, query):
    field = re.search(r"(\w+):", query).group(1)
    assert_usage_error(seed_index, query, f"{field}:", "needs a value")


@pytest.mark.parametrize("query", [
    '"the speaker:" accountability', "note: accountability", "speaker:Lopez accountability",
    'speaker:"Martha Helena Lopez"', "speaker:(Lopez) accountability",
])
def test_a_field_with_a_value_or_a_colon_in_a_phrase_is_fine(seed_index, query):
    assert run(seed_index, "search", query).exit_code == 0, query


@pytest.mark.parametrize(("query", "message"), [
    ("OR OR", "'OR' needs a word before it"),
    ("accountability OR OR leadership", "'OR' needs a word after it, not 'OR'"),
    ("epub NOT", "'NOT' needs a word after it"),
    ("NOT", "'NOT' needs a word after it"),
    ("AND leadership", "'AND' needs a word before it"),
    ("accountability AND", "'AND' needs a word after it"),
    ("accountability ANDNOT", "'ANDNOT' needs a word after it"),
    ("ANDMAYBE leadership", "'ANDMAYBE' needs a word before it"),
    ("(accountability OR) leadership", "'OR' needs a word after it"),
    ("accountability (AND leadership)", "'AND' needs a word before it"),
    ("accountability NOT OR leadership", "'NOT' needs a word after it, not 'OR'"),
    ("accountability AND OR leadership", "'AND' needs a word after it, not 'OR'"),
])
def test_a_dangling_operator_is_a_usage_error(seed_index, query, message):
    assert_usage_error(seed_index, query, message)


@pytest.mark.parametrize("query", [
    "accountability AND leadership", "accountability NOT leadership",
    "accountability AND NOT leadership", "NOT leadership accountability",
    "(accountability OR leadership) AND funding", "accountability AND (NOT leadership)",
    '"AND" accountability', "accountability and or not leadership",
])
def test_operators_with_words_on_both_sides_are_fine(seed_index, query):
    assert run(seed_index, "search", query).exit_code == 0, query


def test_the_library_raises_usage_errors_for_these_too(library):
    for query in ("speaker:", "a OR OR b", "epub NOT"):
        with pytest.raises(UsageError):
            library.search(SearchRequest(query=query))


def test_fuzziness_is_capped_at_two_with_a_note(seed_index):
    capped = run(seed_index, "search", "harasment~5", "--format", "json")
    assert capped.exit_code == 0, capped.output
    two = run_json(seed_index, "search", "harasment~2", "--format", "json")
    assert json.loads(capped.stdout)["total"] == two["total"] > 0
    assert "note: fuzziness ~5 capped at ~2" in capped.stderr
    assert "capped" not in run(seed_index, "search", "harasment~2").stderr


def test_the_fuzziness_note_is_given_once_for_a_word_searched_in_several_fields(library):
    result = library.search(SearchRequest(query="harasment~9 leadership~3"))
    assert result.notes == ["fuzziness ~9 capped at ~2", "fuzziness ~3 capped at ~2"]

