"""Reading report files: bytes -> text -> HTML, one format per suffix.

Every format ends as HTML so that one structural walk (``structure.py``) serves
Markdown, HTML, plain text, Word (``ingest_docx``) and PDF (``ingest_pdf``) alike.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, InputSkipped

SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".txt": "text", ".srt": "text", ".vtt": "text", ".docx": "docx", ".pdf": "pdf"}
# formats read from their bytes, in a child process with a time and memory bound
BINARY_KINDS = {"docx": "Word document", "pdf": "PDF"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """A file's decoded text and what we learned while decoding it."""

    text: str
    kind: str
    encoding: str
    raw: bytes


@dataclass(frozen=True, slots=True)
class Converted:
    """A file as HTML for the structural walk, with its metadata and, for formats with
    pages, each block's text and the page it starts on."""

    metadata: dict
    html: str
    pages: tuple[tuple[str, int], ...] = ()


def format_of(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def check_size(path: Path, size: int, max_bytes: int) -> None:
    if size == 0:
        kind = BINARY_KINDS.get(format_of(path) or "")
        if kind:  # no valid Word or PDF file is empty: this one was cut short
            raise InputError(str(path), f"file is empty (0 bytes): not a valid {kind}")
        raise InputSkipped(str(path), "file is empty")
    if size > max_bytes:
        raise InputSkipped(str(path), f"file is {size / 1e6:.1f} MB, over the "
                           f"{max_bytes / 1e6:.0f} MB limit (--max-size)")


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one report file, or raise InputError naming what is wrong."""
    kind = format_of(path)
    if kind is None:
        raise InputError(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                         f"supported: {', '.join(sorted(SUFFIXES))}")
    try:
        check_size(path, path.stat().st_size, max_bytes)
        raw = path.read_bytes()
    except InputError:
        raise
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory") from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    if kind in BINARY_KINDS:
        return Source(text="", kind=kind, encoding="binary", raw=raw)
    text, encoding = decode(raw, str(path))
    if not text.strip():
        raise InputSkipped(str(path), "file is empty")
    return Source(text=text, kind=kind, encoding=encoding, raw=raw)


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252; binary is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(name, "invalid UTF-16 text") from None
    if b"\x00" in raw[:8192]:
        raise InputError(name, "binary file (contains NUL bytes), not a report")
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise InputError(name, "cannot decode as UTF-8, UTF-16 or cp1252") from None
    if _looks_binary(text):
        raise InputError(name, "binary file (mostly control characters), not a report")
    return text, encoding


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / len(sample) > 0.05


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict, str]:
    """Simple ``key: value`` front matter (the subset of YAML reports use)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or line[:1].isspace():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[key.strip().lower()] = value
    return meta, text[match.end():]


def markdown_to_html(text: str) -> str:
    import markdown  # imported here: only Markdown files pay for it

    return markdown.markdown(_without_template_markup(text), extensions=["extra", "sane_lists"],
                             output_format="html")


# Jekyll/Liquid tags ({% include toc %}, {{ page.title }}) and kramdown attribute lists
# ({: .no_toc}, {:#id}) are instructions to a site generator, not text
_TEMPLATE_LINE = re.compile(r"^[ \t]*(?:\{%.*?%\}|\{\{.*?\}\}|\{:[^}\n]*\})[ \t]*$", re.M)
_TEMPLATE_INLINE = re.compile(r"[ \t]*\{:\s*[.#][^}\n]*\}")
# "<nick> text" opening a line of a chat log: a speaker, not an HTML tag to drop
_CHAT_NICK = re.compile(r"^([ \t]*)<([A-Za-z][\w.|\[\]^`-]{0,31})>(?=[ \t]|$)", re.M)
_HTML_TAGS = frozenset("""
a abbr address article aside audio b bdi bdo blockquote body br button canvas caption cite
code col colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label
legend li link main map mark meta meter nav noscript object ol optgroup option output p
param picture pre progress q rp rt ruby s samp script section select small source span
strong style sub summary sup table tbody td template textarea tfoot th thead time title tr
track u ul var video wbr center font big tt strike
""".split())


_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,3}[.)])\s+\S")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def _nested_lists_at_four(text: str) -> str:
    """Python-Markdown nests a list item only when it is indented four spaces more than
    its parent; most notes written for GitHub indent two (or two, then four, then six).
    Inside lists, each item is re-indented four spaces a level, its level read from the
    indents of the items open above it."""
    lines = text.split("\n")
    indents = {len(m.group(1)) for line in lines if (m := _LIST_ITEM.match(line))}
    steps = sorted(i for i in indents if i)
    if not steps or steps[0] >= 4 or steps[0] < 2:
        return text
    out, in_list, blank = [], False, False
    open_items: list[int] = []  # the indents of the items open above this line
    fence_shift: int | None = None  # inside a fenced code block: how far it moved
    for line in lines:
        if fence_shift is not None:  # code keeps its own indentation, moved as a whole
            indent = len(line) - len(line.lstrip(" "))
            out.append(" " * max(0, indent + fence_shift) + line.lstrip(" ") if line.strip()
                       else line)
            if _FENCE.match(line):
                fence_shift = None
            continue
        if _FENCE.match(line):
            indent = len(line) - len(line.lstrip(" "))
            if not indent:
                in_list, open_items = False, []
            fence_shift = 4 * len(open_items) - indent if in_list and indent else 0
            out.append(" " * (indent + fence_shift) + line.lstrip(" "))
            continue
        item = _LIST_ITEM.match(line)
        if item and not len(item.group(1)):
            in_list = True
        elif not line.strip():
            blank = True
            out.append(line)
            continue
        elif blank and not line.startswith(" "):
            in_list = False
            open_items = []
        blank = False
        if in_list and item:
            indent = len(item.group(1))
            while open_items and indent < open_items[-1]:
                open_items.pop()
            if not open_items or indent > open_items[-1]:
                open_items.append(indent)
            line = " " * (4 * (len(open_items) - 1)) + line.lstrip(" ")
        elif in_list and line.startswith(" "):
            line = " " * (4 * len(open_items)) + line.lstrip(" ")  # more of the item above
        out.append(line)
    return "\n".join(out)


