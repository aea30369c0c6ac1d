"""The people directory at query time: everyone in the index, with a curator's file
(``people.toml``) applied on top, and name resolution for ``--speaker``/``speaker:``."""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from indexer.errors import ReportsError, UsageError
from indexer.names import fold, name_key

PEOPLE_FILE = "people.toml"


@dataclass
class PersonView:
    name: str
    keys: set[str] = field(default_factory=set)  # index keys this person stands for
    forms: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    paragraphs: int = 0

    def folded_forms(self) -> set[str]:
        key = (self.name, len(self.forms), len(self.keys))
        if getattr(self, "_folded_key", None) != key:  # names change only by the curator
            self._folded = {fold(f) for f in (self.name, *self.forms)} | self.keys
            self._folded_key = key
        return self._folded

    def as_json(self) -> dict:
        return {"name": self.name, "titles": _unique(self.honorifics + self.titles),
                "roles": _unique(self.roles), "organisations": _unique(self.organisations),
                "aliases": _unique(f for f in self.forms if f != self.name),
                "paragraphs": self.paragraphs, "reports": _unique(self.reports)}


_PERSON_FIELDS = ("name", "keys", "forms", "honorifics", "titles", "roles", "organisations",
                  "reports", "paragraphs")


def vars_of(person: PersonView) -> dict:
    return {name: getattr(person, name) for name in _PERSON_FIELDS}


def _fuller(name: str, than: str) -> bool:
    """Whether ``name`` is the better way to show a person than ``than``, two forms of the
    same key: the longer, else the one written with capitals ("Josh", not "josh"), else
    the one with its accents ("Inês", not "Ines")."""
    def weight(form: str) -> tuple:
        return (len(form), sum(c.isupper() for c in form), sum(not c.isascii() for c in form))
    return weight(name) > weight(than) or weight(name) == weight(than) and name < than


