"""PDF pages -> lines in reading order. Pure geometry over pdfminer.six characters.

pdfminer's own text boxes break a line wherever a link or a change of colour starts a new
run of the content stream (Google Docs exports read one word per line), so lines are
rebuilt here from the characters: characters on one baseline are a line, a wide gap splits
it into segments, a gutter that segments keep clear of on many lines is a column boundary
(columns are read one after the other), and lines repeated at the same place on most pages
(running headers and footers) and page numbers are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# a gap wider than this many font sizes between two characters ends a segment
SEGMENT_GAP = 1.0
# a gap between characters wider than this many font sizes is a space
SPACE_GAP = 0.15
# the share of the page height at the top and the bottom where running heads live:
MARGIN_BAND = 0.2  # for lines set smaller than the body text
NARROW_BAND = 0.08  # for the others
_BOLD = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|,b$|-b$", re.I)
# zero-width spaces and joiners, byte-order marks, soft hyphens inside a line: not text
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# WinAnsiEncoding also puts the bullet at code 127, which pdfminer leaves unmapped
_UNMAPPED = {"(cid:127)": "\u2022"}
_ITALIC = re.compile(r"italic|oblique|,i$|-i$", re.I)


@dataclass(slots=True)
class Glyph:
    """One character as drawn: its box, font size and style."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    bold: bool
    italic: bool

    @property
    def mid(self) -> float:
        return (self.bottom + self.top) / 2


@dataclass(slots=True)
class Segment:
    """Characters on one baseline with no wide gap between them."""

    glyphs: list[Glyph]
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    top: float = 0.0

    def __post_init__(self) -> None:
        self.x0 = min(g.x0 for g in self.glyphs)
        self.x1 = max(g.x1 for g in self.glyphs)
        self.bottom = min(g.bottom for g in self.glyphs)
        self.top = max(g.top for g in self.glyphs)


@dataclass(slots=True)
class Line:
    """A line of text in reading order: its runs of (text, bold, italic), its place on the
    page and in which flow (a page's column) it stands."""

    page: int
    flow: int
    runs: list[tuple[str, bool, bool]]
    x0: float
    x1: float
    bottom: float
    top: float
    size: float  # the size most of its letters have
    baseline: float
    page_height: float = 792.0
    bold_share: float = 0.0
    words: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(text for text, _, _ in self.runs)


def page_glyphs(items, page_box) -> list[Glyph]:
    """Upright, visible characters of a pdfminer page (its chars and those inside forms)."""
    from pdfminer.layout import LTChar, LTContainer

    x_min, y_min, x_max, y_max = page_box
    out: list[Glyph] = []
    stack = list(items)
    while stack:
        item = stack.pop()
        if isinstance(item, LTChar):
            text = item.get_text()
            if text.startswith("(cid:"):  # a code the font does not map to a character
                text = _UNMAPPED.get(text, "\ufffd")
            if not item.upright or not text.strip(_INVISIBLE) or item.x1 < x_min \
                    or item.x0 > x_max or item.y1 < y_min or item.y0 > y_max:
                continue
            name = item.fontname.split("+", 1)[-1]
            size = round(item.size, 1)
            if size <= 0:
                continue
            out.append(Glyph(text, item.x0, item.x1, item.y0, item.y1, size,
                             bool(_BOLD.search(name)), bool(_ITALIC.search(name))))
        elif isinstance(item, LTContainer):
            stack.extend(item)
    return out


def segments(glyphs: list[Glyph]) -> list[Segment]:
    """Characters grouped into baselines, each split at wide gaps."""
    rows: list[list[Glyph]] = []
    bounds: list[tuple[float, float]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.mid):
        for index in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            bottom, top = bounds[index]
            if bottom <= glyph.mid <= top and glyph.bottom <= (bottom + top) / 2 <= glyph.top:
                rows[index].append(glyph)
                break
        else:
            rows.append([glyph])
            bounds.append((glyph.bottom, glyph.top))
    out: list[Segment] = []
    for row in _with_raised(rows, bounds):
        row.sort(key=lambda g: g.x0)
        current, reach = [row[0]], row[0].x1
        for glyph in row[1:]:
            if glyph.x0 - reach > SEGMENT_GAP * glyph.size:
                out.append(Segment(current))
                current, reach = [glyph], glyph.x1
            else:
                current.append(glyph)
                if not glyph.text.isspace():
                    reach = max(reach, glyph.x1)
        out.append(Segment(current))
    return [s for s in out if "".join(g.text for g in s.glyphs).strip()]


