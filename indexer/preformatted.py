"""A whole plain-text document inside one <pre> (the Congressional Record's GPO pages)
-> its titles and paragraphs. Pure: text in, pieces out.

The layout read here is the hard-wrapped typescript one: a paragraph's first line is
indented (two spaces on the floor, seven in a quoted block whose other lines have five),
its other lines are not, titles are centred on lines of their own. Page markers, time
stamps, rules and the running heads at the top are dropped; a paragraph cut by a page
marker is joined again."""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_LINES = 15  # a <pre> with fewer lines (and no more than MIN_CHARS) is a snippet
MIN_CHARS = 1500
MIN_PROSE_LINES = 4
MAX_FIRST_LINE_INDENT = 6  # a first line indented by more than this is not a paragraph's
WRAP_SLACK = 8  # columns by which the width may be misjudged when telling wrapped lines

# lines inside the text that belong to the page, not to it
_PAGE_MARKER = re.compile(r"^\[\[Page\s+[A-Z]{0,2}\d+\]\]$", re.IGNORECASE)
_INLINE_PAGE_MARKER = re.compile(r"\s*\[\[Page\s+[A-Z]{0,2}\d+\]\]\s*", re.IGNORECASE)
_TIME_STAMP = re.compile(r"^\{time\}\s*\d{3,4}$", re.IGNORECASE)
_RULE = re.compile(r"^[-_=*\s]*$")  # "____________________", "---------", "* * * * *"
# running heads above the text: "[Congressional Record Volume 143, Number 8 (...)]",
# "[Senate]", "[Pages S697-S698]", "From the Congressional Record Online through the
# Government Publishing Office [www.gpo.gov]"
_RUNNING_HEAD = re.compile(r"^\[[^\[\]]{1,150}\]$"
                           r"|^From the .{3,80}\bOnline through the .{3,120}\]?$",
                           re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;,\"')]\u201d\u2019")
_CODE_CHARS = set("{}[]<>=;_/\\|#$%^&*+~@")


@dataclass(frozen=True, slots=True)
class Piece:
    """A title (level 1 all capitals, 2 title case, 3 other) or a paragraph."""

    kind: str  # "heading" | "paragraph"
    text: str
    level: int = 0


@dataclass(slots=True)
class _Line:
    indent: int
    text: str  # stripped
    after_gap: bool  # a blank or dropped line came before it
    gap_had_marker: bool  # ... and that gap held a page marker or a time stamp


