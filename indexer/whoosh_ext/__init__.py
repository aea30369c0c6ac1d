"""Where the program relies on Whoosh beyond its public API, for the Whoosh it was written
for (whoosh-reloaded 2.7): the version check, lighter imports, and the patches
(``patches.install``, applied when an index is opened, not on import).

Importing this package (``indexer`` does, first) checks the installed version and keeps
three of Whoosh's imports that a search never uses from costing a cold start: the
``cached_property`` package (it imports asyncio; the standard library's does the same
job), ``urllib.request`` (imported by ``whoosh.compat`` for a download helper that
Whoosh itself never calls) and the English variation rules of ``whoosh.lang.morph_en``
(loaded when first used).

Every other use of a private Whoosh name is here too, behind a named function or class:
``postings`` (posting lists read a block at a time, for what a filter matches),
``queries`` (what a prefix or wildcard expands to), ``collecting`` (a collector
that sees every match) and ``multiproc`` (how the multi-process writer starts its
sub-writers). No module outside this package names a private attribute that Whoosh
defines (``tests/test_whoosh_private.py`` checks)."""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import importlib.util
import sys
import types

# the Whoosh releases whose internals this package was written against and tested with
SUPPORTED_VERSIONS = ((2, 7),)


class UnsupportedWhooshError(ImportError):
    """The installed Whoosh is not one this program was written for."""


def check_version(version: tuple) -> None:
    if tuple(version[:2]) not in SUPPORTED_VERSIONS:
        wanted = ", ".join(".".join(map(str, v)) for v in SUPPORTED_VERSIONS)
        found = ".".join(map(str, version))
        raise UnsupportedWhooshError(
            f"Whoosh {found} is installed; this program reads Whoosh's internals as of "
            f"{wanted}.x: install whoosh-reloaded>=2.7.5,<2.8")


_REAL: dict[str, types.ModuleType] = {}


def _real_module(name: str):
    """The module ``name`` as installed, loaded (once) apart from ``sys.modules``."""
    if name in _REAL:
        return _REAL[name]
    parent, _, _ = name.rpartition(".")
    path = importlib.import_module(parent).__path__ if parent else None
    spec = importlib.machinery.PathFinder.find_spec(name, path)
    if spec is None:
        raise ImportError(f"no module named {name!r}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _REAL[name] = module
    return module


def _standing_in(name: str, **attributes) -> types.ModuleType:
    """A module with ``attributes``; any other attribute comes from the real module,
    loaded then (another library asking for more than Whoosh uses still gets it)."""
    module = types.ModuleType(name)
    module.__dict__.update(attributes)

    def __getattr__(attribute: str):
        if attribute.startswith("__"):  # the import system probing (__path__ ...)
            raise AttributeError(attribute)
        return getattr(_real_module(name), attribute)

    module.__getattr__ = __getattr__
    return module


def _forwarding(module_name: str, attribute: str):
    """A function that calls the real module's function, loading the module then."""
    def forward(*args, **kwargs):
        return getattr(_real_module(module_name), attribute)(*args, **kwargs)

    forward.__name__ = attribute
    return forward


def _urlretrieve(*args, **kwargs):
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def _import_lightly() -> None:
    if "cached_property" not in sys.modules:
        sys.modules["cached_property"] = _standing_in(
            "cached_property", cached_property=functools.cached_property)
    # English word variations (Whoosh's Variations query, which a search never builds):
    # compiling their rules is a tenth of Whoosh's import time
    if "whoosh.lang.morph_en" not in sys.modules:
        sys.modules["whoosh.lang.morph_en"] = _standing_in(
            "whoosh.lang.morph_en", variations=_forwarding("whoosh.lang.morph_en", "variations"))
    if "whoosh.compat" in sys.modules or "urllib.request" in sys.modules:
        import whoosh.compat  # noqa: F401
        return
    # only while whoosh.compat imports: anything imported later gets the real module
    sys.modules["urllib.request"] = _standing_in("urllib.request", urlretrieve=_urlretrieve)
    try:
        import whoosh.compat  # noqa: F401
    finally:
        del sys.modules["urllib.request"]


_import_lightly()

import whoosh  # noqa: E402 - after the lighter imports above

check_version(whoosh.__version__)
