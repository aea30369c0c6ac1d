"""Who speaks in each paragraph: the seed report, read by hand, and small layouts."""

import pytest

from indexer.parse import parse_file, parse_text

from .conftest import FIXTURES, SEED

PEHRMAN, KABBA, ERDAN = "Katja Pehrman", "Alie Kabba", "Gilad Erdan"
CLEMENTS, BHATIA, LOPEZ = "Kelly T. Clements", "Anita Bhatia", "Martha Helena Lopez"
FRANCE, ESTIVAL, CONNORS = "Monroe France", "Nathalie Estival-Broadhurst", "Jane Connors"
SYED, PETERSEN, DASILVA = "Deeba Syed", "Ib Petersen", "Kemi DaSilva-Ibru"

# a fragment of each paragraph of the seed report, in order -> the people who speak in it,
# written from reading the report (the same as tests/labels/dev/csw65-seed.json)
SEED_SPEAKERS = [
    ("ongoing efforts to engage actors from within and outside", []),
    ("welcomed the speakers and over 240 participants", [PEHRMAN]),
    ("outlined the three-fold purpose of the event", [PEHRMAN]),
    ("sexual harassment can target anyone", [PEHRMAN]),
    ("emphasised the importance of a zero-tolerance approach", [KABBA]),
    ("thanked his excellency for his remarks, commitment", [PEHRMAN]),
    ("proud to be part of the efforts in working towards", [ERDAN]),
    ("expressed appreciation for the reference to online sexual harassment", [PEHRMAN]),
    ("the UN system must work towards creating more inclusive", [CLEMENTS]),
    ("informed colleagues that the Task Force was established in 2017", [CLEMENTS]),
    ("which allows for vetting and reference checking", [CLEMENTS]),
    ("the Deputy High Commissioner noted that the Task Force is engaged", [CLEMENTS]),
    ("developing a voluntary and anonymous survey", [CLEMENTS]),
    ("noted the importance of working closely interrelated issues", [CLEMENTS]),
    ("thanked the Deputy High Commissioner, dear Kelly", [PEHRMAN]),
    ("reiterated the purpose of the event to to learn", [BHATIA]),
    ("moderated the peer-to-peer learning discussion", [BHATIA]),
    ("Associate Vice President for Global Engagement", []),
    ("all managers setting a clear tone and taking clear action", [PETERSEN]),
    ("request to speak to Angela to indicate that they needed support", [ESTIVAL]),
    ("ClearCheck is currently implemented by 25 CEB Member Organizations", [LOPEZ]),
    ("sexual harassment should be seen as an issue of workplace safety", [CONNORS]),
    ("the common themes of working with victims", [SYED]),
    ("works with secondary school girls and boys", [DASILVA]),
    ("those of minoritized identities, such as women of colour", [FRANCE]),
    ("recalled the productive 'Dialogue with UN Member States", [LOPEZ]),
]


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED)


def chunk_with(seed, fragment):
    found = [c for c in seed.chunks if fragment in c.text]
    assert len(found) == 1, fragment
    return found[0]


def test_every_seed_paragraph_is_read_by_hand(seed):
    # each paragraph holds exactly one fragment of the table, so the table covers them all
    for chunk in seed.chunks:
        held = [f for f, _ in SEED_SPEAKERS if f in chunk.text]
        assert len(held) == 1, chunk.text[:80]


def test_every_seed_paragraph_has_its_speakers(seed):
    got = {fragment: list(chunk_with(seed, fragment).speakers) for fragment, _ in SEED_SPEAKERS}
    assert got == dict(SEED_SPEAKERS)


def test_deputy_high_commissioner_and_she_paragraphs(seed):
    # "Deputy High Commissioner Kelly T. Clements, Chair of ... expressed that ..." and the
    # "She informed ..." / "She outlined ..." paragraphs that follow it are hers
    opening = chunk_with(seed, "Deputy High Commissioner Kelly T. Clements, Chair of")
    assert opening.speakers == (CLEMENTS,)
    assert chunk_with(seed, "She informed colleagues").speakers == (CLEMENTS,)
    assert chunk_with(seed, "She outlined some of its important progress").speakers == (CLEMENTS,)