def is_plain_document(text: str) -> bool:
    """Is this <pre> text a long plain-text document (rather than a snippet or code)?
    Several lines (at least MIN_LINES, or MIN_CHARS characters), mostly words: letters
    and digits at least 90% of the visible characters, code symbols at most 3% (rules
    such as "____" aside), and a line holds five words or more in the middle of the
    range."""
    lines = [line for line in text.splitlines() if line.strip() and not _RULE.match(line)]
    if len(lines) < MIN_PROSE_LINES or (len(lines) < MIN_LINES and len(text) <= MIN_CHARS):
        return False
    visible = [ch for line in lines for ch in line if not ch.isspace()]
    alnum = sum(1 for ch in visible if ch.isalnum())
    code = sum(1 for ch in visible if ch in _CODE_CHARS)
    words = sorted(len(line.split()) for line in lines)
    return (alnum >= 0.9 * len(visible) and code <= 0.03 * len(visible)
            and words[len(words) // 2] >= 5)


def split_preformatted(text: str) -> list[Piece]:
    """Plain-text document -> titles and paragraphs, in order."""
    lines = _content_lines(text)
    if not lines:
        return []
    width = _width(lines)
    pieces: list[Piece] = []
    current: list[_Line] = []
    continuation: int | None = None  # indent of the current paragraph's later lines

    def close() -> None:
        if current:
            joined = _join(line.text for line in current)
            if joined:
                pieces.append(Piece("paragraph", joined))
        current.clear()

    i = 0
    while i < len(lines):
        group = _title_group(lines, i, width)
        if group:
            close()
            continuation = None
            title = _join(line.text for line in lines[i:i + group])
            pieces.append(Piece("heading", title, _title_level(title)))
            i += group
            continue
        line = lines[i]
        if current and _continues(line, current, continuation, width):
            if continuation is None:
                continuation = line.indent
            current.append(line)
        else:
            close()
            continuation = None
            current.append(line)
        i += 1
    close()
    return pieces


def _content_lines(text: str) -> list[_Line]:
    """The text's lines without running heads, page markers, time stamps and rules,
    dedented by the smallest indent; each notes whether a gap came before it."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").expandtabs()
    out: list[_Line] = []
    gap = marker = False
    at_top = True
    for line in raw.split("\n"):
        stripped = line.strip()
        if at_top and (not stripped or _RUNNING_HEAD.match(stripped)):
            continue
        at_top = False
        if not stripped or _RULE.match(stripped):
            gap = True
            continue
        if _PAGE_MARKER.match(stripped) or _TIME_STAMP.match(stripped):
            gap = marker = True
            continue
        stripped = _INLINE_PAGE_MARKER.sub(" ", stripped).strip()
        if not stripped:
            continue
        indent = len(line) - len(line.lstrip(" "))
        out.append(_Line(indent, stripped, gap, marker))
        gap = marker = False
    if out:
        base = min(line.indent for line in out)
        for line in out:
            line.indent -= base
    return out


def _width(lines: list[_Line]) -> int:
    """The width the text is set in: the line length below which nine lines in ten fall."""
    lengths = sorted(line.indent + len(line.text) for line in lines)
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _continues(line: _Line, current: list[_Line], continuation: int | None,
               width: int) -> bool:
    """Does this line carry on the paragraph so far? A new paragraph starts after a blank
    line; after a line that was not wrapped (the next word would have fitted on it); at a
    line indented by 2+ spaces more than the paragraph's later lines, or back out of them;
    at a line indented like a first line after a finished one. The second line of a
    paragraph may sit a little left of the first (a first-line indent: 2 -> 0, 7 -> 5)."""
    first, previous = current[0], current[-1]
    if line.after_gap:
        # a page marker between two halves of a paragraph does not end it
        if not line.gap_had_marker:
            return False
        body = continuation if continuation is not None else first.indent - 1
        return line.indent <= max(body, 0) or line.text[:1].islower()
    if _ended(previous, line, width):
        return False
    if continuation is None:
        if line.indent < first.indent:
            return first.indent - line.indent <= MAX_FIRST_LINE_INDENT
        if line.indent < 2:
            return True
        if line.indent > first.indent:
            return False
        # the same indent as a one-line paragraph: a new one unless that line ran on
        ends = previous.text.endswith(_SENTENCE_END)
        return not ends and previous.indent + len(previous.text) >= 0.8 * width
    return line.indent == continuation or line.indent < 2


def _ended(previous: _Line, line: _Line, width: int) -> bool:
    """Was the previous line left short rather than wrapped: it stops before two thirds of
    the width and this line's first word would have fitted after it?"""
    end = previous.indent + len(previous.text)
    word = len(line.text.split(" ", 1)[0])
    return end < 2 * width / 3 and end + 1 + word <= width - WRAP_SLACK


def _title_group(lines: list[_Line], i: int, width: int) -> int:
    """How many lines from i form a title standing on its own (0 if none): one to three
    centred lines between blank lines that do not end a sentence, in capitals, in title
    case or with a line clearly set off from the margin; or one short line in capitals."""
    if i > 0 and not lines[i].after_gap:
        return 0
    for size in (1, 2, 3):
        end = i + size
        if end > len(lines) or any(line.after_gap for line in lines[i + 1:end]):
            return 0
        if end < len(lines) and not lines[end].after_gap:
            continue
        group = lines[i:end]
        text = " ".join(line.text for line in group)
        if text.endswith((".", ",", ";", ":")) or len(text) > 250 or _letters(text) < 3:
            return 0
        caps = _all_caps(text)
        if size == 1 and caps and len(text.split()) <= 10:
            return 1
        centred = all(line.indent >= 1 and abs(line.indent - (width - len(line.text)) / 2)
                      <= 3 for line in group)
        if centred and (caps or _title_case(text) or max(g.indent for g in group) >= 4):
            return size
        return 0
    return 0


def _title_level(text: str) -> int:
    if _all_caps(text):
        return 1
    return 2 if _title_case(text) else 3


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _title_case(text: str) -> bool:
    """'Rules of Procedure of the Senate Committee': every word of four letters or more
    starts with a capital, and there are at least two of them."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text) if len(w) >= 4]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _join(lines) -> str:
    """Hard-wrapped lines -> one line: a line that ends in a hyphen or a dash ("--")
    joins the next without a space, others with one."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and len(out) > 1 and (out[-2].isalnum() or out[-2] == "-"):
            out += line
        else:
            out = f"{out} {line}"
    return re.sub(r"[ \t]+", " ", out).strip()
