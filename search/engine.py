"""Reading the index: search with filters, facets, highlights and suggestions; listing,
showing, exporting. Returns records; formatting lives in ``formatting.py``."""

from __future__ import annotations

import difflib
import functools
import inspect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from indexer.errors import UsageError, reporting_damage
from indexer.facet_tables import (
    FACET_COLUMNS,
    build_tables,
    read_tables,
    segment_id,
    write_tables,
)
from indexer.index_folder import CACHE_FILE  # the stamp, the directory, the report records
from indexer.schema import FORMAT_VERSION, KIND_CHUNK, KIND_REPORT
from indexer.stamped import read_stamped, write_stamped
from indexer.store import open_index, saved_themes_file, stored_reports
from indexer.themes import load_taxonomy

from .highlight import snippet_window, term_spans
from .matching import DocSet, find, matches_of_filter
from .people import Directory, curator_file_for, load_curator
from .query import (
    QueryContext,
    bound_expansions,
    decompound,
    expand_fuzzy,
    filter_query,
    parse_query,
)


@dataclass(frozen=True)
class SearchRequest:
    query: str | None = None
    speakers: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    limit: int = 10
    page: int = 1
    explain: bool = False


@dataclass
class SearchResult:
    query: str | None
    total: int
    page: int
    limit: int
    suggestion: str | None
    hits: list[dict]
    facets: dict[str, dict[str, int]]
    notes: list[str] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    description: str = ""

    def as_json(self) -> dict:
        return {"query": self.query, "total": self.total, "page": self.page,
                "limit": self.limit, "suggestion": self.suggestion, "hits": self.hits,
                "facets": self.facets}


TIE_MARGIN = 50
# a paragraph holding the query's words side by side outranks one that scatters them
PHRASE_BONUS = 1.5


def reading_index(method):
    """Errors raised while Whoosh reads the index's files are reported as a damaged
    index (see ``indexer.errors.reporting_damage``)."""
    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generate(self, *args, **kwargs):
            with reporting_damage(self.path):
                yield from method(self, *args, **kwargs)
        return generate

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        with reporting_damage(self.path):
            return method(self, *args, **kwargs)
    return call


