"""Themes: a controlled vocabulary of trigger words and phrases, matched on analysed text."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .analysis import analyse
from .errors import ReportsError, UsageError


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    label: str
    aliases: tuple[str, ...]
    triggers: tuple[tuple[str, ...], ...]  # analysed trigger phrases


@dataclass(frozen=True, slots=True)
class Taxonomy:
    themes: tuple[Theme, ...]

    def tag(self, text: str) -> tuple[str, ...]:
        """Ids of the themes whose triggers occur in the text, in taxonomy order."""
        terms = analyse(text)
        if not terms:
            return ()
        present = set(terms)
        found = []
        for theme in self.themes:
            for trigger in theme.triggers:
                if trigger[0] in present and _contains(terms, trigger):
                    found.append(theme.id)
                    break
        return tuple(found)

    def resolve(self, name: str) -> Theme | None:
        """A theme from its id, label or alias, in any case or spelling variant."""
        wanted = tuple(analyse(name.replace("/", " ").replace("-", " ")))
        for theme in self.themes:
            forms = (theme.id.replace("-", " "), theme.label.replace("/", " "), *theme.aliases)
            if any(tuple(analyse(f.replace("-", " "))) == wanted for f in forms):
                return theme
        return None


def _contains(terms: list[str], phrase: tuple[str, ...]) -> bool:
    if len(phrase) == 1:
        return True
    size = len(phrase)
    return any(tuple(terms[i:i + size]) == phrase for i, t in enumerate(terms) if t == phrase[0])


def parse_taxonomy(text: str, source: str = "themes") -> tuple[bool, list[Theme]]:
    """TOML text -> (replace?, themes). Raises UsageError on a malformed file (the TOML
    parser's message gives the line and column)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{source}: not valid TOML: {exc}") from None
    themes = []
    table = data.get("theme") or {}
    if not isinstance(table, dict):
        raise UsageError(f"{source}: 'theme' must be a table of [theme.ID] sections")
    for theme_id, body in table.items():
        if not isinstance(body, dict) or not isinstance(body.get("triggers"), list) \
                or not body["triggers"]:
            raise UsageError(f"{source}: theme {theme_id!r} needs a list of triggers")
        triggers = tuple(t for t in (tuple(analyse(str(x))) for x in body["triggers"]) if t)
        themes.append(Theme(id=theme_id, label=str(body.get("label", theme_id)),
                            aliases=tuple(str(a) for a in body.get("aliases", ())),
                            triggers=triggers))
    return bool(data.get("replace", False)), themes


@cache
def default_taxonomy() -> Taxonomy:
    text = resources.files("indexer").joinpath("data/themes.toml").read_text("utf-8")
    return Taxonomy(tuple(parse_taxonomy(text, "built-in themes")[1]))


def load_taxonomy(extra: Path | None = None) -> Taxonomy:
    """The built-in themes, with a user's file added to them or replacing them."""
    base = default_taxonomy()
    if extra is None:
        return base
    try:
        text = Path(extra).read_text("utf-8")
    except FileNotFoundError:
        raise UsageError(f"{extra}: no such themes file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportsError(f"{extra}: cannot read themes file ({exc})") from None
    replace, themes = parse_taxonomy(text, str(extra))
    if replace:
        return Taxonomy(tuple(themes))
    by_id = {t.id: t for t in base.themes}
    by_id.update({t.id: t for t in themes})
    return Taxonomy(tuple(by_id.values()))
