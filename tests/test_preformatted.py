"""A whole document in one <pre> (the Congressional Record's GPO pages): paragraphs and
titles, and the floor designations that open speeches."""

from pathlib import Path

import pytest

from indexer.designations import designation, display_name
from indexer.parse import parse_file, parse_text
from indexer.preformatted import Piece, is_plain_document, split_preformatted

from .conftest import SHARED_CORPORA

LAYOUTS = Path(__file__).resolve().parent / "layouts"
HOUSE = LAYOUTS / "congressional-house.htm"
CREC_S697 = (SHARED_CORPORA / "congressional-record-1997-01-28/tests/test_files/"
             "CREC-1997-01-28/html/CREC-1997-01-28-pt1-PgS697.htm")

FILLER = ("  Mr. PEMBERTON. Mr. President, the committee met on Tuesday and heard\n"
          "from the county clerks, who asked again for the forms to be printed in\n"
          "both languages before the spring filing season begins in the State.\n")

PAGE = """[Congressional Record Volume 150, Number 3 (Monday, January 5, 2004)]
[Senate]
[Pages S11-S12]
From the Congressional Record Online through the Government Publishing Office [www.gpo.gov]



                    COUNTY FILING FORMS ACT OF 2004

  Mr. PEMBERTON. Mr. President, the committee met on Tuesday and heard
from the county clerks, who asked again for the forms to be printed in
both languages before the spring filing season begins in the State.
  The PRESIDING OFFICER. Without objection, it is so ordered.
  The Senator from Idaho is recognized.
  Mrs. ALCOTT. Mr. President, the clerks have waited long enough--and
the forms cost very little to print. I ask that the letter be printed
in the Record at the end of my remarks, and I yield the floor to the

[[Page S12]]

Senator from Idaho, who has worked on this for longer than any of us.

                             {time}  1430

  Mr. PEMBERTON. I thank the Senator. The letter reads as follows:
       Dear Senator Pemberton: The clerks of the northern counties
     ask that the forms be printed in both languages this year.
       We thank you for your help.

  title ii--the printing of the forms by the county offices and by the
                        State printing office

  The PRESIDING OFFICER. The Senator's time has expired.

                          ____________________

"""


def paragraphs(pieces: list[Piece]) -> list[str]:
    return [p.text for p in pieces if p.kind == "paragraph"]


# Which <pre> is a document -------------------------------------------------------------

def test_a_long_plain_text_page_is_a_document():
    assert is_plain_document(PAGE)


def test_snippets_and_code_are_not_documents():
    assert not is_plain_document("$ reports index corpus/\nindexed 3 reports\n")
    assert not is_plain_document(FILLER)  # prose, but three lines
    code = "\n".join(f"def handler_{n}(request):\n    return {{'id': {n}, 'ok': True}}"
                     for n in range(20))
    assert not is_plain_document(code)
    log = "\n".join(f"<alice> [{n:02d}:00] ok" for n in range(30))
    assert not is_plain_document(log)


# Paragraphs and titles -------------------------------------------------------------------

@pytest.fixture(scope="module")
def page() -> list[Piece]:
    return split_preformatted(PAGE)


def test_running_heads_page_markers_time_stamps_and_rules_are_dropped(page):
    text = " ".join(p.text for p in page)
    for dropped in ("Congressional Record Volume", "[Senate]", "[Pages", "gpo.gov",
                    "[[Page", "{time}", "1430", "____"):
        assert dropped not in text


def test_titles_are_headings_with_a_level(page):
    headings = [(p.text, p.level) for p in page if p.kind == "heading"]
    assert headings == [
        ("COUNTY FILING FORMS ACT OF 2004", 1),
        ("title ii--the printing of the forms by the county offices and by the State printing "
         "office", 3),
    ]


