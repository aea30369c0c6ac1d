"""Speaker attribution against the hand labels in tests/labels/ (labelled by reading the
documents, before looking at what the program says about them): a floor per set and per
layout family, so that a change that loses speakers fails here. ``dev`` documents are the
ones tuned on; ``heldout`` and ``heldout2`` ones are never tuned on and give the honest
numbers; ``events-dev``, ``events-dev2`` and ``events-heldout`` are the same split for
invented event reports kept beside their labels (see labels/README.md)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED_CORPORA, inputs_digest

SCORER = ROOT.parent / "shared" / "tools" / "score_labels.py"
LABELS = Path(__file__).resolve().parent / "labels"

pytestmark = pytest.mark.skipif(not SCORER.is_file() or not SHARED_CORPORA.is_dir(),
                                reason="../shared (corpora and scorer) is not beside this checkout")

# (precision, recall) floors, a little under what was measured when they were set
FLOORS = {
    "heldout": {"ALL": (0.97, 0.92), "congressional-record": (0.97, 0.97),
                "initials": (0.97, 0.97), "irc-minutes": (0.96, 0.96),
                "narrative-minutes": (0.95, 0.72), "nested-notes": (0.85, 0.95),
                "nick-narrative": (0.97, 0.75)},
    # a second held-out set, labelled later from other documents and families
    "heldout2": {"ALL": (0.92, 0.75), "initials": (0.96, 0.96), "irc-minutes": (0.90, 0.89),
                 "congressional-record": (0.90, 0.97), "design-notes": (0.95, 0.83),
                 "nested-notes": (0.77, 0.35)},
    "dev": {"ALL": (0.93, 0.83), "narrative-un": (1.0, 1.0), "initials": (0.98, 0.96),
            "narrative-minutes": (0.97, 0.88), "congressional-record": (0.97, 0.97),
            "nested-notes": (0.90, 0.80), "design-notes": (0.92, 0.60)},
    "events-dev": {"ALL": (0.96, 0.96), "hansard": (0.97, 0.97),
                   "meeting-coverage": (0.94, 0.97), "press-briefing": (0.97, 0.97),
                   "webinar": (0.97, 0.97), "interview": (0.90, 0.97)},
    "events-dev2": {"ALL": (0.91, 0.81), "council-record": (0.94, 0.97),
                    "podcast": (0.97, 0.88), "committee-evidence": (0.97, 0.88)},
    "events-heldout": {"ALL": (0.86, 0.66)},
}


# sets whose documents sit beside their labels (invented reports) rather than in
# ../shared/corpora
BESIDE = ("events-dev", "events-dev2", "events-heldout")


def _inputs_digest(kind: str) -> str:
    """Everything the scores depend on: the program's sources and data, the scorer, the
    labels (and the reports beside them), the documents of the corpora (by name, size and
    time) and the versions of Python and of the libraries that read documents."""
    return inputs_digest(SCORER, LABELS / kind, corpora=True)


def scores(kind: str, cache=None) -> dict[str, tuple[float, float]]:
    """The scorer's precision and recall per family. Running it takes two commands per
    document (index, export), so its answer is kept in pytest's cache under the digest
    of everything it depends on: any change to the program, the labels, the corpora or
    the libraries runs it again."""
    key = f"reports/attribution-scores/{kind}"
    digest = _inputs_digest(kind)
    kept = cache.get(key, None) if cache is not None else None
    if isinstance(kept, dict) and kept.get("inputs") == digest:
        return {family: tuple(pair) for family, pair in kept["scores"].items()}
    found = _run_scorer(kind)
    if cache is not None and "ALL" in found:
        cache.set(key, {"inputs": digest, "scores": found})
    return found


def _run_scorer(kind: str) -> dict[str, tuple[float, float]]:
    files = sorted(str(p) for p in (LABELS / kind).glob("*.json"))
    command = f"{sys.executable} -m search"
    root = ["--root", str(LABELS / kind)] if kind in BESIDE else []
    out = subprocess.run([sys.executable, str(SCORER), "--reports", command, *root, *files],
                         capture_output=True, text=True, timeout=1200, cwd=ROOT).stdout
    found = {}
    for line in out.splitlines():
        match = re.match(r"^(\S+)\s+\d+\s+([\d.]+)%\s+([\d.]+)%$", line.strip())
        if match:
            found[match[1]] = (float(match[2]) / 100, float(match[3]) / 100)
    return found


@pytest.mark.parametrize("kind", ["heldout", "heldout2", "dev", "events-dev", "events-dev2",
                                  "events-heldout"])
def test_attribution_stays_above_its_floors(kind, pytestconfig):
    measured = scores(kind, getattr(pytestconfig, "cache", None))
    assert "ALL" in measured, measured
    low = {family: (measured.get(family), floor) for family, floor in FLOORS[kind].items()
           if family not in measured or measured[family][0] < floor[0]
           or measured[family][1] < floor[1]}
    assert not low, f"below the floor (measured, floor): {low}"
