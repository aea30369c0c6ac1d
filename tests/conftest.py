import functools
import hashlib
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = next(CORPUS.glob("2021-03-17-*.md"))
SEED_ID = SEED.stem
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"


def inputs_digest(*paths: Path, corpora: bool = False) -> str:
    """A digest of everything a slow, deterministic result depends on: the versions of
    Python and of the libraries that read documents, the program's sources and data
    (``indexer/``, ``search/``), the files (or every file of the folders) in ``paths`` and,
    with ``corpora``, the name, size and time of each file of ../shared/corpora. Tests
    keep such results in pytest's cache under it: equal digests, equal results."""
    from importlib.metadata import version

    digest = hashlib.sha256(sys.version.encode())
    for package in ("whoosh-reloaded", "markdown", "beautifulsoup4", "mammoth",
                    "pdfminer.six", "click"):
        digest.update(f"{package}={version(package)}".encode())
    sources = [p for folder in ("indexer", "search") for p in (ROOT / folder).rglob("*")
               if p.is_file() and p.suffix in (".py", ".toml", ".json")]
    files = sorted(sources)
    for path in paths:
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for path in files:
        digest.update(str(path.relative_to(ROOT.parent)).encode() + path.read_bytes())
    if corpora:
        for path in sorted(p for p in SHARED_CORPORA.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.relative_to(SHARED_CORPORA)}:{stat.st_size}:"
                          f"{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def run(index: Path, *args: str):
    """Run the CLI in-process; returns the click Result."""
    return CliRunner().invoke(cli, ["--index", str(index), *args], catch_exceptions=False)


def run_json(index: Path, *args: str):
    result = run(index, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """The seed report and the fixtures, indexed once for read-only tests."""
    index = tmp_path_factory.mktemp("ix") / "index"
    result = run(index, "index", str(CORPUS), str(FIXTURES), "--quiet")
    assert result.exit_code == 0, result.output
    return index


class IndexedFolder:
    """A folder of documents indexed on first use, then its exported paragraphs by the
    resolved path of the file each came from: a test that finds its answers in its cache
    never pays for the index."""

    def __init__(self, folder: Path, index: Path, files: list[Path] | None = None):
        self.folder, self.index, self.files = folder, index, files

    @functools.cached_property
    def path(self) -> Path:
        targets = [str(p) for p in self.files] if self.files else [str(self.folder)]
        result = run(self.index, "index", *targets, "--quiet")
        assert result.exit_code in (0, 1), result.output  # the corpora hold bad files
        return self.index

    @functools.cached_property
    def rows(self) -> list[dict]:
        from search.engine import Library

        with Library(self.path) as library:
            return list(library.export())

    @functools.cached_property
    def by_source(self) -> dict[str, list[dict]]:
        found: dict[str, list[dict]] = {}
        for row in self.rows:
            found.setdefault(str((ROOT / row["source"]).resolve()), []).append(row)
        return found


@pytest.fixture(scope="session")
def corpora_index(tmp_path_factory) -> IndexedFolder:
    """../shared/corpora, indexed once for every test that reads it whole (those of
    CORPORA_FILES)."""
    return IndexedFolder(SHARED_CORPORA, tmp_path_factory.mktemp("corpora") / "index")


# the test files that read the corpora index: one worker runs them together, first (they
# are the longest), while the other takes the rest
CORPORA_FILES = ("test_ndcg.py", "test_attribution_scores.py")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name not in CORPORA_FILES)


def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile``, each test file whole on one worker (its module fixtures built
    once), with the files of CORPORA_FILES as one."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class CorporaTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            file = super()._split_scope(nodeid)
            return CORPORA_FILES[0] if Path(file).name in CORPORA_FILES else file

    return CorporaTogether(config, log)


@pytest.fixture
def library(seed_index):
    from search.engine import Library

    with Library(seed_index) as opened:
        yield opened
