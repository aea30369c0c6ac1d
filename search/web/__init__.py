"""The web page over an index (``reports serve``): Starlette, Jinja2 templates, our own
CSS and a little JavaScript, SVG charts drawn on the server."""

from .app import create_app

__all__ = ["create_app"]
