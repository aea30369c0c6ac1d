"""The questions a reader asks after a search: which paragraphs are like this one, who
spoke most about a topic, and how themes spread over people, reports and years. A
mixin of ``Library``: it reads ``self.searcher()``, ``self.matches()``, the facet counts
and the report records."""

from __future__ import annotations

from whoosh.query import Or, Term

from indexer.errors import UsageError
from indexer.schema import KIND_CHUNK, KIND_REPORT

from ..matching import DocSet, find, matches_of_filter
from .explain import describe
from .facets import segments_of
from .hits import add_match, term_offsets
from .reading import reading_index
from .records import SearchRequest, SearchResult

SIMILAR_TERMS = 12  # the paragraph's key terms searched for
COMMON_SHARE = 0.1  # words in more than this share of the paragraphs are no key terms ...
COMMON_FLOOR = 20  # ... unless they are in at most this many (a small index)
SIMILAR_POOL = 50  # candidates, best by words, re-ranked with the boosts below
SPEAKER_BOOST = 1.25  # a candidate spoken by one of the paragraph's speakers
THEME_BOOST = 1.1  # for each theme a candidate shares with the paragraph ...
MAX_THEME_BOOSTS = 3  # ... for this many at most
BY_COLUMNS = {"speaker": "speaker", "report": "report_id", "year": "report_id"}


