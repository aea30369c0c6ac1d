"""One structural walk over HTML: headings become the section path, paragraphs and
lists become blocks. Title and date are found in metadata, markup or text."""

from __future__ import annotations

import re
import sys
from collections.abc import Collection
from datetime import date as Date

from .preformatted import is_plain_document, split_preformatted
from .records import Block, Document

CHROME = {"script", "style", "nav", "header", "footer", "form", "aside", "noscript",
          "template", "iframe", "svg", "button", "select", "input", "textarea", "object",
          "embed", "canvas", "menu", "dialog"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = {"p", "pre", "address", "figcaption", "dd", "dt", "caption"}
LISTS = {"ul", "ol"}
CONTAINERS = {"div", "section", "article", "main", "body", "html", "blockquote", "center",
              "figure", "details", "summary", "dl", "span", "font", "td", "th", "li", "fieldset"}
EMPHASIS = {"strong", "b", "em", "i"}
CODE = {"code", "samp", "kbd"}  # a <pre> holding these is code, kept whole
MAX_DEPTH = 200  # deeper markup is flattened rather than walked


def parse_html(markup: str, metadata: dict | None = None, fallback_title: str = "",
               fallback_date: str | None = None) -> Document:
    """HTML text -> Document. Pure: no file access."""
    from bs4 import BeautifulSoup  # imported here: start-up of search commands stays fast

    soup = BeautifulSoup(markup, "html.parser")
    meta = dict(metadata or {})
    for tag in tags_below(soup, CHROME):
        if tag.name in ("header",) and first_tag(tag, "h1") and not first_tag(soup, "main"):
            tag.unwrap()  # some pages keep their only <h1> in a <header>
            continue
        tag.decompose()
    walker = _Walker()
    body = first_tag(soup, "body") or soup
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 5000))
    try:
        walker.walk(body, 0)
    finally:
        sys.setrecursionlimit(old_limit)
    walker.flush()
    title_tag = first_tag(soup, "title")
    html_title = title_tag.get_text(" ", strip=True) if title_tag else ""
    title_line = _title_line(walker)
    h1 = walker.first_h1 if not _generic_heading(walker.first_h1) else ""
    title = (meta.get("title") or _declared_title(html_title, walker) or h1
             or (title_line[0] if title_line else "")
             or html_title or walker.first_h1 or walker.first_heading
             or fallback_title).strip()
    raw_blocks = walker.blocks
    if title_line and title == title_line[0]:
        raw_blocks = raw_blocks[:title_line[1]] + raw_blocks[title_line[1] + 1:]
    blocks = tuple(_drop_title(raw_blocks, title))
    found_date = (_front_matter_date(meta) or _markup_date(soup)
                  or find_date(walker.first_h1 or "") or find_date(title) or fallback_date
                  or _text_date(b.text for b in blocks[:12]))
    return Document(title=title or fallback_title, date=found_date, metadata=meta,
                    blocks=blocks)


# words of a heading that names the kind of document rather than this one
_GENERIC_WORDS = frozenset("""
a an the of and event events report reports summary summaries minutes meeting meetings
notes agenda executive draft final record records proceedings transcript overview
""".split())


