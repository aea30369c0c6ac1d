"""A messaging group's exported chat: each message its sender's, the lines the app writes
no one's, a number that says who it is that person."""

import pytest

from indexer import chat
from indexer.parse import parse_file, parse_text

from .conftest import run, run_json
from .test_families import FAMILIES, chunk

IOS = FAMILIES / "chat-export-ios.txt"
ANDROID = FAMILIES / "chat-export-android.txt"


@pytest.mark.parametrize(("path", "fragment", "speakers"), [
    (IOS, "Setting this up so we can plan", ("Ngozi Eze",)),
    (IOS, "cake stall again", ("Deb K",)),
    (IOS, "it's Callum from the bakery", ("Callum",)),  # a number that names itself
    (IOS, "tell the bakery staff", ("Callum",)),  # ... in all its messages
    (IOS, "end-to-end encrypted", ()),  # the app, under the creator's name
    (IOS, 'created group "Harvest Fair crew"', ()),
    (IOS, "added Deb K", ()),
    (IOS, "Deb K left", ()),
    (ANDROID, "who can drive to the regional", ("Lamar Okonkwo",)),
    (ANDROID, "four students in the minivan", ("Sofía Beltrán",)),
    (ANDROID, "This is Dana Whitfield", ("Dana Whitfield",)),
    (ANDROID, "Paid for Jayden", ("Dana Whitfield",)),
    (ANDROID, "end-to-end encrypted", ()),
])
def test_each_message_is_its_senders(path, fragment, speakers):
    found = chunk(path, fragment)
    assert found.speakers == speakers
    assert found.speaker_evidence == (("label",) if speakers else ())


def test_a_message_of_several_lines_is_one_paragraph():
    van = chunk(IOS, "bring the van")
    assert van.text == ("[18:11:30] I'll bring the van on Saturday morning. Parking is "
                        "behind the church hall, gate code is the usual one.")
    assert van.speakers == ("Pim van Dalen",)


def test_title_date_and_days():
    ios, android = parse_file(IOS), parse_file(ANDROID)
    assert (ios.title, ios.date) == ("Harvest Fair crew", "2024-09-04")  # day first
    assert (android.title, android.date) == ("Robotics boosters", "2024-09-14")  # US
    assert [c.section for c in ios.chunks][-1] == "05/09/2024"
    texts = " ".join(c.text for c in ios.chunks + android.chunks)
    assert "omitted" not in texts and "\u200e" not in texts  # photos have no words


def test_first_date_reads_the_order_the_export_uses():
    assert chat.first_date("[2024-03-12 09:14] Ana Ruiz: hi\n") == "2024-03-12"
    assert chat.first_date("[03/04/2024, 09:14:22] Ana Ruiz: hi\n"
                           "[03/04/2024, 09:15:22] Tom Li: hello\n") == "2024-04-03"
    assert chat.first_date("3/4/24, 9:14 AM - Ana Ruiz: hi\n") == "2024-03-04"


def test_not_a_chat():
    minutes = ("Minutes\n\n10:00 Opening: the chair welcomed members.\n\n"
               "Ana Ruiz: the budget is agreed.\n\nTom Li: seconded.\n")
    assert not chat.is_chat(minutes)
    text = IOS.read_text(encoding="utf-8")
    assert chat.is_chat(text)
    assert parse_text(text, "text", source="chat.txt").title == "Harvest Fair crew"


def test_search_by_sender(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(IOS), str(ANDROID)).exit_code == 0
    found = run_json(index, "search", "tables", "--speaker", "Callum", "--format", "json")
    assert [h["speakers"] for h in found["hits"]] == [["Callum"]]
    found = run_json(index, "search", "minivan OR snacks", "--format", "json")
    assert sorted(h["speakers"][0] for h in found["hits"]) == ["Dana Whitfield",
                                                              "Sofía Beltrán"]


def test_a_note_above_the_first_message_is_kept():
    text = ("Steering group chat, tidied for the file\nby the secretary.\n\n"
            "Members: Ngozi Eze, Deb K\n\n" + IOS.read_text(encoding="utf-8"))
    chunks = parse_text(text, "text", source="chat.txt").chunks
    assert [(c.text, c.speakers) for c in chunks[:2]] == [
        ("Steering group chat, tidied for the file by the secretary.", ()),
        ("Members: Ngozi Eze, Deb K", ())]
    assert chunks[5].speakers == ("Ngozi Eze",)
