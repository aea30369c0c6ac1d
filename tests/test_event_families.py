"""Who speaks in the layouts event reports come in: meeting coverage, board minutes,
webinars and panels, committee evidence, timed transcripts, question queues. Small
fixtures in tests/families/, each with the speakers a careful reader gives."""

import re

import pytest

from indexer.parse import parse_file, parse_text

from .conftest import SHARED_CORPORA, run, run_json
from .test_families import FAMILIES, chunk


def by_opening(chunks, width: int) -> dict[str, tuple[str, ...]]:
    """Each paragraph's speakers, by the first ``width`` characters of its text."""
    return {c.text[:width]: c.speakers for c in chunks}


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("met at a moment of rapid change", ("Chair",)),  # an office no one is named for
    ("must not be left behind", ("Guyana",)),  # "the representative of Guyana said"
    ("rejected unilateral measures", ("Guyana",)),  # "Continuing, he said ..."
    ("rules must protect privacy", ("European Union",)),
    ("digital identity had saved time", ("Maria Santos",)),
    ("instant payment system", ("Brazil",)),
    ("create an expert group", ("Brazil",)),  # "He added ..."
    ("Also speaking were", ()),  # a list of delegations, nothing said
    ("thanked delegations", ("Chair",)),
])
def test_meeting_coverage(fragment, speakers):
    assert chunk(FAMILIES / "meeting-coverage.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("the meeting was quorate", ("Helen Marsh",)),  # "The Chair", named in the list
    ("revised policy had been circulated", ("Sunita Bhatt",)),
    ("presented the management accounts", ("Rafael Ruiz",)),
    ("increase in insurance premiums", ("Rafael Ruiz",)),  # "2.2 He drew ..."
    ("That the Board approves the budget", ("Jin Park", "Abena Osei")),  # moved, seconded
    ("Members noted the report", ()),
])
def test_board_minutes(fragment, speakers):
    assert chunk(FAMILIES / "board-minutes.md", fragment).speakers == speakers


def test_board_minutes_roles_from_the_attendance_list():
    people = {p.name: p for p in parse_file(FAMILIES / "board-minutes.md").people}
    assert "Chair" in people["Helen Marsh"].roles
    assert "Treasurer" in people["Rafael Ruiz"].roles
    assert "Carl Whitmore" in people  # a comma inside the parentheses does not split him
    assert not any("Architects" in name for name in people)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Ekwall welcomed participants", ("Jonas Ekwall",)),
    ("regularly exceeded 30 degrees", ("Lena Fischer",)),  # bold name, affiliation
    ("recover less than a third", ("Tariq Haddad",)),  # "### Keynote: Professor X"
    ("allocate shares of the flow", ("Nikos Papadakis",)),  # "Ambassador (ret.) X"
    ("What lessons could smaller towns", ("Lucía Méndez",)),  # "Q (Name, Agency):"
    ("Start with metering", ("Tariq Haddad",)),  # "A (Haddad):"
    ("Is subsidy reform realistic", ("Questioner",)),
    ("how the fund would reach small islands", ("Questioner",)),  # from the floor
    ("the fund was hard to reach", ()),  # an unnamed statement stays unattributed
    ("deadliest climate hazard", ()),
])
def test_webinar_and_panel(fragment, speakers):
    assert chunk(FAMILIES / "webinar.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("how resistance has changed", ("Harriet Ashworth",)),  # "Q1 Chair:"
    ("fastest in hospital infections", ("Chidi Okafor",)),  # named in the heading
    ("What would you change first", ("Daniel Price",)),
    ("Prescribing in primary care", ("Hanne Berg",)),
    ("I thank the representative", ("President",)),  # "The PRESIDENT (speaking in French):"
    ("Japan welcomes the report", ("Nakamura",)),
])
def test_committee_evidence(fragment, speakers):
    assert chunk(FAMILIES / "committee-evidence.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Welcome back to the show", ("Marcus Tell",)),
    ("Thanks for having me", ("Priya Natarajan",)),  # "[00:00:31] Name:"
    ("spreadsheets nobody can find", ("Ben Okoro",)),  # "00:01:10 Name:"
    ("a single catalogue", ("Priya Natarajan",)),  # "(00:02:00) Name:"
    ("every dataset now has an owner", ("Priya Natarajan",)),  # the turn goes on
    ("take a short break", ("Marcus Tell",)),  # "HOST:", the host named in the notes
])
def test_timed_transcript(fragment, speakers):
    found = chunk(FAMILIES / "transcript-times.md", fragment)
    assert found.speakers == speakers
    assert not found.text.startswith(("[", "(", "0"))  # the time stamp and label are off


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("diagnostics experts", ("scottmcm",)),  # "### scottmcm: ..."
    ("exactly the same premise", ("josh",)),
    ("default settings keep breaking CI", ("mark",)),  # no turn elsewhere: the queue says
    ("appeal of implied bounds", ("josh",)),  # "Josh:" alone above a list
])
def test_question_queue_headings(fragment, speakers):
    assert chunk(FAMILIES / "question-queue.md", fragment).speakers == speakers


def test_delegations_and_offices_are_searchable(tmp_path):
    index = tmp_path / "idx"
    assert run(index, "index", str(FAMILIES / "meeting-coverage.md"), "--quiet").exit_code == 0
    found = run_json(index, "search", "expert group", "--speaker", "Brazil", "--format", "json")
    assert found["total"] == 1
    assert found["hits"][0]["speaker_evidence"] == ["continuation"]


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Release updates", ()),  # the agenda item is a topic; it names its presenter
    ("Code freeze is next week", ("Jeremy Rickard",)),  # notes nested under it
    ("forty items tracked", ("Jeremy Rickard",)),
    ("production readiness review", ("Kirsten Garrison",)),  # "[Name]"
    ("space for three hundred people", ("parispittman",)),  # "(@handle)"
    ("Thanks to the docs team", ()),  # an item with no presenter passes nobody on
    ("see the mailing list", ()),
])
def test_agenda_items_name_their_presenters(fragment, speakers):
    assert chunk(FAMILIES / "agenda-presenters.md", fragment).speakers == speakers


def test_a_table_of_sessions_names_each_speaker_before_the_affiliation():
    text = ("# Workshop\n\n| Session | Speaker | Summary |\n|---|---|---|\n"
            "| 1. Mapping | Dr. Wei Chen, Geospatial Lab, University of the Caribbean | "
            "Presented a new building footprint dataset for the whole region. |\n"
            "| 2. Statistics | Mr. Jean-Robert Baptiste, Regional Statistics Office | "
            "Argued that census data should be released at a finer level. |\n\n"
            "| Action | Owner |\n|---|---|\n| Send the revised budget to all trustees "
            "before the next meeting in May | Wei Chen |\n| Book the hall for the autumn "
            "conference and confirm the catering with them | Wei Chen |\n")
    chunks = parse_text(text, "markdown").chunks
    assert [c.speakers for c in chunks[:2]] == [("Wei Chen",), ("Jean-Robert Baptiste",)]
    assert all(c.speakers == () for c in chunks[2:])  # who owns an action did not speak


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("President: Mr. Laurent Castellane", ()),  # who holds the office, not a turn
    ("called to order", ()),  # the record's own words
    ("In accordance with rule 37", ("Laurent Castellane",)),  # "The PRESIDENT (spoke in ...):"
    ("I now give the floor", ("Laurent Castellane",)),  # first person goes on, naming another
    ("opportunity to brief", ("Amina Diallo",)),
    ("deteriorated sharply", ("Amina Diallo",)),
    ("remains committed to the peace process", ("Nakamura",)),
    ("respect the ceasefire", ("Nakamura",)),
    ("The meeting rose", ()),
])
def test_verbatim_record(fragment, speakers):
    assert chunk(FAMILIES / "verbatim-record.md", fragment).speakers == speakers


def test_who_chairs_is_named_not_heard_until_they_speak():
    text = ("# Panel\n\n## Opening\n\nThe session was chaired by Yasmin Al-Khatib, Deputy "
            "Director of the Forum. She recalled that water use had doubled.\n\n"
            "## Groups\n\nGroup 1 (facilitated by Tom Becker) discussed flood maps for the "
            "coast and the islands.\n")
    chunks = parse_text(text, "markdown").chunks
    assert chunks[0].speakers == ("Yasmin Al-Khatib",)  # "She recalled": the one named
    assert chunks[1].speakers == ()  # the facilitator of a group is not its speaker


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("speaks to residents", ()),  # a caption shows someone; it is not their turn
    ("old stone house", ("Maria",)),  # "**Q (Maria, Lisbon):**"
    ("radiators are large enough", ("Felix Braun",)),  # "**A (Dr. Felix Braun):**"
    ("outdoor unit", ("Tom",)),
    ("as loud as a fridge", ("Felix Braun",)),  # a bare "A:" after him is his
])
def test_event_faq(fragment, speakers):
    assert chunk(FAMILIES / "event-faq.md", fragment).speakers == speakers


def test_a_record_header_with_dot_leaders_names_the_president():
    text = ("# Security Council\n\nPresident: Mr. Laurent Castellane . . . . . (France)\n\n"
            "The PRESIDENT (spoke in French): I declare the meeting open and welcome the "
            "briefers.\n")
    chunks = parse_text(text, "markdown").chunks
    assert [c.speakers for c in chunks] == [(), ("Laurent Castellane",)]


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("worked on urban resilience", ()),  # a biography under "Speakers" is not a turn
    ("cities were growing fastest", ("Amina Yusuf",)),
    ("wanted earlier warnings", ("Tom Becker",)),  # "Rapporteur for Group 2, Tom Becker, reported"
])
def test_speaker_biographies_and_rapporteurs(fragment, speakers):
    assert chunk(FAMILIES / "speaker-bios.md", fragment).speakers == speakers


def test_moderators_and_quotations_in_a_side_event():
    text = ("# Side event\n\n## Panel\n\nThe panel was moderated by Mr. Joaquín Arredondo, "
            "Senior Adviser at the Coastal Alliance, who invited each panellist to answer one "
            "question.\n\nLorana Tavoa, Minister of Climate, said small islands needed grants.\n\n"
            "\"We did not come here to ask for charity,\" she said.\n\nThe moderator observed "
            "that the three interventions pointed the same way.\n\n### Engineering: Eng. Rania "
            "Saleh\n\nLosses in the network fell by a third in four years.\n")
    speakers = [c.speakers for c in parse_text(text, "markdown").chunks]
    assert speakers == [("Joaquín Arredondo",), ("Lorana Tavoa",), ("Lorana Tavoa",),
                        ("Joaquín Arredondo",), ("Rania Saleh",)]


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Welcome to the show", ("Host",)),  # "**HOST:** ..." is a turn, not a presenter line
    ("Glad to be here", ("Priya Natarajan",)),  # "[00:00:31] PRIYA NATARAJAN:"
    ("where the data comes from", ("Marcus Tell",)),  # "Marcus Tell  0:45" then the words
    ("sensors on buses", ("Priya Natarajan",)),
    ("crosstalk", ()),
    ("the weather service", ("Ben Okoro",)),  # "Ben Okoro (00:02:10):"
    ("Let us stop there", ("Marcus Tell",)),  # "MARCUS:", once the document names him
])
def test_transcript_label_variants(fragment, speakers):
    assert chunk(FAMILIES / "transcript-variants.md", fragment).speakers == speakers


def test_a_shouted_keyword_is_nobody():
    text = "# Minutes\n\nRESOLVED: the budget is approved for the year.\n"
    assert parse_text(text, "markdown").chunks[0].speakers == ()


def test_record_labels_with_long_asides_and_titles_in_the_header():
    text = ("# Security Council\n\nPresident: Mr. Laurent Castellane, Permanent Representative "
            "(France)\n\nThe PRESIDENT (spoke in French): I give the floor to the representative "
            "of Brazil.\n\nMs. ARANTES LOBO (Brazil) (spoke in Portuguese; English text provided "
            "by the delegation): Brazil thanks the Special Envoy for her briefing.\n\nDame Eleanor "
            "WHITCOMBE (United Kingdom): Let me start by thanking the Special Envoy.\n\n"
            "## Questions\n\nQ: Mr. Odeh, do farmers in your association trust reclaimed water?\n")
    speakers = [c.speakers for c in parse_text(text, "markdown").chunks]
    assert speakers == [(), ("Laurent Castellane",), ("Arantes Lobo",), ("Eleanor Whitcombe",),
                        ("Questioner",)]


