"""What every command shares: the --index option, the opened library, the usage
error (exit 2) and whether to print in colour."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


class QueryUsageError(click.ClickException):
    """A bad query, filter or value: one line, exit 2."""

    exit_code = 2


def index_option(func):
    return click.option("--index", "index_path", type=click.Path(path_type=Path),
                        default=None, help="Index folder (overrides the global --index).")(func)


def people_option(func):
    return click.option("--people", type=click.Path(path_type=Path, dir_okay=False),
                        help="A curator file (default: people.toml in the folder that holds "
                             "the index).")(func)


def _index_path(ctx: click.Context, given: Path | None) -> Path:
    return given or ctx.obj["index"]


def _library(ctx, index_path, people=None):
    from .engine import Library

    library = Library(_index_path(ctx, index_path), people_file=people)
    ctx.call_on_close(library.close)
    return library


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
