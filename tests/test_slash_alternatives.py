"""Slash alternatives: "a teacher/parent-led approach" is a teacher-led approach and a
parent-led one, and each of those finds it, with the words marked where they stand;
its own words stay where they are for a phrase."""

from pathlib import Path

import pytest

from indexer.analysis import token_words

from .conftest import run, run_json

FIXTURE = Path(__file__).parent / "relevance" / "fixtures" / "slash"
SLASHED = "The pilot took a teacher/parent-led approach to safeguarding."


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("slash") / "index"
    result = run(folder, "index", str(FIXTURE), "--quiet")
    assert result.exit_code == 0, result.output
    return folder


def hits(index: Path, query: str) -> list[dict]:
    return run_json(index, "search", query, "--format", "json")["hits"]


def marked(hit: dict) -> list[str]:
    return [hit["text"][start:end] for start, end in hit["highlights"]]


@pytest.mark.parametrize("query", ["parent-led approach", "teacher-led approach"])
def test_either_alternative_finds_the_slashed_compound_first(index, query):
    found = hits(index, query)
    assert found[0]["text"] == SLASHED, [h["text"] for h in found]
    assert marked(found[0]) in (["teacher/parent-led approach"], ["parent-led approach"])


def test_teacher_led_marks_teacher_and_led_not_only_approach(index):
    [first, *_] = hits(index, "teacher-led")
    assert first["text"] == SLASHED
    assert marked(first) == ["teacher/parent-led"]


def test_the_plain_compound_is_still_found(index):
    texts = [h["text"] for h in hits(index, "parent-led approach")]
    assert "A parent-led approach was tried elsewhere." in texts


@pytest.mark.parametrize("query", ['"teacher/parent-led approach"', '"teacher parent led"',
                                   "teacher/parent-led"])
def test_the_words_as_written_stay_a_phrase(index, query):
    assert [h["text"] for h in hits(index, query)] == [SLASHED]


def test_a_quoted_phrase_stays_exact(index):
    # the slash form holds "teacher-led" but not "teacher-led approach" word for word
    assert hits(index, '"teacher-led approach"') == []
    assert SLASHED in [h["text"] for h in hits(index, '"teacher-led"')]


def test_slashes_between_other_things_are_words_one_after_another():
    assert [w for w, *_ in token_words("w3c.github.io/wpub/issues", True, True)] == [
        "w3c.github.io", "wpub", "issues"]
    assert [w for w, *_ in token_words("teacher/parent", True, True)] == ["teacher", "parent"]
    assert token_words("and/or", True, True) == ()
    # at query time, no extra words: the slashed words in their order
    assert [w for w, *_ in token_words("teacher/parent-led", False, True)] == [
        "teacher", "parent", "led"]
