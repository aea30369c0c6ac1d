"""Every command has help text and a README section."""

import pytest
from click.testing import CliRunner

from search.cli import cli

from .conftest import ROOT

COMMANDS = ["index", "search", "list", "show", "similar", "speakers", "themes", "remove",
            "export"]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help_and_readme_mention(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) > 3
    assert f"reports {command}" in (ROOT / "README.md").read_text()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert ".venv/bin/python -m pytest -q" in readme and ".venv/bin/python -m pytest -q" in ci
    assert '.venv/bin/pip install -e ".[test]"' in readme
