"""Word and PDF versions of Markdown reports, made at test time.

The Markdown is turned into HTML by the project's own converter, and that HTML into a
Word file (python-docx: heading styles, bold and italic runs, bullet lists, tables) or a
PDF (reportlab: larger bold fonts for headings, Helvetica-Bold for bold runs, bullets with
hanging indents; optional running header and footer with page numbers, two columns,
justified text, hyphenated line ends).
"""

from __future__ import annotations

import html
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from indexer.loading import markdown_to_html, split_front_matter

HEADING_SIZES = {1: 20, 2: 16, 3: 13, 4: 12, 5: 11, 6: 11}


def _elements(markdown_text: str):
    _, body = split_front_matter(markdown_text)
    soup = BeautifulSoup(markdown_to_html(body), "html.parser")
    return [child for child in soup.children if isinstance(child, Tag)]


# Word ------------------------------------------------------------------------------------


def markdown_to_docx(markdown_text: str, path: Path, *, title: str = "",
                     author: str = "", created=None) -> Path:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = author
    if created is not None:
        props.created = created
    for element in _elements(markdown_text):
        _docx_block(document, element)
    document.save(str(path))
    return path


def _docx_block(document, element: Tag, depth: int = 0) -> None:
    name = element.name
    if name and name[0] == "h" and name[1:].isdigit():
        paragraph = document.add_heading(level=int(name[1:]))
        _docx_runs(paragraph, element)
    elif name in ("ul", "ol"):
        style = "List Bullet" if name == "ul" else "List Number"
        for li in element.find_all("li", recursive=False):
            paragraph = document.add_paragraph(style=style + (f" {depth + 1}" if depth else ""))
            _docx_runs(paragraph, li, skip=("ul", "ol"))
            for sub in li.find_all(["ul", "ol"], recursive=False):
                _docx_block(document, sub, depth + 1)
    elif name == "table":
        rows = element.find_all("tr")
        width = max(len(row.find_all(["td", "th"])) for row in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.find_all(["td", "th"])):
                paragraph = table.cell(r, c).paragraphs[0]
                _docx_runs(paragraph, cell, bold=cell.name == "th")
    elif name in ("blockquote", "div"):
        for child in element.find_all(True, recursive=False):
            _docx_block(document, child, depth)
    else:
        _docx_runs(document.add_paragraph(), element)


def _docx_runs(paragraph, node, *, bold=False, italic=False, sup=False, skip=()) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            text = " ".join(str(child).split("\n"))
            if text:
                run = paragraph.add_run(text)
                run.bold, run.italic = bold or None, italic or None
                if sup:
                    run.font.superscript = True
        elif child.name in skip:
            continue
        elif child.name == "br":
            paragraph.add_run().add_break()
        else:
            _docx_runs(paragraph, child, bold=bold or child.name in ("strong", "b"),
                       italic=italic or child.name in ("em", "i"),
                       sup=sup or child.name == "sup", skip=skip)


# PDF -------------------------------------------------------------------------------------


def markdown_to_pdf(markdown_text: str, path: Path, *, header: str = "", footer: str = "",
                    columns: int = 1, justify: bool = False, title: str = "",
                    hyphenate: bool = False, body_size: float = 10) -> Path:
    """``header``/``footer`` are drawn on every page, ``footer`` with the page number."""
    return story_to_pdf(markdown_story(markdown_text, justify=justify, hyphenate=hyphenate,
                                       body_size=body_size),
                        path, header=header, footer=footer, columns=columns, title=title)


def styles(justify: bool = False, hyphenate: bool = False, body_size: float = 10):
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=body_size,
                          leading=body_size * 1.3, spaceAfter=body_size * 0.7,
                          alignment=TA_JUSTIFY if justify else TA_LEFT)
    if hyphenate:
        body.hyphenationLang = "en_GB"
        body.embeddedHyphenation = 1
        body.uriWasteReduce = 0.3
    out = {"body": body,
           "item": ParagraphStyle("item", parent=body, leftIndent=18, bulletIndent=6,
                                  spaceAfter=2)}
    for level, size in HEADING_SIZES.items():
        out[f"h{level}"] = ParagraphStyle(f"h{level}", fontName="Helvetica-Bold",
                                          fontSize=size, leading=size * 1.25,
                                          spaceBefore=size * 0.8, spaceAfter=size * 0.4)
    return out