def test_a_host_named_in_the_notes_takes_the_host_turns():
    text = ("# Episode 87\n\nRecorded live in Rotterdam. Your host is Marcus Tell.\n\n"
            "[00:00:04] HOST: Hello and welcome to the show from a very full tent.\n")
    assert parse_text(text, "markdown").chunks[-1].speakers == ("Marcus Tell",)


def test_offices_named_in_apposition_and_the_chair_of_this_meeting():
    text = ("# Committee\n\nMembers present: Dame Harriet Ashworth (Chair); Nadia Choudhury.\n\n"
            "Witnesses: Professor Moira Kettleborough, Chair, Advisory Group on Stewardship.\n\n"
            "Q1 Chair: Could you introduce yourselves for the record?\n\n"
            "## Dialogue\n\nThe President of the General Assembly, Mr. Teodor Vasilescu-Mare, "
            "recalled that the ocean economy was large.\n\nThe President said that finance "
            "lagged behind.\n\nThe Deputy Secretary-General, Ms. Adaeze Okonjo-Lindahl, "
            "delivered a statement.\n\nGroup 2 (Dr Anjali Rao, Urban Heat Collaborative)\n")
    chunks = parse_text(text, "markdown").chunks
    by_text = by_opening(chunks, 12)
    assert by_text["Could you in"] == ("Harriet Ashworth",)  # this meeting's Chair
    assert by_text["The Presiden"] == ("Teodor Vasilescu-Mare",)
    assert [c.speakers for c in chunks if c.text.startswith("The President said")] == [
        ("Teodor Vasilescu-Mare",)]
    assert by_text["The Deputy S"] == ("Adaeze Okonjo-Lindahl",)
    names = {p.name for p in parse_text(text, "markdown").people}
    assert "Urban Heat Collaborative" not in names


def test_an_attendance_line_with_the_role_first_and_semicolons():
    text = ("# Town hall\n\n**In attendance:** Cathaoirleach and Mayor of the Municipal "
            "District, Cllr Siobhán Reddy (chair); Cllr Declan Byrne; Mr Peter Lahiff, Director "
            "of Services.\n\nThe Mayor welcomed everyone and thanked the parish for the hall.\n")
    report = parse_text(text, "markdown")
    people = {p.name: p for p in report.people}
    assert set(people) == {"Siobhán Reddy", "Declan Byrne", "Peter Lahiff"}
    assert "Mayor of the Municipal District" in people["Siobhán Reddy"].roles
    assert report.chunks[-1].speakers == ("Siobhán Reddy",)


def test_a_talk_heading_names_its_speaker_and_where_they_work():
    text = ("# Webinar\n\n## Presentation 2 — Karin Holm (Nordic Water Institute)\n\n"
            "Sensors on rivers now report every ten minutes.\n\n## Speaker: Ana Lima (UNDP)\n\n"
            "Funding follows data.\n\n## Background — Water Levels (2024)\n\nRivers matter.\n")
    report = parse_text(text, "markdown")
    assert [c.speakers for c in report.chunks] == [("Karin Holm",), ("Ana Lima",), ()]
    assert {p.name: p.organisations for p in report.people}["Karin Holm"] == (
        "Nordic Water Institute",)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("opened the meeting and welcomed", ("Marguerite Okwuosa-Lind",)),  # "In the chair:"
    ("minutes of the last AGM were approved", ("Callum Ferreday", "Yusra Abdi-Holt")),
    ("meters had been replaced", ("Linnea Sorvik", "Hugo Brannelly")),  # "The Treasurer, X,"
    ("accounts be received", ("Marguerite Okwuosa-Lind", "Dorian Pugh-Achebe")),
    ("the group would report in spring", ("Tobias Renshaw",)),  # "elected X as Rapporteur"
    ("closed the meeting at 12:10", ("Marguerite Okwuosa-Lind",)),
])
def test_general_meeting_motions_and_officers(fragment, speakers):
    assert chunk(FAMILIES / "agm-motions.md", fragment).speakers == speakers


def test_general_meeting_roles():
    people = {p.name: p for p in parse_file(FAMILIES / "agm-motions.md").people}
    assert "Chair" in people["Marguerite Okwuosa-Lind"].roles
    assert "Secretary" in people["Ines Valtonen"].roles


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("reminds attendees that questions", ("Adebayo Lindqvist-Marr",)),  # "Host X opens"
    ("walks through the design", ("Renata Vasquez-Holm",)),  # present tense, appositive
    ("spends several minutes on failures", ("Renata Vasquez-Holm",)),
    ("focuses on how the readings", ("Ishaan Kowalczyk-Rao",)),  # "who leads ..., focuses"
    ("maps alone change nothing", ("Ishaan Kowalczyk-Rao",)),
    ("the top-voted question", ("Adebayo Lindqvist-Marr",)),  # his first name alone
    ("whether the data are open", ("Mirela Dobos", "Ishaan Kowalczyk-Rao")),
    ("publishes its designs openly", ("Renata Vasquez-Holm",)),  # "In her introduction"
    ("Climate Tools Thursdays", ()),  # "**Series:**" is no one
])
def test_webinar_recap_in_the_present_tense(fragment, speakers):
    assert chunk(FAMILIES / "webinar-recap.md", fragment).speakers == speakers


def test_webinar_host_is_named_without_the_word_host():
    people = {p.name: p for p in parse_file(FAMILIES / "webinar-recap.md").people}
    assert "Host" in people["Adebayo Lindqvist-Marr"].roles
    assert "Series" not in people


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("two announcements before we take questions", ("Halvard Osei-Brandt",)),  # heading
    ("When will the northern inspections finish", ("Tomas Brenner",)),  # names himself
    ("programme runs until the end of August", ("Halvard Osei-Brandt",)),  # bare "A."
    ("Will any lines close", ("Tomas Brenner",)),  # a follow-up
    ("Two short sections will close", ("Mireille Fontaine",)),  # "A. (Dr. Fontaine)"
    ("the level crossings in the valley", ("Questioner",)),  # off microphone
])
def test_press_briefing_questions_and_answers(fragment, speakers):
    assert chunk(FAMILIES / "press-briefing.txt", fragment).speakers == speakers


def test_press_briefing_title_is_its_first_line():
    assert parse_file(FAMILIES / "press-briefing.txt").title.startswith("PRESS BRIEFING")


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("why a toll", ("Greta Halloran",)),  # "HOST:", the programme "Presented by" her
    ("gain the most from it", ("Ramón de la Vega",)),  # "DE LA VEGA:"
    ("takes lorries out of the town centre", ("Ingrid Sæther-Obi",)),
    ("pay twice, once as drivers", ("Padraig Ó Súilleabháin",)),  # "Ó SÚILLEABHÁIN:"
])
def test_broadcast_panel_labels_in_capitals(fragment, speakers):
    assert chunk(FAMILIES / "radio-panel.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("weighing three options", ("Olufemi Radcliffe-Saar",)),  # "Facilitator:", named
    ("only affordable pool for miles", ("Participant 3",)),
    ("take four years", ("Participant 7",)),
    ("who would make the final decision", ("Speaker 2",)),
    ("teaching pool would be welcomed", ("Olufemi Radcliffe-Saar",)),  # "(Ms. X)." at the end
    ("circulated to the residents", ()),  # an action point's owner is no speaker
])
def test_consultation_with_anonymous_participants(fragment, speakers):
    assert chunk(FAMILIES / "consultation-notes.md", fragment).speakers == speakers


def test_anonymous_participant_is_searchable(tmp_path):
    ix = tmp_path / "ix"
    assert run(ix, "index", "-q", str(FAMILIES / "consultation-notes.md")).exit_code == 0
    hits = run_json(ix, "search", "pool", "--speaker", "Participant 3", "--format", "json")["hits"]
    assert hits and all("Participant 3" in h["speakers"] for h in hits)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Beta went out on Tuesday", ("Torvald Ekberg",)),  # "[Name - Release Lead]"
    ("contributor guide is being migrated", ("Maren Stolz", "Kofi Adjei-Brandt")),
    ("Evaluated twelve reports", ("Jonah Whitfield",)),  # "[Whitfield][ Slides ]"
    ("second iteration of the critical projects", ("Hanne Lindgren", "Raúl Echeverría")),
    ("Decision time", ()),  # the next agenda item ends their part
    ("extending the deadline by a month", ("Bob", "Arnaud")),  # "Bob, Arnaud:"
    ("maintainers are never told", ("Scott",)),  # his own label, not Arnaud's turn
    ("Arnaud to write a summary", ()),  # an action item
    ("mentoring three new contributors", ("rlinden",)),  # "rlinden - Big shoutout ..."
])
def test_community_meeting_notes(fragment, speakers):
    assert chunk(FAMILIES / "community-meeting-notes.md", fragment).speakers == speakers


def test_notes_indented_two_spaces_nest():
    text = ("# Notes\n\n* [ ] const evaluation (Ana Ruiz)\n  - No news this week.\n"
            "      - Both runs passed without regressions.\n  - Back to work next week.\n")
    chunks = parse_text(text, "markdown").chunks
    assert [c.text for c in chunks][-3:] == [
        "No news this week.", "Both runs passed without regressions.",
        "Back to work next week."]


REAL = SHARED_CORPORA


@pytest.mark.skipif(not REAL.is_dir(), reason="needs ../shared/corpora")
@pytest.mark.parametrize(("path", "fragment", "speakers"), [
    # agenda items naming presenters with a role, two together, a known surname
    ("kubernetes-community-meeting-notes/communication/meeting-notes-archive/"
     "201911-202010_Community_Meeting_Notes.md", "1.19.0-beta.0 went out", ("Taylor Dolezal",)),
    ("kubernetes-community-meeting-notes/communication/meeting-notes-archive/"
     "201911-202010_Community_Meeting_Notes.md", "Kubectl is being migrated",
     ("Maciej Szulik", "Sean Sullivan")),
    ("kubernetes-community-meeting-notes/communication/meeting-notes-archive/"
     "201911-202010_Community_Meeting_Notes.md", "Beta apis have had an issue",
     ("Jordan Liggitt",)),
    # presenters after a dash; a struck-out name left out
    ("ossf-tac-minutes/minutes/2023-06-13.md", "Metrics dashboard most active project",
     ("Michael Scovetta",)),
    ("ossf-tac-minutes/minutes/2023-06-13.md", "agree with extending their time",
     ("Bob Callaway", "Arnaud Le Hors")),
    # two-space nesting: each note its own paragraph, under the item's owner, a handle
    ("rust-lang-team-minutes/minutes/2019-10-31.md", "No major developments this week",
     ("ecstatic-morse",)),
    ("rust-lang-team-minutes/minutes/2019-10-31.md", "many users of", ("Josh",)),
])
def test_real_notes(path, fragment, speakers):
    assert chunk(REAL / path, fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("class sizes in the region had risen", ("Tadeusz Wróblewski-Hart",)),  # "Moved:" above
    ("nursery staff ratios", ("Folasade Adeyemi",)),  # "Seconded:", "Sister Adeyemi"
    ("tied the executive's hands", ("Cornelius van Loon",)),  # "Brother van Loon"
    ("the executive supported the motion", ("Ravinder Kaur-Lindqvist",)),  # "given by"
    ("motion was CARRIED", ()),
])
def test_record_of_proceedings(fragment, speakers):
    assert chunk(FAMILIES / "congress-proceedings.txt", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("boreholes in the eastern camps", ("WASH-Net",)),  # an agency in bold
    ("new pipeline would reach", ("MoWR",)),
    ("two water trucks", ("Republic of Osterlund",)),  # a delegation's label
    ("locked from the inside", ("Halina Brzezińska-Oduro",)),  # "Question 1 – Ms X" heading
    ("first forty will be installed", ("Tendai Mukwashi-Bell",)),  # "Response (Mr X, ...):"
])
def test_coordination_meeting_and_public_questions(fragment, speakers):
    assert chunk(FAMILIES / "cluster-meeting.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("hosting today's roundtable", ("Sipho Ndlovu-Marsh",)),
    ("two rooftop arrays", ("Katarzyna Żelazny-Obi",)),  # "Name (Organisation)", a time
    ("convince the schools", ("Sipho Ndlovu-Marsh",)),
])
def test_platform_transcript_export(fragment, speakers):
    assert chunk(FAMILIES / "platform-export.txt", fragment).speakers == speakers


