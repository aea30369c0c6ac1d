"""The ``reports`` command. The only module that prints or exits."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from indexer.errors import ReportsError, UsageError

from .cli_questions import similar_command
from .cli_serve import serve_command
from .cli_support import (
    QueryUsageError,
    _color,
    _index_path,
    _library,
    index_option,
    people_option,
)

DEFAULT_INDEX = ".reports-index"


class ReportsGroup(click.Group):
    """Translates the library's errors into one clear line and the contract's exit codes."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra):
        """Every error, click's own usage errors included, is one ``error:`` line."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "reports"
            click.echo(f"error: {exc.format_message().rstrip('.')} (see `{where} --help`)",
                       err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise QueryUsageError(str(exc)) from None
        except ReportsError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=ReportsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--index", "index_path", type=click.Path(path_type=Path),
              envvar="REPORTS_INDEX", default=DEFAULT_INDEX, show_default=True,
              help="Index folder (env REPORTS_INDEX).")
@click.version_option(package_name="reports")
@click.pass_context
def cli(ctx: click.Context, index_path: Path) -> None:
    """Full-text search for event reports: index Markdown, HTML, text, Word and PDF
    reports, then search paragraphs by words, speaker, theme, section, report and date."""
    ctx.ensure_object(dict)
    ctx.obj["index"] = index_path


# index --------------------------------------------------------------------------------------


@cli.command("index")
@click.argument("paths", nargs=-1, required=True)
@click.option("--prune", is_flag=True, help="Drop reports whose file is gone.")
@click.option("--rebuild", is_flag=True, help="Start a fresh index.")
@click.option("--wait", type=float, default=0.0, show_default=True, metavar="SECONDS",
              help="Wait this long for another indexer's lock.")
@click.option("--themes", "themes_file", type=click.Path(path_type=Path, dir_okay=False),
              help="A themes TOML file to add to (or replace) the built-in themes.")
@click.option("--max-size", type=float, default=50.0, show_default=True, metavar="MB",
              help="Skip files larger than this.")
@click.option("--max-pages", type=click.IntRange(min=1), default=1000, show_default=True,
              metavar="N", help="Skip PDFs with more pages than this.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@index_option
@click.pass_context
def index_command(ctx, paths, prune, rebuild, wait, themes_file, max_size, max_pages, quiet,
                  index_path):
    """Index report files and folders (.md .markdown .html .htm .txt .docx .pdf).

    Unchanged files are skipped by content hash; changed files replace their old version.

    Example: reports index corpus/ --prune
    """
    from indexer.pipeline import index_paths

    bar = _ProgressBar(enabled=not quiet and sys.stderr.isatty())
    try:
        summary = index_paths(list(paths), _index_path(ctx, index_path), prune=prune,
                              rebuild=rebuild, wait=wait, themes_file=themes_file,
                              max_bytes=int(max_size * 1024 * 1024), max_pages=max_pages,
                              progress=bar.update)
    finally:
        bar.close()
    for line in summary.notices:
        click.echo(f"note: {line}", err=True)
    for line in summary.errors:
        click.echo(f"error: {line}", err=True)
    if summary.interrupted:
        click.echo(f"interrupted: committed and searchable: {summary.line()}; "
                   "run again to resume", err=True)
        ctx.exit(130)
    click.echo(f"indexed: {summary.line()}")
    if summary.failed:
        ctx.exit(1)


class _ProgressBar:
    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._bar = None
        self._done = 0

    def update(self, done: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="indexing", file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


# search -------------------------------------------------------------------------------------


@cli.command("search")
@click.argument("query", required=False)
@click.option("--speaker", multiple=True, help="Who spoke (any form of the name).")
@click.option("--theme", multiple=True, help="A theme (see `reports themes`).")
@click.option("--section", multiple=True, help="Words of a section heading.")
@click.option("--report", multiple=True, help="A report id (see `reports list`).")
@click.option("--evidence", multiple=True, metavar="KIND",
              help="How the speaker was found: label, header, initials, speech-verb, "
                   "role-reference, continuation, quotation, front-matter.")
@click.option("--since", help="From this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", help="Up to this date.")
@click.option("--limit", type=int, default=10, show_default=True, help="Hits per page.")
@click.option("--page", type=int, default=1, show_default=True, help="Page number.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True)
@click.option("--explain", is_flag=True, help="Show the parsed query and why hits scored.")
@click.option("--facet", "facets", multiple=True,
              type=click.Choice(["speaker", "theme", "report", "year"]),
              help="Counts to end the text output with (repeat for several) "
                   "[default: speaker, theme]; JSON always has them all.")
@people_option
@index_option
@click.pass_context
def search_command(ctx, query, speaker, theme, section, report, evidence, since, until, limit,
                   page, fmt, explain, facets, people, index_path):
    """Ranked paragraphs with the matches highlighted.

    QUERY takes words, "phrases", AND/OR/NOT, wildcards (accoun*), fuzziness (harasment~)
    and the fields speaker:, theme:, section:, report:. Repeat a flag to OR its values;
    different flags are ANDed. Leave QUERY out to list every paragraph that passes the
    filters.

    Example: reports search accountability --speaker Lopez --facet year
    """
    from .engine import SearchRequest
    from .formatting import FACET_KEYS, format_html, format_json, format_text

    result = _library(ctx, index_path, people).search(SearchRequest(
        query=query, speakers=speaker, themes=theme, sections=section, reports=report,
        evidence=evidence,
        since=since, until=until, limit=limit, page=page, explain=explain))
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    if fmt == "json":
        click.echo(format_json(result))
    elif fmt == "html":
        click.echo(format_html(result))
    else:
        shown = tuple(FACET_KEYS[f] for f in dict.fromkeys(facets)) or ("speakers", "themes")
        click.echo(format_text(result, color=_color(), facets=shown))


# browsing -----------------------------------------------------------------------------------


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@index_option
@click.pass_context
def list_command(ctx, as_json, index_path):
    """The indexed reports: id, title, date, paragraphs, source."""
    from .formatting import format_table

    rows = _library(ctx, index_path).list_reports()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(rows, ["id", "title", "date", "paragraphs", "source"]))


@cli.command("show")
@click.argument("target", metavar="ID[:N]")
@click.option("--context", "around", type=int, default=1, show_default=True,
              help="Neighbouring paragraphs to show around N.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@index_option
@click.pass_context
def show_command(ctx, target, around, as_json, index_path):
    """A report's outline, or paragraph N with its neighbours.

    Example: reports show 2021-03-17-csw65-making-zero-tolerance-a-reality:12
    """
    from .formatting import export_line, format_outline, format_paragraphs

    library = _library(ctx, index_path)
    report_id, _, number = target.partition(":")
    chunks = library.report_chunks(report_id)
    record = library.reports[report_id]
    if number:
        if not number.isdigit() or not 1 <= int(number) <= len(chunks):
            raise QueryUsageError(f"{target!r}: {report_id} has paragraphs 1-{len(chunks)}")
        focus = int(number)
        chunks = [c for c in chunks if abs(c["paragraph"] - focus) <= max(around, 0)]
        if as_json:
            click.echo(json.dumps([json.loads(export_line(c)) for c in chunks],
                                  ensure_ascii=False, indent=2))
        else:
            click.echo(format_paragraphs(chunks, focus))
        return
    if as_json:
        click.echo(json.dumps(library.outline(report_id), ensure_ascii=False, indent=2))
    else:
        click.echo(format_outline({**record, "id": report_id}, chunks))


@cli.command("speakers")
@click.option("--report", "report_id", help="Only the people of this report.")
@click.option("--query", help="Who spoke most about this: people ranked by the paragraphs "
                              "it matches (words as for `reports search`).")
@click.option("--theme", multiple=True, help="With --query: only paragraphs of this theme.")
@click.option("--section", multiple=True, help="With --query: words of a section heading.")
@click.option("--since", help="With --query: from this date (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", help="With --query: up to this date.")
@people_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@index_option
@click.pass_context
def speakers_command(ctx, report_id, query, theme, section, since, until, people, as_json,
                     index_path):
    """People: name, titles, roles, organisations, aliases, paragraphs, reports.

    With --query, who spoke most about it: each person's matching paragraphs, their
    share of the matches, their own paragraphs (under the same filters) and the share
    of those that match, and the reports they said it in.

    Example: reports speakers --query harassment --since 2021
    """
    from .formatting import format_table

    library = _library(ctx, index_path, people)
    if query is not None:
        from .cli_questions import print_speakers_about
        from .engine import SearchRequest

        request = SearchRequest(query=query, themes=theme, sections=section,
                                reports=(report_id,) if report_id else (),
                                since=since, until=until)
        print_speakers_about(library, request, as_json)
        return
    if theme or section or since or until:
        raise QueryUsageError("--theme, --section, --since and --until need --query")
    rows = library.speakers(report_id)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(rows, ["name", "paragraphs", "titles", "roles", "organisations",
                                       "aliases", "reports"]))


@cli.command("themes")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (as --format json).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default=None,
              help="text (the default), json, or csv with a header row for a spreadsheet.")
@click.option("--by", type=click.Choice(["speaker", "report", "year"]),
              help="A table of theme counts per speaker, report or year.")
@click.option("--query", help="With --by: count only the paragraphs this query matches.")
@click.option("--vocabulary", metavar="FILE|none|built-in", default=None,
              help="Make these the index's themes and re-tag every stored paragraph in "
                   "place, without re-indexing: a themes file (as for `index --themes`), "
                   "`none` (no themes) or `built-in`.")
@index_option
@click.pass_context
def themes_command(ctx, as_json, fmt, by, query, vocabulary, index_path):
    """Themes and how many paragraphs carry each.

    With --by, a table of theme counts per speaker, report or year (live paragraphs
    only; undated reports have no year).

    Example: reports themes --by year --format csv > themes.csv
    """
    from .formatting import format_table

    fmt = _one_format(as_json, fmt)
    if query is not None and by is None:
        raise QueryUsageError("--query needs --by speaker, report or year")
    if vocabulary is not None:
        from indexer.retag import retag_index

        summary = retag_index(_index_path(ctx, index_path), vocabulary)
        click.echo(f"themes: {summary.line()}", err=True)
    library = _library(ctx, index_path)
    if by is not None:
        from .cli_questions import print_themes_by

        print_themes_by(library, by, query, fmt)
        return
    rows = library.theme_counts()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from .question_formatting import format_rows_csv

        click.echo(format_rows_csv(rows, ["theme", "label", "paragraphs"]), nl=False)
    else:
        click.echo(format_table([r for r in rows if r["paragraphs"]] or rows,
                                ["theme", "label", "paragraphs"]))


def _one_format(as_json: bool, fmt: str | None) -> str:
    if as_json and fmt not in (None, "json"):
        raise QueryUsageError(f"--json and --format {fmt} ask for two formats; give one")
    return "json" if as_json else fmt or "text"


@cli.command("remove")
@click.argument("report_ids", nargs=-1, required=True, metavar="ID...")
@click.option("--wait", type=float, default=0.0, metavar="SECONDS",
              help="Wait this long for another indexer's lock.")
@index_option
@click.pass_context
def remove_command(ctx, report_ids, wait, index_path):
    """Drop reports from the index.

    Example: reports remove 2021-03-17-csw65-making-zero-tolerance-a-reality
    """
    from indexer.pipeline import remove_reports

    removed = remove_reports(_index_path(ctx, index_path), list(report_ids), wait=wait)
    click.echo(f"removed: {removed} {'report' if removed == 1 else 'reports'}")


@cli.command("export")
@index_option
@click.pass_context
def export_command(ctx, index_path):
    """Every paragraph as JSON Lines."""
    from .formatting import export_line

    for chunk in _library(ctx, index_path).export():
        click.echo(export_line(chunk))


cli.add_command(similar_command)
cli.add_command(serve_command)


def main() -> None:
    try:
        cli(prog_name="reports")
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # the contract: one line, never a traceback
        if os.environ.get("REPORTS_DEBUG"):
            raise
        click.echo(f"error: unexpected {type(exc).__name__}: {exc} "
                   "(set REPORTS_DEBUG=1 for details)", err=True)
        sys.exit(1)