def _with_raised(rows: list[list[Glyph]], bounds) -> list[list[Glyph]]:
    """Rows of smaller characters set within a neighbouring row's height (superscripts
    such as "65th", subscripts) joined to that row."""
    sizes = [max(g.size for g in row) for row in rows]
    spans = [(min(g.x0 for g in row), max(g.x1 for g in row)) for row in rows]
    kept = [True] * len(rows)
    for index, row in enumerate(rows):
        mid = (bounds[index][0] + bounds[index][1]) / 2
        x0, x1 = spans[index]
        for other in (index - 1, index + 1, index - 2, index + 2):
            if 0 <= other < len(rows) and kept[other] and sizes[other] > 1.15 * sizes[index] \
                    and bounds[other][0] <= mid <= bounds[other][1] \
                    and x0 < spans[other][1] + sizes[other] and x1 > spans[other][0] - sizes[other]:
                rows[other].extend(row)
                kept[index] = False
                break
    return [row for row, keep in zip(rows, kept, strict=True) if keep]


# Columns ----------------------------------------------------------------------------------


def reading_order(segs: list[Segment], depth: int = 0) -> list[list[Segment]]:
    """Segments in reading order, as flows: a two-column stretch of the page gives one flow
    per column, read left then right; full-width stretches are flows of their own."""
    if not segs:
        return []
    rows = _rows(segs)
    gutter = _best_gutter(rows, segs) if depth < 2 and len(rows) >= 6 else None
    if gutter is None:
        return [segs]
    flows: list[list[Segment]] = []
    single: list[Segment] = []  # consecutive full-width rows read as one flow
    for band, two in _bands(rows, gutter):
        if not two:
            single.extend(s for row in band for s in row)
            continue
        if single:
            flows.append(single)
            single = []
        flows.extend(reading_order([s for row in band for s in row if s.x1 <= gutter],
                                   depth + 1))
        flows.extend(reading_order([s for row in band for s in row if s.x0 > gutter],
                                   depth + 1))
    if single:
        flows.append(single)
    return flows


def _rows(segs: list[Segment]) -> list[list[Segment]]:
    """Segments that share a baseline, top to bottom."""
    rows: list[list[Segment]] = []
    for seg in sorted(segs, key=lambda s: -(s.bottom + s.top) / 2):
        mid = (seg.bottom + seg.top) / 2
        if rows:
            last = rows[-1]
            bottom = min(s.bottom for s in last)
            top = max(s.top for s in last)
            if bottom <= mid <= top:
                last.append(seg)
                continue
        rows.append([seg])
    return rows


def _best_gutter(rows, segs) -> float | None:
    left_edge = min(s.x0 for s in segs)
    right_edge = max(s.x1 for s in segs)
    width = right_edge - left_edge
    if width <= 0:
        return None
    low, high = left_edge + 0.2 * width, left_edge + 0.8 * width
    candidates = sorted({round(s.x1 + 1) for s in segs if low <= s.x1 <= high})
    best, best_lines = None, 0
    for x in candidates:
        lines = sum(len(band) for band, two in _bands(rows, x, left_edge, right_edge) if two)
        if lines > best_lines:
            best, best_lines = x, lines
    return best if best_lines >= 6 else None


def _bands(rows, gutter: float, left_edge: float | None = None,
           right_edge: float | None = None):
    """Runs of rows that keep clear of the gutter, each with whether it reads as two
    columns of text; a row that crosses the gutter is a band of its own."""
    if left_edge is None:
        left_edge = min(s.x0 for row in rows for s in row)
        right_edge = max(s.x1 for row in rows for s in row)
    band: list[list[Segment]] = []
    for row in rows:
        if any(s.x0 < gutter < s.x1 for s in row):
            if band:
                yield band, _two_columns(band, gutter, left_edge, right_edge)
                band = []
            yield [row], False
        else:
            band.append(row)
    if band:
        yield band, _two_columns(band, gutter, left_edge, right_edge)


