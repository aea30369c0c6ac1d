"""Plain records that flow through the pipeline: file -> Report -> Chunks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or list as found in the document, with the headings above it."""

    kind: str  # "paragraph" | "list" | "table"
    text: str
    section_path: tuple[str, ...]
    bold: tuple[str, ...] = ()  # bold or emphasised phrases inside the block
    items: tuple[str, ...] = ()  # list items, for kind == "list"
    lines: tuple[str, ...] = ()  # a paragraph's source lines, when it has several
    depth: int = 0  # nesting of a list item that stands as a block of its own
    page: int | None = None  # the page it starts on, for PDF input
    # (speaker, evidence) when the format itself says who speaks (a mail's sender, a
    # quoted reply's author); ("", ...) when it says nobody does
    voice: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded file before tagging: title, date, metadata and blocks."""

    title: str
    date: str | None  # ISO yyyy-mm-dd
    metadata: dict
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in a report, with what the report says about them."""

    name: str
    key: str  # normalised full name: one person across reports
    honorifics: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Chunk:
    """One searchable paragraph (or list) of a report."""

    report_id: str
    position: int  # 1-based paragraph number in the report
    text: str
    section_path: tuple[str, ...]
    speakers: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    keyphrases: tuple[str, ...] = ()
    speaker_evidence: tuple[str, ...] = ()  # parallel to speakers: how each was found
    page: int | None = None  # page number, for PDF input

    @property
    def section(self) -> str:
        return self.section_path[-1] if self.section_path else ""

    @property
    def chunk_id(self) -> str:
        return f"{self.report_id}:{self.position}"


@dataclass(frozen=True, slots=True)
class Report:
    """A parsed and tagged report, ready for the index."""

    id: str
    title: str
    date: str | None
    source: str
    content_hash: str
    metadata: dict = field(default_factory=dict)
    people: tuple[Person, ...] = ()
    chunks: tuple[Chunk, ...] = ()
