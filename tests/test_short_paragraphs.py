"""Very short paragraphs do not win: a bare link, a one-liner or a "+1" ranks below a
paragraph that says something about the query, and lines that are only a link, a
bracketed reference or markup (a kramdown ``{: #id}``) are not paragraphs at all."""

from pathlib import Path

import pytest

from .conftest import run, run_json

FIXTURE = Path(__file__).parent / "relevance" / "fixtures" / "short-lines.md"
SAYS_SOMETHING = "I invoked the accessibility review a month before"


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("short") / "index"
    result = run(folder, "index", str(FIXTURE), "--quiet")
    assert result.exit_code == 0, result.output
    return folder


def exported(index: Path) -> list[dict]:
    result = run(index, "export")
    assert result.exit_code == 0, result.output
    import json

    return [json.loads(line) for line in result.stdout.splitlines()]


def test_link_bracket_and_markup_lines_alone_are_not_paragraphs(index):
    texts = [row["text"] for row in exported(index)]
    assert not any(t.startswith(("{:", "[#", "https://www.w3.org")) for t in texts), texts
    # a link someone posted is their turn, and stays (ranked low, below)
    assert texts == ["https://w3c.github.io/accessibility-review/", "accessibility, again",
                     texts[2], "+1"]
    assert texts[2].startswith(SAYS_SOMETHING)


def test_a_paragraph_that_says_something_outranks_one_liners(index):
    hits = run_json(index, "search", "accessibility", "--format", "json")["hits"]
    assert hits[0]["text"].startswith(SAYS_SOMETHING)
    assert [h["speakers"] for h in hits[1:]] == [["Ivan Herman"], ["Wendy Reid"],
                                                 ["Tzviya Siegman"]]


def test_a_bare_link_is_not_its_speakers_best_paragraph(index):
    # the case: a bare URL line was a speaker's best paragraph for a word in it
    hits = run_json(index, "search", "accessibility review", "--speaker", "Ivan Herman",
                    "--speaker", "Avneesh Singh", "--format", "json")["hits"]
    assert [h["speakers"] for h in hits] == [["Avneesh Singh"], ["Ivan Herman"]]


def test_explain_shows_the_length_prior(index):
    result = run(index, "search", "accessibility", "--explain")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if ": score " in line]
    long_line = next(line for line in lines if "short-lines:3:" in line)
    assert "length prior" not in long_line  # twenty words or more: not scaled
    short = next(line for line in lines if "short-lines:2:" in line)
    assert "× length prior 0.316" in short  # two words of twenty: (2/20) ** 0.5
