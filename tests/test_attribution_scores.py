"""Speaker attribution against the hand labels in tests/labels/ (labelled by reading the
documents, before looking at what the program says about them): a floor per set and per
layout family, so that a change that loses speakers fails here. ``heldout`` (real
documents), ``events-heldout8``, ``events-heldout10`` and ``events-heldout11`` (invented
event reports) have never been tuned on and give the honest numbers; the other sets were
tuned on, some only after they had been scored once blind (see labels/README.md)."""

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

# (precision, recall) floors, a little under what was measured when they were set (for
# the big families of the real sets, and for every set as a whole)
FLOORS = {
    "heldout": {"ALL": (0.96, 0.92), "congressional-record": (0.98, 0.97),
                "initials": (0.98, 0.97), "irc-minutes": (0.96, 0.95),
                "narrative-minutes": (0.95, 0.76)},
    "heldout2": {"ALL": (0.93, 0.88), "design-notes": (0.95, 0.81), "initials": (0.96, 0.95),
                 "irc-minutes": (0.90, 0.89), "nested-notes": (0.94, 0.84)},
    "heldout3": {"ALL": (0.83, 0.77), "design-notes": (0.83, 0.91), "irc-minutes": (0.78, 0.78),
                 "nested-notes": (0.89, 0.71)},
    "dev": {"ALL": (0.92, 0.81), "design-notes": (0.91, 0.59), "initials": (0.98, 0.95),
            "irc-minutes": (0.88, 0.87), "narrative-minutes": (0.97, 0.88),
            "nested-notes": (0.91, 0.79)},
    "events-dev": {"ALL": (0.95, 0.95)},
    "events-dev2": {"ALL": (0.91, 0.82)},
    "events-heldout": {"ALL": (0.94, 0.86)},
    "events-heldout2": {"ALL": (0.85, 0.78)},
    "events-heldout3": {"ALL": (0.88, 0.70)},
    "events-heldout4": {"ALL": (0.92, 0.74)},
    "events-heldout5": {"ALL": (0.92, 0.83)},
    "events-heldout6": {"ALL": (0.89, 0.88)},
    "events-heldout7": {"ALL": (0.86, 0.84)},
    "events-heldout8": {"ALL": (0.72, 0.65)},
    "events-heldout9": {"ALL": (0.93, 0.87)},
    "events-heldout10": {"ALL": (0.80, 0.67)},
    "events-heldout11": {"ALL": (0.86, 0.83)},
}


# sets whose documents sit beside their labels (invented reports) rather than in
# ../shared/corpora
BESIDE = tuple(kind for kind in FLOORS if kind.startswith("events-"))


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


@pytest.mark.parametrize("kind", list(FLOORS))
def test_attribution_stays_above_its_floors(kind, pytestconfig):
    measured = scores(kind, getattr(pytestconfig, "cache", None))
    assert "ALL" in measured, measured
    low = {family: (measured.get(family), floor) for family, floor in FLOORS[kind].items()
           if family not in measured or measured[family][0] < floor[0]
           or measured[family][1] < floor[1]}
    assert not low, f"below the floor (measured, floor): {low}"
