"""The web page's application: routes, templates, security headers and error pages.
Built by ``create_app`` for one index; nothing happens at import time."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from indexer.errors import ReportsError, UsageError

from ..library.live import LiveLibrary
from . import api, pages
from .charts import short_label
from .params import SearchParams, path_part
from .responses import NotFound, error_response

HERE = Path(__file__).resolve().parent

# scripts and styles from this server only: an inline <script> that came from a report
# (were one ever to slip through the escaping) would not run
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
MAX_BODY = 16 * 1024  # every page is a GET: nothing large is ever sent to the server
HEADERS = [(b"content-security-policy", POLICY.encode()),
           (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"),
           (b"x-frame-options", b"DENY")]


def create_app(index_path: Path, people_file: Path | None = None) -> Starlette:
    """The application over the index at ``index_path``; fails now (ReportsError) when
    there is no index to open."""
    live = LiveLibrary(index_path, people_file)
    templates = _environment()
    routes = [
        Route("/", pages.search_page),
        Route("/search", pages.search_page),
        Route("/reports", pages.reports_page),
        Route("/reports/{report_id:path}", pages.report_page),
        Route("/speakers", pages.speakers_page),
        Route("/speakers/{name:path}", pages.speaker_page),
        Route("/themes", pages.themes_page),
        Route("/similar", pages.similar_page),
        Route("/api/search", api.search),
        Route("/api/reports", api.reports),
        Route("/api/reports/{report_id:path}", api.report),
        Route("/api/speakers", api.speakers),
        Route("/api/themes", api.themes),
        Route("/api/similar", api.similar),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        live.close()  # the searchers' files

    handlers = {UsageError: _usage_error, NotFound: _not_found, ReportsError: _index_error,
                HTTPException: _http_error, Exception: _unexpected}
    app = Starlette(routes=routes, lifespan=lifespan, max_body_size=MAX_BODY,
                    exception_handlers=handlers)
    app.state.live = live
    app.state.index = Path(index_path).absolute()
    app.state.people_file = Path(people_file).absolute() if people_file else None
    app.state.templates = templates
    app.add_middleware(SecurityHeaders)
    return app


def from_environment() -> Starlette:
    """The application for a worker process of ``reports serve --workers N``: the index
    and curator file named by ``REPORTS_SERVE_INDEX`` and ``REPORTS_SERVE_PEOPLE``."""
    people = os.environ.get("REPORTS_SERVE_PEOPLE")
    return create_app(Path(os.environ["REPORTS_SERVE_INDEX"]),
                      Path(people) if people else None)


class SecurityHeaders:
    """Adds the content security policy and its companions to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, sending)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["seg"] = path_part
    env.filters["short"] = short_label
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.globals["search_url"] = lambda **changes: SearchParams(**changes).url()
    return env


def _usage_error(request: Request, exc: Exception) -> Response:
    return error_response(request, str(exc), 400)


def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, str(exc), 404)


def _index_error(request: Request, exc: Exception) -> Response:
    return error_response(request, str(exc), 500)


def _unexpected(request: Request, exc: Exception) -> Response:
    """A bug: one line, as the command line says it; the traceback goes to the log."""
    return error_response(request, f"unexpected {type(exc).__name__}: {exc}", 500)


def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    message = {404: "no such page", 405: "method not allowed"}.get(status, str(exc))
    return error_response(request, message, status)
