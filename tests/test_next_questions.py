"""The questions after a search, through the command line: similar paragraphs, who spoke
most about a query, theme counts per speaker, report and year, and the years facet.

The index holds the seed report and three small reports written here: a later one that
quotes a seed paragraph, two one-speaker reports with the same paragraph (by the seed
paragraph's speaker and by someone else) and an undated one."""

import csv
import io
import json
import re
import shutil

import pytest

from .conftest import CORPUS, SEED, SEED_ID, SHARED_CORPORA, run, run_json

QUOTED = "Recognizing that sexual harassment is rooted in power differentials"
ORCHARD = ("The orchard cooperative must fund irrigation pumps, compost and drought "
           "insurance before the next harvest.")
HIT_KEYS = {"report_id", "report_title", "date", "source", "section", "section_path",
            "paragraph", "page", "speakers", "speaker_evidence", "mentions", "themes",
            "keyphrases", "score", "text", "snippet", "highlights"}
SEARCH_KEYS = {"query", "total", "page", "limit", "suggestion", "hits", "facets"}


def seed_text(fragment: str) -> str:
    """The seed paragraph that holds ``fragment``, as the file writes it."""
    found = [block for block in SEED.read_text(encoding="utf-8").split("\n\n")
             if fragment in block]
    assert len(found) == 1
    return found[0].strip()


