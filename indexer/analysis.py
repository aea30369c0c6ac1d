"""The one analyzer used at index and at query time (inside phrases too).

tokenize (words joined by hyphens, dots or slashes stay one token) -> split compounds
("zero-tolerance", "ClearCheck") keeping the joined form at index time, and slash
alternatives sharing a compound's tail ("teacher/parent-led" also stands for
"teacher-led") -> lowercase -> accent folding -> British/American variant folding ->
English stemming.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

from whoosh.analysis import Filter, RegexTokenizer
from whoosh.lang.porter import stem as _stem
from whoosh.support.charset import accent_map

TOKEN_EXPRESSION = r"\w+(?:[.\-\u2010\u2011'’/]\w+)*"
_SEPARATORS = re.compile(r"[\-\u2010\u2011]")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_IS_CAMEL = re.compile(r"^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$")
# "teacher/parent-led", "victim/survivor-centred": two to four words between slashes,
# the last a compound whose tail the others share
_ALTERNATIVES = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+){1,3}[\-\u2010\u2011][^\W\d_]+"
                           r"(?:[\-\u2010\u2011][^\W\d_]+)*")
STOP_WORDS = frozenset("a an and are as at be by for from if in into is it of on or that the "
                       "this to was were with".split())


@cache
def _variants() -> dict:
    text = resources.files("indexer").joinpath("data/variants.toml").read_text("utf-8")
    data = tomllib.loads(text)
    rules = data["rules"]
    # travelled -> traveled, panellists -> panelists, worshipped -> worshiped: every
    # doubled form of the listed stems, worked out once
    double_l = {stem + stem[-1] + ending: stem + ending
                for stem in rules["double_l"] for ending in rules["double_l_endings"]}
    return {"words": data["words"], "double_l": double_l,
            "double_l_prefixes": tuple(rules["double_l_prefixes"]), "our": set(rules["our"]),
            "ogue": tuple(rules["ogue"]), "ise_keep": set(rules["ise_keep"]),
            "ise_keep_prefixes": tuple(rules["ise_keep"])}


_OUR_ENDINGS = ("our", "ours", "oured", "ouring", "ourable", "ourite", "ourites")
_ISE = re.compile(r"^(\w{3,}?)(is|ys)(e|es|ed|ing|er|ers|ation|ations|ational)$")


def fold_variant(word: str) -> str:
    """British/UN spelling -> one form ('organisation' -> 'organization')."""
    data = _variants()
    if word in data["words"]:
        return data["words"][word]
    if word in data["double_l"]:
        return data["double_l"][word]
    if word.startswith(data["double_l_prefixes"]):
        for prefix in data["double_l_prefixes"]:
            rest = word[len(prefix):]
            if word.startswith(prefix) and rest in data["double_l"]:
                return prefix + data["double_l"][rest]
    if word.endswith(_OUR_ENDINGS):
        head, _, tail = word.rpartition("our")
        if head in data["our"]:
            return f"{head}or{tail}"
    if word.startswith(data["ogue"]):
        for ogue in data["ogue"]:
            if word.startswith(ogue):
                return ogue[:-2] + word[len(ogue):]
    match = _ISE.match(word)
    if match:
        head, letter, tail = match.groups()
        if head + letter + "e" not in data["ise_keep"] and not word.startswith(
                data["ise_keep_prefixes"]):
            return f"{head}{letter[0]}z{tail}"
    return word


def is_hyphenated(text: str) -> bool:
    """Whether a typed word has a hyphen in it ("victim-centred")."""
    return bool(_SEPARATORS.search(text))


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


class WordFilter(Filter):
    """Split hyphenated and camel-case compounds into their words, drop stop words,
    lowercase and fold accents, in one step per token. At index time the joined word is
    kept as well (at the first part's position), so that "ClearCheck", "Clear Check",
    "clear-check" and "clearcheck" all find each other; and a slash alternative before a
    compound ("teacher/parent-led") is indexed as that compound too ("teacher-led" as a
    phrase, "teacherled"), its tail's words repeated after it, so that its own words keep
    their places ("teacher parent led" stays a phrase). Positions are numbered here,
    since one token may give several words; a token's words are worked out once and
    remembered."""

    def __call__(self, tokens):
        pos = -1
        options = None
        for token in tokens:
            if options is None:  # the tokenizer sets them once for the whole text
                options = (token.mode == "index", getattr(token, "removestops", True),
                           getattr(token, "positions", False), getattr(token, "chars", False))
                index_mode, removestops, positions, chars = options
            words = token_words(token.text, index_mode, removestops)
            if not words:
                continue
            first = pos + 1
            if chars:
                base_char = token.startchar
                for term, offset, length, place in words:
                    if positions:
                        token.pos = first + place
                    token.startchar = base_char + offset
                    token.endchar = base_char + offset + length
                    token.text = term
                    yield token
            elif positions:
                for term, _, _, place in words:
                    token.pos = first + place
                    token.text = term
                    yield token
            else:
                for term, *_ in words:
                    token.text = term
                    yield token
            pos = first + words[-1][3]  # words come in position order


# (word, offset in the token, length, position counted from the token's first word)
TokenWord = tuple[str, int, int, int]


@lru_cache(maxsize=200_000)
def token_words(text: str, index_mode: bool, removestops: bool) -> tuple[TokenWord, ...]:
    """The words of one token, lowercased and accent-folded, in position order. At index
    time a compound's joined form shares its first word's position and spans the
    compound, and a slash alternative's compound is added (``_alternatives``)."""
    if "/" not in text:
        return tuple(_compound_words(text, index_mode, removestops, 0))
    pieces = []
    at = 0
    for piece in text.split("/"):
        pieces.append((piece, at))
        at += len(piece) + 1
    out: list[TokenWord] = []
    for piece, start in pieces:  # each piece as a token of its own, one after another
        words = _compound_words(piece, index_mode, removestops, start)
        following = max((place for *_, place in out), default=-1) + 1
        out.extend((w, o, n, following + place) for w, o, n, place in words)
    if index_mode and _ALTERNATIVES.fullmatch(text):
        out.extend(_alternatives(out, pieces, removestops))
    return tuple(sorted(out, key=lambda word: word[3]))


def _compound_words(text: str, index_mode: bool, removestops: bool,
                    start: int) -> list[TokenWord]:
    """The words of a token without slashes, ``start`` characters into the token."""
    whole = len(text)
    text = _normalise_token(text)
    parts = _split_parts(text) if (_SEPARATORS.search(text) or _IS_CAMEL.match(text)) \
        else [(text, 0)]
    kept = [(p, o) for p, o in parts if not (removestops and p.lower() in STOP_WORDS)]
    out: list[TokenWord] = []
    for index, (part, offset) in enumerate(kept):
        out.append((_surface(part), start + offset, len(part), index))
        if index == 0 and len(parts) > 1 and index_mode:
            out.append((_surface("".join(p for p, _ in parts)), start, whole, index))
    return out


def _alternatives(words: list[TokenWord], pieces: list[tuple[str, int]],
                  removestops: bool) -> list[TokenWord]:
    """For "teacher/parent-led": "teacherled" at "teacher" (spanning the whole token) and
    "led" once more right after "teacher" (where "parent" stands), so that the phrase
    "teacher led" and the joined word find it as they find "teacher-led"."""
    *heads, (compound, compound_start) = pieces
    parts = _split_parts(compound)
    tail = [(p, o) for p, o in parts[1:] if not (removestops and p.lower() in STOP_WORDS)]
    joined_tail = "".join(p for p, _ in parts[1:])
    places = {offset: place for _, offset, _, place in words}
    extra: list[TokenWord] = []
    for head, start in heads:
        place = places.get(start)
        if place is None:  # a stop word, not indexed
            continue
        whole = compound_start + len(compound) - start
        extra.append((_surface(head + joined_tail), start, whole, place))
        for step, (part, offset) in enumerate(tail, 1):
            extra.append((_surface(part), compound_start + offset, len(part), place + step))
    return extra


def _surface(word: str) -> str:
    return word.lower().translate(accent_map)


class MorphFilter(Filter):
    """Spelling variants folded, then English stemming (remembered per word). Marked
    morphological, so Whoosh leaves it out when asked for whole words (``no_morph``)."""

    is_morph = True

    def __call__(self, tokens):
        for token in tokens:
            token.text = morph(token.text)
            yield token


@lru_cache(maxsize=200_000)
def morph(word: str) -> str:
    return _stem(fold_variant(word))


def _normalise_token(text: str) -> str:
    if "." in text and not any(ch.isdigit() for ch in text):
        text = text.replace(".", "")  # U.N. -> UN, e.g. -> eg
    text = text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return text.replace("'", "") or text


def make_analyzer():
    """The project's analyzer (saved in the index schema, so keep it importable)."""
    return RegexTokenizer(TOKEN_EXPRESSION) | WordFilter() | MorphFilter()


def analyse(text: str, mode: str = "query") -> list[str]:
    """Analysed terms of a text, as the index sees them."""
    return [t.text for t in _analyzer()(text, mode=mode)]


@cache
def _analyzer():
    return make_analyzer()
