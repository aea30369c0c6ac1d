"""Word input: mammoth's semantic HTML through the same structural walk; properties as
metadata; tracked changes and comments; files that are not Word documents."""

import datetime
import io
import json
import re
import zipfile

import pytest

from indexer.errors import InputError
from indexer.ingest_docx import check_docx, rejoin_typed_lines
from indexer.parse import parse_file

from .conftest import SEED, SHARED_CORPORA, run
from .ingest.builders import markdown_to_docx
from .test_pdf import comparable

docx = pytest.importorskip("docx")

PROPOSAL = (SHARED_CORPORA / "aswf-tac-minutes" / "meetings" / "2018-09-05"
            / "OpenVDB_ASWF_proposal.docx")

NOTES = """# Peer exchange on safe workplaces

## 1. Opening

**Ms. Ada Lovelace**, Chair of the Network, opened the exchange and welcomed everyone.

She thanked the hosts for the invitation.

## 2. Panel

| Speaker | Organisation |
|---|---|
| Ada Lovelace | Analytical Society |
| Alan Turing | Computing Laboratory |

The panel discussed three points:

- reporting channels
- support for survivors
- training for managers

**Mr. Alan Turing** stressed that *confidential* reporting matters most.
"""


def test_seed_as_docx_reads_as_the_markdown(tmp_path):
    path = markdown_to_docx(SEED.read_text("utf-8"), tmp_path / f"{SEED.stem}.docx")
    report, markdown = parse_file(path), parse_file(SEED)
    assert comparable(report) == comparable(markdown)
    assert report.title == markdown.title and report.date == markdown.date
    assert all(c.page is None for c in report.chunks)


def test_headings_bold_names_a_table_and_a_list(tmp_path):
    path = markdown_to_docx(NOTES, tmp_path / "notes.docx", title="Document1",
                            author="Secretariat",
                            created=datetime.datetime(2023, 5, 2, 9, 30))
    report = parse_file(path)
    assert report.title == "Peer exchange on safe workplaces"
    assert report.date == "2023-05-02"  # no date in the text: the file's own
    assert report.metadata["author"] == "Secretariat"
    assert report.metadata["document_title"] == "Document1"
    by_text = {c.text: c for c in report.chunks}
    opening = next(c for c in report.chunks if c.text.startswith("Ms. Ada Lovelace"))
    assert opening.section == "1. Opening" and opening.speakers == ("Ada Lovelace",)
    assert by_text["She thanked the hosts for the invitation."].speakers == ("Ada Lovelace",)
    table = next(c for c in report.chunks if "Analytical Society" in c.text)
    assert "Ada Lovelace | Analytical Society" in table.text
    items = next(c for c in report.chunks if "reporting channels" in c.text)
    assert items.text.splitlines() == ["- reporting channels", "- support for survivors",
                                       "- training for managers"]
    last = next(c for c in report.chunks if c.text.startswith("Mr. Alan Turing"))
    assert last.section == "2. Panel" and last.speakers == ("Alan Turing",)


def test_a_date_in_the_text_wins_over_the_created_date(tmp_path):
    text = "# Round table\n\nThe round table met on 9 November 2022 in Geneva.\n"
    path = markdown_to_docx(text, tmp_path / "round.docx",
                            created=datetime.datetime(2023, 1, 5))
    report = parse_file(path)
    assert report.date == "2022-11-09" and report.metadata["document_created"] == "2023-01-05"


def test_the_blank_templates_own_dates_are_no_date(tmp_path):
    # a file written by a program from the blank template, dates left as they were
    path = markdown_to_docx("# Round table\n\nThe round table met in Geneva.\n",
                            tmp_path / "round.docx")
    report = parse_file(path)
    assert report.date is None and "document_created" not in report.metadata


