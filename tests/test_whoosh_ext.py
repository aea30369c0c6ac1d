"""The Whoosh internals layer: the version it was written for, patches applied when an
index is opened (not on import), and what a cold search imports."""

import json
import subprocess
import sys

import pytest

from indexer.whoosh_ext import UnsupportedWhooshError, check_version, patches

from .conftest import ROOT


def test_another_whoosh_version_is_a_clear_error():
    check_version((2, 7, 5))
    with pytest.raises(UnsupportedWhooshError, match=r"Whoosh 2\.8\.0 is installed.*<2\.8"):
        check_version((2, 8, 0))


def test_opening_an_index_installs_the_patches(library):
    assert patches.installed()


_COLD_SEARCH = """
import json, sys
from search.engine import Library, SearchRequest
with Library(sys.argv[1]) as library:
    total = library.search(SearchRequest(query="accountability")).total
print(json.dumps({"total": total, "modules": sorted(sys.modules)}))
"""


def test_a_cold_search_imports_neither_the_network_nor_attribution(seed_index):
    """A search never uses them: Whoosh's download helper (urllib.request, http.client),
    the cached_property package's asyncio, and the people attribution machinery."""
    out = subprocess.run([sys.executable, "-c", _COLD_SEARCH, str(seed_index)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    found = json.loads(out)
    assert found["total"] > 0
    unwanted = {"urllib.request", "http.client", "asyncio", "indexer.people.attribution",
                "indexer.people.registry"}
    assert not unwanted & set(found["modules"])
