"""People: a per-report registry of who is named, and who speaks in each block.

Precision first: a speaker is only recorded where the text says so (a speech verb
with a resolved name as subject, a pronoun continuing a speaker, a label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import DASHES, fold, name_key
from .records import Block, Person

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
HONORIFICS = ["H.E.", "HE", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Mx.", "Dr.", "Dr",
              "Prof.", "Professor", "Ambassador", "Sir", "Dame", "Judge", "Justice", "Hon.",
              "Rev.", "Senator", "Minister", "Madam", "Mme.", "Mme", "M."]
TITLE_ABBREVIATIONS = {
    "SG": "Secretary-General", "DSG": "Deputy Secretary-General",
    "USG": "Under-Secretary-General", "ASG": "Assistant Secretary-General",
}
TITLE_WORDS = ["Deputy High Commissioner", "High Commissioner", "Deputy Executive Director",
               "Executive Director", "Permanent Representative", "Special Rapporteur",
               "Special Representative", "Special Envoy", "Co-Chair", "Vice-Chair", "Chair",
               "Chairperson", "Moderator", "Facilitator", "Rapporteur", "President",
               "Vice-President", "Director-General", "Director", "Commissioner",
               *TITLE_ABBREVIATIONS, *TITLE_ABBREVIATIONS.values()]
PARTICLES = ["de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der",
             "den", "ter", "le", "la", "al", "el", "bin", "ibn", "binti", "y", "st."]
SPEECH_VERBS = [
    "said", "says", "noted", "notes", "emphasised", "emphasized", "emphasises", "emphasizes",
    "stressed", "stresses", "outlined", "shared", "urged", "recalled", "thanked", "welcomed",
    "moderated", "explained", "added", "underlined", "underscored", "highlighted", "observed",
    "remarked", "stated", "argued", "asked", "replied", "responded", "answered", "concluded",
    "opened", "closed", "introduced", "presented", "described", "spoke", "pointed out",
    "called", "reminded", "reported", "acknowledged", "agreed", "suggested", "proposed",
    "recommended", "insisted", "affirmed", "reaffirmed", "reiterated", "invited", "delivered",
    "commended", "congratulated", "expressed", "mentioned", "warned", "cautioned",
    "announced", "summarised", "summarized", "reflected", "encouraged", "commented",
    "echoed", "told", "talked", "drew attention", "gave", "made the point", "observes",
    "elaborated", "clarified", "confirmed", "cited", "illustrated", "showcased", "presents",
    "facilitated", "chaired", "initiated", "wrapped up", "maintained", "contended",
    "believes", "believed", "felt", "thinks", "thought", "argues", "explains", "adds",
    "points out", "suggests", "proposes", "asks", "replies", "responds", "agrees", "disagrees",
    "disagreed", "wondered", "wonders",
]
ADVERBS = r"(?:(?:also|then|further|furthermore|briefly|finally|later|again|first|next|" \
          r"similarly|likewise|strongly|clearly|specifically|particularly|in turn|" \
          r"in addition|additionally|moreover)\s+)*"

_honorific = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
_title = "|".join(re.escape(t) for t in sorted(TITLE_WORDS, key=len, reverse=True))
_particle = "|".join(re.escape(p) for p in PARTICLES)
_NAME_WORD = rf"(?:[{UPPER}]\.|[{UPPER}][\w'’]*(?:[{DASHES}][{UPPER}][\w'’]*)*)"
_NAME_JOIN = rf"(?:\s+(?:(?:{_particle})\s+)*|\s*[{DASHES}]\s*(?=[{UPPER}]))"
NAME = rf"{_NAME_WORD}(?:{_NAME_JOIN}{_NAME_WORD}){{0,5}}"
# "H.E. Mr. Nicolas de Rivière", "ASG Lopez", "Dr. Kemi DaSilva – Ibru"
PREFIXED_NAME = re.compile(
    rf"(?<![\w.])(?P<prefix>(?:(?:{_honorific}|{_title})\s+)+)(?P<name>(?:(?:{_particle})\s+)?{NAME})"
)
_verbs = "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
SPEECH = re.compile(rf"^\s*(?:,[^.;:]{{0,220}}?,\s*)?{ADVERBS}(?:{_verbs})\b", re.I)
PRONOUN_SPEECH = re.compile(rf"(?:^|(?<=[.!?]\s))(?:She|He)\s+{ADVERBS}(?:{_verbs})\b")
LEADING_PRONOUN = re.compile(r"^\s*(?:She|He)\b")
CONTINUATION = re.compile(r"^\s*(?:…|\.\.\.)")
CONTINUED_TURN = re.compile(r"^(?![<\[(]|s/)\S+(?:\s+\S+){5,}")
PROSE = re.compile(r"^[\"“‘(]?[A-Z][a-z]+[ ,].{30,}[.!?\"”’)]$", re.S)
ROLE_REFERENCE = re.compile(rf"\b[Tt]he\s+(?P<role>(?:[{UPPER}][\w'’-]*\s*){{1,5}})")


NON_PERSON_LABELS = frozenset("""
action actions action item agenda answer answers attendees background caveat chair chairs
comment comments con cons conclusion consensus context date decision decisions discussion
edit example examples goal goals http https idea ideas issue issues link links location
minutes motivation next next steps note notes nb observation observations option options
outcome outcomes participants poll present pro pros problem proposal proposed ps q a
question questions recording regrets resolution resolved result results scribe slides
solution status straw poll subtopic summary tags time title todo topic update updates
video vote warning where when why what who how see also source sources agreed follow up
purpose objective objectives succeeded failed merge fcp close postpone nominated meeting
minutes scribe guest guests propose proposal attendance absent apologies recommendation
recommendations key points takeaways
""".split()) | {"next steps", "action item", "straw poll", "follow up", "key points"}
LABEL = re.compile(r"^\s*(?:[-*•]\s+)?(?P<label>[^:\n]{1,80}?)\s*:\s+(?=\S)")
_HANDLE = re.compile(r"^[a-z][A-Za-z0-9_.-]{1,30}$")
_LABEL_WORD = re.compile(rf"^(?:[{UPPER}][\w'’.-]*|(?:{_particle}))$")


def parse_label(text: str) -> tuple[str, str, str, int] | None:
    """'Moderator, Ms. X (Org): ...' -> (name, role, organisation, end of label)."""
    match = LABEL.match(text)
    if not match:
        return None
    label = match.group("label").strip(" *_")
    organisation = ""
    paren = re.match(r"^(.*?)\s*\(([^)]{1,80})\)$", label)
    if paren:
        label, organisation = paren.group(1).strip(), paren.group(2).strip()
    role = ""
    if "," in label:
        role, label = (part.strip() for part in label.rsplit(",", 1))
    label = strip_prefix(label) if PREFIXED_NAME.match(label) else label
    if not label or label.casefold() in NON_PERSON_LABELS:
        return None
    if len(label) >= 4 and label.isupper() and " " not in label:
        return None  # PROPOSE:, RESOLUTION:, ACTION: are minute-taking keywords
    words = label.casefold().split()
    if len(words) <= 3 and (words[0] in NON_PERSON_LABELS or words[-1] in NON_PERSON_LABELS):
        return None  # "Action items:", "Tracking Comment:", "Initiating Comment:"
    return label, role, organisation, match.end()


def _name_like(label: str) -> bool:
    words = label.split()
    if _HANDLE.match(label):
        return True
    shouting = any(len(w) > 1 and w.isupper() for w in words) and len(words) > 1
    return 1 <= len(words) <= 4 and all(_LABEL_WORD.match(w) for w in words) and \
        words[0][:1].isupper() and not any(ch.isdigit() for ch in label) and not shouting


ORGANISATION_WORDS = frozenset("""
agency alliance association bank board centre center coalition commission committee
council department division foundation fund group institute international ministry
nations network office organisation organization programme program secretariat society
union university unit women
""".split())
_NAME_IN_PARENS = re.compile(rf"(?P<name>{NAME})\s*\((?P<abbr>[{UPPER}]{{2,5}})\)")
_HEADER_CELLS = ("name", "attendee", "participant", "person", "member")
_ABBREVIATION_CELLS = ("abbreviation", "abbr", "initials", "short", "handle", "id")
_ORGANISATION_CELLS = ("organization", "organisation", "affiliation", "company", "entity")


def _person_name(text: str) -> bool:
    """A plain personal name: two to four capitalised words, no organisation words."""
    words = text.split()
    return 2 <= len(words) <= 4 and _name_like(text) and not any(
        w.casefold().strip(".,") in ORGANISATION_WORDS for w in words)


def _initials_fit(abbreviation: str, name: str) -> bool:
    """'IH' fits 'Ivan Herman', 'LLM' fits 'Laurent Le Meur': the letters are word (or
    inner capital) initials of the name, in order, starting with the first word."""
    starts = [m.group() for m in re.finditer(rf"(?:(?<![\w'’])\w|[{UPPER}])", name)]
    letters = iter(c.casefold() for c in starts)
    wanted = [c.casefold() for c in abbreviation]
    return bool(starts) and wanted[0] == starts[0].casefold() and all(
        any(c == w for c in letters) for w in wanted)


def attendee_abbreviations(block: Block) -> list[tuple[str, str, str]]:
    """(name, abbreviation, organisation) from an attendee table with a name and an
    abbreviation column, or from 'Name (ABC)' in a list or a paragraph."""
    found = []
    if block.kind == "table" and len(block.items) > 1:
        header = [c.strip().casefold() for c in block.items[0].split("|")]

        def column(words):
            return next((i for i, c in enumerate(header) if any(w in c for w in words)), None)

        name_at, abbreviation_at = column(_HEADER_CELLS), column(_ABBREVIATION_CELLS)
        organisation_at = column(_ORGANISATION_CELLS)
        if name_at is None or abbreviation_at is None:
            return []
        for row in block.items[1:]:
            cells = [c.strip() for c in row.split("|")]
            if max(name_at, abbreviation_at) >= len(cells):
                continue
            name, abbreviation = cells[name_at], cells[abbreviation_at]
            organisation = cells[organisation_at] if organisation_at is not None and \
                organisation_at < len(cells) else ""
            if _name_like(name) and re.fullmatch(r"[\w.-]{1,12}", abbreviation):
                found.append((name, abbreviation, organisation))
        return found
    texts = block.items if block.items else (block.text,)
    for text in texts:
        for match in _NAME_IN_PARENS.finditer(text):
            name = _clean_name(match.group("name"))
            if _person_name(name) and _initials_fit(match.group("abbr"), name):
                found.append((name, match.group("abbr"), ""))
    return found


def header_line(block: Block) -> tuple[str, str, str] | None:
    """'**UN Women | Katja Pehrman | Senior Advisor**' -> (name, role, organisation): a
    line of two to four parts, one of them a personal name, heading the turn below."""
    if block.kind != "paragraph" or len(block.text) > 160 or block.text.count("|") not in (
            1, 2, 3):
        return None
    parts = [p.strip(" *_") for p in block.text.split("|")]
    names = [i for i, p in enumerate(parts) if _person_name(strip_prefix(p))]
    if len(names) != 1:
        return None
    at = names[0]
    before, after = parts[:at], parts[at + 1:]
    return strip_prefix(parts[at]), (after[0] if after else ""), \
        (before[0] if before else (after[1] if len(after) > 1 else ""))


@dataclass
class _Entry:
    name: str
    honorifics: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return name_key(self.name)

    def tokens(self) -> list[str]:
        return fold(self.name).split()


def _clean_name(name: str) -> str:
    name = re.sub(rf"\s*[{DASHES}]\s*", "-", name.strip())
    return re.sub(r"\s+", " ", name).strip(" ,;:")


def strip_prefix(name: str) -> str:
    """'ASG Lopez' -> 'Lopez', 'H.E. Mr. de Rivière' -> 'de Rivière'."""
    match = PREFIXED_NAME.match(name.strip())
    return match.group("name") if match and match.end() == len(name.strip()) else name


def _split_prefix(prefix: str) -> tuple[list[str], list[str]]:
    honorifics, titles = [], []
    rest = prefix.strip()
    while rest:
        match = re.match(rf"({_honorific}|{_title})(?:\s+|$)", rest)
        if not match:
            break
        word = match.group(1)
        (honorifics if word in HONORIFICS else titles).append(
            TITLE_ABBREVIATIONS.get(word, word))
        rest = rest[match.end():]
    return honorifics, titles


class Registry:
    """Everyone a report names, and the forms that point to each person."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []

    # building ----------------------------------------------------------------------------

    @classmethod
    def from_blocks(cls, blocks: tuple[Block, ...]) -> Registry:
        registry = cls()
        labels: dict[str, list] = {}
        for block in blocks:
            for name, abbreviation, organisation in attendee_abbreviations(block):
                registry.add_plain(name, organisation=organisation, alias=abbreviation)
            header = header_line(block)
            if header:
                registry.add_plain(*header)
        for block in blocks:
            texts = block.items if block.kind == "list" and block.items else (block.text,)
            for text in texts:
                for match in PREFIXED_NAME.finditer(text):
                    registry._add(match, text)
                found = parse_label(text)
                if found and _name_like(found[0]):
                    bold = any(fold(found[0]) in fold(b) for b in block.bold)
                    seen = labels.setdefault(found[0], [0, False, found[1], found[2]])
                    seen[0] += 1
                    seen[1] = seen[1] or bold
        handles = sum(1 for name in labels if _HANDLE.match(name))
        for name, (count, bold, role, organisation) in labels.items():
            # a label is a person when it is bold, known, a full name, a repeated turn, or
            # a handle in minutes where several handles take turns
            known = registry.resolve_name(name)
            if known:
                _extend(known.roles, [role])
                _extend(known.organisations, [organisation])
            elif bold or count >= 2 or len(name.split()) >= 2 \
                    or _HANDLE.match(name) and handles >= 3:
                registry.add_plain(name, role=role, organisation=organisation)
        return registry

    def _add(self, match: re.Match, text: str) -> None:
        name = _clean_name(match.group("name"))
        name = re.sub(r"\s+(?:[A-Z]{2,})$", "", name)  # trailing acronyms: "Ms. X (UNDP)"
        if len(name) < 2 or name.isupper() and len(name) <= 5:
            return
        honorifics, titles = _split_prefix(match.group("prefix"))
        entry = self.resolve_name(name)
        if entry is None:
            entry = _Entry(name)
            # a fuller form absorbs a short one seen earlier: "Ms. Lopez" then "Martha Lopez"
            for other in list(self.entries):
                if len(other.tokens()) == 1 and other.tokens()[0] == entry.tokens()[-1]:
                    self.entries.remove(other)
                    entry.aliases.extend([other.name, *other.aliases])
                    entry.honorifics.extend(other.honorifics)
                    entry.titles.extend(other.titles)
                    entry.roles.extend(other.roles)
            self.entries.append(entry)
        elif fold(name) != fold(entry.name):
            entry.aliases.append(name)
        _extend(entry.honorifics, honorifics)
        _extend(entry.titles, titles)
        role, organisations = _appositive(text[match.end():])
        if role:
            _extend(entry.roles, [role])
            _extend(entry.organisations, organisations)

    def add_plain(self, name: str, role: str = "", organisation: str = "",
                  alias: str = "") -> None:
        """A person named outright (front matter ``speaker:``, an attendee table, a turn
        header), without an honorific."""
        name = _clean_name(name)
        entry = self._find_full(name)
        if entry is None:
            entry = _Entry(name)
            self.entries.append(entry)
        _extend(entry.roles, [role])
        _extend(entry.organisations, [organisation])
        _extend(entry.aliases, [alias])

    def _find_full(self, name: str) -> _Entry | None:
        key = name_key(name)
        for entry in self.entries:
            if entry.key == key or key in (name_key(a) for a in entry.aliases):
                return entry
        return None

    # resolving ---------------------------------------------------------------------------

    def resolve_name(self, name: str) -> _Entry | None:
        """A full name or a surname (any case, accent or dash) -> the one person, else None."""
        found = self._find_full(name)
        if found:
            return found
        tokens = fold(_clean_name(name)).split()
        if not tokens:
            return None
        matches = [e for e in self.entries
                   if e.tokens()[-len(tokens):] == tokens and len(e.tokens()) > len(tokens)
                   or fold("".join(e.tokens()[-len(tokens):])) == fold("".join(tokens))]
        return matches[0] if len(matches) == 1 else None

    def resolve_role(self, role: str) -> _Entry | None:
        role = fold(role)
        if not role:
            return None
        matches = [e for e in self.entries
                   if any(fold(r).startswith(role) for r in (*e.roles, *e.titles,
                                                             *_title_honorifics(e)))]
        return matches[0] if len(matches) == 1 else None

    def people(self) -> tuple[Person, ...]:
        return tuple(
            Person(name=e.name, key=e.key, honorifics=tuple(dict.fromkeys(e.honorifics)),
                   titles=tuple(dict.fromkeys(e.titles)), roles=tuple(dict.fromkeys(e.roles)),
                   organisations=tuple(dict.fromkeys(e.organisations)),
                   aliases=tuple(dict.fromkeys(e.aliases)))
            for e in self.entries)


