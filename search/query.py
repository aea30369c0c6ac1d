"""From what the user typed to Whoosh queries: the query string (with speaker:, theme:,
section:, report: fields) and the filter flags, each describing itself for --explain."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from indexer.errors import UsageError
from indexer.names import fold
from indexer.schema import FIELD_BOOSTS, make_schema

MAX_QUERY_WORDS = 256
MAX_EXPANSIONS = 1024
MAX_FUZZINESS = 2  # word~3 and beyond match most short words of a big index
# a hyphenated word's words may stand this far apart ("victim-centred" finds
# "victim/survivor-centred"); Whoosh's slop 1 is "next to each other"
COMPOUND_SLOP = 2
LOOSE_COMPOUND_WEIGHT = 0.5
# a word typed joined ("clearcheck") tried as two or three words: bounded work per word
SPLIT_LENGTHS = (6, 40)  # shortest and longest word tried
MIN_SPLIT_PART = 2
MAX_SPLIT_CHECKS = 6  # candidate splits looked up in the postings
MAX_SPLIT_DOCS = 1000  # paragraphs read, in all, for one word


@dataclass
class Resolution:
    """What the filters and fields were understood to mean, for --explain and stderr."""

    speakers: dict[str, list[str]] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)
    reports: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)


class QueryContext:
    """Resolves names, themes and reports against what the index holds."""

    def __init__(self, load_directory: Callable[[], object], taxonomy,
                 load_reports: Callable[[], dict[str, dict]],
                 reports_titled: Callable[[object], list[str]] | None = None):
        """``load_directory``: the people directory, asked for only when a name is to be
        resolved; ``reports_titled``: the ids of the reports whose title matches a Whoosh
        query on the ``title`` field (the report records carry the title; paragraphs do
        not)."""
        self._load_directory = load_directory
        self.taxonomy = taxonomy
        self._load_reports = load_reports  # only a report filter needs every record
        self._reports_titled = reports_titled
        self.resolution = Resolution()

    @property
    def reports(self) -> dict[str, dict]:
        return self._load_reports()

    @property
    def directory(self):
        return self._load_directory()

    def speaker_query(self, name: str):
        from whoosh.query import Or, Term

        if any(ch in name for ch in "*?"):
            pattern = fold(name)
            people = [p for p in self.directory.people
                      if any(fnmatch.fnmatch(f, pattern) for f in p.folded_forms())]
            if not people:
                raise UsageError(f"no speaker matches {name!r}")
        else:
            people = self.directory.resolve_or_fail(name)
        names = [p.name for p in people]
        self.resolution.speakers[name] = names
        if len(people) > 1:
            self.resolution.notes.append(
                f"speaker {name!r} matches {len(people)} people: {', '.join(names)}; "
                "searching all of them")
        return Or([Term("speaker", key) for p in people for key in sorted(p.keys)])

    def theme_query(self, name: str):
        from whoosh.query import Term

        theme = self.taxonomy.resolve(name)
        if theme is None:
            known = ", ".join(t.id for t in self.taxonomy.themes)
            raise UsageError(f"unknown theme {name!r}; themes: {known}")
        self.resolution.themes[name] = theme.id
        return Term("theme", theme.id)

    def report_query(self, value: str):
        from whoosh.query import Or, Term

        wanted = fold(value)
        ids = [rid for rid in self.reports if rid == value or rid == wanted]
        if not ids:
            ids = [rid for rid, rec in self.reports.items()
                   if rid.startswith(wanted) or wanted in fold(rec.get("title", ""))]
        if not ids:
            known = ", ".join(sorted(self.reports)[:10])
            raise UsageError(f"unknown report {value!r}; reports: {known}"
                             + (" ..." if len(self.reports) > 10 else ""))
        self.resolution.reports[value] = ids
        return Or([Term("report_id", rid) for rid in ids])

    def title_query(self, q):
        """``title:...`` -> the paragraphs of the reports whose title matches it: resolved
        to report ids first, then a filter like ``report:`` (the same score for every
        paragraph of a matching report)."""
        from whoosh.query import NullQuery, Or, Term

        ids = self._reports_titled(q) if self._reports_titled is not None else []
        self.resolution.reports[f"title:{_leaf_text(q)}"] = ids
        return Or([Term("report_id", rid) for rid in ids]) if ids else NullQuery

    def section_query(self, value: str):
        from whoosh.qparser import QueryParser

        parsed = QueryParser("section", make_schema()).parse(f'"{value}"' if " " in value
                                                              else value)
        return parsed


def check_syntax(text: str) -> None:
    """Reject what the parser would silently misread."""
    if text.count('"') % 2:
        raise UsageError(f"unbalanced quotes in query {text!r}")
    depth = 0
    for ch in re.sub(r'"[^"]*"', "", text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            break
    if depth:
        raise UsageError(f"unbalanced parentheses in query {text!r}")
    words = text.split()
    if len(words) > MAX_QUERY_WORDS:
        raise UsageError(f"query has {len(words)} words; at most {MAX_QUERY_WORDS}")
    if text.strip() in ("*", "?") or re.fullmatch(r"[\s*?]+", text):
        raise UsageError("a bare wildcard matches everything; leave QUERY out and use filters "
                         "to list paragraphs")
    masked = _mask_phrases(text)
    _check_empty_fields(masked)
    _check_operators(masked)
    if re.search(r'(?:^|\s)(\w+):', text):
        from indexer.schema import FILTER_FIELDS, TEXT_FIELDS

        for name in re.findall(r'(?:^|[\s(])(\w+):(?=\S)', text):
            if name not in FILTER_FIELDS and name not in TEXT_FIELDS:
                fields = ", ".join(sorted({*FILTER_FIELDS, *TEXT_FIELDS}))
                raise UsageError(f"unknown field {name!r} in query; fields: {fields}")


BINARY_OPERATORS = ("AND", "OR", "ANDNOT", "ANDMAYBE")
VALUE_EXAMPLES = {"speaker": "speaker:Lopez", "theme": "theme:accountability",
                  "report": "report:ID", "section": "section:dialogue"}


def _mask_phrases(text: str) -> str:
    """Each "phrase" as one opaque word (an empty one kept as ""), so that colons and
    operators inside quotes are not taken for syntax."""
    return re.sub(r'"([^"]*)"', lambda m: '"' + "x" * len(m[1]) + '"' if m[1].strip()
                  else '""', text)


def _check_empty_fields(masked: str) -> None:
    """``speaker:`` with nothing (a space, an end, "" or ()) after it: Whoosh would search
    for the word "speaker" instead."""
    from indexer.schema import FILTER_FIELDS, TEXT_FIELDS

    names = "|".join(dict.fromkeys((*FILTER_FIELDS, *TEXT_FIELDS)))
    empty = re.search(rf"""(?:^|[\s(])({names}):(?=$|[\s)]|""|''|\(\s*\))""", masked)
    if empty:
        name = empty[1]
        example = VALUE_EXAMPLES.get(name, f"{name}:word")
        raise UsageError(f"{name}: needs a value right after the colon, as in {example} "
                         f'or {name}:"two words"')


def _check_operators(masked: str) -> None:
    """AND, OR, ANDNOT, ANDMAYBE need a word on each side, NOT a word after it; Whoosh
    would otherwise drop the operator or search for it as a word."""
    tokens = re.findall(r"[()]|[^\s()]+", masked)
    for at, token in enumerate(tokens):
        if token not in (*BINARY_OPERATORS, "NOT"):
            continue
        before = tokens[at - 1] if at else None
        after = tokens[at + 1] if at + 1 < len(tokens) else None
        if token != "NOT" and (before is None or before == "("):
            raise UsageError(f"{token!r} needs a word before it")
        if after is None or after == ")":
            raise UsageError(f"{token!r} needs a word after it")
        if after in BINARY_OPERATORS:
            raise UsageError(f"{token!r} needs a word after it, not {after!r}")


def parse_schema():
    from whoosh.fields import KEYWORD

    schema = make_schema()
    schema.add("report", KEYWORD(commas=True))
    return schema


def parse_query(text: str, context: QueryContext):
    """The user's query string -> a Whoosh query over text, section, keyphrases, title."""
    from whoosh import qparser

    check_syntax(text)
    text = _question_form(text, context)
    text = _address_forms(text, context)
    parser = _parser_class()(None, schema=parse_schema())
    parser.add_plugin(qparser.MultifieldPlugin(list(FIELD_BOOSTS), fieldboosts=FIELD_BOOSTS))
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.remove_plugin_class(qparser.RangePlugin)
    try:
        parsed = parser.parse(text)
    except Exception as exc:  # Whoosh raises many types for odd input
        raise UsageError(f"cannot parse query {text!r}: {exc}") from None
    return _cap_fuzziness(_rewrite(parsed, context), context)