def test_countries_take_the_floor_as_themselves():
    text = ("# Summary of the debate\n\n"
            "Mexico and Argentina stressed that any exchange of data must respect sovereignty.\n\n"
            "Camps in Jordan had received three times as many arrivals as planned.\n\n"
            "The representative of the European Union, speaking also for Albania and Serbia, "
            "said that funding would follow.\n")
    chunks = parse_text(text, "markdown").chunks
    assert [c.speakers for c in chunks] == [("Mexico", "Argentina"), (), ("European Union",)]
    assert chunks[1].mentions == ()  # a country named in passing is no one


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("all participants are in a listen-only mode", ("Operator",)),
    ("offshore portfolio started to pay back", ("Ingrid Solvang-Mbeki",)),
    ("pause new onshore development", ("Ingrid Solvang-Mbeki",)),  # her turn goes on
    ("operating cash flow covered", ("Rafael Quispe Huamán",)),  # "Name - Role" above
    ("is that a permanent exit", ("Nadia Farouk",)),
    ("It is a pause, Nadia", ("Ingrid Solvang-Mbeki",)),
])
def test_call_transcript_names_above_the_words(fragment, speakers):
    assert chunk(FAMILIES / "earnings-call.txt", fragment).speakers == speakers


def test_call_transcript_cover_page():
    report = parse_file(FAMILIES / "earnings-call.txt")
    assert report.title == "NORTHWIND RENEWABLES ASA"
    names = {p.name for p in report.people}
    assert {"Nadia Farouk", "Jonas Ekdahl", "Rafael Quispe Huamán"} <= names
    # the name lines are not paragraphs of their own
    assert not any(c.text.strip() == "Nadia Farouk" for c in report.chunks)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("beta 3 is out", ("Dmitri Sokolov-Reyes",)),  # "@dsr:" through the attendees list
    ("whether the changelog is final", ("Wen Jiahui", "Dmitri Sokolov-Reyes")),
    ("website banner still advertises", ("Ana Paula Ferreira",)),
    ("back and forth on version naming", ()),  # the room, not the last speaker
    ("docs freeze one week before", ("Wen Jiahui",)),
])
def test_notes_by_handle(fragment, speakers):
    assert set(chunk(FAMILIES / "handle-notes.md", fragment).speakers) == set(speakers)


def test_handle_searches_as_the_person(tmp_path):
    index = tmp_path / "ix"
    run(index, "index", "-q", str(FAMILIES / "handle-notes.md"))
    hits = run_json(index, "search", "changelog", "--speaker", "@dsr", "--format", "json")
    assert hits["hits"] and "Dmitri Sokolov-Reyes" in hits["hits"][0]["speakers"]


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("recalled the agreed topic", ("Hyun-joo Park",)),  # the office the roster names
    ("Night pilotage resumed in May", ("Tomasz Wierzbicki-Lund",)),  # the port's one
    ("sharing the simulator with smaller ports", ("Tomasz Wierzbicki-Lund",)),  # goes on
    ("two near misses in the lock approach", ("Pieter de Groot",)),  # named beside it
    ("publish its fog protocol next month", ("Adaeze Nwankwo",)),  # two for the port
    ("covers pleasure craft", ("Tomasz Wierzbicki-Lund",)),
])
def test_places_speak_through_their_roster(fragment, speakers):
    assert chunk(FAMILIES / "roster-exchange.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("I give the floor to", ("Kwabena Asante-Mensah",)),  # the President goes on
    ("the hospital ran on diesel", ("Leila al-Masri",)),  # "Ms. al-Masri (spoke in Arabic):"
    ("treated as the civilians they are", ("Leila al-Masri",)),  # her speech goes on
    ("could amount to war crimes", ("Hugo Lefranc",)),
    ("clearer humanitarian exemptions", ("Hugo Lefranc",)),  # "The representative of France"
    ("report on energy infrastructure", ("Harriet Blake",)),  # the one named beside it
])
def test_council_debate_record(fragment, speakers):
    assert chunk(FAMILIES / "council-open-debate.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("About sixty readers came", ()),  # the venue's line is no speaker's header
    ("how the orchard of the title", ("Marcus Oyelaran", "Selin Aydemir")),  # the title's
    ("Everything in the book is half true", ("Selin Aydemir",)),
])
def test_author_conversation(fragment, speakers):
    assert chunk(FAMILIES / "author-conversation.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("enrollment had risen by 2 percent", ("Ruth Kessler",)),
    ("contractor drivers had completed", ("Oscar Villanueva", "Ruth Kessler")),  # not hers on
    ("library hours extension, citing", ("Grace Adebayo-Hart",)),
    ("within the approved envelope", ("Mei Lin Zhou",)),
    ("Approval of the library hours extension", ()),  # an item, not the turn going on
    ("meeting was adjourned", ()),
])
def test_minutes_that_report_each_turn(fragment, speakers):
    assert chunk(FAMILIES / "board-minutes-reported.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("delay to the new ferry terminal", ("Nur Aisyah binte Rahman",)),
    ("the contractor had been replaced", ("Priscilla Tan Mei Ling",)),  # "The Group CEO"
    ("refinanced at higher rates", ("Goh Chee Keong", "Rohan Menon")),  # "The CFO"
    ("reviewed as a key audit matter", ("Adele Koh",)),  # an office inside the parentheses
])
def test_officers_named_by_their_title(fragment, speakers):
    assert chunk(FAMILIES / "agm-officers.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("opened the briefing and welcomed", ("Marie-Claude Fontaine",)),  # "NOM Prénom"
    ("Commission had presented its proposal", ("Marie-Claude Fontaine",)),  # S.E.: ambassador
    ("whether the annex would be binding", ("Joris van der Linden",)),
    ("should remain voluntary", ("Joris van der Linden",)),  # "In his assessment, ..."
    ("asked for more time", ("Agnieszka Nowak",)),
])
def test_briefing_with_surnames_first(fragment, speakers):
    assert chunk(FAMILIES / "presidency-briefing.html", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("satellite maps of seagrass loss", ("Rafael Oduya",)),
    ("presenting sediment cores", ("Min-seo Park",)),  # the talk's heading names her
    ("Fund long-term coring sites", ("Min-seo Park",)),
])
def test_talk_headings_name_their_speaker(fragment, speakers):
    assert chunk(FAMILIES / "plenary-talks.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("explained the format", ("Kofi Ba",)),  # a two-letter surname the report gives in full
    ("never asked about the dam", ("Participant 4",)),
    ("publish its data monthly", ("Participant 4",)),  # "The same participant added"
    ("meaningless without gauges", ("Participant 9",)),
    ("joint monitoring body", ()),
])
def test_participants_known_by_number(fragment, speakers):
    assert chunk(FAMILIES / "anonymised-summary.md", fragment).speakers == speakers


def test_second_verb_after_what_someone_did():
    text = ("# Recap\n\nPresent: Kemi Adeyemi, Diego Paredes.\n\n"
            "Kemi took the first question and said retro funding favours those with runway.\n\n"
            "The chair thanked Diego Paredes and the volunteers and closed the call.\n")
    chunks = by_opening(parse_text(text, "markdown").chunks, 12)
    assert chunks["Kemi took th"] == ("Kemi Adeyemi",)
    assert "Diego Paredes" not in chunks["The chair th"]  # thanked, not speaking


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("partner at Tidewater Capital", ()),  # the legend says who a code is
    ("most founders fail twice", ("Dana Whitlock",)),  # "..., who opened by reminding"
    ("pressed the founders on unit costs", ("Annelies van Houten",)),
    ("the market is small and crowded", ("Annelies van Houten", "Kofi Owusu-Bekoe")),
    ("still needs a paying customer", ("Kofi Owusu-Bekoe",)),  # a judge's code in a cell
])
def test_judges_known_by_their_codes(fragment, speakers):
    assert chunk(FAMILIES / "judges-legend.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("change slug numbers", ("Gareth Lloyd-Hughes", "Tavita Faleolo")),  # "... A (Dr X): ..."
    ("stayed for the arguments about radish", ("Bronwen Pugh",)),  # a quote, then who said it
    ("38 members", ()),
])
def test_questions_and_quotes_credited_inline(fragment, speakers):
    assert chunk(FAMILIES / "field-day-voices.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("three days of abdominal pain", ("Tunde Bakare-Ellis",)),  # the bold name above it
    ("closed-loop obstruction", ("Tunde Bakare-Ellis",)),  # his presentation goes on
    ("how easily this picture is missed", ("Ingeborg Aalto",)),
])
def test_case_conference_name_above_the_words(fragment, speakers):
    report = parse_file(FAMILIES / "case-conference.html")
    assert chunk(FAMILIES / "case-conference.html", fragment).speakers == speakers
    assert not any(c.text.startswith("Dr Tunde Bakare-Ellis") for c in report.chunks)


def test_presenters_table_and_judges_list():
    report = parse_file(FAMILIES / "demo-day.md")
    names = {p.name for p in report.people}
    assert {"Mei Tanaka-Ross", "Samuel Adjei", "Ines Carvalho", "Tobias Lindgren"} <= names
    assert not names & {"ParkPulse", "RouteKind", "Judges"}  # teams and the list's label
    assert chunk(FAMILIES / "demo-day.md", "map of free parking bays").speakers == (
        "Mei Tanaka-Ross",)
    assert chunk(FAMILIES / "demo-day.md", "maintain the route data").speakers[0] == \
        "Tobias Lindgren"


def test_a_place_of_worship_is_no_speaker():
    text = ("# Interfaith evening\n\nImam Yusuf Haddad of the Eastgate Central Mosque spoke "
            "about hospitality to strangers.\n")
    report = parse_text(text, "markdown")
    assert report.chunks[0].speakers == ("Yusuf Haddad",)
    assert "Eastgate Central Mosque" not in {p.name for p in report.people}


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("We are on the record", ("Ingrid Solberg-Achebe",)),  # "THE COURT:", the judge
    ("for the plaintiff", ("Renata Vázquez-Oyelaran",)),  # "MS. VÁZQUEZ-OYELARAN:"
    ("ready to proceed with the witness", ("Maarten de Groot",)),  # "MR. DE GROOT:"
    ("state your name and your position", ("Renata Vázquez-Oyelaran",)),  # "Q." BY her
    ("I was the berth planner", ("Oluwadamilare Adeyemi-Price",)),  # "A.": the one sworn
    ("Objection, Your Honor", ("Maarten de Groot",)),
    ("How did you learn who had asked", ("Renata Vázquez-Oyelaran",)),  # after the ruling
    ("You kept those logs yourself", ("Maarten de Groot",)),  # "BY MR. DE GROOT:"
    ("Nobody else had write access", ("Oluwadamilare Adeyemi-Price",)),
    ("The logs were audited in 2020", ("Oluwadamilare Adeyemi-Price",)),  # "THE WITNESS:"
    ("for the Defendant", ()),  # an appearance, not a turn
    ("Proceedings commenced", ()),
])
def test_court_transcript_with_numbered_lines(fragment, speakers):
    assert chunk(FAMILIES / "court-transcript.txt", fragment).speakers == speakers


def test_court_transcript_reads_without_line_numbers_or_page_heads():
    texts = [c.text for c in parse_file(FAMILIES / "court-transcript.txt").chunks]
    # a "Q." wrapped over a page keeps its words together, the numbers and "Page 13" gone
    assert any("both times at the request of the terminal operator" in t for t in texts)
    assert not any(re.search(r"\b(?:1[0-9]|2[0-4])\s{2,}", t) or "Page 1" in t for t in texts)
    people = {p.name for p in parse_file(FAMILIES / "court-transcript.txt").people}
    assert {"Renata Vázquez-Oyelaran", "Maarten de Groot"} <= people


