"""The HTML pages. Each calls the library (the same functions the command line calls)
and hands the records to a template; the shaping helpers only arrange them."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from indexer.errors import UsageError

from ..library import SearchRequest
from ..library.browse import by_period
from . import charts
from .params import (
    MAX_PAGE,
    MAX_QUERY_CHARS,
    SearchParams,
    number_param,
    path_part,
    similar_target,
)
from .responses import NotFound, render
from .shaping import (
    heat_levels,
    marked_snippet,
    marked_text,
    pagination,
    report_rows,
    sections_outline,
    shown_range,
    sort_rows,
    tints,
)

FACET_SHOWN = 10  # values of a facet shown before "more"
FACET_MORE = 30  # and under it
SPEAKER_PAGE_SIZE = 20


def search_page(request: Request) -> Response:
    try:
        params = SearchParams.from_query(request.query_params)
    except UsageError as exc:  # out of bounds: said on the page, the box kept short
        typed = (request.query_params.get("q") or "")[:200]
        return render(request, "search.html", 400, params=SearchParams(q=typed),
                      error=f"error: {exc}", result=None)
    live = request.app.state.live
    with live.library() as library:
        if not params.q and not params.has_filters:
            return _home(request, library)
        try:
            result = library.search(params.request())
        except UsageError as exc:
            return render(request, "search.html", 400, params=params, error=f"error: {exc}",
                          result=None)
        dates = library.paragraph_dates(result.facets["reports"])
        titles = {rid: library.reports.get(rid, {}).get("title") or rid
                  for rid in list(result.facets["reports"])[:FACET_MORE]}
        labels = _theme_labels(library)
    years = by_period(dates, "year")
    context = {
        "params": params, "result": result, "error": None,
        "hits": [(hit, marked_snippet(hit)) for hit in result.hits],
        "shown": shown_range(result.total, result.page, result.limit, len(result.hits)),
        "pages": pagination(result.total, result.page, result.limit),
        "last_page": min(MAX_PAGE, max(1, -(-result.total // result.limit))),
        "facets": _facets(result.facets, years, titles, labels),
        "chips": params.chips(), "theme_labels": labels,
        "suggestion_url": params.url(q=result.suggestion) if result.suggestion else None,
    }
    if params.q:
        context["speakers_chart"] = charts.speakers_chart(
            result.facets["speakers"], lambda name: params.toggled("speaker", name))
        context["timeline_chart"] = charts.timeline_chart(
            years, by_period(dates, "month"), lambda period: params.url(since=period,
                                                                         until=period))
    return render(request, "search.html", **context)


def _home(request: Request, library) -> Response:
    reports = library.list_reports()
    return render(request, "home.html", params=SearchParams(), reports=reports[::-1][:12],
                  report_count=len(reports),
                  paragraphs=sum(r["paragraphs"] or 0 for r in reports))


def _theme_labels(library) -> dict[str, str]:
    return {theme.id: theme.label for theme in library.taxonomy.themes}


def _facets(facets: dict, years: dict, titles: dict, labels: dict) -> list[dict]:
    """The sidebar: each facet's values as (filter name, value, label, count)."""
    def group(title, name, counts, label=lambda v: v):
        values = [(name, value, label(value), n) for value, n in counts.items() if n]
        return {"title": title, "shown": values[:FACET_SHOWN],
                "more": values[FACET_SHOWN:FACET_MORE]}

    return [group("Speakers", "speaker", facets["speakers"]),
            group("Themes", "theme", facets["themes"], lambda v: labels.get(v, v)),
            group("Reports", "report", facets["reports"], lambda v: titles.get(v, v)),
            group("Years", "year", dict(sorted(years.items(), reverse=True)))]


def report_page(request: Request) -> Response:
    """A report; ``?q=`` marks that query's words in it (the links from search hits)."""
    report_id = request.path_params["report_id"]
    query = (request.query_params.get("q") or "")[:MAX_QUERY_CHARS].strip()
    with request.app.state.live.library() as library:
        try:
            chunks = library.report_chunks(report_id)
        except UsageError as exc:
            raise NotFound(str(exc)) from None
        record = library.reports[report_id]
        people = library.speakers(report_id)
        labels = _theme_labels(library)
        try:
            marks = library.report_highlights(report_id, query) if query else {}
        except UsageError:  # a query the search page would refuse marks nothing
            marks = {}
    speaking = [row for row in people if row["paragraphs"]]
    texts = {c["paragraph"]: marked_text(c["text"], marks[c["paragraph"]])
             for c in chunks if c["paragraph"] in marks}
    return render(request, "report.html", report_id=report_id, record=record,
                  rows=report_rows(chunks), paragraphs=len(chunks), query=query,
                  marked=texts, unmarked=f"/reports/{path_part(report_id)}",
                  outline=sections_outline(chunks), people=speaking,
                  named=[row for row in people if not row["paragraphs"]],
                  tints=tints(speaking), theme_labels=labels, params=SearchParams())