def _title_honorifics(entry: _Entry) -> list[str]:
    """Honorifics that are also titles: 'the Ambassador', 'the Judge'."""
    return [h for h in entry.honorifics if len(h) > 4 and not h.endswith(".")]


def _extend(target: list[str], values) -> None:
    for value in values:
        if value and value not in target:
            target.append(value)


def _appositive(after: str) -> tuple[str, list[str]]:
    """', Senior Advisor, Office of X at UN Women,' after a name -> role and organisations."""
    match = re.match(r"^\**\s*(?:\((?P<org>[^)]{2,80})\))?\s*,\s*(?P<body>[^.;:\n]{3,200})", after)
    if not match:
        return "", []
    body = match.group("body")
    # the appositive ends where the sentence's verb begins: ", delivered the opening remarks"
    verb = re.search(rf",\s*(?:{ADVERBS})(?:{_verbs}|was|is|who|and\s+[a-z])\b", body)
    if verb:
        body = body[: verb.start()]
    elif re.search(r"\b(?:said|noted|that|the event|was)\b", body):
        return "", []
    parts = [p.strip(" *") for p in re.split(r",\s*", body) if p.strip(" *")]
    if not parts or not parts[0][:1].isupper():
        return "", []
    role, organisations = parts[0], parts[1:]
    at = re.match(r"(.+?)\s+at\s+(the\s+)?(?P<org>[A-Z].+)$", role)
    if at and not organisations:
        organisations = [at.group("org")]
    if match.group("org"):
        organisations.insert(0, match.group("org"))
    return role, organisations


