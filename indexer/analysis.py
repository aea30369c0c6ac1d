"""The one analyzer used at index and at query time (inside phrases too).

tokenize (words joined by hyphens or dots stay one token) -> split compounds
("zero-tolerance", "ClearCheck") keeping the joined form at index time -> lowercase ->
accent folding -> British/American variant folding -> English stemming.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
)
from whoosh.support.charset import accent_map

TOKEN_EXPRESSION = r"\w+(?:[.\-\u2010\u2011'’]\w+)*"
_SEPARATORS = re.compile(r"[\-\u2010\u2011]")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_IS_CAMEL = re.compile(r"^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$")
STOP_WORDS = frozenset("a an and are as at be by for from if in into is it of on or that the "
                       "this to was were with".split())


@cache
def _variants() -> dict:
    text = resources.files("indexer").joinpath("data/variants.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=50_000)
def fold_variant(word: str) -> str:
    """British/UN spelling -> one form ('organisation' -> 'organization')."""
    data = _variants()
    if word in data["words"]:
        return data["words"][word]
    rules = data["rules"]
    for stem in rules["double_l"]:
        for suffix in ("lled", "lling", "ller", "llers"):
            if word == stem[:-1] + stem[-1] + suffix[0] + suffix[1:] and stem.endswith(
                    suffix[0]):
                return stem + suffix[1:]
    if word.endswith(("our", "ours", "oured", "ouring", "ourable", "ourite", "ourites")):
        head, _, tail = word.rpartition("our")
        if head in rules["our"]:
            return f"{head}or{tail}"
    for ogue in rules["ogue"]:
        if word.startswith(ogue):
            return ogue[:-2] + word[len(ogue):]
    match = re.match(r"^(\w{3,}?)(is|ys)(e|es|ed|ing|er|ers|ation|ations|ational)$", word)
    if match:
        head, letter, tail = match.groups()
        if head + letter + "e" not in rules["ise_keep"] and not word.startswith(
                tuple(rules["ise_keep"])):
            return f"{head}{letter[0]}z{tail}"
    return word


def _split_parts(text: str) -> list[tuple[str, int]]:
    """A token's parts and their offsets: hyphen parts, then camel-case parts."""
    parts: list[tuple[str, int]] = []
    offset = 0
    for piece in _SEPARATORS.split(text):
        if _IS_CAMEL.match(piece):
            parts.extend((m.group(), offset + m.start()) for m in _CAMEL.finditer(piece))
        elif piece:
            parts.append((piece, offset))
        offset += len(piece) + 1
    return parts


class CompoundFilter(Filter):
    """Split hyphenated and camel-case compounds into their words and drop stop words,
    numbering positions itself. At index time the joined word is kept as well (at the
    first part's position), so that "ClearCheck", "Clear Check", "clear-check" and
    "clearcheck" all find each other."""

    def __call__(self, tokens):
        pos = -1
        for token in tokens:
            text = _normalise_token(token.text)
            parts = _split_parts(text) if (_SEPARATORS.search(text) or _IS_CAMEL.match(text)) \
                else [(text, 0)]
            removestops = getattr(token, "removestops", True)
            kept = [(p, o) for p, o in parts if not (removestops and p.lower() in STOP_WORDS)]
            if not kept:
                continue
            positions = getattr(token, "positions", False)
            chars = getattr(token, "chars", False)
            base_char, end_char = (token.startchar, token.endchar) if chars else (0, 0)
            for index, (part, offset) in enumerate(kept):
                pos += 1
                token.text = part
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = base_char + offset
                    token.endchar = base_char + offset + len(part)
                yield token
                if index == 0 and len(parts) > 1 and token.mode == "index":
                    token.text = "".join(p for p, _ in parts)
                    if chars:
                        token.startchar, token.endchar = base_char, end_char
                    yield token


def _normalise_token(text: str) -> str:
    if "." in text and not any(ch.isdigit() for ch in text):
        text = text.replace(".", "")  # U.N. -> UN, e.g. -> eg
    text = text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return text.replace("'", "") or text


class VariantFilter(Filter):
    is_morph = True

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold_variant(token.text)
            yield token


def make_analyzer():
    """The project's analyzer (saved in the index schema, so keep it importable)."""
    return (RegexTokenizer(TOKEN_EXPRESSION) | CompoundFilter() | LowercaseFilter()
            | CharsetFilter(accent_map) | VariantFilter() | StemFilter(cachesize=50_000))


def analyse(text: str, mode: str = "query") -> list[str]:
    """Analysed terms of a text, as the index sees them."""
    return [t.text for t in _analyzer()(text, mode=mode)]


@cache
def _analyzer():
    return make_analyzer()
