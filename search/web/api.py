"""The JSON API: the command line's JSON for the same questions (``/api/search`` is
``reports search --format json`` for the same parameters, through the same formatter)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from indexer.errors import UsageError

from ..formatting import format_json
from ..library import SearchRequest
from .params import SearchParams, number_param, similar_target
from .responses import NotFound


def search(request: Request) -> Response:
    params = SearchParams.from_query(request.query_params)
    explain = request.query_params.get("explain", "") not in ("", "0", "false")
    with request.app.state.live.library() as library:
        result = library.search(params.request(explain=explain))
    return Response(format_json(result), media_type="application/json")


def reports(request: Request) -> Response:
    with request.app.state.live.library() as library:
        return JSONResponse(library.list_reports())


def report(request: Request) -> Response:
    with request.app.state.live.library() as library:
        try:
            return JSONResponse(library.outline(request.path_params["report_id"]))
        except UsageError as exc:
            raise NotFound(str(exc)) from None


def speakers(request: Request) -> Response:
    """``reports speakers --json``; with ``q`` (and the search's filters),
    ``reports speakers --query Q --json``."""
    report_id = request.query_params.get("report") or None
    if request.query_params.get("q"):
        params = SearchParams.from_query(request.query_params)
        asked = SearchRequest(query=params.q, themes=params.theme, sections=params.section,
                              reports=params.report, since=params.since or None,
                              until=params.until or None)
        with request.app.state.live.library() as library:
            found = library.speakers_about(asked)
        return JSONResponse({key: found[key] for key in ("query", "total", "people")})
    with request.app.state.live.library() as library:
        return JSONResponse(library.speakers(report_id))


def themes(request: Request) -> Response:
    """``reports themes --json``; with ``by`` (and ``q``), ``reports themes --by``."""
    by = request.query_params.get("by")
    with request.app.state.live.library() as library:
        if by:
            query = SearchParams.from_query(request.query_params).q or None
            return JSONResponse(library.themes_by(by, query))
        return JSONResponse(library.theme_counts())


def similar(request: Request) -> Response:
    """``reports similar ID:N --format json`` (``?id=ID:N&other_reports=1&limit=``)."""
    report_id, paragraph = similar_target(request.query_params.get("id"))
    limit = number_param(request.query_params.get("limit"), "limit", 10, 100)
    other = request.query_params.get("other_reports", "") not in ("", "0", "false")
    with request.app.state.live.library() as library:
        result = library.similar(report_id, paragraph, limit=limit, other_reports=other)
    return Response(format_json(result, key_terms=result.key_terms),
                    media_type="application/json")