@cache
def _parser_class():
    from whoosh import qparser
    from whoosh.query import Or, Phrase, Term

    from indexer.analysis import is_hyphenated

    class Parser(qparser.QueryParser):
        """Whoosh's parser, with two changes for a word typed outside quotes: a
        hyphenated word that analyses to several ("victim-centred") becomes a phrase
        whose words may stand ``COMPOUND_SLOP`` apart, and a single word remembers how
        it was typed (``typed``, for ``decompound``). Quoted phrases stay exact."""

        def term_query(self, fieldname, text, termclass, boost=1.0, tokenize=True,
                       removestops=True):
            q = super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
            if type(q) is Phrase and is_hyphenated(text):
                # the compound as written first; its words a little apart
                # ("victim/survivor-centred") count for less
                loose = Phrase(q.fieldname, q.words, slop=COMPOUND_SLOP,
                               boost=q.boost * LOOSE_COMPOUND_WEIGHT)
                return Or([q, loose])
            elif type(q) is Term:
                q.typed = text
            return q

    return Parser


_QUESTION_START = re.compile(r"^\s*(?:what|who|whom|when|where|why|how|which|did|does|do|"
                             r"has|have|is|are|was|were|tell me|show me)\b", re.I)
_QUESTION_WORDS = frozenset("""
what who whom when where why how which did does do has have had is are was were tell show
me us say says said saying talk talks talked speak speaks spoke mention mentions mentioned
think thinks thought about on regarding concerning of the a an any anything something
anyone someone there their his her its to in for with and or by at from that this these
those be been being ever we you i they our my your
""".split())


