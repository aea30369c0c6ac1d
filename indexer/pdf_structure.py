"""Lines of a PDF in reading order -> paragraphs, headings and list items -> HTML.

Paragraphs come from line spacing, indentation and short lines that end a sentence;
headings from a larger font, or a bold line that is numbered or in capitals; list items
from a bullet at the start of a line, with their hanging continuation lines. A paragraph
cut by a page or a column break is joined again, and a word hyphenated at a line end is
mended (the hyphen kept when the document writes the word with one elsewhere). Bold and
italic runs are kept as ``<strong>`` and ``<em>``: attribution reads bold names.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from .pdf_layout import Line

HEADING_RATIO = 1.15  # a font this much larger than the body text is a heading's
_BULLET = re.compile(r"^([\u2022\u25cf\u25e6\u25aa\u25a0\u25a1\u25cb\u2023\u2219\u00b7\u2013"
                     r"\u2014\-*\u27a2\u2713\uf0b7\uf0a7])\s*(?=\S)")
_MARKER = re.compile(_BULLET.pattern.replace(r"(?=\S)", ""))
_NUMBERED = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[IVXLC]{1,6}[.)]|[A-Z][.)])\s+\S")
# "3.", "(4)", "113.1"
_NUMBERED_LINE = re.compile(r"^\(?\d{1,3}(?:[.)]|(?:\.\d{1,3}){1,3}\.?)\s+\S")
_SENTENCE_END = tuple(".!?:;\"\u201d\u2019)]")
_LABEL = re.compile(r"^[A-Z][\w.'\u2019()\- ]{0,50}:\s+\S")
_WORD_AT_END = re.compile(r"([^\W\d_]+)-$")
_URL_AT_END = re.compile(r"(?:https?://|www\.)\S+$")
_URL_GOES_ON = re.compile(r"^[\w\-.~%+]*[/?=&#][\w\-.~%+/?=&#]*(?:\s|$)")
_WORD_AT_START = re.compile(r"^([^\W\d_]+)")


@dataclass
class Piece:
    """A paragraph, heading or list item being put together from lines."""

    kind: str  # "paragraph" | "heading" | "item"
    lines: list[Line]
    level: int = 0
    depth: int = 0
    runs: list[tuple[str, bool, bool]] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def text(self) -> str:
        return "".join(text for text, _, _ in self.runs)


@dataclass(frozen=True, slots=True)
class Layout:
    """What the whole document says about its text: body size, line pitch, margins."""

    body: float
    pitch: dict[float, float]
    left: dict[int, float]  # per flow
    right: dict[int, float]
    justified: bool
    labels: bool
    vocabulary: frozenset[str]


def to_html(lines: list[Line], title: str = "") -> tuple[str, list[tuple[str, int]]]:
    """HTML for the structural walk, and each block's text with the page it starts on."""
    if not lines:
        return "", []
    layout = measure(lines)
    pieces = join_breaks(group(lines, layout), layout)
    _name_headings(pieces, layout)
    return render(pieces, title)


