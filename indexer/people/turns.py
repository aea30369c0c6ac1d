"""Blocks cut at turns: a paragraph whose lines open with speaker labels ("SH: ...",
"CS: ...") becomes one block per turn, and a list of notes whose items carry labels one
block per item, so that each turn can have its own speaker."""

from __future__ import annotations

import re

from ..names import fold
from ..records import Block
from .evidence import item_depths, presenters_with_notes
from .labels import dash_label, parse_label, trailing_asides
from .names import strip_prefix
from .registry import Registry
from .speech import signed_by


def split_turns(blocks, registry: Registry, speaks=lambda text: False) -> list[Block]:
    """``speaks(text)``: whether a person is named speaking in the text (a list whose
    items say who spoke is notes of a discussion, one block per item)."""
    out: list[Block] = []
    for block in blocks:
        if block.voice is not None:
            out.append(block)  # the format said whose it is: one turn
        elif block.kind == "paragraph" and block.lines:
            out.extend(_split_lines(block, registry))
        elif block.kind == "list" and len(block.items) > 1:
            out.extend(_split_items(block, registry, speaks))
        elif block.kind == "table" and len(block.items) > 2:
            out.extend(_split_rows(block))
        else:
            out.append(block)
    return out


def is_turn_label(text: str, registry: Registry) -> bool:
    label = parse_label(text) or dash_label(text)
    if label is not None and label.kind == "dash" and label.organisation:
        return False  # "Sam Okonkwo (@samokonkwo) — co-host, ...": a line of who is who
    if label is None:
        return False
    if label.kind in ("role", "designation"):
        return True
    return all(registry.resolve_name(name) is not None for name in label.names)


def _split_lines(block: Block, registry: Registry) -> list[Block]:
    starts = [i for i, line in enumerate(block.lines) if i and is_turn_label(line, registry)]
    if _bold_name_above(block, registry):
        # "**Dr Nkechi Adeyemi-Holt (Registrar)**<br>A 46-year-old man ...": the name
        # above her words is a line of its own, a header
        starts = [1, *(i for i in starts if i > 1)]
    if not starts:
        return [block]
    groups, begin = [], 0
    for at in starts:
        groups.append(block.lines[begin:at])
        begin = at
    groups.append(block.lines[begin:])
    return [_part(block, lines) for lines in groups if lines]


def _bold_name_above(block: Block, registry: Registry) -> bool:
    first = block.lines[0].strip(" *_:")
    if len(first) > 90 or not any(fold(b).strip(" *_:") == fold(first) for b in block.bold):
        return False
    name = strip_prefix(trailing_asides(re.split(r",\s+|\s+[-–—]\s+", first)[0])[0])
    entry = registry.resolve_name(name)
    return entry is not None and entry.written_as(name)


def _part(block: Block, lines) -> Block:
    text = " ".join(lines)
    return Block("paragraph", text, block.section_path,
                 tuple(b for b in block.bold if b in text), (), tuple(lines) if len(lines) > 1
                 else ())


PROSE_CELL_WORDS = 8  # a cell this long is a sentence or more, not a value


def _split_rows(block: Block) -> list[Block]:
    """A table whose cells hold prose (statements, summaries) is read one row at a time,
    each row with its column headers, so that each row can have its own speaker."""
    header, *rows = [[c.strip() for c in row.split("|")] for row in block.items]
    if not any(len(cell.split()) >= PROSE_CELL_WORDS for row in rows for cell in row):
        return [block]
    out = []
    for cells in rows:
        pairs = [(h, c) for h, c in zip(header, cells, strict=False) if c]
        if not pairs:
            continue
        text = "; ".join(f"{h}: {c}" if h else c for h, c in pairs)
        # an empty cell is kept beside its header (out of the text): an empty speaker
        # cell says the row above goes on
        kept = [(h, c) for h, c in zip(header, cells, strict=False) if c or h]
        out.append(Block("row", text, block.section_path,
                         tuple(b for b in block.bold if b in text),
                         items=tuple(c for _, c in kept),
                         lines=tuple(h for h, _ in kept)))
    return out or [block]


def _split_items(block: Block, registry: Registry, speaks) -> list[Block]:
    turns = sum(1 for item in block.items if is_turn_label(item, registry) or speaks(item)
                or signed_by(item, registry, block.section_path))
    presented = sum(1 for who in presenters_with_notes(block) if who)
    if turns < 1 and not presented:
        return [block]
    return [Block("item", item, block.section_path,
                  tuple(b for b in block.bold if b in item), depth=depth)
            for item, depth in zip(block.items, item_depths(block), strict=True)]