def markdown_story(markdown_text: str, *, justify: bool = False, hyphenate: bool = False,
                   body_size: float = 10):
    from reportlab.platypus import Paragraph, Table

    sheet = styles(justify, hyphenate, body_size)
    story = []
    for element in _elements(markdown_text):
        name = element.name
        if name and name[0] == "h" and name[1:].isdigit():
            story.append(Paragraph(_pdf_inline(element), sheet[name]))
        elif name in ("ul", "ol"):
            for number, li in enumerate(element.find_all("li", recursive=False), start=1):
                story.append(Paragraph(_pdf_inline(li), sheet["item"],
                                       bulletText="\u2022" if name == "ul" else f"{number}."))
        elif name == "table":
            rows = [[Paragraph(_pdf_inline(cell), sheet["body"])
                     for cell in row.find_all(["td", "th"])]
                    for row in element.find_all("tr")]
            story.append(Table(rows))
        else:
            story.append(Paragraph(_pdf_inline(element), sheet["body"]))
    return story


def _pdf_inline(node) -> str:
    parts = []
    for child in node.children:
        if isinstance(child, NavigableString):
            parts.append(html.escape(" ".join(str(child).split("\n")), quote=False))
        elif child.name in ("ul", "ol"):
            continue
        elif child.name == "br":
            parts.append("<br/>")
        else:
            inner = _pdf_inline(child)
            tag = {"strong": "b", "b": "b", "em": "i", "i": "i", "sup": "super"}.get(child.name)
            parts.append(f"<{tag}>{inner}</{tag}>" if tag else inner)
    return "".join(parts).strip()


def story_to_pdf(story, path: Path, *, header: str = "", footer: str = "", columns: int = 1,
                 title: str = "", pagesize=None, encrypt=None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    pagesize = pagesize or A4
    width, height = pagesize
    margin, gutter = 56, 24
    column = (width - 2 * margin - gutter * (columns - 1)) / columns
    frames = [Frame(margin + i * (column + gutter), margin, column, height - 2 * margin,
                    id=f"c{i}", leftPadding=0, rightPadding=0) for i in range(columns)]

    def furniture(canvas, document):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if header:
            canvas.drawString(margin, height - 34, header)
        if footer:
            canvas.drawString(margin, 30, footer)
            canvas.drawRightString(width - margin, 30, f"Page {document.page}")
        canvas.restoreState()

    document = BaseDocTemplate(str(path), pagesize=pagesize, title=title, author="",
                               encrypt=encrypt)
    document.addPageTemplates([PageTemplate(id="main", frames=frames, onPage=furniture)])
    document.build(list(story))
    return path


def canvas_pdf(path: Path, pages, *, title: str = "", encrypt=None, pagesize=None) -> Path:
    """A PDF drawn line by line: ``pages`` is a list of pages, each a list of
    ``(x, y, text, font, size)``; a page may also hold ``("image", PIL image)``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pagesize = pagesize or A4
    drawing = canvas.Canvas(str(path), pagesize=pagesize, encrypt=encrypt)
    drawing.setTitle(title)
    for page in pages:
        for item in page:
            if item[0] == "image":
                drawing.drawImage(ImageReader(item[1]), 40, 40, pagesize[0] - 80,
                                  pagesize[1] - 80)
                continue
            x, y, text, font, size = item
            drawing.setFont(font, size)
            drawing.drawString(x, y, text)
        drawing.showPage()
    drawing.save()
    return path


def wrapped(text: str, width: int) -> list[str]:
    """Text cut into lines of at most ``width`` characters, at spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])