_CHAT_LINE = re.compile(r"^\s*(?:<[\w.|\[\]^`-]{1,32}>|[\w.|-]{2,32}(?:\t| {2,})\S|"
                        r"\[?\d{1,2}:\d{2})")


def _lists_after_paragraphs(text: str) -> str:
    """A list that starts right under a paragraph line ("Presented by: X" then "* ...")
    is a list, as GitHub reads it; Python-Markdown would read its items as more of the
    paragraph."""
    out: list[str] = []
    previous = ""
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        starts_list = _LIST_ITEM.match(line) and not line.startswith(" ")
        chat = _CHAT_LINE.match(previous)  # "* nick does" after "<nick> ..." is an action
        if not fenced and starts_list and previous.strip() and not previous.startswith(" ") \
                and not _LIST_ITEM.match(previous) and not chat and \
                not previous.lstrip().startswith(("|", ">", "#")):
            out.append("")
        out.append(line)
        previous = line
    return "\n".join(out)


def _fences_apart(text: str) -> str:
    """A fenced code block right under a line of text opens a code block, as GitHub reads
    it; Python-Markdown wants a blank line around the fences, else a later fence opens a
    block that swallows the headings after it."""
    out: list[str] = []
    fence: str | None = None  # the opening fence's marker, while inside a block
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence is None and opening:
            if out and out[-1].strip() and not _LIST_ITEM.match(out[-1]):
                out.append("")
            fence = line.strip()[:3]
            # "```rust=", "```js {linenos}": only the language word, which is all
            # Python-Markdown reads
            out.append(re.sub(r"^(\s*(?:```|~~~))\s*([\w#.+-]*).*$", r"\1\2", line))
            continue
        if fence is not None and line.strip().startswith(fence) and \
                not line.strip()[3:].strip():
            fence = None
            out.append(line)
            out.append("")
            continue
        out.append(line)
    return "\n".join(out)


