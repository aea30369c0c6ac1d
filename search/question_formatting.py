"""Format, then print, for the questions after a search: who spoke most about a query
and theme counts per speaker, report or year. Every function returns a string."""

from __future__ import annotations

import csv
import io

from .formatting import format_table


def format_speakers_about(found: dict) -> str:
    """``Library.speakers_about`` as a table: matched paragraphs, their share of the
    matches, the person's own paragraphs and the share of those, the reports."""
    head = f"{found['description']} for {found['query']!r}"
    if not found["people"]:
        return f"{head}; nobody speaks in them"
    rows = [{"name": person["name"], "paragraphs": person["paragraphs"],
             "of matches": _percent(person["share_of_matches"]),
             "own": person["own_paragraphs"], "of own": _percent(person["share_of_own"]),
             "reports": ", ".join(f"{rid} ({n})" for rid, n in person["reports"].items())}
            for person in found["people"]]
    table = format_table(rows, ["name", "paragraphs", "of matches", "own", "of own",
                                "reports"])
    return f"{head}\n\n{table}"


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def format_themes_by_text(table: dict) -> str:
    """One line per speaker, report or year: its paragraphs, then its themes with
    counts, most first (the whole matrix is the CSV)."""
    by = table["by"]
    if not table["rows"]:
        return "(none)"
    width = max(len(by), *(len(str(row[by])) for row in table["rows"]))
    lines = [f"{by.ljust(width)}  paragraphs  themes"]
    for row in table["rows"]:
        themes = ", ".join(f"{theme} {n}" for theme, n in row["themes"].items()) or "-"
        lines.append(f"{str(row[by]).ljust(width)}  {row['paragraphs']:>10}  {themes}")
    return "\n".join(lines)


def format_themes_by_csv(table: dict) -> str:
    """The matrix for a spreadsheet: a header row (the speaker, report or year column,
    paragraphs, then one column per theme, most paragraphs first), zeros filled in."""
    by, themes = table["by"], table["themes"]
    return _csv([by, "paragraphs", *themes],
                ([row[by], row["paragraphs"], *(row["themes"].get(t, 0) for t in themes)]
                 for row in table["rows"]))


def format_rows_csv(rows: list[dict], columns: list[str]) -> str:
    """Rows of a listing as CSV with a header row."""
    return _csv(columns, ([row.get(column) for column in columns] for row in rows))


def _csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
