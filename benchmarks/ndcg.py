"""nDCG@10 of `reports` against plain Whoosh BM25F on the same paragraphs, from the judged
queries in ``tests/relevance/judged.json``.

Both systems rank the paragraphs `reports export` gives: `reports` with its own index,
plain Whoosh with an index of the exported text and section titles (StemmingAnalyzer,
Whoosh's default BM25F, its default parser: words ANDed) and the same speaker filter.
A judged paragraph is named by its report's source path and a fragment of its text
found in one paragraph of that report (ids change, text does not); a paragraph that
was not judged counts as not relevant.

    python -m benchmarks.ndcg                       # index ../shared/corpora and corpus/ afresh
    python -m benchmarks.ndcg --index PATH          # rank over an index already built
    python -m benchmarks.ndcg --index PATH --pool   # the top 10s' paragraphs not yet judged

It prints one row per query and the means, and writes ``benchmarks/results-ndcg.json``."""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "tests" / "relevance" / "judged.json"
CORPORA = ROOT.parent / "shared" / "corpora"
DEPTH = 10


@dataclass(frozen=True)
class Judgement:
    source: str  # the report's path, from its collection's folder ("csw65/....md")
    fragment: str
    grade: int  # 0 not relevant, 1 partly, 2 answers the query
    exact: bool = False  # the fragment is the paragraph's whole text ("+1")

    def names(self, row: dict) -> bool:
        """Whether this judgement is of that paragraph."""
        text = row["text"]
        found = text == self.fragment if self.exact else self.fragment in text
        return found and same_source(row["source"], self.source)


@dataclass(frozen=True)
class JudgedQuery:
    query: str
    speakers: tuple[str, ...]
    judgements: tuple[Judgement, ...]

    @property
    def label(self) -> str:
        return self.query + "".join(f" --speaker {s!r}" for s in self.speakers)


def load_judged(path: Path = JUDGED) -> list[JudgedQuery]:
    data = json.loads(path.read_text("utf-8"))
    return [JudgedQuery(q["query"], tuple(q.get("speakers", ())),
                        tuple(Judgement(j["source"], j["fragment"], j["grade"],
                                        j.get("exact", False)) for j in q["judged"]))
            for q in data["queries"]]


def same_source(stored: str, judged: str) -> bool:
    """Whether a paragraph's stored source path is the judged one (which is written from
    its collection's folder, wherever the corpora were when indexed)."""
    return Path(stored).parts[-len(Path(judged).parts):] == Path(judged).parts


def grade_of(query: JudgedQuery, row: dict) -> int | None:
    """A paragraph's grade for a query; None when it was not judged."""
    for judged in query.judgements:
        if judged.names(row):
            return judged.grade
    return None


def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades[:DEPTH]))


def ndcg(query: JudgedQuery, ranking: list[dict]) -> float:
    """nDCG@10 of one ranking; the ideal orders every judged paragraph by grade."""
    ideal = dcg(sorted((j.grade for j in query.judgements), reverse=True))
    got = dcg([grade_of(query, row) or 0 for row in ranking])
    return got / ideal if ideal else 0.0


# the two systems -----------------------------------------------------------------------------

class Ours:
    """`reports` over its own index; ``weighting`` overrides the ranking's (for tuning)."""

    def __init__(self, index: Path, weighting=None, rows: dict | None = None):
        from search.engine import Library

        self.library = Library(index)
        if weighting is not None:
            self.library.weighting = weighting
        self.rows = rows if rows is not None else \
            {row["chunk_id"]: row for row in self.library.export()}

    def top(self, query: JudgedQuery) -> list[dict]:
        from search.engine import SearchRequest

        result = self.library.search(SearchRequest(query=query.query, speakers=query.speakers,
                                                   limit=DEPTH))
        return [self.rows[hit["chunk_id"]] for hit in result.hits]

    def close(self) -> None:
        self.library.close()


