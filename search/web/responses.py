"""Responses the pages and the API share: rendered templates and error answers."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response


class NotFound(Exception):
    """An unknown report or person: a 404 with the library's message."""


def render(request: Request, template: str, status_code: int = 200, /, **context) -> HTMLResponse:
    page = request.app.state.templates.get_template(template)
    return HTMLResponse(page.render(**context), status_code=status_code)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, message: str, status: int) -> Response:
    if _is_api(request):
        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", status, message=message, status=status)
