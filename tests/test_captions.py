"""Captions of a recorded event (.srt, .vtt, or pasted into a text file): cues joined into
what was said, each paragraph with its start time and the speaker the captions mark."""

import pytest

from indexer import captions
from indexer.parse import parse_file, parse_text

from .conftest import run, run_json
from .test_families import FAMILIES, chunk

LECTURE = FAMILIES / "lecture-captions.srt"
PANEL = FAMILIES / "panel-captions.vtt"


@pytest.mark.parametrize(("fragment", "speakers"), [
    # "[MARGIT LINDQVIST] Good evening", the cue lines joined into one sentence
    ("welcome to the museum's spring lecture", ("Margit Lindqvist",)),
    ("spent ten years with the Vestergaard", ("Margit Lindqvist",)),  # after the applause
    (">> PROFESSOR ANDERS HOLM:", None),  # the label is not in the words
    ("who paid for each canvas", ("Anders Holm",)),  # the cue below his label
    ("Can everyone at the back hear me?", ()),  # "- ... / - ...": not said who
    ("Yes!", ()),
    ("start with the merchants", ()),  # after the exchange, still not said
])
def test_srt_speakers_and_turns(fragment, speakers):
    if speakers is None:
        assert not [c for c in parse_file(LECTURE).chunks if fragment in c.text]
        return
    assert chunk(LECTURE, fragment).speakers == speakers


def test_srt_cues_become_paragraphs_with_times():
    texts = [c.text for c in parse_file(LECTURE).chunks]
    assert texts[0].startswith("[00:00:01] Good evening, and welcome to the museum's spring")
    assert not any("APPLAUSE" in t or "-->" in t for t in texts)  # sounds and timings go
    assert chunk(LECTURE, "who paid").text.startswith("[00:00:16] Thank you, Margit. The")


def test_vtt_voices():
    report = parse_file(PANEL)
    assert report.title == "Panel: Cities and heat"
    assert [c.speakers for c in report.chunks] == [
        ("Amina Sesay",), ("Joaquín Ortega Ruiz",), ("Amina Sesay",)]  # "<v Sesay>" too
    assert chunk(PANEL, "Trees first").speaker_evidence == ("label",)


def test_captions_pasted_into_a_text_file():
    text = LECTURE.read_text(encoding="utf-8")
    assert captions.is_captions(text)
    pasted = parse_text(text, "text", source="lecture.txt")
    assert [c.speakers for c in pasted.chunks] == [c.speakers for c in
                                                   parse_file(LECTURE).chunks]
    assert not captions.is_captions("Agenda\n\n1. Welcome 10:00 --> coffee\n\nNotes\n")


def test_search_a_folder_with_captions(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(PANEL), str(LECTURE)).exit_code == 0
    found = run_json(index, "search", "shade", "--speaker", "Ortega", "--format", "json")
    assert found["total"] == 1 and found["hits"][0]["speakers"] == ["Joaquín Ortega Ruiz"]
