"""Reading report files and writing the index. Never imports ``search``."""

from . import whoosh_ext  # noqa: F401 - first: the Whoosh version check and lighter imports
