"""Who speaks in each paragraph: the seed report, read by hand, and small layouts."""

import pytest

from indexer.parse import parse_file, parse_text

from .conftest import FIXTURES, SEED

PEHRMAN, CLEMENTS = "Katja Pehrman", "Kelly T. Clements"
RIVIERE, LOPEZ, CONNORS = "Nicolas de Rivière", "Martha Helena Lopez", "Jane Connors"
DASILVA, FRANCE = "Kemi DaSilva-Ibru", "Monroe France"

# paragraph -> speakers, written from reading the seed report
SEED_SPEAKERS = {
    1: [], 2: [PEHRMAN], 3: [PEHRMAN], 4: [CLEMENTS], 5: [CLEMENTS], 6: [PEHRMAN], 7: [],
    8: [RIVIERE], 9: [RIVIERE], 10: [LOPEZ], 11: [LOPEZ], 12: [CONNORS], 13: [DASILVA],
    14: [FRANCE], 15: [LOPEZ], 16: [CONNORS], 17: [], 18: [LOPEZ], 19: [DASILVA],
    20: [PEHRMAN],
}


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED)


def test_every_seed_paragraph_has_its_speakers(seed):
    got = {c.position: list(c.speakers) for c in seed.chunks}
    assert got == SEED_SPEAKERS


def test_thanking_the_deputy_high_commissioner(seed):
    chunk = seed.chunks[5]
    assert chunk.text.startswith("Ms. Pehrman thanked the Deputy High Commissioner")
    assert chunk.speakers == (PEHRMAN,)
    assert chunk.mentions == (CLEMENTS,)


def test_france_the_country_is_not_monroe_france(seed):
    riviere = seed.chunks[7]
    assert "France had made gender equality" in riviere.text
    assert FRANCE not in riviere.speakers + riviere.mentions
    assert seed.chunks[13].speakers == (FRANCE,)


def test_panel_list_gives_mentions_and_roles_not_speakers(seed):
    panel = seed.chunks[6]
    assert panel.speakers == ()
    assert set(panel.mentions) == {RIVIERE, LOPEZ, CONNORS, DASILVA, FRANCE}
    people = {p.name: p for p in seed.people}
    assert people[LOPEZ].roles[0] == "Assistant Secretary-General for Human Resources"
    assert "Assistant Secretary-General" in people[LOPEZ].titles  # from "ASG Lopez"
    assert people[DASILVA].key == "kemi dasilva-ibru"  # "DaSilva – Ibru" folded
    assert "Women at Risk International Foundation (WARIF)" in people[DASILVA].organisations
    assert people[PEHRMAN].roles == ("Senior Advisor",)


def test_registry_has_one_entry_per_person(seed):
    assert sorted(p.name for p in seed.people) == sorted(
        [PEHRMAN, CLEMENTS, RIVIERE, LOPEZ, CONNORS, DASILVA, FRANCE])


def test_role_reference_and_accent_insensitive_short_form():
    report = parse_file(FIXTURES / "dialogue.md")
    speakers = [c.speakers for c in report.chunks]
    assert speakers == [(), ("Rosa Benítez",), ("Rosa Benítez",), ("Rosa Benítez",),
                        ("Tomás Ortega",)]


def test_pronoun_continues_the_speaker_named_before_it():
    text = ("## Panel\n\nMs. Ada Lovelace said that data matters. Mr. Alan Turing noted the "
            "limits. He added that more was needed.\n\nShe replied that both were right.")
    chunks = parse_text(text, "markdown").chunks
    assert chunks[0].speakers == ("Ada Lovelace", "Alan Turing")
    assert chunks[1].speakers == ("Alan Turing",)  # the last speaker carries on


def test_no_speaker_without_evidence():
    text = ("Participants discussed the policy. Lima hosted the meeting.\n\n"
            "Several delegates noted progress.")
    chunks = parse_text(text, "markdown").chunks
    assert all(c.speakers == () for c in chunks)


def test_speaker_resets_at_a_new_section():
    text = "## A\n\nDr. Mia Wong said hello.\n\n## B\n\nShe left early."
    chunks = parse_text(text, "markdown").chunks
    assert chunks[1].speakers == ()


def test_front_matter_speaker_owns_unattributed_paragraphs():
    text = "---\nspeaker: Maria Fernanda Espinosa\nrole: President\n---\nWe meet in hard times."
    report = parse_text(text, "markdown")
    assert report.chunks[0].speakers == ("Maria Fernanda Espinosa",)
    assert report.people[0].roles == ("President",)


def test_in_a_speech_people_quoted_are_mentions_and_labels_still_count():
    text = ("---\nspeaker: Maria Fernanda Espinosa\n---\n"
            "This morning President Kagame said that reform cannot wait. I agree.\n\n"
            "She added that we must act.\n\n"
            "**Mr. Tomas Ruiz:** A question from the floor on funding.")
    chunks = parse_text(text, "markdown").chunks
    assert chunks[0].speakers == ("Maria Fernanda Espinosa",)
    assert chunks[0].mentions == ("Kagame",)
    assert chunks[1].speakers == ("Maria Fernanda Espinosa",)
    assert chunks[2].speakers == ("Tomas Ruiz",)