def _without_template_markup(text: str) -> str:
    text = _fences_apart(text)
    text = _lists_after_paragraphs(text)
    text = _nested_lists_at_four(text)
    text = _TEMPLATE_LINE.sub("", text)
    text = _TEMPLATE_INLINE.sub("", text)
    return _CHAT_NICK.sub(lambda m: m.group(0) if m.group(2).casefold() in _HTML_TAGS
                          else f"{m.group(1)}&lt;{m.group(2)}&gt;", text)


# Plain text -------------------------------------------------------------------------------

_NUMBERED_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.)\s+\S.{0,80}$")
_UNDERLINE = re.compile(r"^\s*(=+|-+|~+)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•◦▪]|\d+[.)])\s+")


# Lines that a PDF conversion leaves inside the text: document symbols (A/63/PV.13,
# E/CN.6/2021/L.1), job numbers with a page number (08-53122 26), bare page numbers.
_FURNITURE = re.compile(
    r"^\s*(?:"
    r"[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.()\-]*){1,6}"
    r"|(?:\d{1,4}\s+)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{1,4})?"
    r"|(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?|[-\u2013]\s*\d{1,3}\s*[-\u2013]"
    # a parliament's column head: "12 March 2024 : Column 846", "Col. 12"
    r"|(?:\d{1,2}\s+[A-Za-z]+\s+\d{4}\s*:\s*)?(?:column|col\.)\s*\d{1,5}[A-Z]{0,3}"
    r")\s*$", re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;\"\u201d\u2019)]")
_LABEL_LINE = re.compile(r"^[A-Z][\w.'\u2019()\- ]{0,50}:\s+\S")
_NUMBERED_PARAGRAPH = re.compile(r"^\d{1,3}\.\s+\S")
# "BY MR. LINDQVIST:", "CROSS-EXAMINATION:": a line in capitals that heads what follows
_CAPS_COLON_LINE = re.compile(r"^[^a-z\u00df-\u00ff]{3,60}:$")
# "Operator", "Mireille Okafor-Lindqvist", "Tim Cook - Chief Executive Officer": a name
# alone on the line above the words, as call transcripts print a turn
_NAME_WORD = r"(?:[A-Z\u00c0-\u00de][\w'\u2019.-]*|de|da|del|di|du|van|von|der|den|la|le|bin|al|el)"
_SPEAKER_LINE = re.compile(
    rf"^{_NAME_WORD}(?: {_NAME_WORD}){{0,5}}(?:(?: [-\u2013\u2014] |, )[^.!?:;]{{2,60}})?$")


# a transcript's numbered line: " 7   inference from that. Ms. Okonjo."
_NUMBERED_LINE = re.compile(r"^[ \t]{0,6}(?P<number>\d{1,2})(?P<gap>[ \t]+)(?=\S)")
_MIN_NUMBERED_LINES = 20


def strip_line_numbers(text: str) -> str:
    """A court or inquiry transcript numbers every line of a page (1 to 25, again on the
    next page): the numbers go, the indent after them stays (a "Q." sits deeper than a
    line that wraps). Text whose lines are not so numbered is returned as it is."""
    lines = text.split("\n")
    numbered = [(i, m) for i, line in enumerate(lines) if (m := _NUMBERED_LINE.match(line))]
    content = sum(1 for line in lines if line.strip())
    if len(numbered) < _MIN_NUMBERED_LINES or 3 * len(numbered) < 2 * content:
        return text
    numbers = [int(m.group("number")) for _, m in numbered]
    running = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b in (a + 1, 1))
    if running < 0.9 * (len(numbers) - 1):
        return text  # numbered paragraphs or a table of figures, not numbered lines
    base = min(len(m.group("gap").expandtabs()) for _, m in numbered)
    for i, m in numbered:
        lines[i] = " " * (len(m.group("gap").expandtabs()) - base) + lines[i][m.end():]
    return "\n".join(lines)