class PlainWhoosh:
    """Plain Whoosh over the exported paragraphs: text and section title,
    StemmingAnalyzer, BM25F, the default parser; the speaker filter on the names."""

    def __init__(self, rows: list[dict], folder: Path):
        from whoosh import index
        from whoosh.analysis import StemmingAnalyzer
        from whoosh.fields import ID, KEYWORD, TEXT, Schema
        from whoosh.qparser import MultifieldParser

        schema = Schema(chunk_id=ID(stored=True, unique=True),
                        text=TEXT(analyzer=StemmingAnalyzer()),
                        section=TEXT(analyzer=StemmingAnalyzer()),
                        speaker=KEYWORD(commas=True, lowercase=True))
        folder.mkdir(parents=True, exist_ok=True)
        self.ix = index.create_in(str(folder), schema)
        with self.ix.writer() as writer:
            for row in rows:
                writer.add_document(chunk_id=row["chunk_id"], text=row["text"],
                                    section=row.get("section") or "",
                                    speaker=",".join(name.replace(",", " ")
                                                     for name in row["speakers"]))
        self.rows = {row["chunk_id"]: row for row in rows}
        self.speakers = {name for row in rows for name in row["speakers"]}
        self.parser = MultifieldParser(["text", "section"], schema)
        self.searcher = self.ix.searcher()

    def top(self, query: JudgedQuery) -> list[dict]:
        from whoosh.query import Or, Term

        wanted = Or([Term("speaker", name.lower()) for name in self.named(query.speakers)]) \
            if query.speakers else None
        found = self.searcher.search(self.parser.parse(query.query), limit=DEPTH,
                                     filter=wanted)
        return [self.rows[hit["chunk_id"]] for hit in found]

    def named(self, typed: tuple[str, ...]) -> list[str]:
        """The speakers' names holding a typed name's words ("Lopez": "Martha Helena
        Lopez"), so that plain Whoosh filters on the same people."""
        return [name for name in self.speakers
                if any(set(t.lower().split()) <= set(name.lower().split()) for t in typed)]

    def close(self) -> None:
        self.searcher.close()


# measuring -----------------------------------------------------------------------------------

def evaluate(systems: dict, judged: list[JudgedQuery]) -> dict:
    """nDCG@10 per query and the mean, for each system."""
    per_query = []
    for query in judged:
        row = {"query": query.label}
        for name, system in systems.items():
            ranking = system.top(query)
            row[name] = round(ndcg(query, ranking), 4)
            row[f"{name}_unjudged"] = sum(grade_of(query, r) is None for r in ranking)
        per_query.append(row)
    means = {name: round(sum(r[name] for r in per_query) / len(per_query), 4)
             for name in systems}
    return {"queries": per_query, "mean": means}


def render(results: dict, names: list[str]) -> str:
    width = max(len(r["query"]) for r in results["queries"])
    lines = [f"{'query':<{width}}  " + "  ".join(f"{n:>10}" for n in names)]
    for row in results["queries"]:
        lines.append(f"{row['query']:<{width}}  "
                     + "  ".join(f"{row[n]:>10.3f}" for n in names))
    lines.append(f"{'mean nDCG@10':<{width}}  "
                 + "  ".join(f"{results['mean'][n]:>10.3f}" for n in names))
    return "\n".join(lines)


def build_index(target: Path, paths: list[Path]) -> None:
    from click.testing import CliRunner

    from search.cli import cli

    result = CliRunner().invoke(cli, ["--index", str(target), "index", *map(str, paths),
                                      "--quiet"])
    if result.exit_code not in (0, 1):
        raise SystemExit(f"error: indexing failed: {result.output.strip()}")


# finding paragraphs to judge -------------------------------------------------------------------

def unique_fragment(row: dict, neighbours: list[dict]) -> tuple[str, bool]:
    """The shortest run of the paragraph's opening words (four at least) found in no other
    paragraph of its report, and False; else its whole text, and True (to be matched
    exactly: "+1" is in "+1 to that")."""
    words = row["text"].split()
    for size in range(min(4, len(words)), len(words) + 1):
        fragment = " ".join(words[:size])
        if fragment in row["text"] and not any(fragment in other["text"] for other in neighbours
                                               if other is not row):
            return fragment, False
    return row["text"], True


