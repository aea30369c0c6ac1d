"""The facade: index files and folders into an index, incrementally and safely."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .bounded import DEFAULT_TIMEOUT
from .chunks import content_hash, report_id_for
from .errors import InputError, InputSkipped, ReportsError, UsageError, reporting_damage
from .ingest_pdf import DEFAULT_MAX_PAGES
from .loading import DEFAULT_MAX_BYTES, SUFFIXES, check_size, split_front_matter
from .parse import parse_file
from .records import Report
from .store import (
    ReportWriter,
    destroy,
    open_index,
    save_themes,
    saved_themes_file,
    stored_manifest,
)
from .themes import load_taxonomy
from .writers import exit_with_parent

# a commit after this many reports or paragraphs, whichever comes first: an interruption
# loses at most one batch, and few commits keep the number of segments down
BATCH_REPORTS = 2000
BATCH_PARAGRAPHS = 50_000
# a job this large is written by several processes (each its own segment)
PARALLEL_WRITE_TASKS = 200


@dataclass
class Summary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    pruned: int = 0
    failed: int = 0
    skipped: int = 0
    paragraphs: int = 0
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    interrupted: bool = False

    def line(self) -> str:
        skipped = f"{self.skipped} skipped, " if self.skipped else ""
        noun = "paragraph" if self.paragraphs == 1 else "paragraphs"
        return (f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
                f"{skipped}{self.pruned} pruned, {self.failed} failed ({self.paragraphs} "
                f"{noun} indexed)")


@dataclass(frozen=True, slots=True)
class _Task:
    path: Path
    report_id: str
    digest: str
    status: str  # "new" | "updated"
    seen_as: dict  # size, mtime_ns and read_ns of the file when it was read


def check_paths(paths: list[str]) -> None:
    """Every path given must exist: a typo is a usage error, before anything is written."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            reason = "broken or looping symbolic link" if path.is_symlink() else \
                "no such file or folder"
            raise UsageError(f"{given}: {reason}")


