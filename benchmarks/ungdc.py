"""The UN General Debate corpus as reports: one text file per speech, with front matter
naming the country, session, year, speaker and post (from Speakers_by_session.csv)."""

from __future__ import annotations

import csv
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

SMALL_YEARS = range(2010, 2020)  # one decade
_SPEECH = re.compile(r"^(?P<iso>[A-Z0-9_]+?)_(?P<session>\d+)_(?P<year>\d{4})\.txt$")


@dataclass(frozen=True)
class Speech:
    path: Path
    iso: str
    session: int
    year: int


def extract(archive: Path, target: Path) -> Path:
    """Unpack the archive once; returns the folder holding TXT/ and the CSV."""
    marker = target / ".extracted"
    if not marker.exists():
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
        marker.touch()
    found = next(target.rglob("Speakers_by_session.csv"))
    return found.parent


def speeches(root: Path, size: str) -> list[Speech]:
    out = []
    for path in sorted((root / "TXT").rglob("*.txt")):
        match = _SPEECH.match(path.name)
        if not match:
            continue
        year = int(match["year"])
        if size == "small" and year not in SMALL_YEARS:
            continue
        out.append(Speech(path, match["iso"], int(match["session"]), year))
    return out


def speakers_table(root: Path) -> dict[tuple[str, int], dict]:
    """(ISO code, session) -> country, speaker and post."""
    table = {}
    with open(root / "Speakers_by_session.csv", encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                key = (row["ISO Code"].strip(), int(row["Session"]))
            except (KeyError, ValueError):
                continue
            table[key] = {"country": (row.get("Country") or "").strip(),
                          "speaker": (row.get("Name of Person Speaking") or "").strip(),
                          "post": (row.get("Post") or "").strip()}
    return table


def _quoted(value: str) -> str:
    return '"' + value.replace('"', "'").replace("\n", " ") + '"'


def front_matter(speech: Speech, who: dict) -> str:
    country = who.get("country") or speech.iso
    lines = [
        f"title: {_quoted(f'{country}, General Debate, session {speech.session} ({speech.year})')}",
        # the corpus gives the year only; the general debate opens in September
        f"date: {speech.year}-09-01",
        f"id: ungdc-{speech.iso.lower()}-{speech.session}-{speech.year}",
        f"country: {_quoted(country)}",
    ]
    if who.get("speaker"):
        lines.append(f"speaker: {_quoted(who['speaker'])}")
    if who.get("post"):
        lines.append(f"role: {_quoted(who['post'])}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def write_reports(root: Path, size: str, target: Path) -> tuple[list[Path], int]:
    """Each speech as a report file under ``target``; returns the files and their bytes."""
    table = speakers_table(root)
    target.mkdir(parents=True, exist_ok=True)
    files, total = [], 0
    for speech in speeches(root, size):
        who = table.get((speech.iso, speech.session), {})
        body = speech.path.read_text(encoding="utf-8", errors="replace")
        out = target / f"{speech.year}" / f"{speech.iso}_{speech.session}_{speech.year}.txt"
        out.parent.mkdir(exist_ok=True)
        text = front_matter(speech, who) + body
        out.write_text(text, encoding="utf-8")
        files.append(out)
        total += len(text.encode("utf-8"))
    return files, total