def test_a_speech_whose_front_matter_prints_the_speaker_in_capitals():
    text = ('---\ntitle: "Ceylon, General Debate"\nspeaker: "Mrs. BANDARANAIKE"\n---\n'
            "I bring the greetings of my people. My late husband, Mr. S. W. R. D. "
            "Bandaranaike, said that we must be friends with all.\n\n"
            "We stand for non-alignment, as we always have.\n")
    chunks = parse_text(text, "markdown").chunks
    assert {c.speakers for c in chunks} == {("Mrs. Bandaranaike",)}


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("welcome to Tomasz Lindahl", ("Oksana T. Bilyk-Moreau",)),  # "Name (Role)  18:00" above
    ("Can everyone hear me", ("Declan",)),  # a dial-in by its number, who says who he is
    ("we can hear you fine", ("Oksana T. Bilyk-Moreau",)),
    ("the work starts on the twentieth", ("Tomasz Lindahl",)),  # "(he/him)" after the name
    ("check on the older residents", ("Nguyen Thi Hoa",)),  # the surname first, in capitals
    ("wellbeing team to call every flat", ("Tomasz Lindahl",)),  # "Thanks." opens his turn
    ("Who do I report a leak to", ("Guest",)),
    ("garden group would like a slot", ("Declan",)),
])
def test_meeting_platform_transcript_export(fragment, speakers):
    assert chunk(FAMILIES / "platform-transcript.txt", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Why rooftops", ("Dara Quinlivan",)),  # a question in bold: the byline's interviewer
    ("that's where the space is", ("Ingrid Halvorsen-Mbeki",)),  # "IH:", her initials
    ("wasn't it", ("Dara Quinlivan",)),
    ("Twice. The planning office", ("Ingrid Halvorsen-Mbeki",)),  # an answer, no label
    ("\"I spent a winter reading", ("Ingrid Halvorsen-Mbeki",)),  # a pull quote of hers
    ("Honey, mostly", ("Ingrid Halvorsen-Mbeki",)),
    ("a swarm lands on a bus stop", ("Ingrid Halvorsen-Mbeki",)),
])
def test_magazine_interview_with_questions_in_bold(fragment, speakers):
    assert chunk(FAMILIES / "magazine-qa.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Sam introduces the episode", ("Samantha Achterberg-Nwosu",)),  # 'Samantha "Sam" X'
    ("Leilani explains how tolls", ("Leilani Kahananui",)),
    ("Tobiah describes a morning", ("Tobiah Mensah-Ruiz",)),  # a guest listed in bold
    ("Sam thanks both guests", ("Samantha Achterberg-Nwosu",)),
    ("Producer: Wen Okonjo", ()),
])
def test_podcast_show_notes(fragment, speakers):
    assert chunk(FAMILIES / "shownotes.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Glad to be here", ("Anika Ferreira-Holt",)),  # "GUEST:", whom the host introduced
    ("footfall went up", ("Anika Ferreira-Holt",)),
    ("did the trial last summer", ("Presenter",)),  # the host speaks to Pete, not as him
    ("I run the bakery", ("Pete",)),
    ("Broadcast: Thursday", ()),
    ("End of transcript", ()),
])
def test_radio_phone_in(fragment, speakers):
    assert chunk(FAMILIES / "phone-in.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("We, the Ministers responsible", ()),  # a communiqué is the meeting's, no one's turn
    ("presented by its co-chair", ()),  # the group's co-chair is no Chair of the meeting
    ("I want first to thank my colleagues", ("Katarzyna Wróbel-Amadi",)),  # "Statement by"
    ("the Chair added", ("Katarzyna Wróbel-Amadi",)),  # the heading made her the Chair
])
def test_communique_and_chairs_statement(fragment, speakers):
    assert chunk(FAMILIES / "chairs-statement.html", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("biggest obstacle to connecting", ("Sunniva Holt-Achebe",)),  # the moderator's
    ("cost per premises rises tenfold", ("Marcus Oyelowo-Berg",)),
    ("lend its ducts and poles", ("Ines Villaseñor",)),
    ("operators or to households", ("Sunniva Holt-Achebe",)),
    ("The room seemed split", ()),  # a panel's answers are not one interviewee's
])
def test_panel_with_the_moderators_questions_in_bold(fragment, speakers):
    assert chunk(FAMILIES / "panel-bold-questions.md", fragment).speakers == speakers


def test_a_list_of_names_one_a_line_is_no_turn():
    chunks = parse_file(FAMILIES / "panel-bold-questions.md").chunks
    index = [c for c in chunks if c.section == "Speakers index"]
    assert index and all(not c.speakers for c in index)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Opposes removing loading bays", ("Kwame Osei-Lindqvist",)),  # who wrote, in brackets
    ("publish the collision data", ("Hannelore Baptiste-Ng",)),
    ("open before the school term", ("Aoife Brennan-Kaur",)),  # "Mrs A. X": the one known
    ("lighting on the towpath", ("Resident",)),  # a submitter left unnamed
    ("decided in advance", ("Anonymous",)),
])
def test_written_submissions_table(fragment, speakers):
    assert chunk(FAMILIES / "submissions-table.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Our coverage of the opening address", ()),  # "Pinned:", no one
    ("gave the wrong figure", ()),  # "Correction:"
    ("targets and money are", ("Carmen Ruiz Echeverría", "Anders Halvorsen-Dube")),
    ("pushes back on the target", ("Anders Halvorsen-Dube",)),
    # newest first: "She says" is the one the entry names, not the entry above it
    ("flooding is the slow disaster", ("Carmen Ruiz Echeverría",)),
])
def test_live_blog_newest_first(fragment, speakers):
    assert chunk(FAMILIES / "liveblog.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("where floods kill first", ("Mere Tuilagi-Kerr",)),  # "Coastal researcher Dr X:"
    ("every city should copy it", ("Jonas Wikström-Obi",)),  # a post, credited after a dash
])
def test_live_blog_key_points_and_posts(fragment, speakers):
    assert chunk(FAMILIES / "liveblog.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("standup notes are in the wiki", ("Ines Wojcik-Hale",)),  # "[Mon 08:41] Ines W.:"
    ("rotating the staging certificates", ("Marco Agostini",)),  # the nickname, an initial
    ("build 4411 promoted", ()),  # an integration posting, nobody
    ("invoice emails landing in spam", ("Sun-hee Park",)),  # "sunhee.p", a handle
    ("that was the certificate rotation", ("Marco Agostini",)),  # a reply in the thread
    ("the March refunds are reconciled", ("Pierre-Alain Dubois-Renard",)),  # "PA Dubois"
    ("Retry webhook deliveries", ()),
])
def test_chat_channel_export(fragment, speakers):
    assert chunk(FAMILIES / "channel-digest.txt", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("I am glad to have two people", ("Ingrid Solheim-Baptiste",)),  # a time stamp first
    ("questions go in the Q&A box", ("Ingrid Solheim-Baptiste",)),  # an empty cell: hers
    ("planted four thousand street trees", ("Ingrid Solheim-Baptiste",)),  # "I'm Ingrid"
    ("Mostly from the water utility", ("Rafael Ortega Lindqvist",)),
    ("did anyone ask the renters", ("Tomasz Wierzbicki",)),  # "Participant", self-named
    ("the renters chose the species", ("Mbali Khumalo-Reyes",)),
    ("canopy cover before and after", ()),  # a time stamp alone is nobody
])
def test_transcript_as_a_table(fragment, speakers):
    assert chunk(FAMILIES / "transcript-table.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Should outdoor shifts stop", ("Henrik Aas",)),  # "Q: Dr X (Place):" asks
    ("Temperature alone misses humidity", ("Jörg Albrecht-Nowak",)),  # "Prof. Dr. med."
    ("halved the heat illness", ("Jörg Albrecht-Nowak",)),  # his answer runs on
    ("read a question sent in", ("Pilar Sandoval Ruiz",)),  # the report narrates her
    ("Night shifts help less", ("Chiamaka Eze-Lindholm",)),
    ("What should a small firm buy first", ("Marta Kowalska-Berg",)),  # "Q: X, role (Place):"
])
def test_ask_the_experts_questions_named_after_the_q(fragment, speakers):
    assert chunk(FAMILIES / "ask-the-experts.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("the first item was the report", ("Ingeborg Halvorsen-Tait",)),  # took the Chair
    ("eleven rural benefices", ("Emeka Obiora-Frith",)),  # "The Revd Canon Dr X"
    ("were for 2023 or 2024", ("Hamish Teague-Lowell",)),
    ("this was not a point of order", ("Ingeborg Halvorsen-Tait",)),  # the Chair ruled
    ("the figures were for 2024", ("Emeka Obiora-Frith",)),  # "Canon X", the surname
])
def test_church_assembly_proceedings(fragment, speakers):
    assert chunk(FAMILIES / "church-assembly.md", fragment).speakers == speakers


def test_a_chair_named_for_the_meeting_holds_the_role(tmp_path):
    from indexer.people.registry import _attendee_sentences, attendee_line

    text = ("Chair of the debate: Ms Harriet Vale (Head of English). Adjudicators: Dr Ana "
            "Ruiz, Mr Kofi Mensah. Timekeeper: Jamie Ortiz.")
    assert [m.group("label") for m in _attendee_sentences(text)] == [
        "Chair", "Adjudicators", "Timekeeper"]
    assert attendee_line("Moderator for the session: Dr Li Wei").group("names") == "Dr Li Wei"
    report = tmp_path / "assembly.md"
    report.write_text("# Diocesan Synod, autumn session\n\nChair of the meeting: Mrs Rosalind "
                      "Achebe-Moore (Diocese of Wexcombe). Tellers: two members of the House of "
                      "Laity.\n\nThe Chair welcomed members and said the agenda was full.\n",
                      encoding="utf-8")
    people = {p.name: p for p in parse_file(report).people}
    assert "Chair" in people["Rosalind Achebe-Moore"].roles
    assert chunk(report, "the agenda was full").speakers == ("Rosalind Achebe-Moore",)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("missed a third of rural addresses", ("Theresa Kowalski-Brandt",)),
    ("the minority supported the goal", ("Desmond Achterberg",)),  # "Ranking Member X"
    ("updated every six months", ("Priyanka Ramaswamy",)),  # "Rep. X", listed as "Reps."
    ("providers could not report that often", ("Tobias Engqvist",)),
    ("insert a letter from the State Broadband", ("Hollis Nakashima",)),
    ("would file minority views", ("Desmond Achterberg",)),
    ("ordered reported favorably by a vote", ()),
    ("two engineers each", ("Tobias Engqvist",)),  # "REP. ENGQVIST:", the style in capitals
    ("Will the gentleman yield?", ("Priyanka Ramaswamy", "Tobias Engqvist")),  # "... / REP. X:"
    ("pays for the staff time", ("Priyanka Ramaswamy",)),
])
def test_committee_markup(fragment, speakers):
    assert chunk(FAMILIES / "committee-markup.md", fragment).speakers == speakers


def test_legislators_listed_with_their_offices():
    people = {p.name: p for p in parse_file(FAMILIES / "committee-markup.md").people}
    assert {"Theresa Kowalski-Brandt", "Desmond Achterberg", "Priyanka Ramaswamy",
            "Tobias Engqvist", "Hollis Nakashima"} <= set(people)
    assert "Ranking Member" in people["Desmond Achterberg"].titles
    assert people["Desmond Achterberg"].roles == ()  # not "Reps", the next name's style
    # "...; Reps. A, B, C "Mari" D and E": each of them, the nickname hers
    assert {"Gregory Pannell", "Maribel Fuentes-Oduya", "Ines Waldau"} <= set(people)
    assert "Mari" in people["Maribel Fuentes-Oduya"].aliases
    assert "Mari" not in people["Priyanka Ramaswamy"].aliases


