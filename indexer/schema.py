"""Every field of the index, in one place. Search reads field names from here."""

from __future__ import annotations

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Characters

from . import whoosh_fixes  # noqa: F401 - applies the column-reading fixes
from .analysis import make_analyzer

FORMAT_VERSION = 3  # 3: speaker evidence; 2: one-step analyzer, offsets in vectors, facet columns
KIND_CHUNK = "chunk"
KIND_REPORT = "report"

# fields a query may name, mapped to the field that holds them
FILTER_FIELDS = ("speaker", "theme", "section", "report")
# how a paragraph's speaker was found (``speaker_evidence``), weakest last
EVIDENCE_KINDS = ("front-matter", "label", "header", "initials", "speech-verb",
                  "role-reference", "continuation", "quotation")
TEXT_FIELDS = ("text", "section", "keyphrases", "title")
# the title is searchable by name (title:) but not by default: every paragraph carries it
FIELD_BOOSTS = {"text": 1.0, "section": 1.5, "keyphrases": 2.0}


def make_schema() -> Schema:
    analyzer = make_analyzer()
    return Schema(
        kind=ID(stored=True),
        chunk_id=ID(stored=True, unique=True),
        report_id=ID(stored=True, sortable=True),
        paragraph=NUMERIC(stored=True, sortable=True),
        date=DATETIME(stored=True, sortable=True),
        # the term vector keeps the character offsets of every term of a paragraph, so
        # highlighting reads them instead of re-analysing the text; postings keep
        # positions only (for phrases), which is all searching needs
        text=TEXT(analyzer=analyzer, stored=True, vector=Characters(),
                  multitoken_query="phrase"),
        section=TEXT(analyzer=analyzer, stored=True, multitoken_query="phrase"),
        title=TEXT(analyzer=analyzer, stored=True, multitoken_query="phrase"),
        keyphrases=TEXT(analyzer=analyzer, multitoken_query="phrase"),
        speaker=KEYWORD(commas=True, scorable=False),
        mention=KEYWORD(commas=True, scorable=False),
        theme=KEYWORD(commas=True, scorable=False),
        evidence=KEYWORD(commas=True, scorable=False),  # how the speakers were found
        # the same values again, one comma-separated value per paragraph in a column,
        # for counting over a result without walking every posting
        speaker_list=COLUMN(VarBytesColumn()),
        theme_list=COLUMN(VarBytesColumn()),
        data=STORED(),
    )
