"""One analyzer for index and query: variants, compounds, accents."""

import pytest

from indexer.analysis import analyse, fold_variant
from indexer.names import fold


@pytest.mark.parametrize("british, american", [
    ("centre", "center"), ("centred", "centered"), ("theatre", "theater"),
    ("organisation", "organization"), ("organised", "organized"), ("realise", "realize"),
    ("prioritisation", "prioritization"), ("analyse", "analyze"),
    ("colour", "color"), ("behaviour", "behavior"), ("labour", "labor"),
    ("dialogue", "dialog"), ("catalogue", "catalog"),
    ("programme", "program"), ("counselling", "counseling"), ("travelled", "traveled"),
    ("judgement", "judgment"), ("defence", "defense"), ("offence", "offense"),
    ("paediatric", "pediatric"), ("enquiry", "inquiry"),
])
def test_variant_families_meet(british, american):
    assert analyse(british) == analyse(american)


@pytest.mark.parametrize("word", ["advise", "exercise", "promise", "our", "four", "hour",
                                  "rise", "surprise", "tour"])
def test_words_the_rules_leave_alone(word):
    assert fold_variant(word) == word


@pytest.mark.parametrize("joined, spaced", [
    ("zero-tolerance", "zero tolerance"), ("trauma-informed", "trauma informed"),
    ("ClearCheck", "Clear Check"), ("peer-to-peer", "peer to peer"),
])
def test_compounds_split_at_query_time(joined, spaced):
    assert analyse(joined) == analyse(spaced)


def test_index_time_keeps_the_joined_compound():
    assert "clearcheck" in analyse("ClearCheck", mode="index")
    assert analyse("clearcheck") == ["clearcheck"]


def test_accents_case_and_dashes_fold():
    assert analyse("Benítez") == analyse("BENITEZ")
    assert fold("DaSilva – Ibru") == fold("dasilva-ibru")
