"""The library API under its first name: ``search.library`` holds it now."""

from .library import Library, SearchRequest, SearchResult, with_proximity_bonus

__all__ = ["Library", "SearchRequest", "SearchResult", "with_proximity_bonus"]
