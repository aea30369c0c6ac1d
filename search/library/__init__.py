"""The one API over an index, for the command line and the web page alike: search
(query, rank, highlight, suggest, explain, facets), list, show, speakers, themes."""

from .core import Library
from .ranking import with_proximity_bonus
from .records import SearchRequest, SearchResult

__all__ = ["Library", "SearchRequest", "SearchResult", "with_proximity_bonus"]
