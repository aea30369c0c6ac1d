"""What a search is asked and what it answers: plain records, no index access."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    key_terms: list[str] = field(default_factory=list)  # a similar search's words

    def as_json(self) -> dict:
        return {"query": self.query, "total": self.total, "page": self.page,
                "limit": self.limit, "suggestion": self.suggestion, "hits": self.hits,
                "facets": self.facets}


@dataclass
class Matched:
    """What a request matched (``Library.matches``): the understood query and filters,
    every matched paragraph per segment and, with a query, Whoosh's top hits."""

    searcher: object
    context: object  # the QueryContext, with what names and themes resolved to
    text: str
    filters: object | None  # the filters' Whoosh query
    filtered: object | None  # the DocSet the filters allow (None: no filters)
    user_query: object | None = None  # expanded against the index
    scored: object | None = None  # with the proximity bonus
    words: tuple | None = None  # words and phrases to highlight
    found: object | None = None  # matching.Matches, with a query
    segments: list = field(default_factory=list)  # [(segment reader, document numbers)]
    total: int = 0
