"""File -> Report: the load, structure and tagging stages chained for one file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .chunks import build_report, content_hash, report_id_for
from .loading import DEFAULT_MAX_BYTES, Converted, Source, convert, read_source
from .pages import locate_pages
from .records import Report
from .structure import find_date, parse_html
from .themes import Taxonomy, default_taxonomy


def parse_text(text: str, kind: str, *, source: str = "report.md", digest: str = "",
               taxonomy: Taxonomy | None = None) -> Report:
    """Pure: report text of a given kind ('markdown', 'html', 'text') -> Report."""
    loaded = Source(text=text, kind=kind, encoding="utf-8", raw=text.encode())
    return _build(loaded, convert(loaded, source), Path(source), digest, taxonomy)


def parse_file(path: Path, *, taxonomy: Taxonomy | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None,
               max_pages: int | None = None, timeout: float | None = None,
               report_id: str | None = None, digest: str | None = None) -> Report:
    """Read one file and return its Report; raises InputError for bad files. Word and PDF
    files are converted within ``timeout`` seconds, PDFs of at most ``max_pages``.
    ``report_id`` and ``digest``: the id and content hash already settled for the file
    (the indexer's plan hashes every file and settles colliding ids), used as given."""
    loaded = read_source(path, max_bytes)
    converted = convert(loaded, str(path), max_pages=max_pages, timeout=timeout)
    return _build(loaded, converted, Path(source or str(path)),
                  digest or content_hash(loaded.raw), taxonomy, report_id)


def _build(loaded: Source, converted: Converted, path: Path, digest: str,
           taxonomy: Taxonomy | None, report_id: str | None = None) -> Report:
    metadata = converted.metadata
    if loaded.encoding not in ("utf-8", "ascii", "binary"):
        metadata = {**metadata, "encoding": loaded.encoding}
    document = parse_html(converted.html, metadata, fallback_title=_title_from_name(path),
                          fallback_date=find_date(path.stem.replace("_", "-")))
    if converted.pages:
        document = replace(document, blocks=locate_pages(document.blocks, converted.pages))
    if document.date is None and metadata.get("document_created"):
        # the file's own date only when neither the text nor the file name gives one
        document = replace(document, date=metadata["document_created"])
    return build_report(document, report_id=report_id or report_id_for(path, metadata),
                        source=str(path),
                        digest=digest or content_hash(loaded.raw),
                        taxonomy=taxonomy or default_taxonomy())


def _title_from_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Untitled"