def _unique(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def names_of(directory: Directory) -> dict[str, str]:
    """Person key -> the name shown for that person (what ``Directory.display`` and
    ``person_for_key`` give), as plain data."""
    return {key: person.name for key, person in directory._by_key.items()}


class Directory:
    def __init__(self, people: list[PersonView]):
        self.people = people
        self._by_key = {k: p for p in people for k in p.keys}

    @classmethod
    def build(cls, reports: dict[str, dict], curator: dict | None = None) -> Directory:
        by_key: dict[str, PersonView] = {}
        # in report order, not the order the reports were indexed in: the same archive
        # shows the same names however its files were shared between the workers
        for report_id, record in sorted(reports.items()):
            for person in record.get("people", []):
                view = by_key.setdefault(person["key"], PersonView(person["name"],
                                                                   {person["key"]}))
                if _fuller(person["name"], view.name):
                    view.name = person["name"]
                view.forms.extend([person["name"], *person.get("aliases", [])])
                view.honorifics.extend(person.get("honorifics", []))
                view.titles.extend(person.get("titles", []))
                view.roles.extend(person.get("roles", []))
                view.organisations.extend(person.get("organisations", []))
                view.reports.append(report_id)
        people = list(by_key.values())
        if curator:
            people = _apply_curator(people, curator)
        return cls(people)

    def to_plain(self) -> list[dict]:
        """Plain data for the cache file beside the index."""
        return [{**vars_of(p), "keys": sorted(p.keys)} for p in self.people]

    @classmethod
    def from_plain(cls, plain: list[dict]) -> Directory:
        return cls([PersonView(**{**row, "keys": set(row["keys"])}) for row in plain])

    def person_for_key(self, key: str) -> PersonView | None:
        return self._by_key.get(key)

    def display(self, name: str) -> str:
        """A stored speaker name as the curator wants it shown."""
        person = self._by_key.get(name_key(name))
        return person.name if person else name

    def resolve(self, query: str) -> list[PersonView]:
        """Every person a typed name may mean: exact forms first, then name parts."""
        from indexer.people import strip_prefix

        wanted = _spaced(fold(strip_prefix(query.strip().removeprefix("@"))))  # "@dsr": a handle
        if not wanted:
            return []
        exact, forms = self._forms()
        tokens = wanted.split()
        if wanted in exact and (len(tokens) > 1 or any(
                _spaced(fold(p.name)) == wanted for p in exact[wanted])):
            return list(exact[wanted])
        # one word ("okafor") is an alias of one person and a part of others' names
        # (Chidi Okafor, Lena Okafor): it may mean any of them
        return [p for p, split_forms in forms
                if any(_has_tokens(form, tokens) for form in split_forms)]

    def _forms(self):
        """Every person's forms, folded and spaced, worked out once: an archive names
        thousands of people and a search may resolve several names."""
        if getattr(self, "_exact", None) is None:
            self._exact: dict[str, list[PersonView]] = {}
            self._split: list[tuple[PersonView, list[list[str]]]] = []
            for person in self.people:
                spaced = {_spaced(f) for f in person.folded_forms()}
                for form in spaced:
                    self._exact.setdefault(form, []).append(person)
                self._split.append((person, [form.split() for form in spaced]))
        return self._exact, self._split

    def closest(self, query: str, count: int = 3) -> list[str]:
        forms = {fold(f): p.name for p in self.people for f in (p.name, *p.forms)}
        for p in self.people:
            forms.setdefault(fold(p.name).split()[-1], p.name)
        matches = difflib.get_close_matches(fold(query), list(forms), n=count * 3, cutoff=0.6)
        return _unique(forms[m] for m in matches)[:count]

    def resolve_or_fail(self, query: str) -> list[PersonView]:
        found = self.resolve(query)
        if found:
            return found
        close = self.closest(query)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        known = "" if close else (f"; {len(self.people)} people in the index "
                                  "(see `reports speakers`)")
        raise UsageError(f"unknown speaker {query!r}{hint}{known}")


def _spaced(form: str) -> str:
    """'dasilva-ibru' and 'dasilva ibru' are one name."""
    return " ".join(form.replace("-", " ").split())


def _has_tokens(form: list[str], tokens: list[str]) -> bool:
    """All typed tokens appear in order in the name ('lopez', 'martha lopez')."""
    it = iter(form)
    return all(any(t == f or t.replace("-", "") == f.replace("-", "") for f in it)
               for t in tokens)


def curator_file_for(index_path: Path) -> Path:
    """Where the curator file lives by default: beside the index folder (in the folder
    that holds it), never inside it: the index folder is the program's to rebuild."""
    return Path(index_path).absolute().parent / PEOPLE_FILE


def load_curator(path: Path | None, required: bool = False) -> dict | None:
    """The curator file as a table; None when there is none. ``required``: the user
    named it, so a missing file is an error rather than "no corrections"."""
    if path is None:
        return None
    path = Path(path)
    if not path.exists():
        if required:
            raise UsageError(f"{path}: no such people file")
        return None
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportsError(f"{path}: cannot read people file ({exc})") from None
    try:
        curator = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    _check_curator(path, curator)
    return curator


def _check_curator(path: Path, curator: dict) -> None:
    known = {"merge", "rename", "aliases"}
    for section, table in curator.items():
        if section not in known:
            raise UsageError(f"{path}: unknown section [{section}]; sections: "
                             f"{', '.join(sorted(known))}")
        if not isinstance(table, dict):
            raise UsageError(f"{path}: [{section}] must be a table of name = value lines")
        for name, value in table.items():
            wanted = "a name" if section == "rename" else "a name or a list of names"
            ok = isinstance(value, str) or (section != "rename" and isinstance(value, list)
                                            and all(isinstance(v, str) for v in value))
            if not ok:
                raise UsageError(f"{path}: [{section}] {name!r} must be {wanted}")


def _apply_curator(people: list[PersonView], curator: dict) -> list[PersonView]:
    """[merge] target = [forms...]; [rename] form = "New Name"; [aliases] form = [aliases]."""

    def find(form: str) -> PersonView | None:
        wanted = fold(form)
        return next((p for p in people if wanted in p.folded_forms()), None)

    for target, others in (curator.get("merge") or {}).items():
        keep = find(target)
        if keep is None:
            continue
        for other in [others] if isinstance(others, str) else others:
            gone = find(other)
            if gone is None or gone is keep:
                continue
            keep.keys |= gone.keys
            keep.forms += [gone.name, *gone.forms]
            for attr in ("honorifics", "titles", "roles", "organisations", "reports"):
                getattr(keep, attr).extend(getattr(gone, attr))
            people.remove(gone)
    for form, new_name in (curator.get("rename") or {}).items():
        person = find(form)
        if person is not None:
            person.forms.append(person.name)
            person.name = str(new_name)
    for form, aliases in (curator.get("aliases") or {}).items():
        person = find(form)
        if person is not None:
            person.forms.extend([aliases] if isinstance(aliases, str) else aliases)
    return people
