"""PDF input: layout rebuilt into paragraphs, headings and bold names; page furniture,
columns and hyphenation; scanned, encrypted, truncated and empty files; time bounds."""

import json
import re
import time
import zlib

import pytest

from indexer.bounded import run_bounded
from indexer.errors import InputError
from indexer.parse import parse_file

from .conftest import SEED, SHARED_CORPORA, run
from .ingest.builders import canvas_pdf, markdown_to_pdf, wrapped

pytest.importorskip("reportlab")

SCALA = SHARED_CORPORA / "scala-center-advisory-board-minutes" / "minutes"
REAL_PDFS = sorted(SCALA.glob("20*/*/*/*.pdf")) + sorted(
    (SHARED_CORPORA / "aswf-tac-minutes" / "meetings").glob("*/*.pdf"))
needs_corpora = pytest.mark.skipif(not SHARED_CORPORA.exists(),
                                   reason="../shared/corpora is not here")


def comparable(report):
    """Each chunk as its section path, text (whitespace and quotes aside) and speakers."""
    def text(value):
        value = re.sub("[\u2018\u2019']", "'", value)
        return re.sub(r"\s+", " ", re.sub("[\u201c\u201d\"]", '"', value)).strip()

    return [(c.section_path, text(c.text), c.speakers) for c in report.chunks]


@pytest.fixture(scope="module")
def seed_markdown():
    return parse_file(SEED)


@pytest.mark.parametrize("layout", [
    {},
    {"justify": True, "columns": 2, "header": "CSW65 side event report",
     "footer": "UN Women | 17 March 2021"},
    {"columns": 2, "footer": "Event report summary", "body_size": 9},
], ids=["plain", "two-columns-justified-furniture", "two-columns-ragged"])
def test_seed_as_pdf_reads_as_the_markdown(tmp_path, seed_markdown, layout):
    path = markdown_to_pdf(SEED.read_text("utf-8"), tmp_path / f"{SEED.stem}.pdf", **layout)
    report = parse_file(path)
    assert comparable(report) == comparable(seed_markdown)
    assert report.title == seed_markdown.title and report.date == seed_markdown.date
    pages = [c.page for c in report.chunks]
    assert pages[0] == 1 and pages == sorted(pages) and pages[-1] >= 2
    every = " ".join(c.text for c in report.chunks)
    assert "CSW65 side event report" not in every and "UN Women | 17" not in every
    assert "Page 2" not in every


def test_page_numbers_reach_search_show_and_export(tmp_path):
    path = markdown_to_pdf(SEED.read_text("utf-8"), tmp_path / "seed.pdf")
    index = tmp_path / "ix"
    assert run(index, "index", str(path), "--quiet").exit_code == 0
    result = run(index, "search", "ClearCheck")
    assert result.exit_code == 0
    assert re.search(r"— p\. \d+", result.stdout)
    hits = json.loads(run(index, "search", "ClearCheck", "--format", "json").stdout)["hits"]
    assert all(isinstance(h["page"], int) for h in hits)
    shown = json.loads(run(index, "show", "seed:3", "--json").stdout)
    assert "page" in json.dumps(shown)
    exported = [json.loads(line) for line in run(index, "export").stdout.splitlines()]
    assert {e["page"] for e in exported} >= {1, 2}


# Small layouts drawn line by line ---------------------------------------------------------

def _body(lines, x=72, top=740, step=14, font="Helvetica", size=11):
    return [(x, top - i * step, line, font, size) for i, line in enumerate(lines)]


def test_a_bold_numbered_heading_is_not_the_paragraph_under_it(tmp_path):
    # a column wide enough for the heading to nearly fill the line, in a bold a little
    # larger than the text
    body = wrapped("Professor Ingrid Lund presented a study of how housing is allocated by "
                   "scoring rules in three cities, and argued that caseworkers " * 2, 70)
    lines = [(72, 770, "Session 3B: Data and Cities", "Helvetica-Bold", 16),
             (72, 740, "2 Algorithmic allocation of social housing in three cities",
              "Helvetica-Bold", 10.5), *_body(body, top=726, size=10, step=12)]
    report = parse_file(canvas_pdf(tmp_path / "heading.pdf", [lines]))
    assert report.chunks[0].section == "2 Algorithmic allocation of social housing in three cities"
    assert report.chunks[0].text.startswith("Professor Ingrid Lund presented")