def _two_columns(band, gutter: float, left_edge: float, right_edge: float) -> bool:
    lefts = [[s for s in row if s.x1 <= gutter] for row in band]
    rights = [[s for s in row if s.x0 > gutter] for row in band]
    lefts, rights = [r for r in lefts if r], [r for r in rights if r]
    if len(lefts) < 3 or len(rights) < 3:
        return False
    start = min(s.x0 for row in rights for s in row)
    if start - max(s.x1 for row in lefts for s in row) < 6:
        return False
    # columns of text fill their width; a table's cells and a form's labels do not
    left_widths = sorted(max(s.x1 for s in r) - min(s.x0 for s in r) for r in lefts)
    right_widths = sorted(max(s.x1 for s in r) - min(s.x0 for s in r) for r in rights)
    return (left_widths[len(left_widths) // 2] >= 0.55 * (gutter - left_edge)
            and right_widths[len(right_widths) // 2] >= 0.55 * (right_edge - start))


# Lines ------------------------------------------------------------------------------------


def flow_lines(flow: list[Segment], page: int, flow_id: int, page_height: float) -> list[Line]:
    """One flow's segments -> its lines, top to bottom."""
    out = []
    for row in _rows(flow):
        row.sort(key=lambda s: s.x0)
        glyphs: list[Glyph] = []
        for seg in row:
            if glyphs and _opens_item(seg):  # bullets side by side: one item each
                out.append(_line(glyphs, page, flow_id, page_height))
                glyphs = []
            if glyphs:
                glyphs.append(Glyph(" ", glyphs[-1].x1, seg.x0, seg.bottom, seg.top,
                                    seg.glyphs[0].size, False, False))
            glyphs.extend(seg.glyphs)
        out.append(_line(glyphs, page, flow_id, page_height))
    return out


_BULLETS = "\u2022\u25cf\u25e6\u25aa\u25a0\u25a1\u25cb\u2023\u2219\u27a2\uf0b7\uf0a7"


def _opens_item(seg: Segment) -> bool:
    first = next((g.text for g in seg.glyphs if not g.text.isspace()), "")
    return bool(first) and first in _BULLETS


def _line(glyphs: list[Glyph], page: int, flow: int, page_height: float) -> Line:
    letters = [g for g in glyphs if not g.text.isspace()]
    sizes = Counter(g.size for g in letters)
    size = sizes.most_common(1)[0][0]
    body = [g for g in letters if g.size == size]
    baseline = Counter(round(g.bottom, 1) for g in body).most_common(1)[0][0]
    runs: list[tuple[str, bool, bool]] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        text = glyph.text
        if previous is not None and not previous.text.isspace() and not text.isspace() \
                and glyph.x0 - previous.x1 > SPACE_GAP * max(glyph.size, previous.size):
            _append(runs, " ", runs[-1][1] if runs else False, runs[-1][2] if runs else False)
        if text.isspace():
            text = " "
            if runs and runs[-1][0].endswith(" "):
                previous = glyph
                continue
        _append(runs, text, glyph.bold and not text.isspace() or
                (text.isspace() and bool(runs) and runs[-1][1]), glyph.italic)
        previous = glyph
    runs = _trimmed(runs)
    bold = sum(1 for g in letters if g.bold)
    return Line(page=page, flow=flow, runs=runs, x0=min(g.x0 for g in letters),
                x1=max(g.x1 for g in letters), bottom=min(g.bottom for g in body),
                top=max(g.top for g in body), size=size, baseline=baseline,
                page_height=page_height, bold_share=bold / len(letters))


def _append(runs, text: str, bold: bool, italic: bool) -> None:
    if runs and runs[-1][1] == bold and runs[-1][2] == italic:
        runs[-1] = (runs[-1][0] + text, bold, italic)
    else:
        runs.append((text, bold, italic))


def _trimmed(runs):
    while runs and not runs[0][0].strip():
        runs.pop(0)
    while runs and not runs[-1][0].strip():
        runs.pop()
    if runs:
        runs[0] = (runs[0][0].lstrip(), runs[0][1], runs[0][2])
        runs[-1] = (runs[-1][0].rstrip(), runs[-1][1], runs[-1][2])
    return runs


# Running heads ----------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?$|^[-\u2013\u2014]\s*\d{1,4}"
    r"\s*[-\u2013\u2014]$", re.I)


def drop_running_heads(pages: list[list[Segment]], heights: list[float]
                       ) -> list[list[Segment]]:
    """Segments in the top or bottom margin band that recur at the same height on most
    pages (numbers aside: "Report 2021 | 3"), alone or as their whole row, and page numbers
    there, are page furniture."""
    sizes: Counter = Counter(g.size for segs in pages for seg in segs for g in seg.glyphs)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    bands = [[(row, _in_band(row, height, body)) for row in _rows(segs)]
             for segs, height in zip(pages, heights, strict=True)]
    seen: Counter = Counter()
    for rows in bands:
        keys = set()
        for row, in_band in rows:
            if in_band:
                keys.add(_key(row))
                keys.update(_key([seg]) for seg in row)
        seen.update(keys)
    wanted = max(2, (len(pages) + 1) // 2)

    def repeated(segs: list[Segment]) -> bool:
        text, height = _key(segs)
        return bool(text) and len(pages) > 1 and \
            sum(seen[(text, h)] for h in (height - 1, height, height + 1)) >= wanted

    out = []
    for rows in bands:
        kept: list[Segment] = []
        for row, in_band in rows:
            if in_band and (repeated(row) or _PAGE_NUMBER.match(_text(row).strip())):
                continue
            kept.extend(seg for seg in row if not (in_band and (
                repeated([seg]) or _PAGE_NUMBER.match(_text([seg]).strip()))))
        out.append(kept)
    return out


def _in_band(row: list[Segment], height: float, body: float) -> bool:
    """In the margin where running heads live: near the edge, or a little farther in when
    set smaller than the body text (a slide's footer)."""
    band = MARGIN_BAND if max(g.size for s in row for g in s.glyphs) < 0.95 * body \
        else NARROW_BAND
    return min(s.bottom for s in row) < band * height or \
        max(s.top for s in row) > (1 - band) * height


def _text(segs: list[Segment]) -> str:
    return " ".join("".join(g.text for g in seg.glyphs) for seg in sorted(segs,
                                                                          key=lambda s: s.x0))


def _key(segs: list[Segment]) -> tuple[str, int]:
    letters = re.sub(r"[\W\d_]+", "", _text(segs).casefold())
    return letters, round(min(s.bottom for s in segs) / 4)