def _generic_heading(text: str) -> bool:
    """'EVENT REPORT SUMMARY', 'Minutes', 'Meeting notes': says what kind of document
    this is, not which one."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return bool(words) and all(w in _GENERIC_WORDS for w in words)


def _declared_title(declared: str, walker) -> str:
    """The title the file declares (its <title>, a Word file's own title) when one of the
    document's opening headings reads the same: a letterhead styled as the title above
    it ("Kestrel Bay Foundation" over "Minutes of the 87th Meeting ...") is not."""
    if not declared or _generic_heading(declared):
        return ""
    # the heading's own punctuation: a <title> often puts "|" or "–" for the heading's ":"
    return next((h for h in walker.opening_headings if _same_text(declared, h)), "")


def _title_line(walker) -> tuple[str, int] | None:
    """The document's own title line: a short bold or quoted paragraph that opens the
    document or follows a generic first heading ("## EVENT REPORT SUMMARY" then
    "**“Making zero tolerance a reality ...” (Side event ...)**"). Returns its text (the
    quoted part when it opens with a quotation) and its block number."""
    at = walker.first_heading_at
    if at is None or not _generic_heading(walker.first_heading):
        at = 0 if walker.first_heading_at != 0 else None
    if at is None or at >= len(walker.blocks):
        return None
    block = walker.blocks[at]
    if block.kind != "paragraph" or len(block.text) > 300:
        return None
    whole_bold = any(_same_text(b, block.text) for b in block.bold)
    quoted = re.match(r"^[\"“‘'](?P<inner>[^\"“”]{8,250})[\"”’']", block.text)
    if not whole_bold and not (quoted and at == walker.first_heading_at):
        return None
    return (quoted.group("inner").strip() if quoted else block.text.strip(" *")), at


def _drop_title(blocks: list[Block], title: str):
    """A heading used as the title does not also head every section path."""
    for block in blocks:
        path = block.section_path
        if path and path[0] == title:
            path = path[1:]
        if block.kind == "paragraph" and _same_text(block.text, title):
            continue  # the title repeated as a bold line
        yield Block(block.kind, block.text, path, block.bold, block.items, block.lines,
                    voice=block.voice)


_NOT_WORD = re.compile(r"\W+")


def _same_text(a: str, b: str) -> bool:
    return _NOT_WORD.sub("", a).lower() == _NOT_WORD.sub("", b).lower()


def tags_below(node, names: Collection[str]) -> list:
    """The tags under ``node`` named one of ``names``, in document order: what Beautiful
    Soup's ``find_all(names)`` returns, without its general matching (which took a third
    of the walk)."""
    return [tag for tag in node.descendants if tag.name in names]


def child_tags(node, names: Collection[str]) -> list:
    """``find_all(names, recursive=False)``: the children of ``node`` named so."""
    return [tag for tag in node.children if tag.name in names]


def first_tag(node, name: str):
    """``find(name)``: the first tag under ``node`` of that name, or None."""
    return next((tag for tag in node.descendants if tag.name == name), None)


_NUMBER = re.compile(r"^(\d{1,3})[.)]\s")
_COLUMNS = re.compile(r"\t+| {2,}")
_BLANK_LINE = re.compile(r"\n\s*\n")


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.headings: list[tuple[int, str]] = []
        self.inline: list[str] = []
        self.inline_bold: list[str] = []
        self.first_h1 = ""
        self.first_heading = ""
        self.first_heading_at: int | None = None  # how many blocks came before it
        self.opening_headings: list[str] = []  # headings before the fifth block
        self.voice: tuple[str, str] | None = None  # the enclosing element's data-voice

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.headings)

    def walk(self, node, depth: int) -> None:
        for child in list(node.children):
            name = getattr(child, "name", None)
            voice = _voice(child) if name else None
            if voice is not None:
                # the converter knew who speaks here (mail): the element's blocks are theirs
                self.flush()
                outer, self.voice = self.voice, voice
                self.walk(child, depth + 1)
                self.flush()
                self.voice = outer
            elif name is None:
                if type(child).__name__ in ("Comment", "Doctype", "Declaration",
                                            "ProcessingInstruction", "CData"):
                    continue
                self.inline.append(str(child))
            elif name in HEADINGS:
                self.flush()
                self.heading(HEADINGS[name], _text(child))
            elif name in LISTS:
                self.flush()
                self.list_block(child)
            elif name == "table":
                self.flush()
                self.table_block(child)
            elif name == "div" and "footnote" in (child.get("class") or ()):
                # Markdown gathers footnotes at the end: they are not part of the last
                # section (nor its speaker's turn)
                self.flush()
                self.heading(2, "Footnotes")
                self.walk(child, depth + 1)
                self.flush()
            elif name == "br":
                self.inline.append("\n")
            elif name == "pre" and self.preformatted(child):
                pass  # a plain-text document: its paragraphs and titles were added
            elif name in BLOCKS:
                self.flush()
                self.add("paragraph", flat_text(child), _emphasis(child))
            elif name in EMPHASIS or name not in CONTAINERS and name != "hr":
                self.inline.append(flat_text(child))
                self.inline_bold.extend(_emphasis(child, include_self=True))
            elif name == "hr":
                self.flush()
            elif depth >= MAX_DEPTH:
                self.inline.append(child.get_text(" "))
            else:
                block_level = name not in ("span", "font")
                if block_level:
                    self.flush()
                self.walk(child, depth + 1)
                if block_level:
                    self.flush()

    def heading(self, level: int, text: str) -> None:
        if not text:
            return
        if level == 1 and not self.first_h1:
            self.first_h1 = text
        if len(self.blocks) < 5:
            self.opening_headings.append(text)
        if self.first_heading_at is None:
            self.first_heading, self.first_heading_at = text, len(self.blocks)
        level = self._numbered_level(level, text)
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, text))

    def _numbered_level(self, level: int, text: str) -> int:
        """'#### 5. Peer to Peer ...' right after '### 4. Update ...' is the next section,
        whatever its markup level: a numbered heading takes the level of the heading
        numbered one less."""
        number = _NUMBER.match(text)
        if not number:
            return level
        wanted = f"{int(number.group(1)) - 1}"
        for open_level, open_text in reversed(self.headings):
            previous = _NUMBER.match(open_text)
            if previous and previous.group(1) == wanted:
                return open_level
        return level

    def add(self, kind: str, text: str, bold=(), items=()) -> None:
        lines: tuple[str, ...] = ()
        if kind == "paragraph":
            # the source lines are kept: a line that opens with a speaker label starts a
            # turn of its own
            # columns (a tab, or a run of spaces) survive as one tab: "nick<TAB>Full Name"
            lines = tuple(line for line in (
                "\t".join(c for c in (_clean(cell) for cell in _COLUMNS.split(part))
                          if c) for part in text.split("\n")) if line)
            lines = lines if len(lines) > 1 else ()
            text = _clean(text)
        else:  # one line per list item or table row
            text = "\n".join(_indent(line) + _clean(line) for line in text.split("\n")
                              if line.strip())
        if text:
            self.blocks.append(Block(kind, text, self.path, tuple(dict.fromkeys(bold)),
                                     tuple(items), lines, voice=self.voice))

    def flush(self) -> None:
        if self.inline:
            # a <br><br> inside loose text separates paragraphs
            for part in _BLANK_LINE.split("".join(self.inline)):
                self.add("paragraph", part, [b for b in self.inline_bold if b in part])
        self.inline, self.inline_bold = [], []

    def preformatted(self, node) -> bool:
        """A <pre> that holds a whole plain-text document (the Congressional Record's GPO
        pages): its paragraphs become blocks and its titles headings, below the headings
        already open. False, and nothing done, for code and short snippets."""
        if any(tag.name in CODE for tag in node.descendants):
            return False
        text = node.get_text()  # no separator: the layout is in the spaces
        if not is_plain_document(text):
            return False
        self.flush()
        base = max((level for level, _ in self.headings), default=0)
        bold = _emphasis(node)
        for piece in split_preformatted(text):
            if piece.kind == "heading":
                self.heading(base + piece.level, piece.text)
            else:
                self.add("paragraph", piece.text, [b for b in bold if b in piece.text])
        return True

    def list_block(self, node) -> None:
        """A list is one block; nested items are indented lines of it."""
        lines: list[str] = []
        items: list[str] = []
        for li, depth in _list_items(node, 0):
            own = _clean(" ".join(_own_text(li)))
            if own:
                items.append(own)
                lines.append("  " * depth + f"- {own}")
        if not items:
            items = [_clean(node.get_text(" "))]
            lines = [f"- {items[0]}"]
        self.add("list", "\n".join(lines), _emphasis(node), items)

    def table_block(self, node) -> None:
        rows = []
        for tr in tags_below(node, ("tr",)):
            cells = [_clean(flat_text(c)) for c in tags_below(tr, ("td", "th"))]
            if any(cells):
                rows.append(" | ".join(cells))
        self.add("table", "\n".join(rows), _emphasis(node), rows)


def _voice(node) -> tuple[str, str] | None:
    """``data-voice="Ana Ruiz" data-voice-by="header"`` -> ("Ana Ruiz", "header")."""
    voice = node.get("data-voice") if hasattr(node, "get") else None
    if voice is None:
        return None
    return " ".join(voice.split()), node.get("data-voice-by") or "header"


def _list_items(node, depth: int):
    for li in child_tags(node, ("li",)):
        yield li, depth
        for sub in child_tags(li, LISTS):
            yield from _list_items(sub, depth + 1)
        for wrapper in child_tags(li, ("p", "div")):
            for sub in child_tags(wrapper, LISTS):
                yield from _list_items(sub, depth + 1)


def _own_text(li) -> list[str]:
    """An item's text without its nested lists."""
    parts = []
    for child in li.children:
        if getattr(child, "name", None) in LISTS:
            continue
        parts.append(flat_text(child) if getattr(child, "name", None) else str(child))
    return parts