def _question_form(text: str, context: QueryContext) -> str:
    """'what did Ivan Herman say about EPUB?': a question is its content words, and a
    person it names is who is speaking: speaker:"Ivan Herman" EPUB."""
    if '"' in text or ":" in text or not (_QUESTION_START.match(text)
                                          or text.rstrip().endswith("?")):
        return text
    words = re.findall(r"[\w'’-]+", text)
    speaker, rest = _named_speaker(words, context)
    content = [w for w in rest if w.casefold() not in _QUESTION_WORDS]
    if not content and not speaker:
        return text
    if speaker:
        note = f"searching paragraphs spoken by {speaker}"
        if note not in context.resolution.notes:
            context.resolution.notes.append(note)
        return " ".join([f'speaker:"{speaker}"', *content])
    return " ".join(content)


def _named_speaker(words: list[str], context: QueryContext) -> tuple[str | None, list[str]]:
    """The longest run of capitalised query words that names exactly one known person."""
    for size in (3, 2, 1):
        for at in range(len(words) - size + 1):
            run = words[at:at + size]
            if not all(w[:1].isupper() for w in run) or run[0].casefold() in _QUESTION_WORDS:
                continue
            people = context.directory.resolve(" ".join(run))
            if len(people) == 1:
                return people[0].name, words[:at] + words[at + size:]
    return None, words


