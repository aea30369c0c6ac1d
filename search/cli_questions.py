"""The commands for the questions after a search: ``reports similar``, and what
``reports speakers --query`` and ``reports themes --by`` print."""

from __future__ import annotations

import dataclasses
import json

import click

from .cli_support import QueryUsageError, _color, _library, index_option


@click.command("similar")
@click.argument("target", metavar="ID:N")
@click.option("--other-reports", is_flag=True,
              help="Only paragraphs of other reports than the paragraph's own.")
@click.option("--limit", type=int, default=10, show_default=True, help="Paragraphs shown.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@index_option
@click.pass_context
def similar_command(ctx, target, other_reports, limit, fmt, index_path):
    """Paragraphs most like paragraph N of report ID, across reports.

    They share its key terms (its words that are frequent in it and rare in the
    index); those that share a speaker or themes with it rank higher. The paragraph
    itself is never listed.

    Example: reports similar 2021-03-17-csw65-making-zero-tolerance-a-reality:12
    """
    from .formatting import format_json, format_text

    report_id, _, number = target.rpartition(":")
    if not report_id or not number.isdigit():
        raise QueryUsageError(f"{target!r}: give ID:N, a report id and a paragraph number "
                              "(see `reports show ID`)")
    result = _library(ctx, index_path).similar(report_id, int(number), limit=limit,
                                               other_reports=other_reports)
    if fmt == "json":
        click.echo(format_json(result, key_terms=result.key_terms))
        return
    click.echo(f"key terms: {', '.join(result.key_terms) or '(none)'}")
    # the description says what it is like; no "for 'ID:N'" after it
    click.echo(format_text(dataclasses.replace(result, query=None), color=_color()))


def print_speakers_about(library, request, as_json: bool) -> None:
    """``reports speakers --query Q``: who spoke most about Q."""
    from .question_formatting import format_speakers_about

    found = library.speakers_about(request)
    for note in found["notes"]:
        click.echo(f"note: {note}", err=True)
    if as_json:
        shown = {key: found[key] for key in ("query", "total", "people")}
        click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        click.echo(format_speakers_about(found))


def print_themes_by(library, by: str, query: str | None, fmt: str) -> None:
    """``reports themes --by speaker|report|year``: theme counts as a table."""
    from .question_formatting import format_themes_by_csv, format_themes_by_text

    table = library.themes_by(by, query)
    if fmt == "json":
        click.echo(json.dumps(table, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(format_themes_by_csv(table), nl=False)
    else:
        click.echo(format_themes_by_text(table))
