"""A search page's parameters: read from the query string with bounds, turned into the
library's ``SearchRequest``, and written back into links that add or remove a filter."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import quote, quote_plus

from indexer.errors import UsageError

from ..library import SearchRequest

MAX_QUERY_CHARS = 1000
MAX_VALUE_CHARS = 200  # a speaker, theme, section or report value
MAX_VALUES = 20  # values of one filter
MAX_LIMIT = 100
MAX_PAGE = 1000
PAGE_SIZE = 10

# query-string name -> SearchRequest field, for the filters that repeat
FILTERS = {"speaker": "speakers", "theme": "themes", "section": "sections",
           "report": "reports", "evidence": "evidence"}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    speaker: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    report: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    since: str = ""
    until: str = ""
    page: int = 1
    limit: int = PAGE_SIZE

    @classmethod
    def from_query(cls, params) -> SearchParams:
        """From a Starlette ``QueryParams`` (or any multi-dict with ``getlist``); values
        out of bounds are a ``UsageError``, as a bad option is on the command line."""
        q = params.get("q", "") or ""
        if len(q) > MAX_QUERY_CHARS:
            raise UsageError(f"query is {len(q)} characters long; at most {MAX_QUERY_CHARS}")
        values = {}
        for name in FILTERS:
            found = tuple(v.strip() for v in params.getlist(name) if v.strip())
            if len(found) > MAX_VALUES:
                raise UsageError(f"{len(found)} values of {name}; at most {MAX_VALUES}")
            for value in found:
                if len(value) > MAX_VALUE_CHARS:
                    raise UsageError(f"{name} value is {len(value)} characters long; "
                                     f"at most {MAX_VALUE_CHARS}")
            values[name] = tuple(dict.fromkeys(found))
        dates = {}
        for name in ("since", "until"):
            value = (params.get(name) or "").strip()
            if len(value) > 10:
                raise UsageError(f"bad --{name} {value[:20]!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
            dates[name] = value
        page = number_param(params.get("page"), "page", 1, MAX_PAGE)
        limit = number_param(params.get("limit"), "limit", PAGE_SIZE, MAX_LIMIT)
        return cls(q=q, page=page, limit=limit, **values, **dates)

    def request(self, explain: bool = False) -> SearchRequest:
        return SearchRequest(query=self.q or None, speakers=self.speaker, themes=self.theme,
                             sections=self.section, reports=self.report,
                             evidence=self.evidence, since=self.since or None,
                             until=self.until or None, limit=self.limit, page=self.page,
                             explain=explain)

    @property
    def has_filters(self) -> bool:
        return any(getattr(self, name) for name in (*FILTERS, "since", "until"))

    # links -------------------------------------------------------------------------------

    def url(self, path: str = "/search", **changes) -> str:
        """This search with some parameters changed; page 1 unless a page is given."""
        changes.setdefault("page", 1)
        pieces: list[str] = []
        for name in _ORDER:
            value = changes[name] if name in changes else getattr(self, name)
            pieces.extend(_encoded(name, tuple(value) if isinstance(value, list) else value))
        return path + ("?" + "&".join(pieces) if pieces else "")

    def page_url(self, number: int) -> str:
        return self.url(page=number)

    def toggled(self, name: str, value: str) -> str:
        """A link that adds the filter value, or removes it when it is on."""
        values = getattr(self, name)
        if value in values:
            return self.url(**{name: tuple(v for v in values if v != value)})
        return self.url(**{name: (*values, value)})

    def has(self, name: str, value: str) -> bool:
        return value in getattr(self, name)

    def year_link(self, year: str) -> str:
        """Limits the search to one year, or lifts that limit when it is on."""
        if self.since == year and self.until == year:
            return self.url(since="", until="")
        return self.url(since=year, until=year)

    def chips(self) -> list[tuple[str, str, str]]:
        """The active filters as (label, value, link that removes it)."""
        out = []
        for name in FILTERS:
            for value in getattr(self, name):
                out.append((name, value, self.toggled(name, value)))
        if self.since and self.since == self.until:
            out.append(("year" if len(self.since) == 4 else "date", self.since,
                        self.url(since="", until="")))
        else:
            for name in ("since", "until"):
                if getattr(self, name):
                    out.append((name, getattr(self, name), self.url(**{name: ""})))
        return out


_ORDER = ("q", *FILTERS, "since", "until", "limit", "page")
_DEFAULTS = {"q": "", "since": "", "until": "", "limit": PAGE_SIZE, "page": 1}


@functools.lru_cache(maxsize=4096)
def _encoded(name: str, value) -> tuple[str, ...]:
    """``name=value`` pieces of a query string (none for a default); a search page
    writes dozens of links that share most of them."""
    if isinstance(value, tuple):
        return tuple(f"{name}={quote_plus(v)}" for v in value)
    if value == _DEFAULTS.get(name) or value in ("", None):
        return ()
    return (f"{name}={quote_plus(str(value))}",)


def number_param(value, name: str, default: int, most: int) -> int:
    """A page or limit; under 1 is left for the library to refuse, as on the command
    line."""
    if value in (None, ""):
        return default
    try:
        number = int(value) if len(value) <= 8 else None
    except ValueError:
        number = None
    if number is None:
        raise UsageError(f"--{name} must be a whole number, not {value[:20]!r}")
    if number > most:
        raise UsageError(f"--{name} must be {most} or less, not {number}")
    return number


def path_part(value: str) -> str:
    """A name or id as one segment of a URL path (a slash too is escaped)."""
    return quote(value, safe="")


def similar_target(value: str | None) -> tuple[str, int]:
    """``ID:N`` -> (report id, paragraph number); anything else is a ``UsageError``."""
    report_id, _, number = (value or "").rpartition(":")
    if not report_id or not number.isdigit() or len(number) > 8 or len(value) > 400:
        raise UsageError(f"give id=ID:N, a report id and a paragraph number, not "
                         f"{(value or '')[:60]!r}")
    return report_id, int(number)
