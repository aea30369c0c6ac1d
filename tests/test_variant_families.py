"""British and American spellings of the -ll-/-l- families (counsellor/counselor,
traveller/traveler, jewellery/jewelry, modeller/modeler, modelled/modeling ...), each
typed in either spelling, singular, plural and possessive, find the paragraphs written
in both: searched through the CLI over a British and an American report."""

from pathlib import Path

import pytest

from indexer.analysis import analyse, fold_variant

from .conftest import run, run_json

FIXTURES = Path(__file__).parent / "relevance" / "fixtures" / "variants"

# query -> (a fragment of the British paragraph, of the American one) it must find
FAMILIES = {
    "counsellor": ("staff counsellor met", "counselor answered"),
    "counselor": ("staff counsellor met", "counselor answered"),
    "counsellors": ("Two counsellors", "Three counselors"),
    "counselors": ("Two counsellors", "Three counselors"),
    "counsellor's": ("counsellor's caseload", "counselors' schedule"),
    "counselors'": ("counsellor's caseload", "counselors' schedule"),
    "traveller": ("A traveller reported", "A traveler asked"),
    "traveler": ("A traveller reported", "A traveler asked"),
    "travellers'": ("travellers' allowances", "traveler's itinerary"),
    "traveler's": ("travellers' allowances", "traveler's itinerary"),
    "jewellery": ("Jewellery was listed", "Jewelry was returned"),
    "jewelry": ("Jewellery was listed", "Jewelry was returned"),
    "jewellery's": ("Jewellery was listed", "Jewelry was returned"),
    "modeller": ("The modeller updated", "The modeler presented"),
    "modeler": ("The modeller updated", "The modeler presented"),
    "modellers'": ("modellers' assumptions", "modelers wrote"),
    "modelers": ("modellers' assumptions", "modelers wrote"),
    "modelled": ("were modelled again", "were modeled twice"),
    "modeled": ("were modelled again", "were modeled twice"),
    "modelling": ("Modelling the budget", "Modeling the risks"),
    "modeling": ("Modelling the budget", "Modeling the risks"),
    "councillor": ("A councillor raised", "A councilor chaired"),
    "councilors": ("A councillor raised", "A councilor chaired"),
    "labelled": ("labelled and travelled", "labeled and traveled"),
    "traveled": ("labelled and travelled", "labeled and traveled"),
    "unrivalled": ("unrivalled record", "unrivaled level"),
    "unrivaled": ("unrivalled record", "unrivaled level"),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("variants") / "index"
    result = run(folder, "index", str(FIXTURES), "--quiet")
    assert result.exit_code == 0, result.output
    return folder


@pytest.mark.parametrize("query", sorted(FAMILIES))
def test_either_spelling_finds_both(index, query):
    british, american = FAMILIES[query]
    found = run_json(index, "search", query, "--format", "json", "--limit", "50")
    texts = [hit["text"] for hit in found["hits"]]
    assert any(british in t for t in texts), (query, texts)
    assert any(american in t for t in texts), (query, texts)


def test_the_typed_spelling_is_what_is_highlighted(index):
    found = run_json(index, "search", "counselor", "--format", "json")
    marked = {hit["text"][start:end] for hit in found["hits"]
              for start, end in hit["highlights"]}
    assert {"counsellor", "counselor"} <= marked


@pytest.mark.parametrize(("british", "american"), [
    ("woollen", "woolen"), ("crueller", "crueler"), ("cruellest", "cruelest"),
    ("credentialled", "credentialed"), ("gruelling", "grueling"), ("trialled", "trialed"),
    ("trialling", "trialing"), ("parcelled", "parceled"), ("stencilled", "stenciled"),
    ("outrivalled", "outrivaled"), ("backpedalling", "backpedaling"),
    ("mislabelled", "mislabeled"), ("remodelling", "remodeling"), ("jewellers", "jewelers"),
    ("skilfully", "skillfully"), ("wilfully", "willfully"), ("instalment", "installment"),
])
def test_more_families_meet(british, american):
    assert analyse(british) == analyse(american)


@pytest.mark.parametrize("word", ["recalled", "dispelled", "excelled", "rebelled", "unrolled",
                                  "patrolled", "controller", "refilled", "overfilled",
                                  "reinstalled", "dwelling", "smallest", "fullest"])
def test_prefixes_and_endings_leave_other_words_alone(word):
    assert fold_variant(word) == word
