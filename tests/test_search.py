"""Index and search through the library: ranking, filters, facets, highlights."""

import pytest

from indexer.errors import UsageError
from search.engine import SearchRequest

from .conftest import SEED_ID


def search(library, query=None, **kw):
    return library.search(SearchRequest(query=query, **kw))


def test_zero_tolerance_finds_the_paragraphs_with_the_phrase(library):
    result = search(library, "zero tolerance")
    assert result.total == 3
    for hit in result.hits:
        spans = [hit["text"][s:e].lower() for s, e in hit["highlights"]]
        assert "zero tolerance" in spans  # adjacent words highlighted as one span


def test_highlights_are_offsets_into_the_text(library):
    hit = search(library, "accountability").hits[0]
    assert [hit["text"][s:e] for s, e in hit["highlights"]] == ["accountability"]


def test_phrase_is_highlighted_whole(library):
    hit = search(library, '"victim-centered approach"').hits[0]
    assert [hit["text"][s:e] for s, e in hit["highlights"]] == ["victim-centred approach"]


def test_speaker_filter_any_form_of_the_name(library):
    for form in ("Lopez", "ASG Lopez", "martha helena lopez", "LÓPEZ", "Ms. Lopez"):
        result = search(library, "accountability", speakers=(form,))
        assert result.total == 2, form
        assert all("Martha Helena Lopez" in h["speakers"] for h in result.hits)


def test_speaker_field_in_the_query_equals_the_flag(library):
    by_field = search(library, "accountability speaker:Lopez")
    by_flag = search(library, "accountability", speakers=("Lopez",))
    assert [h["paragraph"] for h in by_field.hits] == [h["paragraph"] for h in by_flag.hits]


def test_unknown_speaker_names_the_closest(library):
    with pytest.raises(UsageError, match="Martha Helena Lopez"):
        search(library, "accountability", speakers=("Lopes",))


def test_theme_filter_returns_the_clearcheck_paragraphs(library):
    result = search(library, themes=("Accountability",))
    texts = [h["text"] for h in result.hits]
    assert any("ClearCheck" in t for t in texts)
    assert all("accountability" in h["themes"] for h in result.hits)


def test_repeat_flag_is_or_different_flags_are_and(library):
    lopez = search(library, speakers=("Lopez",)).total
    connors = search(library, speakers=("Connors",)).total
    both = search(library, speakers=("Lopez", "Connors")).total
    assert both == lopez + connors
    anded = search(library, speakers=("Lopez",), themes=("accountability",))
    assert 0 < anded.total < lopez


def test_filter_only_lists_in_report_and_paragraph_order(library):
    result = search(library, speakers=("Pehrman",), limit=50)
    assert [h["paragraph"] for h in result.hits] == [2, 3, 6, 20]


def test_facets_count_the_whole_result_not_the_page(library):
    result = search(library, "participants", limit=1)
    assert len(result.hits) == 1
    assert sum(result.facets["reports"].values()) == result.total > 1


def test_pagination(library):
    first = search(library, "harassment", limit=2, page=1)
    second = search(library, "harassment", limit=2, page=2)
    assert first.total == second.total > 2
    assert {h["paragraph"] for h in first.hits}.isdisjoint({h["paragraph"] for h in second.hits})


def test_date_filters(library):
    recent = search(library, "funding", since="2023")
    assert recent.total >= 1 and {h["report_id"] for h in recent.hits} == {"dialogue"}
    assert search(library, "funding", until="2021-12-31").total >= 1
    with pytest.raises(UsageError):
        search(library, "funding", since="yesterday")


def test_section_and_report_filters(library):
    result = search(library, "accountability", sections=("Peer to Peer",))
    assert [h["paragraph"] for h in result.hits] == [18]
    assert search(library, "funding", reports=(SEED_ID,)).total == \
        search(library, "funding").facets["reports"][SEED_ID]


def test_did_you_mean(library):
    assert search(library, "harasment").suggestion == "harassment"
    assert search(library, "harassment").suggestion is None


@pytest.mark.parametrize("query", ['"open', "(a OR b", "nosuchfield:x", "*", "AND"])
def test_bad_queries_raise_usage_errors(library, query):
    with pytest.raises(UsageError):
        search(library, query)


def test_wildcard_and_fuzzy(library):
    assert search(library, "account*").total >= 2
    assert search(library, "acountability~").total >= 2


def test_joined_word_typed_finds_the_spaced_form(tmp_path):
    from indexer.pipeline import index_paths
    from search.engine import Library

    report = tmp_path / "spaced.md"
    report.write_text("# Notes\n\nThe Clear Check database lists perpetrators.\n")
    index_paths([str(report)], tmp_path / "ix")
    with Library(tmp_path / "ix") as library:
        result = library.search(SearchRequest(query="clearcheck"))
    assert result.total == 1
    hit = result.hits[0]
    assert [hit["text"][s:e] for s, e in hit["highlights"]] == ["Clear Check"]


def test_a_name_that_fits_several_people_searches_all_and_says_so(tmp_path):
    from indexer.pipeline import index_paths
    from search.engine import Library

    report = tmp_path / "two.md"
    report.write_text("# Two Smiths\n\nMs. Anna Smith said hello.\n\nMr. Ben Smith said bye.\n")
    index_paths([str(report)], tmp_path / "ix")
    with Library(tmp_path / "ix") as library:
        result = library.search(SearchRequest(speakers=("Smith",)))
    assert result.total == 2
    assert "matches 2 people" in result.notes[0]


@pytest.mark.parametrize(("query", "paragraph"), [
    ('"victim-centered approach"', 12), ('"survivor centered"', 12), ('"trauma informed"', 12),
    ('"organizational culture"', 14), ('"women of color"', 14), ('"at the center"', 14),
    ('"everyday behavior"', 4), ("programs consent", 13), ("counseling", 13),
    ("emphasized accountability", 10), ('"zero-tolerance"', 20), ('"Clear Check"', 11),
    ("clearcheck", 10), ('"peer-to-peer"', 17), ("dialog", 17),
])
def test_spelling_variants_and_compounds_find_the_seed_paragraph(library, query, paragraph):
    found = [(h["report_id"], h["paragraph"]) for h in search(library, query, limit=20).hits]
    assert (SEED_ID, paragraph) in found, query
