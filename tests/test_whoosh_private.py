"""Whoosh's private internals are used in one place only, ``indexer/whoosh_ext/``, next to
its version check: no other module of ``indexer/`` or ``search/`` names an attribute that
Whoosh's own source defines with a leading underscore, whether written ``obj._name``,
passed as a string to getattr/setattr/hasattr/delattr, imported from a Whoosh module, or
defined (overridden) in a subclass of a Whoosh class.

Whoosh's private names are read from the installed package's source; the names our own
classes define for themselves (``self._lock`` ...) are ours to use, unless the class
derives from a Whoosh class, where any of Whoosh's private names is Whoosh's."""

from __future__ import annotations

import ast
import warnings
from functools import cache
from pathlib import Path

import pytest
import whoosh

from .conftest import ROOT

PACKAGES = ("indexer", "search")
INTERNALS = ROOT / "indexer" / "whoosh_ext"
_ATTRIBUTE_CALLS = {"getattr", "setattr", "hasattr", "delattr"}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _modules(internals: bool = False) -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py")
                  if internals or INTERNALS not in p.parents)


def _class_names(classdef: ast.ClassDef) -> set[str]:
    """Names a class defines: methods, class-level assignments, ``self._x = ...``."""
    names = set()
    for node in classdef.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    for node in ast.walk(classdef):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and \
                isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            names.add(node.attr)
    return {name for name in names if _private(name)}


def _whoosh_sources() -> list[Path]:
    return sorted(Path(whoosh.__file__).parent.rglob("*.py"))


def read_whoosh_private_names() -> frozenset[str]:
    """Every private attribute, method, class-level name and function Whoosh defines."""
    names = set()
    for path in _whoosh_sources():
        with warnings.catch_warnings():  # old escapes in Whoosh's vendored modules
            warnings.simplefilter("ignore")
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, ast.ClassDef):
                names |= {node.name} | _class_names(node)
        for node in tree.body:
            if isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return frozenset(name for name in names if _private(name))


_KNOWN: dict[str, frozenset[str]] = {}


def whoosh_private_names(cache=None) -> frozenset[str]:
    """``read_whoosh_private_names()``, kept in pytest's cache under the installed
    Whoosh's version and the name, size and time of each of its source files."""
    if "names" in _KNOWN:
        return _KNOWN["names"]
    files = [[str(p), p.stat().st_size, p.stat().st_mtime_ns] for p in _whoosh_sources()]
    key = {"version": list(whoosh.__version__), "files": files}
    kept = cache.get(_CACHE_KEY, None) if cache is not None else None
    if isinstance(kept, dict) and kept.get("key") == key:
        names = frozenset(kept["names"])
    else:
        names = read_whoosh_private_names()
        if cache is not None:
            cache.set(_CACHE_KEY, {"key": key, "names": sorted(names)})
    _KNOWN["names"] = names
    return names


_CACHE_KEY = "reports/whoosh-private-names"


@pytest.fixture(scope="module", autouse=True)
def _whoosh_names(pytestconfig):
    whoosh_private_names(getattr(pytestconfig, "cache", None))


