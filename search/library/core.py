"""An opened index: its searcher, report records, people directory and themes, and
search with filters, facets, highlights and suggestions. Returns records; formatting
lives in ``search.formatting`` and the web page's templates."""

from __future__ import annotations

import json
from pathlib import Path

from indexer.errors import UsageError
from indexer.facet_tables import segment_id
from indexer.index_folder import CACHE_FILE  # the stamp, names, directory, report records
from indexer.names import name_key
from indexer.schema import FORMAT_VERSION, KIND_CHUNK, KIND_REPORT
from indexer.stamped import read_stamped, write_stamped
from indexer.store import open_index, saved_themes_file, stored_reports
from indexer.themes import load_taxonomy

from ..highlight import term_spans
from ..matching import DocSet, find, matches_of_filter
from ..people import Directory, curator_file_for, load_curator, names_of
from ..query import (
    QueryContext,
    bound_expansions,
    decompound,
    expand_fuzzy,
    filter_query,
    parse_query,
)
from .browse import Browsing
from .explain import describe, explain
from .facets import FacetCounter, segments_of, years_of
from .hits import add_match, chunk_record, highlight_terms, term_offsets
from .questions import NextQuestions
from .ranking import TIE_MARGIN, ranked, score_parts, weighting, with_proximity_bonus
from .reading import reading_index
from .records import Matched, SearchRequest, SearchResult
from .report_facts import ReportFacts
from .suggest import name_words, suggest


