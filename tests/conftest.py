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


@pytest.fixture
def library(seed_index):
    from search.engine import Library

    with Library(seed_index) as opened:
        yield opened
