"""The word lists of the people stage, read once from ``indexer/data/people.toml``."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def vocabulary() -> dict:
    text = resources.files("indexer").joinpath("data/people.toml").read_text("utf-8")
    return tomllib.loads(text)


def _words(key: str) -> list[str]:
    data = vocabulary()
    return list(data.get(key) or data["vocabulary"].get(key) or [])


def _with_capitals(honorifics: list[str]) -> list[str]:
    """Transcripts print the style with the name in capitals ("REP. SANDOVAL:", "SENATOR
    OYELARAN:"): an abbreviation or a legislator's style reads the same in capitals."""
    shouted = [h.upper() for h in honorifics if h.endswith(".") or h in _LEGISLATORS]
    return list(dict.fromkeys(honorifics + shouted))


_LEGISLATORS = frozenset("""Senator Representative Congressman Congresswoman Delegate
Councilmember Councilman Councilwoman Commissioner Supervisor Alderman Alderwoman
Assemblymember Assemblyman Assemblywoman Judge Justice Mayor Governor""".split()) | {
    "Chief Justice", "Associate Justice", "Chief Judge", "Presiding Judge", "Lord Justice",
    "Lady Justice", "Magistrate"}
HONORIFICS: list[str] = _with_capitals(_words("honorifics"))
TITLE_ABBREVIATIONS: dict[str, str] = dict(vocabulary()["title_abbreviations"])
TITLES: list[str] = list(dict.fromkeys(_words("titles") + list(TITLE_ABBREVIATIONS.values())))
PARTICLES: list[str] = _words("particles")
SPEECH_VERBS: list[str] = list(dict.fromkeys(_words("speech_verbs")))
NON_PERSON_LABELS: frozenset[str] = frozenset(_words("non_person_labels"))
ROLE_LABELS: dict[str, str] = dict(vocabulary()["role_labels"])
DELEGATIONS: list[str] = _words("delegations")
