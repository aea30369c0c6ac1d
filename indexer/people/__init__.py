"""People: who a report names, and who speaks in each block.

Two passes over a document: ``Registry.from_blocks`` collects the evidence (participants
lists and tables, initials and nicks, honorifics and titles, headers, labels, the
subjects of speech verbs); ``attribute`` then gives each block its speakers, each with
the kind of evidence that named it, and its mentions."""

from importlib import import_module

# name -> the module defining it, imported on first use: searching needs only the
# vocabulary and name forms, not the attribution machinery (tens of milliseconds of
# regular expressions compiled at import, on every cold search)
_HOME = {"Attribution": "attribution", "attribute": "attribution", "parse_label": "labels",
         "PREFIXED_NAME": "names", "strip_prefix": "names", "Registry": "registry",
         "speaks_in": "speech", "split_turns": "turns"}

__all__ = sorted(_HOME)


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value
