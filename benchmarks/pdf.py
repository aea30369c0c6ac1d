"""``python -m benchmarks.pdf``: how fast PDFs are read and indexed, in pages per second.

Takes the PDFs in ``../shared/corpora`` (report pages and slides), copies each
``--copies`` times into a work folder (each copy a report of its own), and times
(1) the conversion alone (pdfminer.six characters -> lines -> HTML, in this process) and
(2) ``reports index`` on the folder, fresh index, the way a user runs it (each file
converted in a bounded child, parsed, tagged and written). Prints one line per phase
and writes the numbers to ``benchmarks/results-pdf.json``. Not run by the tests.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pdf")
    parser.add_argument("--corpora", default=str(DEFAULT_CORPORA))
    parser.add_argument("--copies", type=int, default=5, help="copies of each PDF indexed")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results-pdf.json"))
    args = parser.parse_args(argv)
    sources = sorted(Path(args.corpora).rglob("*.pdf"))
    if not sources:
        print(f"benchmarks.pdf: no PDF under {args.corpora}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from indexer.ingest_pdf import convert
    from indexer.pipeline import index_paths

    pages = 0
    started = time.perf_counter()
    for path in sources:
        pages += convert(path.read_bytes(), str(path)).metadata["pages"]
    convert_s = time.perf_counter() - started

    work = Path(tempfile.mkdtemp(prefix="reports-pdf-bench-"))
    try:
        folder = work / "pdfs"
        folder.mkdir()
        for copy in range(args.copies):
            for path in sources:
                shutil.copy(path, folder / f"{path.stem}-{copy}.pdf")
        started = time.perf_counter()
        summary = index_paths([str(folder)], work / "index")
        index_s = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    indexed_pages = pages * args.copies
    results = {
        "machine": f"{platform.system()} {platform.machine()}, Python "
                   f"{platform.python_version()}",
        "files": len(sources), "pages": pages, "copies": args.copies,
        "convert_s": round(convert_s, 2), "convert_pages_per_s": round(pages / convert_s, 1),
        "index_files": len(sources) * args.copies, "index_pages": indexed_pages,
        "index_s": round(index_s, 2), "index_pages_per_s": round(indexed_pages / index_s, 1),
        "paragraphs": summary.paragraphs, "failed": summary.failed,
    }
    print(f"convert: {pages} pages of {len(sources)} PDFs in {convert_s:.2f} s = "
          f"{results['convert_pages_per_s']} pages/s (one process)")
    print(f"index:   {indexed_pages} pages of {len(sources) * args.copies} PDFs in "
          f"{index_s:.2f} s = {results['index_pages_per_s']} pages/s "
          f"({summary.paragraphs} paragraphs, {summary.failed} failed)")
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
