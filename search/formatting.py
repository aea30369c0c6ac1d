"""Format, then print: every function here returns a string."""

from __future__ import annotations

import html
import json

from .engine import SearchResult
from .highlight import render, snippet_window

HIT_KEYS = ("report_id", "report_title", "date", "source", "section", "section_path",
            "paragraph", "page", "speakers", "speaker_evidence", "mentions", "themes",
            "keyphrases", "score", "text", "snippet", "highlights")
EXPORT_KEYS = ("chunk_id", "report_id", "report_title", "date", "source", "section",
               "section_path", "paragraph", "page", "speakers", "speaker_evidence",
               "mentions", "themes", "keyphrases", "text")


def hit_json(hit: dict) -> dict:
    return {key: hit[key] for key in HIT_KEYS}


def export_line(chunk: dict) -> str:
    return json.dumps({key: chunk[key] for key in EXPORT_KEYS}, ensure_ascii=False)


def format_json(result: SearchResult, **extra) -> str:
    """The contract's search object; ``extra`` keys follow it (``key_terms``)."""
    out = result.as_json()
    out["hits"] = [hit_json(h) for h in result.hits]
    out.update(extra)
    if result.explanation:
        out["explain"] = explain_json(result)
    return json.dumps(out, ensure_ascii=False, indent=2)


def explain_json(result: SearchResult) -> dict:
    """``--explain`` for scripts: the lines the text output prints, and each hit's score
    parts."""
    return {"lines": list(result.explanation),
            "hits": [{"chunk_id": h["chunk_id"], "score": h.get("score"),
                      "parts": [[label, value] for label, value in h.get("_parts") or []],
                      "matched": h.get("_matched", [])} for h in result.hits]}


def _mark_text(color: bool) -> tuple[str, str]:
    if color:
        return "\x1b[1;33m", "\x1b[0m"
    return "**", "**"


# --facet choices -> the facets object's keys, and how many values a line shows
FACET_KEYS = {"speaker": "speakers", "theme": "themes", "report": "reports", "year": "years"}
FACET_SHOWN = {"speakers": 8, "themes": 8, "reports": 8, "years": None}  # every year


def format_text(result: SearchResult, color: bool = False,
                facets: tuple[str, ...] = ("speakers", "themes")) -> str:
    """Hits as numbered entries, then a line of counts for each of ``facets``."""
    import click

    lines = []
    if result.suggestion:
        lines.append(f"Did you mean: {result.suggestion}")
    first = (result.page - 1) * result.limit + 1
    shown = f"{first}-{first + len(result.hits) - 1} of " if result.hits else ""
    lines.append(f"{shown}{result.description}" + (f" for {result.query!r}" if result.query
                                                     else ""))
    for number, hit in enumerate(result.hits, start=first):
        page = f"p. {hit['page']}" if hit.get("page") else ""
        head = " — ".join(x for x in (hit["report_title"], hit["date"], hit["section"], page)
                          if x)
        title = click.style(head, bold=True) if color else head
        lines.append("")
        lines.append(f"{number}. {title}")
        window = _window(hit)
        body = render(hit["text"], [tuple(s) for s in hit["highlights"]], window,
                      _mark_text(color))
        who = ", ".join(hit["speakers"])
        lines.append("   " + (f"{who}: " if who else "") + body)
        lines.append(f"   [{hit['report_id']}:{hit['paragraph']}]"
                     + (f"  themes: {', '.join(hit['themes'])}" if hit["themes"] else ""))
    counts = result.facets
    if result.total and any(counts.get(label) for label in facets):
        lines.append("")
        for label in facets:
            if counts.get(label):
                top = ", ".join(f"{k} ({v})" for k, v in
                                list(counts[label].items())[:FACET_SHOWN[label]])
                lines.append(f"{label.capitalize()}: {top}")
    if result.explanation:
        lines.append("")
        lines.extend(f"explain: {line}" for line in result.explanation)
    return "\n".join(lines)


def _window(hit: dict) -> tuple[int, int]:
    """The fragment the engine chose for the snippet."""
    return hit.get("_window") or snippet_window(hit["text"],
                                                [tuple(s) for s in hit["highlights"]])


def format_html(result: SearchResult) -> str:
    esc = html.escape
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{esc(result.query or 'reports')}</title></head><body>"]
    if result.suggestion:
        parts.append(f"<p class=\"suggestion\">Did you mean: {esc(result.suggestion)}</p>")
    parts.append(f"<p class=\"summary\">{esc(result.description)}</p><ol>")
    for hit in result.hits:
        body = render(hit["text"], [tuple(s) for s in hit["highlights"]], _window(hit),
                      ("<mark>", "</mark>"), escape=esc)
        meta = " — ".join(esc(x) for x in (hit["report_title"], hit["date"] or "",
                                          hit["section"]) if x)
        who = esc(", ".join(hit["speakers"]))
        parts.append(f"<li><p class=\"meta\">{meta}</p>"
                     + (f"<p class=\"speakers\">{who}</p>" if who else "")
                     + f"<p class=\"snippet\">{body}</p></li>")
    parts.append("</ol>")
    if result.explanation:
        parts.append("<details class=\"explain\"><summary>Explain</summary><pre>"
                     + esc("\n".join(result.explanation)) + "</pre></details>")
    parts.append("</body></html>")
    return "\n".join(parts)


def format_table(rows: list[dict], columns: list[str]) -> str:
    if not rows:
        return "(none)"
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [min(60, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    for row in cells:
        lines.append("  ".join(_clip(v, w).ljust(w) for v, w in zip(row, widths,
                                                                     strict=True)).rstrip())
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def format_outline(report: dict, chunks: list[dict]) -> str:
    lines = [f"{report['title']} ({report.get('date') or 'no date'})",
             f"id: {report['id']}  source: {report['source']}  paragraphs: {len(chunks)}", ""]
    last_path: list[str] = []
    for chunk in chunks:
        path = chunk["section_path"]
        for depth, heading in enumerate(path):
            if depth >= len(last_path) or last_path[depth] != heading:
                lines.append("  " * depth + f"# {heading}")
        last_path = path
        who = f" [{', '.join(chunk['speakers'])}]" if chunk["speakers"] else ""
        preview = chunk["text"].replace("\n", " ")
        preview = preview if len(preview) <= 70 else preview[:69] + "…"
        lines.append("  " * len(path) + f"{chunk['paragraph']:>3}.{who} {preview}")
    return "\n".join(lines)


def format_paragraphs(chunks: list[dict], focus: int) -> str:
    out = []
    for chunk in chunks:
        marker = ">>" if chunk["paragraph"] == focus else "  "
        who = f" [{', '.join(chunk['speakers'])}]" if chunk["speakers"] else ""
        out.append(f"{marker} {chunk['paragraph']}. {chunk['section']}{who}\n   {chunk['text']}")
    return "\n\n".join(out)
