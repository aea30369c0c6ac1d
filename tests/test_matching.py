"""Counting facets from per-segment tables and the matches the collector notes must give
exactly what a count over stored records gives."""

import json

import pytest

from indexer.facet_tables import TABLE_SUFFIX
from search import matching
from search.engine import SearchRequest
from search.query import parse_query

from .conftest import run

QUERIES = [
    "harassment", "leadership harassment", "zero tolerance", "victim centred approach",
    "survivor", "training managers", "bystander programs reduce incidents",
    "sexual harassment workplace", "culture", "investigations", "survivors support",
    '"zero tolerance"', '"victim-centered approach"', '"sexual harassment" policy',
]


def _whoosh_top(searcher, scored, limit, masked):
    recorder = matching.RecordingCollector(limit)
    searcher.search_with_collector(scored, matching._wrap(recorder, None, masked, False))
    found = sum(len(docnums) for _, docnums in recorder.segments)
    return recorder.results().top_n, found


def _count_from_records(library, result_text):
    """Speaker and theme counts worked out from every matching paragraph's record."""
    speakers, themes = {}, {}
    everything = library.search(SearchRequest(query=result_text, limit=500))
    for hit in everything.hits:
        for name in hit["speakers"]:
            speakers[name] = speakers.get(name, 0) + 1
        for theme in hit["themes"]:
            themes[theme] = themes.get(theme, 0) + 1
    return everything, speakers, themes


@pytest.mark.parametrize("text", ["harassment", "leadership harassment", "training"])
def test_facet_counts_equal_a_count_over_the_hits(library, text):
    result, speakers, themes = _count_from_records(library, text)
    assert result.total == len(result.hits)
    assert result.facets["speakers"] == speakers
    assert result.facets["themes"] == themes
    reports = {}
    for hit in result.hits:
        reports[hit["report_id"]] = reports.get(hit["report_id"], 0) + 1
    assert result.facets["reports"] == reports


def test_facet_tables_are_written_beside_their_segments(seed_index):
    tables = list(seed_index.glob(f"*{TABLE_SUFFIX}"))
    segments = {p.name.split(".")[0] for p in seed_index.glob("*.seg")} | \
        {p.name.split(".")[0] for p in seed_index.glob("*.pst")}
    assert tables
    assert {p.name.split(".")[0] for p in tables} <= segments


def test_replaced_report_is_counted_once(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "talk.md"
    report.write_text("---\ntitle: Talk\ndate: 2024-01-02\n---\n\n"
                      "**Ana Ruiz:** Budgets for climate adaptation matter.\n", encoding="utf-8")
    index = tmp_path / "index"
    assert run(index, "index", str(folder), "-q").exit_code == 0
    report.write_text(report.read_text(encoding="utf-8").replace("Budgets", "Plans"),
                      encoding="utf-8")
    assert run(index, "index", str(folder), "-q").exit_code == 0
    out = json.loads(run(index, "search", "adaptation", "--format", "json").stdout)
    assert out["total"] == 1
    assert out["facets"]["speakers"] == {"Ana Ruiz": 1}
    assert sum(out["facets"]["reports"].values()) == 1


def test_records_file_follows_every_commit(tmp_path):
    """The manifest kept beside the index equals the one read from the index itself,
    after adding, changing and removing reports."""
    from indexer.store import MANIFEST_FILE, open_index, stored_manifest

    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.md").write_text(f"# Report {name}\n\nText about {name}.\n",
                                           encoding="utf-8")
    index = tmp_path / "index"
    assert run(index, "index", str(folder), "-q").exit_code == 0
    (folder / "b.md").write_text("# Report b\n\nChanged text.\n", encoding="utf-8")
    (folder / "c.md").unlink()
    assert run(index, "index", str(folder), "--prune", "-q").exit_code == 0
    assert run(index, "remove", "a").exit_code == 0
    ix = open_index(index)
    kept = stored_manifest(ix)
    (index / MANIFEST_FILE).unlink()
    assert stored_manifest(ix) == kept
    assert set(kept) == {"b"} and kept["b"]["path"].endswith("b.md")


def test_a_filter_that_matches_nothing_lets_nothing_through(library):
    """Whoosh itself reads an empty set of allowed documents as no filter."""
    searcher = library.searcher()
    masked = library._report_records(searcher)
    scored = parse_query("harassment NOT leadership", library.context())
    assert matching.find(searcher, scored, 10, None, masked).total > 0
    found = matching.find(searcher, scored, 10, matching.DocSet({}), masked)
    assert found.total == 0 and not found.results.top_n
