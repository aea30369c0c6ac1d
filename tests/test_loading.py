"""Loading and structure: the seed report and a small file of each format."""

import pytest

from indexer.errors import InputError
from indexer.loading import decode, split_front_matter, text_to_html
from indexer.parse import parse_file, parse_text
from indexer.structure import find_date

from .conftest import FIXTURES, SEED


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED)


SEED_TITLE = ("Making zero tolerance a reality: Peer to peer learning on prevention and "
              "elimination of sexual harassment")


def test_seed_title_date_and_metadata(seed):
    # the title is the bold quoted line under the generic "EVENT REPORT SUMMARY" heading,
    # without its parenthesis; the date is "On March 17, 2021" (there is no front matter)
    assert seed.title == SEED_TITLE
    assert seed.date == "2021-03-17"
    assert seed.metadata == {}  # nothing invented where the file has no front matter
    assert seed.id == SEED.stem


def test_front_matter_keys_are_kept_as_metadata():
    report = parse_text("---\ntitle: A side event\ndate: 2021-03-17\nevent: CSW65 virtual "
                        "side event\n---\n\nSome text here.", "markdown")
    assert report.title == "A side event"
    assert report.date == "2021-03-17"
    assert report.metadata["event"] == "CSW65 virtual side event"


def test_seed_sections_and_paragraphs(seed):
    sections = list(dict.fromkeys(c.section for c in seed.chunks))
    assert sections == ["Background", "1. Welcome", "2. Opening Remarks",
                        "3. Welcome from the Group of Friends to Eliminate Sexual Harassment",
                        "4. Update from the CEB Task Force on Addressing Sexual Harassment",
                        "5. Peer to Peer Learning Dialogue"]
    # 1 + 3 + 2 + 2 + 7 + 11 paragraphs; the panel list is one of them
    assert len(seed.chunks) == 26
    assert [c.position for c in seed.chunks] == list(range(1, 27))
    assert all(c.section_path[0] == "EVENT REPORT SUMMARY" for c in seed.chunks)
    assert all("*" not in part for c in seed.chunks for part in c.section_path)
    panel = next(c for c in seed.chunks if "Associate Vice President" in c.text)
    assert panel.text.startswith("- Ms. Martha Helena Lopez, Assistant Secretary-General")
    assert panel.text.count("\n") == 6  # one chunk for the whole list, seven items
    # the bold line that gives the title is not a paragraph of its own
    assert not any(c.text.lstrip("“\"").startswith("Making zero tolerance a reality")
                   for c in seed.chunks)
    assert seed.chunks[0].text.startswith("On March 17, 2021, “Making zero tolerance")


def test_seed_section_5_is_not_inside_section_4(seed):
    # "#### 5. Peer to Peer ..." is one heading level below "### 4. Update ...", but it is
    # the next numbered section of the report, not a part of section 4
    peer = [c for c in seed.chunks if c.section == "5. Peer to Peer Learning Dialogue"]
    assert len(peer) == 11
    assert {c.section_path for c in peer} == {
        ("EVENT REPORT SUMMARY", "5. Peer to Peer Learning Dialogue")}
    update = next(c for c in seed.chunks if c.text.startswith("She informed colleagues"))
    assert update.section_path == (
        "EVENT REPORT SUMMARY", "4. Update from the CEB Task Force on Addressing Sexual Harassment")


def test_seed_text_is_the_text_as_written(seed):
    clear_check = next(c for c in seed.chunks if "Database which allows for vetting" in c.text)
    # '"[Clear Check](#)" Database' reads '"Clear Check" Database', no spaces inside quotes
    assert 'the "Clear Check" Database which allows' in clear_check.text
    assert "re-hiring of individuals" in clear_check.text
    panel = next(c for c in seed.chunks if "Associate Vice President" in c.text)
    assert panel.text.endswith(
        "- Dr. Kemi DaSilva – Ibru, Founder and Director, Women at Risk International Foundation")
    assert "65th session" in seed.chunks[0].text  # <sup>th</sup> joins its number


def test_html_drops_page_chrome_and_finds_title_and_date():
    report = parse_file(FIXTURES / "roundtable.html")
    text = " ".join(c.text for c in report.chunks)
    assert report.title == "Roundtable on workplace safety"
    assert report.date == "2022-11-09"
    for chrome in ("tracking pixel", "Site banner", "Copyright", "Home", "color: red"):
        assert chrome not in text
    assert [c.section for c in report.chunks] == ["", "Opening", "Discussion", "Discussion",
                                                  "Discussion"]
    assert "<script> in spring" in report.chunks[-1].text  # escaped text stays text