# attribution -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attribution:
    speakers: tuple[str, ...]
    mentions: tuple[str, ...]
    labelled: bool = False  # the speaker came from a turn label ("Name: ...")


def attribute(blocks: tuple[Block, ...], registry: Registry,
              narrator: str | None = None) -> list[Attribution]:
    """Speakers and mentions of every block, in order. In a one-speaker document (a
    speech: ``narrator`` from front matter) every paragraph is the narrator's unless a
    label gives it to someone else; people the narrator quotes ("President X said") are
    mentions."""
    result: list[Attribution] = []
    current: str | None = None  # the last speaker: "She ..." and "…" continue it
    owner: str | None = None  # the person a turn header gave the paragraphs below to
    current_section: tuple[str, ...] | None = None
    for block in blocks:
        if block.section_path != current_section:
            current, owner, current_section = None, None, block.section_path
        named = _named_people(block.text, registry)
        if block.kind != "paragraph":
            turns = [_label_speaker(item, registry) for item in block.items]
            turn_speakers = tuple(dict.fromkeys(t for t in turns if t))
            mentions = tuple(dict.fromkeys(name for _, name, _ in named
                                           if name not in turn_speakers))
            result.append(Attribution(turn_speakers, mentions))
            continue
        header = header_line(block)
        if header:
            entry = registry.resolve_name(header[0])
            owner = current = entry.name if entry else None
            result.append(Attribution((), (owner,) if owner else ()))
            continue
        speakers: list[str] = []
        labelled = _label_speaker(block.text, registry)
        if narrator:
            speakers = [labelled or narrator]
            result.append(Attribution(tuple(speakers), tuple(dict.fromkeys(
                n for _, n, _ in named if n not in speakers))))
            continue
        if labelled:
            speakers.append(labelled)
        elif CONTINUATION.match(block.text) and current:
            speakers.append(current)  # "… and so we agreed": the turn goes on
        events = [(start, name) for start, name, end in named if SPEECH.match(block.text[end:])]
        pronouns = list(PRONOUN_SPEECH.finditer(block.text))
        leading = LEADING_PRONOUN.match(block.text)
        if leading and not any(p.start() == leading.start() for p in pronouns):
            pronouns.insert(0, leading)
        events += [(p.start(), None) for p in pronouns]
        last = current
        for _, name in sorted(events, key=lambda e: e[0]):
            name = name or last  # "She ..." continues the last speaker
            if name and name not in speakers:
                speakers.append(name)
            last = name or last
        if not speakers and owner:
            speakers.append(owner)
        if speakers:
            current = speakers[-1]
        mentions = tuple(dict.fromkeys(n for _, n, _ in named if n not in speakers))
        result.append(Attribution(tuple(speakers), mentions, labelled=bool(labelled)))
    return _fill_one_speaker_stretches(blocks, result)


