"""Name normalisation shared by the indexer and the query side."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH_RUN = re.compile(r"\s*[" + DASHES + r"]\s*")


@lru_cache(maxsize=1 << 16)  # names are folded again and again while a report is read
def fold(text: str) -> str:
    """Case, accent and dash folding: 'DaSilva – Ibru' and 'dasilva-ibru' meet."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASH_RUN.sub("-", text.casefold())
    text = text.replace("\u2019", "'").replace(".", " ")
    return " ".join(text.split())


def name_key(name: str) -> str:
    """The normalised full name that identifies one person across reports."""
    return fold(name)