def strip_page_furniture(text: str) -> str:
    """Drop page-furniture lines; a paragraph cut by a page break is joined again."""
    lines = [line for line in text.split("\n") if not _FURNITURE.match(line)]
    # (the indent of a block's first line stays: a script's cue sits deeper than its words)
    blocks = [b for b in re.split(r"\n(?:[ \t]*\n)+", "\n".join(lines)) if b.strip()]
    joined: list[str] = []
    for block in blocks:
        first = block.lstrip()[:1]
        last_line = joined[-1].rstrip().rsplit("\n", 1)[-1].strip() if joined else ""
        if len(last_line) >= 40 and first.islower() and not last_line.endswith(_SENTENCE_END):
            joined[-1] = joined[-1].rstrip() + "\n" + block.lstrip()
        else:
            joined.append(block)
    return "\n\n".join(joined)


def split_paragraphs(lines: list[str]) -> list[list[str]]:
    """One blank-line block -> its paragraphs: a new one at an indented first line, after a
    short line that ends a sentence, at a numbered paragraph or a speaker label; every line
    on its own when the lines are too long to be hard-wrapped."""
    if len(lines) < 2:
        return [lines]
    lengths = sorted(len(line.strip()) for line in lines)
    if lengths[len(lengths) // 2] > 200:
        return [[line] for line in lines]
    width = lengths[int(len(lengths) * 0.8)]
    indent = min(len(line) - len(line.lstrip()) for line in lines)
    labels = sum(1 for line in lines if _LABEL_LINE.match(line.strip())) >= 2
    out: list[list[str]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        stripped, before = line.strip(), previous.strip()
        ends = before.endswith(_SENTENCE_END)
        new = (previous is lines[0] and _SPEAKER_LINE.match(before) and stripped[:1].isupper()
               and len(stripped) >= max(60, 2 * len(before))
               or len(line) - len(line.lstrip()) > indent and stripped[:1].isupper()
               or ends and len(before) < 0.7 * width and stripped[:1].isupper()
               or ends and _NUMBERED_PARAGRAPH.match(stripped)
               or labels and _LABEL_LINE.match(stripped)
               or _CAPS_COLON_LINE.match(stripped) or _CAPS_COLON_LINE.match(before))
        if new:
            out.append([line])
        else:
            out[-1].append(line)
    return out


# a script's cue: who speaks, in capitals, set deeper than the words below it, with how
# the voice is heard after it ("DEV (O.S.)", "RAFAEL (CONT'D)"); two side by side where
# both are heard at once
_CUE_WORDS = r"[A-Z][A-Z'\u2019.\-]+(?: [A-Z][A-Z'\u2019.\-]+){0,3}"
_CUE_SUFFIX = r"(?:\s*\([A-Z][A-Za-z.'\u2019 ]{0,14}\))?"
_SCRIPT_CUE = re.compile(rf"^(?P<indent> +)(?P<cue>{_CUE_WORDS}){_CUE_SUFFIX}\s*$")
_DUAL_CUE = re.compile(rf"^ *(?P<left>{_CUE_WORDS}){_CUE_SUFFIX} {{3,}}(?P<right>{_CUE_WORDS})"
                       rf"{_CUE_SUFFIX}\s*$")
_STAGE_NOTE = re.compile(r"^\s*\([^()]{1,40}\)\s*$")  # "(laughing)" under the cue


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _script_cue(lines: list[str]) -> str | None:
    """The cue opening a block of a script, when the words below sit less deep."""
    cue = _SCRIPT_CUE.match(lines[0]) if len(lines) >= 2 else None
    words = [line for line in lines[1:] if not _STAGE_NOTE.match(line)]
    if not cue or not words or _indent(lines[0]) < min(map(_indent, words)) + 4:
        return None
    return cue.group("cue")


def script_turns(lines: list[str]) -> list[tuple[str, str]] | None:
    """A block of a script -> its turns, (cue, words): ('DEV', '(crackly) Loud and
    clear.'); two voices side by side -> one turn each; None for other blocks."""
    dual = _DUAL_CUE.match(lines[0]) if len(lines) >= 2 else None
    if dual:
        column = lines[0].index(dual.group("right"), dual.end("left")) - 4
        sides: tuple[list[str], list[str]] = ([], [])
        for line in lines[1:]:
            parts = re.split(r" {3,}", line.strip())
            if len(parts) == 2:
                sides[0].append(parts[0])
                sides[1].append(parts[1])
            else:
                sides[_indent(line) >= column].append(line.strip())
        return [(dual.group(side), reflow(words))
                for side, words in zip(("left", "right"), sides, strict=True) if words]
    cue = _script_cue(lines)
    return [(cue, reflow(lines[1:]))] if cue else None


def _is_script(blocks: list[list[str]]) -> bool:
    """Cues over three or more blocks, some name coming back: a script's layout, not a
    heading set above its paragraph."""
    cues = [cue for lines in blocks if (cue := _script_cue(lines))]
    return len(cues) >= 3 and len(set(cues)) < len(cues)


def text_to_html(text: str) -> str:
    """Blank-line paragraphs, detected headings and lists, hard wraps re-flowed."""
    parts: list[str] = []
    text = strip_page_furniture(strip_line_numbers(text.replace("\r\n", "\n").replace("\r", "\n")))
    blocks = [[line.rstrip() for line in block.split("\n") if line.strip()]
              for block in re.split(r"\n\s*\n", text)]
    script = _is_script(blocks)
    several = sum(1 for lines in blocks if lines) > 1  # a message's one line is no title
    for lines in blocks:
        if not lines:
            continue
        if script and (turns := script_turns(lines)):
            # who speaks is the layout's to say, as a caption's voice is
            parts.extend(f'<p data-voice="{html.escape(cue)}" data-voice-by="label">'
                         f"{html.escape(words)}</p>" for cue, words in turns)
            continue
        lines[0] = lines[0].lstrip()  # a first line's indent tells a cue only
        if len(lines) == 2 and _UNDERLINE.match(lines[1]):
            level = 1 if lines[1].strip()[0] == "=" else 2
            parts.append(f"<h{level}>{html.escape(lines[0].strip())}</h{level}>")
            continue
        if len(lines) == 1 and _is_text_heading(lines[0], opening=not parts,
                                                title_case=not parts and several):
            level = 1 if not parts else 2  # a heading that opens the file is its title
            parts.append(f"<h{level}>{html.escape(lines[0].strip())}</h{level}>")
            continue
        if not parts and (_is_line_list(lines) or len(lines) == 2 and len(lines[1]) <= 100
                          and not lines[1].isupper()) \
                and _is_text_heading(lines[0], opening=True):
            # a title block: the name in capitals, then a subtitle, or the event, its date,
            # one a line
            parts.append(f"<h1>{html.escape(lines[0].strip())}</h1>")
            parts.extend(f"<p>{html.escape(line.strip())}</p>" for line in lines[1:])
            continue
        if _is_line_list(lines):
            # "CORPORATE PARTICIPANTS" over "Name, Role" lines: a list under its heading
            if _is_text_heading(lines[0]):
                parts.append(f"<h2>{html.escape(lines[0].strip())}</h2>")
                lines = lines[1:]
            items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
            continue
        if len(lines) > 1 and all(_BULLET.match(line) for line in lines) \
                and sorted(map(len, lines))[len(lines) // 2] <= 200:
            items = "".join(f"<li>{html.escape(_BULLET.sub('', line))}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
            continue
        parts.extend(f"<p>{html.escape(reflow(paragraph))}</p>"
                     for paragraph in split_paragraphs(lines))
    return "\n".join(parts)


def _is_line_list(lines: list[str]) -> bool:
    """Short lines each opening with a capital and none ending a sentence, most of them
    'Name, Role': one entry a line (participants, an address), not hard-wrapped prose."""
    entries = lines[1:] if _is_text_heading(lines[0]) else lines
    return len(entries) >= 2 and len(lines) >= 3 and all(
        len(line.strip()) <= 100 and line.strip()[:1].isupper()
        and not line.rstrip().endswith(_SENTENCE_END) for line in entries) and \
        2 * sum(1 for line in entries if ", " in line or " - " in line) >= len(entries)


def _is_text_heading(line: str, opening: bool = False, title_case: bool = False) -> bool:
    """A line standing alone that reads as a heading; ``opening``: the file's first, which
    may be a longer title in capitals ("PRESS CONFERENCE TRANSCRIPT - REGIONAL ...");
    ``title_case``: the first of several blocks, which may be a title in title case."""
    stripped = line.strip()
    letters = [ch for ch in stripped if ch.isalpha()]
    if opening and len(stripped) <= 140 and len(letters) >= 3 and \
            all(ch.isupper() for ch in letters) and not stripped.endswith((".", ",", ";", ":")):
        return True
    words = stripped.split()
    if title_case and 2 <= len(words) <= 12 and len(stripped) <= 80 and not re.search(
            r"[.,;:!?]\s*$|:", stripped) and all(w[:1].isupper() for w in words if len(w) >= 4):
        return True  # "Rural Bus Services": a title in title case opening the file
    if len(stripped) > 80 or stripped.endswith((".", ",", ";", ":", "?", "!")) and not re.match(
        r"^\d+\.$", stripped
    ):
        return False
    if re.fullmatch(r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?", stripped, re.I):
        return False  # "4.14 pm": the time a speech began, as a record prints it
    if _NUMBERED_HEADING.match(stripped) and not stripped.endswith("."):
        return len(stripped.split()) <= 10
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and len(stripped.split()) <= 8


def reflow(lines: list[str]) -> str:
    """Join hard-wrapped lines, mending words split by a line-end hyphen."""
    out = ""
    for line in (line.strip() for line in lines):
        if not out:
            out = line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].isupper():
            out = out + line  # "Secretary-" + "General"
        else:
            out = f"{out} {line}"
    return out


def convert(source: Source, name: str, *, max_pages: int | None = None,
            timeout: float | None = None) -> Converted:
    """Any format -> Converted. Word and PDF files are converted in a child process
    bounded in time and memory (``bounded``); ``max_pages`` bounds a PDF's length."""
    if source.kind not in BINARY_KINDS:
        meta, markup = to_html(source)
        return Converted(meta, markup)
    from .bounded import DEFAULT_TIMEOUT, run_bounded

    if source.kind == "pdf":
        from .ingest_pdf import DEFAULT_MAX_PAGES
        from .ingest_pdf import convert as convert_pdf

        return run_bounded(convert_pdf, source.raw, name, max_pages or DEFAULT_MAX_PAGES,
                           name=name, timeout=timeout or DEFAULT_TIMEOUT)
    from .ingest_docx import convert as convert_docx

    return run_bounded(convert_docx, source.raw, name, name=name,
                       timeout=timeout or DEFAULT_TIMEOUT)


def to_html(source: Source) -> tuple[dict, str]:
    """Front matter (Markdown and text) and the body as HTML."""
    if source.kind == "html":
        return {}, source.text
    meta, body = split_front_matter(source.text)
    from . import captions, chat, mail

    if chat.is_chat(body):  # a messaging group's export: one message a paragraph
        found, page = chat.read(body)
        return {**({"date": found} if found else {}), **meta}, page
    if captions.is_captions(body):  # subtitles of a recording: cues joined into turns
        return meta, captions.to_html(body)
    if mail.is_mail(body):  # a digest or thread: each message its sender's
        found = mail.first_date(body)
        return ({**({"date": found} if found else {}), **meta}, mail.to_html(
            body, markdown_to_html if source.kind == "markdown" else text_to_html))
    if source.kind == "markdown":
        return meta, markdown_to_html(body)
    return meta, text_to_html(body)
