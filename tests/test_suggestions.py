"""'Did you mean' for long words whose stem is not their spelling, transposed names, and
names preferred when the typed word looks like one; through the CLI on a small report."""

from pathlib import Path

import pytest

from search.library.suggest import damerau

from .conftest import run, run_json

FIXTURE = Path(__file__).parent / "relevance" / "fixtures" / "suggest"


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("suggest") / "index"
    result = run(folder, "index", str(FIXTURE), "--quiet")
    assert result.exit_code == 0, result.output
    return folder


def suggestion(index: Path, query: str) -> str | None:
    return run_json(index, "search", query, "--format", "json")["suggestion"]


@pytest.mark.parametrize(("typed", "meant"), [
    # the stem of the misspelling ("accountabilti") is far from the word's ("account")
    ("accountabilty", "accountability"),
    ("sustainabilty", "sustainability"),
    ("Accountabilty", "Accountability"),
    ("goverance", "governance"),
    ("accountabilty of funding", "accountability of funding"),
])
def test_long_words_are_corrected_from_how_they_are_written(index, typed, meant):
    assert suggestion(index, typed) == meant


def test_the_text_output_says_did_you_mean(index):
    result = run(index, "search", "sustainabilty")
    assert result.exit_code == 0
    assert "Did you mean: sustainability" in result.output


@pytest.mark.parametrize("typed", ["Lpoez", "lpoez", "Lopze"])
def test_a_transposed_name_is_one_edit_and_beats_a_shorter_name(index, typed):
    # "Poez" (a participant) is one deletion from "Lpoez" and looks more like it
    # letter by letter; a transposition keeps the word's length
    assert suggestion(index, typed) == "Lopez"


def test_a_name_wins_a_tie_when_the_word_looks_like_a_name(index):
    assert suggestion(index, "Cartex") == "Carter"  # a person
    assert suggestion(index, "cartex") == "cartel"  # a word of the text


def test_a_name_typo_in_a_longer_query(index):
    assert suggestion(index, "Marhta accountabilty") == "Martha accountability"


@pytest.mark.parametrize("typed", ["overance", "xyzzyq", "fnord"])
def test_nothing_unlike_the_typed_word_is_suggested(index, typed):
    # "overance" is one edit from nothing written here; stemming alike is not enough
    assert suggestion(index, typed) is None


def test_words_the_index_holds_get_no_suggestion(index):
    assert suggestion(index, "accountability") is None
    assert suggestion(index, "Lopez") is None


@pytest.mark.parametrize(("a", "b", "edits"), [
    ("lpoez", "lopez", 1), ("lpoez", "poez", 1), ("harasment", "harassment", 1),
    ("abc", "cba", 2), ("kitten", "sitting", 3), ("same", "same", 0),
    ("ca", "abc", 3),  # no edit twice: the restricted distance (optimal string alignment)
])
def test_damerau_distance(a, b, edits):
    assert damerau(a, b, 3) == edits
    assert damerau(a, b, 0) == min(edits, 1)