def _text(node) -> str:
    return _clean(flat_text(node))


_SPACED = {"p", "div", "li", "td", "th", "tr", "ul", "ol", "table", "pre", "blockquote",
           "section", "article", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "cite"}


def flat_text(node, depth: int = 0) -> str:
    """The text as written: inline markup adds nothing ('"<a>Clear Check</a>" Database',
    '65<sup>th</sup>'), a line break is a line break, block elements are set apart."""
    if not getattr(node, "name", None):
        return str(node)
    if depth > 100:  # markup nested this deep is flattened as Beautiful Soup reads it
        return node.get_text(" ")
    parts: list[str] = []
    for child in node.children:
        name = getattr(child, "name", None)
        if name is None:
            if type(child).__name__ in ("NavigableString",):
                parts.append(str(child))
        elif name == "br":
            parts.append("\n")
        elif name in _SPACED:
            parts.append(f" {flat_text(child, depth + 1)} ")
        else:
            parts.append(flat_text(child, depth + 1))
    return "".join(parts)


def _emphasis(node, include_self: bool = False) -> list[str]:
    found = tags_below(node, EMPHASIS)
    if include_self and getattr(node, "name", None) in EMPHASIS:
        found = [node, *found]
    phrases = (_clean(tag.get_text(" ")) for tag in found)
    return [p.strip(" :,;.") for p in phrases if p and len(p) <= 400]


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" "))]