def pool(systems: dict, judged: list[JudgedQuery], rows: list[dict]) -> list[dict]:
    """Every paragraph a system ranks in its top 10 for a query that is not judged yet."""
    by_source: dict[str, list[dict]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(row)
    out = []
    for number, query in enumerate(judged):
        seen = set()
        for system in systems.values():
            for row in system.top(query):
                if row["chunk_id"] in seen or grade_of(query, row) is not None:
                    continue
                seen.add(row["chunk_id"])
                fragment, exact = unique_fragment(row, by_source[row["source"]])
                out.append({"query": number, "label": query.label, "source": row["source"],
                            "fragment": fragment, **({"exact": True} if exact else {}),
                            "speakers": row["speakers"], "text": row["text"]})
    return out


# the settings tried when tuning (B, K1, the prior's full length in words, its power);
# the rankings they give are pooled too, so that they are judged
TUNING_GRID = [(b, k1, full, power) for b in (0.75, 0.5, 0.3, 0.2) for k1 in (1.2, 2.0, 3.0)
               for full, power in ((0, 0.5), (8, 0.5), (12, 0.5), (20, 0.5), (12, 1.0),
                                   (8, 1.0))]
POOLED_SETTINGS = ((0.75, 1.2, 0, 0.5), (0.5, 1.2, 0, 0.5), (0.3, 1.2, 0, 0.5),
                   (0.3, 2.0, 0, 0.5), (0.75, 1.2, 12, 0.5), (0.5, 1.2, 12, 0.5),
                   (0.75, 1.2, 20, 1.0), (0.3, 2.0, 12, 1.0), (0.3, 2.0, 12, 0.5),
                   (0.3, 1.2, 12, 1.0), (0.3, 2.0, 20, 0.5), (0.5, 1.2, 20, 0.5))


def setting_name(setting) -> str:
    b, k1, full, power = setting
    return f"B={b} K1={k1}" + (f" prior<{full}^{power}" if full else "")


def tuning_systems(index: Path, rows: dict, settings=POOLED_SETTINGS) -> dict:
    from search.library.ranking import weighting

    return {setting_name(s): Ours(index, weighting(*s), rows) for s in settings}


def tune(index: Path, judged: list[JudgedQuery], rows: dict) -> list[dict]:
    """Mean nDCG@10 and the unjudged paragraphs in the top 10s for each setting."""
    out = []
    for setting in TUNING_GRID:
        systems = tuning_systems(index, rows, [setting])
        results = evaluate(systems, judged)
        name = setting_name(setting)
        out.append({"setting": name, "ndcg": results["mean"][name],
                    "unjudged": sum(r[f"{name}_unjudged"] for r in results["queries"])})
        for system in systems.values():
            system.close()
    return sorted(out, key=lambda r: -r["ndcg"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ndcg", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, help="an index of the corpora (else built)")
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results-ndcg.json")
    parser.add_argument("--pool", action="store_true",
                        help="print the top 10s' paragraphs not yet judged, as JSON lines")
    parser.add_argument("--tune", action="store_true",
                        help="mean nDCG@10 for each setting of B, K1 and the length prior")
    args = parser.parse_args(argv)
    judged = load_judged(args.judged)
    with tempfile.TemporaryDirectory() as work:
        index = args.index
        if index is None:
            if not CORPORA.is_dir():
                print(f"error: {CORPORA} not found; pass --index", file=sys.stderr)
                return 2
            index = Path(work) / "index"
            build_index(index, [CORPORA, ROOT / "corpus"])
        ours = Ours(index)
        rows = list(ours.rows.values())
        systems = {"reports": ours, "bm25f": PlainWhoosh(rows, Path(work) / "plain")}
        try:
            if args.pool:
                systems.update(tuning_systems(index, ours.rows))
                for item in pool(systems, judged, rows):
                    print(json.dumps(item, ensure_ascii=False))
                return 0
            if args.tune:
                for row in tune(index, judged, ours.rows):
                    print(f"{row['ndcg']:.4f}  unjudged {row['unjudged']:>3}  {row['setting']}")
                return 0
            results = evaluate(systems, judged)
        finally:
            for system in systems.values():
                system.close()
    print(render(results, list(systems)))
    args.out.write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
