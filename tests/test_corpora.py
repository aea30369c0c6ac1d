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
    found = [c for c in report.chunks if opening in c.text]
    assert len(found) == 1, [c.text[:40] for c in found]
    return found[0].speakers


def test_w3c_scribe_markdown_turns():
    assert speakers_of(W3C_MD, "I would have said the info set") == ("Garth Conboy",)
    assert speakers_of(W3C_MD, "in our intro we say that a Web Publication") == ("Luc Audrain",)


def test_w3c_scribe_html_turns():
    assert speakers_of(W3C_HTML, "I am very happy") == ("wolfgang",)
    assert speakers_of(W3C_HTML, "Agree, it is about leveraging") == ("pedroMilliet",)
    edits = [c for c in parse_file(W3C_HTML).chunks if c.text == "s/,and/and/"]
    assert edits and all(c.speakers == () for c in edits)  # an IRC edit, nobody's turn


def test_rust_minutes_turns_in_nested_lists():
    assert "scottmcm" in speakers_of(RUST, "What is the extent")


def test_minutes_index_and_filter_by_speaker(tmp_path):
    index = tmp_path / "ix"
    result = run(index, "index", str(W3C_MD), str(W3C_HTML), str(RUST), "--quiet")
    assert result.exit_code == 0, result.output
    out = run_json(index, "search", "--speaker", "Garth Conboy", "--format", "json",
                   "--limit", "100")
    assert out["total"] > 5
    assert all("Garth Conboy" in h["speakers"] for h in out["hits"])