def _fill_one_speaker_stretches(blocks, result: list[Attribution]) -> list[Attribution]:
    """A paragraph with no speaker and no one named, between two paragraphs of the same
    single speaker in the same section, continues that speaker: prose in a narrative
    summary, a plain line of notes between two turns in minutes."""
    out = list(result)
    for i in range(1, len(blocks) - 1):
        before, here, after = out[i - 1], out[i], result[i + 1]
        if here.speakers or here.mentions or blocks[i].kind != "paragraph":
            continue
        text = blocks[i].text
        if before.labelled or after.labelled:
            # in minutes, a line of the scribe's between two turns of one person is that
            # person's turn going on; edits ("s/x/y/") and IRC lines ("<nick> ...") are not
            if not (before.labelled and after.labelled and CONTINUED_TURN.match(text)):
                continue
        elif not PROSE.match(text):
            continue
        if len(before.speakers) == 1 and before.speakers == after.speakers and \
                blocks[i - 1].section_path == blocks[i].section_path == \
                blocks[i + 1].section_path:
            out[i] = Attribution(before.speakers, ())
    return out


def _label_speaker(text: str, registry: Registry) -> str | None:
    found = parse_label(text)
    if not found:
        initials = re.match(r"^\s*\**(?P<abbr>[A-Z]{4,5})\**\s*:\s+\S", text)
        # 'ABCD:' reads as a minute-taking keyword unless an attendee table says whose
        # initials they are
        entry = registry._find_full(initials.group("abbr")) if initials else None
        return entry.name if entry else None
    entry = registry.resolve_name(found[0])
    return entry.name if entry else None