def measure(lines: list[Line]) -> Layout:
    sizes: Counter = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0]
    steps: dict[float, Counter] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        if a.flow == b.flow and a.size == b.size and 0.9 * a.size < a.baseline - b.baseline \
                < 2.6 * a.size:
            steps.setdefault(a.size, Counter())[round(a.baseline - b.baseline, 0)] += 1
    pitch = {size: _pitch(size, counts) for size, counts in steps.items()}
    left: dict[int, float] = {}
    right: dict[int, float] = {}
    for line in lines:
        left[line.flow] = min(left.get(line.flow, line.x0), line.x0)
        right[line.flow] = max(right.get(line.flow, line.x1), line.x1)
    full = [abs(right[a.flow] - a.x1) < 1.5 for a, b in zip(lines, lines[1:], strict=False)
            if a.flow == b.flow and a.size == b.size == body
            and a.baseline - b.baseline <= pitch.get(body, 1.2 * body) + 0.5
            and right[a.flow] - left[a.flow] > 150]
    justified = len(full) >= 5 and sum(full) >= 0.8 * len(full)
    labels = sum(1 for line in lines if _LABEL.match(line.text)) >= 3
    words = Counter(w.casefold() for line in lines
                    for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+|[^\W\d_]+", line.text[:-1]))
    return Layout(body, pitch, left, right, justified, labels, frozenset(words))


def _pitch(size: float, steps: Counter) -> float:
    """The usual distance between the baselines of one paragraph's lines at this size: the
    smallest of the common ones (the others are gaps between paragraphs), or with few
    lines (headings) the smallest, when it is a plausible one."""
    total = sum(steps.values())
    if total >= 5:
        common = [step for step, count in steps.items() if count >= max(2, 0.2 * total)]
        return float(min(common)) if common else float(steps.most_common(1)[0][0])
    least = min(steps)
    return float(least) if least <= 1.6 * size else 1.25 * size


def group(lines: list[Line], layout: Layout) -> list[Piece]:
    pieces: list[Piece] = []
    for line in lines:
        current = pieces[-1] if pieces else None
        bullet = _BULLET.match(line.text)
        if bullet and len(line.text) > len(bullet.group(0)) and (
                line.size < layout.body * HEADING_RATIO or bullet.group(1) not in "-*"):
            pieces.append(Piece("item", [line]))
            continue
        if current is not None and _continues(current, line, layout):
            current.lines.append(line)
            continue
        numbered = _NUMBERED_LINE.match(line.text)
        pieces.append(Piece("numbered" if numbered else "paragraph", [line]))
    for piece in pieces:
        piece.runs = _joined_runs(piece, layout)
    return pieces


def _continues(piece: Piece, line: Line, layout: Layout) -> bool:
    last = piece.lines[-1]
    if line.flow != last.flow or line.page != last.page:
        return False
    if abs(line.size - last.size) > 0.1 * max(line.size, last.size):
        return False
    pitch = layout.pitch.get(line.size, 1.2 * line.size)
    if last.baseline - line.baseline > max(pitch * 1.3, pitch + 2.5) or \
            last.baseline - line.baseline < 0.3 * line.size:
        return False
    size = line.size
    left, right = layout.left[line.flow], layout.right[line.flow]
    first = piece.lines[0]
    if piece.kind in ("item", "numbered"):
        # an item's lines hang under its text, or start at its marker's margin
        if line.x0 > first.x0 + 0.3 * size:
            return True
        if line.x0 < first.x0 - 0.3 * size:
            return False
    if len(piece.lines) == 1 and last.x1 < right - max(0.2 * (right - left), 4 * size) \
            and _style(last) and _style(line) != _style(last):
        return False  # a bold or italic line on its own, then the text it heads
    if len(piece.lines) == 1 and _style(last) == "bold" and _style(line) != "bold" and (
            _NUMBERED.match(last.text) or line.size < last.size - 0.2):
        return False  # "2 Algorithmic allocation of housing" in bold, a little larger
    if line.size >= layout.body * HEADING_RATIO:
        return True  # a heading's lines are often short and centred
    if piece.kind == "paragraph" and line.x0 > last.x0 + 0.8 * size \
            and line.x0 > left + 0.8 * size:
        return False  # an indented first line
    short = last.x1 < right - max(0.15 * (right - left), 4 * size)
    if short and (_ends_sentence(last) and line.text[:1].isupper()
                  or _NUMBERED_LINE.match(line.text)):
        return False  # a short line that ends a sentence ends its paragraph
    if layout.labels and _LABEL.match(line.text) and _ends_sentence(last):
        return False  # a speaker's label opens a turn
    return True


def _style(line: Line) -> str:
    """"bold" or "italic" for a line set wholly in one of them, else ""."""
    if line.bold_share >= 0.99:
        return "bold"
    if line.runs and all(italic for text, _, italic in line.runs if text.strip()):
        return "italic"
    return ""


def _ends_sentence(line: Line) -> bool:
    return line.text.rstrip().endswith(_SENTENCE_END)


def join_breaks(pieces: list[Piece], layout: Layout) -> list[Piece]:
    """A paragraph cut by a page or a column break continues in the next flow."""
    out: list[Piece] = []
    for piece in pieces:
        previous = out[-1] if out else None
        if previous is not None and piece.kind == "paragraph" \
                and previous.kind in ("paragraph", "item", "numbered") \
                and previous.lines[-1].flow != piece.lines[0].flow \
                and _runs_on(previous, piece, layout):
            previous.lines.extend(piece.lines)
            previous.runs = _joined_runs(previous, layout)
            continue
        out.append(piece)
    return out


def _runs_on(previous: Piece, piece: Piece, layout: Layout) -> bool:
    last, first = previous.lines[-1], piece.lines[0]
    if abs(last.size - first.size) > 0.1 * last.size or _is_heading(piece, layout):
        return False
    if previous.kind != "paragraph" and first.x0 <= layout.left[first.flow] + 0.3 * first.size \
            and not first.text[:1].islower():
        return False
    text = last.text.rstrip()
    if text.endswith("-") or text.endswith("\u00ad"):
        return True
    start = min(line.x0 for line in previous.lines)
    margin = start - layout.left[last.flow]
    if first.x0 > start + 0.8 * first.size and \
            first.x0 - layout.left[first.flow] > margin + 0.8 * first.size:
        return False  # the next page or column opens with an indented paragraph
    right, width = layout.right[last.flow], layout.right[last.flow] - layout.left[last.flow]
    # a paragraph that goes on past the break filled its last line before it
    full = last.x1 >= right - (1.5 if layout.justified else min(0.25 * width, 8 * last.size))
    if not full:
        return False
    return not text.endswith(_SENTENCE_END) or layout.justified and \
        first.text[:1].islower()


def _joined_runs(piece: Piece, layout: Layout) -> list[tuple[str, bool, bool]]:
    runs: list[tuple[str, bool, bool]] = []
    for line in piece.lines:
        line_runs = list(line.runs)
        if runs and line_runs:
            text, bold, italic = runs[-1]
            joiner, text = _join_words(text, line_runs[0][0], layout)
            runs[-1] = (text, bold, italic)
            if joiner:
                same = line_runs[0][1] == bold and line_runs[0][2] == italic
                runs.append((joiner, bold and same, italic and same))
        for run in line_runs:
            if runs and runs[-1][1] == run[1] and runs[-1][2] == run[2]:
                runs[-1] = (runs[-1][0] + run[0], run[1], run[2])
            elif runs and not runs[-1][0].strip():
                space = runs.pop()[0]
                if runs and runs[-1][1] == run[1] and runs[-1][2] == run[2]:
                    runs[-1] = (runs[-1][0] + space + run[0], run[1], run[2])
                else:
                    runs.append((space + run[0], run[1], run[2]))
            else:
                runs.append(run)
    if piece.kind == "item":
        marker = _MARKER.match(runs[0][0]) if runs else None
        if marker:
            runs[0] = (runs[0][0][marker.end():], runs[0][1], runs[0][2])
            if not runs[0][0].strip():
                runs.pop(0)
    return [r for r in runs if r[0]]


def _join_words(before: str, after: str, layout: Layout) -> tuple[str, str]:
    """How a line joins the next: with a space, or straight on where a word was
    hyphenated at the line end. Returns the joiner and the text before it, mended."""
    if before.endswith("\u00ad"):
        return "", before[:-1]
    if _URL_AT_END.search(before) and _URL_GOES_ON.match(after):
        return "", before  # an address wrapped at the line end
    head = _WORD_AT_END.search(before)
    tail = _WORD_AT_START.match(after)
    if head and tail and after[:1].islower():
        compound = f"{head.group(1)}-{tail.group(1)}".casefold()
        joined = f"{head.group(1)}{tail.group(1)}".casefold()
        if compound in layout.vocabulary and joined not in layout.vocabulary:
            return "", before  # "victim-" + "centred": the document writes it so
        return "", before[:-1]
    if head and after[:1].isupper():
        return "", before  # "Secretary-" + "General"
    return " ", before


def _is_heading(piece: Piece, layout: Layout) -> bool:
    first = piece.lines[0]
    text = " ".join(line.text for line in piece.lines).strip()
    bullet = _BULLET.match(text)
    if piece.kind == "item" or bullet and bullet.group(1) not in "-*" or not text \
            or len(text) > 200 or len(piece.lines) > 3:
        return False
    if first.size >= layout.body * HEADING_RATIO:
        return any(ch.isalpha() for ch in text)
    if len(piece.lines) != 1 or first.bold_share < 0.9 or len(text.split()) > 12 \
            or text.endswith((".", ",", ";")):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    capitals = len(letters) >= 3 and all(ch.isupper() for ch in letters)
    return bool(_NUMBERED.match(text)) or capitals


def _name_headings(pieces: list[Piece], layout: Layout) -> None:
    heads = [p for p in pieces if _is_heading(p, layout)]
    sizes = sorted({p.lines[0].size for p in heads if p.lines[0].size >= layout.body
                    * HEADING_RATIO}, reverse=True)
    rank = {size: level for level, size in enumerate(sizes[:5], start=1)}
    for piece in heads:
        piece.kind = "heading"
        piece.level = rank.get(piece.lines[0].size, min(len(sizes) + 1, 6))
    runs: list[list[Piece]] = []
    for before, piece in zip([None, *pieces], pieces, strict=False):
        if piece.kind == "item":
            if before is None or before.kind != "item":
                runs.append([])
            runs[-1].append(piece)
    for items in runs:
        _nest(items)


def _nest(items: list[Piece]) -> None:
    """Levels of one list's items from where their bullets stand (items side by side on
    one line are at one level)."""
    beside = {id(b) for a, b in zip(items, items[1:], strict=False)
              if (a.page, a.lines[0].baseline) == (b.page, b.lines[0].baseline)}
    levels: list[float] = []
    for x in sorted(p.lines[0].x0 for p in items if id(p) not in beside):
        if not levels or x > levels[-1] + 6:
            levels.append(x)
    previous = 0
    for piece in items:
        if id(piece) not in beside:
            previous = max((i for i, x in enumerate(levels) if x <= piece.lines[0].x0 + 6),
                           default=0)
        piece.depth = previous


def render(pieces: list[Piece], title: str = "") -> tuple[str, list[tuple[str, int]]]:
    parts = [f"<html><head><title>{html.escape(title)}</title></head><body>"] if title else []
    pages: list[tuple[str, int]] = []
    open_depth = -1
    for piece in pieces:
        text = piece.text.strip()
        if not text:
            continue
        if piece.kind != "item" and open_depth >= 0:
            parts[-1] += "</li></ul>" * (open_depth + 1)
            open_depth = -1
        if piece.kind == "heading":
            level = piece.level
            parts.append(f"<h{level}>{html.escape(_plain(text))}</h{level}>")
        elif piece.kind == "item":
            depth = min(piece.depth, open_depth + 1)
            if depth > open_depth:
                opening = "<ul><li>" * (depth - open_depth)
            else:
                opening = "</li></ul>" * (open_depth - depth) + "</li><li>"
            if open_depth >= 0:
                parts[-1] += opening
            else:
                parts.append(opening)
            open_depth = depth
            parts[-1] += _inline(piece.runs)
        else:
            parts.append(f"<p>{_inline(piece.runs)}</p>")
        pages.append((text, piece.page))
    if open_depth >= 0:
        parts[-1] += "</li></ul>" * (open_depth + 1)
    if title:
        parts.append("</body></html>")
    return "\n".join(parts), pages


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _inline(runs: list[tuple[str, bool, bool]]) -> str:
    out = []
    for text, bold, italic in runs:
        escaped = html.escape(_plain(text), quote=False)
        core = escaped.strip()
        if not core or not (bold or italic):
            out.append(escaped)
            continue
        lead = escaped[: len(escaped) - len(escaped.lstrip())]
        trail = escaped[len(escaped.rstrip()):]
        if italic:
            core = f"<em>{core}</em>"
        if bold:
            core = f"<strong>{core}</strong>"
        out.append(f"{lead}{core}{trail}")
    return "".join(out).strip()
