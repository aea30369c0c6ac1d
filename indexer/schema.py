"""Every field of the index, in one place. Search reads field names from here."""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import make_analyzer

# 4: no term vectors (highlighting analyses the page's hits again), title, date and source
# in the report record only, no speaker/theme columns (facet tables read the keyword
# fields); 3: speaker evidence;
# 2: one-step analyzer, offsets in vectors, facet columns
FORMAT_VERSION = 4
KIND_CHUNK = "chunk"
KIND_REPORT = "report"

# fields a query may name, mapped to the field that holds them
FILTER_FIELDS = ("speaker", "theme", "section", "report")
# how a paragraph's speaker was found (``speaker_evidence``), weakest last
EVIDENCE_KINDS = ("front-matter", "label", "header", "initials", "speech-verb",
                  "role-reference", "continuation", "quotation")
TEXT_FIELDS = ("text", "section", "keyphrases", "title")
# the title is searchable by name (title:) but not by default: only a report's record
# carries it, and title: picks reports, as report: does
FIELD_BOOSTS = {"text": 1.0, "section": 1.5, "keyphrases": 2.0}


def make_schema() -> Schema:
    analyzer = make_analyzer()
    return Schema(
        kind=ID(stored=True),
        chunk_id=ID(stored=True, unique=True),
        report_id=ID(stored=True, sortable=True),
        paragraph=NUMERIC(stored=True, sortable=True),
        # a paragraph's date, title and source are its report's: shown from the report's
        # record; the date is a column for sorting and indexed for --since/--until
        date=DATETIME(sortable=True),
        # postings keep positions only (for phrases), which is all searching needs;
        # highlighting analyses the ten hits of a page again for their character
        # offsets, cheaper than storing every paragraph's offsets in a term vector
        text=TEXT(analyzer=analyzer, stored=True, multitoken_query="phrase"),
        section=TEXT(analyzer=analyzer, stored=True, multitoken_query="phrase"),
        title=TEXT(analyzer=analyzer, stored=True, multitoken_query="phrase"),
        keyphrases=TEXT(analyzer=analyzer, multitoken_query="phrase"),
        speaker=KEYWORD(commas=True, scorable=False),
        mention=KEYWORD(commas=True, scorable=False),
        theme=KEYWORD(commas=True, scorable=False),
        evidence=KEYWORD(commas=True, scorable=False),  # how the speakers were found
        data=STORED(),
    )
