"""PDF -> HTML for the structural walk, with the page each block starts on.

pdfminer.six reads the characters with their fonts, sizes and places (its own text boxes
are not used: see ``pdf_layout``); ``pdf_layout`` rebuilds lines in reading order without
running heads, and ``pdf_structure`` paragraphs, headings, lists and bold runs. A file
without a text layer (a scan), one that needs a password, one cut short, or one with more
pages than the limit is refused with one reason.
"""

from __future__ import annotations

import logging
from io import BytesIO

from .errors import InputError, InputSkipped
from .pdf_layout import drop_running_heads, flow_lines, page_glyphs, reading_order, segments
from .pdf_structure import to_html
from .properties import document_metadata, pdf_date, usable_title

DEFAULT_MAX_PAGES = 1000
SCANNED_CHARS = 20  # fewer letters than this over all pages, with images: a scan


def check_pdf(raw: bytes, name: str) -> None:
    """Cheap checks before parsing: a PDF header, and an end-of-file marker."""
    if b"%PDF-" not in raw[:1024]:
        raise InputError(name, "not a PDF (no %PDF- header)")
    if b"%%EOF" not in raw[-2048:]:
        raise InputError(name, "truncated PDF (no end-of-file marker): the file is "
                         "incomplete")


def convert(raw: bytes, name: str, max_pages: int = DEFAULT_MAX_PAGES):
    """PDF bytes -> Converted(metadata, html, pages). Raises InputError with the reason."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTImage
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    from .loading import Converted

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    check_pdf(raw, name)
    document = _open(raw, name)
    count = _page_count(document)
    if count is not None and count > max_pages:
        raise InputSkipped(name, f"{count} pages, over the {max_pages}-page limit "
                           "(--max-pages)")
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    pages, heights, images, letters, unmapped = [], [], 0, 0, 0
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > max_pages:
            raise InputSkipped(name, f"over {max_pages} pages (--max-pages)")
        interpreter.process_page(page)
        layout = device.get_result()
        images += _count(layout, LTImage)
        glyphs = page_glyphs(layout, layout.bbox)
        letters += sum(1 for g in glyphs if g.text.strip())
        unmapped += sum(1 for g in glyphs if g.text == "\ufffd")
        pages.append(segments(glyphs))
        heights.append(layout.height)
    if letters < SCANNED_CHARS:
        if images:
            raise InputError(name, "no text layer: needs OCR (a scanned document)")
        raise InputError(name, "no text found")
    if unmapped > letters / 2:
        raise InputError(name, "no readable text layer (its fonts do not map their codes to "
                         "characters): needs OCR")
    info = _info(document)
    title = usable_title(info.get("Title"), name)
    lines, flow = [], 0
    for number, (segs, height) in enumerate(zip(drop_running_heads(pages, heights), heights,
                                                strict=True), start=1):
        for members in reading_order(segs):
            flow += 1
            lines.extend(flow_lines(members, number, flow, height))
    markup, blocks = to_html(lines, title)
    meta = document_metadata(info.get("Title", ""), info.get("Author", ""),
                             pdf_date(info.get("CreationDate")), pdf_date(info.get("ModDate")))
    meta["pages"] = len(pages)
    return Converted(meta, markup, tuple(blocks))


def _open(raw: bytes, name: str):
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psparser import PSException

    try:
        return PDFDocument(PDFParser(BytesIO(raw)), password="")
    except PDFPasswordIncorrect:
        raise InputError(name, "encrypted: the PDF needs a password to open") from None
    except PDFEncryptionError as exc:
        raise InputError(name, f"encrypted with an unsupported method ({exc})") from None
    except (PSException, ValueError, KeyError, TypeError) as exc:
        raise InputError(name, f"damaged PDF ({type(exc).__name__}: {exc})") from None


def _page_count(document) -> int | None:
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(document.catalog["Pages"])["Count"])
        return int(count)
    except Exception:  # a damaged page tree: the pages are counted as they are read
        return None


def _count(layout, kind) -> int:
    from pdfminer.layout import LTContainer

    found, stack = 0, [layout]
    while stack:
        item = stack.pop()
        if isinstance(item, kind):
            found += 1
        elif isinstance(item, LTContainer):
            stack.extend(item)
    return found


def _info(document) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    out: dict[str, str] = {}
    for info in document.info or []:
        for key in ("Title", "Author", "CreationDate", "ModDate"):
            value = resolve1(info.get(key)) if isinstance(info, dict) else None
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip() and key not in out:
                out[key] = value.strip()
    return out
