"""Attribution on real minutes from ../shared/corpora (skipped where it is absent)."""

import pytest

from indexer.parse import parse_file

from .conftest import SHARED_CORPORA, run, run_json

pytestmark = pytest.mark.skipif(not SHARED_CORPORA.is_dir(),
                                reason="../shared/corpora is not beside this checkout")

W3C_MD = SHARED_CORPORA / "w3c-publ-wg-minutes/Meetings/Minutes/2018/2018-10-22-pwg.md"
W3C_HTML = SHARED_CORPORA / "w3c-publishingcg-minutes/Meetings/Minutes/2025-11-05-publishingcg.html"
RUST = SHARED_CORPORA / "rust-lang-team-minutes/minutes/2020-02-27.md"


def speakers_of(path, opening):
    report = parse_file(path)
    chunk = next(c for c in report.chunks if opening in c.text)
    return chunk.speakers


def test_w3c_scribe_markdown_turns():
    assert speakers_of(W3C_MD, "Garth Conboy: I would have said") == ("Garth Conboy",)
    assert speakers_of(W3C_MD, "Luc Audrain: +1") == ("Luc Audrain",)


def test_w3c_scribe_html_turns():
    assert speakers_of(W3C_HTML, "wolfgang: I am very happy") == ("wolfgang",)
    assert speakers_of(W3C_HTML, "pedroMilliet: Agree") == ("pedroMilliet",)
    assert speakers_of(W3C_HTML, "s/,and/and/") == ()  # an IRC edit, nobody's turn


def test_rust_minutes_turns_in_nested_lists():
    assert "scottmcm" in speakers_of(RUST, "scottmcm: What is the extent")


def test_minutes_index_and_filter_by_speaker(tmp_path):
    index = tmp_path / "ix"
    result = run(index, "index", str(W3C_MD), str(W3C_HTML), str(RUST), "--quiet")
    assert result.exit_code == 0, result.output
    out = run_json(index, "search", "--speaker", "Garth Conboy", "--format", "json",
                   "--limit", "100")
    assert out["total"] > 5
    assert all("Garth Conboy" in h["speakers"] for h in out["hits"])