def test_hyphenated_line_ends_are_mended(tmp_path):
    lines = ["The panel discussed how the organi-", "zation handles complaints and how a",
             "victim-centred approach works; a victim-", "centred process helps. The Secretary-",
             "General spoke last, and the commit-", "tee agreed."]
    path = canvas_pdf(tmp_path / "hyphens.pdf", [_body(lines)])
    text = parse_file(path).chunks[0].text
    assert "organization handles" in text
    assert "a victim-centred process" in text  # the document writes it with a hyphen
    assert "Secretary-General spoke" in text
    assert "committee agreed" in text


def test_running_heads_and_page_numbers_are_dropped(tmp_path):
    words = ("Member States discussed the report at length and agreed that the work should "
             "go on next year with the same support from the secretariat and partners. ") * 5
    pages = []
    for number in range(1, 5):
        lines = wrapped(f"Paragraph {number}. {words}", 80)
        pages.append([(72, 800, "Annual Dialogue on Accountability | Summary", "Helvetica", 8),
                      (520, 800, f"{number}", "Helvetica", 8),
                      *_body(lines), (290, 40, f"- {number} -", "Helvetica", 8),
                      (72, 28, "Confidential draft 2024", "Helvetica", 8)])
    report = parse_file(canvas_pdf(tmp_path / "heads.pdf", pages))
    every = " ".join(c.text for c in report.chunks)
    assert "Annual Dialogue" not in every and "Confidential" not in every
    assert not re.search(r"- \d -", every)
    assert len(report.chunks) == 4 and [c.page for c in report.chunks] == [1, 2, 3, 4]


def test_two_columns_are_read_one_after_the_other(tmp_path):
    left = wrapped("LEFT " + "alpha beta gamma delta epsilon zeta eta theta iota kappa " * 6
                   + "end of the left column.", 38)
    right = wrapped("RIGHT " + "one two three four five six seven eight nine ten " * 6
                    + "end of the right column.", 38)
    page = [(72, 780, "Two columns", "Helvetica-Bold", 16), *_body(left, x=72, top=740),
            *_body(right, x=320, top=740)]
    report = parse_file(canvas_pdf(tmp_path / "columns.pdf", [page]))
    texts = [c.text for c in report.chunks]
    assert len(texts) == 2
    assert texts[0].startswith("LEFT") and texts[0].endswith("end of the left column.")
    assert "one two" not in texts[0]
    assert texts[1].startswith("RIGHT") and texts[1].endswith("end of the right column.")


def test_a_paragraph_cut_by_a_page_break_is_joined(tmp_path):
    first = wrapped("The Deputy Executive Director opened the session and thanked the "
                    "delegations for their support over the past year, noting that the", 70)
    second = wrapped("work of the task force continued throughout the pandemic.", 70)
    pages = [_body(first, top=120), _body(second, top=780)]
    report = parse_file(canvas_pdf(tmp_path / "break.pdf", pages))
    assert len(report.chunks) == 1
    assert "noting that the work of the task force" in report.chunks[0].text
    assert report.chunks[0].page == 1


def test_headings_and_bold_names_from_fonts(tmp_path):
    page = [(72, 780, "Side event on prevention", "Helvetica-Bold", 18),
            (72, 740, "1. Opening", "Helvetica-Bold", 11),
            (72, 720, "Ms. Jane Doe, Director of Programmes, opened the meeting and",
             "Helvetica", 11),
            (72, 706, "welcomed the participants.", "Helvetica", 11),
            (72, 680, "2. Panel", "Helvetica-Bold", 11),
            (72, 660, "H.E. Mr. John Roe", "Helvetica-Bold", 11),
            (72, 646, "stressed that prevention comes first.", "Helvetica", 11)]
    report = parse_file(canvas_pdf(tmp_path / "fonts.pdf", [page],
                                   title="Microsoft Word - Document1"))
    assert report.title == "Side event on prevention"
    assert [c.section for c in report.chunks] == ["1. Opening", "2. Panel"]
    assert report.chunks[0].speakers == ("Jane Doe",)
    assert report.chunks[1].speakers == ("John Roe",)
    assert report.metadata["document_title"] == "Microsoft Word - Document1"


