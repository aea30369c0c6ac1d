"""Presentation helpers for the templates: snippets with their marks, pagination, a
report's outline and speaker tints. No searching here: these shape what the library
returned."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..highlight import render, snippet_window

TINTS = 8  # distinct speaker tints; later people share the last ones round again


def marked_snippet(hit: dict) -> Markup:
    """The hit's snippet with its matches in <mark>: built from the highlight offsets,
    every piece of report text escaped on its own."""
    spans = [tuple(s) for s in hit["highlights"]]
    window = hit.get("_window") or snippet_window(hit["text"], spans)
    return Markup(render(hit["text"], spans, window, ("<mark>", "</mark>"),
                         escape=lambda s: str(escape(s))))


def marked_text(text: str, spans: list) -> Markup:
    """A whole paragraph with the given spans marked."""
    return Markup(render(text, [tuple(s) for s in spans], (0, len(text)),
                         ("<mark>", "</mark>"), escape=lambda s: str(escape(s))))


def pagination(total: int, page: int, limit: int, around: int = 2) -> list[int | None]:
    """Page numbers to link: the first, the last, and those around the current one;
    None where pages are left out."""
    last = max(1, -(-total // limit))
    wanted = {1, last, *range(max(1, page - around), min(last, page + around) + 1)}
    out: list[int | None] = []
    for number in sorted(wanted):
        if out and out[-1] is not None and number > out[-1] + 1:
            out.append(None)
        out.append(number)
    return out


def shown_range(total: int, page: int, limit: int, shown: int) -> tuple[int, int]:
    """The numbers of the first and last hit on this page (1-based)."""
    first = (page - 1) * limit + 1
    return (first, first + shown - 1) if shown else (0, 0)


def sections_outline(chunks: list[dict]) -> list[tuple[int, str, int]]:
    """(depth, heading, first paragraph under it) for each section, in order."""
    out = []
    previous: list[str] = []
    for chunk in chunks:
        path = chunk["section_path"]
        same = 0
        while same < min(len(path), len(previous)) and path[same] == previous[same]:
            same += 1
        out.extend((depth, path[depth], chunk["paragraph"]) for depth in range(same, len(path)))
        previous = path
    return out


def report_rows(chunks: list[dict]) -> list[dict]:
    """Each paragraph with the headings that open before it (depth, heading) and
    whether its speakers are those of the paragraph before (a turn goes on)."""
    rows = []
    previous: list[str] = []
    speakers: list[str] | None = None
    for chunk in chunks:
        path = chunk["section_path"]
        same = 0
        while same < min(len(path), len(previous)) and path[same] == previous[same]:
            same += 1
        rows.append({"chunk": chunk,
                     "headings": [(depth, path[depth]) for depth in range(same, len(path))],
                     "goes_on": bool(chunk["speakers"]) and chunk["speakers"] == speakers})
        previous, speakers = path, chunk["speakers"]
    return rows


def tints(people: list[dict]) -> dict[str, int]:
    """Speaker name -> tint number, the people of most paragraphs first."""
    return {row["name"]: i % TINTS for i, row in enumerate(people)}


def sort_rows(rows: list[dict], sorts: dict, key: str | None) -> tuple[list[dict], str]:
    """Rows in the order asked for (one of ``sorts``: name -> sort key), else the first."""
    key = key if key in sorts else next(iter(sorts))
    return sorted(rows, key=sorts[key]), key


def heat_levels(table: dict, levels: int = 4) -> dict[str, dict[str, int]]:
    """A shade from 0 (none) to ``levels`` for each cell of a ``theme_table``, by its
    share of the largest cell."""
    peak = max((n for row in table["counts"].values() for n in row.values()), default=0)
    return {name: {theme: -(-n * levels // peak) if n else 0 for theme, n in row.items()}
            for name, row in table["counts"].items()}