class Library(Browsing, NextQuestions, ReportFacts):
    """An opened index with its people directory and themes.

    ``follow_changes``: the searcher moves on to a newer generation of the index when
    one is committed (the CLI, one command at a time). A server passes False: the
    library then answers from the generation it first opened, every record and count
    of it, and the server opens a new library for a new generation (``live.py``)."""

    def __init__(self, path: Path, people_file: Path | None = None, *,
                 follow_changes: bool = True):
        self.path = Path(path)
        self.ix = open_index(self.path)
        self.follow_changes = follow_changes
        self._people_file = people_file or curator_file_for(self.path)
        self._people_required = people_file is not None
        if self._people_required:
            load_curator(people_file, required=True)  # a missing or bad file fails now
        self._reports: dict[str, dict] | None = None
        self._directory: Directory | None = None
        self._plain_directory: Directory | None = None
        self._names: dict[str, str] | None = None  # person key -> name shown
        self._report_dates: dict[str, str | None] | None = None  # report id -> date
        self._searcher = None
        self._generation: int | None = None  # pinned libraries: the one they answer from
        # pinned libraries: answers that stay true for their generation (shared by the
        # libraries of one generation); None while following changes
        self.memo: dict | None = None if follow_changes else {}
        self._records = None
        self._records_for = None  # the searcher _records was worked out for
        self._facts: dict[str, dict] = {}  # report id -> title, date, source (searcher below)
        self._facts_for = None
        self.facet_counter = FacetCounter(self.path)
        self._speaker_names: dict[str, str] = {}  # speaker key -> name shown
        self._name_words_cache: dict[str, str] | None = None
        self.weighting = weighting()  # how paragraphs are scored (benchmarks try others)

    def searcher(self):
        """One searcher kept open across searches (opening a segment's files is the slow
        part of a search); refreshed when the index has changed, if following changes."""
        if self._searcher is None:
            self._searcher = self.ix.searcher(weighting=self.weighting)
        elif self.follow_changes and not self._searcher.up_to_date():
            self._searcher = self._searcher.refresh()
        return self._searcher

    @property
    def generation(self) -> int:
        """The generation of the index this library answers from."""
        if self.follow_changes:
            return self.ix.latest_generation()
        if self._generation is None:
            found = self.searcher().reader().generation()
            self._generation = found if found is not None else self.ix.latest_generation()
        return self._generation

    def load_everything(self) -> None:
        """Read now what searches read on first use: the report records, the people
        directory and every segment's facet tables."""
        _ = self.reports, self.directory, self.names, self.report_dates, self._name_words()
        counter = self.facet_counter
        readers = [leaf.reader() for leaf, _ in self.searcher().leaf_searchers()]
        counter.tables = {segment_id(r): counter.tables_for(r) for r in readers}

    def share_loaded(self, other: Library) -> None:
        """Use what ``other``, a library of the same generation, has loaded."""
        self._reports, self._directory = other._reports, other._directory
        self._plain_directory = other._plain_directory
        self._names = other._names
        self._report_dates = other._report_dates
        self._name_words_cache = other._name_words_cache
        self.facet_counter = other.facet_counter
        self._speaker_names = other._speaker_names
        self.memo = other.memo

    def _report_records(self, searcher):
        """The document numbers of the report records (one per report), masked out of
        every search; worked out once per searcher rather than on every search."""
        if self._records_for is not searcher:
            from whoosh.query import Term

            self._records = matches_of_filter(searcher, Term("kind", KIND_REPORT),
                                              DocSet({}))
            self._records_for = searcher
        return self._records

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def reports(self) -> dict[str, dict]:
        if self._reports is None:
            self._plain_directory, self._reports = self._load_records(with_reports=True)
        return self._reports

    @property
    def directory(self) -> Directory:
        if self._directory is None:
            curator = load_curator(self._people_file, self._people_required)
            if curator:
                self._directory = Directory.build(self.reports, curator)
            else:
                if self._plain_directory is None:
                    self._plain_directory, _ = self._load_records(with_reports=False)
                self._directory = self._plain_directory
        return self._directory

    @property
    def names(self) -> dict[str, str]:
        """Person key -> the name shown for that person: all that hits and speaker counts
        need of the people directory, read alone from the cache (an archive names ten
        thousand people: the whole directory takes a good part of a cold search)."""
        if self._names is None:
            if self._directory is None and not load_curator(self._people_file,
                                                            self._people_required):
                found = read_stamped(self.path / CACHE_FILE, self._cache_stamp(), 1)
                if found is not None and _is_names_table(found[0]):
                    self._names = found[0]
                    return self._names
            self._names = names_of(self.directory)
        return self._names

    @property
    def report_dates(self) -> dict[str, str | None]:
        """Report id -> its date (ISO) or None: what the years facet of every search
        needs of the report records, read alone from the cache."""
        if self._report_dates is None:
            found = None if self._reports is not None else \
                read_stamped(self.path / CACHE_FILE, self._cache_stamp(), 2)
            if found is not None and isinstance(found[1], dict):
                self._report_dates = found[1]
            else:
                self._report_dates = dates_of(self.reports)
        return self._report_dates

    def _display(self, name: str) -> str:
        """A stored speaker name as shown (the curator's or the fullest form)."""
        return self.names.get(name_key(name), name)

    def _cache_stamp(self) -> tuple[int, int]:
        return (FORMAT_VERSION, self.generation)

    def _load_records(self, with_reports: bool) -> tuple[Directory, dict[str, dict] | None]:
        """The people directory and (when asked) the report records it was built from,
        from a cache beside the index when it was written for the index's current
        generation (reading thousands of stored records is the slow part of a cold
        search), else from the index, refreshing the cache. The file holds the names
        table, the report dates, the directory, then the records: a reader stops at what
        it needs."""
        stamp = self._cache_stamp()
        cache = self.path / CACHE_FILE
        found = read_stamped(cache, stamp, 4 if with_reports else 3)
        if found is not None:
            try:
                directory = Directory.from_plain(found[2])
            except (KeyError, TypeError, ValueError):  # not ours after all: rebuild it
                directory = None
            if directory is not None and (not with_reports or isinstance(found[3], dict)):
                return directory, found[3] if with_reports else None
        if self.follow_changes:
            reports = stored_reports(self.ix)
        else:  # the records of this library's own generation
            reports = {fields["report_id"]: json.loads(fields["data"])
                       for fields in self.searcher().documents(kind=KIND_REPORT)}
        directory = Directory.build(reports, None)
        write_stamped(cache, stamp, names_of(directory), dates_of(reports),
                      directory.to_plain(), reports)
        return directory, reports

    @property
    def taxonomy(self):
        return load_taxonomy(saved_themes_file(self.path))

    def context(self) -> QueryContext:
        return QueryContext(lambda: self.directory, self.taxonomy, lambda: self.reports,
                            self._reports_titled)

    # search ------------------------------------------------------------------------------

    @reading_index
    def search(self, request: SearchRequest) -> SearchResult:
        from whoosh import sorting

        if request.page < 1:
            raise UsageError(f"--page must be 1 or more, not {request.page}")
        if request.limit < 1:
            raise UsageError(f"--limit must be 1 or more, not {request.limit}")
        matched = self.matches(request, request.page * request.limit, request.explain)
        searcher, text, user_query = matched.searcher, matched.text, matched.user_query
        if user_query is not None:
            ordered = ranked(matched.found.results, request.page * request.limit,
                             self.report_ordinal)
            page_hits = ordered[(request.page - 1) * request.limit:
                                request.page * request.limit]
        else:
            order = sorting.MultiFacet(["date", "report_id", "paragraph"])
            page = searcher.search_page(matched.filters, request.page,
                                        pagelen=request.limit,
                                        mask=self._report_records(searcher).global_set,
                                        sortedby=order)
            page_hits = list(page)
        hits = [add_match(self.chunk_record(hit.fields()), searcher, hit, matched.words)
                for hit in page_hits]
        if request.explain and user_query is not None:
            for hit, found in zip(hits, page_hits, strict=True):
                hit["_parts"] = score_parts(searcher, matched.scored, found.docnum)
        suggestion = suggest(searcher, text, self._name_words()) \
            if text and matched.total < 3 else None
        context = matched.context
        result = SearchResult(query=request.query, total=matched.total, page=request.page,
                              limit=request.limit, suggestion=suggestion, hits=hits,
                              facets=self.facets_of(matched.segments),
                              notes=context.resolution.notes)
        result.description = describe(matched.total, context.resolution.clauses)
        if request.explain:
            result.explanation = explain(text, user_query, context, hits)
        return result

    def matches(self, request: SearchRequest, needed: int = 1,
                terms: bool = False) -> Matched:
        """What a request's query and filters match: every paragraph (per segment) and,
        with a query, the best ``needed`` of them (and a margin for ties)."""
        text = (request.query or "").strip()
        context = self.context()
        filters = filter_query(context, speakers=request.speakers, themes=request.themes,
                               sections=request.sections, reports=request.reports,
                               evidence=request.evidence,
                               since=request.since, until=request.until)
        if not text and filters is None:
            raise UsageError("give a QUERY, or a filter such as --speaker or --theme")
        user_query = parse_query(text, context) if text else None
        searcher = self.searcher()
        report_records = self._report_records(searcher)
        filtered = matches_of_filter(searcher, filters, report_records) \
            if filters is not None else None
        matched = Matched(searcher, context, text, filters, filtered)
        if user_query is None:
            matched.segments, matched.total = segments_of(searcher, filtered), len(filtered)
            return matched
        user_query, matched.words = self._expanded(user_query, searcher.reader())
        matched.user_query, matched.scored = user_query, with_proximity_bonus(user_query)
        # ties need the whole tied group, so fetch a margin past the page
        matched.found = find(searcher, matched.scored, limit=needed + TIE_MARGIN,
                             allowed=filtered, masked=report_records, terms=terms)
        matched.segments, matched.total = matched.found.segments, matched.found.total
        return matched

    def facets_of(self, segments) -> dict[str, dict[str, int]]:
        """The facet counts of matched paragraphs: speakers, themes, reports and years."""
        counts = self.facet_counter.facets(segments, self._speaker_name)
        counts["years"] = years_of(self.paragraph_dates(counts["reports"]))
        return counts

    @staticmethod
    def _expanded(user_query, reader):
        """The parsed query with wildcards, fuzzy words and compounds worked out against
        the index, and the words and phrases to highlight."""
        bound_expansions(user_query, reader)
        user_query = decompound(expand_fuzzy(user_query, reader), reader)
        return user_query, highlight_terms(user_query, reader)

    @reading_index
    def report_highlights(self, report_id: str, query: str) -> dict[int, list[list[int]]]:
        """Paragraph number -> ``[start, end)`` spans of a query's words and phrases in
        each paragraph of a report that holds any (a search hit's words, in the whole
        report). A bad query is a ``UsageError``, as for ``search``."""
        from whoosh.query import Term

        if report_id not in self.reports:
            raise UsageError(self._unknown_report(report_id))
        text = (query or "").strip()
        if not text:
            return {}
        searcher = self.searcher()
        _, (terms, phrases) = self._expanded(parse_query(text, self.context()),
                                             searcher.reader())
        out = {}
        for hit in searcher.search(Term("report_id", report_id), limit=None):
            if hit["kind"] == KIND_CHUNK:
                spans = term_spans(term_offsets(searcher, hit["text"]), terms, phrases,
                                   hit["text"])
                if spans:
                    out[hit["paragraph"]] = [list(s) for s in spans]
        return out

    def _live_counts(self) -> dict[str, dict[str, int]]:
        """Counts over every paragraph in the index now. Whoosh's term statistics
        (``doc_frequency``) still count deleted paragraphs until their segment is merged
        away: after an update or a removal they would count a report twice or after
        it has gone."""
        from whoosh.query import Term

        searcher = self.searcher()
        chunks = matches_of_filter(searcher, Term("kind", KIND_CHUNK), DocSet({}))
        return self.facet_counter.column_counts(segments_of(searcher, chunks))

    def _speaker_name(self, key: str) -> str:
        names = self._speaker_names
        if key not in names:
            names[key] = self.names.get(key, key)
        return names[key]

    def chunk_record(self, fields: dict) -> dict:
        """A stored chunk -> the contract's hit object (without search-only keys)."""
        return chunk_record(fields, self._display,
                            self.report_facts(fields["report_id"]))

    def _name_words(self) -> dict[str, str]:
        """Lower-cased word of a person's name -> as written (built once: an archive
        names thousands of people)."""
        if self._name_words_cache is None:
            self._name_words_cache = name_words(self.directory)
        return self._name_words_cache


def _is_names_table(found) -> bool:
    return isinstance(found, dict) and all(isinstance(k, str) and isinstance(v, str)
                                           for k, v in found.items())


def dates_of(reports: dict[str, dict]) -> dict[str, str | None]:
    return {report_id: record.get("date") for report_id, record in reports.items()}
