"""Never destroy what is not ours, never lose a report."""

import os
import pickle
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from indexer.index_folder import CACHE_FILE, MANIFEST_FILE, MARKER_FILE
from indexer.store import ReportWriter, open_index, stored_manifest

from .conftest import CORPUS, FIXTURES, ROOT, SEED, SEED_ID, run, run_json


def user_files(folder: Path) -> dict[str, bytes]:
    """Every file the user put in ``folder`` (and its sub-folders), with its content."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def plant_user_files(folder: Path) -> dict[str, bytes]:
    """Put the user's files in ``folder``; returns those files (and only those)."""
    there = set(user_files(folder))
    (folder / "mywork.txt").write_text("keep me")
    (folder / "notes").mkdir()
    (folder / "notes" / "draft.md").write_text("# my draft")
    (folder / "MAIN_notes.txt").write_text("named like an index file, but mine")
    (folder / "themes.toml").write_text("# my own file\n")
    (folder / "corpus").mkdir()
    shutil.copy(SEED, folder / "corpus")
    return {name: data for name, data in user_files(folder).items() if name not in there}


def test_index_refuses_a_folder_that_is_not_an_index(tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    before = plant_user_files(folder)
    result = run(folder, "index", str(CORPUS))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error:")
    assert str(folder) in result.stderr and "not empty" in result.stderr
    assert user_files(folder) == before
    assert not (folder / MARKER_FILE).exists()


def test_rebuild_remove_and_prune_touch_only_the_index_files(tmp_path):
    index = tmp_path / "ix"
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEED, reports)
    shutil.copy(FIXTURES / "dialogue.md", reports)
    assert run(index, "index", str(reports)).exit_code == 0
    mine = plant_user_files(index)  # the user keeps files in the index folder later on
    assert run(index, "index", str(reports)).exit_code == 0
    assert run(index, "index", str(reports), "--rebuild").exit_code == 0
    assert run(index, "remove", "dialogue").exit_code == 0
    (reports / "dialogue.md").unlink()
    assert run(index, "index", str(reports), "--prune").exit_code == 0
    assert run(index, "index", str(reports), "--rebuild").exit_code == 0
    kept = user_files(index)
    assert {name: kept.get(name) for name in mine} == mine
    assert [r["id"] for r in run_json(index, "list", "--json")] == [SEED_ID]


