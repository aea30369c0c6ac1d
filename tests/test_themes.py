"""Themes that mean something: the evidence a theme needs, words that stemming merges,
precision and recall against hand labels (tests/themes/), and switching an index's
vocabulary without re-indexing."""

import json
import re
import shutil
import tarfile
from collections import defaultdict
from pathlib import Path

import pytest
from whoosh.support.charset import accent_map

from indexer.analysis import analyse, fold_variant, morph
from indexer.errors import UsageError
from indexer.parse import parse_file
from indexer.themes import Taxonomy, default_taxonomy, parse_phrase, parse_taxonomy, read_lines

from .conftest import FIXTURES, ROOT, SEED, SHARED_CORPORA, run, run_json

LABELS = Path(__file__).resolve().parent / "themes"
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.90
BUILT_IN_FILE = ROOT / "indexer" / "data" / "themes.toml"

needs_corpora = pytest.mark.skipif(not SHARED_CORPORA.is_dir(),
                                   reason="../shared/corpora is not beside this checkout")


def labels(name: str) -> dict:
    return json.loads((LABELS / name).read_text("utf-8"))


def themes_of(text: str, taxonomy: Taxonomy | None = None) -> set[str]:
    return set((taxonomy or default_taxonomy()).tag(text))


def taxonomy(text: str) -> Taxonomy:
    return Taxonomy(tuple(parse_taxonomy(text)[1]))


# the evidence a theme needs ---------------------------------------------------------------

RULES = taxonomy('''
context = ["harassment"]

[theme.t]
requires_context = true
triggers = ["alpha", "beta", "gamma delta", "=consensual", "leader", "leadership"]
weak = ["epsilon zeta", "eta"]

[theme.plain]
triggers = ["omega"]
''')


@pytest.mark.parametrize(("text", "fires"), [
    ("a gamma delta here", True),                     # several words fire alone
    ("alpha alone", False),                           # one word needs support ...
    ("alpha and beta", True),                         # ... a second trigger
    ("alpha and harassment", True),                   # ... or a context word
    ("alphas and alpha", False),                      # forms of one word are one trigger
    ("the leader and his leadership", False),         # so are a word and its derivation
    ("alpha beside an eta", False),                   # a weak trigger is no second one
    ("eta and epsilon zeta", False),                  # weak triggers need a context word
    ("eta and harassment", True),
    ("eta " + "filler " * 25 + "harassment", False),  # ... near the trigger
    ("alpha\nharassment", False),                     # ... on its line (a list item)
    ("consensus on harassment", False),               # '=consensual' is not stemmed
    ("consensual, and harassment", True),
])
def test_what_makes_a_theme_fire(text, fires):
    assert ("t" in themes_of(text, RULES)) is fires


def test_a_theme_without_requires_context_fires_on_one_word():
    assert themes_of("omega", RULES) == {"plain"}


def test_evidence_says_why_a_theme_fired():
    [why] = RULES.evidence("alpha and harassment")
    assert (why.theme, why.trigger, why.support) == ("t", "alpha", "harass")
    [why] = RULES.evidence("a gamma delta")
    assert (why.trigger, why.support) == ("gamma delta", None)


@pytest.mark.parametrize("text", [
    # the noise of the vocabulary as it was (issue 15), on minutes and speeches
    "We have consensus to publish WPUB as a note.",                         # consent
    "Is there an optional list of secondary resources like CSS?",           # funding
    "A TOC is a hierarchy, but you could have a list of pages.",            # power imbalance
    "We need more data and some research, and a survey of build scripts.",  # data
    "The resources are fetched with the HTTP protocol.",                    # policy
    "Expanded implied bounds prevent you from relaxing requirements.",      # prevention
    "Rising sea levels and the exploitation and abuse of natural resources threaten us.",
    "If you spot a major issue, please speak up! See the root cause.",
    "Screen readers should say the title; we need to figure out the figures.",
    "Mr. Monroe France, Associate Vice President for Inclusive Leadership, New York University",
    "the facets give an indication of the account balance",
])
def test_ordinary_words_are_not_themes(text):
    assert themes_of(text) == set()