def _whoosh_bindings(tree: ast.Module) -> set[str]:
    """The names a module binds to Whoosh's modules and objects."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "whoosh":
            bound.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "whoosh":
                    bound.add(alias.asname or alias.name.split(".")[0])
    return bound


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


@cache
def _parsed_all() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"))
            for path in _modules(internals=True)}


def _parsed() -> dict[Path, ast.Module]:
    """Every module of ours outside the internals package."""
    return {path: tree for path, tree in _parsed_all().items() if INTERNALS not in path.parents}


def _classes(tree: ast.Module) -> list[tuple[str, set[str | None], set[str]]]:
    """(name, the root names of its bases, the names bound to Whoosh in its module)."""
    whoosh_names = _whoosh_bindings(tree)
    return [(node.name, {_root_name(base) for base in node.bases}, whoosh_names)
            for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]


def _derived_classes(trees, known: frozenset[str] = frozenset()) -> frozenset[str]:
    """The classes of ``trees`` that derive from a Whoosh class, directly or through
    another of ours (``known``: such classes found before)."""
    classes = [c for tree in trees for c in _classes(tree)]
    derived = set(known)
    while True:
        before = len(derived)
        derived.update(name for name, bases, whoosh_names in classes
                       if bases & (whoosh_names | derived))
        if len(derived) == before:
            return frozenset(derived)


@cache
def _whoosh_derived_classes() -> frozenset[str]:
    """Including ours that derive from the internals package's subclasses of Whoosh's."""
    return _derived_classes(_parsed_all().values())


@cache
def own_private_names() -> frozenset[str]:
    """Private names our classes (not derived from Whoosh's) define for themselves."""
    derived = _whoosh_derived_classes()
    names = set()
    for tree in _parsed().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name not in derived:
                names |= _class_names(node)
    return frozenset(names)


def _named(node: ast.AST) -> str | None:
    """The attribute name ``node`` reaches for, if any."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id in _ATTRIBUTE_CALLS and len(node.args) >= 2 and \
            isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
        return node.args[1].value
    return None


def private_uses(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, what) for each private Whoosh name the module uses."""
    whoosh_private = whoosh_private_names()
    foreign = whoosh_private - own_private_names()
    derived = _derived_classes([tree], _whoosh_derived_classes())
    found = []

    def visit(node: ast.AST, in_derived: bool) -> None:
        if isinstance(node, ast.ClassDef):
            in_derived = node.name in derived
            if in_derived:
                for name in sorted(_class_names(node) & whoosh_private):
                    found.append((node.lineno, f"class {node.name} defines {name}"))
        name = _named(node)
        if name is not None and _private(name):
            suspects = whoosh_private if in_derived else foreign
            if name in suspects:
                found.append((node.lineno, ast.unparse(node)))
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "whoosh":
            found.extend((node.lineno, f"from {node.module} import {alias.name}")
                         for alias in node.names
                         if _private(alias.name) or any(_private(part) for part
                                                        in node.module.split(".")))
        for child in ast.iter_child_nodes(node):
            visit(child, in_derived)

    visit(tree, False)
    return sorted(set(found))


def test_whoosh_private_names_are_read_from_its_source():
    names = whoosh_private_names()
    # a few the block scorer and the patches rely on: if these go, the scan is broken
    assert {"_read_ids", "_ids", "_next_block", "_perdoc", "_cached_reader", "_btexts",
            "_collect", "_new_task"} <= names


def test_no_module_outside_whoosh_ext_names_a_private_whoosh_attribute():
    offences = [f"{path.relative_to(ROOT)}:{line}: {what}"
                for path, tree in _parsed().items() for line, what in private_uses(tree)]
    assert not offences, "Whoosh internals outside indexer/whoosh_ext/:\n" + \
        "\n".join(offences)


def test_the_scan_finds_each_way_of_reaching_in():
    source = """
from whoosh import collectors
from whoosh.util import _private_helper

def blocks(matcher):
    matcher._read_ids()
    return getattr(matcher, "_ids"), hasattr(matcher, "_next_block")

class Collector(collectors.TopCollector):
    def _collect(self, docnum, score):
        return self._lock_and_count()

class Mine:
    def __init__(self):
        self._lock = None  # ours: Whoosh has a _lock too, but this class is not Whoosh's

    def use(self):
        return self._lock
"""
    found = [what for _, what in private_uses(ast.parse(source))]
    assert "matcher._read_ids" in found
    assert "getattr(matcher, '_ids')" in found
    assert "hasattr(matcher, '_next_block')" in found
    assert "class Collector defines _collect" in found
    assert "from whoosh.util import _private_helper" in found
    assert not any("_lock" in what for what in found)
