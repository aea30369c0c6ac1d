"""Blocks cut at turns: a paragraph whose lines open with speaker labels ("SH: ...",
"CS: ...") becomes one block per turn, and a list of notes whose items carry labels one
block per item, so that each turn can have its own speaker."""

from __future__ import annotations

import re

from ..records import Block
from .labels import parse_label
from .registry import Registry


def split_turns(blocks, registry: Registry, speaks=lambda text: False) -> list[Block]:
    """``speaks(text)``: whether a person is named speaking in the text (a list whose
    items say who spoke is notes of a discussion, one block per item)."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == "paragraph" and block.lines:
            out.extend(_split_lines(block, registry))
        elif block.kind == "list" and len(block.items) > 1:
            out.extend(_split_items(block, registry, speaks))
        else:
            out.append(block)
    return out


def is_turn_label(text: str, registry: Registry) -> bool:
    label = parse_label(text)
    if label is None:
        return False
    if label.kind in ("role", "designation"):
        return True
    return all(registry.resolve_name(name) is not None for name in label.names)


def _split_lines(block: Block, registry: Registry) -> list[Block]:
    starts = [i for i, line in enumerate(block.lines) if i and is_turn_label(line, registry)]
    if not starts:
        return [block]
    groups, begin = [], 0
    for at in starts:
        groups.append(block.lines[begin:at])
        begin = at
    groups.append(block.lines[begin:])
    return [_part(block, lines) for lines in groups if lines]


def _part(block: Block, lines) -> Block:
    text = " ".join(lines)
    return Block("paragraph", text, block.section_path,
                 tuple(b for b in block.bold if b in text), (), tuple(lines) if len(lines) > 1
                 else ())


def _split_items(block: Block, registry: Registry, speaks) -> list[Block]:
    turns = sum(1 for item in block.items if is_turn_label(item, registry) or speaks(item))
    if turns < 2:
        return [block]
    depths = [len(line) - len(line.lstrip(" ")) for line in block.text.split("\n")
              if re.match(r"^\s*- ", line)]
    if len(depths) != len(block.items):
        depths = [0] * len(block.items)
    return [Block("item", item, block.section_path,
                  tuple(b for b in block.bold if b in item), depth=depth // 2)
            for item, depth in zip(block.items, depths, strict=True)]