def test_thanking_the_deputy_high_commissioner(seed):
    chunk = chunk_with(seed, "thanked the Deputy High Commissioner, dear Kelly")
    assert chunk.text.startswith("Ms. Pehrman thanked the Deputy High Commissioner")
    assert chunk.speakers == (PEHRMAN,)
    assert chunk.mentions == (CLEMENTS,)


def test_thanking_their_excellencies(seed):
    # "his excellency" / "the excellency" is Kabba / Erdan, thanked, not speaking
    kabba = chunk_with(seed, "Ms. Pehrman thanked his excellency")
    assert kabba.speakers == (PEHRMAN,)
    assert set(kabba.mentions) <= {KABBA}
    erdan = chunk_with(seed, "In thanking the excellency for his remarks")
    assert erdan.speakers == (PEHRMAN,)
    assert set(erdan.mentions) <= {ERDAN}


def test_france_the_country_is_not_monroe_france(seed):
    estival = chunk_with(seed, "the national efforts that France had taken")
    assert estival.speakers == (ESTIVAL,)
    assert FRANCE not in estival.speakers + estival.mentions
    assert chunk_with(seed, "Mr. France pointed out").speakers == (FRANCE,)
    people = {p.name: p for p in seed.people}
    assert "Deputy Permanent Representative of France to the United Nations" in \
        people[ESTIVAL].roles


def test_panel_list_gives_mentions_and_roles_not_speakers(seed):
    panel = chunk_with(seed, "Associate Vice President for Global Engagement")
    assert panel.speakers == ()
    assert set(panel.mentions) == {LOPEZ, FRANCE, ESTIVAL, CONNORS, SYED, PETERSEN, DASILVA}
    people = {p.name: p for p in seed.people}
    assert people[LOPEZ].roles[0] == "Assistant Secretary-General for Human Resources"
    assert "Assistant Secretary-General" in people[LOPEZ].titles  # from "ASG Lopez"
    assert people[DASILVA].key == "kemi dasilva-ibru"  # "DaSilva – Ibru" folded
    assert "Women at Risk International Foundation" in people[DASILVA].organisations
    assert people[DASILVA].roles in {("Founder and Director",), ("Founder", "Director")}
    assert people[FRANCE].roles == (
        "Associate Vice President for Global Engagement and Inclusive Leadership",)
    assert "New York University" in people[FRANCE].organisations
    assert people[CONNORS].roles == ("Victims' Rights Advocate",)


def test_roles_and_organisations_as_written(seed):
    people = {p.name: p for p in seed.people}
    # "..., Assistant Secretary-General for Human Resources, Department of Management,
    # Strategy, Policy and Compliance, United Nations": one department, with commas in it
    lopez = people[LOPEZ].organisations
    assert "Department of Management, Strategy, Policy and Compliance" in lopez
    assert "United Nations" in lopez
    assert "Strategy" not in lopez and "Department of Management" not in lopez
    # "Senior Advisor and Focal Point for Women in the UN System at UN Women": the role, then
    # the organisation; "The facilitator, Ms. Katja Pehrman, ...": and she facilitates
    assert people[PEHRMAN].roles == (
        "Senior Advisor and Focal Point for Women in the UN System", "Facilitator")
    assert "UN Women" in people[PEHRMAN].organisations


def test_people_named_in_passing_are_mentions(seed):
    # "led jointly by ASG Martha Helena Lopez and Deputy Executive Director Anita Bhatia"
    background = chunk_with(seed, "ongoing efforts to engage actors")
    assert background.speakers == ()
    assert set(background.mentions) == {LOPEZ, BHATIA}


def test_registry_has_one_entry_per_person(seed):
    # "the Secretary General" and "Angela" of 'Ask Angela' are not people of this report
    assert sorted(p.name for p in seed.people) == sorted(
        [PEHRMAN, KABBA, ERDAN, CLEMENTS, BHATIA, LOPEZ, FRANCE, ESTIVAL, CONNORS, SYED,
         PETERSEN, DASILVA])
    people = {p.name: p for p in seed.people}
    assert "Deputy High Commissioner" in people[CLEMENTS].titles


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