def speaker_page(request: Request) -> Response:
    name = request.path_params["name"]
    page = number_param(request.query_params.get("page"), "page", 1, MAX_PAGE)
    with request.app.state.live.library() as library:
        try:
            rows = library.people_named(name)
        except UsageError as exc:
            raise NotFound(str(exc)) from None
        if len(rows) > 1:
            return render(request, "choose.html", name=name, rows=rows, params=SearchParams())
        person = rows[0]
        if person["name"] != name:
            return RedirectResponse(f"/speakers/{path_part(person['name'])}", status_code=303)
        result = library.search(SearchRequest(speakers=(name,), limit=SPEAKER_PAGE_SIZE,
                                              page=page))
        titles = {rid: library.reports.get(rid, {}).get("title") or rid
                  for rid in result.facets["reports"]}
        labels = _theme_labels(library)
    params = SearchParams(speaker=(name,))
    return render(request, "speaker.html", person=person, result=result, params=params,
                  titles=titles, theme_labels=labels,
                  hits=[(hit, marked_snippet(hit)) for hit in result.hits],
                  shown=shown_range(result.total, page, SPEAKER_PAGE_SIZE, len(result.hits)),
                  pages=pagination(result.total, page, SPEAKER_PAGE_SIZE),
                  page_url=lambda number: f"/speakers/{path_part(name)}?page={number}")


def similar_page(request: Request) -> Response:
    """The paragraphs most like one paragraph (``?id=ID:N``, ``&other_reports=1``): the
    "similar paragraphs" link of a hit."""
    report_id, paragraph = similar_target(request.query_params.get("id"))
    other = request.query_params.get("other_reports", "") not in ("", "0", "false")
    with request.app.state.live.library() as library:
        try:
            result = library.similar(report_id, paragraph, limit=SPEAKER_PAGE_SIZE,
                                     other_reports=other)
            chunks = library.report_chunks(report_id)
        except UsageError as exc:
            raise NotFound(str(exc)) from None
        labels = _theme_labels(library)
    source = next(c for c in chunks if c["paragraph"] == paragraph)
    return render(request, "similar.html", result=result, source=source,
                  other_reports=other, theme_labels=labels, params=SearchParams(),
                  hits=[(hit, marked_snippet(hit)) for hit in result.hits],
                  target=f"{report_id}:{paragraph}")


SPEAKER_SORTS = {
    "paragraphs": lambda r: (-r["paragraphs"], r["name"].casefold()),
    "name": lambda r: r["name"].casefold(),
    "reports": lambda r: (-len(r["reports"]), r["name"].casefold()),
}
THEME_SORTS = {
    "paragraphs": lambda r: (-r["paragraphs"], r["label"].casefold()),
    "name": lambda r: r["label"].casefold(),
}
REPORT_SORTS = {
    "date": lambda r: (r["date"] or "0000", r["id"]),
    "title": lambda r: (r["title"] or r["id"]).casefold(),
    "paragraphs": lambda r: (-(r["paragraphs"] or 0), r["id"]),
}


def speakers_page(request: Request) -> Response:
    return _theme_table_page(request, "speakers.html", lambda library: library.speakers(),
                             SPEAKER_SORTS, lambda rows: {
                                 "speaking": sum(1 for r in rows if r["paragraphs"])})


def themes_page(request: Request) -> Response:
    return _theme_table_page(request, "themes.html", lambda library: library.theme_counts(),
                             THEME_SORTS, lambda rows: {})


def _theme_table_page(request: Request, template: str, rows_of, sorts, extra) -> Response:
    """A sortable list (people or themes) above the table of themes by speaker."""
    with request.app.state.live.library() as library:
        rows = rows_of(library)
        table = library.theme_table()
        labels = _theme_labels(library)
    rows, key = sort_rows(rows, sorts, request.query_params.get("sort"))
    return render(request, template, rows=rows, sort=key, table=table,
                  heat=heat_levels(table), theme_labels=labels, params=SearchParams(),
                  **extra(rows))


def reports_page(request: Request) -> Response:
    with request.app.state.live.library() as library:
        rows = library.list_reports()
    rows, key = sort_rows(rows, REPORT_SORTS, request.query_params.get("sort"))
    if key == "date":
        rows.reverse()  # newest first
    return render(request, "reports.html", rows=rows, sort=key, params=SearchParams())