def test_the_declared_title_wins_over_a_letterhead_heading():
    # the page's <title> reads as its second heading: the first is the body that met
    page = ("<html><head><title>Oral evidence | Soil health, HC 12</title></head><body>"
            "<h1>Rural Affairs Committee</h1><h2>Oral evidence: Soil health, HC 12</h2>"
            "<p>The committee met on 4 February 2026.</p></body></html>")
    assert parse_text(page, "html").title == "Oral evidence: Soil health, HC 12"
    # a <title> no heading reads as is the site's, not the report's
    other = page.replace("<title>Oral evidence | Soil health, HC 12", "<title>Committees")
    assert parse_text(other, "html").title == "Rural Affairs Committee"


def test_text_headings_lists_and_reflow():
    report = parse_file(FIXTURES / "briefing-notes.txt")
    assert report.title == "BRIEFING NOTES ON WHISTLEBLOWER PROTECTION"
    assert report.date == "2020-01-27"
    assert [c.section for c in report.chunks] == ["1. Background", "2. Recommendations",
                                                  "2. Recommendations", "Next steps"]
    assert "strengthened in the last revision" in report.chunks[0].text
    assert "\n" not in report.chunks[0].text
    assert report.chunks[2].text.startswith("- Publish an annual report")


def test_markdown_title_from_h1_and_date_from_text():
    report = parse_file(FIXTURES / "dialogue.md")
    assert report.title == "Dialogue on funding survivor services"
    assert report.date == "2023-05-05"
    assert report.chunks[1].section_path == ("Welcome",)


def test_front_matter_and_id():
    meta, body = split_front_matter("---\ntitle: 'A: B'\nid: My Report\ncountry: Chile\n---\n# X")
    assert meta == {"title": "A: B", "id": "My Report", "country": "Chile"}
    assert body == "# X"
    report = parse_text("---\nid: Custom Id\n---\nSome text here.", "markdown")
    assert report.id == "custom-id"


@pytest.mark.parametrize("text, iso", [
    ("On March 17, 2021, a side event", "2021-03-17"),
    ("held on 9 November 2022 in Geneva", "2022-11-09"),
    ("met on 2020-01-27 to review", "2020-01-27"),
    ("the 3rd of May 2019", "2019-05-03"),
    ("no date at all", None),
    ("February 30, 2021", None),
])
def test_find_date(text, iso):
    assert find_date(text) == iso


def test_decoding_variants():
    assert decode("café".encode("utf-8-sig"), "x")[0] == "café"
    assert decode("café".encode("utf-16"), "x") == ("café", "utf-16")
    assert decode("café – ok".encode("cp1252"), "x") == ("café – ok", "cp1252")
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02binary", "x")


def test_plain_text_without_blank_lines_reflows():
    html = text_to_html("a line that wraps\nonto the next line\n\nSECOND PART\n\nmore")
    assert "<p>a line that wraps onto the next line</p>" in html
    assert "<h2>SECOND PART</h2>" in html


def test_page_furniture_is_dropped_and_a_cut_paragraph_joined():
    from indexer.loading import strip_page_furniture

    text = ("The Assembly must act on climate and on the debt that weighs on\n"
            "developing countries, whose voice must be heard in every\n\n"
            "A/99/PV.7\n\n12 24-12345\n\n"
            "forum where their future is decided.\n\n"
            "24-12345 (E)\n\nE/CN.6/2030/L.1\n\n- 3 -\n\nPage 4 of 9\n\n"
            "A new paragraph starts here.")
    cleaned = strip_page_furniture(text)
    assert "PV.7" not in cleaned and "12345" not in cleaned and "CN.6" not in cleaned
    assert "Page 4" not in cleaned and "- 3 -" not in cleaned
    html = text_to_html(text)
    assert "<p>The Assembly must act on climate and on the debt that weighs on developing " \
           "countries, whose voice must be heard in every forum where their future is " \
           "decided.</p>" in html
    assert "<p>A new paragraph starts here.</p>" in html


def test_hard_wrapped_paragraphs_without_blank_lines_are_split():
    indented = ("I should like first to thank the outgoing President for the\n"
                "work of the past year.\n"
                " Let me now turn to the question of peace, which has occupied\n"
                "this Hall since its founding.\n")
    assert text_to_html(indented).count("<p>") == 2
    numbered = ("12.\tThe first numbered paragraph is a long line that was never wrapped by any "
                "conversion, running on and on about development, finance and peace in the "
                "region, for far more than two hundred characters in all.\n"
                "13.\tThe second numbered paragraph is just as long and just as unwrapped, "
                "speaking of climate, debt and the reform of the Security Council for more "
                "than two hundred characters.\n")
    html = text_to_html(numbered)
    assert html.count("<p>") == 2 and "<ul>" not in html
    labels = "Chair: We open the meeting.\nMs. Ray: I support the proposal.\nChair: Agreed.\n"
    assert text_to_html(labels).count("<p>") == 3
    assert "Secretary-General" in text_to_html("thanks to the Secretary-\nGeneral for this.")