def test_who_from_where_in_a_list_is_no_one(tmp_path):
    report = tmp_path / "debrief.md"
    report.write_text(
        "# Trade mission debrief\n\nEero Väisänen (Kasvu Sensors Oy, Finland) said the "
        "matchmaking day was the best he had attended.\n\n## Winners\n\n"
        "- Kasi Dispatch, South Africa: a series on electricity disconnections.\n"
        "- Sóng Berlin, Germany: weekly community radio.\n\n## Feedback\n\n"
        'Søren Kjærgaard, Aqualoop ApS: "We came for Peru and found a distributor.',
        encoding="utf-8")
    people = {p.name for p in parse_file(report).people}
    assert "Kasvu Sensors Oy" not in people and "Aqualoop ApS" not in people
    assert chunk(report, "matchmaking day").speakers == ("Eero Väisänen",)
    assert chunk(report, "electricity disconnections").speakers == ()  # not "South Africa"
    assert chunk(report, "weekly community radio").speakers == ()
    assert chunk(report, "found a distributor").speakers == ("Søren Kjærgaard",)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("bus depot story is ready", ("Tomasz Kędzierski-Hall",)),  # "(news desk, TKH)"
    ("needs a second source", ("K. T. Adebayo-Marsh",)),  # joined later in the sentence
    ("empty depot at dawn", ("Inés de la Vega",)),  # "IdlV": a particle's initials
    ("happy to splash on it", ("Aoife Ní Bhraonáin",)),
])
def test_newsroom_codes_after_the_desk(fragment, speakers):
    assert chunk(FAMILIES / "newsroom-notes.md", fragment).speakers == speakers


def test_newsroom_desk_is_a_role_not_the_code():
    people = {p.name: p for p in parse_file(FAMILIES / "newsroom-notes.md").people}
    assert people["Aoife Ní Bhraonáin"].roles == ("editor",)
    assert "ANB" in people["Aoife Ní Bhraonáin"].aliases


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("born 1951 in Vigo", ()),  # "Interviewee: Name (MQA), born ...": who is who, no turn
    ("volunteer, Harbour Voices Trust", ()),
    ("subject to the closures", ()),  # "Access:" is a catalogue field
    ("silences", ()),
    ("My father mended nets", ("Marisol Quintero-Abbas",)),
    ("I came to Swansea in 1969", ("Marisol Quintero-Abbas",)),  # a time, then her turn
    ("did not speak a word of English", ("Marisol Quintero-Abbas",)),  # a cue, then hers
    ("What was the first job?", ("Declan Hoyle-Rees",)),
])
def test_oral_history_transcript(fragment, speakers):
    assert chunk(FAMILIES / "oral-history.md", fragment).speakers == speakers


def test_a_list_of_speakers_and_a_list_of_actions_are_no_turns(tmp_path):
    minutes = tmp_path / "committee.md"
    minutes.write_text(
        "# Committee minutes\n\nMembers present: Ingrid Berg (Chair), Jonas Weiss, "
        "Ana Moreira, Pieter Lely.\n\n3. Rail passenger data\n\n"
        "Speakers: Jonas Weiss, Ana Moreira, Pieter Lely\n\n"
        "Mr Weiss presented his draft report on through-ticketing.\n\n"
        "The meeting was suspended at 10.55 and resumed at 11.05.\n\n"
        "4. Any other business\n\n**5. Actions**\n\n"
        "- JW — circulate the revised draft — by 16 June\n"
        "- AM — breakdown of the costs to the committee — by 19 June\n",
        encoding="utf-8")
    assert chunk(minutes, "presented his draft report").speakers == ("Jonas Weiss",)
    assert chunk(minutes, "suspended at 10.55").speakers == ()  # not the first "speaker"
    assert chunk(minutes, "Any other business").speakers == ()
    assert chunk(minutes, "circulate the revised draft").speakers == ()  # a task, an owner
    assert chunk(minutes, "breakdown of the costs").speakers == ()


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("We are here on the tenants' appeal", ("Amara Nwosu-Hale",)),  # a style of two words
    ("The notice the respondent served", ("Ruairi Delaney",)),  # named in the appearances
    ("actually prejudiced by the shorter", ("Tobias Lindqvist",)),  # named on the bench
    ("Transcript of Proceedings -- Page 17", ()),  # a running head between two pages
    ("On Judge Lindqvist's point about prejudice", ("Ruairi Delaney",)),
    ("silenced those eleven households", ("Fenella Orr",)),
])
def test_court_argument_transcript(fragment, speakers):
    assert chunk(FAMILIES / "court-argument.txt", fragment).speakers == speakers


def test_the_bench_and_the_appearances_in_capitals_are_people():
    people = {p.name for p in parse_file(FAMILIES / "court-argument.txt").people}
    assert {"Amara Nwosu-Hale", "Tobias Lindqvist", "Fenella Orr", "Ruairi Delaney"} <= people
    # a postnominal, a place and a possessive are no one
    assert not people & {"ESQ", "Brackwell City", "Lindqvist's", "Presiding Judge"}


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("get her pushchair onto the pavement", ("Rosalind",)),  # a first name, then a street
    ("ask the traffic unit", ("Rhiannon Lewis",)),  # a police rank before the surname
    ("two sheds had been broken into", ("Desmond",)),  # a first name, then who he is
    ("forum minutes could be posted", ("Questioner",)),  # "A resident who ... asked"
    ("bus shelter on Ferry Lane", ("Rosalind",)),  # the same resident again, name alone
])
def test_ward_forum_residents_by_first_name(fragment, speakers):
    assert chunk(FAMILIES / "ward-forum.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    # who moves and seconds: named, not speaking, and not "Lucas" alone
    ("Seconder: Priti Lakhani", ()),
    ("uptake had doubled since September", ("Lucas Brennan-Aziz",)),
    ("cost figures included the dispensers", ("Ewan Castellanos",)),
    # "Summation:" is the stage of the debate, not a person
    ("already paid for from the pilot budget", ("Lucas Brennan-Aziz",)),
])
def test_general_assembly_motion_stages(fragment, speakers):
    assert chunk(FAMILIES / "general-assembly.txt", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    # a surname alone opens the sentence, then "he says" / "she says": that person
    ("only a third of the problem", ("Tariq Benali",)),
    ("a price for storing water", ("Ingrid Sørlie",)),
    ("guaranteed for a decade", ("Kwame Asante",)),
    # "Name, the county's flood archivist, had come ... She described ...": her, in a
    # section of its own
    ("parish records as patchy", ("Nell Okonkwo-Reyes",)),
    ("levy should be ring-fenced", ("Tariq Benali", "Ingrid Sørlie")),  # "both agreed"
])
def test_panel_writeup_in_the_present_tense(fragment, speakers):
    assert chunk(FAMILIES / "panel-writeup-present.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("the heatwave, the hospital strike", ("Tomasz Wierzbicki",)),  # "NAME, HOST:"
    ("We start with the heat", ("Tomasz Wierzbicki",)),  # then the surname alone
    ("thirty-four degrees again", ("Leona Abara-Finch",)),  # "NAME, HRN METEOROLOGIST:"
    ("no air conditioning on the ward", ("Unidentified Female",)),
    ("another double shift", ("Graham Oyelowo-Brandt",)),  # two commas of who he is
    ("overnight lows stay above twenty", ("Leona Abara-Finch",)),
])
def test_broadcast_transcript_labels_name_then_describe(fragment, speakers):
    assert chunk(FAMILIES / "broadcast-transcript.txt", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    # delegations in capitals, and those a speaking delegation is "supported by"
    ("global cap on primary polymer", ("Canada", "Chile", "UK")),
    ("opposed any production cap", ("India",)),
    ("dedicated fund for waste pickers", ("Kenya", "Ghana")),
    ("moved to the contact groups", ()),
])
def test_negotiation_bulletin_delegations_in_capitals(fragment, speakers):
    assert chunk(FAMILIES / "negotiation-bulletin.html", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("your first witness", ("Hannelore Brixton-Oduya",)),  # "THE ARBITRATOR:", the Sole one
    ("How long have you driven", ("Tobiah Marchetti",)),  # "... EXAMINATION OF X BY MR. Y:"
    ("mostly out of the north depot", ("Dara Fenwood",)),
    ("did not report the incident", ("Ngozi Whitlock-Arden",)),  # each side's counsel
    ("break for fifteen minutes", ("Hannelore Brixton-Oduya",)),
])
def test_arbitration_hearing_examinations(fragment, speakers):
    assert chunk(FAMILIES / "arbitration-hearing.txt", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    # "Name, description. – ": the speaker of a verbatim report, then the words
    ("sleeper carriage built in 1979", ("Anselm Kirchhoff",)),
    ("one inspection regime, not four", ("Anselm Kirchhoff",)),  # the turn goes on
    ("table a proposal on inspections", ("Dorota Wasilewska-Brand",)),
    ("faster, not only safer", ("Ilias Karamanlis-Ode",)),  # "Name (GROUP). – "
    ("Catch-the-eye procedure", ()),  # a bold line: a heading, no one's turn
    ("Dublin", ("Saoirse Ní Bhriain",)),
    # "President. – " is whoever the last "(IN THE CHAIR: ...)" notice seated
    ("next item is the debate on the report", ("Haldis Østby-Marchand",)),
    ("The debate is closed", ("Haldis Østby-Marchand",)),
    ("IN THE CHAIR: MATTEO", ()),
    ("next item is Question Time", ("Matteo de Sanctis",)),
    ("inspection register be public", ("Anselm Kirchhoff",)),
])
def test_verbatim_report_speakers_and_the_chair(fragment, speakers):
    assert chunk(FAMILIES / "verbatim-dash.html", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("opened the meeting", ("Ingeborg T. Halvardsen",)),  # "The CHAIR", from "Chair: ..."
    ("covered 41 small towns", ("Deputy Director-General",)),  # an office in capitals
    ("open to municipal utilities", ("Oluwaseun Adeyemi-Cole",)),  # surname in capitals
    ("contribute to the window", ("Baptista de Mello",)),  # two words, a particle
    ("hours of supply each day", ("Nguyen",)),  # a short surname in capitals
    ("highest costs per connection", ("Tonga",)),  # "The member for TONGA"
    ("ready to share their data", ("World Association of Water Operators",)),
    ("took the Chair", ()),  # a notice: no one's words
    ("wished to take note", ("Baptista de Mello",)),  # the Chair, since the notice
])
def test_summary_record_surnames_in_capitals_and_a_change_of_chair(fragment, speakers):
    assert chunk(FAMILIES / "summary-record-caps.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    # full names given once in a sentence of scene-setting, then the surname speaks
    ("The tent was full", ()),
    ("how the collection had started", ("Casimir Wojtasik",)),
    ("fishing diaries", ("Oluwatoyin Brekke-Adu",)),
    ("what a river leaves behind", ("Oluwatoyin Brekke-Adu",)),
    ("whose stall stayed open late", ()),  # "Harbour Street Books" is no one
    ("thanking the organisers", ("Casimir Wojtasik",)),
])
def test_writeup_names_people_once_then_by_surname(fragment, speakers):
    assert chunk(FAMILIES / "writeup-surnames.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    # a cue in capitals set deeper than the words under it: whose they are
    ("how did you get here today", ("Imogen Fairweather-Lund",)),  # "MODERATOR", the facilitator
    ("Two buses", ("Oswaldo Quintana-Reyes",)),  # introduced in capitals in the action
    ("faster than the 14", ("Priyanka",)),  # "PRIYANKA (O.S.)": no one else of that name
    ("the villain of the morning", ("Imogen Fairweather-Lund",)),  # "DR. FAIRWEATHER-LUND"
    ("villain of every morning", ("Oswaldo Quintana-Reyes",)),  # "(CONT'D)"
    ("Rain streaks the window", ()),  # the action is no one's words
    ("The fourteen!", ("Oswaldo Quintana-Reyes", "Priyanka")),  # "OSWALDO AND PRIYANKA"
    ("without fail", ("Oswaldo Quintana-Reyes",)),  # side by side: each column its own
    ("when the board says", ("Priyanka",)),
])
def test_script_layout_cues(fragment, speakers):
    assert chunk(FAMILIES / "script-transcript.txt", fragment).speakers == speakers


