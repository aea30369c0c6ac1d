"""Every command through click's CliRunner: shapes, exit codes, incremental indexing."""

import json
import os
import shutil

from .conftest import CORPUS, FIXTURES, SEED, SEED_ID, run, run_json

HIT_KEYS = {"report_id", "report_title", "date", "source", "section", "section_path",
            "paragraph", "speakers", "mentions", "themes", "keyphrases", "score", "text",
            "snippet", "highlights", "speaker_evidence", "page"}


def seed_paragraph(index, fragment: str) -> int:
    """The number of the one seed paragraph that holds `fragment`, from `reports export`."""
    rows = [json.loads(line) for line in run(index, "export").output.splitlines()]
    found = [r["paragraph"] for r in rows if r["report_id"] == SEED_ID and fragment in r["text"]]
    assert len(found) == 1, fragment
    return found[0]


def test_search_json_shape(seed_index):
    # "more inclusive and accountable working environments" and "the need for accountability"
    out = run_json(seed_index, "search", "accountability", "--format", "json")
    assert set(out) == {"query", "total", "page", "limit", "suggestion", "hits", "facets"}
    assert out["query"] == "accountability" and out["suggestion"] is None
    assert out["page"] == 1 and out["limit"] == 10
    assert out["total"] == len(out["hits"]) == 2
    for hit in out["hits"]:
        assert set(hit) == HIT_KEYS
        assert hit["report_id"] == SEED_ID and hit["date"] == "2021-03-17"
        assert hit["report_title"].startswith("Making zero tolerance a reality: Peer to peer")
        assert hit["section_path"][0] == "EVENT REPORT SUMMARY"
        assert hit["section_path"][-1] == hit["section"]
        assert hit["highlights"]
        assert len(hit["speaker_evidence"]) == len(hit["speakers"])
        assert hit["page"] is None  # Markdown has no pages
        for start, end in hit["highlights"]:
            assert hit["text"][start:end].lower() in {"accountability", "accountable"}
    lopez = next(h for h in out["hits"] if "ClearCheck is currently implemented" in h["text"])
    assert lopez["speakers"] == ["Martha Helena Lopez"]
    assert lopez["section"] == "5. Peer to Peer Learning Dialogue"
    assert out["facets"]["speakers"]["Martha Helena Lopez"] == 1
    assert out["facets"]["themes"]["accountability"] == 2
    assert out["facets"]["reports"] == {SEED_ID: 2}


def test_search_text_shows_report_section_speaker_and_marks(seed_index):
    result = run(seed_index, "search", "ClearCheck")
    assert result.exit_code == 0
    assert "Making zero tolerance a reality: Peer to peer learning" in result.output
    assert "5. Peer to Peer Learning Dialogue" in result.output
    assert "Martha Helena Lopez:" in result.output
    assert "**ClearCheck**" in result.output  # plain markers in a pipe, no colour codes
    assert "\x1b[" not in result.output


def test_search_html_escapes_report_text(seed_index):
    result = run(seed_index, "search", "spring", "--format", "html")
    assert "&lt;script&gt;" in result.output
    assert "<script>" not in result.output
    assert "<mark>spring</mark>" in result.output


def test_suggestion_in_text_output(seed_index):
    assert "Did you mean: harassment" in run(seed_index, "search", "harasment").output


def test_explain(seed_index):
    out = run(seed_index, "search", "accountability", "--speaker", "Lopez", "--explain").output
    assert "speaker 'Lopez' -> Martha Helena Lopez" in out
    assert "parsed as" in out


def test_explain_gives_score_parts_that_add_up(seed_index):
    import re

    # "the gender power imbalance" (Kabba) comes first, the two words side by side
    out = run(seed_index, "search", "power imbalance", "--explain").output
    line = next(ln for ln in out.splitlines() if ln.startswith("explain: ") and "score" in ln)
    assert f"{SEED_ID}:{seed_paragraph(seed_index, 'problem of the gender power')}:" in line
    total = float(re.search(r"score ([\d.]+) =", line).group(1))
    # "score T = part a + part b ...; speakers: ...": the parts end at the first ";"
    parts_text = line.split("=", 1)[1].split(";", 1)[0].rstrip()
    parts = [float(v) for v in re.findall(r" ([\d.]+)(?= \+|$)", parts_text)]
    assert len(parts) >= 3
    assert 'text:"power imbal"' in line  # the phrase bonus is shown as a part
    assert abs(sum(parts) - total) < 0.01 * len(parts)


