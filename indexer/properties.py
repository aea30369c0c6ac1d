"""Document properties of Word and PDF files (title, author, dates) as report metadata.

A report's date is the date of its event, so the file's own dates are kept as metadata
(``document_created``, ``document_modified``) and used only when neither the text nor the
file name gives a date. A title the authoring program made up ("Microsoft Word -
Document1", "Untitled", the file's name) is not a title.
"""

from __future__ import annotations

import re
from pathlib import PurePath

_MADE_UP = re.compile(
    r"^(?:microsoft\s+(?:word|powerpoint)\s*-\s*.*|(?:document|doc|untitled|presentation|"
    r"slide|book)\s*\d*|untitled\s+document|powerpoint\s+presentation|title|no\s+title|"
    r"slide\s+\d+|template|normal|\W*)$", re.I)
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|odt|rtf|txt|md|html?|pptx?|indd|pages|dotx?)$", re.I)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def usable_title(title: str | None, name: str = "") -> str:
    """The title, or "" when it is one an authoring program made up or a file name."""
    title = re.sub(r"\s+", " ", (title or "").replace("\x00", "")).strip()
    if not title or _MADE_UP.match(title) or _FILE_NAME.search(title):
        return ""
    stem = PurePath(name).stem if name else ""
    if stem and _squash(title) == _squash(stem):
        return ""
    return title


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def pdf_date(value: str | None) -> str | None:
    """'D:20190619101500+02'00'' -> '2019-06-19'."""
    match = _PDF_DATE.match((value or "").strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    if not ("01" <= month <= "12" and "01" <= day <= "31") or year < "1980":
        return None
    return f"{year}-{month}-{day}"


def iso_day(value: str | None) -> str | None:
    """'2018-09-05T17:21:00Z' -> '2018-09-05'."""
    match = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if not match or match.group(1) < "1980":
        return None
    return "-".join(match.groups())


def document_metadata(title: str, author: str, created: str | None,
                      modified: str | None) -> dict:
    """The metadata keys a Word or PDF file contributes."""
    meta: dict = {}
    if title.strip():
        meta["document_title"] = title.strip()
    if author.strip():
        meta["author"] = author.strip()
    if created:
        meta["document_created"] = created
    if modified:
        meta["document_modified"] = modified
    return meta