@pytest.mark.parametrize(("text", "theme"), [
    ("She noted the importance of consensual relations and reporting sexual harassment.",
     "consent"),
    ("The hierarchy of the office made harassment hard to report.", "power-imbalance"),
    ("Staff surveys collect data on harassment at work.", "data-and-evidence"),
    ("Mandatory training for managers on sexual harassment.", "training"),
    ("The Secretary-General's zero-tolerance policy on sexual exploitation and abuse.",
     "sexual-exploitation-and-abuse"),
    ("Funding for survivor services remains scarce.", "funding"),
])
def test_the_same_words_mean_the_theme_beside_its_domain(text, theme):
    assert theme in themes_of(text)


def test_a_panel_list_is_read_item_by_item():
    panel = next(c for c in parse_file(SEED).chunks if c.text.startswith("- Ms. Martha"))
    assert panel.themes == ()


def test_lines_are_analysed_as_the_index_analyses_text():
    text = SEED.read_text("utf-8") + "\nClearCheck, zero-tolerance, victim/survivor-centred, U.N."
    assert [s for line in read_lines(text) for s in line.stems] == analyse(text)


@pytest.mark.parametrize(("text", "message"), [
    ('[theme.x]\ntriggers = ["apple"]\nrequires-context = true\n',
     "unknown key 'requires-context'"),
    ('[theme.x]\ntriggers = ["apple"]\nrequires_context = "yes"\n', "true or false"),
    ('[theme.x]\nlabel = "x"\n', "needs a list of triggers"),
    ('[theme.x]\ntriggers = ["the", "of"]\n', "needs a list of triggers"),
    ('[theme.x]\ntriggers = "apple"\n', "must be a list"),
    ('contexts = ["apple"]\n[theme.x]\ntriggers = ["apple"]\n', "keys: replace, context, theme"),
])
def test_a_malformed_vocabulary_says_what_is_wrong(text, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        parse_taxonomy(text, "my.toml")


def test_a_theme_may_have_only_weak_triggers_and_its_own_context():
    tax = taxonomy('[theme.x]\nweak = ["coffee"]\ncontext = ["break"]\n')
    assert themes_of("a coffee break", tax) == {"x"} and themes_of("coffee", tax) == set()


# words that stemming merges ---------------------------------------------------------------

STEMS = labels("stem_check.json")


def one_word_entries() -> list[str]:
    import tomllib

    data = tomllib.loads(BUILT_IN_FILE.read_text("utf-8"))
    entries = list(data.get("context", []))
    for body in data["theme"].values():
        for key in ("triggers", "weak", "context"):
            entries += body.get(key, [])
    return [e for e in entries if len(parse_phrase(e).words) == 1]


def test_every_one_word_trigger_has_had_its_stem_checked():
    exact = {w for c in STEMS["collisions"].values() for w in c["triggers"]}
    for entry in one_word_entries():
        phrase = parse_phrase(entry)
        if phrase.exact:
            assert phrase.words[0] in exact, f"{entry}: list it among the collisions"
        else:
            assert phrase.stems[0] in STEMS["families"], \
                f"{entry}: check the words of the corpora with its stem ({phrase.stems[0]})"


@pytest.mark.parametrize("stem", sorted(STEMS["collisions"]))
def test_words_a_stem_merges_are_kept_apart(stem):
    """A trigger written '=word' finds its word and not the others of its stem, which the
    stemmed form would find."""
    collision = STEMS["collisions"][stem]
    phrases = [parse_phrase("=" + t) for t in collision["triggers"]]
    for trigger in collision["triggers"]:
        [line] = read_lines(trigger)
        assert any(line.find(p) for p in phrases), trigger
    for other in collision["merges_with"]:
        [line] = read_lines(other)
        assert not any(line.find(p) for p in phrases), other
        assert line.find(parse_phrase(collision["triggers"][0])), other  # stemming merges


_CORPORA_SUFFIXES = {".md", ".markdown", ".html", ".htm", ".txt", ".rst"}
WORDS_CACHE_KEY = "reports/corpora-words"


def _corpora_files() -> list[Path]:
    files = [p for p in sorted(SHARED_CORPORA.rglob("*"))
             if p.is_file() and p.suffix.lower() in _CORPORA_SUFFIXES]
    speeches = SHARED_CORPORA / "ungdc.tar.xz"
    return files + [speeches] if speeches.is_file() else files


def _read_corpora_words(files: list[Path]) -> set[str]:
    # a run of letters never spans white space, so the words are those of the distinct
    # white-space tokens: far fewer strings for the pattern than 200 MB of text
    tokens: set[str] = set()
    for path in files:
        if path.name.endswith(".tar.xz"):
            # read as a stream: the archive's members in order, without seeking back
            with tarfile.open(path, "r|xz") as archive:
                for member in archive:
                    if member.isfile() and member.name.endswith(".txt"):
                        text = archive.extractfile(member).read().decode("utf-8", "replace")
                        tokens.update(text.lower().split())
        else:
            tokens.update(path.read_text("utf-8", "replace").lower().split())
    word = re.compile(r"[^\W\d_]+")
    return {w for token in tokens for w in word.findall(token)}


def corpora_words(cache=None) -> dict[str, set[str]]:
    """stem -> the words of the corpora with that stem (lowercased, accents and spelling
    variants folded, as the analyzer folds them). The words of the corpora (reading them
    takes half a minute: 200 MB of compressed speeches) are kept in pytest's cache under
    the name, size and modification time of every file read, so that they are read again
    whenever a file changes; the stems are worked out afresh on every run."""
    files = _corpora_files()
    key = [[str(p.relative_to(SHARED_CORPORA)), p.stat().st_size, p.stat().st_mtime_ns]
           for p in files]
    kept = cache.get(WORDS_CACHE_KEY, None) if cache is not None else None
    if isinstance(kept, dict) and kept.get("files") == key:
        found = set(kept["words"])
    else:
        found = _read_corpora_words(files)
        if cache is not None:
            cache.set(WORDS_CACHE_KEY, {"files": key, "words": sorted(found)})
    by_stem: dict[str, set[str]] = defaultdict(set)
    for w in found:
        folded = fold_variant(w.translate(accent_map))
        by_stem[morph(folded)].add(folded)
    return by_stem


@needs_corpora
def test_the_stem_of_every_trigger_finds_only_its_own_words_in_the_corpora(pytestconfig):
    """The collisions found (tests/themes/stem_check.json lists them): accountability
    (account), consensual (consensus), cooperation (Cooper),
    coordination (coordinates), counselling (counsel), criminalise (criminal),
    discrimination (discriminant), education (educing), evidence (evident), figures
    (figure out), financing (finance), indicators (indicate), induction (inductive),
    intersectional (intersection), managers (manage), patriarchal (patriarch), referral
    (referring), reprisal (reprise), safeguarding (safeguards), screening (screen),
    sensitization (sensitive), socialization (social), statistics (statist), training
    (train), university (universal), unaccountable (unaccounted), and complainant
    (complain)."""
    by_stem = corpora_words(getattr(pytestconfig, "cache", None))
    for stem, family in STEMS["families"].items():
        new = by_stem.get(stem, set()) - set(family)
        assert not new, (f"{sorted(new)} share the stem {stem!r} with a trigger: add them to "
                         "its family if they are forms of it, else match it unstemmed ('=word')")
    complete = (SHARED_CORPORA / "ungdc.tar.xz").is_file()
    for stem, collision in STEMS["collisions"].items():
        merged = by_stem.get(stem, set()) - set(collision["triggers"])
        if complete:
            assert merged == set(collision["merges_with"]), stem
        else:
            assert merged <= set(collision["merges_with"]), stem


# precision and recall against hand labels ---------------------------------------------------


def seed_themes() -> dict[int, set[str]]:
    return {c.position: set(c.themes) for c in parse_file(SEED).chunks}


def test_seed_recall_keeps_above_its_floor():
    """Every theme a careful reader gives the seed's paragraphs (labelled blind, before
    the program's themes were looked at) is found: measured 63 of 63 (49 of 63 before)."""
    wanted = labels("seed_labels.json")["paragraphs"]
    found = seed_themes()
    assert sorted(found) == sorted(int(p) for p in wanted) == list(range(1, 27))
    missed = [(p, t) for p, label in wanted.items() for t in label["themes"]
              if t not in found[int(p)]]
    total = sum(len(label["themes"]) for label in wanted.values())
    recall = 1 - len(missed) / total
    assert recall >= RECALL_FLOOR, f"recall {recall:.3f}; missed {missed}"


def test_seed_precision_keeps_above_its_floor():
    """Every assignment on the seed is judged by its labels (a theme or a defensible one
    is correct): measured 78 of 78 (60 of 69 before)."""
    wanted = labels("seed_labels.json")["paragraphs"]
    assigned = [(p, t) for p, themes in seed_themes().items() for t in themes]
    wrong = [(p, t) for p, t in assigned
             if t not in wanted[str(p)]["themes"] + wanted[str(p)]["acceptable"]]
    precision = 1 - len(wrong) / len(assigned)
    assert precision >= PRECISION_FLOOR, f"precision {precision:.3f}; wrong {wrong}"


def judged_precision(name: str) -> tuple[float, int, list]:
    """Precision over the judged assignments the vocabulary still makes, how many it still
    makes, and the assignments on those paragraphs nobody judged."""
    data = labels(name)
    by_paragraph = {cid: themes_of(p["text"]) for cid, p in data["paragraphs"].items()}
    kept = [j for j in data["judgments"] if j["theme"] in by_paragraph[j["chunk_id"]]]
    judged = {(j["chunk_id"], j["theme"]) for j in data["judgments"]}
    unjudged = [(cid, t) for cid, themes in by_paragraph.items() for t in themes
                if (cid, t) not in judged]
    precision = sum(j["correct"] for j in kept) / len(kept) if kept else 1.0
    return precision, len(kept), unjudged


def test_corpora_precision_keeps_above_its_floor():
    """All 152 assignments of an index of ../shared/corpora, judged by reading: 146
    correct (96.1 %; 65 of 71, 91.5 %, outside csw65/, the copy of the seed report)."""
    precision, kept, unjudged = judged_precision("judged_corpora.json")
    total = len(labels("judged_corpora.json")["judgments"])
    assert precision >= PRECISION_FLOOR, f"precision {precision:.3f}"
    # the judgments still describe what the vocabulary does: re-judge when they do not
    assert kept >= 0.9 * total, f"only {kept} of {total} judged assignments are still made"
    assert len(unjudged) <= 0.1 * total, f"judge these new assignments: {unjudged[:20]}"


def test_the_noise_of_the_old_vocabulary_stays_out():
    """200 assignments drawn from an index built with the vocabulary as it was: 22
    correct (11 %). Of the 178 wrong ones the vocabulary still makes 1 (a project's
    contribution policy beside 'bullying'); of the 22 right ones, 10."""
    data = labels("judged_corpora_before.json")
    made = [j for j in data["judgments"]
            if j["theme"] in themes_of(data["paragraphs"][j["chunk_id"]]["text"])]
    wrong = [j for j in data["judgments"] if not j["correct"]]
    back = [(j["chunk_id"], j["theme"]) for j in made if not j["correct"]]
    assert len(back) <= 0.05 * len(wrong), f"old noise is back: {back}"


def test_precision_on_un_speeches_stays_where_it_was_measured():
    """100 assignments drawn from UN General Debate speeches (2015-2024, not indexed),
    judged: 66 of the 98 still made are correct (67 %). Below the floor of the minutes
    and the seed: there 'women', 'victims' and 'prevention' stand for much besides
    harassment, and a theme named in a list of goals counts as wrong. A floor against
    getting worse, not a target."""
    precision, kept, _ = judged_precision("judged_ungdc.json")
    assert precision >= 0.60 and kept >= 90, f"precision {precision:.3f} over {kept}"


# switching an index's vocabulary without re-indexing ----------------------------------------


@pytest.fixture
def index(tmp_path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder)
    for name in ("dialogue.md", "briefing-notes.txt", "roundtable.html"):
        shutil.copy(FIXTURES / name, folder)
    ix = tmp_path / "ix"
    assert run(ix, "index", str(folder), "--quiet").exit_code == 0
    return ix


def export(index: Path) -> list[dict]:
    return [json.loads(line) for line in run(index, "export").stdout.splitlines()]


def without_themes(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "themes"} for row in rows]


