"""The baselines, fed the same paragraphs as `reports`: plain Whoosh (one process, the
same fields, its stemming analyzer, no parsing or tagging), minimal plain Whoosh (the
fewest fields a search of the mix needs, one writer with 256 MB) and SQLite FTS5 (porter
tokenizer). The first and the last build from a JSON Lines file of paragraphs and answer
the same mix of queries: top 10 with highlights, with speaker and theme counts over the
whole result; the minimal one is built only, as the yardstick for index time and size.

Run as ``python -m benchmarks.baselines whoosh|minimal|fts5 PARAGRAPHS.jsonl TARGET`` to
build an index in a process of its own (so that its time and memory are measured
alone)."""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import datetime
from pathlib import Path


def read_paragraphs(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


# plain Whoosh -----------------------------------------------------------------------------

def whoosh_schema():
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

    analyzer = StemmingAnalyzer()
    return Schema(chunk_id=ID(stored=True, unique=True), report_id=ID(stored=True),
                  paragraph=NUMERIC(stored=True), date=DATETIME(stored=True),
                  text=TEXT(analyzer=analyzer, stored=True),
                  section=TEXT(analyzer=analyzer, stored=True),
                  title=TEXT(analyzer=analyzer, stored=True),
                  speaker=KEYWORD(commas=True, stored=True),
                  theme=KEYWORD(commas=True, stored=True))


def build_whoosh(paragraphs: Path, target: Path) -> None:
    from whoosh import index

    target.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(target), whoosh_schema())
    writer = ix.writer()  # Whoosh's defaults: one process, 128 MB
    for row in read_paragraphs(paragraphs):
        doc = {"chunk_id": row["chunk_id"], "report_id": row["report_id"],
               "paragraph": row["paragraph"], "text": row["text"], "section": row["section"],
               "title": row["title"], "speaker": ",".join(row["speakers"]),
               "theme": ",".join(row["themes"])}
        if row.get("date"):
            doc["date"] = datetime.fromisoformat(row["date"])
        writer.add_document(**doc)
    writer.commit()


def minimal_schema():
    """The least a Whoosh index of these paragraphs holds: the text stored for showing,
    ids, the paragraph number and the filter fields."""
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

    return Schema(chunk_id=ID(stored=True, unique=True), report_id=ID(stored=True),
                  text=TEXT(analyzer=StemmingAnalyzer(), stored=True), section=TEXT,
                  speakers=KEYWORD(commas=True), themes=KEYWORD(commas=True),
                  paragraph=NUMERIC(stored=True))


MINIMAL_WRITER_MB = 256


def build_minimal(paragraphs: Path, target: Path) -> None:
    from whoosh import index

    target.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(target), minimal_schema())
    writer = ix.writer(limitmb=MINIMAL_WRITER_MB)
    for row in read_paragraphs(paragraphs):
        writer.add_document(chunk_id=row["chunk_id"], report_id=row["report_id"],
                            text=row["text"], section=row["section"],
                            speakers=",".join(row["speakers"]),
                            themes=",".join(row["themes"]), paragraph=row["paragraph"])
    writer.commit()


class WhooshSearcher:
    def __init__(self, target: Path):
        from whoosh import index
        from whoosh.qparser import MultifieldParser

        self.ix = index.open_dir(str(target))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["text", "section"], self.ix.schema)

    def search(self, query: dict) -> int:
        from whoosh import sorting
        from whoosh.query import Term

        parsed = self.parser.parse(query["text"])
        wanted = None
        if query.get("speaker_key"):
            wanted = Term("speaker", query["speaker_key"])
        elif query.get("theme"):
            wanted = Term("theme", query["theme"])
        facets = {"speakers": sorting.FieldFacet("speaker", allow_overlap=True,
                                                 maptype=sorting.Count),
                  "themes": sorting.FieldFacet("theme", allow_overlap=True,
                                               maptype=sorting.Count)}
        results = self.searcher.search(parsed, limit=10, filter=wanted, groupedby=facets)
        for hit in results:
            hit.highlights("text")
        results.groups("speakers")
        results.groups("themes")
        return len(results)

    def close(self):
        self.searcher.close()


# SQLite FTS5 ------------------------------------------------------------------------------

def build_fts5(paragraphs: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(target)
    db.execute("CREATE VIRTUAL TABLE p USING fts5(text, section, title, speakers, themes, "
               "chunk_id UNINDEXED, tokenize='porter unicode61')")
    rows = ((r["text"], r["section"], r["title"], " | ".join(r["speakers"]),
             " ".join(r["themes"]), r["chunk_id"]) for r in read_paragraphs(paragraphs))
    db.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.close()


def fts5_expression(query: dict) -> str:
    """The query mix in FTS5's syntax: words ANDed over text and section, a phrase quoted,
    speaker and theme as column filters."""
    text = query["text"]
    if text.startswith('"'):
        words = text
    else:
        words = " AND ".join(f'"{w}"' for w in text.split())
    expression = f"{{text section}} : ({words})"
    if query.get("speaker"):
        expression += f' AND speakers : "{query["speaker"]}"'
    elif query.get("theme"):
        expression += f' AND themes : "{query["theme"]}"'
    return expression


class Fts5Searcher:
    def __init__(self, target: Path):
        self.db = sqlite3.connect(target)

    def search(self, query: dict) -> int:
        expression = fts5_expression(query)
        hits = self.db.execute(
            "SELECT chunk_id, snippet(p, 0, '[', ']', '…', 40) FROM p WHERE p MATCH ? "
            "ORDER BY rank LIMIT 10", (expression,)).fetchall()
        self.db.execute("SELECT speakers, count(*) FROM p WHERE p MATCH ? GROUP BY speakers",
                        (expression,)).fetchall()
        self.db.execute("SELECT themes, count(*) FROM p WHERE p MATCH ? GROUP BY themes",
                        (expression,)).fetchall()
        return len(hits)

    def close(self):
        self.db.close()


def main(argv: list[str]) -> int:
    kind, paragraphs, target = argv
    build = {"whoosh": build_whoosh, "minimal": build_minimal, "fts5": build_fts5}[kind]
    build(Path(paragraphs), Path(target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
