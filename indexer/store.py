"""The index on disk: open or create it, read what it holds, add/replace/remove reports.

Reports and their paragraphs live in one Whoosh index (a report document beside its
chunk documents), so replacing a report is one commit: never missing, never doubled.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from .errors import IndexLockedError, IndexMissingError, IndexVersionError, ReportsError
from .facet_tables import write_missing_tables
from .index_folder import (
    INDEX_NAME,
    MANIFEST_FILE,
    THEMES_FILE,
    claim_folder,
    clear_index_files,
    drop_legacy_files,
    has_whoosh_index,
    is_index_folder,
    read_marker,
    write_marker,
)
from .records import Report
from .schema import FORMAT_VERSION, KIND_CHUNK, KIND_REPORT, make_schema
from .stamped import read_stamped, write_stamped


def open_index(path: Path, create: bool = False):
    """Open the index at ``path`` (creating it when asked), checking its format version.
    Creating needs a new or empty folder, or one that is already an index."""
    from whoosh import index

    from .whoosh_ext import patches

    patches.install()
    path = Path(path)
    if create:
        claim_folder(path, FORMAT_VERSION)
        drop_legacy_files(path)
        if not has_whoosh_index(path):
            try:
                return index.create_in(str(path), make_schema(), indexname=INDEX_NAME)
            except OSError as exc:
                raise ReportsError(f"{path}: cannot create index ({exc.strerror})") from None
    elif not is_index_folder(path) or not has_whoosh_index(path):
        raise IndexMissingError(f"no index at {path}; run `reports index PATH...` first")
    check_version(path)
    try:
        return index.open_dir(str(path), indexname=INDEX_NAME)
    except Exception as exc:  # a damaged or foreign index: say so, do not crash
        raise IndexVersionError(f"{path}: cannot open index ({exc}); "
                                "run `reports index --rebuild PATH...`") from None


def check_version(path: Path) -> None:
    found = read_marker(path)
    if found != FORMAT_VERSION:
        raise IndexVersionError(
            f"{path}: index format {found or 'unknown'} is not the format this version "
            f"reads ({FORMAT_VERSION}); run `reports index --rebuild PATH...`")


def destroy(path: Path) -> None:
    """Empty an index folder of the index (for ``--rebuild``): only the files the index
    wrote go; the folder and anything else in it stay."""
    path = Path(path)
    if path.exists():
        if not is_index_folder(path):
            claim_folder(path, FORMAT_VERSION)  # refuses a folder that is not ours
        clear_index_files(path)
        write_marker(path, FORMAT_VERSION)


def stored_reports(ix) -> dict[str, dict]:
    """report id -> the report's stored record (title, date, source, hash, people ...)."""
    records = {}
    with ix.searcher() as searcher:
        for fields in searcher.documents(kind=KIND_REPORT):
            records[fields["report_id"]] = json.loads(fields["data"])
    return records


# what planning an update needs of each report: where it came from and what it held
MANIFEST_KEYS = ("path", "hash", "size", "mtime_ns", "read_ns")


def _manifest_entry(record: dict) -> dict:
    return {key: record[key] for key in MANIFEST_KEYS if key in record}


def stored_manifest(ix) -> dict[str, dict]:
    """report id -> its path, content hash and file size/times when read. Read from the
    manifest file when it was written for the index's current generation (reading ten
    thousand stored records from the index takes seconds), else from the index,
    refreshing the file. Kept small: an indexer holds it for the whole run."""
    found = read_stamped(_manifest_path(ix), _manifest_stamp(ix), 1)
    if found is not None:
        return found[0]
    manifest = {rid: _manifest_entry(rec) for rid, rec in stored_reports(ix).items()}
    write_stamped(_manifest_path(ix), _manifest_stamp(ix), manifest)
    return manifest


def _manifest_path(ix) -> Path:
    return Path(ix.storage.folder) / MANIFEST_FILE


def _manifest_stamp(ix) -> tuple[int, int]:
    """A crash between a commit and the manifest's rewrite leaves an older stamp: the
    manifest is then read from the index again."""
    return (FORMAT_VERSION, ix.latest_generation())


def _as_datetime(iso: str | None) -> datetime | None:
    return datetime.fromisoformat(iso) if iso else None


def report_record(report: Report, absolute_source: str) -> dict:
    return {
        "id": report.id, "title": report.title, "date": report.date, "source": report.source,
        "path": absolute_source, "hash": report.content_hash, "metadata": report.metadata,
        "paragraphs": len(report.chunks), "people": [asdict(p) for p in report.people],
    }


