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

    def as_json(self) -> dict:
        return {"query": self.query, "total": self.total, "page": self.page,
                "limit": self.limit, "suggestion": self.suggestion, "hits": self.hits,
                "facets": self.facets}