def _named_people(text: str, registry: Registry) -> list[tuple[int, str, int]]:
    """(start, person name, end) for each resolvable reference in the text."""
    found: list[tuple[int, str, int]] = []
    taken: list[tuple[int, int]] = []
    for match in PREFIXED_NAME.finditer(text):
        entry = registry.resolve_name(_clean_name(match.group("name")))
        if entry:
            found.append((match.start(), entry.name, _end_of_label(text, match.end())))
            taken.append((match.start(), match.end()))
    for match in ROLE_REFERENCE.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        role = match.group("role").strip()
        words = role.split()
        for size in range(len(words), 0, -1):  # longest role phrase the registry knows
            entry = registry.resolve_role(" ".join(words[:size]))
            if entry:
                end = match.start("role") + len(" ".join(words[:size]))
                found.append((match.start(), entry.name, end))
                taken.append((match.start(), end))
                break
    for entry in registry.entries:  # bare full names: "Martha Helena Lopez said"
        for form in (entry.name, *entry.aliases):
            if len(form.split()) < 2:
                continue
            for match in re.finditer(rf"(?<![\w-]){_loose(form)}(?![\w-])", text):
                if not any(s <= match.start() < e for s, e in taken):
                    found.append((match.start(), entry.name, _end_of_label(text, match.end())))
                    taken.append((match.start(), match.end()))
    for match in re.finditer(rf"(?<![\w.-])(?P<name>{_NAME_WORD})(?=\s+{ADVERBS}(?:{_verbs})\b)",
                             text):
        # a bare surname is a person only as the subject of a speech verb
        if any(s <= match.start() < e for s, e in taken):
            continue
        entry = registry.resolve_name(match.group("name"))
        if entry and match.start() > 0 and text[match.start() - 2:match.start()].strip() in (
                "", ".", ",") or entry and match.start() == 0:
            found.append((match.start(), entry.name, match.end()))
    found.sort()
    return found


def _end_of_label(text: str, end: int) -> int:
    """Skip the closing bold markers and a parenthesised organisation after a name."""
    match = re.match(r"\s*\([^)]{1,80}\)", text[end:])
    return end + match.end() if match else end


def _loose(form: str) -> str:
    """A regex for a name that tolerates other dashes and spacing."""
    parts = re.split(rf"\s*[{DASHES}]\s*|\s+", form)
    seps = re.findall(rf"\s*[{DASHES}]\s*|\s+", form)
    out = re.escape(parts[0])
    for sep, part in zip(seps, parts[1:], strict=False):
        out += (rf"\s*[{DASHES}]\s*" if sep.strip() else r"\s+") + re.escape(part)
    return out
