"""What search results show of their reports (title, date, source) and the reports a
``title:`` query picks, read from the report records in the index one report at a time:
paragraphs do not carry them, and a search reads only the reports it shows. A mixin of
``Library``: it reads ``self.searcher()`` and ``self._reports``."""

from __future__ import annotations

import json

from indexer.schema import KIND_REPORT

from ..query import expand_fuzzy


class ReportFacts:
    _reports: dict[str, dict] | None
    _facts: dict[str, dict]
    _facts_for: object

    def _reports_titled(self, q) -> list[str]:
        """The ids of the reports whose title matches ``q``, a query on the title field:
        only the report records carry the title in the index."""
        from whoosh.query import And, Term

        searcher = self.searcher()
        q = expand_fuzzy(q, searcher.reader())
        found = searcher.search(And([Term("kind", KIND_REPORT), q]), limit=None)
        return sorted({hit["report_id"] for hit in found})

    def report_facts(self, report_id: str) -> dict:
        """A report's title, date (ISO) and source, from its record (its paragraphs do not
        carry them); read once per report and searcher, and only for the reports shown,
        not every record."""
        searcher = self.searcher()
        if self._facts_for is not searcher:
            self._facts, self._facts_for = {}, searcher
        facts = self._facts
        if report_id not in facts:
            record = self._reports.get(report_id) if self._reports is not None else None
            if record is None:
                fields = searcher.document(chunk_id=f"{report_id}:0") or {}
                record = json.loads(fields["data"]) if "data" in fields else {}
            when = record.get("date")
            facts[report_id] = {"title": record.get("title", ""),
                                "date": _day(when) if when else None,
                                "source": record.get("source", "")}
        return facts[report_id]

    def report_ordinal(self, report_id: str) -> int:
        """A report's date as a day number (0 without a date), for ordering ties."""
        from datetime import date

        when = self.report_facts(report_id)["date"]
        return date.fromisoformat(when).toordinal() if when else 0


def _day(iso: str) -> str:
    """A report's date as hits show it: the day, whatever precision the record has."""
    from datetime import datetime

    return datetime.fromisoformat(iso).date().isoformat()
