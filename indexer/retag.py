"""Switching an index's vocabulary of themes without re-indexing: every stored paragraph
is tagged again from its stored text, and the reports whose themes change are written
back from what the index holds (no file is read again, nobody is attributed again)."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import IndexLockedError, reporting_damage
from .index_folder import THEMES_FILE
from .records import Chunk, Person, Report
from .schema import KIND_CHUNK, KIND_REPORT
from .store import ReportWriter, open_index, save_themes, stored_manifest
from .themes import Taxonomy, combined_taxonomy, default_taxonomy, load_taxonomy

BUILT_IN = "built-in"
NONE = "none"
NO_THEMES = "# no themes: the built-in vocabulary switched off\nreplace = true\n"
# a commit after this many rewritten paragraphs: an interruption loses at most one batch
BATCH_PARAGRAPHS = 50_000
_SEEN_AS = ("size", "mtime_ns", "read_ns")  # kept from the stored record


@dataclass
class RetagSummary:
    paragraphs: int = 0  # paragraphs read
    changed: int = 0  # paragraphs whose themes changed
    reports: int = 0  # reports written back

    def line(self) -> str:
        noun = "paragraph" if self.changed == 1 else "paragraphs"
        return (f"{self.changed} {noun} re-tagged in {self.reports} "
                f"{'report' if self.reports == 1 else 'reports'} "
                f"({self.paragraphs} read)")


def vocabulary_text(vocabulary: str) -> str | None:
    """What ``reports themes --vocabulary`` saves beside the index: ``none`` -> a file
    with no themes that replaces the built-in ones, ``built-in`` -> nothing (None),
    else the text of that themes file (checked here, before anything is written)."""
    if vocabulary == NONE:
        return NO_THEMES
    if vocabulary == BUILT_IN:
        return None
    load_taxonomy(Path(vocabulary))  # a missing or malformed file stops us here
    return Path(vocabulary).read_text("utf-8")


def retag_index(index_dir: Path, vocabulary: str, wait: float = 0.0) -> RetagSummary:
    """Make ``vocabulary`` (a themes file, ``none`` or ``built-in``) the index's themes and
    re-tag every stored paragraph with it, in place. Idempotent: running it again after
    an interruption finishes the job."""
    text = vocabulary_text(vocabulary)
    taxonomy = default_taxonomy() if text is None else combined_taxonomy(text)
    with reporting_damage(index_dir):
        ix = open_index(Path(index_dir))
        try:
            writer = ReportWriter(ix, wait=wait)
        except IndexLockedError:
            raise IndexLockedError("index is locked by another indexer; "
                                   "try again when it is done") from None
        try:
            writer.track(stored_manifest(ix))
            _set_vocabulary(Path(index_dir), text)
            summary = _retag(ix, writer, taxonomy)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
    return summary


def _set_vocabulary(index_dir: Path, text: str | None) -> None:
    if text is None:
        (index_dir / THEMES_FILE).unlink(missing_ok=True)
    else:
        save_themes(index_dir, text)


def _retag(ix, writer: ReportWriter, taxonomy: Taxonomy) -> RetagSummary:
    summary = RetagSummary()
    with ix.searcher() as searcher:  # the committed index, one report at a time
        heads = list(searcher.documents(kind=KIND_REPORT))
        for head in heads:
            stored = list(searcher.documents(report_id=head["report_id"], kind=KIND_CHUNK))
            rebuilt, changed = _rebuilt(head, stored, taxonomy)
            summary.paragraphs += len(stored)
            if not changed:
                continue
            record = json.loads(head["data"])
            writer.replace(rebuilt, record.get("path", ""),
                           seen_as={k: record[k] for k in _SEEN_AS if k in record})
            summary.changed += changed
            summary.reports += 1
            if writer.pending_paragraphs >= BATCH_PARAGRAPHS:
                writer.commit()
    return summary


def _rebuilt(head: dict, stored: list[dict], taxonomy: Taxonomy) -> tuple[Report, int]:
    """The report as the index holds it, its paragraphs tagged with ``taxonomy``, and how
    many of them changed themes."""
    record = json.loads(head["data"])
    chunks, changed = [], 0
    for stored_fields in sorted(stored, key=lambda f: f["paragraph"]):
        data = json.loads(stored_fields["data"])
        themes = taxonomy.tag(stored_fields["text"])
        changed += themes != tuple(data["themes"])
        chunks.append(Chunk(
            report_id=stored_fields["report_id"], position=stored_fields["paragraph"],
            text=stored_fields["text"],
            section_path=tuple(data["section_path"]), speakers=tuple(data["speakers"]),
            mentions=tuple(data["mentions"]), themes=themes,
            keyphrases=tuple(data["keyphrases"]),
            speaker_evidence=tuple(data.get("speaker_evidence", ())), page=data.get("page")))
    known = {f.name for f in fields(Person)}
    people = tuple(Person(**{k: tuple(v) if isinstance(v, list) else v
                             for k, v in p.items() if k in known})
                   for p in record.get("people", ()))
    report = Report(id=record["id"], title=record["title"], date=record["date"],
                    source=record["source"], content_hash=record["hash"],
                    metadata=record.get("metadata", {}), people=people, chunks=tuple(chunks))
    return report, changed