def test_script_cues_are_not_repeated_in_the_text():
    texts = [c.text for c in parse_file(FAMILIES / "script-transcript.txt").chunks]
    assert not any(re.match(r"(?:MODERATOR|OSWALDO|PRIYANKA|DR\.)", t) for t in texts), texts
    assert "Two buses. The 14 was late again." in texts


def test_commons_debate_title_column_heads_and_offices():
    report = parse_file(FAMILIES / "commons-debate.txt")
    assert report.title == "Coastal Ferry Services"  # not the first column head
    texts = [c.text for c in report.chunks]
    assert not any("Column 31" in t for t in texts)  # page furniture, gone
    by_text = by_opening(report.chunks, 30)
    # the column head between two paragraphs of her speech does not end it
    assert by_text["I ask the Government to publis"] == ("Rowena Castell",)
    assert by_text["Several hon. Members rose—"] == ()  # standing, saying nothing
    # "The Minister for Maritime Affairs (Desmond Achterberg):": the office, then him
    assert by_text["I thank the hon. Lady for secu"] == ("Desmond Achterberg",)
    assert by_text["I will."] == ("Desmond Achterberg",)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Bluewater Livelihoods Trust", ()),  # "Organisation:": a form's field
    ("Internal only", ()),
    ("Landing-site chair", ()),  # a table of who is who says nothing
    ("savings have doubled", ("Agnes Nakato-Obwona",)),  # "According to Mrs X, ..."
    ("a fish that waits", ("Paulo Ssebunya",)),  # "As X put it, '...'"
    ("not the price of ice", ("Paulo Ssebunya", "Margaret Achieng")),  # "Sr." an honorific
    ("second cold store", ()),
])
def test_field_visit_report_accounts_and_quotations(fragment, speakers):
    assert chunk(FAMILIES / "field-visit.md", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("depot still opening in spring", ("Farid",)),  # "Q (from Farid, Logistics):"
    ("forty people to start", ("Lena Marsh-Oyelaran",)),  # "A (Lena):"
    ("bonus scheme change", ("Anonymous",)),  # "Anonymous asked:"
    ("only the targets", ("Tobias Renn", "Lena Marsh-Oyelaran")),  # "X, chief executive, added:"
])
def test_qa_recap_askers_and_answers(fragment, speakers):
    assert chunk(FAMILIES / "qa-recap.html", fragment).speakers == speakers


def test_wiki_notes_mention_people_with_at_signs():
    people = {p.name for p in parse_file(FAMILIES / "wiki-sync.md").people}
    assert {"Oona Lindgren", "Kwame Boateng", "Priti Shah"} <= people  # "@Name (team)"
    assert not any(name.startswith(("Thanks", "@")) for name in people)
    assert chunk(FAMILIES / "wiki-sync.md", "nightly backup").speakers == ("Kwame Boateng",)
    assert chunk(FAMILIES / "wiki-sync.md", "old warehouse").speakers == ("Priti Shah",)


@pytest.mark.parametrize(("fragment", "speakers"), [
    ("Ingrid Solberg, Marco Vitale", ()),  # who the chairs are
    ("finished last call", ("Ingrid Solberg", "Marco Vitale")),  # "Chairs:": both of them
    ("presented the retry proposal", ("Marco Vitale",)),
    ("Rough consensus to adopt", ("Ingrid Solberg", "Marco Vitale")),
])
def test_working_group_minutes_chairs_speak_together(fragment, speakers):
    assert chunk(FAMILIES / "wg-minutes.txt", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    # a rapporteur credits each view to its speakers in parentheses at the end
    ("Tariffs should rise in small steps", ("Samira Benali-Holt",)),  # "should": a view
    ("Prepaid meters cut arrears", ("Joaquim Teixeira", "Samira Benali-Holt")),
    ("circulate the tariff dataset", ()),  # a task with its owner, not words
])
def test_rapporteur_credits_in_parentheses(fragment, speakers):
    assert chunk(FAMILIES / "rapporteur-credits.html", fragment).speakers == speakers


def test_a_reporters_certificate_is_the_reporters():
    # "I, Name, ..., certify that ...": the one who signs it, not the last speaker
    assert chunk(FAMILIES / "reporter-certificate.txt", "true record").speakers == \
        ("Odile Marchetti-Brown",)
    assert chunk(FAMILIES / "reporter-certificate.txt", "hearing was adjourned").speakers == ()


@pytest.mark.parametrize(("fragment", "speakers"), [
    # the roster's role column: the Chair of the Board among committee chairs, an office
    # named in full, initials beside names written with an honorific
    ("welcomed trustees", ("Maren Adebayo-Lund",)),
    ("management accounts", ("Dalia Moreno",)),
    ("reserves policy", ("Callum Ferreira",)),
    ("fieldwork would begin", ("Pieter van Hoorn",)),
    # a sentence credited in parentheses is its raiser's; a task credited so is not words;
    # rejoining the meeting is not speaking
    ("new payroll system", ("Dalia Moreno", "Ines Kowalczyk")),
    ("CF rejoined the meeting", ()),
    ("Payroll contract to be renewed", ()),
])
def test_a_roster_gives_roles_and_initials(fragment, speakers):
    assert chunk(FAMILIES / "board-roster-roles.md", fragment).speakers == speakers


def test_a_roster_role_column_holds_each_role():
    people = {p.name: p for p in parse_file(FAMILIES / "board-roster-roles.md").people}
    assert people["Callum Ferreira"].roles == ("Trustee", "Chair, Finance and Audit Committee")
    assert people["Maren Adebayo-Lund"].aliases == ("MAL",)


@pytest.mark.parametrize(("fragment", "speakers"), [
    # "SPOKESPERSON:" is the Chief Spokesperson the front names; a journalist who says who
    # she is at the start of her question asks it, and a "Sorry. I was asking ..." after it
    ("will speak first", ("Teodor Anand-Varga",)),
    ("is the vault full", ("Ilse Marchetti",)),
    ("Who pays for the new wing?", ("Bram Oyelaran",)),
    ("not the old one", ("Bram Oyelaran",)),
    ("when will it open", ("Questioner",)),
])
def test_press_briefing_askers_name_themselves(fragment, speakers):
    assert chunk(FAMILIES / "press-briefing-askers.txt", fragment).speakers == speakers


@pytest.mark.parametrize(("fragment", "speakers"), [
    # "Q." and "A." in an interview: the byline's interviewer, the one the title names
    ("document that moved you", ("Solveig Brandtner",)),
    ("lighthouse keeper", ("Amadou Keïta-Rossi",)),
    ("reading room on Sundays", ("Amadou Keïta-Rossi",)),
])
def test_interview_question_and_answer_lines(fragment, speakers):
    assert chunk(FAMILIES / "interview-qa-lines.md", fragment).speakers == speakers


def test_prose_under_a_participants_heading_names_no_participant():
    # a heading that says "participants" over prose: the word before a comma is no one
    text = ("# Side event\n\n## Questions and comments from participants\n\n"
            "Ms. Ana Tuilagi of the Island Water Forum asked how the window would be "
            "funded.\n\n"
            "Responding, Ms. Tuilagi assured the representative of Norway that no separate "
            "accreditation would be required.\n")
    parsed = parse_text(text, "markdown")
    assert "Responding" not in {p.name for p in parsed.people}
    assert [c.speakers for c in parsed.chunks if "assured" in c.text] == [("Ana Tuilagi",)]


RECORDER_EXPORT = """# Library futures: an open call

**Ines Marlowe-Adeyemi**   00:00:05

Welcome, everyone. I'm Ines, and I chair the network's reading group.

**Pavel Horák-Lind**   00:01:40

Thanks, Ines. Our branch has kept its doors open on Sundays for a year now.

The numbers went up in every month but August.

**Ines Marlowe-Adeyemi**   00:04:12

There's a question from Ruth, who asks whether the Sunday hours Pavel described cost more.

**Pavel Horák-Lind**   00:04:50

A little: mostly the heating.

**Siobhán**   00:06:03

Hi, can you hear me? I run a small library in a village hall.

**iPhone (2)**   00:07:31

Sorry, I'm in the car. Does any of this work for mobile libraries?
"""


@pytest.mark.parametrize("kind", ["markdown", "docx"])
def test_a_recorders_turn_lines_open_turns_and_are_not_paragraphs(kind, tmp_path):
    # "Name   00:01:40" over each turn, as a meeting recorder exports it: the line says who
    # speaks below and is no paragraph; a first name alone or a device's name opens a
    # turn too; a name in the words under it is someone spoken of
    if kind == "docx":
        pytest.importorskip("docx")
        from .ingest.builders import markdown_to_docx
        chunks = parse_file(markdown_to_docx(RECORDER_EXPORT, tmp_path / "call.docx")).chunks
    else:
        chunks = parse_text(RECORDER_EXPORT, "markdown").chunks
    assert not [c.text for c in chunks if re.search(r"\d\d:\d\d$", c.text)]
    said = by_opening(chunks, 30)
    assert said["Welcome, everyone. I'm Ines, a"] == ("Ines Marlowe-Adeyemi",)
    assert said["The numbers went up in every m"] == ("Pavel Horák-Lind",)
    assert said["There's a question from Ruth, "] == ("Ines Marlowe-Adeyemi",)
    assert said["Hi, can you hear me? I run a s"] == ("Siobhán",)
    assert said["Sorry, I'm in the car. Does an"] == ("Participant",)


PANEL_LABELS = """# Shared rivers: a panel

## Panellists

- **Ana Ruiz-Peralta** (River Trust), moderator
- **Prof. Dieter von Amsel** (Lindau University)
- **Kofi Asante-Mensah** (Volta Basin Authority)

## Discussion

**Ana Ruiz-Peralta (moderator):** Dieter, who should pay for the gauges?

**von Amsel:** The banks, frankly. They have the leverage over every appraisal.

**Kofi Asante-Mensah (Volta Basin Authority) –** Our experience is that joint ownership
changes everything for the lenders.
"""


def test_a_particle_surname_label_and_a_dash_label_with_the_organisation():
    # "**von Amsel:**" is his label, particle and all; "**Name (Org) –**" a label by its
    # dash; the roster above, "- **Name** (Org), moderator", is who is who, not turns
    chunks = parse_text(PANEL_LABELS, "markdown").chunks
    said = by_opening(chunks, 24)
    assert said["The banks, frankly. They"] == ("Dieter von Amsel",)
    assert said["Our experience is that j"] == ("Kofi Asante-Mensah",)
    assert [c.speakers for c in chunks if "moderator" in c.text and "Ruiz" in c.text] == [()]


SPEECHES_AND_NARRATION = """# Council debate on the river basins

Ms. ORTEGA VILLA (Peru): We thank the Envoy for her briefing and we join her in
honouring the memory of the engineers lost at the dam.

Peru also recalls that the protection of water is first the responsibility of the
States that share it, and we ask the Council to say so.

Mr. HALVARSEN (Norway): Our delegation supports the basin commissions. We would add
that their funding must be predictable, and we say so every year.

The exchange that followed was brief. Ms. Ortega Villa warned that funding without
data would fail, and several members referred to the 2019 framework agreement.

Mr. HALVARSEN (Norway): I take the point, and we will table a text.
"""


def test_narration_between_speeches_is_no_ones_speech_and_a_delegation_speaks_as_itself():
    # the report's own narration between labelled speeches does not run on the speech
    # above it; "Peru also recalls" in the speech of Peru's delegate is hers
    said = by_opening(parse_text(SPEECHES_AND_NARRATION, "markdown").chunks, 20)
    assert said["Peru also recalls th"] == ("Ortega Villa",)
    assert said["The exchange that fo"] == ("Ortega Villa",)
    assert said["I take the point, an"] == ("Halvarsen",)


SPEAKER_CARDS = """<html><head><title>Rain gardens webinar</title></head><body>
<h1>Webinar summary: Rain gardens in dense cities</h1>
<h2>Speakers</h2>
<div class="card"><h3>Oona Lindqvist-Amadi</h3>
<p class="role">Landscape Architect, Green Streets Studio, Malmö</p>
<p>Ms. Lindqvist-Amadi described how the studio had replaced forty parking spaces with
planted basins that hold a summer storm.</p>
<p>She warned that maintenance budgets were the first to be cut.</p></div>
<div class="card"><h3>Rafael Quispe Huamán</h3>
<p class="role">Hydrologist, Municipality of Lima</p>
<p>Rafael explained that the basins had cut flooding on three streets by half.</p></div>
<h2>Questions</h2>
<p>The moderator closed the session at four.</p>
</body></html>
"""