class Library:
    """An opened index with its people directory and themes."""

    def __init__(self, path: Path, people_file: Path | None = None):
        self.path = Path(path)
        self.ix = open_index(self.path)
        self._people_file = people_file or curator_file_for(self.path)
        self._people_required = people_file is not None
        if self._people_required:
            load_curator(people_file, required=True)  # a missing or bad file fails now
        self._reports: dict[str, dict] | None = None
        self._directory: Directory | None = None
        self._plain_directory: Directory | None = None
        self._searcher = None
        self._records = None
        self._records_for = None  # the searcher _records was worked out for
        self._facet_tables: dict[str, dict] = {}  # segment id -> its facet tables
        self._speaker_names: dict[str, str] = {}  # speaker key -> name shown
        self._name_words_cache: dict[str, str] | None = None

    def searcher(self):
        """One searcher kept open across searches (opening a segment's files is the slow
        part of a search); refreshed when the index has changed."""
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        elif not self._searcher.up_to_date():
            self._searcher = self._searcher.refresh()
        return self._searcher

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

    def _load_records(self, with_reports: bool) -> tuple[Directory, dict[str, dict] | None]:
        """The people directory and (when asked) the report records it was built from,
        from a cache beside the index when it was written for the index's current
        generation (reading thousands of stored records is the slow part of a cold
        search), else from the index, refreshing the cache. The directory comes first in
        the file: a search by words needs only it, not every report's record."""
        stamp = (FORMAT_VERSION, self.ix.latest_generation())
        cache = self.path / CACHE_FILE
        found = read_stamped(cache, stamp, 2 if with_reports else 1)
        if found is not None:
            try:
                directory = Directory.from_plain(found[0])
            except (KeyError, TypeError, ValueError):  # not ours after all: rebuild it
                directory = None
            if directory is not None and (not with_reports or isinstance(found[1], dict)):
                return directory, found[1] if with_reports else None
        reports = stored_reports(self.ix)
        directory = Directory.build(reports, None)
        write_stamped(cache, stamp, directory.to_plain(), reports)
        return directory, reports

    @property
    def taxonomy(self):
        return load_taxonomy(saved_themes_file(self.path))

    def context(self) -> QueryContext:
        return QueryContext(self.directory, self.taxonomy, lambda: self.reports)

    # search ------------------------------------------------------------------------------

    @reading_index
    def search(self, request: SearchRequest) -> SearchResult:
        from whoosh import sorting

        if request.page < 1:
            raise UsageError(f"--page must be 1 or more, not {request.page}")
        if request.limit < 1:
            raise UsageError(f"--limit must be 1 or more, not {request.limit}")
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
        reader = searcher.reader()
        report_records = self._report_records(searcher)
        filtered = matches_of_filter(searcher, filters, report_records) \
            if filters is not None else None
        if user_query is not None:
            bound_expansions(user_query, reader)
            user_query = decompound(expand_fuzzy(user_query, reader), reader)
            words = _highlight_terms(user_query, reader)
            scored = with_proximity_bonus(user_query)
            # ties need the whole tied group, so fetch a margin past the page
            found = find(searcher, scored, limit=request.page * request.limit + TIE_MARGIN,
                         allowed=filtered, masked=report_records, terms=request.explain)
            ranked = _ranked(found.results, request.page * request.limit)
            page_hits = ranked[(request.page - 1) * request.limit:
                               request.page * request.limit]
            total, segments = found.total, found.segments
        else:
            words = None
            order = sorting.MultiFacet(["date", "report_id", "paragraph"])
            page = searcher.search_page(filters, request.page, pagelen=request.limit,
                                        mask=report_records.global_set, sortedby=order)
            page_hits = list(page)
            readers = {offset: leaf.reader() for leaf, offset in searcher.leaf_searchers()}
            segments = [(readers[offset], docnums)
                        for offset, docnums in filtered.by_offset.items()]
            total = len(filtered)
        hits = [self._hit(searcher, hit, words) for hit in page_hits]
        if request.explain and user_query is not None:
            for hit, found in zip(hits, page_hits, strict=True):
                hit["_parts"] = score_parts(searcher, scored, found.docnum)
        facet_counts = self._facets(segments)
        suggestion = self._suggest(searcher, text) if text and total < 3 else None
        result = SearchResult(query=request.query, total=total, page=request.page,
                              limit=request.limit, suggestion=suggestion, hits=hits,
                              facets=facet_counts, notes=context.resolution.notes)
        result.description = _describe(total, context.resolution.clauses)
        if request.explain:
            result.explanation = _explain(text, user_query, context, hits)
        return result

    def _facets(self, segments) -> dict[str, dict[str, int]]:
        counts = self._column_counts(segments)
        speakers: dict[str, int] = {}
        for key, count in counts["speaker_list"].items():
            name = self._speaker_name(key)
            speakers[name] = speakers.get(name, 0) + count
        return {"speakers": _by_count(speakers), "themes": _by_count(counts["theme_list"]),
                "reports": _by_count(counts["report_id"])}

    def _column_counts(self, segments) -> dict[str, dict[str, int]]:
        """Facet column -> stored value -> how many of the given paragraphs carry it."""
        counts: dict[str, dict[str, int]] = {column: {} for column in FACET_COLUMNS}
        for reader, docnums in segments:
            if docnums:
                for column, table in self._tables_for(reader).items():
                    table.count(docnums, counts[column])
        return counts

    def _live_counts(self) -> dict[str, dict[str, int]]:
        """Counts over every paragraph in the index now. Whoosh's term statistics
        (``doc_frequency``) still count deleted paragraphs until their segment is merged
        away: after an update or a removal they would count a report twice or after
        it has gone."""
        from whoosh.query import Term

        searcher = self.searcher()
        chunks = matches_of_filter(searcher, Term("kind", KIND_CHUNK), DocSet({}))
        readers = {offset: leaf.reader() for leaf, offset in searcher.leaf_searchers()}
        return self._column_counts([(readers[offset], docnums)
                                    for offset, docnums in chunks.by_offset.items()])

    def _speaker_name(self, key: str) -> str:
        names = self._speaker_names
        if key not in names:
            person = self.directory.person_for_key(key)
            names[key] = person.name if person else key
        return names[key]

    def _tables_for(self, reader) -> dict:
        """A segment's facet tables: kept in memory across searches, read from the file
        the indexer wrote, else built (an index written before tables existed)."""
        name = segment_id(reader)
        tables = self._facet_tables.get(name)
        if tables is None:
            tables = read_tables(self.path, name)
            if tables is None:
                tables = build_tables(reader)
                write_tables(self.path, name, tables)
            self._facet_tables[name] = tables
        return tables

    def _hit(self, searcher, hit, words) -> dict:
        record = self.chunk_record(hit.fields())
        if words is not None:
            vector = _vector(searcher, hit.docnum)
            spans = term_spans(vector, words[0], words[1], record["text"])
            start, end = snippet_window(record["text"], spans)
            record.update(score=_shown_score(hit.score),
                          snippet=_ellipsis(record["text"], start, end),
                          highlights=[list(s) for s in spans], _window=(start, end))
            if hit.results.has_matched_terms():  # recorded for --explain only
                record["_matched"] = sorted({t.decode() if isinstance(t, bytes) else t
                                             for _, t in (hit.matched_terms() or [])})
        else:
            start, end = snippet_window(record["text"], [])
            record.update(score=0.0, snippet=_ellipsis(record["text"], start, end),
                          highlights=[], _window=(start, end))
        return record

    def chunk_record(self, fields: dict) -> dict:
        """A stored chunk -> the contract's hit object (without search-only keys)."""
        data = json.loads(fields["data"])
        when = fields.get("date")
        display = self.directory.display
        speakers: dict[str, str] = {}  # name shown -> how it was found (curator merges)
        for name, evidence in zip(data["speakers"], data.get("speaker_evidence") or
                                  [""] * len(data["speakers"]), strict=False):
            speakers.setdefault(display(name), evidence)
        return {
            "report_id": fields["report_id"], "report_title": fields.get("title", ""),
            "date": when.date().isoformat() if when else None,
            "source": data.get("source", ""), "section": fields.get("section", ""),
            "section_path": data["section_path"], "paragraph": fields["paragraph"],
            "speakers": list(speakers), "speaker_evidence": list(speakers.values()),
            "mentions": list(dict.fromkeys(display(m) for m in data["mentions"])),
            "themes": data["themes"], "keyphrases": data["keyphrases"],
            "text": fields["text"], "chunk_id": fields["chunk_id"], "page": data.get("page"),
        }

    def _suggest(self, searcher, text: str) -> str | None:
        """A corrected query when a word is absent from the index: the closest name of a
        person, else the closest indexed word, written as the reports write it."""
        from indexer.analysis import analyse

        reader = searcher.reader()
        surnames = self._name_words()
        changed = False
        out = []
        for piece in re.split(r"(\s+)", text):
            word = piece.strip('"()')
            if not re.fullmatch(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'-]{2,}", word) \
                    or word in ("AND", "OR", "NOT") or ":" in piece:
                out.append(piece)
                continue
            terms = analyse(word)
            if not terms or all(reader.doc_frequency("text", t) > 0 for t in terms):
                out.append(piece)
                continue
            close = difflib.get_close_matches(word.lower(), list(surnames), n=1, cutoff=0.75)
            replacement = surnames[close[0]] if close else \
                _closest_written_word(searcher, word, terms[0])
            if replacement and replacement.lower() != word.lower():
                out.append(piece.replace(word, replacement))
                changed = True
            else:
                out.append(piece)
        return "".join(out) if changed else None

    def _name_words(self) -> dict[str, str]:
        """Lower-cased word of a person's name -> as written (built once: an archive
        names thousands of people)."""
        if self._name_words_cache is not None:
            return self._name_words_cache
        words = {}
        for person in self.directory.people:
            for form in (person.name, *person.forms):
                for token in form.split():
                    if len(token) > 3 and token[:1].isupper():
                        words[token.lower()] = token
        self._name_words_cache = words
        return words

    # browsing ----------------------------------------------------------------------------

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
        live = self._live_counts()["theme_list"]
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
            counts = self._live_counts()["speaker_list"]
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


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    """Most first, then by name (two stable sorts with C keys: facets can hold thousands
    of values)."""
    from operator import itemgetter

    ordered = sorted(counts.items())
    ordered.sort(key=itemgetter(1), reverse=True)
    return dict(ordered)


def with_proximity_bonus(q):
    """A query of two or more plain words also scores, optionally, the words as a phrase
    (one word apart at most)."""
    from whoosh.query import And, AndMaybe, Or, Phrase, Term

    if not isinstance(q, And) or len(q.subqueries) < 2:
        return q
    words = []
    for group in q.subqueries:
        leaves = group.subqueries if isinstance(group, Or) else [group]
        text_terms = [leaf for leaf in leaves if type(leaf) is Term and leaf.fieldname == "text"]
        if len(text_terms) != 1:
            return q
        words.append(text_terms[0].text)
    return AndMaybe(q, Phrase("text", words, slop=2, boost=PHRASE_BONUS))


def _ranked(results, needed: int) -> list:
    """The best ``needed`` hits in rank order. Counting facets makes Whoosh keep every
    match, so pick the top by score first and read stored fields only for those and for
    whatever ties with the last of them."""
    from whoosh.searching import Hit

    order = sorted(results.top_n, key=lambda item: (-_shown_score(item[0]), item[1]))
    cut = min(needed, len(order))
    while cut < len(order) and cut < needed + TIE_MARGIN and \
            _shown_score(order[cut][0]) == _shown_score(order[cut - 1][0]):
        cut += 1
    hits = [Hit(results, docnum, n, score) for n, (score, docnum) in enumerate(order[:cut])]
    return sorted(hits, key=_rank_key)


def _shown_score(score) -> float:
    """The score as hits show it; scores equal at this precision are ties."""
    return round(float(score or 0.0), 4)


def _rank_key(hit) -> tuple:
    """Score first; equal scores: newer report first, then paragraph order."""
    when = hit.get("date")
    return (-_shown_score(hit.score), -(when.toordinal() if when else 0),
            hit.get("report_id", ""), hit.get("paragraph", 0))


def score_parts(searcher, q, docnum: int) -> list[tuple[str, float]]:
    """How each term and phrase of the query contributed to one paragraph's score."""
    from whoosh.query import Phrase

    parts = []
    for leaf in q.leaves():
        if isinstance(leaf, Phrase):
            label = f'{leaf.fieldname}:"{" ".join(leaf.words)}"'
        elif hasattr(leaf, "text") and isinstance(leaf.text, str):
            label = f"{leaf.fieldname}:{leaf.text}"
        else:
            continue
        matcher = leaf.matcher(searcher)
        if not matcher.is_active():
            continue
        matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            parts.append((label, round(float(matcher.score()), 3)))
    return parts


def _closest_written_word(searcher, typed: str, term: str) -> str | None:
    """The indexed word nearest to a misspelt one, as the reports write it: the nearest
    analysed terms (edit distance at most 2), then the spellings those terms have in a few
    paragraphs (from the stored character offsets), the one closest to what was typed."""
    from whoosh.reading import IndexReader

    reader = searcher.reader()
    nearby = list(IndexReader.terms_within(reader, "text", term, 2, prefix=1))
    nearby.sort(key=lambda t: (-reader.doc_frequency("text", t), t))
    spellings: dict[str, int] = {}
    for candidate in nearby[:5]:
        postings = reader.postings("text", candidate)
        for _ in range(3):
            if not postings.is_active():
                break
            docnum = postings.id()
            text = reader.stored_fields(docnum).get("text", "")
            for _, start, end in _vector(searcher, docnum).get(candidate, ())[:1]:
                spellings[text[start:end].lower()] = reader.doc_frequency("text", candidate)
            postings.next()
    if not spellings:
        return None
    typed = typed.lower()
    return max(spellings, key=lambda w: (difflib.SequenceMatcher(None, typed, w).ratio(),
                                         spellings[w]))


def _vector(searcher, docnum: int) -> dict[str, list[tuple[int, int, int]]]:
    """term -> [(position, start, end)] for one paragraph. Read with the vector's own
    format: Whoosh's ``vector_as`` decodes with the postings' format, which has no
    character offsets here."""
    reader = searcher.reader()
    if not reader.has_vector(docnum, "text"):
        return {}
    decode = reader.schema["text"].vector.decoder("characters")
    vector = reader.vector(docnum, "text")
    out = {}
    while vector.is_active():
        out[vector.id()] = decode(vector.value())
        vector.next()
    return out


def _highlight_terms(q, reader) -> tuple[set[str], list[tuple[str, ...]]]:
    """Words to highlight (wildcards expanded) and phrases to highlight whole."""
    from whoosh.query import Phrase

    phrases = [tuple(leaf.words) for leaf in q.leaves()
               if isinstance(leaf, Phrase) and leaf.fieldname == "text"]
    in_phrases = {w for p in phrases for w in p}
    terms = set()
    for fieldname, text in q.existing_terms(reader, phrases=False, expand=True):
        if fieldname == "text":
            word = text.decode() if isinstance(text, bytes) else text
            if word not in in_phrases:
                terms.add(word)
    for leaf in q.leaves():
        if getattr(leaf, "fieldname", None) == "text" and hasattr(leaf, "text") and \
                not isinstance(leaf, Phrase) and leaf.__class__.__name__ == "Term":
            terms.add(leaf.text)
    return terms, phrases


def _ellipsis(text: str, start: int, end: int) -> str:
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _describe(total: int, clauses: list[str]) -> str:
    noun = "paragraph" if total == 1 else "paragraphs"
    return f"{total} {noun}" + (f" where {' and '.join(clauses)}" if clauses else "")


def _explain(text: str, user_query, context: QueryContext, hits: list[dict]) -> list[str]:
    lines = [f"query: {text!r} parsed as {user_query}" if user_query is not None
             else "query: (none; listing every paragraph that passes the filters)"]
    for typed, names in context.resolution.speakers.items():
        lines.append(f"speaker {typed!r} -> {', '.join(names)}")
    for typed, theme in context.resolution.themes.items():
        lines.append(f"theme {typed!r} -> {theme}")
    for typed, ids in context.resolution.reports.items():
        lines.append(f"report {typed!r} -> {', '.join(ids)}")
    for hit in hits:
        parts = hit.get("_parts")
        detail = " + ".join(f"{label} {value}" for label, value in parts) if parts else \
            ", ".join(hit.get("_matched", [])) or "filters only"
        who = ", ".join(f"{name} ({how or 'unknown'})" for name, how in
                        zip(hit["speakers"], hit["speaker_evidence"], strict=False))
        lines.append(f"{hit['chunk_id']}: score {hit['score']} = {detail}"
                     + (f"; speakers: {who}" if who else ""))
    return lines
