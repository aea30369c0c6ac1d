"""Measuring helpers: wall time and peak memory of a process tree, a seeded query mix,
latency percentiles."""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_WORD = re.compile(r"[A-Za-z]{5,}")
_COMMON = frozenset("which their there these those would could should about other "
                    "being where while after before under again also".split())


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(parent, []).append(int(entry))
    return tree


def _memory(pid: int) -> int:
    """Proportional set size (shared pages split between processes), else resident."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="utf-8") as handle:
            return int(handle.read().split()[1]) * PAGE
    except OSError:
        return 0


def tree_memory(root: int) -> int:
    tree = _children()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _memory(pid)
        todo.extend(tree.get(pid, ()))
    return total


def run_measured(cmd: list[str], env: dict | None = None) -> dict:
    """Run a command; wall seconds, peak memory of it and its children (MB), output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    peak = 0
    watch = Path("/proc").exists()
    while proc.poll() is None:
        if watch:
            peak = max(peak, tree_memory(proc.pid))
        time.sleep(0.2)
    wall = time.perf_counter() - start
    stdout, stderr = proc.communicate()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {stderr.strip()}")
    return {"wall_s": wall, "peak_mb": peak / 2**20, "stdout": stdout, "stderr": stderr}


def folder_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def query_mix(paragraphs: list[dict], seed: int = 7, size: int = 100) -> list[dict]:
    """A fixed mix: single words, two-word ANDs, phrases, speaker and theme filters, each
    drawn from real paragraphs so that it has answers."""
    rng = random.Random(seed)
    kinds = ["word"] * 25 + ["and"] * 25 + ["phrase"] * 20 + ["speaker"] * 15 + ["theme"] * 15
    kinds = (kinds * (size // len(kinds) + 1))[:size]
    with_speaker = [p for p in paragraphs if p["speakers"]]
    with_theme = [p for p in paragraphs if p["themes"]]
    mix = []
    for kind in kinds:
        pool = {"speaker": with_speaker, "theme": with_theme}.get(kind) or paragraphs
        for _ in range(50):
            paragraph = rng.choice(pool)
            words = [w.lower() for w in _WORD.findall(paragraph["text"])
                     if w.lower() not in _COMMON]
            if len(words) >= 2:
                break
        else:
            continue
        query = {"kind": kind}
        if kind == "phrase":
            pairs = re.findall(r"\b([A-Za-z]{4,}) ([A-Za-z]{4,})\b", paragraph["text"])
            if not pairs:
                continue
            query["text"] = '"{} {}"'.format(*rng.choice(pairs)).lower()
        elif kind == "and":
            query["text"] = " ".join(rng.sample(words, 2))
        else:
            query["text"] = rng.choice(words)
        if kind == "speaker":
            query["speaker"] = rng.choice(paragraph["speakers"])
            query["speaker_key"] = paragraph["speaker_keys"][paragraph["speakers"].index(
                query["speaker"])]
        if kind == "theme":
            query["theme"] = rng.choice(paragraph["themes"])
        mix.append(query)
    rng.shuffle(mix)  # kinds interleaved: any prefix of the mix is a fair sample
    return mix


WARM_UP_QUERIES = 5


def latencies(search, mix: list[dict], budget_s: float | None = None) -> list[float]:
    """Seconds per query, in mix order, after a warm-up on the first queries; stops
    early once ``budget_s`` seconds have been spent (a slow system then answers a prefix
    of the mix, which the mix's shuffled order keeps representative)."""
    for query in mix[:WARM_UP_QUERIES]:
        search(query)
    out = []
    spent = 0.0
    for query in mix:
        start = time.perf_counter()
        search(query)
        out.append(time.perf_counter() - start)
        spent += out[-1]
        if budget_s is not None and spent > budget_s:
            break
    return out


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "queries": len(ordered)}