def report_documents(report: Report, absolute_source: str,
                     record: dict | None = None) -> Iterable[dict]:
    """The Whoosh documents of one report: its record, then one per chunk."""
    record = record or report_record(report, absolute_source)
    when = _as_datetime(report.date)
    head = {"kind": KIND_REPORT, "chunk_id": f"{report.id}:0", "report_id": report.id,
            "paragraph": 0, "title": report.title, "data": json.dumps(record)}
    if when:
        head["date"] = when
    yield head
    keys = {p.name: p.key for p in report.people}
    for chunk in report.chunks:
        speaker_keys = ",".join(keys.get(s, s.casefold()) for s in chunk.speakers)
        # what showing a paragraph needs beyond its indexed fields; the report's title,
        # date and source stay in the report's record
        data = {"section_path": list(chunk.section_path), "speakers": list(chunk.speakers),
                "speaker_evidence": list(chunk.speaker_evidence),
                "mentions": list(chunk.mentions), "themes": list(chunk.themes),
                "keyphrases": list(chunk.keyphrases)}
        if chunk.page is not None:
            data["page"] = chunk.page
        doc = {
            "kind": KIND_CHUNK, "chunk_id": chunk.chunk_id, "report_id": report.id,
            "paragraph": chunk.position, "text": chunk.text, "section": chunk.section,
            "keyphrases": " ; ".join(chunk.keyphrases),
            "speaker": speaker_keys,
            "mention": ",".join(keys.get(m, m.casefold()) for m in chunk.mentions),
            "theme": ",".join(chunk.themes), "data": json.dumps(data),
            "evidence": ",".join(dict.fromkeys(chunk.speaker_evidence)),
        }
        if when:
            doc["date"] = when
        yield doc


class ReportWriter:
    """Adds, replaces and removes whole reports; nothing is visible until ``commit``.
    ``procs`` > 1 writes through that many processes (for large jobs)."""

    def __init__(self, ix, wait: float = 0.0, procs: int = 1,
                 manifest: dict[str, dict] | None = None):
        """``manifest``: as committed so far (``stored_manifest``); given, it is kept
        current with each commit and saved beside the index."""
        from whoosh.index import LockError

        from .writers import open_writer

        try:
            self._writer = open_writer(ix, procs=procs, wait=wait)
        except LockError:
            raise IndexLockedError("index is locked by another indexer "
                                   "(use --wait SECONDS to wait for it)") from None
        self._ix = ix
        self._manifest = manifest
        self._changes: dict[str, dict | None] = {}
        self.pending = 0
        self.pending_paragraphs = 0

    def track(self, manifest: dict[str, dict]) -> None:
        """Keep ``manifest`` current with each commit (when it was read after the lock
        was taken)."""
        self._manifest = manifest

    @property
    def lock_fd(self) -> int | None:
        from .writers import lock_fd

        return lock_fd(self._writer)

    def replace(self, report: Report, absolute_source: str,
                seen_as: dict | None = None) -> None:
        """``seen_as``: the file's size and modification time when read, kept in the
        record so that an unchanged file is not read again next time."""
        self._writer.delete_by_term("report_id", report.id)
        record = {**report_record(report, absolute_source), **(seen_as or {})}
        for doc in report_documents(report, absolute_source, record):
            self._writer.add_document(**doc)
        self._changes[report.id] = _manifest_entry(record)
        self.pending += 1
        self.pending_paragraphs += len(report.chunks)

    def remove(self, report_id: str) -> None:
        self._writer.delete_by_term("report_id", report_id)
        self._changes[report_id] = None
        self.pending += 1

    def commit(self) -> None:
        from .writers import merge_tiny

        try:
            self._writer.commit(mergetype=merge_tiny)
        except OSError as exc:
            self.cancel()
            raise ReportsError(f"cannot write the index ({exc.strerror or exc}); it keeps "
                               "its last committed state") from None
        except BaseException:
            self.cancel()
            raise
        self.pending = self.pending_paragraphs = 0
        write_missing_tables(self._ix)
        if self._manifest is not None:
            for report_id, entry in self._changes.items():
                if entry is None:
                    self._manifest.pop(report_id, None)
                else:
                    self._manifest[report_id] = entry
            write_stamped(_manifest_path(self._ix), _manifest_stamp(self._ix), self._manifest)
        self._changes = {}

    def cancel(self) -> None:
        """Drop what was not committed and always free the lock, even after a commit
        that failed half-way (Whoosh then keeps its lock until the process ends)."""
        try:
            self._writer.cancel()
        except Exception:  # noqa: BLE001 - the writer is already half-closed
            pass
        finally:
            lock = getattr(self._writer, "writelock", None)
            if lock is not None:
                try:
                    lock.release()
                except Exception:  # noqa: BLE001 - released already
                    pass


def save_themes(path: Path, text: str | None) -> None:
    target = Path(path) / THEMES_FILE
    if text is None:
        return
    target.write_text(text, encoding="utf-8")


def saved_themes_file(path: Path) -> Path | None:
    target = Path(path) / THEMES_FILE
    return target if target.exists() else None
