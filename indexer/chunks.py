"""Tagging: a loaded Document -> a Report whose Chunks carry section, people and themes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .designations import display_name
from .long_paragraphs import split_paragraph
from .names import fold, name_key
from .pages import carry_pages
from .people import PREFIXED_NAME, Registry, attribute, speaks_in, split_turns
from .people.names import strip_prefix
from .records import Block, Chunk, Document, Person, Report
from .themes import Taxonomy


def report_id_for(path: Path, metadata: dict) -> str:
    """Front matter ``id``, else a slug of the file name."""
    given = str(metadata.get("id", "")).strip()
    return slugify(given) if given else slugify(path.stem)


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug or "report"


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _as_written(name: str) -> str:
    """'Mrs. BANDARANAIKE' -> 'Mrs. Bandaranaike': a name as records print it, as it is
    written (the honorific kept: a surname alone could be a relative's the speech names)."""
    name = name.strip()
    bare = strip_prefix(name)
    if bare.isupper() and len(bare) > 3 and name.endswith(bare):
        return name[:len(name) - len(bare)] + display_name(bare)
    return name


def build_report(document: Document, *, report_id: str, source: str, digest: str,
                 taxonomy: Taxonomy) -> Report:
    """Pure: tags every block and returns the Report."""
    registry = Registry.from_blocks(document.blocks, document.title)
    single = document.metadata.get("speaker")
    # "speaker: Mrs. BANDARANAIKE" in front matter: the one who gives the speech, whether
    # or not the text names her in another form as well
    single_name = registry.add_plain(
        _as_written(str(single)), role=document.metadata.get("role", ""),
        organisation=document.metadata.get("organization")
        or document.metadata.get("organisation")
        or document.metadata.get("country", "")).name if single else None
    blocks = carry_pages(document.blocks, split_turns(
        document.blocks, registry, speaks=lambda text: speaks_in(text, registry)))
    attributions = attribute(blocks, registry, narrator=single_name)
    people = registry.people()
    names = {fold(p.name) for p in people} | {fold(a) for p in people for a in p.aliases}
    people += _unlisted_speakers(attributions, people)
    chunks = []
    for block, who in zip(blocks, attributions, strict=True):
        if who.drop:
            continue  # a turn header: it names the speaker of what follows
        text = who.text or block.text
        if not who.speakers and not _has_words(text):
            continue  # a bare link, a bracket or markup left alone on a line
        mentions = tuple(m for m in who.mentions if m not in who.speakers)
        themes, keyphrases = taxonomy.tag(text), _keyphrases(block, names)
        # a very long paragraph is indexed as several, each tagged as the whole block
        for piece in split_paragraph(text):
            chunks.append(Chunk(
                report_id=report_id, position=len(chunks) + 1, text=piece,
                section_path=block.section_path, speakers=who.speakers, mentions=mentions,
                themes=themes, keyphrases=keyphrases, speaker_evidence=who.evidence,
                page=block.page,
            ))
    return Report(id=report_id, title=document.title, date=document.date, source=source,
                  content_hash=digest, metadata=document.metadata, people=people,
                  chunks=tuple(chunks))


def _unlisted_speakers(attributions, people) -> tuple[Person, ...]:
    """Speakers named by a role or a delegation ('Moderator', 'Questioner', 'Brazil'):
    people too, so that ``--speaker Moderator`` finds their turns."""
    known = {p.name for p in people}
    found = dict.fromkeys(name for who in attributions for name in who.speakers
                          if name not in known)
    return tuple(Person(name=name, key=name_key(name)) for name in found)


_NOT_WORDS = re.compile(r"https?://\S+|www\.\S+|\[[#\d\s,.:;-]*\]|\{[^}]*\}|[#@]\w+")


def _has_words(text: str) -> bool:
    """Whether anything is left to read once links, bracketed references and markup
    are taken out."""
    return len(re.findall(r"[^\W\d_]{2,}", _NOT_WORDS.sub(" ", text))) >= 1


def _keyphrases(block: Block, names: set[str]) -> tuple[str, ...]:
    """Bold or emphasised phrases that are not people's names."""
    kept = []
    for phrase in block.bold:
        folded = fold(phrase)
        if not folded or folded in names or PREFIXED_NAME.match(phrase):
            continue
        if any(name and name in folded for name in names) and len(phrase.split()) <= 6:
            continue
        if len(phrase.split()) > 12 or fold(phrase) == fold(block.text).strip(" .:;,"):
            continue  # emphasis over a whole paragraph is styling, not a key phrase
        kept.append(phrase)
    return tuple(dict.fromkeys(kept))