class NextQuestions:
    @reading_index
    def similar(self, report_id: str, paragraph: int, limit: int = 10,
                other_reports: bool = False) -> SearchResult:
        """The paragraphs most like one paragraph: its key terms (Whoosh's Bo1 model over
        its analysed words) searched for, the best candidates then boosted where they
        share a speaker or themes with it. Never the paragraph itself; with
        ``other_reports``, nothing of its report. ``query`` is ``ID:N``."""
        if limit < 1:
            raise UsageError(f"--limit must be 1 or more, not {limit}")
        searcher = self.searcher()
        docnum = self._paragraph_docnum(report_id, paragraph)
        source = self.chunk_record(searcher.stored_fields(docnum))
        terms = self.key_terms(docnum)
        hits, total, segments = [], 0, []
        if terms:  # none when the paragraph is all stop words: nothing is like it
            query = Or([Term("text", word, boost=weight) for word, weight in terms])
            found = find(searcher, query, limit=max(SIMILAR_POOL, limit), allowed=None,
                         masked=self._unwanted(report_id, paragraph, other_reports))
            words = ({word for word, _ in terms}, [])
            hits = [{**add_match(record, searcher, hit, words), "score": score}
                    for score, hit, record in self._boosted(found.results, source)[:limit]]
            total, segments = found.total, found.segments
        target = f"{report_id}:{paragraph}"
        return SearchResult(query=target, total=total, page=1, limit=limit, suggestion=None,
                            hits=hits, facets=self.facets_of(segments),
                            description=f"{describe(total, [])} like {target}",
                            key_terms=[word for word, _ in terms])

    def _paragraph_docnum(self, report_id: str, paragraph: int) -> int:
        if report_id not in self.reports:
            raise UsageError(self._unknown_report(report_id))
        count = self.reports[report_id].get("paragraphs", 0)
        docnum = self.searcher().document_number(chunk_id=f"{report_id}:{paragraph}")
        if docnum is None or paragraph < 1:
            raise UsageError(f"{report_id}:{paragraph}: {report_id} has paragraphs "
                             f"1-{count}")
        return docnum

    def key_terms(self, docnum: int) -> list[tuple[str, float]]:
        """A paragraph's most telling analysed words, with weights (the best 1.0):
        frequent in it, rare in the index."""
        from whoosh.classify import Bo1Model, Expander

        reader = self.searcher().reader()
        expander = Expander(reader, "text", Bo1Model)
        most = max(COMMON_SHARE * reader.doc_count(), COMMON_FLOOR)
        # left out: numbers (years, counts, item numbers), rare in an index and so at
        # the top of the weights, yet sharing "25" says nothing of what a paragraph is
        # about; words no other paragraph holds (typos), which can find nothing; and
        # words so common ("we" in minutes) that Bo1 still weighs them for their count
        expander.add((word, len(places)) for word, places in
                     term_offsets(self.searcher(), reader.stored_fields(docnum)["text"]).items()
                     if not word.isdigit() and 1 < reader.doc_frequency("text", word) <= most)
        return expander.expanded_terms(SIMILAR_TERMS, normalize=True)

    def _unwanted(self, report_id: str, paragraph: int, other_reports: bool) -> DocSet:
        """The documents a similar search hides: report records, the paragraph itself
        and, with ``other_reports``, every paragraph of its report."""
        own = Term("report_id", report_id) if other_reports else \
            Term("chunk_id", f"{report_id}:{paragraph}")
        return matches_of_filter(self.searcher(), Or([Term("kind", KIND_REPORT), own]),
                                 DocSet({}))

    def _boosted(self, results, source: dict) -> list[tuple]:
        """The candidates as (boosted score, hit, record), best first once shared
        speakers and themes have boosted them; equal scores in report and paragraph
        order."""
        from whoosh.searching import Hit

        scored = []
        for rank, (score, docnum) in enumerate(results.top_n):
            hit = Hit(results, docnum, rank, score)
            record = self.chunk_record(hit.fields())
            scored.append((round(score * self._boost(record, source), 4), hit, record))
        scored.sort(key=lambda item: (-item[0], item[2]["report_id"], item[2]["paragraph"]))
        return scored

    @staticmethod
    def _boost(record: dict, source: dict) -> float:
        shared_themes = len(set(record["themes"]) & set(source["themes"]))
        boost = THEME_BOOST ** min(shared_themes, MAX_THEME_BOOSTS)
        if set(record["speakers"]) & set(source["speakers"]):
            boost *= SPEAKER_BOOST
        return boost

    # who spoke most about it -------------------------------------------------------------

    @reading_index
    def speakers_about(self, request: SearchRequest) -> dict:
        """The people who speak in most of the paragraphs a query (and filters) match:
        each with those paragraphs, their share of the matches, their own paragraphs
        under the same filters and the share of those that match, and the reports."""
        if not (request.query or "").strip():
            raise UsageError("give --query: the words to count speakers for")
        matched = self.matches(request)
        searcher = self.searcher()
        everything = matched.filtered if matched.filtered is not None else \
            self._live_chunks()
        own = self._by_person(self.facet_counter.column_counts(
            segments_of(searcher, everything))["speaker"])
        about = self._by_person(self.facet_counter.column_counts(
            matched.segments)["speaker"])
        reports = self._cross_by_person(matched.segments, "report_id")
        total = matched.total
        people = [{"name": name, "paragraphs": count,
                   "share_of_matches": round(count / total, 4),
                   "own_paragraphs": own.get(name, count),
                   "share_of_own": round(count / max(own.get(name, count), 1), 4),
                   "reports": reports.get(name, {})}
                  for name, count in about.items()]
        people.sort(key=lambda row: (-row["paragraphs"], -row["share_of_own"], row["name"]))
        return {"query": request.query, "total": total,
                "description": describe(total, matched.context.resolution.clauses),
                "notes": matched.context.resolution.notes, "people": people}

    def _live_chunks(self) -> DocSet:
        return matches_of_filter(self.searcher(), Term("kind", KIND_CHUNK), DocSet({}))

    def _by_person(self, key_counts: dict[str, int]) -> dict[str, int]:
        """Speaker key counts summed per person as shown (a curator merges keys)."""
        counts: dict[str, int] = {}
        for key, count in key_counts.items():
            name = self._speaker_name(key)
            counts[name] = counts.get(name, 0) + count
        return counts

    def _cross_by_person(self, segments, column: str) -> dict[str, dict[str, int]]:
        """Person -> value of ``column`` -> matched paragraphs, most first."""
        from .facets import by_count

        out: dict[str, dict[str, int]] = {}
        for key, row in self.facet_counter.cross_counts(segments, column,
                                                        "speaker").items():
            merged = out.setdefault(self._speaker_name(key), {})
            for value, count in row.items():
                merged[value] = merged.get(value, 0) + count
        return {name: by_count(row) for name, row in out.items()}

    # themes by speaker, report or year ----------------------------------------------------

    @reading_index
    def themes_by(self, by: str, query: str | None = None) -> dict:
        """Theme counts per speaker, report or year over the live paragraphs (those a
        query matches, given one): ``{"by", "query", "total", "themes": [ids, most
        paragraphs first], "rows": [{by: value, "paragraphs": n, "themes": {id: n}}]}``;
        a row's ``paragraphs`` counts its paragraphs, with a theme or not. Undated
        reports have no year row."""
        if by not in BY_COLUMNS:
            raise UsageError(f"unknown --by {by!r}; choose from {', '.join(BY_COLUMNS)}")
        if query is not None and query.strip():
            matched = self.matches(SearchRequest(query=query))
            segments, total = matched.segments, matched.total
        else:
            chunks = self._live_chunks()
            segments, total = segments_of(self.searcher(), chunks), len(chunks)
        column = BY_COLUMNS[by]
        cells = self.facet_counter.cross_counts(segments, "theme", column)
        sizes = self.facet_counter.column_counts(segments)[column]
        rows = self._theme_rows(by, cells, sizes)
        totals: dict[str, int] = {}
        for row in rows:
            for theme, count in row["themes"].items():
                totals[theme] = totals.get(theme, 0) + count
        themes = sorted(totals, key=lambda theme: (-totals[theme], theme))
        return {"by": by, "query": query, "total": total, "themes": themes, "rows": rows}

    def _theme_rows(self, by: str, cells: dict, sizes: dict[str, int]) -> list[dict]:
        """One row per speaker, report or year, from the counts per stored value."""
        name_of = {"speaker": self._speaker_name, "report": lambda value: value,
                   "year": self._year_of}[by]
        merged: dict[str, dict] = {}
        for value, size in sizes.items():
            name = name_of(value)
            if name is None:
                continue
            row = merged.setdefault(name, {by: name, "paragraphs": 0, "themes": {}})
            row["paragraphs"] += size
            for theme, count in cells.get(value, {}).items():
                row["themes"][theme] = row["themes"].get(theme, 0) + count
        rows = list(merged.values())
        for row in rows:
            row["themes"] = dict(sorted(row["themes"].items(),
                                        key=lambda item: (-item[1], item[0])))
        if by == "year":
            return sorted(rows, key=lambda row: row["year"])
        return sorted(rows, key=lambda row: (-row["paragraphs"], row[by]))

    def _year_of(self, report_id: str) -> str | None:
        when = (self.reports.get(report_id) or {}).get("date")
        return when[:4] if when else None