def stored_records(index: Path) -> dict:
    from indexer.store import open_index, stored_reports

    return stored_reports(open_index(index))


def test_vocabulary_none_switches_the_themes_off_and_built_in_brings_them_back(index):
    before, records = export(index), stored_records(index)
    assert any(row["themes"] for row in before)
    result = run(index, "themes", "--vocabulary", "none", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    changed = sum(1 for row in before if row["themes"])
    assert f"themes: {changed} paragraphs re-tagged in 4 reports" in result.stderr
    after = export(index)
    assert all(row["themes"] == [] for row in after)
    assert without_themes(after) == without_themes(before)  # nothing else changed
    assert stored_records(index) == records
    out = run_json(index, "search", "accountability", "--format", "json")
    assert out["total"] == 2 and out["facets"]["themes"] == {}
    unknown = run(index, "search", "--theme", "accountability")
    assert unknown.exit_code == 2 and "unknown theme" in unknown.stderr

    result = run(index, "themes", "--vocabulary", "built-in")
    assert result.exit_code == 0 and "accountability" in result.stdout
    assert export(index) == before
    again = run(index, "themes", "--vocabulary", "built-in")
    assert "themes: 0 paragraphs re-tagged in 0 reports" in again.stderr


def test_vocabulary_file_replaces_or_adds_and_later_indexing_keeps_it(index, tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('replace = true\n[theme.whistleblowing]\nlabel = "whistleblowing"\n'
                    'triggers = ["whistleblower policy", "protection against retaliation"]\n')
    rows = run_json(index, "themes", "--vocabulary", str(mine), "--json")
    assert rows == [{"theme": "whistleblowing", "label": "whistleblowing", "paragraphs": 1}]
    assert {t for row in export(index) for t in row["themes"]} == {"whistleblowing"}

    newer = tmp_path / "more"
    newer.mkdir()
    (newer / "note.md").write_text("# Note\n\nThe new whistleblower policy was adopted.\n")
    assert run(index, "index", str(newer), "--quiet").exit_code == 0
    note = [row for row in export(index) if row["report_id"] == "note"]
    assert note[0]["themes"] == ["whistleblowing"]

    mine.write_text('[theme.whistleblowing]\ntriggers = ["whistleblower policy"]\n')
    counts = {r["theme"]: r["paragraphs"]
              for r in run_json(index, "themes", "--vocabulary", str(mine), "--json")}
    assert counts["whistleblowing"] == 2 and counts["accountability"] == 3


@pytest.mark.parametrize("content", [None, '[theme.x]\ntriggers = ["a"\n'])
def test_a_bad_vocabulary_file_changes_nothing(index, tmp_path, content):
    before = export(index)
    path = tmp_path / "bad.toml"
    if content is not None:
        path.write_text(content)
    result = run(index, "themes", "--vocabulary", str(path))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert export(index) == before
