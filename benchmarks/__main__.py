"""``python -m benchmarks --size small|full``: index the UN General Debate corpus with
`reports`, plain Whoosh and SQLite FTS5, and compare indexing, updates and queries.

Prints a table with ratios to the two baselines and writes every number to a JSON file.
Not run by the tests: it takes minutes (small) to an hour (full)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import baselines, measure, ungdc

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    archive = Path(args.corpora) / "ungdc.tar.xz"
    if not archive.exists():
        print(f"benchmarks: {archive} not found; pass --corpora FOLDER", file=sys.stderr)
        return 2
    work = Path(args.work or tempfile.mkdtemp(prefix="reports-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    out = Path(args.out or ROOT / "benchmarks" / f"results-{args.size}.json")
    try:
        reused = json.loads(Path(args.baselines_from).read_text(encoding="utf-8")) \
            if args.baselines_from else None
        results = run(archive, args.size, work, args.queries, args.cold_runs,
                      args.query_budget, out, reused)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(render(results))
    print(f"\nwritten to {out}")
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--size", choices=["small", "full"], default="small",
                        help="small: one decade of speeches (2010-2019); full: all")
    parser.add_argument("--corpora", default=str(DEFAULT_CORPORA),
                        help="folder holding ungdc.tar.xz")
    parser.add_argument("--work", help="working folder (kept); default a temporary one")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--out", help="JSON file to write")
    parser.add_argument("--queries", type=int, default=200, help="queries in the mix")
    parser.add_argument("--query-budget", type=float, default=300.0,
                        help="seconds of timed queries per system at most (plain Whoosh "
                             "counts facets by reading every posting: seconds a query "
                             "on the full archive)")
    parser.add_argument("--cold-runs", type=int, default=7, help="cold searches to time")
    parser.add_argument("--baselines-from", metavar="RESULTS_JSON",
                        help="reuse the baselines' indexes already in the working folder "
                             "and their build numbers from this results file (the "
                             "paragraphs must be the same): measures `reports` again "
                             "without rebuilding the baselines (one missing from the file "
                             "is built)")
    return parser.parse_args(argv)


def _reports_cmd() -> list[str]:
    script = Path(sys.executable).parent / "reports"
    return [str(script)] if script.exists() else [sys.executable, "-m", "search"]


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _save(results: dict, out: Path) -> None:
    """Written after every phase, so a run stopped part-way keeps what it measured."""
    partial = out.with_suffix(".json.tmp")
    partial.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, out)


def _clean(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in ("stdout", "stderr")}


def run(archive: Path, size: str, work: Path, queries: int, cold_runs: int,
        budget_s: float, out: Path, reused: dict | None = None) -> dict:
    reports = _reports_cmd()
    results: dict = {"size": size, "machine": machine(),
                     "when": time.strftime("%Y-%m-%d %H:%M"), "complete": False}
    _say("extracting the corpus")
    root = ungdc.extract(archive, work / "ungdc")
    folder = work / f"reports-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    files, corpus_bytes = ungdc.write_reports(root, size, folder)
    corpus_mb = corpus_bytes / 2**20
    results.update(reports=len(files), corpus_mb=corpus_mb)
    _say(f"{len(files)} reports, {corpus_mb:.1f} MB; indexing with reports")
    index = work / f"index-{size}"
    shutil.rmtree(index, ignore_errors=True)
    ours = measure.run_measured([*reports, "--index", str(index), "index", str(folder), "-q"])
    summary_line = ours["stdout"].strip()
    paragraphs_file = work / "paragraphs.jsonl"
    paragraphs = export_paragraphs(reports, index, paragraphs_file)
    count = len(paragraphs)
    ours = _clean(ours)
    ours.update(paragraphs=count, index_mb=measure.folder_mb(index), summary=summary_line)
    results.update(paragraphs=count, index={"reports": _rates(ours, count, corpus_mb)})
    _save(results, out)

    plain_dir, fts_file = _baseline_target(work, "whoosh"), _baseline_target(work, "fts5")
    if reused is not None:
        if reused.get("paragraphs") != count:
            raise SystemExit(f"benchmarks: {count} paragraphs now, {reused.get('paragraphs')} "
                             "when the baselines were built; build them again")
        results["index"].update({name: reused["index"][name] for name in BASELINES
                                 if name in reused["index"]})
        results["baselines_from"] = reused.get("when")
    missing = [name for name in BASELINES if name not in results["index"]]
    if missing:
        _build_baselines(results, paragraphs_file, work, missing, out)

    _say("re-indexing with nothing changed, then adding one report")
    unchanged = measure.run_measured([*reports, "--index", str(index), "index", str(folder),
                                      "-q"])
    added = add_one_report(reports, index, folder, files[len(files) // 2])
    results.update(reindex_unchanged_s=unchanged["wall_s"],
                   add_one_report_s=added["run"]["wall_s"],
                   add_one_report_summary=added["summary"])
    _save(results, out)

    _say("warm queries")
    mix = measure.query_mix(paragraphs, size=queries)
    del paragraphs
    results["query_mix"] = {k: sum(q["kind"] == k for q in mix)
                            for k in ("word", "and", "phrase", "speaker", "theme")}
    results["queries"] = warm_queries(index, plain_dir, fts_file, mix, budget_s)
    _save(results, out)
    _say("cold searches")
    results["cold_search"] = cold_searches(reports, index, mix, cold_runs)
    results["complete"] = True
    _save(results, out)
    return results


# name -> what it is called while it builds, and where its index goes in the work folder
BASELINES = {"whoosh": ("plain Whoosh", "whoosh"),
             "minimal": ("minimal plain Whoosh", "whoosh-minimal"),
             "fts5": ("SQLite FTS5", "fts5.db")}


def _baseline_target(work: Path, name: str) -> Path:
    return work / BASELINES[name][1]


def _build_baselines(results: dict, paragraphs_file: Path, work: Path, names: list[str],
                     out: Path) -> None:
    count, corpus_mb = results["paragraphs"], results["corpus_mb"]
    base = [sys.executable, "-m", "benchmarks.baselines"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in names:
        _say(f"{count} paragraphs; {BASELINES[name][0]} baseline")
        target = _baseline_target(work, name)
        if target.is_dir():
            shutil.rmtree(target)
        target.unlink(missing_ok=True)
        built = _clean(measure.run_measured([*base, name, str(paragraphs_file), str(target)],
                                            env))
        built["index_mb"] = measure.folder_mb(target)
        results["index"][name] = _rates(built, count, corpus_mb)
        _save(results, out)


def _rates(record: dict, paragraphs: int, corpus_mb: float) -> dict:
    return {**record, "paragraphs_per_s": paragraphs / record["wall_s"],
            "mb_per_s": corpus_mb / record["wall_s"]}


def export_paragraphs(reports: list[str], index: Path, target: Path) -> list[dict]:
    """The paragraphs `reports` made, for the baselines to index as they are."""
    from indexer.names import name_key

    out = subprocess.run([*reports, "--index", str(index), "export"], capture_output=True,
                         text=True, check=True).stdout
    rows = []
    with open(target, "w", encoding="utf-8") as handle:
        for line in out.splitlines():
            chunk = json.loads(line)
            row = {"chunk_id": chunk["chunk_id"], "report_id": chunk["report_id"],
                   "paragraph": chunk["paragraph"], "date": chunk["date"],
                   "text": chunk["text"], "section": chunk["section"],
                   "title": chunk["report_title"], "speakers": chunk["speakers"],
                   "speaker_keys": [name_key(s) for s in chunk["speakers"]],
                   "themes": chunk["themes"]}
            rows.append(row)
            handle.write(json.dumps(row) + "\n")
    return rows


def add_one_report(reports: list[str], index: Path, folder: Path, model: Path) -> dict:
    target = folder / "added" / f"added-{model.name}"
    target.parent.mkdir(exist_ok=True)
    text = model.read_text(encoding="utf-8").replace("\nid: ", "\nid: added-", 1)
    target.write_text(text + "\n\nA paragraph added for the benchmark.\n", encoding="utf-8")
    run = measure.run_measured([*reports, "--index", str(index), "index", str(folder), "-q"])
    return {"run": run, "summary": run["stdout"].strip()}


def warm_queries(index: Path, plain_dir: Path, fts_file: Path, mix: list[dict],
                 budget_s: float) -> dict:
    """Each system answers the same mix, in process, up to ``budget_s`` seconds of timed
    queries; ratios compare the queries every system answered (a common prefix)."""
    from search.engine import Library, SearchRequest

    library = Library(index)

    def ours(query: dict) -> int:
        request = SearchRequest(query=query["text"], limit=10,
                                speakers=(query["speaker"],) if query.get("speaker") else (),
                                themes=(query["theme"],) if query.get("theme") else ())
        return library.search(request).total

    plain = baselines.WhooshSearcher(plain_dir)
    fts = baselines.Fts5Searcher(fts_file)
    try:
        times = {}
        for name, search in (("reports", ours), ("fts5", fts.search),
                             ("whoosh", plain.search)):
            _say(f"warm queries: {name}")
            times[name] = measure.latencies(search, mix, budget_s)
    finally:
        library.close()
        plain.close()
        fts.close()
    common = min(len(values) for values in times.values())
    out = {name: measure.summary(values) for name, values in times.items()}
    out["common_queries"] = common
    out["common"] = {name: measure.summary(values[:common]) for name, values in times.items()}
    return out


def cold_searches(reports: list[str], index: Path, mix: list[dict], runs: int) -> dict:
    """A new process for each search, as a user runs one. Python's bytecode cache is
    allowed (an installed program has it; an environment that forbids writing it would
    time compiling the program's sources instead), filled by a first, untimed run."""
    words = [q["text"] for q in mix if q["kind"] == "word"] or ["peace"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    search, help_ = [], []
    subprocess.run([*reports, "--index", str(index), "search", words[0]], capture_output=True,
                   check=True, env=env)
    for n in range(runs):
        start = time.perf_counter()
        subprocess.run([*reports, "--index", str(index), "search", words[n % len(words)]],
                       capture_output=True, check=True, env=env)
        search.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run([*reports, "--help"], capture_output=True, check=True, env=env)
        help_.append(time.perf_counter() - start)
    return {"search_median_s": statistics.median(search),
            "help_median_s": statistics.median(help_), "runs": runs}


def machine() -> dict:
    memory = 0
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            memory = int(handle.readline().split()[1]) * 1024
    except OSError:
        pass
    return {"python": platform.python_version(), "system": platform.platform(),
            "cpus": os.cpu_count(), "memory_gb": round(memory / 2**30, 1),
            "processor": platform.processor() or platform.machine()}


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "-"


def _cell(record: dict | None, key: str) -> float | None:
    return record.get(key) if record else None


def _number(value: float | None) -> str:
    return f"{value:,.1f}" if value is not None else "-"


def _ratio_of(a: float | None, b: float | None) -> str:
    return _ratio(a, b) if a is not None and b is not None else ""


def render(results: dict) -> str:
    """The table, as Markdown. The minimal plain Whoosh index is built, not queried: its
    columns hold the index rows only."""
    ix = results["index"]
    ours, plain, minimal, fts = ix["reports"], ix["whoosh"], ix.get("minimal"), ix["fts5"]
    q = results["queries"].get("common", results["queries"])
    index_rows = [("index: wall time (s)", "wall_s"), ("index: paragraphs/s", "paragraphs_per_s"),
                  ("index: MB/s", "mb_per_s"), ("index: peak memory (MB)", "peak_mb"),
                  ("index: size on disk (MB)", "index_mb")]
    rows = [(label, ours[key], plain[key], _cell(minimal, key), fts[key])
            for label, key in index_rows]
    rows += [
        ("query: median (ms)", q["reports"]["median_ms"], q["whoosh"]["median_ms"], None,
         q["fts5"]["median_ms"]),
        ("query: p95 (ms)", q["reports"]["p95_ms"], q["whoosh"]["p95_ms"], None,
         q["fts5"]["p95_ms"]),
    ]
    lines = [f"{results['size']}: {results['reports']} reports, {results['paragraphs']} "
             f"paragraphs, {results['corpus_mb']:.0f} MB; {results['machine']['cpus']} CPUs, "
             f"Python {results['machine']['python']}; query rows over the "
             f"{results['queries'].get('common_queries', '')} queries every system answered",
             "",
             "| measure | reports | plain Whoosh | minimal Whoosh | SQLite FTS5 "
             "| reports / Whoosh | reports / minimal | reports / FTS5 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, a, b, m, c in rows:
        lines.append(f"| {label} | {_number(a)} | {_number(b)} | {_number(m)} | {_number(c)} "
                     f"| {_ratio_of(a, b)} | {_ratio_of(a, m)} | {_ratio_of(a, c)} |")
    whole = results["queries"]
    lines.append(f"| query, whole mix: median / p95 (ms) | {whole['reports']['median_ms']:,.1f}"
                 f" / {whole['reports']['p95_ms']:,.1f} ({whole['reports']['queries']}) "
                 f"| {whole['whoosh']['median_ms']:,.1f} / {whole['whoosh']['p95_ms']:,.1f} "
                 f"({whole['whoosh']['queries']}) | | {whole['fts5']['median_ms']:,.1f} / "
                 f"{whole['fts5']['p95_ms']:,.1f} ({whole['fts5']['queries']}) | | | |")
    cold = results["cold_search"]
    lines += [
        f"| re-index, nothing changed (s) | {results['reindex_unchanged_s']:.2f} | | | | | | |",
        f"| add one report (s) | {results['add_one_report_s']:.2f} | | | | | | |",
        f"| cold `reports search` (s, median of {cold['runs']}) | "
        f"{cold['search_median_s']:.2f} | | | | | | |",
        f"| cold `reports --help` (s, same runs) | {cold['help_median_s']:.2f} | | | | | | |",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
