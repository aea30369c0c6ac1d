"""Speaker attribution against the hand labels in tests/labels/ (labelled by reading the
documents, before looking at what the program says about them): a floor per set and per
layout family, so that a change that loses speakers fails here. ``heldout`` (real
documents), ``events-heldout8``, ``events-heldout10`` and ``events-heldout11`` (invented
event reports) have never been tuned on and give the honest numbers; the other sets were
tuned on, some only after they had been scored once blind (see labels/README.md)."""

import contextlib
import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from .conftest import ROOT, SHARED_CORPORA, IndexedFolder, inputs_digest

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
    "events-dev2": {"ALL": (0.92, 0.85)},
    "events-heldout": {"ALL": (0.97, 0.90)},
    "events-heldout2": {"ALL": (0.89, 0.86)},
    "events-heldout3": {"ALL": (0.88, 0.81)},
    "events-heldout4": {"ALL": (0.92, 0.83)},
    "events-heldout5": {"ALL": (0.92, 0.83)},
    "events-heldout6": {"ALL": (0.89, 0.88)},
    "events-heldout7": {"ALL": (0.88, 0.87)},
    "events-heldout8": {"ALL": (0.89, 0.82)},
    "events-heldout9": {"ALL": (0.93, 0.87)},
    "events-heldout10": {"ALL": (0.85, 0.74)},
    "events-heldout11": {"ALL": (0.88, 0.89)},
    "events-heldout12": {"ALL": (0.92, 0.83)},
    "events-heldout13": {"ALL": (0.91, 0.77)},
    "events-heldout14": {"ALL": (0.86, 0.80)},
    "events-heldout15": {"ALL": (0.92, 0.93)},
    "events-heldout16": {"ALL": (0.90, 0.91)},
    "events-heldout17": {"ALL": (0.96, 0.93)},
    "events-heldout18": {"ALL": (0.91, 0.88)},
    "events-heldout19": {"ALL": (0.92, 0.85)},
}


# sets whose documents sit beside their labels (invented reports) rather than in
# ../shared/corpora
BESIDE = tuple(kind for kind in FLOORS if kind.startswith("events-"))


def _inputs_digest(kind: str) -> str:
    """Everything the scores depend on: the program's sources and data, the scorer, the
    labels (and the reports beside them), the documents of the corpora (by name, size and
    time) and the versions of Python and of the libraries that read documents."""
    return inputs_digest(SCORER, LABELS / kind, corpora=True)


def scores(kind: str, indexed, cache=None) -> dict[str, tuple[float, float]]:
    """The scorer's precision and recall per family, kept in pytest's cache under the
    digest of everything it depends on: any change to the program, the labels, the corpora
    or the libraries runs it again. ``indexed`` is the IndexedFolder that holds the set's
    documents."""
    key = f"reports/attribution-scores/{kind}"
    digest = _inputs_digest(kind)
    kept = cache.get(key, None) if cache is not None else None
    if isinstance(kept, dict) and kept.get("inputs") == digest:
        return {family: tuple(pair) for family, pair in kept["scores"].items()}
    found = _run_scorer(kind, indexed.by_source)
    if cache is not None and "ALL" in found:
        cache.set(key, {"inputs": digest, "scores": found})
    return found


def _run_scorer(kind: str, exported: dict[str, list[dict]],
                files: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """The scorer's own matching and counting, fed with the paragraphs of an index that
    holds the set's documents among others: it would index and export each document
    alone, two commands a document, which would be most of the suite's time. Every
    paragraph comes from its own file, so the paragraphs are the same either way
    (`test_one_index_exports_what_each_alone_does`)."""
    files = files or _label_files(kind)
    scorer = _scorer_module()
    scorer.export = lambda command, path: exported.get(str(Path(path).resolve()), [])
    out = io.StringIO()
    argv = ["score_labels", "--reports", "unused", "--root", str(_root(kind)), *files]
    with mock.patch.object(sys, "argv", argv), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(io.StringIO()):
        scorer.main()
    return _scores_printed(out.getvalue())


def _label_files(kind: str) -> list[str]:
    return sorted(str(p) for p in (LABELS / kind).glob("*.json"))


def _root(kind: str) -> Path:
    return LABELS / kind if kind in BESIDE else SHARED_CORPORA


def _documents(kind: str) -> list[Path]:
    return [_root(kind) / json.loads(Path(f).read_text(encoding="utf-8"))["file"]
            for f in _label_files(kind)]


@pytest.fixture(scope="module")
def beside_index(tmp_path_factory) -> IndexedFolder:
    """Every invented report of the labelled sets, in one index."""
    files = [doc for kind in BESIDE for doc in _documents(kind)]
    return IndexedFolder(LABELS, tmp_path_factory.mktemp("beside") / "index", files)


@pytest.fixture
def indexed_for(corpora_index, beside_index):
    return lambda kind: beside_index if kind in BESIDE else corpora_index


def _scores_printed(table: str) -> dict[str, tuple[float, float]]:
    """(precision, recall) per family from the scorer's table."""
    found = {}
    for line in table.splitlines():
        match = re.match(r"^(\S+)\s+\d+\s+([\d.]+)%\s+([\d.]+)%$", line.strip())
        if match:
            found[match[1]] = (float(match[2]) / 100, float(match[3]) / 100)
    return found


def _scorer_module():
    spec = importlib.util.spec_from_file_location("score_labels", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", list(FLOORS))
def test_attribution_stays_above_its_floors(kind, indexed_for, pytestconfig):
    measured = scores(kind, indexed_for(kind), getattr(pytestconfig, "cache", None))
    assert "ALL" in measured, measured
    low = {family: (measured.get(family), floor) for family, floor in FLOORS[kind].items()
           if family not in measured or measured[family][0] < floor[0]
           or measured[family][1] < floor[1]}
    assert not low, f"below the floor (measured, floor): {low}"


def test_one_index_exports_what_each_alone_does(indexed_for):
    """The scorer run as written (each document indexed and exported alone) and the run
    above (one index of all the corpora, or of all the invented reports) give the same
    numbers, on documents of one folder that share their people (real minutes) and on
    invented reports of different families and sets."""
    for kind, count in (("heldout", 3), ("events-heldout3", 2), ("events-heldout14", 1)):
        files = _label_files(kind)[:count]
        out = subprocess.run([sys.executable, str(SCORER), "--reports",
                              f"{sys.executable} -m search", "--root", str(_root(kind)),
                              *files],
                             capture_output=True, text=True, timeout=1200, cwd=ROOT).stdout
        alone = _scores_printed(out)
        assert "ALL" in alone, out
        assert _run_scorer(kind, indexed_for(kind).by_source, files) == alone