def test_paragraphs_start_at_indented_lines_and_hard_wraps_are_joined(page):
    assert paragraphs(page) == [
        "Mr. PEMBERTON. Mr. President, the committee met on Tuesday and heard from the "
        "county clerks, who asked again for the forms to be printed in both languages "
        "before the spring filing season begins in the State.",
        "The PRESIDING OFFICER. Without objection, it is so ordered.",
        "The Senator from Idaho is recognized.",
        # "--" at a line end joins without a space; the page marker does not cut it
        "Mrs. ALCOTT. Mr. President, the clerks have waited long enough--and the forms "
        "cost very little to print. I ask that the letter be printed in the Record at the "
        "end of my remarks, and I yield the floor to the Senator from Idaho, who has "
        "worked on this for longer than any of us.",
        "Mr. PEMBERTON. I thank the Senator. The letter reads as follows:",
        # a quoted block: first lines at seven spaces, the others at five
        "Dear Senator Pemberton: The clerks of the northern counties ask that the forms "
        "be printed in both languages this year.",
        "We thank you for your help.",
        "The PRESIDING OFFICER. The Senator's time has expired.",
    ]


def test_a_blank_line_starts_a_paragraph():
    text = ("Minutes of the board, kept by the secretary for the members\n"
            "who could not attend the meeting in person this quarter.\n\n"
            "The treasurer reported that the accounts were in order and\n"
            "that the audit would be finished before the next meeting.\n")
    assert split_preformatted(text) == [
        Piece("paragraph", "Minutes of the board, kept by the secretary for the members who "
              "could not attend the meeting in person this quarter."),
        Piece("paragraph", "The treasurer reported that the accounts were in order and that "
              "the audit would be finished before the next meeting."),
    ]


def test_a_uniformly_indented_text_is_not_one_paragraph_per_line():
    text = "".join("    " + line + "\n" for line in FILLER.strip().splitlines())
    assert len(split_preformatted(text)) == 1


def test_a_centred_title_case_line_is_a_second_level_title():
    text = "\n" + " " * 16 + "Rules of Procedure of the County Board\n\n" + FILLER
    assert split_preformatted(text)[0] == Piece(
        "heading", "Rules of Procedure of the County Board", 2)


# The structural walk ---------------------------------------------------------------------

def test_a_page_in_one_pre_becomes_paragraphs_below_its_title():
    report = parse_text(f"<html><body><pre>\n{PAGE}</pre></body></html>", "html",
                        source="page.htm")
    assert report.title == "COUNTY FILING FORMS ACT OF 2004"
    assert len(report.chunks) == 8
    assert report.chunks[-1].section_path == (
        "title ii--the printing of the forms by the county offices and by the State printing "
        "office",)


def test_titles_in_a_pre_nest_below_the_headings_already_open():
    markup = f"<h1>Digest</h1><h2>Senate</h2><pre>{PAGE}</pre><h2>House</h2><p>Later.</p>"
    chunks = parse_text(markup, "html", source="digest.htm").chunks
    assert chunks[0].section_path == ("Senate", "COUNTY FILING FORMS ACT OF 2004")
    assert chunks[-1].section_path == ("House",)


def test_code_blocks_and_short_snippets_stay_one_paragraph():
    code_lines = "\n".join(f"    line {n} of a long listing that reads like words" for n in
                           range(30))
    markdown = f"# Notes\n\nBefore.\n\n{code_lines}\n\nAfter.\n"
    chunks = parse_text(markdown, "markdown").chunks
    assert [c.text[:6] for c in chunks] == ["Before", "line 0", "After."]
    snippet = "<h1>Log</h1><pre>&lt;alice&gt; hello\n&lt;bob&gt; hi there</pre>"
    assert [c.text for c in parse_text(snippet, "html", source="log.htm").chunks] == [
        "<alice> hello <bob> hi there"]