def test_a_speaker_card_heading_owns_the_paragraphs_under_it(tmp_path):
    # a name as the heading of a card, who she is on the line below, then what she said
    # told in the third person: hers; the line of who she is, no one's words
    path = tmp_path / "cards.html"
    path.write_text(SPEAKER_CARDS, encoding="utf-8")
    parsed = parse_file(path)
    said = by_opening(parsed.chunks, 24)
    assert said["Landscape Architect, Gre"] == ()
    assert said["Ms. Lindqvist-Amadi desc"] == ("Oona Lindqvist-Amadi",)
    assert said["She warned that maintena"] == ("Oona Lindqvist-Amadi",)
    assert said["Rafael explained that th"] == ("Rafael Quispe Huamán",)
    assert "Landscape Architect" not in {p.name for p in parsed.people}


def test_an_irish_surname_and_the_one_answered_in_a_question_round():
    # "Ó Briain" is a surname with its particle; "Responding to X, who asked ..." makes
    # X the one who asks, as "Rail users from Port Talbot, who ..." makes no place a person
    text = ("# Questions\n\n"
            "Tomás Ó Briain, who volunteers with an angling club, asked how many readers "
            "were needed. Dr. Lena Vos replied that one per bridge was enough.\n\n"
            "Responding to Yuki Tanaka-Morris, who asked whether informal groups could "
            "apply, Dr. Vos said that they could apply through a fiscal host.\n\n"
            "A teacher from Port Talbot, who runs a school club, asked about kits. "
            "Dr. Vos said kits were free.\n")
    parsed = parse_text(text, "markdown")
    said = by_opening(parsed.chunks, 12)
    assert said["Tomás Ó Bria"] == ("Tomás Ó Briain", "Lena Vos")
    assert said["Responding t"] == ("Yuki Tanaka-Morris", "Lena Vos")
    assert "Port Talbot" not in {p.name for p in parsed.people}


