"""People: who a report names, and who speaks in each block.

Two passes over a document: ``Registry.from_blocks`` collects the evidence (participants
lists and tables, initials and nicks, honorifics and titles, headers, labels, the
subjects of speech verbs); ``attribute`` then gives each block its speakers, each with
the kind of evidence that named it, and its mentions."""

from .attribution import Attribution, attribute
from .labels import parse_label
from .names import PREFIXED_NAME, strip_prefix
from .registry import Registry
from .speech import speaks_in
from .turns import split_turns

__all__ = ["PREFIXED_NAME", "Attribution", "Registry", "attribute", "parse_label",
           "speaks_in", "split_turns", "strip_prefix"]
