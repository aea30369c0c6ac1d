"""Who speaks, layout family by layout family: small fixtures in tests/families/, each
written for one family, with the speakers a careful reader gives."""

import json
from pathlib import Path

import pytest

from indexer.parse import parse_file, parse_text

from .conftest import run, run_json

FAMILIES = Path(__file__).resolve().parent / "families"


def chunk(path: Path, fragment: str):
    found = [c for c in parse_file(path).chunks if fragment in c.text]
    assert len(found) == 1, [c.text[:40] for c in found]
    return found[0]


@pytest.mark.parametrize(("fragment", "speakers", "mentions"), [
    ("the network had grown", ("Priya Raman",), ()),
    ("whether smaller offices", ("Tomas van der Berg",), ()),
    ("funding for the helpline ends", ("Lena Okafor",), ()),  # an appositive between
    ("rebutted the claim", ("Lena Okafor",), ()),  # surname alone
    ("proposed a shared budget", ("Tomas van der Berg",), ()),  # first name alone
    ("plan for the helpline was circulated", (), ("Lena Okafor",)),  # possessive
    ("law on workplace harassment", ("Amara Diallo",), ()),
    ("commended President Nakamura", ("Amara Diallo",), ("Nakamura",)),  # an object
    ("what Minister Diaz said she would do", ("Amara Diallo",), ("Diaz",)),  # reported
    ("stressed the role of inspectors", ("Karim Haddad",), ()),
    ("expressed support for the survey", ("Kelly T. Clements",), ()),  # title, no honorific
    ("publish the results of the survey", ("Kelly T. Clements",), ()),  # a quotation
    ("identified three gaps", ("Kim Ji-woo",), ()),
    ("the guidance would be translated", ("Anne de Vries",), ()),
    ("the pilot starts in two offices", ("Mark T. Ruiz",), ()),
    ("data protection must come first", ("Lars Løkke",), ()),
    ("reluctant to set a deadline", ("Deniz Çelik",), ()),
])
def test_narrative_without_honorifics(fragment, speakers, mentions):
    found = chunk(FAMILIES / "narrative.md", fragment)
    assert found.speakers == speakers
    assert set(mentions) <= set(found.mentions)


def test_narrative_evidence_says_how():
    assert chunk(FAMILIES / "narrative.md", "rebutted").speaker_evidence == ("speech-verb",)
    assert chunk(FAMILIES / "narrative.md", "publish the results").speaker_evidence == (
        "quotation",)
    assert chunk(FAMILIES / "narrative.md", "commended").speaker_evidence == ("continuation",)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Thank you all for coming", ("Smith",)),  # MR. SMITH:
    ("I will open with the figures", ("Jones",)),
    ("three thousand answers", ("Jones",)),  # a paragraph after a turn continues it
    ("questions from the floor", ("Moderator",)),  # a role label names the role
    ("How long does an investigation", ("Questioner",)),
    ("The helpline now runs", ("Priya Raman",)),  # a bold name alone owns the list
    ("Our office runs the same", ("Rosa",)),  # a one-off label
    ("this is a code listing", ()),
    ("agreed.", ()),  # ALL: is nobody
])
def test_labels_in_every_case_and_shape(fragment, speakers):
    assert chunk(FAMILIES / "labels.md", fragment).speakers == speakers


def test_labels_are_not_repeated_in_the_text():
    texts = [c.text for c in parse_file(FAMILIES / "labels.md").chunks]
    assert "MR. SMITH:" not in " ".join(texts) and "Thank you all" in texts[0]
    assert not any(t.strip() == "Priya Raman" for t in texts)  # the header is no paragraph


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("draft guidance is ready", ("Ada B. Lovett",)),  # ABL: derived from the list
    ("comments on the section", ("Nicolò Rossi",)),  # NR:
    ("We both support", ("Pieter van Dijk", "Chen Wei")),  # PvD/CW:
    ("Then we publish", ("Ada B. Lovett", "Nicolò Rossi")),  # two turns in one paragraph
])
def test_initials_without_an_abbreviation_column(fragment, speakers):
    assert chunk(FAMILIES / "initials.md", fragment).speakers == speakers


def test_chat_nicks_resolve_through_the_participants_table():
    assert chunk(FAMILIES / "chat.md", "ready to tag").speakers == ("Sam Patel",)
    assert chunk(FAMILIES / "chat.md", "tag it tonight").speakers == ("Maria Braun",)
    assert chunk(FAMILIES / "chat.md", "question of the changelog").speakers == ("Sam Patel",)
    texts = " ".join(c.text for c in parse_file(FAMILIES / "chat.md").chunks)
    assert "{%" not in texts and "{:" not in texts  # template markup is not text


def test_turn_headers_with_a_country_and_no_name():
    text = ("# Debate\n\n**France | Minister for Europe and Foreign Affairs**\n\n"
            "The minister welcomed the report.\n\n**Some | odd | header**\n\n"
            "Nobody we know says this.\n")
    chunks = parse_text(text, "markdown").chunks
    assert [c.speakers for c in chunks] == [("France",), ()]  # a header ends the turn


