"""nDCG@10 on the judged queries of tests/relevance/judged.json, over an index of
../shared/corpora (skipped where it is absent), against plain Whoosh BM25F on the same
paragraphs; and the judgements themselves: well formed, each naming one paragraph."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from benchmarks import ndcg

from .conftest import SHARED_CORPORA, inputs_digest

# measured 0.883 (plain Whoosh BM25F 0.630; before the length prior and tuned B, K1: 0.665)
NDCG_FLOOR = 0.86
QUERIES = 40

needs_corpora = pytest.mark.skipif(not SHARED_CORPORA.is_dir(),
                                   reason="../shared/corpora is not beside this checkout")


def test_the_judged_queries_are_well_formed():
    judged = ndcg.load_judged()
    assert len(judged) == QUERIES
    assert len({q.label for q in judged}) == QUERIES
    assert sum(len(q.judgements) for q in judged) > 500  # every top 10 pooled was read
    for query in judged:
        grades = [j.grade for j in query.judgements]
        assert set(grades) <= {0, 1, 2}, query.label
        assert 2 in grades, f"{query.label}: nothing judged to answer it"


def test_ndcg_counts_grades_by_rank():
    query = ndcg.JudgedQuery("q", (), (ndcg.Judgement("a.md", "best", 2),
                                       ndcg.Judgement("a.md", "some", 1),
                                       ndcg.Judgement("a.md", "none", 0)))
    best, some, other = ({"source": "/x/a.md", "text": t} for t in ("the best", "some", "x"))
    assert ndcg.ndcg(query, [best, some]) == pytest.approx(1.0)
    assert ndcg.ndcg(query, [some, best]) < 1.0
    assert ndcg.ndcg(query, [other, best]) < ndcg.ndcg(query, [best, other])
    assert ndcg.ndcg(query, []) == 0.0
    assert not ndcg.same_source("/x/b/a.md", "c/a.md")


def _unnamed_judgements(index, rows: dict) -> list[list]:
    """The judgements that name no paragraph, or paragraphs of different texts (several
    only where a report says the very same thing twice, "+1"): [query, source, fragment,
    how many texts]."""
    ours = ndcg.Ours(index, rows=rows)
    try:
        by_source = defaultdict(list)
        for row in ours.rows.values():
            by_source[row["source"]].append(row)
        unnamed = []
        for query in ndcg.load_judged():
            for judged in query.judgements:
                texts = [row["text"] for source, rows in by_source.items()
                         if ndcg.same_source(source, judged.source) for row in rows
                         if judged.names(row)]
                if not texts or len(set(texts)) != 1:
                    unnamed.append([query.label, judged.source, judged.fragment,
                                    len(set(texts))])
        return unnamed
    finally:
        ours.close()


def _ndcg_results(index, rows: dict, folder) -> dict:
    ours = ndcg.Ours(index, rows=rows)
    plain = ndcg.PlainWhoosh(list(ours.rows.values()), folder)
    try:
        return ndcg.evaluate({"reports": ours, "bm25f": plain}, ndcg.load_judged())
    finally:
        ours.close()
        plain.close()


@pytest.fixture(scope="module")
def over_the_corpora(corpora_index, tmp_path_factory, pytestconfig):
    """What the tests below check, worked out over an index of ../shared/corpora: indexing
    it takes a minute, so the answers are kept in pytest's cache under the digest of
    everything they depend on (the program, the judgements, the evaluation, the corpora
    and the libraries): any change to those works them out again."""
    cache = getattr(pytestconfig, "cache", None)
    key = "reports/ndcg-over-the-corpora"
    digest = inputs_digest(ndcg.JUDGED, Path(ndcg.__file__), Path(__file__), corpora=True)
    kept = cache.get(key, None) if cache is not None else None
    if isinstance(kept, dict) and kept.get("inputs") == digest:
        return kept["found"]
    rows = {row["chunk_id"]: row for row in corpora_index.rows}
    found = {"unnamed": _unnamed_judgements(corpora_index.path, rows),
             "ndcg": _ndcg_results(corpora_index.path, rows,
                                   tmp_path_factory.mktemp("plain") / "index")}
    if cache is not None:
        cache.set(key, {"inputs": digest, "found": found})
    return found


@needs_corpora
def test_every_judgement_names_one_paragraph(over_the_corpora):
    assert not over_the_corpora["unnamed"]


@needs_corpora
def test_ndcg_keeps_above_its_floor_and_above_plain_whoosh(over_the_corpora, capsys):
    results = over_the_corpora["ndcg"]
    mean = results["mean"]
    with capsys.disabled():
        print(f"\nnDCG@10 over {QUERIES} judged queries: reports {mean['reports']:.3f}, "
              f"plain Whoosh BM25F {mean['bm25f']:.3f}")
    assert mean["reports"] >= NDCG_FLOOR, json.dumps(results["queries"], indent=1)
    assert mean["reports"] > mean["bm25f"]
