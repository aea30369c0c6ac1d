"""``python -m benchmarks.web_load``: the search page under load.

Indexes ``../shared/corpora`` (every report folder in it; 25,000+ paragraphs) unless
``--index`` names an index already built, starts ``reports serve`` on a free loopback
port, and sends a seeded, shuffled mix of search pages (words, two-word queries,
phrases, wildcards, misspellings, speaker and theme filters, later pages) from
``--clients`` concurrent clients, each on one kept-alive connection, until
``--requests`` pages are answered or ``--budget`` seconds have passed. Prints the
latency median and p95 (ms), the pages per second, and the server's resident memory
after warming up and every ``--every`` requests (flat memory: no growth with requests).
Writes every number to ``benchmarks/results-web.json``. Loopback only; not run by the
tests."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"

WORDS = ["meeting", "release", "security", "proposal", "review", "community", "consensus",
         "specification", "issue", "draft", "agenda", "vote", "funding", "governance",
         "accessibility", "test", "performance", "documentation", "policy", "harassment",
         "budget", "schedule", "license", "maintainers", "browser", "standard", "roadmap",
         "feedback", "decision", "working group", "pull request", "code of conduct",
         "mining", "wallet", "compiler", "language", "translation", "senate", "bill",
         "cloud", "kernel", "network", "metadata", "epub", "audio", "privacy"]
MISSPELT = ["secuirty", "comunity", "proposl", "relase", "goverance", "acessibility"]


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    work = Path(tempfile.mkdtemp(prefix="reports-web-load-"))
    try:
        index = Path(args.index) if args.index else _build_index(Path(args.corpora), work)
        results = measure(index, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = Path(args.out)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(render(results))
    print(f"\nwritten to {out}")
    return 0 if not results["errors"] else 1


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web_load", description=__doc__)
    parser.add_argument("--index", help="an index already built (default: index --corpora)")
    parser.add_argument("--corpora", default=str(DEFAULT_CORPORA),
                        help="folder of reports to index when --index is not given")
    parser.add_argument("--clients", type=int, default=10, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--requests", type=int, default=2000, help="pages to ask for")
    parser.add_argument("--budget", type=float, default=300.0, help="seconds at most")
    parser.add_argument("--warmup", type=int, default=50, help="pages before measuring")
    parser.add_argument("--every", type=int, default=250,
                        help="sample the server's memory every this many pages")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results-web.json"))
    return parser.parse_args(argv)


def _build_index(corpora: Path, work: Path) -> Path:
    index = work / "index"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "search", "--index", str(index), "index",
                           str(corpora), "--quiet"], capture_output=True, text=True,
                          env=_env(), check=False)
    if done.returncode not in (0, 1):  # 1: some files failed, the rest is indexed
        raise SystemExit(f"indexing failed: {done.stderr.strip()}")
    print(f"indexed {corpora} in {time.perf_counter() - started:.1f} s: "
          f"{done.stdout.strip()}", file=sys.stderr)
    return index


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def measure(index: Path, args) -> dict:
    proc = subprocess.Popen([sys.executable, "-m", "search", "--index", str(index), "serve",
                             "--host", "127.0.0.1", "--port", "0", "--workers",
                             str(args.workers)], env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        found = re.search(r"http://(127\.0\.0\.1):(\d+)/", line)
        if not found:
            raise SystemExit(f"the server did not start: {line} {proc.stderr.read()}")
        host, port = found[1], int(found[2])
        urls = _mix(host, port, args)
        _run(host, port, urls[:args.warmup], 1, args.budget)  # warm: caches, one client
        memory = [(0, _rss_mb(proc.pid))]
        timed = urls[args.warmup:args.warmup + args.requests]
        latencies, errors, wall, statuses = [], [], 0.0, {}
        for start in range(0, len(timed), args.every):
            batch = timed[start:start + args.every]
            got, failed, seconds, codes = _run(host, port, batch, args.clients,
                                               args.budget - wall)
            latencies += got
            errors += failed
            wall += seconds
            for code, n in codes.items():
                statuses[code] = statuses.get(code, 0) + n
            memory.append((len(latencies), _rss_mb(proc.pid)))
            if wall >= args.budget:
                break
        index_stats = _index_stats(host, port)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
    ordered = sorted(latencies)
    return {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "index": index_stats, "clients": args.clients, "workers": args.workers,
        "requests": len(latencies),
        "seconds": round(wall, 2), "pages_per_second": round(len(latencies) / wall, 1)
        if wall else None,
        "median_ms": round(statistics.median(ordered), 1) if ordered else None,
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1) if ordered else None,
        "max_ms": round(ordered[-1], 1) if ordered else None,
        "statuses": statuses, "errors": errors[:20],
        "memory_mb": [[n, mb] for n, mb in memory],
    }


def _mix(host: str, port: int, args) -> list[str]:
    """The seeded, shuffled search pages: words alone and in pairs, phrases, wildcards,
    misspellings, speaker and theme filters from the index, later pages."""
    rng = random.Random(args.seed)
    speakers = [row["name"] for row in _get_json(host, port, "/api/speakers")[:30]
                if row["paragraphs"]]
    themes = [row["theme"] for row in _get_json(host, port, "/api/themes") if row["paragraphs"]]
    total = args.warmup + args.requests
    urls = []
    while len(urls) < total:
        kind = rng.random()
        word = rng.choice(WORDS)
        params: list[tuple[str, str]] = []
        if kind < 0.35:
            params.append(("q", word))
        elif kind < 0.55:
            params.append(("q", f"{word} {rng.choice(WORDS)}"))
        elif kind < 0.62:
            params.append(("q", f'"{word}"' if " " in word else f"{word[:4]}*"))
        elif kind < 0.67:
            params.append(("q", rng.choice(MISSPELT)))
        elif kind < 0.82 and speakers:
            params += [("q", word), ("speaker", rng.choice(speakers))]
        elif themes:
            params += [("q", word), ("theme", rng.choice(themes))]
        if rng.random() < 0.2:
            params.append(("page", str(rng.randint(2, 4))))
        urls.append("/search?" + urlencode(params))
    return urls


def _run(host: str, port: int, urls: list[str], clients: int, budget: float):
    """Send the pages from ``clients`` threads; (latencies ms, errors, wall s, statuses)."""
    queue = list(reversed(urls))
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    statuses: dict[str, int] = {}
    deadline = time.perf_counter() + max(budget, 0.0)

    def client():
        connection = http.client.HTTPConnection(host, port, timeout=60)
        while time.perf_counter() < deadline:
            with lock:
                if not queue:
                    break
                url = queue.pop()
            started = time.perf_counter()
            try:
                connection.request("GET", url)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=60)
                with lock:
                    errors.append(f"{url}: {exc}")
                continue
            took = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(took)
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                if status >= 500:
                    errors.append(f"{url}: status {status}")
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started, statuses


def _get_json(host: str, port: int, path: str):
    connection = http.client.HTTPConnection(host, port, timeout=120)
    try:
        connection.request("GET", path)
        return json.loads(connection.getresponse().read())
    finally:
        connection.close()


def _index_stats(host: str, port: int) -> dict:
    reports = _get_json(host, port, "/api/reports")
    return {"reports": len(reports),
            "paragraphs": sum(r.get("paragraphs") or 0 for r in reports)}


def _rss_mb(pid: int) -> float:
    """Resident memory of the server, its worker processes included, from /proc (Linux)."""
    total_kb = 0
    for one in _process_tree(pid):
        try:
            status = Path(f"/proc/{one}/status").read_text()
        except OSError:
            continue
        found = re.search(r"VmRSS:\s+(\d+)", status)
        total_kb += int(found[1]) if found else 0
    return round(total_kb / 1024, 1)


def _process_tree(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        one = queue.pop()
        found.append(one)
        try:
            children = Path(f"/proc/{one}/task/{one}/children").read_text().split()
        except OSError:
            children = []
        queue += [int(c) for c in children]
    return found


def render(results: dict) -> str:
    memory = results["memory_mb"]
    lines = [
        f"index: {results['index']['reports']:,} reports, "
        f"{results['index']['paragraphs']:,} paragraphs",
        f"{results['requests']:,} search pages from {results['clients']} clients, "
        f"{results['workers']} server {'process' if results['workers'] == 1 else 'processes'}, in "
        f"{results['seconds']} s ({results['pages_per_second']} pages/s)",
        f"latency: median {results['median_ms']} ms, p95 {results['p95_ms']} ms, "
        f"max {results['max_ms']} ms",
        f"statuses: {results['statuses']}; errors: {len(results['errors'])}",
        "server memory (MB) after n pages: "
        + ", ".join(f"{n}: {mb}" for n, mb in memory),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