def discover(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Report files under the given paths (folders recursively), and errors for bad paths."""
    files: list[Path] = []
    errors: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=False, onerror=lambda e, g=given:
                                             errors.append(f"{e.filename or g}: {e.strerror}")):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in SUFFIXES and not name.startswith("."):
                        files.append(candidate)
        elif path.is_file():
            files.append(path)
        elif path.is_symlink():
            errors.append(f"{given}: broken or looping symbolic link")
        else:
            errors.append(f"{given}: no such file or folder")
    return list(dict.fromkeys(files)), errors


def file_state(path: str | None) -> bool | None:
    """Whether a report's file is still there: True, False, or None when it cannot be
    checked (an unreadable folder): such a report is kept."""
    if not path:
        return False
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return None
    return True


def index_paths(paths: list[str], index_dir: Path, **options) -> Summary:
    """Index report files and folders. Unchanged files are skipped by content hash, changed
    ones replaced in the same commit that removes their old version. Options: ``prune``,
    ``rebuild``, ``wait`` (seconds), ``themes_file``, ``max_bytes``, ``max_pages`` (of a
    PDF), ``file_timeout`` (seconds to convert one Word or PDF file), ``progress``."""
    with reporting_damage(index_dir):
        return _index_paths(paths, Path(index_dir), **options)


def _index_paths(paths: list[str], index_dir: Path, *, prune: bool = False,
                 rebuild: bool = False, wait: float = 0.0, themes_file: Path | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES,
                 file_timeout: float = DEFAULT_TIMEOUT,
                 progress: Callable[[int, int, str], None] | None = None) -> Summary:
    check_paths(paths)
    taxonomy = load_taxonomy(themes_file)  # a bad themes file stops us before any write
    if rebuild:
        destroy(index_dir)
    ix = open_index(index_dir, create=True)
    if themes_file is not None:
        save_themes(index_dir, Path(themes_file).read_text("utf-8"))
    else:
        saved = saved_themes_file(index_dir)
        taxonomy = load_taxonomy(saved) if saved else taxonomy
    files, path_errors = discover(paths)
    planned_at = ix.latest_generation()
    stored, tasks, seen_ids, summary = _plan_run(ix, files, path_errors, max_bytes)
    procs = _writer_processes(len(tasks))
    writer = ReportWriter(ix, wait=wait, procs=procs, manifest=stored)
    if ix.latest_generation() != planned_at:
        # another indexer committed while this one waited for the lock: plan again from
        # what the index holds now (report ids, collisions, the manifest)
        writer.cancel()
        stored, tasks, seen_ids, summary = _plan_run(ix, files, path_errors, max_bytes)
        writer = ReportWriter(ix, wait=wait, procs=procs, manifest=stored)
    committed = _copy(summary)
    try:
        limits = (max_bytes, max_pages, file_timeout)
        for done, (task, report) in enumerate(_parse_all(tasks, taxonomy, limits, summary,
                                                         writer.lock_fd),
                                              start=1):
            if progress:
                progress(done, len(tasks), str(task.path))
            if report is None:
                continue
            for old_id, record in stored.items():  # a renamed file keeps one copy
                if (record.get("hash") == task.digest and old_id != report.id
                        and file_state(record.get("path")) is False):
                    writer.remove(old_id)
                    summary.notices.append(f"{task.path}: replaces moved report {old_id}")
            writer.replace(report, str(task.path.resolve()), task.seen_as)
            summary.paragraphs += len(report.chunks)
            setattr(summary, task.status, getattr(summary, task.status) + 1)
            if writer.pending >= BATCH_REPORTS or writer.pending_paragraphs >= BATCH_PARAGRAPHS:
                writer.commit()
                committed = _copy(summary)
                writer = ReportWriter(ix, wait=wait, procs=procs, manifest=stored)
        if prune:
            _prune(writer, stored, seen_ids, summary)
        writer.commit()
    except KeyboardInterrupt:
        writer.cancel()
        committed.interrupted = True
        return committed  # what is in the index now: the batches committed before
    except BaseException:
        writer.cancel()
        raise
    return summary


def _plan_run(ix, files, path_errors, max_bytes):
    summary = Summary(failed=len(path_errors), errors=list(path_errors))
    stored = stored_manifest(ix)
    tasks, seen_ids = _plan(files, stored, summary, max_bytes)
    return stored, tasks, seen_ids, summary


def _prune(writer, stored: dict[str, dict], seen_ids: set[str], summary: Summary) -> None:
    for report_id, record in list(stored.items()):
        if report_id in seen_ids:
            continue
        state = file_state(record.get("path"))
        if state is False:
            writer.remove(report_id)
            summary.pruned += 1
        elif state is None:
            summary.notices.append(f"{record.get('path')}: cannot check whether the file "
                                   f"is still there; report {report_id} kept")


def _writer_processes(tasks: int) -> int:
    return _worker_count() if tasks >= PARALLEL_WRITE_TASKS else 1


def _worker_count() -> int:
    return min(os.cpu_count() or 1, 4)


def _copy(summary: Summary) -> Summary:
    return Summary(summary.new, summary.updated, summary.unchanged, summary.pruned,
                   summary.failed, summary.skipped, summary.paragraphs, list(summary.errors),
                   list(summary.notices))


def _plan(files: list[Path], stored: dict[str, dict], summary: Summary,
          max_bytes: int) -> tuple[list[_Task], set[str]]:
    """Which files need parsing: hash each one and compare with what the index holds."""
    tasks: list[_Task] = []
    seen: dict[str, Path] = {}
    by_path = {record.get("path"): report_id for report_id, record in stored.items()}
    folders: dict[Path, Path] = {}
    for path in files:
        try:
            stat = path.stat()
            check_size(path, stat.st_size, max_bytes)
            absolute = _absolute(path, folders)
            known = by_path.get(absolute)
            if known is not None and known not in seen and \
                    _unchanged_since_read(stored[known], stat):
                seen[known] = path
                summary.unchanged += 1
                continue
            read_ns = time.time_ns()
            raw = path.read_bytes()
        except InputSkipped as exc:
            summary.notices.append(f"skipped {exc}")
            summary.skipped += 1
            continue
        except InputError as exc:
            summary.errors.append(str(exc))
            summary.failed += 1
            continue
        except OSError as exc:
            summary.errors.append(f"{path}: {exc.strerror or exc}")
            summary.failed += 1
            continue
        report_id = _report_id(path, raw)
        if report_id in seen and seen[report_id] != path:
            report_id = f"{report_id}-{content_hash(absolute.encode())[:6]}"
        elif report_id in stored and stored[report_id].get("path") not in (absolute, None) \
                and file_state(stored[report_id]["path"]) is not False:
            report_id = f"{report_id}-{content_hash(absolute.encode())[:6]}"
        seen[report_id] = path
        digest = content_hash(raw)
        record = stored.get(report_id)
        seen_as = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "read_ns": read_ns}
        if record and record.get("hash") == digest:
            summary.unchanged += 1
            continue
        tasks.append(_Task(path, report_id, digest, "updated" if record else "new", seen_as))
    return tasks, set(seen)


def _absolute(path: Path, folders: dict[Path, Path]) -> str:
    """The file's resolved path, resolving each folder once (resolving every file
    checks each part of its path: seconds for ten thousand files)."""
    if path.is_symlink():
        return str(path.resolve())
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return str(folder / path.name)


def _unchanged_since_read(record: dict, stat) -> bool:
    """Same size and modification time as when it was last read, and that modification
    came well before the read (a file changed in the same instant as it was read could
    otherwise keep its old content here): the file is not read or hashed again."""
    return (record.get("size") == stat.st_size
            and record.get("mtime_ns") == stat.st_mtime_ns
            and stat.st_mtime_ns < record.get("read_ns", 0) - 1_000_000_000)


def _report_id(path: Path, raw: bytes) -> str:
    metadata: dict = {}
    if path.suffix.lower() in (".md", ".markdown", ".txt") and raw.startswith(b"---"):
        metadata, _ = split_front_matter(raw[:4096].decode("utf-8", "replace"))
    return report_id_for(path, metadata)


def _parse_one(args) -> tuple[Report | None, str | None]:
    path, report_id, digest, taxonomy, (max_bytes, max_pages, timeout) = args
    try:
        report = parse_file(path, taxonomy=taxonomy, max_bytes=max_bytes, max_pages=max_pages,
                            timeout=timeout, report_id=report_id, digest=digest)
    except InputSkipped as exc:
        return None, f"skipped {exc}"
    except ReportsError as exc:
        return None, str(exc)
    except RecursionError:
        return None, f"{path}: markup nested too deeply to read"
    except (ValueError, LookupError, AssertionError) as exc:  # malformed markup in a parser
        return None, f"{path}: cannot parse ({type(exc).__name__}: {exc})"
    except Exception as exc:  # noqa: BLE001 - a fault reading one file must not stop the rest
        if os.environ.get("REPORTS_DEBUG"):
            raise
        return None, (f"{path}: not indexed, an internal error reading it "
                      f"({type(exc).__name__}: {exc})")
    if not report.chunks:
        return None, f"{path}: no text found"
    return report, None


def _parse_all(tasks: list[_Task], taxonomy, limits: tuple[int, int, float],
               summary: Summary, lock_fd: int | None = None
               ) -> Iterator[tuple[_Task, Report | None]]:
    """Parse in worker processes when there is enough work to pay for them. ``limits``:
    bytes of a file, pages of a PDF, seconds to convert a Word or PDF file."""
    jobs = [(t.path, t.report_id, t.digest, taxonomy, limits) for t in tasks]
    workers = _worker_count()
    if len(tasks) >= 8 and workers > 1:
        import multiprocessing

        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with context.Pool(workers, initializer=exit_with_parent,
                          initargs=(lock_fd,)) as pool:
            results = pool.imap(_parse_one, jobs, chunksize=4)
            yield from _collect(tasks, results, summary)
    else:
        yield from _collect(tasks, map(_parse_one, jobs), summary)


def _collect(tasks, results, summary: Summary):
    for task, (report, error) in zip(tasks, results, strict=True):
        if error and error.startswith("skipped "):
            summary.notices.append(error)
            summary.skipped += 1
        elif error:
            summary.errors.append(error)
            summary.failed += 1
        yield task, report


def remove_reports(index_dir: Path, report_ids: list[str], wait: float = 0.0) -> int:
    """Drop reports by id, all or none: an unknown id is a usage error and nothing is
    removed. Returns how many were removed."""
    with reporting_damage(index_dir):
        return _remove_reports(open_index(index_dir), report_ids, wait)


def _remove_reports(ix, report_ids: list[str], wait: float) -> int:
    writer = ReportWriter(ix, wait=wait)  # the lock first: the ids are checked as of now
    try:
        stored = stored_manifest(ix)
        missing = [rid for rid in dict.fromkeys(report_ids) if rid not in stored]
        if missing:
            raise UsageError(unknown_reports_message(missing, stored))
        writer.track(stored)
        for rid in dict.fromkeys(report_ids):
            writer.remove(rid)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return len(set(report_ids))


def unknown_reports_message(missing: list[str], known) -> str:
    """At most a few ids named, and the way to see them all."""
    import difflib

    shown = ", ".join(repr(m) for m in missing[:10])
    more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
    noun = "report" if len(missing) == 1 else "reports"
    close = difflib.get_close_matches(missing[0], list(known), n=3, cutoff=0.5) \
        if len(missing) == 1 else []
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown {noun} {shown}{more}{hint} (nothing was removed; see `reports list`)"