def test_index_dot_in_a_working_folder(tmp_path):
    """`--index .`: refused where the folder holds the user's files; in an empty folder
    it becomes the index and later user files there survive every command."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def reports(cwd, *args):
        return subprocess.run([sys.executable, "-m", "search", "--index", ".", *args],
                              cwd=cwd, env=env, capture_output=True, text=True, timeout=120)

    busy = tmp_path / "busy"
    busy.mkdir()
    before = plant_user_files(busy)
    refused = reports(busy, "index", "corpus/")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert user_files(busy) == before

    empty = tmp_path / "empty"
    empty.mkdir()
    assert reports(empty, "index", str(CORPUS)).returncode == 0
    mine = plant_user_files(empty)
    for args in (["index", "corpus/", "--rebuild"], ["remove", SEED_ID],
                 ["index", "corpus/", "--prune"], ["index", "corpus/", "--rebuild"]):
        done = reports(empty, *args)
        assert done.returncode == 0, (args, done.stderr)
    kept = user_files(empty)
    assert {name: kept.get(name) for name in mine} == mine


def test_missing_path_is_a_usage_error_and_creates_nothing(tmp_path):
    index = tmp_path / "ix"
    result = run(index, "index", str(CORPUS), str(tmp_path / "nosuch.md"))
    assert result.exit_code == 2
    assert "nosuch.md" in result.stderr and "no such file" in result.stderr
    assert not index.exists()


# the curator file ---------------------------------------------------------------------


def test_people_file_lives_beside_the_index_and_survives_rebuild(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(CORPUS)).exit_code == 0
    people = tmp_path / "people.toml"
    people.write_text('[rename]\n"Martha Helena Lopez" = "ASG Martha Lopez"\n')
    out = run_json(index, "search", "accountability", "--format", "json")
    assert "ASG Martha Lopez" in out["facets"]["speakers"]
    assert run(index, "index", str(CORPUS), "--rebuild").exit_code == 0
    assert people.read_text().startswith("[rename]")
    names = [row["name"] for row in run_json(index, "speakers", "--json")]
    assert "ASG Martha Lopez" in names


def test_named_people_file_must_exist(seed_index, tmp_path):
    result = run(seed_index, "search", "accountability", "--people",
                 str(tmp_path / "nosuch.toml"))
    assert result.exit_code == 2
    assert "nosuch.toml" in result.stderr and result.stderr.startswith("error:")
    assert run(seed_index, "speakers", "--people", str(tmp_path / "x.toml")).exit_code == 2


def test_malformed_people_and_themes_files_give_the_line(seed_index, tmp_path):
    bad = tmp_path / "people.toml"
    bad.write_text('[merge]\n"A" = ["B"]\n"C" = \n')
    result = run(seed_index, "speakers", "--people", str(bad))
    assert result.exit_code == 2 and "line 3" in result.stderr
    themes = tmp_path / "themes.toml"
    themes.write_text("[theme.x]\ntriggers = [\"a\"\nlabel = 1\n")
    result = run(tmp_path / "ix2", "index", str(CORPUS), "--themes", str(themes))
    assert result.exit_code == 2 and "line" in result.stderr
    assert not (tmp_path / "ix2").exists()


# two indexers -------------------------------------------------------------------------


def test_a_waiting_indexer_plans_after_the_other_commits(tmp_path):
    """While indexer A holds the lock and adds `minutes` (from a/), indexer B waits to
    index b/minutes.md: B must see A's report once it has the lock, keep both, and leave a
    manifest that knows both."""
    from indexer.parse import parse_file
    from indexer.pipeline import index_paths

    index = tmp_path / "ix"
    assert run(index, "index", str(CORPUS)).exit_code == 0
    for side in "ab":
        (tmp_path / side).mkdir()
        shutil.copy(FIXTURES / "dialogue.md", tmp_path / side / "minutes.md")
    (tmp_path / "b" / "minutes.md").write_text(
        (tmp_path / "b" / "minutes.md").read_text() + "\n\nA paragraph only B has.\n")
    ix = open_index(index)
    holder = ReportWriter(ix, manifest=stored_manifest(ix))
    done = {}
    waiting = threading.Thread(target=lambda: done.update(
        summary=index_paths([str(tmp_path / "b")], index, wait=30)))
    waiting.start()
    time.sleep(1.5)  # B has planned (if it plans early) and waits for the lock
    path_a = tmp_path / "a" / "minutes.md"
    holder.replace(parse_file(path_a), str(path_a.resolve()))
    holder.commit()
    waiting.join(timeout=60)
    assert done["summary"].new == 1
    listed = run_json(index, "list", "--json")
    assert len(listed) == 3, listed
    again = run(index, "index", str(tmp_path / "a"), str(tmp_path / "b"), str(CORPUS))
    assert "0 new, 0 updated, 3 unchanged" in again.stdout


# counts ---------------------------------------------------------------------------------


def counts_agree_with_search(index: Path) -> None:
    for row in run_json(index, "themes", "--json"):
        if row["paragraphs"]:
            total = run_json(index, "search", "--theme", row["theme"], "--format", "json")
            assert total["total"] == row["paragraphs"], row
    for row in run_json(index, "speakers", "--json"):
        total = run_json(index, "search", "--speaker", row["name"], "--format", "json")
        assert total["total"] == row["paragraphs"], row


def test_counts_equal_search_totals_after_update_remove_and_prune(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEED, reports)
    shutil.copy(FIXTURES / "dialogue.md", reports)
    index = tmp_path / "ix"
    assert run(index, "index", str(reports)).exit_code == 0
    seed_copy = reports / SEED.name
    seed_copy.write_text(seed_copy.read_text() + "\n\nA closing line on accountability.\n")
    assert "1 updated" in run(index, "index", str(reports)).stdout
    counts_agree_with_search(index)
    lopez = next(r for r in run_json(index, "speakers", "--json")
                 if r["name"] == "Martha Helena Lopez")
    assert lopez["paragraphs"] == run_json(index, "search", "--speaker", "Lopez",
                                           "--format", "json")["total"] > 0
    assert run(index, "remove", SEED_ID).exit_code == 0
    counts_agree_with_search(index)
    assert all(r["name"] != "Martha Helena Lopez"
               for r in run_json(index, "speakers", "--json") if r["paragraphs"])
    (reports / "dialogue.md").unlink()
    pruned = run(index, "index", str(reports), "--prune").stdout
    assert "1 new" in pruned and "1 pruned" in pruned  # the seed back, the dialogue gone
    counts_agree_with_search(index)
    assert [r["id"] for r in run_json(index, "list", "--json")] == [SEED_ID]


# files beside the index ---------------------------------------------------------------


class _Planted:
    """Unpickling this creates a file: proof that a pickle was loaded."""

    def __init__(self, target: Path):
        self.target = target

    def __reduce__(self):
        return (Path.write_text, (self.target, "code ran"))


def test_sidecar_files_are_never_unpickled(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(CORPUS)).exit_code == 0
    expected = run_json(index, "search", "accountability", "--format", "json")
    proof = tmp_path / "proof.txt"
    payload = pickle.dumps(_Planted(proof))
    facets = sorted(index.glob("*.facets"))
    assert facets
    for target in [index / CACHE_FILE, index / MANIFEST_FILE, *facets,
                   index / "reports-cache.pickle", index / "reports-manifest.pickle"]:
        target.write_bytes(payload)
    assert run_json(index, "search", "accountability", "--format", "json") == expected
    assert run(index, "index", str(CORPUS)).exit_code == 0
    assert run_json(index, "speakers", "--json")
    assert not proof.exists()
    assert not (index / "reports-cache.pickle").exists()  # old pickles are dropped unread


def test_foreign_json_in_a_sidecar_is_a_cache_miss(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(CORPUS)).exit_code == 0
    expected = run_json(index, "search", "accountability", "--format", "json")
    for target in [index / CACHE_FILE, *index.glob("*.facets")]:
        target.write_text('[1, "anything"]\n{"not": "ours"}\n[]\n')
    assert run_json(index, "search", "accountability", "--format", "json") == expected


# prune ----------------------------------------------------------------------------------


def test_prune_keeps_a_report_whose_file_cannot_be_checked(tmp_path, monkeypatch):
    from indexer import pipeline

    reports = tmp_path / "reports"
    (reports / "locked").mkdir(parents=True)
    shutil.copy(SEED, reports)
    shutil.copy(FIXTURES / "dialogue.md", reports / "locked")
    index = tmp_path / "ix"
    assert run(index, "index", str(reports)).exit_code == 0
    real_stat = os.stat

    def stat(path, *args, **kwargs):  # an unreadable folder (chmod is no bar to root)
        if "locked" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(pipeline.os, "stat", stat)
    summary = pipeline.index_paths([str(reports / SEED.name)], index, prune=True)
    assert summary.pruned == 0 and summary.failed == 0
    assert any("cannot check" in note and "dialogue" in note for note in summary.notices)
    monkeypatch.undo()
    assert len(run_json(index, "list", "--json")) == 2


# errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["search", "--nosuch"], ["index"], ["show"],
                                  ["search", "x", "--limit", "many"], ["nosuchcommand"]])
def test_usage_errors_are_one_error_line(seed_index, args):
    result = run(seed_index, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("error:") and result.stderr.count("\n") == 1


def test_unknown_reports_on_remove_remove_nothing(seed_index, tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(CORPUS)).exit_code == 0
    one = run(index, "remove", SEED_ID, "nosuch")
    none = run(index, "remove", "nosuch")
    assert one.exit_code == none.exit_code == 2
    assert len(run_json(index, "list", "--json")) == 1  # nothing was removed
    many = run(index, "remove", *[f"nosuch-{n}" for n in range(25)])
    assert many.exit_code == 2 and "15 more" in many.stderr and "reports list" in many.stderr
    assert many.stderr.count("nosuch-") == 10


def test_a_damaged_segment_says_so_and_rebuild_recovers(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(CORPUS)).exit_code == 0
    for part in list(index.glob("MAIN_*.pst")) + list(index.glob("MAIN_*._stored.col")):
        damaged = bytearray(part.read_bytes())
        damaged[64::5] = bytes(len(damaged[64::5]))
        part.write_bytes(bytes(damaged))
    result = run(index, "search", "accountability")
    assert result.exit_code == 1
    assert "damaged" in result.stderr and "--rebuild" in result.stderr
    assert "unexpected" not in result.stderr
    assert run(index, "index", str(CORPUS), "--rebuild").exit_code == 0
    assert run_json(index, "search", "accountability", "--format", "json")["total"] == 2


def test_explain_reaches_json_and_html(seed_index):
    out = run_json(seed_index, "search", "accountability", "--speaker", "lopez",
                   "--explain", "--format", "json")
    assert any("Martha Helena Lopez" in line for line in out["explain"]["lines"])
    assert out["explain"]["hits"][0]["parts"]
    page = run(seed_index, "search", "accountability", "--explain", "--format", "html")
    assert "Explain" in page.stdout and "parsed as" in page.stdout


def test_header_names_the_resolved_speaker(seed_index):
    result = run(seed_index, "search", "--speaker", "lopez")
    assert "where speaker is Martha Helena Lopez" in result.stdout


def test_summary_speaks_of_one_paragraph(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# A note\n\nOne paragraph on funding.\n")
    result = run(tmp_path / "ix", "index", str(note))
    assert "(1 paragraph indexed)" in result.stdout