def test_usage_errors_exit_2_with_one_line(seed_index):
    for args in (["search", "x", "--since", "not-a-date"], ["search", "--speaker", "Nobody"],
                 ["search", "--theme", "nonsense"], ["search", '"open'], ["search"],
                 ["search", "x", "--page", "0"], ["show", "no-such-report"]):
        result = run(seed_index, *args)
        assert result.exit_code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, args
        assert "Traceback" not in result.output


def test_list_show_speakers_themes_export(seed_index):
    reports = run_json(seed_index, "list", "--json")
    assert {r["id"] for r in reports} == {SEED_ID, "roundtable", "briefing-notes", "dialogue"}
    seed = next(r for r in reports if r["id"] == SEED_ID)
    assert seed["paragraphs"] == 26 and seed["date"] == "2021-03-17"
    assert seed["title"] == ("Making zero tolerance a reality: Peer to peer learning on "
                             "prevention and elimination of sexual harassment")

    outline = run_json(seed_index, "show", SEED_ID, "--json")
    assert len(outline["paragraphs"]) == 26
    survey = seed_paragraph(seed_index, "voluntary and anonymous survey")
    around = run_json(seed_index, "show", f"{SEED_ID}:{survey}", "--json")
    assert [c["paragraph"] for c in around] == [survey - 1, survey, survey + 1]
    assert "victim-centred approach" in run(seed_index, "show", f"{SEED_ID}:{survey}").output

    # ASG Lopez speaks in two paragraphs (ClearCheck; the February dialogue) and is only
    # mentioned in the background and the panel list
    people = run_json(seed_index, "speakers", "--json", "--report", SEED_ID)
    lopez = next(p for p in people if p["name"] == "Martha Helena Lopez")
    assert lopez["paragraphs"] == 2 and lopez["reports"] == [SEED_ID]
    assert "Lopez" in lopez["aliases"]

    # zero tolerance: "Making zero tolerance a reality", "a zero-tolerance approach";
    # accountability: "accountable working environments", the "Clear Check" database,
    # "the need for accountability ... ClearCheck"
    themes = run_json(seed_index, "themes", "--json")
    counts = {t["theme"]: t["paragraphs"] for t in themes}
    assert counts["accountability"] == 3 and counts["zero-tolerance"] == 2

    lines = run(seed_index, "export").output.splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 26 + 5 + 4 + 5
    assert all(r["chunk_id"] == f"{r['report_id']}:{r['paragraph']}" for r in rows)


def test_incremental_indexing_update_prune_remove(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder)
    shutil.copy(FIXTURES / "dialogue.md", folder)
    index = tmp_path / "ix"
    assert "2 new, 0 updated, 0 unchanged" in run(index, "index", str(folder)).output
    assert "0 new, 0 updated, 2 unchanged" in run(index, "index", str(folder)).output

    changed = folder / "dialogue.md"
    changed.write_text(changed.read_text() + "\nMs. Benitez said that accountability matters.\n")
    assert "0 new, 1 updated, 1 unchanged" in run(index, "index", str(folder)).output
    hits = run_json(index, "search", "accountability", "--report", "dialogue", "--format",
                    "json")
    assert hits["total"] == 1  # the new version, once

    changed.unlink()
    assert "1 pruned" in run(index, "index", str(folder), "--prune").output
    assert [r["id"] for r in run_json(index, "list", "--json")] == [SEED_ID]

    assert run(index, "remove", SEED_ID).exit_code == 0
    assert run_json(index, "list", "--json") == []
    assert run(index, "remove", "nothing-here").exit_code == 2


