"""A paragraph longer than the bound is indexed as several, cut between sentences."""

import json
import random

from indexer.long_paragraphs import MAX_WORDS, split_paragraph
from indexer.parse import parse_file, parse_text

from .conftest import SEED, run, run_json

_FILLER = "The panel met again in the afternoon to talk about the next steps."  # 13 words


def test_a_paragraph_within_the_bound_is_kept_as_it_is():
    text = " ".join([_FILLER] * 10) + "  trailing "
    assert split_paragraph(text) == [text]
    assert split_paragraph("") == [""]


def test_pieces_are_whole_sentences_within_the_bound():
    sentences = [f"Sentence {n} says {'more ' * (n % 17)}than the last." for n in range(900)]
    text = " ".join(sentences)
    pieces = split_paragraph(text, max_words=500)
    assert len(pieces) > 1
    assert all(len(piece.split()) <= 500 for piece in pieces)
    assert " ".join(pieces) == text  # nothing lost, nothing moved
    assert all(piece.startswith("Sentence ") and piece.endswith("than the last.")
               for piece in pieces)


def test_abbreviations_and_initials_are_not_sentence_ends():
    text = "Dr. Ana Lopez and J. Smith spoke, e.g. on pay. " * 3
    pieces = split_paragraph(text, max_words=10)
    assert pieces == ["Dr. Ana Lopez and J. Smith spoke, e.g. on pay."] * 3


def test_a_sentence_over_the_bound_is_cut_between_words():
    words = [f"W{n}" for n in range(25)]
    text = "Short one. " + " ".join(words) + ". Last one."
    pieces = split_paragraph(text, max_words=10)
    assert pieces[0] == "Short one."
    assert all(len(piece.split()) <= 10 for piece in pieces)
    assert " ".join(pieces).split() == text.split()
    assert pieces[1] == " ".join(words[:10])


def test_list_items_are_boundaries():
    text = "\n".join(f"- item {n} of the long list" for n in range(40))
    pieces = split_paragraph(text, max_words=50)
    assert all(len(piece.split()) <= 50 for piece in pieces)
    assert all(piece.startswith("- item ") and piece.endswith("of the long list")
               for piece in pieces)
    assert "\n".join(pieces) == text


def test_the_pieces_keep_the_block_tags_and_number_on():
    filler = " ".join([_FILLER] * 300)  # 3,900 words
    text = ("# Event\n\n## Panel\n\nMs. Jane Connors, the Victims Rights Advocate, said that "
            f"accountability for harassment matters. {filler} She thanked Dr. Ana Lopez for "
            "her work on **zero tolerance**.\n\n## Closing\n\nThe chair closed the meeting.\n")
    chunks = parse_text(text, "markdown").chunks
    pieces, closing = chunks[:-1], chunks[-1]
    assert len(pieces) == 2
    assert all(len(c.text.split()) <= MAX_WORDS for c in pieces)
    assert pieces[0].text.startswith("Ms. Jane Connors") and pieces[1].text.endswith("tolerance.")
    for piece in pieces:
        assert piece.section_path == ("Panel",)
        assert piece.speakers == ("Jane Connors",)
        assert piece.mentions == ("Ana Lopez",)
        assert "accountability" in piece.themes and "zero-tolerance" in piece.themes
        assert piece.keyphrases == ("zero tolerance",)
    assert [c.position for c in chunks] == [1, 2, 3]
    assert closing.section == "Closing" and closing.speakers == ()


def test_the_seed_report_is_not_split(monkeypatch):
    split = parse_file(SEED).chunks
    monkeypatch.setattr("indexer.chunks.split_paragraph", lambda text: [text])
    assert split == parse_file(SEED).chunks  # the same chunks as without the bound
    assert all(len(c.text.split()) <= MAX_WORDS for c in split)


def _five_megabyte_line() -> str:
    """One paragraph of about 5 MB on a single line: ten-word-ish sentences, a few with
    'gamma delta', a few with 'gamma' alone."""
    rng = random.Random(5)
    vocabulary = ("alpha beta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi "
                  "rho sigma tau").split()
    sentences, size = [], 0
    while size < 5_000_000:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(5, 15))]
        chance = rng.random()
        if chance < 0.01:
            words.insert(rng.randrange(len(words)), "gamma delta")
        elif chance < 0.02:
            words.insert(rng.randrange(len(words)), "gamma")
        sentence = " ".join(words).capitalize() + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences)


def test_a_five_megabyte_paragraph_indexes_and_searches(tmp_path):
    line = _five_megabyte_line()
    source = tmp_path / "huge.md"
    source.write_text(f"# Huge\n\n## Long\n\n{line}\n\nA short closing paragraph.\n", "utf-8")
    index = tmp_path / "index"
    result = run(index, "index", str(source), "--quiet")
    assert result.exit_code == 0, result.output

    exported = [json.loads(row) for row in run(index, "export").stdout.splitlines()]
    pieces, closing = exported[:-1], exported[-1]
    assert len(pieces) > 300
    assert all(len(c["text"].split()) <= MAX_WORDS for c in exported)
    assert " ".join(c["text"] for c in pieces).split() == line.split()
    assert [c["paragraph"] for c in exported] == list(range(1, len(exported) + 1))
    assert all(c["section"] == "Long" for c in exported)
    assert closing["text"] == "A short closing paragraph."
    (listed,) = run_json(index, "list", "--json")
    assert listed["paragraphs"] == len(exported)

    def words(chunk):
        return set(chunk["text"].lower().replace(".", " ").split())

    both = [c["paragraph"] for c in exported if {"gamma", "delta"} <= words(c)]
    found = run_json(index, "search", "gamma delta", "--format", "json", "--limit", "5")
    assert found["total"] == len(both) > 0
    assert {hit["paragraph"] for hit in found["hits"]} <= set(both)
    assert all(hit["highlights"] for hit in found["hits"])
    phrase = run_json(index, "search", '"gamma delta"', "--format", "json", "--limit", "5")
    together = [c["paragraph"] for c in exported if "gamma delta" in c["text"].lower()]
    assert phrase["total"] == len(together) > 0