def _address_forms(text: str, context: QueryContext) -> str:
    """'Ambassador Kabba', 'DED Bhatia', 'Dr. DaSilva-Ibru': a title or honorific before a
    person's name is a way of addressing that person, and the report may use another one
    ("H.E. Mr. Alie Kabba, Permanent Representative"): the words become the person's name
    or their paragraphs as a speaker."""
    pattern = _address_pattern()

    def replace(match: re.Match) -> str:
        name = match.group("name")
        people = context.directory.resolve(name)
        if len(people) != 1:
            return match.group(0)
        person = people[0]
        note = f"{match.group(0)!r} read as {person.name}"
        if note not in context.resolution.notes:
            context.resolution.notes.append(note)
        return f'({name} OR speaker:"{person.name}")'

    pieces = re.split(r'("[^"]*"|\S+:\S+)', text)  # leave phrases and fields alone
    return "".join(piece if i % 2 else pattern.sub(replace, piece)
                   for i, piece in enumerate(pieces))


@cache
def _address_pattern() -> re.Pattern:
    from indexer.people.vocabulary import HONORIFICS, TITLE_ABBREVIATIONS, TITLES

    forms = sorted({*HONORIFICS, *TITLES, *TITLE_ABBREVIATIONS, "Ambassador", "Amb.",
                    "Excellency", "Minister", "Dr", "Prof", "Professor"}, key=len, reverse=True)
    titles = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w:])(?:{titles})\.?\s+(?P<name>[A-ZÀ-Þ][\w'’-]+"
                      rf"(?:\s+[A-ZÀ-Þ][\w'’-]+)?)", re.I)


def _cap_fuzziness(q, context: QueryContext):
    """``word~5`` searches as ``word~2``, with a note (once, though the word is searched in
    several fields)."""
    from whoosh.query import FuzzyTerm

    if isinstance(q, FuzzyTerm) and q.maxdist > MAX_FUZZINESS:
        note = f"fuzziness ~{q.maxdist} capped at ~{MAX_FUZZINESS}"
        if note not in context.resolution.notes:
            context.resolution.notes.append(note)
        capped = q.copy()
        capped.maxdist = MAX_FUZZINESS
        return capped
    if q.is_leaf():
        return q
    return q.apply(lambda child: _cap_fuzziness(child, context))


def _leaf_text(q) -> str:
    if hasattr(q, "words"):
        return " ".join(q.words)
    return str(getattr(q, "text", ""))


def _rewrite(q, context: QueryContext):
    name = getattr(q, "fieldname", None)
    if name == "title" and q.is_leaf():
        return context.title_query(q)
    if name in ("speaker", "theme", "report"):
        value = _leaf_text(q)
        if name == "speaker":
            return context.speaker_query(value)
        if name == "theme":
            return context.theme_query(value)
        return context.report_query(value)
    if q.is_leaf():
        return q
    return q.apply(lambda child: _rewrite(child, context))


def bound_expansions(q, reader) -> None:
    """A prefix or wildcard that would expand to too many words is refused."""
    from whoosh.query import FuzzyTerm, Prefix, Wildcard

    from indexer.whoosh_ext.queries import expansions

    for leaf in q.leaves():
        if isinstance(leaf, (Prefix, Wildcard)) and not isinstance(leaf, FuzzyTerm):
            count = 0
            for _ in expansions(leaf, reader):
                count += 1
                if count > MAX_EXPANSIONS:
                    raise UsageError(f"{_leaf_text(leaf)!r} matches more than {MAX_EXPANSIONS} "
                                     "words; make the prefix longer")


def parse_date(value: str | None, flag: str, end: bool = False) -> datetime | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; the end of the period when ``end``."""
    if value is None:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if not match:
        raise UsageError(f"bad {flag} {value!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    try:
        if day:
            return datetime(int(year), int(month), int(day))
        if month:
            start = datetime(int(year), int(month), 1)
            if not end:
                return start
            nxt = datetime(int(year) + (int(month) == 12), int(month) % 12 + 1, 1)
            return datetime.fromordinal(nxt.toordinal() - 1)
        return datetime(int(year), 12, 31) if end else datetime(int(year), 1, 1)
    except ValueError:
        raise UsageError(f"bad {flag} {value!r}: no such date") from None


def filter_query(context: QueryContext, *, speakers=(), themes=(), sections=(), reports=(),
                 evidence=(), since: str | None = None, until: str | None = None):
    """Repeated flags are ORed, different flags ANDed; None when there is no filter.
    (Report records are kept out of results by a mask, not here.)"""
    from whoosh.query import And, DateRange, Or

    parts = []
    clauses = context.resolution.clauses
    groups = [("speaker", speakers, context.speaker_query),
              ("theme", themes, context.theme_query),
              ("section", sections, context.section_query),
              ("report", reports, context.report_query),
              ("evidence", evidence, evidence_query)]
    for label, values, build in groups:
        if values:
            parts.append(Or([build(v) for v in values]))
            shown = dict.fromkeys(name for v in values for name in _resolved(context, label, v))
            clauses.append(f"{label} is " + " or ".join(shown))
    start, stop = parse_date(since, "--since"), parse_date(until, "--until", end=True)
    if start and stop and start > stop:
        raise UsageError(f"--since {since} is after --until {until}")
    if start or stop:
        parts.append(DateRange("date", start, stop))
        clauses.append(f"date {since or '…'} to {until or '…'}")
    return And(parts) if parts else None


def evidence_query(kind: str):
    """Paragraphs whose speaker was found by this kind of evidence (``--evidence``)."""
    from whoosh.query import Term

    from indexer.schema import EVIDENCE_KINDS

    wanted = kind.strip().casefold()
    if wanted not in EVIDENCE_KINDS:
        raise UsageError(f"unknown evidence {kind!r}; kinds: {', '.join(EVIDENCE_KINDS)}")
    return Term("evidence", wanted)


def _resolved(context: QueryContext, label: str, typed: str) -> list[str]:
    """What a typed filter value resolved to, as the header shows it ("Martha Helena
    Lopez" for "lopez")."""
    found = {"speaker": context.resolution.speakers, "theme": context.resolution.themes,
             "report": context.resolution.reports}.get(label, {}).get(typed)
    if found is None:
        return [typed]
    return [found] if isinstance(found, str) else list(found)


def expand_fuzzy(q, reader):
    """``word~`` over stemmed fields: Whoosh looks fuzzy words up in the unstemmed
    spelling list but then searches them in the stemmed field, finding nothing; match the
    stemmed query word against the field's own (stemmed) words instead."""
    from whoosh.query import FuzzyTerm, NullQuery, Or, Term
    from whoosh.reading import IndexReader

    if isinstance(q, FuzzyTerm):
        prefix = max(q.prefixlength, 1)
        words = []
        for word in IndexReader.terms_within(reader, q.fieldname, q.text, q.maxdist, prefix):
            words.append(word)
            if len(words) > MAX_EXPANSIONS:
                break
        if not words:
            return NullQuery
        return Or([Term(q.fieldname, w, boost=q.boost) for w in words])
    if q.is_leaf():
        return q
    return q.apply(lambda child: expand_fuzzy(child, reader))


def decompound(q, reader):
    """A word typed joined also matches its words apart, as a phrase: "clearcheck" finds
    "Clear Check", "genderbasedviolence" finds "gender-based violence". The word is tried
    as two, then three, words the index holds that stand together somewhere. A word the
    index holds itself is tried only where it is the joined form of a compound
    ("ClearCheck", "clear-check"), so "overall" does not find "over all"."""
    from whoosh.query import Or, Phrase, Term

    if type(q) is Term and q.fieldname == "text" and isinstance(q.text, str):
        words = split_joined(getattr(q, "typed", q.text), q.text, reader)
        return Or([q, Phrase("text", words, boost=q.boost)]) if words else q
    if q.is_leaf():
        return q
    return q.apply(lambda child: decompound(child, reader))


def split_joined(typed: str, term: str, reader) -> list[str] | None:
    """The words (as the index holds them) a joined word stands for, or None. ``typed``
    is the word as typed, ``term`` the word as searched (analysed)."""
    word = typed.lower() if typed.isalnum() else term  # "ClearCheck's": as searched
    shortest, longest = SPLIT_LENGTHS
    if not shortest <= len(word) <= longest or not word.isalnum():
        return None
    held = reader.doc_frequency("text", term) > 0
    budget = [MAX_SPLIT_DOCS]  # paragraphs left to read, shared by every look-up
    compound_heads: dict[str, bool] = {}
    for checks, words in enumerate(_splits(word, reader)):
        if checks >= MAX_SPLIT_CHECKS or budget[0] <= 0:
            break
        if held:
            head = words[0]
            if head not in compound_heads:
                compound_heads[head] = _stand_together(reader, [term, head], [0, 0], budget)
            if not compound_heads[head]:
                continue  # the index holds the word, but never as a compound of these
        if _stand_together(reader, words, list(range(len(words))), budget):
            return words
    return None


def _splits(word: str, reader):
    """Splits of a word into two, then three, parts of ``MIN_SPLIT_PART`` letters or more,
    each one word the index holds, as analysed words, left to right; a stop word may stand
    between two ("peertopeer": peer, peer, as the index holds "peer to peer")."""
    from indexer.analysis import STOP_WORDS, analyse

    def held(part: str) -> str | None:
        terms = analyse(part) if len(part) >= MIN_SPLIT_PART else ()
        if len(terms) == 1 and reader.doc_frequency("text", terms[0]):
            return terms[0]
        return None

    for cut in range(MIN_SPLIT_PART, len(word) - MIN_SPLIT_PART + 1):
        head, tail = held(word[:cut]), held(word[cut:])
        if head and tail:
            yield [head, tail]
    for cut in range(MIN_SPLIT_PART, len(word) - MIN_SPLIT_PART - 1):
        head = held(word[:cut])
        if not head:
            continue
        rest = word[cut:]
        for second in range(2, len(rest) - MIN_SPLIT_PART + 1):
            between, tail = rest[:second], held(rest[second:])
            if not tail:
                continue
            if between in STOP_WORDS:
                yield [head, tail]
            elif middle := held(between):
                yield [head, middle, tail]


def _stand_together(reader, words: list[str], gaps: list[int], budget: list[int]) -> bool:
    """Whether some paragraph holds each word at one position plus its gap (gaps 0, 1, 2:
    a phrase; 0, 0: two words at one position), walking the rarest word's paragraphs;
    each paragraph read takes one from ``budget``."""
    from whoosh.reading import TermNotFound

    for leaf, _ in reader.leaf_readers():
        try:
            matchers = [leaf.postings("text", w) for w in words]
        except TermNotFound:
            continue
        if not all(m.supports("positions") for m in matchers):
            return False
        lead = matchers[min(range(len(words)),
                            key=lambda i: leaf.doc_frequency("text", words[i]))]
        while lead.is_active() and budget[0] > 0:
            docnum = lead.id()
            budget[0] -= 1
            if _all_at(matchers, docnum):
                starts = set.intersection(*({p - gap for p in m.value_as("positions")}
                                            for m, gap in zip(matchers, gaps, strict=True)))
                if starts:
                    return True
            lead.next()
    return False


def _all_at(matchers, docnum: int) -> bool:
    """Move each matcher to ``docnum``; whether all of them hold it."""
    for matcher in matchers:
        if matcher.is_active() and matcher.id() < docnum:
            matcher.skip_to(docnum)
        if not matcher.is_active() or matcher.id() != docnum:
            return False
    return True