_SPACES = re.compile(r"[ \t\r\f\v]+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?)])")
_SPACE_AFTER_PARENTHESIS = re.compile(r"([(])\s+")


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    lines = (line.strip() for line in _SPACES.sub(" ", text).split("\n"))
    joined = " ".join(line for line in lines if line)
    joined = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", joined)
    if "(" in joined:
        joined = _SPACE_AFTER_PARENTHESIS.sub(r"\1", joined)
    return joined.strip()


# Dates ------------------------------------------------------------------------------------

MONTHS = {name: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
               + r",?\s+(?P<year>\d{4})\b", re.I),
]


def find_date(text: str) -> str | None:
    """The first date written in the text, as ISO yyyy-mm-dd."""
    best: tuple[int, str] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _from_match(match)
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), iso)
                break
    return best[1] if best else None


def _from_match(match: re.Match) -> str | None:
    parts = match.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"].lower()]
    try:
        return Date(int(parts["year"]), month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def _iso(value) -> str | None:
    if not value:
        return None
    return find_date(str(value))


# front-matter keys that give a document's date, the most specific first
DATE_KEYS = ("date", "event_date", "eventDate", "publishDate", "published", "pubDate",
             "created", "creationDate")


def _front_matter_date(meta: dict) -> str | None:
    folded = {str(key).casefold(): value for key, value in meta.items()}
    for key in DATE_KEYS:
        found = _iso(folded.get(key.casefold()))
        if found:
            return found
    return None


# a file name or an address in the text is not a date of the report: "see
# notes-2019-02-21.md", "https://example.org/2019/02/21/"
_NAMES_OF_THINGS = re.compile(r"\S*[/\\]\S*|\S*\w-\d{4}-\d{1,2}-\d{1,2}\S*|"
                              r"\S+\.(?:md|markdown|html?|txt|pdf|docx?|json|ya?ml)\b")


# what every match of _NAMES_OF_THINGS holds: text without it has nothing to take out
_HAS_NAMES_OF_THINGS = re.compile(r"[/\\]|\w-\d{4}-\d|\.(?:md|markdown|html?|txt|pdf|docx?|"
                                  r"json|ya?ml)\b")


def _text_date(texts) -> str | None:
    for text in texts:
        if _HAS_NAMES_OF_THINGS.search(text):
            text = _NAMES_OF_THINGS.sub(" ", text)
        found = find_date(text)
        if found:
            return found
    return None


# <meta> attributes that give a page's date, the most specific first
DATE_META = (("property", "article:published_time"), ("name", "date"), ("name", "dcterms.date"),
             ("name", "DC.date"), ("itemprop", "datePublished"))


def _markup_date(soup) -> str | None:
    tags = tags_below(soup, ("time", "meta"))
    time_tag = next((tag for tag in tags if tag.name == "time"), None)
    if time_tag is not None:
        found = _iso(time_tag.get("datetime")) or _iso(time_tag.get_text(" "))
        if found:
            return found
    metas = [tag for tag in tags if tag.name == "meta"]
    for key, value in DATE_META:
        tag = next((tag for tag in metas if tag.get(key) == value), None)
        if tag is not None and _iso(tag.get("content")):
            return _iso(tag.get("content"))
    return None
