"""Mail in an archive (a list digest, a thread pasted into a file): each message is its
sender's, a quoted reply its author's, the digest's own boilerplate nobody's."""

import pytest

from indexer import mail
from indexer.parse import parse_file, parse_text

from .conftest import run, run_json
from .test_families import FAMILIES, chunk

DIGEST = FAMILIES / "list-digest.txt"


@pytest.mark.parametrize(("fragment", "speakers", "evidence"), [
    ("went better than we expected", ("Marta Kowalczyk",), ("header",)),
    # "On Mon, 2 Jun 2025 at 17:02, Tomás Ferreira <...> wrote:" over "> " lines
    ("drop in reviewer acceptance", ("Tomás Ferreira",), ("quotation",)),
    ("That was our worry too", ("Marta Kowalczyk",), ("header",)),  # back to the sender
    ("how long the stage", ("Tomás Ferreira",), ("header",)),  # From: "Ferreira, Tomás"
    ("the second review was short in most cases.", ("Marta Kowalczyk",), ("quotation",)),
    ("drafting a policy on data availability", ("Aiyana Whitehorse",), ("header",)),
    # below "-----Original Message-----", the enclosed message's sender
    ("treat community consent as a condition", ("Prakash Venkataraman",), ("header",)),
    ("To subscribe or unsubscribe", (), ()),  # the list's boilerplate
])
def test_a_digest_gives_each_message_to_its_sender(fragment, speakers, evidence):
    found = [c for c in parse_file(DIGEST).chunks if fragment in c.text
             and (fragment != "the second review was short in most cases."
                  or c.text.startswith("the second"))]
    assert len(found) == 1, [c.text[:40] for c in found]
    assert (found[0].speakers, found[0].speaker_evidence) == (speakers, evidence)


def test_a_digest_has_its_name_date_and_one_section_a_message():
    report = parse_file(DIGEST)
    assert report.title == "Open-Methods Digest, Vol 18, Issue 6"
    assert report.date == "2025-06-03"
    assert chunk(DIGEST, "drafting a policy").section == \
        "Data availability statements (Aiyana Whitehorse, 3 Jun 2025)"
    # header lines are not paragraphs, and no header field is taken for a speaker
    texts = [c.text for c in report.chunks]
    assert not any(t.startswith(("Message-ID", "Content-Type", "Date:")) for t in texts)
    assert {s for c in report.chunks for s in c.speakers} == {
        "Marta Kowalczyk", "Tomás Ferreira", "Aiyana Whitehorse", "Prakash Venkataraman"}
    assert not chunk(DIGEST, "End of Open-Methods Digest").speakers


def test_a_thread_in_markdown(tmp_path):
    thread = tmp_path / "venue.md"
    thread.write_text(
        "# Fwd: Venue for the regional consultation\n\n"
        "**From:** Hana Dvořáková <hana@example.cz>\n**Sent:** Thursday, 6 March 2025 10:12\n"
        "**To:** Consultation team\n**Subject:** RE: Venue\n\n"
        "The town hall can seat 120 people and has *step-free* access.\n\nHana\n\n"
        "**From:** Oduya, Brian <b.oduya@example.org>\n**Sent:** Wednesday, 5 March 2025\n"
        "**To:** Hana Dvořáková\n**Subject:** Venue\n\n"
        "Hana, can you check whether the town hall is free on 14 May?\n", encoding="utf-8")
    assert chunk(thread, "can seat 120").speakers == ("Hana Dvořáková",)
    assert chunk(thread, "is free on 14 May").speakers == ("Brian Oduya",)  # "Oduya, Brian"
    assert parse_file(thread).title == "Fwd: Venue for the regional consultation"


@pytest.mark.parametrize(("value", "name"), [
    ("Marta Kowalczyk <m.kowalczyk@uni-example.pl>", "Marta Kowalczyk"),
    ('"Ferreira, Tomás" <tferreira@example.pt>', "Tomás Ferreira"),
    ("aiyana.whitehorse at tribal-college.example.edu (Aiyana Whitehorse)",
     "Aiyana Whitehorse"),
    ("Kemi Adeyemi via open-methods <open-methods@lists.example.org>", "Kemi Adeyemi"),
    ("noreply@example.org", ""),
])
def test_sender_names(value, name):
    assert mail.sender_name(value) == name


def test_prose_that_mentions_a_sender_is_not_mail():
    text = ("Minutes of the steering group\n\nFrom: the Chair's office. The agenda was "
            "agreed.\n\nSubject to approval, the budget stands.\n")
    assert not mail.is_mail(text)
    assert parse_text(text, "steering.txt").chunks  # read as plain text


def test_search_by_sender(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(DIGEST)).exit_code == 0
    found = run_json(index, "search", "review", "--speaker", "Ferreira", "--format", "json")
    assert found["hits"] and all("Tomás Ferreira" in h["speakers"] for h in found["hits"])