def test_bad_files_fail_alone(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEED, folder)
    (folder / "empty.md").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "latin.txt").write_bytes("Caf\xe9 report on funding.".encode("latin-1"))
    index = tmp_path / "ix"
    result = run(index, "index", str(folder))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "binary.txt" in errors[0] and "binary" in errors[0]
    # an empty file is skipped and said so, not a failure
    assert any("skipped" in line and "empty.md" in line and "empty" in line
               for line in result.stderr.splitlines())
    assert "2 new" in result.stdout and "1 skipped" in result.stdout
    assert "1 failed" in result.stdout
    assert run_json(index, "search", "funding", "--report", "latin", "--format",
                    "json")["total"] == 1


def test_rebuild_and_env_index(tmp_path, monkeypatch):
    index = tmp_path / "ix"
    monkeypatch.setenv("REPORTS_INDEX", str(index))
    from click.testing import CliRunner

    from search.cli import cli

    assert CliRunner().invoke(cli, ["index", str(CORPUS)]).exit_code == 0
    assert index.exists()
    result = CliRunner().invoke(cli, ["index", "--rebuild", str(CORPUS)])
    assert "1 new" in result.output


def test_missing_index_is_one_line_exit_1(tmp_path):
    result = run(tmp_path / "none", "list")
    assert result.exit_code == 1
    assert "no index" in result.stderr


def test_hostile_files_each_get_one_line_and_the_rest_is_indexed(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    shutil.copy(SEED, folder)
    (folder / "loop-a.md").symlink_to(folder / "loop-b.md")
    (folder / "loop-b.md").symlink_to(folder / "loop-a.md")
    (folder / "subdir-loop").symlink_to(folder)  # a folder that contains itself
    (folder / "deep.html").write_text("<div>" * 20000 + "Deep text on funding." + "</div>" * 5)
    (folder / "broken.html").write_text("<html><body><p>Unclosed <b>funding <i>report<table><tr>")
    (folder / "long-line.txt").write_text("funding and accountability " * 30_000)
    (folder / "big.md").write_text("# Big\n\n" + "funding words here. " * 70_000)
    unreadable = folder / "unreadable.md"
    unreadable.write_text("# Locked\n\nfunding")
    unreadable.chmod(0)
    index = tmp_path / "ix"
    result = run(index, "index", str(folder), "--max-size", "1")
    unreadable.chmod(0o644)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert sum("loop-" in e for e in errors) == 2
    assert not any("big.md" in e for e in errors)  # over --max-size: skipped, not failed
    assert any("skipped" in line and "big.md" in line and "1 MB" in line
               for line in result.stderr.splitlines())
    if os.geteuid() != 0:  # root reads any file
        assert any("unreadable.md" in e for e in errors)
    assert all(len(e.splitlines()) == 1 for e in errors)
    listed = {r["id"] for r in run_json(index, "list", "--json")}
    assert {SEED_ID, "deep", "broken", "long-line"} <= listed
    hits = run_json(index, "search", "funding", "--format", "json", "--limit", "50")["hits"]
    assert {"deep", "broken", "long-line"} <= {h["report_id"] for h in hits}


def test_a_fault_reading_one_file_fails_that_file_alone(tmp_path, monkeypatch):
    """A file that trips a fault in the reader is reported on one line; the others are
    indexed and nothing that was in the index is lost."""
    from indexer import pipeline

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder)
    (folder / "fault.md").write_text("# Notes\n\nAna Ruiz said the plan works.\n")
    index = tmp_path / "ix"
    real = pipeline.parse_file

    def parse(path, **options):
        if path.name == "fault.md":
            raise AttributeError("'NoneType' object has no attribute 'name'")
        return real(path, **options)

    monkeypatch.setattr(pipeline, "parse_file", parse)
    result = run(index, "index", str(folder))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "fault.md" in errors[0] and "internal error" in errors[0]
    assert "Traceback" not in result.stderr
    assert "1 new" in result.stdout and "1 failed" in result.stdout
    assert run_json(index, "search", "accountability", "--format", "json")["total"] > 0