# Floor designations ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("Mr. GORTON. Mr. President, this is to express", ("Gorton", 11)),
    ("Mrs. JONES of Ohio. I rise today", ("Jones", 19)),
    ("Ms. SNOWE.", ("Snowe", 10)),
    ("Mr. DE LA GARZA. Mr. Speaker, I yield", ("De La Garza", 16)),
    ("Mr. de la GARZA. Mr. Speaker", ("De La Garza", 16)),
    ("Mr. O'BRIEN. Yes.", ("O'Brien", 12)),
    ("Mr. McCAIN. Mr. President", ("McCain", 11)),
    ("Mr. DeWINE. Mr. President", ("DeWine", 11)),
    ("Ms. JACKSON-LEE of Texas. Madam Speaker", ("Jackson-Lee", 25)),
    ("Mr. SMITH of New Jersey. Mr. Speaker", ("Smith", 24)),
    ("Mr. GUTIÉRREZ. Madam Speaker", ("Gutiérrez", 14)),
    ("The SPEAKER pro tempore (Mr. Brown). The gentleman", ("Brown", 36)),
    ("The SPEAKER pro tempore (Mr. Hastings of Washington). The", ("Hastings", 53)),
    ("The PRESIDING OFFICER (Mr. Kyl). The clerk will call the roll.", ("Kyl", 32)),
    ("The PRESIDING OFFICER [Mr. Brownback]. Without objection", ("Brownback", 38)),
    ("The PRESIDING OFFICER. Without objection, it is so ordered.",
     ("Presiding Officer", 22)),
    ("The SPEAKER. The question is", ("Speaker", 12)),
    ("The SPEAKER pro tempore. The question is", ("Speaker pro tempore", 24)),
    ("The CHAIRMAN. The Clerk will read.", ("Chairman", 13)),
    ("The ACTING PRESIDENT pro tempore. The Senator from Iowa",
     ("Acting President pro tempore", 33)),
    ("The SERGEANT AT ARMS. Hear ye", ("Sergeant at Arms", 21)),
])
def test_designations(text, found):
    assert designation(text) == found
    assert text[found[1]:found[1] + 1] in ("", " ")


@pytest.mark.parametrize("text", [
    "The gentleman from Utah (Mr. Smith) is recognized for 5 minutes.",
    "Mr. President, I suggest the absence of a quorum.",
    "The assistant legislative clerk proceeded to call the roll.",
    "The Senator from Missouri is recognized.",
    "Mr. BYRD addressed the Chair.",
    "Mr. KENNEDY (for himself and Mr. Kerry): S. 12. A bill to amend the Act.",
    "The FBI. It was never told.",
    "Mr. Gorton said that the bill would pass.",
    "Ms. Ruiz: we close the session.",
    "",
])
def test_not_designations(text):
    assert designation(text) is None


def test_display_names():
    assert display_name("MacKAY") == "MacKay"
    assert display_name("D'AMATO") == "D'Amato"
    assert display_name("LaHood") == "LaHood"


# End to end ------------------------------------------------------------------------------

def test_synthetic_house_page_end_to_end():
    report = parse_file(HOUSE)
    assert report.title == "RURAL LIBRARY BROADBAND ACT"
    assert len(report.chunks) == 29
    for chunk in report.chunks:
        for dropped in ("[[Page", "{time}", "Congressional Record Volume", "[House]",
                        "gpo.gov", "____"):
            assert dropped not in chunk.text
        # the title lines are headings, not body paragraphs
        assert chunk.text not in ("RURAL LIBRARY BROADBAND ACT",
                                  "ANNOUNCEMENT BY THE SPEAKER PRO TEMPORE")
    # the speech cut by a page marker is one paragraph
    assert sum("the gap is real. My concern is only that the fund was not designed" in c.text
               for c in report.chunks) == 1
    assert report.chunks[-1].section_path == ("ANNOUNCEMENT BY THE SPEAKER PRO TEMPORE",)
    assert all(c.section_path == () for c in report.chunks[:-2])


@pytest.mark.skipif(not SHARED_CORPORA.is_dir(),
                    reason="../shared/corpora is not beside this checkout")
def test_real_senate_page_s697():
    report = parse_file(CREC_S697)
    assert report.title == "ANTITERRORISM AND EFFECTIVE DEATH PENALTY ACT OF 1996"
    assert report.date == "1997-01-28"
    assert len(report.chunks) == 29  # one per two-space paragraph of the page
    texts = [c.text for c in report.chunks]
    assert all("[[Page" not in t and "Congressional Record" not in t and "____" not in t
               for t in texts)
    assert "this is to express my deep concern over a decision President Clinton" in texts[0]
    assert texts.count("The assistant legislative clerk proceeded to call the roll.") == 1
    assert texts[-1].endswith("Without objection, it is so ordered.")