def write_reports(folder):
    folder.mkdir()
    (folder / "follow-up.md").write_text(
        "---\ntitle: Follow-up on the Task Force\ndate: 2022-05-04\nspeaker: Kelly T. Clements\n"
        "---\n\n# Follow-up\n\n"
        f"{seed_text(QUOTED)}\n\nThe catering menu for the reception was agreed.\n",
        encoding="utf-8")
    (folder / "orchard-source.md").write_text(
        "---\ntitle: Orchard notes\ndate: 2023-01-10\nspeaker: Rosa Lind\n---\n\n"
        "# Notes\n\nIrrigation pumps and compost for the orchard cooperative, and drought "
        "insurance, were the first items.\n", encoding="utf-8")
    for name, speaker in (("b-same-speaker", "Rosa Lind"), ("a-other-speaker", "Tom Berg")):
        (folder / f"{name}.md").write_text(
            f"---\ntitle: {name}\ndate: 2023-02-01\nspeaker: {speaker}\n---\n\n# Notes\n\n"
            f"{ORCHARD}\n", encoding="utf-8")
    (folder / "undated-notes.md").write_text(
        "---\ntitle: Undated notes\n---\n\n# Notes\n\nSexual harassment at work was raised "
        "again, and the need for accountability of managers.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    base = tmp_path_factory.mktemp("questions")
    write_reports(base / "more")
    ix = base / "ix"
    result = run(ix, "index", str(CORPUS), str(base / "more"), "--quiet")
    assert result.exit_code == 0, result.output
    return ix


def paragraph_of(index, fragment: str, report_id: str = SEED_ID) -> int:
    rows = [json.loads(line) for line in run(index, "export").output.splitlines()]
    found = [r["paragraph"] for r in rows if r["report_id"] == report_id
             and fragment in r["text"]]
    assert len(found) == 1, fragment
    return found[0]


def report_dates(index) -> dict:
    return {r["id"]: r["date"] for r in run_json(index, "list", "--json")}


# similar -------------------------------------------------------------------------------


def test_similar_finds_the_quoted_paragraph_first_and_never_itself(index):
    n = paragraph_of(index, QUOTED)
    out = run_json(index, "similar", f"{SEED_ID}:{n}", "--format", "json")
    assert set(out) == SEARCH_KEYS | {"key_terms"}
    assert out["query"] == f"{SEED_ID}:{n}" and out["key_terms"]
    assert all(set(hit) == HIT_KEYS for hit in out["hits"])
    assert (SEED_ID, n) not in {(h["report_id"], h["paragraph"]) for h in out["hits"]}
    top = out["hits"][0]
    assert top["report_id"] == "follow-up" and QUOTED in top["text"]
    # across reports by default: other seed paragraphs share its words too
    assert SEED_ID in {h["report_id"] for h in out["hits"]}
    scores = [h["score"] for h in out["hits"]]
    assert scores == sorted(scores, reverse=True)
    assert out["total"] >= len(out["hits"]) and sum(out["facets"]["reports"].values()) \
        == out["total"]
    for start, end in top["highlights"]:
        assert 0 <= start < end <= len(top["text"])
    assert top["highlights"]


def test_similar_other_reports_leaves_out_the_paragraphs_own_report(index):
    n = paragraph_of(index, QUOTED)
    out = run_json(index, "similar", f"{SEED_ID}:{n}", "--other-reports", "--format", "json")
    assert out["hits"] and all(h["report_id"] != SEED_ID for h in out["hits"])
    assert SEED_ID not in out["facets"]["reports"]
    assert out["hits"][0]["report_id"] == "follow-up"


def test_similar_limit_and_text_output(index):
    n = paragraph_of(index, QUOTED)
    out = run_json(index, "similar", f"{SEED_ID}:{n}", "--limit", "2", "--format", "json")
    assert len(out["hits"]) == 2 < out["total"]
    text = run(index, "similar", f"{SEED_ID}:{n}", "--limit", "2").output
    assert text.startswith("key terms: ")
    assert f"of {out['total']} paragraphs like {SEED_ID}:{n}" in text
    assert "[follow-up:" in text


def test_similar_ranks_a_shared_speaker_above_the_same_words_by_someone_else(index):
    # the two candidates hold the same text, so their scores by words are equal; without
    # the speaker boost the tie would put a-other-speaker first (report order)
    out = run_json(index, "similar", "orchard-source:1", "--format", "json")
    order = [h["report_id"] for h in out["hits"]]
    assert order.index("b-same-speaker") < order.index("a-other-speaker")
    same, other = (next(h for h in out["hits"] if h["report_id"] == rid)
                   for rid in ("b-same-speaker", "a-other-speaker"))
    assert same["text"] == other["text"] and same["score"] > other["score"]
    assert same["speakers"] == ["Rosa Lind"] and other["speakers"] == ["Tom Berg"]


def test_similar_key_terms_leave_out_numbers_and_words_of_no_other_paragraph(index):
    n = paragraph_of(index, "ClearCheck is currently implemented")
    text = run_json(index, "show", f"{SEED_ID}:{n}", "--context", "0", "--json")[0]["text"]
    assert any(word.isdigit() for word in text.split())
    out = run_json(index, "similar", f"{SEED_ID}:{n}", "--format", "json")
    assert out["key_terms"] and not any(term.isdigit() for term in out["key_terms"])
    # every key term finds some other paragraph: each is marked in some hit
    marked = {h["text"][a:b].casefold() for h in run_json(
        index, "similar", f"{SEED_ID}:{n}", "--limit", "100", "--format", "json")["hits"]
        for a, b in h["highlights"]}
    assert all(any(word.startswith(term[:4]) for word in marked) for term in out["key_terms"])


@pytest.mark.parametrize("target", [f"{SEED_ID}:999", f"{SEED_ID}:0", "no-such-report:3",
                                    SEED_ID, f"{SEED_ID}:x"])
def test_similar_bad_target_is_one_error_line_exit_2(index, target):
    result = run(index, "similar", target)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr


# speakers --query ----------------------------------------------------------------------


def test_speakers_query_counts_agree_with_search(index):
    out = run_json(index, "speakers", "--query", "harassment", "--json")
    assert set(out) == {"query", "total", "people"}
    search = run_json(index, "search", "harassment", "--format", "json")
    assert out["total"] == search["total"]
    assert {p["name"]: p["paragraphs"] for p in out["people"]} == search["facets"]["speakers"]
    counts = [p["paragraphs"] for p in out["people"]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    for person in out["people"][:4]:
        said = run_json(index, "search", "harassment", "--speaker", person["name"],
                        "--format", "json")
        everything = run_json(index, "search", "--speaker", person["name"],
                              "--format", "json")
        assert person["paragraphs"] == said["total"]
        assert person["own_paragraphs"] == everything["total"]
        assert person["share_of_matches"] == round(said["total"] / out["total"], 4)
        assert person["share_of_own"] == round(said["total"] / everything["total"], 4)
        assert person["reports"] == said["facets"]["reports"]


def test_speakers_query_takes_the_search_filters(index):
    everywhere = run_json(index, "speakers", "--query", "orchard", "--json")
    assert {p["name"] for p in everywhere["people"]} == {"Rosa Lind", "Tom Berg"}
    only = run_json(index, "speakers", "--query", "orchard", "--report", "a-other-speaker",
                    "--json")
    assert [p["name"] for p in only["people"]] == ["Tom Berg"] and only["total"] == 1
    later = run_json(index, "speakers", "--query", "harassment", "--since", "2022", "--json")
    assert later["total"] == run_json(index, "search", "harassment", "--since", "2022",
                                      "--format", "json")["total"]
    assert later["people"] and all(set(p["reports"]) == {"follow-up"} for p in later["people"])
    themed = run_json(index, "speakers", "--query", "harassment", "--theme",
                      "accountability", "--json")
    assert themed["total"] == run_json(index, "search", "harassment", "--theme",
                                       "accountability", "--format", "json")["total"]


def test_speakers_query_text_table(index):
    output = run(index, "speakers", "--query", "harassment").output
    lines = output.splitlines()
    assert lines[0].endswith("for 'harassment'")
    assert lines[2].split() == ["name", "paragraphs", "of", "matches", "own", "of", "own",
                                "reports"]
    assert "%" in lines[3]


def test_speakers_without_query_is_unchanged_and_filters_need_a_query(index):
    rows = run_json(index, "speakers", "--json")
    assert isinstance(rows, list) and {"name", "paragraphs", "reports"} <= set(rows[0])
    result = run(index, "speakers", "--since", "2022")
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


# themes --by ---------------------------------------------------------------------------


def test_themes_by_report_matches_each_reports_facets(index):
    table = run_json(index, "themes", "--by", "report", "--json")
    assert set(table) == {"by", "query", "total", "themes", "rows"}
    sizes = {r["id"]: r["paragraphs"] for r in run_json(index, "list", "--json")}
    assert {row["report"]: row["paragraphs"] for row in table["rows"]} == sizes
    for row in table["rows"]:
        facets = run_json(index, "search", "--report", row["report"], "--format",
                          "json")["facets"]
        assert row["themes"] == facets["themes"]
    overall = {r["theme"]: r["paragraphs"] for r in run_json(index, "themes", "--json")}
    assert {t: sum(row["themes"].get(t, 0) for row in table["rows"]) for t in table["themes"]} \
        == {t: n for t, n in overall.items() if n}


def test_themes_by_year_leaves_undated_reports_out(index):
    dates = report_dates(index)
    assert dates["undated-notes"] is None
    table = run_json(index, "themes", "--by", "year", "--json")
    years = [row["year"] for row in table["rows"]]
    assert years == sorted({d[:4] for d in dates.values() if d})
    sizes = {r["id"]: r["paragraphs"] for r in run_json(index, "list", "--json")}
    for row in table["rows"]:
        assert row["paragraphs"] == sum(n for rid, n in sizes.items()
                                        if (dates[rid] or "")[:4] == row["year"])


def test_themes_by_speaker_with_a_query_and_as_csv(index):
    table = run_json(index, "themes", "--by", "speaker", "--query", "harassment", "--json")
    search = run_json(index, "search", "harassment", "--format", "json")
    assert table["total"] == search["total"]
    assert {row["speaker"]: row["paragraphs"] for row in table["rows"]} \
        == search["facets"]["speakers"]
    result = run(index, "themes", "--by", "speaker", "--query", "harassment", "--format",
                 "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["speaker", "paragraphs", *table["themes"]]
    assert len(rows) == len(table["rows"]) + 1
    for cells, row in zip(rows[1:], table["rows"], strict=True):
        assert cells[0] == row["speaker"] and int(cells[1]) == row["paragraphs"]
        assert [int(c) for c in cells[2:]] == [row["themes"].get(t, 0) for t in table["themes"]]


def test_themes_without_by_is_unchanged_and_bad_combinations_fail(index):
    assert run(index, "themes").output.splitlines()[0].split() == ["theme", "label",
                                                                   "paragraphs"]
    for args in (["--query", "harassment"], ["--json", "--format", "csv"],
                 ["--by", "month"]):
        result = run(index, "themes", *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1


def test_themes_by_counts_live_paragraphs_after_update_and_remove(tmp_path):
    extra = tmp_path / "reports"
    extra.mkdir()
    shutil.copy(SEED, extra / SEED.name)
    later = extra / "later.md"
    later.write_text("---\ntitle: Later\ndate: 2024-06-01\n---\n\n# Notes\n\n"
                     f"{seed_text(QUOTED)}\n", encoding="utf-8")
    ix = tmp_path / "ix"
    assert run(ix, "index", str(extra), "--quiet").exit_code == 0
    before = run_json(ix, "themes", "--by", "year", "--json")
    assert [row["year"] for row in before["rows"]] == ["2021", "2024"]
    later.write_text("---\ntitle: Later\ndate: 2024-06-01\n---\n\n# Notes\n\n"
                     "The catering menu was agreed.\n\nThe venue was booked.\n",
                     encoding="utf-8")
    assert run(ix, "index", str(extra), "--quiet").exit_code == 0  # replaces later
    updated = run_json(ix, "themes", "--by", "report", "--json")
    row = next(r for r in updated["rows"] if r["report"] == "later")
    assert row == {"report": "later", "paragraphs": 2,
                   "themes": run_json(ix, "search", "--report", "later", "--format",
                                      "json")["facets"]["themes"]}
    assert run(ix, "remove", "later").exit_code == 0
    removed = run_json(ix, "themes", "--by", "year", "--json")
    assert [r["year"] for r in removed["rows"]] == ["2021"]
    assert removed["rows"][0]["themes"] == before["rows"][0]["themes"]
    assert removed["total"] == run_json(ix, "list", "--json")[0]["paragraphs"]


# search --facet year -------------------------------------------------------------------


def test_search_json_counts_matching_paragraphs_per_year(index):
    out = run_json(index, "search", "harassment", "--format", "json")
    assert set(out["facets"]) == {"speakers", "themes", "reports", "years"}
    dates = report_dates(index)
    expected: dict[str, int] = {}
    for rid, n in out["facets"]["reports"].items():
        if dates[rid]:
            expected[dates[rid][:4]] = expected.get(dates[rid][:4], 0) + n
    assert list(out["facets"]["years"].items()) == sorted(expected.items())  # year order
    assert "undated-notes" in out["facets"]["reports"]  # matched, but under no year
    assert sum(out["facets"]["years"].values()) \
        == out["total"] - out["facets"]["reports"]["undated-notes"]


def test_search_facet_year_in_text(index):
    years = run_json(index, "search", "harassment", "--format", "json")["facets"]["years"]
    output = run(index, "search", "harassment", "--facet", "year").output
    line = next(x for x in output.splitlines() if x.startswith("Years: "))
    assert line == "Years: " + ", ".join(f"{y} ({n})" for y, n in years.items())
    assert "Speakers: " not in output
    default = run(index, "search", "harassment").output
    assert "Speakers: " in default and "Years: " not in default


# help and the sample corpora -----------------------------------------------------------


@pytest.mark.parametrize("args", [["similar"], ["speakers"], ["themes"], ["search"]])
def test_help_names_the_new_options(args):
    from click.testing import CliRunner

    from search.cli import cli

    output = CliRunner().invoke(cli, [*args, "--help"]).output
    wanted = {"similar": "--other-reports", "speakers": "--query", "themes": "--by",
              "search": "--facet"}[args[0]]
    assert wanted in output


@pytest.mark.skipif(not (SHARED_CORPORA / "bitcoincore-meeting-summaries").is_dir(),
                    reason="../shared/corpora is not beside this checkout")
def test_similar_on_real_minutes_finds_other_meetings(tmp_path):
    ix = tmp_path / "ix"
    result = run(ix, "index", str(SHARED_CORPORA / "bitcoincore-meeting-summaries"),
                 "--quiet")
    assert result.exit_code in (0, 1), result.output
    rows = [json.loads(line) for line in run(ix, "export").output.splitlines()]
    longest = max(rows, key=lambda r: len(r["text"]))
    target = f"{longest['report_id']}:{longest['paragraph']}"
    out = run_json(ix, "similar", target, "--other-reports", "--format", "json")
    assert out["hits"], target
    assert all(h["report_id"] != longest["report_id"] for h in out["hits"])
    # each hit holds at least one of the key terms (highlighted)
    assert all(h["highlights"] for h in out["hits"])


# the web page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(index):
    testclient = pytest.importorskip("starlette.testclient")
    from search.web import create_app

    with testclient.TestClient(create_app(index)) as opened:
        yield opened


def test_api_answers_as_the_command_line_does(client, index):
    n = paragraph_of(index, QUOTED)
    target = f"{SEED_ID}:{n}"
    assert client.get("/api/similar", params={"id": target, "other_reports": "1"}).json() \
        == run_json(index, "similar", target, "--other-reports", "--format", "json")
    assert client.get("/api/speakers", params={"q": "harassment", "since": "2021"}).json() \
        == run_json(index, "speakers", "--query", "harassment", "--since", "2021", "--json")
    assert client.get("/api/themes", params={"by": "year", "q": "orchard"}).json() \
        == run_json(index, "themes", "--by", "year", "--query", "orchard", "--json")
    assert client.get("/api/speakers").json() == run_json(index, "speakers", "--json")
    assert client.get("/api/themes").json() == run_json(index, "themes", "--json")


def test_api_similar_errors_are_json(client):
    for params, status in (({"id": f"{SEED_ID}:999"}, 400), ({"id": "nothing"}, 400),
                           ({}, 400), ({"id": "no-such-report:2"}, 400)):
        answer = client.get("/api/similar", params=params)
        assert answer.status_code == status and set(answer.json()) == {"error"}


def test_a_hit_links_to_the_paragraphs_like_it(client, index):
    n = paragraph_of(index, QUOTED)
    page = client.get("/search", params={"q": "power differentials"})
    link = f'href="/similar?id={SEED_ID}%3A{n}"'
    assert link in page.text
    similar = client.get(f"/similar?id={SEED_ID}%3A{n}")
    assert similar.status_code == 200
    cli_hits = run_json(index, "similar", f"{SEED_ID}:{n}", "--limit", "20",
                        "--format", "json")["hits"]
    shown = re.findall(r'class="hit-link" href="/reports/([^"#?]+)#p(\d+)"', similar.text)
    assert shown == [(h["report_id"], str(h["paragraph"])) for h in cli_hits]
    assert client.get(f"/similar?id={SEED_ID}%3A999").status_code == 404
