"""Themes: a controlled vocabulary of trigger words and phrases, matched on analysed text.

A theme fires on a paragraph only on evidence that means it, read one line at a time (a
prose paragraph is one line; a list item or a table row is a line of its own):

- a trigger of several words ("zero tolerance", "code of conduct") fires alone;
- a trigger of one word fires alone, unless its theme says ``requires_context = true``:
  then only beside a second trigger of the theme (another word, not a form of the same
  one: "leader" and "leadership" are one; not a weak one) or a context word within
  ``CONTEXT_WINDOW`` words (the theme's ``context``, else the vocabulary's top-level
  ``context``). "hierarchy" is a power imbalance beside "harassment", not in "the
  heading hierarchy";
- a ``weak`` trigger, of any length, fires only beside a context word: "root causes" of
  a bug, "speak up" in a meeting and "best practices" for a spec are not themes.

Words are matched stemmed and with British/American variants folded ("prevention" finds
"preventing", "organisation" finds "organization"). A trigger or context word written with
a leading ``=`` is matched on its unstemmed words, for words that stemming merges with
unrelated ones: "=consensual" must not find "consensus", "=screening" not "screen".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .analysis import TOKEN_EXPRESSION, analyse, fold_variant, morph, token_words
from .errors import ReportsError, UsageError

CONTEXT_WINDOW = 20  # words either side of a weak trigger where a context word counts
EXACT = "="  # the prefix of a trigger matched on its unstemmed words
THEME_KEYS = ("label", "aliases", "triggers", "weak", "requires_context", "context")
TOP_KEYS = ("replace", "context", "theme")
_TOKEN = re.compile(TOKEN_EXPRESSION)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A trigger or context word: its analysed words, stemmed unless ``exact``."""

    words: tuple[str, ...]
    exact: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(morph(w) for w in self.words) if self.exact else self.words


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    label: str
    aliases: tuple[str, ...]
    triggers: tuple[Phrase, ...]  # fire alone when of several words
    weak: tuple[Phrase, ...] = ()  # need a second trigger or a context word
    requires_context: bool = False  # one-word triggers count as weak
    context: tuple[Phrase, ...] = ()

    def needs_support(self, phrase: Phrase) -> bool:
        return phrase in self.weak or (self.requires_context and len(phrase.words) == 1)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text as the tagger reads it: surface words (lowercased, accents
    and spelling variants folded) and their stems, position by position."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    present: frozenset[str]  # every word and stem of the line

    def find(self, phrase: Phrase) -> list[int]:
        """Start positions of the phrase in the line."""
        first = phrase.words[0]
        if first not in self.present:
            return []
        seq = self.words if phrase.exact else self.stems
        size = len(phrase.words)
        return [i for i, w in enumerate(seq)
                if w == first and seq[i:i + size] == phrase.words]


def read_lines(text: str) -> list[Line]:
    """The text's lines, analysed as the index analyses text at query time."""
    lines = []
    for raw in text.split("\n"):
        words: list[str] = []
        stems: list[str] = []
        for token in _TOKEN.findall(raw):
            token_forms, token_stems = _token_forms(token)
            words += token_forms
            stems += token_stems
        if words:
            lines.append(Line(tuple(words), tuple(stems), frozenset(words + stems)))
    return lines


@lru_cache(maxsize=1 << 15)
def _token_forms(token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A token's words (spelling variants folded) and their stems: a report repeats its
    words, and each is worked out once."""
    # this function's own cache holds the answer: token_words' would hold every token a
    # second time (nearly all of them seen once), tens of megabytes in each parse worker
    words = tuple(fold_variant(word) for word, _, _, _ in
                  token_words.__wrapped__(token, False, True))
    return words, tuple(morph(w) for w in words)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a theme fired on a line: the trigger found and what stood beside it."""

    theme: str
    trigger: str
    support: str | None = None  # a second trigger or a context word, for a weak trigger


@dataclass(frozen=True, slots=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    # per theme, the first words of its triggers: a line holding none of them cannot
    # fire the theme, and most lines hold none of most themes'
    _openers: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_openers", tuple(
            frozenset(p.words[0] for p in (*t.triggers, *t.weak)) for t in self.themes))

    def tag(self, text: str) -> tuple[str, ...]:
        """Ids of the themes that fire on the text, in taxonomy order."""
        found = {e.theme for e in self.evidence(text)}
        return tuple(t.id for t in self.themes if t.id in found)

    def evidence(self, text: str) -> list[Evidence]:
        """For each theme that fires, the first evidence for it, in taxonomy order."""
        lines = read_lines(text)
        out = []
        for theme, openers in zip(self.themes, self._openers, strict=True):
            for line in lines:
                if openers.isdisjoint(line.present):
                    continue
                why = _fires(theme, line)
                if why is not None:
                    out.append(why)
                    break
        return out

    def resolve(self, name: str) -> Theme | None:
        """A theme from its id, label or alias, in any case or spelling variant."""
        wanted = tuple(analyse(name.replace("/", " ").replace("-", " ")))
        for theme in self.themes:
            forms = (theme.id.replace("-", " "), theme.label.replace("/", " "), *theme.aliases)
            if any(tuple(analyse(f.replace("-", " "))) == wanted for f in forms):
                return theme
        return None


