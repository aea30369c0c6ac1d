"""Word (.docx) -> HTML for the structural walk, through mammoth.

mammoth turns Word's styles into semantic HTML: heading styles become ``<h1>``-``<h6>``,
bold runs ``<strong>``, lists and tables stay lists and tables. The document reads as it
would with its tracked changes accepted (deleted text is not indexed) and without its
comments. Its properties (title, author, created and modified dates) become metadata. The
file is checked before it is unpacked: a file that is not a zip, or whose parts would
unpack to far more than a Word document holds (a zip bomb), is refused.
"""

from __future__ import annotations

import html
import re
import zipfile
from io import BytesIO
from xml.etree import ElementTree

from .errors import InputError
from .properties import document_metadata, iso_day, usable_title

MAX_UNPACKED = 512 * 1024 * 1024  # bytes all parts may unpack to
MAX_RATIO = 200  # how much larger than its packed size one large part may unpack to
# Word's "Title" and "Subtitle" paragraph styles: the title is a heading, the subtitle
# a paragraph of its own
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
comment-reference => !
"""
_CORE = {"dc": "http://purl.org/dc/elements/1.1/",
         "dcterms": "http://purl.org/dc/terms/",
         "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}


def check_docx(raw: bytes, name: str) -> zipfile.ZipFile:
    """The file as a zip that is safe to unpack, or InputError saying why not."""
    if not raw.startswith(b"PK"):
        raise InputError(name, "not a Word document (not a zip file; an old .doc or a "
                         "renamed file?)")
    try:
        package = zipfile.ZipFile(BytesIO(raw))
        parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise InputError(name, f"not a Word document (damaged zip file: {exc})") from None
    unpacked = sum(part.file_size for part in parts)
    swollen = [p for p in parts if p.file_size > 10 * 1024 * 1024
               and p.file_size > MAX_RATIO * max(p.compress_size, 1)]
    if unpacked > MAX_UNPACKED or swollen:
        raise InputError(name, f"refused: would unpack {len(raw) / 1e3:.0f} kB into "
                         f"{unpacked / 1e6:.0f} MB (a zip bomb?)")
    if "word/document.xml" not in {p.filename for p in parts}:
        raise InputError(name, "not a Word document (no word/document.xml in the zip)")
    return package


def convert(raw: bytes, name: str):
    """.docx bytes -> Converted(metadata, html). Raises InputError with the reason."""
    import mammoth

    from .loading import Converted

    package = check_docx(raw, name)
    title, author, created, modified = _core_properties(package)
    result = mammoth.convert_to_html(
        BytesIO(raw), style_map=STYLE_MAP,
        convert_image=mammoth.images.img_element(lambda image: {"src": ""}))
    own_title = usable_title(title, name)
    body = rejoin_typed_lines(result.value)
    markup = (f"<html><head><title>{html.escape(own_title)}</title></head><body>"
              f"{body}</body></html>") if own_title else body
    return Converted(document_metadata(title, author, created, modified), markup)


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_SENTENCE_END = (".", "!", "?", ":", ";")
_INDENTED = re.compile(r"^(?: |&nbsp;|\u00a0){2,}\S")


def rejoin_typed_lines(markup: str) -> str:
    """Plain text pasted into Word keeps its hard line breaks as paragraphs, the wrapped
    lines indented with spaces ("- Boost, version 1.53 or later" then "  for the Python
    module"): such a line goes on the paragraph before it, unless that one ended a
    sentence."""
    pieces: list[list[str]] = []  # ["p", inner markup] or ["raw", markup between]
    last = 0
    for match in _PARAGRAPH.finditer(markup):
        if match.start() > last:
            pieces.append(["raw", markup[last:match.start()]])
        text, previous = match.group(1), pieces[-1] if pieces else None
        if previous and previous[0] == "p" and _INDENTED.match(text) and not re.sub(
                r"<[^>]+>", "", previous[1]).rstrip().endswith(_SENTENCE_END):
            previous[1] += " " + text.strip()
        else:
            pieces.append(["p", text])
        last = match.end()
    pieces.append(["raw", markup[last:]])
    return "".join(f"<p>{text}</p>" if kind == "p" else text for kind, text in pieces)


def _core_properties(package: zipfile.ZipFile) -> tuple[str, str, str | None, str | None]:
    try:
        with package.open("docProps/core.xml") as part:
            root = ElementTree.fromstring(part.read(1024 * 1024))
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError):
        return "", "", None, None

    def text(tag: str) -> str:
        found = root.find(tag, _CORE)
        return (found.text or "").strip() if found is not None else ""

    def day(tag: str) -> str | None:
        stamp = text(tag)
        return None if stamp in _TEMPLATE_STAMPS else iso_day(stamp)

    return text("dc:title"), text("dc:creator"), day("dcterms:created"), day("dcterms:modified")


# the dates in the blank template that documents written by programs start from (python-docx
# leaves them unless the program sets its own): the day the template was made, not the file's
_TEMPLATE_STAMPS = frozenset({"2013-12-23T23:15:00Z"})