def test_the_report_telling_of_the_meeting_between_turns_is_no_ones_turn():
    text = ("# Panel\n\n"
            "**Ana Ruiz-Peralta (moderator):** Who should pay for the gauges, the banks "
            "or the basin bodies? I would like each of you to answer in a sentence.\n\n"
            "**Kofi Asante-Mensah:** The banks, because they have the leverage over every "
            "appraisal and every consultant.\n\n"
            "**Ana Ruiz-Peralta (moderator):** And the basin bodies, what can they do "
            "with the little they have?\n\n"
            "**Kofi Asante-Mensah:** Borrow together, as ours has done for the irrigation "
            "works of the local utilities.\n\n"
            "With the session running over time, the panel moved directly to the closing "
            "round without further questions from the floor.\n\n"
            "\"We cannot wait for perfect data,\" Asante-Mensah warned. Ruiz-Peralta "
            "replied that nobody had to wait.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 16)
    assert said["With the session"] == ()
    assert said["\"We cannot wait "] == ("Kofi Asante-Mensah", "Ana Ruiz-Peralta")


def test_a_long_office_before_the_name_and_the_chair_named_after_a_clause():
    text = ("# Ministerial meeting\n\n"
            "The Minister of Trade and Investment of Kaloria, Mr. Rahim Al-Khouri, welcomed "
            "the extension and offered to host the secretariat.\n\n"
            "Summing up the discussion on the afternoon of 18 March, the Chair, Mr. Henk "
            "Lubbers, noted a broad convergence on the mechanism.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 12)
    assert said["The Minister"] == ("Rahim Al-Khouri",)
    assert said["Summing up t"] == ("Henk Lubbers",)


def test_a_reply_after_to_which_is_the_replier_speaking_not_reported_speech():
    text = ("# Town hall\n\n"
            "Residents: Aoife Brennan, Declan Moss.\n\n"
            "Aoife Brennan asked when the library would reopen, to which Mr Declan Moss "
            "replied that the roof works would finish in May.\n\n"
            "After which Declan Moss added that the opening hours would be longer.\n\n"
            "Aoife Brennan said that was not what Declan Moss had promised last year.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 16)
    assert said["Aoife Brennan as"] == ("Aoife Brennan", "Declan Moss")
    assert said["After which Decl"] == ("Declan Moss",)
    assert said["Aoife Brennan sa"] == ("Aoife Brennan",)  # his promise, reported


def test_delegations_listed_with_the_and_after_an_opening_phrase():
    text = ("# Negotiation bulletin\n\n"
            "The EU, JAPAN and the UK said they were open to a window under an existing "
            "institution.\n\n"
            "CHINA and INDIA said definitions should come first, while COLOMBIA and the EU "
            "preferred a parallel approach.\n\n"
            "On Article 7, BRAZIL, for the G-77/CHINA, tabled a proposal on replies.\n\n"
            "The representative of Guyana, speaking for the Group of 77 and China, said the "
            "text was not ready.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 12)
    assert said["The EU, JAPA"] == ("EU", "Japan", "UK")
    assert said["CHINA and IN"] == ("China", "India", "Colombia", "EU")
    assert said["On Article 7"] == ("Brazil",)
    assert said["The represen"] == ("Guyana",)  # not those it speaks for


def test_stand_up_notes_name_whose_update_each_heading_gives():
    text = ("# Team Kestrel: day 3 stand-up\n\n"
            "City Data Jam, Sunday 9:30, table 6. Notes by Mira.\n\n"
            "**Present:** Mira, Joaquín, Lotte, Sami.\n\n"
            "## Round the table\n\n"
            "### Joaquín - ingest\n\n"
            "- Yesterday: the loader now reads the flood gauges; a few rows drop.\n"
            "- Today: retry the dropped rows and publish the table.\n"
            "- Blockers: he needs the gauge owners' licence terms.\n\n"
            "### Lotte - front end\n\n"
            "- Yesterday: sketches for the alert screen.\n"
            "- Today: build the alert screen.\n\n"
            "## Action items\n\n"
            "- Mira: email the gauge owners about the licence (by noon)\n"
            "- Sami: book the demo slot\n\n"
            "Lotte, on the way out: \"If the wifi drops again I'm presenting from paper.\"\n")
    chunks = parse_text(text, "markdown").chunks
    said = by_opening(chunks, 14)
    assert said["City Data Jam,"] == ()  # a time in a sentence is not a turn line
    assert said["- Yesterday: t"] == ("Joaquín",)  # the heading's, not "Yesterday"'s
    assert said["- Yesterday: s"] == ("Lotte",)
    assert all(c.speakers == () for c in chunks if "gauge owners about" in c.text
               or "demo slot" in c.text)  # tasks, not words
    assert said["Lotte, on the "] == ("Lotte",)
    assert not {"Yesterday", "Today", "Blockers"} & {p.name for p in parse_text(
        text, "markdown").people}


def test_a_focus_group_by_participant_codes_and_a_list_of_findings_by_topic():
    text = ("# Evening opening focus group\n\n"
            "The session was moderated by Leila Farouk. Participants are identified by "
            "code (P1 to P6).\n\n"
            "P5 agreed, adding that the Saturday crowds fill the study tables.\n\n"
            "\"The building is the only quiet place I have,\" P3 said.\n\n"
            "P6 was sceptical. He said the car park was dark. P2 disagreed, saying the "
            "buses were the problem.\n\n"
            "## Key findings\n\n"
            "- Staffing: several participants asked whether evening staff would be new.\n"
            "- Safety: lighting on Mill Lane and in the car park.\n"
            "- Transport: the last bus leaves at 8:40pm, and the staff would need it too.\n\n"
            "Leila Farouk closed the session at 8pm, noting that safety and transport came "
            "up most.\n")
    doc = parse_text(text, "markdown")
    said = by_opening(doc.chunks, 12)
    assert said["P5 agreed, a"] == ("P5",)
    assert said["\"The buildin"] == ("P3",)
    assert said["P6 was scept"] == ("P6", "P2")
    assert said["- Staffing: "] == ()
    assert not {"Staffing", "Safety", "Transport"} & {p.name for p in doc.people}


def test_press_and_floor_labels_name_the_role_they_give():
    text = ("# Doorstep, 4 March\n\n"
            "MINISTER TUILAGI: Morning. I'll take a couple.\n\n"
            "REPORTER: Minister, how long is temporarily?\n\n"
            "MINISTER TUILAGI: Weeks, not months.\n\n"
            "ADVISER: Last one, please, the Minister has to go.\n\n"
            "AUDIENCE: Was the ending always going to be ambiguous?\n\n"
            "Anonymous question: Are there going to be layoffs?\n")
    said = by_opening(parse_text(text, "markdown").chunks, 12)
    assert said["Minister, ho"] == ("Reporter",)
    assert said["Last one, pl"] == ("Adviser",)
    assert said["Was the endi"] == ("Questioner",)
    assert said["Are there go"] == ("Questioner",)


def test_who_moderates_told_in_passing_and_the_host_never_named():
    text = ("# Dialogue\n\n"
            "The Vice-President of the Forum, Ana Lúcia Peixoto, moderated the dialogue.\n\n"
            "The moderator then gave the floor back to the panel.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 14)
    assert said["The moderator "] == ("Ana Lúcia Peixoto",)
    text = ("# Panel\n\n"
            "The panel was moderated by the Director of the Institute for Climate and "
            "Labour, Park Seo-yeon, and chaired by Dr Farida Osei-Kuffour, Senior Fellow.\n\n"
            "The moderator invited the panellists to address three questions.\n\n"
            "Proposed by the Chair, seconded by Hamish Dunleavy. Carried.\n")
    doc = parse_text(text, "markdown")
    said = by_opening(doc.chunks, 14)
    assert said["The moderator "] == ("Park Seo-yeon",)
    assert {p.name for p in doc.people if "Chair" in p.roles} == {"Farida Osei-Kuffour"}
    talkback = parse_text("# Talkback\n\nThe host began by asking the director where the "
                          "play started.\n", "markdown").chunks
    assert talkback[-1].speakers == ("Host",)


def test_a_transcribers_note_in_a_recorders_export_tells_who_did_what():
    text = ("# All-hands\n\n"
            "Present: Mara Olsen, Tomás Ibarra.\n\n"
            "**Tomás Ibarra**   00:27\n\n"
            "Can I jump in on that one? The meetup was great.\n\n"
            "[Mara asked Tomás to share the cost of the meetup.]\n\n"
            "**Mara Olsen**   00:29\n\n"
            "Thanks, all.\n\n"
            "**Tomás Ibarra**   00:30\n\n"
            "Joost described the bridge facility to us.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 12)
    assert said["Can I jump i"] == ("Tomás Ibarra",)
    assert said["[Mara asked "] == ("Mara Olsen",)


def test_an_argument_summary_counsel_who_submit_and_the_bench_by_plural_title():
    text = ("# Oral argument\n\n"
            "Before: Chief Justice Margaret Ellery-Shaw; Justices Tobias Renfrew, Ana Paz "
            "Delgado and Yuki Tanabe.\n\n"
            "Deputy Solicitor General Brian Halloway argued for the State.\n\n"
            "Justice Renfrew asked whether the warrant could stand.\n\n"
            "Mr Asante, for the Port Authority, submitted that the appellant had notice.\n\n"
            "Justice Tanabe put to him that the licence was silent on it.\n\n"
            "Professor Elspeth Mahoney of the University of Carran said that tenure "
            "mattered most.\n")
    doc = parse_text(text, "markdown")
    said = by_opening(doc.chunks, 14)
    assert said["Deputy Solicit"] == ("Brian Halloway",)
    assert said["Justice Renfre"] == ("Tobias Renfrew",)  # not "Justices Tobias Renfrew"
    assert said["Mr Asante, for"] == ("Asante",)
    assert said["Justice Tanabe"] == ("Yuki Tanabe",)
    assert said["Professor Elsp"] == ("Elspeth Mahoney",)
    assert "Before" not in {p.name for p in doc.people}


def test_a_host_talking_to_a_guest_by_name_is_the_hosts_turn():
    text = ("# Talkback\n\n"
            "HOST: Thea, how do you hold the stage with so few lines?\n\n"
            "THEA LINDGREN: By listening.\n\n"
            "HOST: Dominic, the Ferryman is the opposite - he never stops talking.\n\n"
            "DOMINIC ACHOLA: He's terrified of silence.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 12)
    assert said["Dominic, the"] == ("Host",)
    assert said["He's terrifi"] == ("Dominic Achola",)


def test_one_the_report_names_only_by_a_common_noun_ends_the_last_speakers_run():
    text = ("# Hearing\n\n"
            "Appearances: Mr Daniel Asante for the respondent.\n\n"
            "The Chief Justice, Anneliese Okonkwo-Baird, questioned whether three days was "
            "fair.\n\n"
            "Counsel responded that the appellant had not asked for more time.\n\n"
            "He added that the Authority's duty was to the safety of everyone at the port.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 12)
    assert said["The Chief Ju"] == ("Anneliese Okonkwo-Baird",)
    assert "Anneliese Okonkwo-Baird" not in said["He added tha"]


def test_a_rank_before_an_office_an_agency_label_and_a_country_before_a_name():
    text = ("# Reception\n\n"
            "A toast to the people of Norvania was proposed by Deputy Minister "
            "Nwosu-Delacroix.\n\n"
            "The guest of honour, Deputy Minister of Foreign Affairs of Kessaly Amara "
            "Nwosu-Delacroix, congratulated the people of Norvania.\n\n"
            "Nwosu-Delacroix also announced an honorary consulate.\n\n"
            "## Cluster round\n\n"
            "- RRO (Joyce Wambui-Keller): registration of new arrivals resumed on Monday.\n"
            "- Deputy Minister Aiyana Redcloud-Sato (Federation of Meridia): supported a "
            "standstill on debt service.\n")
    doc = parse_text(text, "markdown")
    names = {p.name for p in doc.people}
    assert "Amara Nwosu-Delacroix" in names
    assert not {"Nwosu-Delacroix", "Kessaly Amara Nwosu-Delacroix"} & names
    said = by_opening(doc.chunks, 14)
    assert said["Nwosu-Delacroi"] == ("Amara Nwosu-Delacroix",)
    assert {"Joyce Wambui-Keller", "Aiyana Redcloud-Sato"} <= names
    assert "Deputy Minister Aiyana Redcloud-Sato" not in names


def test_city_council_minutes_name_officers_by_the_office_before_the_name():
    text = ("CITY OF PORT CALLOWAY - MINUTES OF THE REGULAR CITY COUNCIL MEETING\n\n"
            "Present: Mayor Vivian Castellanos-Reid, Mayor Pro Tem Arne Halverson,\n"
            "Council Members Rosa Ortega and Terrence Mbuyi. Also present: City\n"
            "Manager Gordon Pettibone, City Attorney Naomi Feld.\n\n"
            "Council Member Ortega moved approval of the Consent Calendar.\n\n"
            "COUNCILMEMBER ORTEGA: I pulled this because the staff report says the\n"
            "lowest bidder was disqualified.\n\n"
            "CITY MANAGER PETTIBONE: The bid documents are clear that an unsigned bid\n"
            "is non-responsive.\n\n"
            "MAYOR PRO TEM HALVERSON: I support the ordinance, but I am worried about\n"
            "parking.\n")
    doc = parse_text(text, "text")
    said = by_opening(doc.chunks, 14)
    assert said["Council Member"] == ("Rosa Ortega",)
    assert said["The bid docume"] == ("Gordon Pettibone",)
    assert said["I support the "] == ("Arne Halverson",)
    assert not {"City Manager Pettibone", "Pro Tem Halverson"} & {p.name for p in doc.people}


def test_a_summary_record_and_a_meetings_coverage_release_name_their_speakers():
    record = ("# Summary record of the seventh meeting\n\n"
              "Chairperson: Ms. Adaeze Nwosu-Bell (Nigeria); later: Mr. Tomas Lindqvist "
              "(Sweden), Vice-Chairperson\n\n"
              "The CHAIRPERSON invited the Committee to resume its consideration of the "
              "draft.\n\n"
              "Ms. OKAFOR-DIALLO (Secretary of the Committee) said that the text "
              "reflected the comments.\n\n"
              "The SECRETARY, replying to the questions raised, said that translation "
              "had been budgeted.\n")
    said = by_opening(parse_text(record, "markdown").chunks, 14)
    assert said["Chairperson: M"] == ()
    assert said["The CHAIRPERSO"] == ("Adaeze Nwosu-Bell",)
    assert said["The SECRETARY,"] == ("Okafor-Diallo",)
    release = ("# Commission on Ageing, 5th meeting\n\n"
               "LUCÍA FERNÁNDEZ ARCE (Uruguay), speaking for the Group of 77 and China, "
               "said that fiscal space was being squeezed.\n\n"
               "HIROSHI NAKAGAWA-BELL (Japan) described his country's experience. Japan had "
               "introduced long-term care insurance in 2000.\n\n"
               "He cautioned, however, that technology could not replace human contact.\n\n"
               "Delegates discussed LLVM IR (the compiler's format), said a note.\n")
    doc = parse_text(release, "markdown")
    said = by_opening(doc.chunks, 14)
    assert said["LUCÍA FERNÁNDE"] == ("Lucía Fernández Arce",)
    assert said["HIROSHI NAKAGA"] == ("Hiroshi Nakagawa-Bell",)  # Japan is his seat
    assert said["He cautioned, "] == ("Hiroshi Nakagawa-Bell",)
    assert "Llvm Ir" not in {p.name for p in doc.people}


def test_executives_by_abbreviation_the_mayor_residents_and_a_long_biography():
    text = ("# Town hall\n\n"
            "Mayor Lorraine Ashdown-Piper opened the evening.\n\n"
            "A resident asked whether the cameras were a way to raise money. The mayor said "
            "that any surplus was ring-fenced.\n\n"
            "Resident Harriet Okoye-Lind asked whether the gate could be trialled.\n\n"
            "Resident (Elm Street): \"We've been asking for this since 2019.\"\n\n"
            "CEO Rana Idris opened the all-hands from Lisbon.\n\n"
            "Priya Chandrasekar, a former deputy director of the port of Chennai who is now "
            "head of infrastructure risk at the reinsurer Tidewell Re, where she advises on "
            "the pricing of catastrophe cover for maritime assets across South and South-East "
            "Asia, spoke third.\n")
    doc = parse_text(text, "markdown")
    said = by_opening(doc.chunks, 14)
    assert said["A resident ask"] == ("Questioner", "Lorraine Ashdown-Piper")
    assert said["Resident Harri"] == ("Harriet Okoye-Lind",)
    assert said["\"We've been as"] == ("Resident",)
    assert said["CEO Rana Idris"] == ("Rana Idris",)
    assert said["Priya Chandras"] == ("Priya Chandrasekar",)
    assert not {"Tidewell Re", "Elm Street"} & {p.name for p in doc.people}


def test_a_speech_tag_inside_a_sentence_and_the_learned_judge():
    text = ("# Argument recap\n\n"
            "Before: His Honour Judge Anselm Whitcombe.\n\n"
            "Aurelio Santangelo, arguing for the appellant, opened by telling the court that "
            "the case was about a machine.\n\n"
            "In rebuttal, Santangelo seized on the address point. His client had updated her "
            "address online, he said, and the system had failed to carry it across.\n\n"
            "The professor, who advised the regulator, goes further. A dataset is sensitive, "
            "he says, and cities should stop treating it as harmless.\n\n"
            "The learned judge said he was not prepared to adjourn.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 14)
    assert said["In rebuttal, S"] == ("Aurelio Santangelo",)
    assert said["The professor,"] == ()  # someone the report names only so
    assert said["The learned ju"] == ("Anselm Whitcombe",)


def test_a_numbered_notice_of_who_takes_the_chair():
    text = ("# Summary record\n\n"
            "Chairperson: Ms. Adaeze Nwosu-Bell (Nigeria); later: Mr. Tomas Lindqvist "
            "(Sweden), Vice-Chairperson\n\n"
            "The CHAIRPERSON invited the Committee to resume its work.\n\n"
            "12\\. Mr. Lindqvist (Sweden), Vice-Chairperson, took the Chair in the absence of "
            "the Chairperson.\n\n"
            "The CHAIRPERSON said that, if he heard no objection, he would take it that the "
            "Committee agreed.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 18)
    assert said["The CHAIRPERSON in"] == ("Adaeze Nwosu-Bell",)
    assert said["The CHAIRPERSON sa"] == ("Tomas Lindqvist",)


def test_a_question_from_someone_named_in_the_label():
    text = ("# Q&A\n\n"
            "**Q from Meera Pillai (Customer Success):** When will customers be able to "
            "self-serve the new dashboards?\n\n"
            "**Question from the chat (Kwame, Radio Nkabom):** Last time visa invitation "
            "letters came very late.\n")
    said = by_opening(parse_text(text, "markdown").chunks, 12)
    assert said["When will cu"] == ("Meera Pillai",)
    assert said["Last time vi"] == ("Kwame",)


def test_a_role_label_that_says_where_the_voice_comes_from():
    text = ("TALKBACK TRANSCRIPT\n\n"
            "HOST: Let's take a few questions.\n\n"
            "VOICE FROM BACK: Will there be a published script we can buy?\n\n"
            "QUESTION FROM THE FLOOR: Why set it on a ferry?\n\n"
            "AUDIENCE MEMBER IN THE FRONT ROW: Thank you for tonight.\n")
    said = by_opening(parse_text(text, "text").chunks, 12)
    assert said["Will there b"] == ("Voice",)
    assert said["Why set it o"] == ("Questioner",)
    assert said["Thank you fo"] == ("Audience member",)


def test_a_fund_after_from_the_and_an_adjective_is_not_a_speaker():
    text = ("# Committee\n\n"
            "The Assistant Director said the council had bid for £640,000 from the regional "
            "Homelessness Prevention Grant top-up and expected to learn the outcome soon.\n")
    doc = parse_text(text, "markdown")
    assert "Homelessness Prevention Grant" not in {p.name for p in doc.people}


def test_a_podcast_transcript_with_a_name_in_capitals_and_a_time_above_each_turn():
    text = ("# Episode 12\n\n"
            "MAYA (00:00:05)\n\n"
            "Welcome back to the show. I am Maya Lindqvist, and this week we talk about "
            "rivers.\n\n"
            "DEV (00:00:31)\n\n"
            "And I am Dev Acharya. Our guest today is a hydrologist.\n\n"
            "MAYA (00:01:02)\n\n"
            "So tell us how you started.\n\n"
            "INES (00:01:10)\n\n"
            "I started by counting fish, honestly.\n\n"
            "DEV (00:02:40)\n\n"
            "That is a great answer.\n\n"
            "INES (00:03:00)\n\n"
            "Thanks.\n")
    chunks = parse_text(text, "markdown").chunks
    said = by_opening(chunks, 12)
    assert said["Welcome back"] == ("Maya Lindqvist",)
    assert said["So tell us h"] == ("Maya Lindqvist",)
    assert said["I started by"] == ("Ines",)
    assert not any(c.text.startswith("MAYA (") for c in chunks)  # turn lines leave the body


def test_a_briefing_label_gives_the_spokespersons_office_before_her_surname():
    text = ("# Briefing\n\n"
            "The briefing was given by Elena Marchetti, spokesperson of the ministry.\n\n"
            "SPOKESPERSON MARCHETTI: Good morning. Three announcements today.\n\n"
            "QUESTION: Thank you. Ana Silva, Radio Sur. When will the clinics open?\n\n"
            "SPOKESPERSON MARCHETTI: In March.\n")
    doc = parse_text(text, "markdown")
    said = by_opening(doc.chunks, 12)
    assert said["Good morning"] == ("Elena Marchetti",)
    assert said["In March."] == ("Elena Marchetti",)
    assert "Spokesperson Marchetti" not in {p.name for p in doc.people}
