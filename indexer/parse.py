"""File -> Report: the load, structure and tagging stages chained for one file."""

from __future__ import annotations

from pathlib import Path

from .chunks import build_report, content_hash, report_id_for
from .loading import DEFAULT_MAX_BYTES, read_source, to_html
from .records import Report
from .structure import find_date, parse_html
from .themes import Taxonomy, default_taxonomy


def parse_text(text: str, kind: str, *, source: str = "report.md", digest: str = "",
               taxonomy: Taxonomy | None = None) -> Report:
    """Pure: report text of a given kind ('markdown', 'html', 'text') -> Report."""
    from .loading import Source

    return _build(Source(text=text, kind=kind, encoding="utf-8", raw=text.encode()),
                  Path(source), digest, taxonomy)


def parse_file(path: Path, *, taxonomy: Taxonomy | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None) -> Report:
    """Read one file and return its Report; raises InputError for bad files."""
    loaded = read_source(path, max_bytes)
    return _build(loaded, Path(source or str(path)), content_hash(loaded.raw), taxonomy)


def _build(loaded, path: Path, digest: str, taxonomy: Taxonomy | None) -> Report:
    metadata, markup = to_html(loaded)
    if loaded.encoding not in ("utf-8", "ascii"):
        metadata = {**metadata, "encoding": loaded.encoding}
    document = parse_html(markup, metadata, fallback_title=_title_from_name(path),
                          fallback_date=find_date(path.stem.replace("_", "-")))
    return build_report(document, report_id=report_id_for(path, metadata), source=str(path),
                        digest=digest or content_hash(loaded.raw),
                        taxonomy=taxonomy or default_taxonomy())


def _title_from_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Untitled"
