"""Never lose a report: locks, a killed indexer, and random input."""

import os
import shutil
import signal
import subprocess
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.errors import ReportsError
from indexer.loading import Source, to_html
from indexer.parse import parse_text
from indexer.store import open_index

from .conftest import CORPUS, FIXTURES, ROOT, SEED, run, run_json


def test_second_indexer_is_told_the_index_is_locked(tmp_path):
    index = tmp_path / "ix"
    assert run(index, "index", str(CORPUS)).exit_code == 0
    holder = open_index(index).writer()  # another indexer at work
    try:
        result = run(index, "index", str(FIXTURES), "--wait", "0.5")
        assert result.exit_code == 1
        assert "index is locked by another indexer" in result.stderr
        # searching while another indexer writes still works
        assert run_json(index, "search", "accountability", "--format", "json")["total"] == 2
    finally:
        holder.cancel()
    assert run(index, "index", str(FIXTURES)).exit_code == 0


def test_killed_indexer_leaves_a_searchable_index(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        shutil.copy(FIXTURES / "dialogue.md", folder / f"dialogue-{n:03}.md")
    shutil.copy(SEED, folder)
    index = tmp_path / "ix"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "search", "--index", str(index), "index", str(folder), "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not (index / "reports-index.json").exists():
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    listed = run(index, "list", "--json")
    assert listed.exit_code == 0  # whatever was committed is readable
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(run_json(index, "list", "--json")) == 401
    assert run_json(index, "search", "accountability", "--format", "json")["total"] == 2


MARKUP = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<h1>", "</h2>", "<ul><li>", "**",
                                   "# ", "\n\n", "Ms. ", "Dr. X said", ": ", "<script>",
                                   "&amp;", "---\n", "title: x\n", "é", "\x00", "<!--", "]]>",
                                   "She noted", "1. ", "=====\n", "|a|b|\n"]),
                  max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=300), MARKUP), kind=st.sampled_from(
    ["markdown", "html", "text"]))
def test_loaders_raise_only_project_errors(text, kind):
    try:
        to_html(Source(text=text, kind=kind, encoding="utf-8", raw=text.encode()))
        parse_text(text, kind)
    except ReportsError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.sampled_from(list('ab "()*?~:AND OR NOT speaker theme -')),
                     max_size=30))
def test_query_parser_raises_only_project_errors(library, query):
    from search.engine import SearchRequest

    try:
        library.search(SearchRequest(query=query or "x"))
    except ReportsError:
        pass


def test_ctrl_c_exits_130_and_says_what_was_committed(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(600):
        shutil.copy(FIXTURES / "dialogue.md", folder / f"dialogue-{n:03}.md")
    index = tmp_path / "ix"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "search", "--index", str(index), "index", str(folder), "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not (index / "reports-index.json").exists():
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:  # finished before the signal on a fast machine
        return
    assert proc.returncode == 130
    assert "interrupted: committed and searchable:" in stderr
    assert "Traceback" not in stderr
    committed = int(stderr.split("searchable: ")[1].split(" new")[0])
    assert len(run_json(index, "list", "--json")) == committed


def test_failed_commit_frees_the_lock_and_keeps_the_last_state(tmp_path, monkeypatch):
    from whoosh.writing import SegmentWriter

    index = tmp_path / "ix"
    assert run(index, "index", str(CORPUS)).exit_code == 0

    def disk_full(self, segments):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(SegmentWriter, "_commit_toc", disk_full)
        result = run(index, "index", str(FIXTURES))
    assert result.exit_code == 1
    assert "cannot write the index (No space left on device)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert [r["id"] for r in run_json(index, "list", "--json")] == [SEED.stem]
    # the lock was released: the next run (same process) indexes at once
    assert run(index, "index", str(FIXTURES)).exit_code == 0
    assert len(run_json(index, "list", "--json")) == 4


def test_unchanged_file_is_not_read_again_but_an_edit_is_seen(tmp_path, monkeypatch):
    from pathlib import Path

    from indexer.pipeline import index_paths

    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "talk.md"
    report.write_text("# Talk\n\nBudgets for adaptation.\n", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(report, (an_hour_ago, an_hour_ago))
    index = tmp_path / "index"
    assert index_paths([str(folder)], index).new == 1

    real_read_bytes = Path.read_bytes

    def refuse(path):
        if path.name == "talk.md":
            raise AssertionError("an unchanged file was read again")
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    again = index_paths([str(folder)], index)
    assert (again.unchanged, again.failed) == (1, 0)
    monkeypatch.undo()

    report.write_text("# Talk\n\nBudgets for mitigation\n", encoding="utf-8")  # same size
    assert index_paths([str(folder)], index).updated == 1