def _fires(theme: Theme, line: Line) -> Evidence | None:
    found: list[tuple[Phrase, set[int]]] = []  # triggers that need support, where
    for phrase in (*theme.triggers, *theme.weak):
        starts = line.find(phrase)
        if not starts:
            continue
        if not theme.needs_support(phrase):
            return Evidence(theme.id, _show(phrase))
        found.append((phrase, {i + k for i in starts for k in range(len(phrase.words))}))
    words = [(p, where) for p, where in found if p not in theme.weak]
    for phrase, where in words:  # a second trigger: another word, elsewhere in the line
        for other, elsewhere in words:
            if not where & elsewhere and not _same_word(phrase, other):
                return Evidence(theme.id, _show(phrase), _show(other))
    covered = set().union(*(where for _, where in found)) if found else set()
    for phrase, where in found:
        near = {i for at in where for i in range(at - CONTEXT_WINDOW, at + CONTEXT_WINDOW + 1)}
        for word in theme.context:
            if _same_word(phrase, word):
                continue  # a trigger is no context for itself
            for start in line.find(word):
                span = set(range(start, start + len(word.words)))
                if span & near and not span & covered:
                    return Evidence(theme.id, _show(phrase), _show(word))
    return None


def _same_word(one: Phrase, other: Phrase) -> bool:
    """Whether two triggers are forms of one word ("leader", "leadership")."""
    a, b = " ".join(one.stems), " ".join(other.stems)
    return a.startswith(b) or b.startswith(a)


def _show(phrase: Phrase) -> str:
    return (EXACT if phrase.exact else "") + " ".join(phrase.words)


def parse_phrase(text: str) -> Phrase | None:
    """A trigger as written in a themes file -> its Phrase (None if it has no words)."""
    text = str(text).strip()
    if text.startswith(EXACT):
        words = tuple(w for line in read_lines(text[len(EXACT):]) for w in line.words)
        return Phrase(words, exact=True) if words else None
    words = tuple(analyse(text))
    return Phrase(words) if words else None


def _phrases(values, where: str) -> tuple[Phrase, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise UsageError(f"{where} must be a list of words or phrases")
    found = (parse_phrase(v) for v in values)
    return tuple(dict.fromkeys(p for p in found if p is not None))


def parse_taxonomy(text: str, source: str = "themes") -> tuple[bool, list[Theme]]:
    """TOML text -> (replace?, themes). Raises UsageError on a malformed file (the TOML
    parser's message gives the line and column)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{source}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(TOP_KEYS))
    if unknown:
        raise UsageError(f"{source}: unknown key {unknown[0]!r}; keys: {', '.join(TOP_KEYS)}")
    table = data.get("theme") or {}
    if not isinstance(table, dict):
        raise UsageError(f"{source}: 'theme' must be a table of [theme.ID] sections")
    default_context = _phrases(data.get("context", []), f"{source}: context")
    themes = []
    for theme_id, body in table.items():
        where = f"{source}: theme {theme_id!r}"
        if not isinstance(body, dict):
            raise UsageError(f"{where} must be a table")
        unknown = sorted(set(body) - set(THEME_KEYS))
        if unknown:
            raise UsageError(f"{where}: unknown key {unknown[0]!r}; "
                             f"keys: {', '.join(THEME_KEYS)}")
        triggers = _phrases(body.get("triggers", []), f"{where}: triggers")
        weak = _phrases(body.get("weak", []), f"{where}: weak")
        if not triggers and not weak:
            raise UsageError(f"{where} needs a list of triggers")
        requires = body.get("requires_context", False)
        if not isinstance(requires, bool):
            raise UsageError(f"{where}: requires_context must be true or false")
        context = (_phrases(body["context"], f"{where}: context") if "context" in body
                   else default_context)
        themes.append(Theme(id=theme_id, label=str(body.get("label", theme_id)),
                            aliases=tuple(str(a) for a in body.get("aliases", ())),
                            triggers=triggers, weak=weak, requires_context=requires,
                            context=context))
    return bool(data.get("replace", False)), themes


@cache
def default_taxonomy() -> Taxonomy:
    text = resources.files("indexer").joinpath("data/themes.toml").read_text("utf-8")
    return Taxonomy(tuple(parse_taxonomy(text, "built-in themes")[1]))


def load_taxonomy(extra: Path | None = None) -> Taxonomy:
    """The built-in themes, with a user's file added to them or replacing them."""
    if extra is None:
        return default_taxonomy()
    try:
        text = Path(extra).read_text("utf-8")
    except FileNotFoundError:
        raise UsageError(f"{extra}: no such themes file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportsError(f"{extra}: cannot read themes file ({exc})") from None
    return combined_taxonomy(text, str(extra))


def combined_taxonomy(text: str, source: str = "themes") -> Taxonomy:
    """The built-in themes with the themes of a file's text added to them (a theme of
    the same id replaces the built-in one), or only the file's with ``replace = true``."""
    replace, themes = parse_taxonomy(text, source)
    if replace:
        return Taxonomy(tuple(themes))
    by_id = {t.id: t for t in default_taxonomy().themes}
    by_id.update({t.id: t for t in themes})
    return Taxonomy(tuple(by_id.values()))
