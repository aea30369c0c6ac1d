"""Browsing an opened index: the reports, one report's paragraphs and outline, the
people and the themes. A mixin of ``Library``: it reads ``self.reports``,
``self.directory``, ``self.searcher()`` and the facet counts."""

from __future__ import annotations

import difflib
import json

from indexer.errors import UsageError
from indexer.schema import KIND_CHUNK

from ..matching import matches_of_filter
from .reading import reading_index


class Browsing:
    @reading_index
    def list_reports(self) -> list[dict]:
        rows = [{"id": rid, "title": rec.get("title", ""), "date": rec.get("date"),
                 "paragraphs": rec.get("paragraphs", 0), "source": rec.get("source", "")}
                for rid, rec in self.reports.items()]
        return sorted(rows, key=lambda r: (r["date"] or "", r["id"]))

    @reading_index
    def report_chunks(self, report_id: str, searcher=None) -> list[dict]:
        from whoosh.query import Term

        if report_id not in self.reports:
            raise UsageError(self._unknown_report(report_id))
        searcher = searcher or self.searcher()
        found = searcher.search(Term("report_id", report_id), limit=None,
                                sortedby="paragraph")
        return [self.chunk_record(hit.fields()) for hit in found
                if hit["kind"] == KIND_CHUNK]

    def _unknown_report(self, report_id: str) -> str:
        close = difflib.get_close_matches(report_id, list(self.reports), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `reports list`"
        return f"unknown report {report_id!r}{hint}"

    @reading_index
    def export(self):
        """Every chunk, report by report in paragraph order."""
        searcher = self.searcher()
        for report_id in sorted(self.reports):
            yield from self.report_chunks(report_id, searcher)

    @reading_index
    def theme_counts(self) -> list[dict]:
        live = self._live_counts()["theme"]
        counts = {theme.id: live.get(theme.id, 0) for theme in self.taxonomy.themes}
        labels = {t.id: t.label for t in self.taxonomy.themes}
        rows = [{"theme": tid, "label": labels[tid], "paragraphs": n}
                for tid, n in counts.items()]
        return sorted(rows, key=lambda r: (-r["paragraphs"], r["theme"]))

    @reading_index
    def speakers(self, report_id: str | None = None) -> list[dict]:
        if report_id is not None and report_id not in self.reports:
            raise UsageError(self._unknown_report(report_id))
        counts: dict[str, int] = {}
        if report_id is None:
            counts = self._live_counts()["speaker"]
        else:
            from whoosh.query import Term

            hits = self.searcher().search(Term("report_id", report_id), limit=None)
            for hit in hits:
                for name in json.loads(hit["data"]).get("speakers", []) \
                        if hit["kind"] == KIND_CHUNK else []:
                    counts[name] = counts.get(name, 0) + 1
        rows = []
        for person in self.directory.people:
            if report_id is not None and report_id not in person.reports:
                continue
            if report_id is None:
                paragraphs = sum(counts.get(k, 0) for k in person.keys)
            else:
                paragraphs = sum(n for name, n in counts.items()
                                 if self.directory.display(name) == person.name)
            row = person.as_json()
            row["paragraphs"] = paragraphs
            rows.append(row)
        return sorted(rows, key=lambda r: (-r["paragraphs"], r["name"]))

    @reading_index
    def outline(self, report_id: str) -> dict:
        """A report's record and its paragraphs in order (``reports show ID --json``)."""
        chunks = self.report_chunks(report_id)
        record = self.reports[report_id]
        return {"id": report_id, "title": record.get("title"), "date": record.get("date"),
                "source": record.get("source"), "metadata": record.get("metadata", {}),
                "paragraphs": [{"paragraph": c["paragraph"], "section_path": c["section_path"],
                                "page": c["page"], "speakers": c["speakers"],
                                "speaker_evidence": c["speaker_evidence"], "text": c["text"]}
                               for c in chunks]}

    @reading_index
    def people_named(self, name: str) -> list[dict]:
        """The people a name stands for, as rows of ``speakers()``: whoever is shown under
        exactly that name, else everyone the name may mean (any form, any case). An
        unknown name is a ``UsageError`` saying the closest names."""
        found = self.directory.resolve_or_fail(name)
        exact = [p for p in found if p.name == name]
        counts = self._live_counts()["speaker"]
        rows = []
        for person in exact or found:
            row = person.as_json()
            row["paragraphs"] = sum(counts.get(k, 0) for k in person.keys)
            rows.append(row)
        return sorted(rows, key=lambda r: (-r["paragraphs"], r["name"]))

    @reading_index
    def theme_table(self, people: int = 10, themes: int = 8) -> dict:
        """The people who speak in most paragraphs × the themes most paragraphs carry:
        ``{"people": [names], "themes": [ids], "counts": {name: {theme: paragraphs}}}``."""
        from whoosh.query import Or, Term

        from .facets import segments_of

        memo = getattr(self, "memo", None)  # a pinned library's: one generation's answers
        if memo is not None and ("theme_table", people, themes) in memo:
            return memo[("theme_table", people, themes)]
        top_themes = [r["theme"] for r in self.theme_counts() if r["paragraphs"]][:themes]
        by_name = {p.name: p for p in self.directory.people}
        top_people = [r["name"] for r in self.speakers() if r["paragraphs"]][:people]
        searcher = self.searcher()
        masked = self._report_records(searcher)
        counts = {}
        for name in top_people:
            keys = sorted(by_name[name].keys)
            matched = matches_of_filter(searcher, Or([Term("speaker", k) for k in keys]),
                                        masked)
            found = self.facet_counter.column_counts(segments_of(searcher, matched))
            counts[name] = {t: found["theme"].get(t, 0) for t in top_themes}
        table = {"people": top_people, "themes": top_themes, "counts": counts}
        if memo is not None:
            memo[("theme_table", people, themes)] = table
        return table

    def paragraph_dates(self, report_counts: dict[str, int]) -> dict[str, int]:
        """Date (YYYY-MM-DD) -> paragraphs, from a result's report counts (a paragraph
        carries its report's date); undated reports are left out."""
        dates: dict[str, int] = {}
        for report_id, count in report_counts.items():
            when = self.report_dates.get(report_id)
            if when:
                dates[when[:10]] = dates.get(when[:10], 0) + count
        return dict(sorted(dates.items()))


def by_period(dates: dict[str, int], period: str) -> dict[str, int]:
    """Date counts summed per ``year`` (YYYY) or ``month`` (YYYY-MM), every period
    between the first and the last included (empty ones as 0), in order."""
    width = {"year": 4, "month": 7}[period]
    summed: dict[str, int] = {}
    for when, count in dates.items():
        summed[when[:width]] = summed.get(when[:width], 0) + count
    if not summed:
        return {}
    first, last = min(summed), max(summed)
    out = {}
    year, month = int(first[:4]), int(first[5:7]) if period == "month" else 1
    while True:
        key = f"{year:04d}" if period == "year" else f"{year:04d}-{month:02d}"
        if key > last:
            return out
        out[key] = summed.get(key, 0)
        if period == "year":
            year += 1
        else:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