def _with_revisions(path):
    """Replace the paragraph "PLACEHOLDER" with an insertion and a deletion."""
    package = zipfile.ZipFile(path)
    parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    revision = ('<w:ins w:id="91" w:author="A" w:date="2021-01-01T00:00:00Z"><w:r><w:t>'
                'Inserted words stay.</w:t></w:r></w:ins><w:del w:id="92" w:author="A" '
                'w:date="2021-01-01T00:00:00Z"><w:r><w:delText>Deleted words go.</w:delText>'
                '</w:r></w:del>')
    xml = re.sub(r"<w:r>(?:(?!<w:r>).)*?PLACEHOLDER</w:t></w:r>", revision, xml)
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)


def test_tracked_changes_and_comments_are_not_indexed(tmp_path):
    document = docx.Document()
    document.add_heading("Review", level=1)
    document.add_paragraph("PLACEHOLDER")
    paragraph = document.add_paragraph("Ms. Ada Lovelace opened the review.")
    document.add_comment(paragraph.runs, text="A reviewer's note, not text of the report",
                         author="Reviewer", initials="R")
    path = tmp_path / "review.docx"
    document.save(str(path))
    _with_revisions(path)
    every = " ".join(c.text for c in parse_file(path).chunks)
    assert "Inserted words stay." in every
    assert "Deleted words go" not in every and "reviewer's note" not in every


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<w:document/>")
        package.writestr("word/media/filler.bin", b"\0" * (40 * 1024 * 1024))
    return buffer.getvalue()


def test_a_zip_bomb_and_a_file_that_is_not_a_zip_are_refused():
    with pytest.raises(InputError, match="zip bomb"):
        check_docx(_bomb(), "bomb.docx")
    with pytest.raises(InputError, match="not a zip file"):
        check_docx(b"Minutes of the meeting, typed in a text editor.", "plain.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("content.xml", "<office/>")
    with pytest.raises(InputError, match="no word/document.xml"):
        check_docx(buffer.getvalue(), "odt.docx")


def test_bad_docx_files_are_one_line_each_and_the_rest_is_indexed(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    markdown_to_docx(NOTES, folder / "notes.docx")
    (folder / "bomb.docx").write_bytes(_bomb())
    (folder / "plain.docx").write_text("Minutes typed in a text editor and renamed.")
    (folder / "empty.docx").write_bytes(b"")
    index = tmp_path / "ix"
    result = run(index, "index", str(folder), "--quiet")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("error: ") for line in lines)
    assert any("bomb.docx" in line and "zip bomb" in line for line in lines)
    assert any("plain.docx" in line and "not a zip file" in line for line in lines)
    assert any("empty.docx" in line and "empty" in line for line in lines)
    assert "1 new" in result.stdout and "3 failed" in result.stdout
    assert [r["id"] for r in json.loads(run(index, "list", "--json").stdout)] == ["notes"]
    hits = json.loads(run(index, "search", "survivors", "--format", "json").stdout)["hits"]
    assert hits and hits[0]["page"] is None


@pytest.mark.skipif(not PROPOSAL.exists(), reason="../shared/corpora is not here")
def test_the_real_proposal_reads_question_by_question():
    report = parse_file(PROPOSAL)
    assert report.title == "Project Contribution Proposal"
    texts = [c.text for c in report.chunks]
    assert len(texts) > 40
    assert any(t.startswith("OpenVDB is an Academy Award-winning open-source C++ library")
               for t in texts)
    assert all("<" not in t for t in texts)


def test_plain_text_pasted_into_word_is_reflowed():
    markup = ("<p>- Boost, version 1.53 or later; 1.57 or later</p><p>  for the Python module</p>"
              "<p>  (Linux: yum install boost-devel)</p><p>Other versions might work.</p>"
              "<p>  An indented paragraph after a sentence stays.</p>")
    assert rejoin_typed_lines(markup) == (
        "<p>- Boost, version 1.53 or later; 1.57 or later for the Python module "
        "(Linux: yum install boost-devel)</p><p>Other versions might work.</p>"
        "<p>  An indented paragraph after a sentence stays.</p>")
