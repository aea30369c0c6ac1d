import json
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
