"""The JSON API: the command line's JSON for the same questions (``/api/search`` is
``reports search --format json`` for the same parameters, through the same formatter)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from indexer.errors import UsageError

from ..formatting import format_json
from .params import SearchParams
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
    report_id = request.query_params.get("report") or None
    with request.app.state.live.library() as library:
        return JSONResponse(library.speakers(report_id))


def themes(request: Request) -> Response:
    with request.app.state.live.library() as library:
        return JSONResponse(library.theme_counts())