def test_a_date_in_the_text_wins_over_the_file_date(tmp_path):
    dated = [(72, 780, "Round table", "Helvetica-Bold", 18),
             (72, 740, "The round table took place on 9 November 2022 in Geneva.",
              "Helvetica", 11)]
    report = parse_file(canvas_pdf(tmp_path / "minutes.pdf", [dated]))
    assert report.date == "2022-11-09"
    assert report.metadata["document_created"] != "2022-11-09"
    undated = [(72, 780, "Round table", "Helvetica-Bold", 18),
               (72, 740, "The round table took place in Geneva.", "Helvetica", 11)]
    report = parse_file(canvas_pdf(tmp_path / "notes.pdf", [undated]))
    assert report.date == report.metadata["document_created"]


# Files that cannot be read ---------------------------------------------------------------

@pytest.fixture
def broken_pdfs(tmp_path):
    from PIL import Image

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.md").write_text("# Good\n\nMs. Ada Lovelace opened the meeting.\n")
    markdown_to_pdf("# Also good\n\nMr. Alan Turing closed the meeting.\n", folder / "ok.pdf")
    canvas_pdf(folder / "scanned.pdf", [[("image", Image.new("RGB", (200, 260), "white"))]])
    canvas_pdf(folder / "locked.pdf", [_body(["A secret paragraph."])], encrypt="secret")
    whole = (folder / "ok.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    return folder


def test_unreadable_pdfs_are_one_line_each_and_the_rest_is_indexed(tmp_path, broken_pdfs):
    index = tmp_path / "ix"
    result = run(index, "index", str(broken_pdfs), "--quiet")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5 and len(result.stderr.splitlines()) == 5
    by_file = {re.search(r"(\w+)\.pdf", line).group(1): line for line in errors}
    assert "no text layer: needs OCR" in by_file["scanned"]
    assert "encrypted" in by_file["locked"]
    assert "truncated" in by_file["truncated"]
    assert "empty" in by_file["empty"]
    assert "garbage" in by_file
    assert "2 new" in result.stdout and "5 failed" in result.stdout
    listed = json.loads(run(index, "list", "--json").stdout)
    assert {r["id"] for r in listed} == {"good", "ok"}


def test_max_pages_skips_long_pdfs(tmp_path):
    pages = [_body([f"Page {n} text of a long document."]) for n in range(1, 4)]
    path = canvas_pdf(tmp_path / "long.pdf", pages)
    index = tmp_path / "ix"
    result = run(index, "index", str(path), "--max-pages", "2", "--quiet")
    assert result.exit_code == 0
    assert "3 pages, over the 2-page limit (--max-pages)" in result.stderr
    assert "1 skipped" in result.stdout
    assert run(index, "index", str(path), "--quiet").exit_code == 0


def test_pdfs_go_through_the_incremental_machinery(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    path = markdown_to_pdf("# Minutes\n\nMs. Ada Lovelace opened.\n", folder / "m.pdf")
    index = tmp_path / "ix"
    assert "1 new" in run(index, "index", str(folder), "--quiet").stdout
    assert "1 unchanged" in run(index, "index", str(folder), "--quiet").stdout
    markdown_to_pdf("# Minutes\n\nMs. Ada Lovelace opened and closed.\n", path)
    assert "1 updated" in run(index, "index", str(folder), "--quiet").stdout
    path.unlink()
    assert "1 pruned" in run(index, "index", str(folder), "--prune", "--quiet").stdout


def test_a_conversion_that_hangs_is_stopped():
    started = time.monotonic()
    with pytest.raises(InputError, match="took longer than 0.5 s"):
        run_bounded(time.sleep, 30, name="slow.pdf", timeout=0.5)
    assert time.monotonic() - started < 10


def test_a_conversion_that_needs_too_much_memory_fails_alone():
    with pytest.raises(InputError, match="memory"):
        run_bounded(bytearray, 600 * 1024 * 1024, name="huge.pdf", timeout=30,
                    memory=200 * 1024 * 1024)


def test_a_pdf_that_unpacks_into_gigabytes_is_bounded(tmp_path):
    stream = zlib.compress(b"0 " * (60 * 1024 * 1024), 9)
    body = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
            + b"4 0 obj<</Length %d/Filter/FlateDecode>>stream\n" % len(stream) + stream
            + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    path = tmp_path / "bomb.pdf"
    path.write_bytes(body)
    from indexer.ingest_pdf import convert

    started = time.monotonic()
    with pytest.raises(InputError) as failure:
        run_bounded(convert, body, str(path), name=str(path), timeout=2,
                    memory=300 * 1024 * 1024)
    assert str(path) in str(failure.value) and time.monotonic() - started < 20


# The real files in ../shared/corpora --------------------------------------------------------

@needs_corpora
@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_real_pdfs_give_whole_paragraphs(path):
    report = parse_file(path)
    assert report.chunks and all(c.page for c in report.chunks)
    texts = [c.text for c in report.chunks]
    one_word = [t for t in texts if len(t.split()) == 1 and not t.startswith("@")]
    assert len(one_word) <= 2, one_word
    if "scala" in str(path):
        assert report.date and report.title.startswith("Scala Center")
        cut = [(a, b) for a, b in zip(report.chunks, report.chunks[1:], strict=False)
               if a.section_path == b.section_path and b.text[:1].islower()
               and not a.text.rstrip().endswith((".", ":", "?", "!", ")", "{"))]
        assert len(cut) <= 1, cut  # a table's cells read as lists (governance, page 7)


@needs_corpora
def test_real_pdfs_index_with_the_rest(tmp_path):
    index = tmp_path / "ix"
    result = run(index, "index", *map(str, REAL_PDFS), "--quiet")
    assert result.exit_code == 0, result.output
    assert f"{len(REAL_PDFS)} new" in result.stdout


def test_decimal_numbered_paragraphs_with_a_hanging_indent(tmp_path):
    """'113.1   The Chair welcomed ...' with its other lines under the text, as minutes
    number their paragraphs: one paragraph each, and the Chair the one the attendance
    seats in the chair."""
    page = [(72, 760, "Present: Professor Dame Ana Whitcombe-Reyes (Vice-Chancellor, in the "
             "Chair); Dr Tomas Lind (Chair of the", "Helvetica", 10),
            (72, 746, "Audit Committee); Mr Ravi Desai (University Secretary and Secretary to "
             "Senate).", "Helvetica", 10),
            (72, 720, "24/113 Welcome and announcements", "Helvetica-Bold", 10),
            (72, 700, "113.1", "Helvetica", 10),
            (110, 700, "The Chair welcomed members to the meeting, in particular Dr Lind, "
             "attending his", "Helvetica", 10),
            (110, 686, "first meeting as chair of the committee.", "Helvetica", 10),
            (72, 666, "113.2", "Helvetica", 10),
            (110, 666, "The Secretary confirmed that the review of the appeals policy was "
             "in hand and that", "Helvetica", 10),
            (110, 652, "a report would come to the May meeting.", "Helvetica", 10)]
    chunks = parse_file(canvas_pdf(tmp_path / "minutes.pdf", [page])).chunks
    welcome = [c for c in chunks if "The Chair welcomed" in c.text]
    assert len(welcome) == 1 and "first meeting as chair" in welcome[0].text
    assert welcome[0].speakers == ("Ana Whitcombe-Reyes",)
    secretary = [c for c in chunks if "The Secretary confirmed" in c.text]
    assert len(secretary) == 1 and "May meeting" in secretary[0].text
    assert secretary[0].speakers == ("Ravi Desai",)