def test_a_table_of_statements_is_read_row_by_row():
    text = ("# Statements\n\n| Speaker | Statement |\n|---|---|\n"
            "| Priya Raman | We need a shared tracker for complaints, and this year. |\n"
            "| Tomas van der Berg | Budgets for investigators were cut by half again. |\n")
    chunks = parse_text(text, "markdown").chunks
    assert [c.speakers for c in chunks] == [("Priya Raman",), ("Tomas van der Berg",)]
    assert chunks[0].text.startswith("Speaker: Priya Raman; Statement: We need")


def test_one_person_many_forms_through_the_cli(tmp_path, seed_index):
    index = tmp_path / "ix"
    assert run(index, "index", str(FAMILIES), "-q").exit_code == 0
    out = run_json(index, "search", "--speaker", "xyz42", "--format", "json")
    assert {h["speakers"][0] for h in out["hits"]} == {"Sam Patel"} and out["total"] == 2
    # a surname two people share (one also called by it alone) searches both
    okafor = run_json(index, "search", "--speaker", "okafor", "--format", "json")
    assert {h["speakers"][0] for h in okafor["hits"]} == {"Lena Okafor", "Chidi Okafor"}
    assert okafor["total"] == 3
    kemi = run_json(seed_index, "search", "--speaker", "kemi dasilva ibru", "--format", "json")
    assert kemi["total"] == 1
    kabba = run(seed_index, "search", "Ambassador Kabba", "--format", "json")
    assert kabba.exit_code == 0 and "read as Alie Kabba" in kabba.stderr
    assert json_total(kabba) >= 1
    weak = run_json(index, "search", "--evidence", "quotation", "--format", "json")
    # a quotation carried on from the speaker before it (an interview's pull quote too),
    # a quote or a post credited after a dash, and a mail's quoted reply ("X wrote:")
    assert sorted(h["speakers"][0] for h in weak["hits"]) == [
        "Bronwen Pugh", "Ingrid Halvorsen-Mbeki", "Jonas Wikström-Obi", "Kelly T. Clements",
        "Marta Kowalczyk", "Tomás Ferreira"]
    assert all("quotation" in h["speaker_evidence"] for h in weak["hits"])
    assert run(index, "search", "--evidence", "guess").exit_code == 2


def json_total(result) -> int:
    import json

    return json.loads(result.stdout)["total"]


@pytest.mark.parametrize(("front", "heading", "body", "expected"), [
    ("publishDate: 2020-05-04", "Notes", "Text.", "2020-05-04"),
    ("pubDate: 2020-05-05", "Notes", "Text.", "2020-05-05"),
    ("created: 2021-05-04T10:00", "Notes", "Text.", "2021-05-04"),
    ("", "Minutes of the meeting of 2019-06-03", "Text.", "2019-06-03"),
    ("", "Notes", "See notes-2018-01-02.md and /2017-03-04/ for more.", None),
])
def test_dates(front, heading, body, expected):
    text = (f"---\n{front}\n---\n" if front else "") + f"# {heading}\n\n{body}\n"
    assert parse_text(text, "markdown", source="untitled.md").date == expected


def test_links_brackets_and_markup_alone_are_not_paragraphs():
    text = ("# T\n\nhttps://example.org/x\n\n[#1234]\n\n{: #id}\n\n"
            "Real words here.\n\nIvan Herman: +1\n")
    chunks = parse_text(text, "markdown").chunks
    assert [c.text for c in chunks] == ["Real words here.", "+1"]  # a vote is a turn


def test_an_item_owned_by_a_handle_owns_its_notes(tmp_path):
    notes = tmp_path / "team.md"
    notes.write_text(
        "# Team meeting\n\n## Shepherded items\n\n"
        "* [ ] const evaluation (ecstatic-morse)\n"
        "  - I am working to remove the old checker this week.\n"
        "* [ ] unwind interaction — kyle/adam\n"
        "  - the group is open and in review\n"
        "* [ ] parser cleanup — qmx\n"
        "  - not present\n"
        "* [ ] release checklist (follow-up)\n"
        "  - still waiting on the build\n", encoding="utf-8")
    assert chunk(notes, "remove the old checker").speakers == ("ecstatic-morse",)
    assert chunk(notes, "open and in review").speakers == ("kyle", "adam")
    assert chunk(notes, "still waiting on the build").speakers == ()  # "(follow-up)"


def test_a_person_written_two_ways_is_shown_the_same_whatever_the_order(tmp_path):
    """Across reports the fullest form names a person: the one with capitals and accents
    when the forms are as long ("Inês Carvalho" over "Ines Carvalho"), whichever report
    was indexed first."""
    first = tmp_path / "a.md"
    second = tmp_path / "b.md"
    first.write_text("# Panel one\n\nInes Carvalho said the grid was ready.\n", "utf-8")
    second.write_text("# Panel two\n\nInês Carvalho said storage came first.\n", "utf-8")
    shown = []
    for order in ((first, second), (second, first)):
        index = tmp_path / f"index-{order[0].stem}"
        for path in order:
            assert run(index, "index", str(path), "--quiet").exit_code == 0
        rows = [json.loads(line) for line in run(index, "export").stdout.splitlines()]
        shown.append(sorted({name for row in rows for name in row["speakers"]}))
    assert shown[0] == shown[1] == ["Inês Carvalho"]
