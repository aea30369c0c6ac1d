"""Who speaks, in each common layout of transcript and minutes (one fixture per layout in
tests/layouts/, expected speakers written from reading it)."""

from pathlib import Path

import pytest

from indexer.parse import parse_file, parse_text

from .conftest import run, run_json

LAYOUTS = Path(__file__).resolve().parent / "layouts"


def speakers_of(path: Path, opening: str) -> tuple[str, ...]:
    chunks = parse_file(path).chunks
    found = [c for c in chunks if c.text.startswith(opening)]
    assert len(found) == 1, f"{opening!r} in {[c.text[:30] for c in chunks]}"
    return found[0].speakers


@pytest.mark.parametrize(("opening", "speakers"), [
    ("Present:", ()),
    ("Regrets:", ()),
    ("Welcome to the town hall", ("Nadia Haddad",)),  # the label is not repeated
    ("Thank you. Last year", ("Tomasz Wiśniewski",)),
    ("… and that is why", ("Tomasz Wiśniewski",)),  # a continuation line
    ("Note:", ()),
    ("How do we report", ("Questioner",)),  # a role label names the role
    ("There is a hotline", ("Grace Mwangi",)),
    ("It also takes", ("Grace Mwangi",)),
    ("Discussion:", ()),
    ("Action:", ()),
    ("We close here", ("Nadia Haddad",)),
])
def test_transcript_labels(opening, speakers):
    assert speakers_of(LAYOUTS / "transcript.md", opening) == speakers


def test_transcript_roles_and_organisations_from_labels():
    people = {p.name: p for p in parse_file(LAYOUTS / "transcript.md").people}
    assert "Moderator" in people["Nadia Haddad"].roles
    assert "Staff Council" in people["Nadia Haddad"].organisations
    assert "Office of the Ombudsman" in people["Tomasz Wiśniewski"].organisations


@pytest.mark.parametrize(("opening", "speakers"), [
    ("Conduct teams now sit", ("Abebe Girma",)),
    ("The unit also trains", ("Abebe Girma",)),
    ("Survivors want to know", ("Lucía Fernández",)),
    ("She proposed a case tracker", ("Lucía Fernández",)),
])
def test_header_lines_own_the_paragraphs_below(opening, speakers):
    assert speakers_of(LAYOUTS / "panel-headers.md", opening) == speakers


def test_header_lines_are_not_body_paragraphs():
    texts = [c.text for c in parse_file(LAYOUTS / "panel-headers.md").chunks]
    assert not any("|" in t or t.startswith(("Mission Support", "Civil Society")) for t in texts)


def test_header_lines_give_role_and_organisation():
    people = {p.name: p for p in parse_file(LAYOUTS / "panel-headers.md").people}
    assert people["Abebe Girma"].roles == ("Chief of Conduct and Discipline",)
    assert people["Abebe Girma"].organisations == ("Mission Support Division",)
    assert people["Lucía Fernández"].roles == ("Coordinator",)


@pytest.mark.parametrize(("opening", "speakers"), [
    ("- Ivan Herman (IH)", ()),  # the attendee list: mentions, not speakers
    ("Regrets:", ()),
    ("The draft", ("Ivan Herman",)),
    ("I have comments", ("Laurent Le Meur",)),
    ("Let us take", ("Wendy Reid",)),
    ("< WR > s/Friday", ()),
    ("Resolution:", ()),
])
def test_scribe_html_with_cite_and_initials_from_the_attendee_list(opening, speakers):
    assert speakers_of(LAYOUTS / "scribe.html", opening) == speakers


def test_attendee_list_gives_mentions():
    chunk = next(c for c in parse_file(LAYOUTS / "scribe.html").chunks
                 if c.text.startswith("- Ivan Herman"))
    assert set(chunk.mentions) == {"Ivan Herman", "Laurent Le Meur", "Wendy Reid"}


@pytest.mark.parametrize(("opening", "speakers"), [
    ("The e-learning", ("Amina Yusuf",)),
    ("Field offices", ("Johan Berg",)),
    ("ACTION:", ()),
])
def test_initials_resolved_through_the_attendee_table(opening, speakers):
    assert speakers_of(LAYOUTS / "initials-minutes.md", opening) == speakers


def test_attendee_table_gives_organisations():
    people = {p.name: p for p in parse_file(LAYOUTS / "initials-minutes.md").people}
    assert people["Amina Yusuf"].organisations == ("UNFPA",)
    assert "AMYU" in people["Amina Yusuf"].aliases


def test_an_organisation_with_its_acronym_is_not_a_person():
    text = ("Dr. Kemi Ade of the Women at Risk International Foundation (WARIF) spoke.\n\n"
            "WARIF: runs centres in Lagos.")
    report = parse_text(text, "markdown")
    assert [p.name for p in report.people] == ["Kemi Ade"]
    assert report.chunks[1].speakers == ()


def test_unattributed_paragraph_inside_one_speakers_stretch():
    text = ("## Panel\n\nMs. Ana Ruiz said that budgets were cut in half this year.\n\n"
            "Training budgets suffered most, and travel was frozen for the whole year.\n\n"
            "Ms. Ruiz added that donors had been told.\n\n"
            "## Next\n\nThe meeting then moved to other business for the remaining time.")
    chunks = parse_text(text, "markdown").chunks
    assert [c.speakers for c in chunks] == [("Ana Ruiz",), ("Ana Ruiz",), ("Ana Ruiz",), ()]


def test_layouts_filter_by_speaker_through_the_cli(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(LAYOUTS), "-q").exit_code == 0
    out = run_json(index, "search", "--speaker", "LLM", "--format", "json")
    assert [h["speakers"] for h in out["hits"]] == [["Laurent Le Meur"]]
    out = run_json(index, "search", "--speaker", "Mwangi", "--format", "json")
    assert out["total"] == 2
    assert run_json(index, "search", "hotline", "--speaker", "Mwangi", "--format",
                    "json")["total"] == 1


def test_a_plain_line_between_two_turns_of_one_person_continues_the_turn():
    text = ("Lars: the reader sends the question to the database.\n\n"
            "numerical representation of the book feeds a vector store for queries.\n\n"
            "Lars: and the answers link back to the page.\n\n"
            "s/fed/feeds/\n\nLars: that is all.")
    chunks = parse_text(text, "markdown").chunks
    assert [c.speakers for c in chunks] == [("Lars",), ("Lars",), ("Lars",), (), ("Lars",)]


def test_labels_ending_in_a_minutes_word_are_not_people():
    text = ("- Tracking Comment: > Team member has proposed to merge this.\n"
            "- Initiating Comment: > We propose to stabilise.\n")
    report = parse_text(text, "markdown")
    assert report.people == ()
    assert report.chunks[0].speakers == ()
