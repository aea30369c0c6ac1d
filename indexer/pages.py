"""The page each block starts on, for input that has pages (PDF).

The converter records each block's text with its page; after the structural walk each
block is found in that text, in order, by its first letters and digits (markup, spacing
and punctuation aside), and after blocks are cut into turns each part takes the page of
the block it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .records import Block

KEY = 32  # letters and digits that find a block's start


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def locate_pages(blocks: tuple[Block, ...], pages) -> tuple[Block, ...]:
    """``pages``: (text, page) for each block the converter wrote, in document order."""
    if not pages:
        return blocks
    starts, numbers, parts, length = [], [], [], 0
    for text, page in pages:
        letters = _letters(text)
        starts.append(length)
        numbers.append(page)
        parts.append(letters)
        length += len(letters)
    whole = "".join(parts)
    out, cursor = [], 0
    for block in blocks:
        key = _letters(block.text)[:KEY]
        at = whole.find(key, cursor) if key else -1
        if at < 0 and key:
            at = whole.find(key)
        if at < 0:
            out.append(block)
            continue
        cursor = at + len(key)
        out.append(replace(block, page=numbers[bisect_right(starts, at) - 1]))
    return tuple(out)


def carry_pages(originals, parts: list[Block]) -> list[Block]:
    """Blocks cut into turns (``parts``) take the page of the block they came from."""
    if not any(block.page is not None for block in originals):
        return parts
    texts = [_letters(block.text) for block in originals]
    out, index = [], 0
    for part in parts:
        if part.page is not None:
            out.append(part)
            continue
        key = _letters(part.text)[:KEY]
        found = next((i for i in range(index, len(texts)) if key and key in texts[i]), None)
        if found is not None:
            index = found
        out.append(replace(part, page=originals[min(index, len(originals) - 1)].page)
                   if originals else part)
    return out
