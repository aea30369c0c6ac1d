"""Turn labels: the "Name:" (or "ABC:", "<nick>", "Mr. GORTON.") that opens a line of a
transcript or of minutes, and what it says about who speaks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..designations import designation, display_name
from .names import PREFIXED_NAME, UPPER, clean_name, plain_person_name, split_prefix, strip_prefix
from .vocabulary import DELEGATIONS, NON_PERSON_LABELS, PARTICLES, ROLE_LABELS, TITLES

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"  # "19:54", "00:03:12"
# a time stamp before a label, as recorded transcripts and chat exports print one:
# "[00:03:12]", "00:01:10", "(00:02)", "[Mon 09:02]", "[04/03/2025, 09:02:11]",
# "[10:02 AM]", and a phone's export "04/03/2025, 09:02 - "
_STAMP = (rf"(?:\[[^\]\n]{{0,24}}?{_TIME}(?:\s?[AaPp]\.?[Mm]\.?)?[^\]\n]{{0,12}}\]\s*"
          rf"|\(?{_TIME}\)?\s+"
          rf"|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}},?\s+{_TIME}(?:\s?[AaPp][Mm])?\s+[-–]\s+)")
# "Name: text", "- Name: text", "Name (Org): text"; the colon may be followed by a
# non-breaking space
_STAMP_FIRST = re.compile(rf"^\s*(?:{_STAMP}|\(?{_TIME}\)?\s*$)")


def timed_line(text: str) -> str | None:
    """'Nadia Okonkwo-Reyes   00:00:04' -> 'Nadia Okonkwo-Reyes': who speaks the lines
    below, in a recorder's export, when the line holds nothing else."""
    match = _TIMED_LINE.match(text)
    return match.group("label").strip() if match else None


def without_stamp(text: str) -> str:
    """'[00:00:04] Lucía Ferreira-Mendes' -> 'Lucía Ferreira-Mendes'; '[00:31:40]' -> ''."""
    return _STAMP_FIRST.sub("", text, count=1).strip()


# a reply in a chat thread is marked "↳"
_LABEL = re.compile(r"^\s*(?:[-*•↳]\s*)?"
                    rf"(?:{_STAMP})?"
                    # a committee's numbered question: "Q12 Chair:"
                    r"(?:Q\d{1,4}\s+)?"
                    r"(?P<label>[^:\n]{1,120}?)"
                    # or after the name: "Ben Okoro (00:02:10):"
                    rf"(?:\s*[\[(]{_TIME}[\])])?\s*:[\s\u00a0]+(?=\S)")
# a recorder's export: "Priya Natarajan  1:02" and the words on the next line
# (not "Harbourline Civic Hack, Saturday 9:15, table 14": a time in a sentence)
_NAME_AND_TIME = re.compile(rf"^\s*(?P<label>[^\t\n:]{{2,80}}?)\s+\[?{_TIME}\]?"
                            r"(?:[\t ]*\n\s*(?=\S)|[\t ]+(?=[^\s,;.])|[\t ]*$)")
# the same turn line with nothing else on it, in a Word or a web export: the name may be
# in bold, the time in brackets ("**Gráinne**   00:17:02", "iPhone (2)  20:31")
_TIMED_LINE = re.compile(rf"^\s*[*_]*(?P<label>[^\t\n:*_]{{2,60}}?)[*_]*\s+[\[(]?{_TIME}[\])]?\s*$")
_PHONE = re.compile(r"\+?\d[\d ()./-]{6,18}\d")
_IRC = re.compile(rf"^\s*(?:{_STAMP})?"
                  r"<(?P<label>[\w.|\[\]^`{}-]{1,32})>\s+(?=\S)")
# a chat log line in columns: "19:54<TAB>wumpus<TAB>#endmeeting"
_LOG = re.compile(rf"^\s*\[?{_TIME}\]?\t"
                  r"(?P<label>[\w.|\[\]^`{}-]{1,32})\t+(?=\S)")
# without a time: "sipa<TAB>yes, but ..." (a person only when the document names the nick)
_COLUMNS = re.compile(r"^\s*(?P<label>[A-Za-z][\w|-]{1,31})\t+(?=\S)")
# "* gmaxwell imagines ...": a chat action, by a nick (lower case, as chat nicks are)
_ACTION = re.compile(r"^\s*\*\s+(?P<label>[a-z][\w.|-]{1,30})\s+(?=[a-z])")
HANDLE = re.compile(r"^[a-z][A-Za-z0-9_.|-]{1,30}$|^[A-Za-z]+[0-9_][A-Za-z0-9_-]*$")
# "ABL", "NR", and "PvD" for Pieter van Dijk (a particle's initial in lower case)
INITIALS = re.compile(rf"^[{UPPER}](?:[a-z]{{0,2}}[{UPPER}]|-[{UPPER}]){{1,4}}$")  # "RS-O" too
_LABEL_WORD = re.compile(rf"^(?:[{UPPER}][\w'’.-]*|(?:{'|'.join(PARTICLES)}))$")
_CODE = re.compile(r"[`(){}\[\];=<>\\]|::|\w\.\w|^[a-z]+_[a-z_]+$|^/|/$|//")


@dataclass(frozen=True, slots=True)
class Label:
    names: tuple[str, ...]  # as written, prefix removed ("Lopez", "SFC", "dbaron")
    end: int  # where the turn's own words begin
    role: str = ""  # "Moderator" in "Moderator, Ms. X:"
    organisation: str = ""  # "UNDP" in "Ms. X (UNDP):"
    honorifics: tuple[str, ...] = ()
    # name | initials | handle | role | designation | body; or a label that is someone
    # only when the document names them: caps ("MARCUS:") | column ("sipa<TAB>")
    kind: str = "name"
    dotted: bool = False  # "Q." / "A.": a press transcript's, where the document has many
    several: bool = False  # "Chairs:", "Co-hosts:": every holder of the role speaks


@lru_cache(maxsize=1 << 13)  # a block is read for its label by several passes
def parse_label(text: str) -> Label | None:
    """The label opening ``text``, when it can name a person (or a role)."""
    found = designation(text)
    if found:
        return Label((found[0],), found[1], kind="designation")
    found = _verbatim_speaker(text)
    if found:
        return found
    for pattern in (_IRC, _LOG, _ACTION):
        match = pattern.match(text)
        if match and match.group("label").casefold() not in NON_PERSON_LABELS:
            return Label((match.group("label"),), match.end(), kind="handle")
    match = _COLUMNS.match(text)
    if match and match.group("label").casefold() not in NON_PERSON_LABELS:
        return Label((match.group("label"),), match.end(), kind="column")
    dotted = _QA_DOT.match(text)
    if dotted:
        return _question_or_answer(text, dotted)
    match = _LABEL.match(text)
    if not match:
        timed = _NAME_AND_TIME.match(text)
        if timed and _PHONE.fullmatch(timed.group("label").strip()):
            return Label(("Caller",), timed.end(), kind="role")  # a dial-in, by its number
        label = _read_label(timed.group("label").strip(" *_"), timed.end()) if timed else None
        # "Mateusz Wójcik-Hale  19:09", "Guest  19:13": a full name or a role
        return label if label and (label.kind == "name" and len(label.names[0].split()) >= 2
                                   or label.kind == "role") else None
    found = _read_label(match.group("label").strip(" *_\u00a0"), match.end())
    if found and found.kind == "role" and found.names[0] in ("Questioner", "Answerer"):
        return _asker_named(text, found) or found
    return found


# "Ilse Brandauer, rapporteur. – Madam President, ...", "Eleni Kostopoulou (S&D). – ...",
# "President. – The debate is closed.": a verbatim report's speaker, a full stop, a dash
_DOT_DASH = re.compile(
    rf"^\s*(?P<name>[{UPPER}][^\s,.()–—:]*(?:\s+[^\s,.()–—:]+){{0,5}}?)\s*"
    r"(?:\((?P<group>[^()]{1,40})\))?\s*(?:,\s*(?P<desc>[^–—()]{1,120}?)"
    r"(?:\s*\([^()]{1,40}\))?)?\s*\.\s*[–—]\s+(?=\S)")


def _verbatim_speaker(text: str) -> Label | None:
    if "–" not in text and "—" not in text:
        return None  # most paragraphs: no dash to read
    match = _DOT_DASH.match(text)
    if not match:
        return None
    name = match.group("name")
    if " " not in name:
        role = ROLE_LABELS.get(name.casefold())
        return Label((role,), match.end(), kind="role") if role and role in (
            "Chair", "President", "Speaker") else None
    return Label((name,), match.end(), organisation=match.group("group") or "",
                 kind="name") if plain_person_name(name) else None


def _asker_named(text: str, turn: Label) -> Label | None:
    """'Q: Dr Neil Fitzpatrick (Cork, Ireland): In a child ...', 'Q: Beatriz Lima Santos,
    paediatric nurse (São Paulo): ...': the one who asks (or answers) names themself
    after the role's label."""
    inner = _LABEL.match(text[turn.end:])
    if not inner:
        return None
    who, asides = trailing_asides(inner.group("label").strip(" *_\u00a0"))
    name, _, described = who.partition(",")
    person = _read_label(name.strip(), turn.end + inner.end())
    if person is None or person.kind != "name":
        return None
    return Label(person.names, person.end, role=turn.names[0],
                 organisation=", ".join([described.strip(), *asides]).strip(", "),
                 honorifics=person.honorifics, kind="name")


# "Q. Daniel Ferreira, Basin Tribune. Will farmers ...?", "A. (Dr. Oduya) Stage two ..."
_QA_DOT = re.compile(r"^\s*(?P<role>Q|A)\.\s+(?:\((?P<who>[^()]{2,60})\)\s*)?(?=\S)")
_SELF_NAMED = re.compile(r"^(?P<name>[^,.?!()]{3,60}?),\s+(?P<org>[^.?!]{2,60})\.\s+(?=\S)")


def _question_or_answer(text: str, match: re.Match) -> Label:
    role = "Questioner" if match.group("role") == "Q" else "Answerer"
    who = match.group("who")
    person = _read_label(who.split(",")[0].strip(), match.end()) if who else None
    if person and person.kind == "name":
        return Label(person.names, match.end(), role=role, honorifics=person.honorifics,
                     kind="name", dotted=True)
    named = _SELF_NAMED.match(text[match.end():]) if role == "Questioner" and not who else None
    person = _read_label(named.group("name"), match.end()) if named else None
    if person and person.kind == "name":  # the journalist names themself
        return Label(person.names, match.end(), role=role, organisation=named.group("org"),
                     honorifics=person.honorifics, kind="name", dotted=True)
    return Label((role,), match.end(), kind="role", dotted=True)


def trailing_asides(text: str) -> tuple[str, list[str]]:
    """'Sarah Quilley (North Fenwick) (Con)' -> ('Sarah Quilley', ['North Fenwick', 'Con'])."""
    asides = []
    while paren := re.match(r"^(.*?)\s*\(([^()]{1,80})\)$", text.strip()):
        text = paren.group(1).strip()
        asides.insert(0, paren.group(2).strip())
    return text, asides


# "Participant 3:", "Speaker 2:", "Resident B:": someone a report keeps anonymous
NUMBERED_ROLE = re.compile(r"(?P<role>participant|speaker|resident|caller|delegate|member|"
                            r"attendee|respondent|interviewee|student|person|voice|"
                            r"audience member|questioner|panel+ist|guest|parent|teacher)\s+"
                            r"(?P<number>\d{1,3}|[A-Z])", re.I)


_STATE = re.compile(rf"(?:(?:Federal|United|Islamic|Democratic|People['’]s|Plurinational|"
                    rf"Bolivarian|Socialist|Cooperative)\s+)*(?:Republic|Kingdom|State|"
                    rf"Federation|Commonwealth|Principality|Sultanate|Grand Duchy|Emirate|"
                    rf"Union)\s+of\s+(?:the\s+)?[{UPPER}][\w'’-]+(?:\s+(?:and\s+)?"
                    rf"[{UPPER}][\w'’-]+){{0,3}}")


def numbered_role(match: re.Match) -> str:
    """'participant 3' -> 'Participant 3': one spelling for an anonymous speaker."""
    role = match.group("role")
    return f"{role[:1].upper()}{role[1:].lower()} {match.group('number')}"


_LABEL_VERB = re.compile(r",?\s+(?:asked|added|replied|answered|responded|said|says|asks|"
                         r"adds|replies|answers|commented|noted|explained|wrote)$")


# where a question comes from when no one is named: "QUESTION FROM THE FLOOR:"
_FLOOR_WORDS = frozenset("floor audience chat room back front online line phone hall".split())


def _read_label(label: str, end: int) -> Label | None:
    # "Anonymous asked:", "Jo Whitcombe, Chief People Officer, added:": who, then the verb
    who = _LABEL_VERB.sub("", label)
    if who != label and (who.casefold() in ROLE_LABELS or plain_person_name(who.split(",")[0])):
        label = who  # (not "That said, ...": words, not a label)
    if label.startswith("@") and HANDLE.match(label[1:]):
        return Label((label[1:],), end, kind="handle")  # "@seun-a: RC2 tagged Friday."
    placed = re.fullmatch(r"(?P<role>\w+(?:\s+\w+)?)\s+(?:from|at|in)\s+(?:the\s+)?\w+(?:\s+\w+)?",
                          label, re.I)
    if placed and placed.group("role").casefold() in ROLE_LABELS and (
            ROLE_LABELS[placed.group("role").casefold()] not in ("Questioner", "Answerer") or
            label.split()[-1].casefold() in _FLOOR_WORDS):
        # "VOICE FROM BACK:", "AUDIENCE MEMBER IN THE FRONT ROW:": the role, wherever
        # they sit (a question "from Priya" is hers, below)
        return Label((ROLE_LABELS[placed.group("role").casefold()],), end, kind="role")
    if label.casefold() in ROLE_LABELS:  # "Hon. Members:", "The Deputy Speaker:"
        role = ROLE_LABELS[label.casefold()]
        return Label((role,), end, kind="role", several=label.casefold().endswith("s") and
                     not role.casefold().endswith("s"))
    if _STATE.fullmatch(label):  # "Republic of Tessaly:": a delegation takes the floor
        return Label((label,), end, kind="role")
    numbered = NUMBERED_ROLE.fullmatch(label)
    if numbered:
        return Label((numbered_role(numbered),), end, kind="role")
    # "Pacific researcher Dr Tavita X:": who she is, then her name with its title
    described = PREFIXED_NAME.search(label) if len(label.split()) > 4 else None
    if described and described.end() == len(label) and described.start() and \
            len(label[:described.start()].split()) <= 4 and \
            not re.search(r"[.!?;:]|\b(?:was|is|were|are|be|been|by|then|next|that|when|"
                          r"after|before|said|asked|the)\b", label[:described.start()], re.I):
        label = label[described.start():]
    # "Q from Meera Pillai (Customer Success):", "Question from the chat (Kwame, Radio
    # Nkabom):": she asks, he asks
    asker = re.match(r"(?:Q|Question)\s+(?:from|by)\s+(?:the\s+[a-z]+\s+\((?P<aside>[^()]+)\)$|"
                     r"(?P<who>[A-Z].*)$)", label)
    person = _read_label((asker.group("who") or asker.group("aside").split(",")[0]).strip(),
                         end) if asker else None
    if person and person.kind == "name":
        return Label(person.names, end, role="Questioner", organisation=person.organisation,
                     honorifics=person.honorifics, kind="name")
    # "Sarah Quilley (North Fenwick) (Con):", "Ms. X (UNDP):"
    label, asides = trailing_asides(label)
    organisation = ", ".join(asides)
    if label.casefold() in ROLE_LABELS and asides and ROLE_LABELS[label.casefold()] != "Resident":
        # (not "Resident (Elm Street):", where she lives)
        # "Q (Lucía Méndez, Spanish Agency ...):", "A (Dr. Tariq Haddad):", "Q (from
        # Priya, Finance):": the person in the parentheses takes the turn
        person = _read_label(re.sub(r"^(?:from|by)\s+", "", asides[0].split(",")[0].strip()),
                             end)
        if person and person.kind == "name":
            return Label(person.names, end, role=ROLE_LABELS[label.casefold()],
                         organisation=", ".join(asides[0].split(",")[1:]).strip(),
                         honorifics=person.honorifics, kind="name")
    if asides and re.match(r"(?:The|the)\s+\S", label) and len(label.split()) >= 2:
        # "The Minister for Rural Affairs (Fiona Grant):", "The Deputy Speaker (Ms
        # Ana Ruiz):": an office, then who holds it
        person = _read_label(asides[-1], end)
        if person and person.kind == "name":
            return Label(person.names, end, role=label.split(None, 1)[1],
                         honorifics=person.honorifics, kind="name")
    if asides and re.fullmatch(rf"[{UPPER}][{UPPER}&.-]{{1,7}}", label) and (
            PREFIXED_NAME.fullmatch(asides[-1]) or plain_person_name(asides[-1])):
        # "RRO (Joyce Wambui-Keller):": an agency, then the one who spoke for it
        person = _read_label(asides[-1], end)
        if person and person.kind == "name":
            return Label(person.names, end, organisation=label, honorifics=person.honorifics,
                         kind="name")
    role = ""
    joint = [p.strip() for p in label.split(",")]
    if len(joint) > 1 and all(re.fullmatch(rf"[{UPPER}][a-z'’-]{{1,20}}", p) and p.casefold()
                              not in ROLE_LABELS and p.casefold() not in NON_PERSON_LABELS
                              and p not in TITLES for p in joint):
        label = "/".join(joint)  # "Bob, Arnaud: agree with ...": both say it
    elif "," in label and label.isupper() and _named_then_described(label):
        # "ANNA KOWALSKI, HOST:", "RAY DUNMORE, GENERAL SECRETARY, UNITED PORTWORKERS:": a
        # broadcast transcript names the speaker, then what they are
        label, role = (part.strip() for part in label.split(",", 1))
        role = _said(role)
    elif "," in label:
        role, label = (part.strip() for part in label.rsplit(",", 1))
        if label in DELEGATIONS:
            return None  # "Kasi Dispatch, South Africa: ...": a list of who, from where
        if plain_person_name(role) and not plain_person_name(label):
            role, label = label, role  # "Søren Kjærgaard, Aqualoop ApS: ...": name first
    honorifics: tuple[str, ...] = ()
    prefixed = PREFIXED_NAME.match(label)
    if prefixed and prefixed.end() == len(label):
        honorifics = tuple(split_prefix(prefixed.group("prefix"))[0])
        label = prefixed.group("name")
        if any(w.isupper() and len(w) > 2 for w in label.split()):
            # "MR. SMITH:" -> Smith, "Dame Eleanor WHITCOMBE:" -> Eleanor Whitcombe, "MS. NÍ
            # BHRIAIN:" -> Ní Bhriain
            label = " ".join(_spoken(w) if w.isupper() and len(w) >= 2 else w
                             for w in label.split())
            # "MAYOR PRO TEM HALVERSON:": the rest of the office, read once in lower case
            label = strip_prefix(label)
    if _SURNAME_FIRST.match(label):  # "HUANG Mei-Ling": the surname first, in capitals
        surname, given = label.split(None, 1)
        label = f"{surname.capitalize()} {given}"
    if re.fullmatch(r"[a-z]{2,}\.[a-z]{1,12}", label):
        # "kenji.w:", a chat handle; "config.yaml:" is not, so someone only when the
        # document names them
        return Label((label,), end, kind="column")
    if not label or _CODE.search(label):
        return None
    folded = label.casefold()
    if folded in ROLE_LABELS and not role:
        return Label((ROLE_LABELS[folded],), end, organisation=organisation, kind="role")
    if folded in NON_PERSON_LABELS:
        return None
    if "/" not in label and "&" not in label:
        parts = [label]
    else:
        parts = [p.strip() for p in re.split(r"\s*[/&]\s*", label) if p.strip()]
    if len(parts) == 1 and label.isupper() and not honorifics and not INITIALS.match(label) \
            and re.fullmatch(
            rf"(?:[{UPPER}]['’]?\s+)?[{UPPER}'’-]{{2,}}(?:\s+[{UPPER}'’-]{{2,}}){{0,3}}", label):
        # "PRIYA NATARAJAN:" as transcripts print names; one word alone ("MARCUS:",
        # "RESOLVED:") is someone only where the document names them
        spoken = strip_prefix(_said(label))  # "CITY MANAGER PETTIBONE:" -> Pettibone
        if spoken.casefold() in NON_PERSON_LABELS:
            return None
        if " " not in spoken or not plain_person_name(spoken):
            # "MARCUS:", "DE LA CRUZ:": someone the document names elsewhere
            return Label((spoken,), end, role=role, organisation=organisation, kind="caps")
        return Label((spoken,), end, role=role, organisation=organisation, kind="name")
    if not all(_may_name(p, honorifics) for p in parts):
        return None
    kind = "initials" if all(INITIALS.match(p) for p in parts) else \
        "handle" if all(HANDLE.match(p) for p in parts) and not honorifics else "name"
    return Label(tuple(parts), end, role=role, organisation=organisation,
                 honorifics=honorifics, kind=kind)


# words that say what someone is rather than who: "MNN CORRESPONDENT", "HALBROOK RESIDENT"
_DESCRIBING = frozenset(w.casefold() for phrase in (*TITLES, *ROLE_LABELS.values())
                        for w in re.split(r"[\s-]+", phrase) if len(w) > 2) | frozenset(
    "host anchor correspondent reporter resident contributor analyst editor author expert "
    "spokesperson spokesman spokeswoman officer chief minister secretary mayor professor "
    "senator governor commissioner witness caller guest voice narrator producer "
    "representative leader member owner worker student teacher nurse doctor farmer "
    "councillor president director manager founder general presenter commentator adviser "
    "advisor consultant lawyer attorney engineer researcher historian surgeon physician "
    "organiser organizer campaigner volunteer coach pilot inspector detective sergeant "
    "captain partner ceo cfo cto mp mep".split())


def _named_then_described(label: str) -> bool:
    first, rest = label.split(",", 1)
    return plain_person_name(_said(first.strip())) and not _describes(first) and \
        _describes(rest)


def _describes(part: str) -> bool:
    # "-ist": meteorologist, economist, scientist, journalist, strategist
    return any((w := word.casefold().strip(".,")) in _DESCRIBING or len(w) > 5 and
               w.endswith("ist") for word in part.split())


def _said(part: str) -> str:
    """A run of capitals as it is said: 'ANNA KOWALSKI' -> 'Anna Kowalski'."""
    return " ".join(_spoken(w) for w in part.split())


def _spoken(word: str) -> str:
    """A name word as written in capitals, as it is said: 'FONTAINE-BRODY' -> 'Fontaine-Brody'."""
    return "-".join(part.capitalize() for part in word.split("-"))


_SURNAME_FIRST = re.compile(rf"^[{UPPER}]{{2,}}"
                            rf"(?:\s+[{UPPER}][a-z\u00df-\u00ff]+(?:-[{UPPER}a-z][a-z]+)?){{1,2}}$")


# endings of English nouns that no given name or surname has
_ABSTRACT_NOUN = re.compile(r"(?:tion|sion|ment|ness|ship|ings)s?$")


def _may_name(label: str, honorifics) -> bool:
    """A label that could be a person: a name, initials or a handle, and no known
    non-person word ("Action items", "Tracking Comment", "PROPOSE")."""
    words = label.split()
    folded = [w.casefold() for w in words]
    if not words or len(words) > 4:
        return False
    if folded[0] in NON_PERSON_LABELS or folded[-1] in NON_PERSON_LABELS:
        return False
    if len(words) == 1 and _ABSTRACT_NOUN.search(folded[0]):
        return False  # "Organisation:", "Distribution:", "Assessment:": a form's field
    if INITIALS.match(label):
        return True
    if HANDLE.match(label):
        return True
    if len(words) == 1 and len(label) >= 4 and label.isupper() and not honorifics:
        return False  # RESOLUTION:, PROPOSE: are minute-taking keywords
    if any(ch.isdigit() for ch in label):
        return False
    # a word in capitals among others ("Tracking COMMENT"), not an initial ("Bernadette
    # M. O'Sullivan-Price")
    shouting = len(words) > 1 and any(len(w.strip(".")) > 1 and w.isupper() for w in words)
    # "von Amsberg:", "de Vries:": a surname with its particle
    capitalised = words[0][:1].isupper() or len(words) >= 2 and folded[0] in PARTICLES and \
        words[-1][:1].isupper()
    return all(_LABEL_WORD.match(w) for w in words) and capitalised and not shouting


def bold_turn(run: str) -> Label | None:
    """'**Jo Whitcombe, Chief People Officer, added:**' inside a paragraph: a second turn,
    set in bold as the first one's label is."""
    match = re.fullmatch(r"\s*(?P<label>[^:\n]{2,80}?)\s*(?P<colon>:?)\s*", run.strip(" *_"))
    if not match or not (match.group("colon") or _LABEL_VERB.search(match.group("label"))):
        return None  # (the markup may keep the colon outside the bold)
    label = _read_label(match.group("label"), 0)
    return label if label and label.kind == "name" else None


def label_alone(text: str) -> Label | None:
    """A label on a line of its own ("Josh:", "**Ms. Lopez:**"): the turn is what follows."""
    match = re.fullmatch(r"\s*(?:[-*•]\s+)?(?P<label>[^:\n]{2,40}?)\s*:[\s*_]*", text)
    return _read_label(match.group("label").strip(" *_\u00a0"), len(text)) if match else None


def role_holder(text: str, label: Label | None = None) -> tuple[str, str] | None:
    """'President: Mr. Laurent Castellane (France)', 'Chair: Wendy Reid': (role, name)
    when a role label is followed by a person's name and nothing more; ``label``: the
    text's label, when it was read already."""
    label = label or parse_label(text)
    if label is None or label.kind != "role" or label.names[0] in ("Questioner", "Answerer"):
        return None
    # "Mr. Laurent Castellane, Permanent Representative (France)": the name, then who he is
    # (a title in capitals, no sentence: "Q: Mr. Odeh, do farmers ...?" asks him)
    # "Interviewee: Conceição Ferreira-Mbatha (CFM), born 1948 in Setúbal": a legend, the
    # initials she goes by in the transcript, then who she is
    coded = re.match(r"\s*([^(),:]{3,60}?)\s*\([A-Z][A-Za-z]{1,4}\)(?:\s*$|,)", text[label.end:])
    if coded and plain_person_name(strip_prefix(coded.group(1)) or coded.group(1)):
        return label.names[0], clean_name(strip_prefix(coded.group(1)) or coded.group(1))
    # "Chairperson: Ms. Adaeze Nwosu-Bell (Nigeria); later: Mr. Tomas Lindqvist (Sweden)":
    # who holds it first
    rest = re.sub(r"\s*\([^()]{1,60}\)\s*$", "", re.split(r";\s+(?:later|then|afterwards)\b",
                                                     text[label.end:], maxsplit=1)[0])
    name_part, _, after = rest.partition(",")
    if after and (re.search(r"[?!]", after) or not re.match(r"\s*[A-Z]", after)):
        return None
    rest = name_part
    # "Mr. Laurent Castellane . . . . . (France)": a record's dot leaders
    rest = re.sub(r"(?:\s*\.){3,}.*$", "", rest).strip(" .*_")
    prefixed = PREFIXED_NAME.fullmatch(rest)
    name = prefixed.group("name") if prefixed else rest
    if prefixed or plain_person_name(name) and len(name.split()) <= 4:
        return label.names[0], clean_name(name)
    return None


# a notice of who presides from here on: "(IN THE CHAIR: ROBERTA MÄKELÄ-VIDAL
# Vice-President)", "Mr Almeida Castro (Ecuador), Vice-Chair, took the Chair.", "In the
# absence of the President, Mr. Ito (Japan), Vice-President, took the Chair."
_IN_THE_CHAIR = re.compile(r"^[\s_*(\[]*(?i:in the chair)\s*[:.]\s*(?P<who>[^()\[\]]{3,80}?)"
                           r"[\s_*)\].]*$")
_TOOK_THE_CHAIR = re.compile(
    # a summary record numbers its paragraphs: "12. Mr. Lindqvist (Sweden), ..."
    r"^[\s_*(\[]*(?:\d{1,3}\.\s+)?(?:In the absence of [^,]{3,60},\s*)?(?P<who>[^,()]{3,60}?)"
    r"(?:\s*\([^()]{1,60}\))?(?:,\s*[^,()]{2,60},)?\s+(?:took|takes|resumed|was in|is in|in)"
    r"\s+the\s+[Cc]hair\b.{0,40}?[\s_*)\].]*$")


def chair_taken(text: str) -> str | None:
    """The person a notice puts in the chair from here on, as the record names them
    ('Roberta Mäkelä-Vidal', 'Almeida Castro'); None for any other text, and for an
    office with no name ('[Madam Deputy Speaker in the Chair]')."""
    if len(text) > 200:
        return None
    match = _IN_THE_CHAIR.match(text) or _TOOK_THE_CHAIR.match(text)
    if not match:
        return None
    who = match.group("who").strip()
    # a title or an office after the name: "ROBERTA MÄKELÄ-VIDAL Vice-President"
    who = re.sub(rf"\s+(?:[{UPPER}][a-z]+(?:-[A-Z]?[a-z]+)*)$", "", who) \
        if len(who.split()) >= 3 and any(w.isupper() for w in who.split()) else who
    words = [w if not w.isupper() or len(w) < 2 else w.lower() if 0 < i < len(who.split()) - 1
             and w.casefold() in PARTICLES else display_name(w) for i, w in enumerate(who.split())]
    name = strip_prefix(clean_name(re.sub(r"^(?:The|the)\s+", "", " ".join(words))))
    core = [w for w in name.split() if w.casefold() not in PARTICLES]
    if not core or any(w.casefold() in _PRESIDING_WORDS for w in core) or \
            not all(w[:1].isupper() for w in core):
        return None
    return name


_PRESIDING_WORDS = frozenset("""speaker president chair chairman chairwoman chairperson
deputy vice-president vice-chair madam mister presiding officer""".split())
# the offices a chair notice gives (folded): whom "President." or "The CHAIR said" means
PRESIDING_OFFICES = frozenset({"chair", "chairperson", "chairman", "chairwoman", "president",
                               "speaker", "presiding officer", "the chair", "the president"})


def opens_with_label(text: str) -> bool:
    """Any "Word:" opening a line, a person's or not ("Note:", "ALL:"); not a sentence
    that runs up to a colon ("I want to speak about one group: ...")."""
    match = _LABEL.match(text)
    return match is not None and len(match.group("label").split()) <= 4 or \
        _IRC.match(text) is not None


# "**Mamadou Diallo-Sy (Senegal River Basin Authority) –** Our experience ...": where
# the speaker is from, in parentheses before the dash
_DASH_LABEL = re.compile(r"^\s*(?:[-*•]\s+)?(?P<label>[^\s:–—-][^\n:–—()\[\]]{0,40}?)"
                         r"(?:\s*\((?P<aside>[^()\n]{2,60})\))?\s*[–—-]\s+(?=\S)")


def dash_label(text: str) -> Label | None:
    """'nikhita - Big shoutout to ...', 'Guinevere Saenger - shoutout to ...': a name, a
    dash, then the words; a person only where the report knows the name (an agenda's
    'Release updates - Taylor' starts with a topic)."""
    match = _DASH_LABEL.match(text)
    if not match:
        return None
    label = match.group("label").strip(" *_")
    rest = text[match.end():]
    if not _may_name(label, ()) or len(label.split()) > 3 or \
            len(re.findall(r"(?<![\w@#/.-])[a-z][a-z'’]+\b", rest)) < 2 or \
            re.search(r"\([A-Z]{2,5}\)\W*$", rest):
        return None  # "Frank Tang - Google i18n (FYT)": who someone is, not what they said
    return Label((label,), match.end(), organisation=match.group("aside") or "",
                 kind="handle" if HANDLE.match(label) else "dash")


# "KALIMÉRA BAY — Last July ...", "OKSBY (Lindgaard) — Oksby's problem ...": a place or a
# body in capitals takes the floor, with the one speaking for it in parentheses
_BODY_LABEL = re.compile(rf"^\s*(?:[-*•]\s+)?(?P<label>[{UPPER}][{UPPER}'’.&]*(?: [{UPPER}]"
                         rf"[{UPPER}'’.&-]*){{0,4}})(?:\s*\((?P<who>[^()]{{2,40}})\))?\s*[–—-]\s+"
                         r"(?=\S)")


def body_label(text: str) -> Label | None:
    match = _BODY_LABEL.match(text)
    if not match or len(match.group("label")) < 3 or \
            match.group("label").casefold() in NON_PERSON_LABELS:
        return None
    return Label((match.group("label").title(),), match.end(),
                 organisation=match.group("who") or "", kind="body")


def strip_label(text: str, label: Label) -> str:
    """The turn's own words: the label is shown as the speaker, not repeated in the text."""
    rest = text[label.end:].lstrip()
    return rest or text


def inline_labels(text: str) -> list[tuple[int, str]]:
    """Later turns inside one paragraph: '... agreed. DE: I disagree' -> [(pos, 'DE')].
    Only initials, capitalised names and @handles right after a sentence end."""
    found = []
    for match in re.finditer(
            rf"(?<=[.!?)\]])\s+(?:(?P<label>[{UPPER}](?:[a-z]?[{UPPER}]|-[{UPPER}]){{1,4}}|"
            rf"[{UPPER}][a-z]+(?: [{UPPER}][a-z]*)?|@[A-Za-z0-9][\w.-]{{1,30}})"
            # "... in the following wheat? A (Sigrún): Slightly higher ...": the answer's
            rf"|[QA]\s*\((?P<who>[^()]{{2,60}})\)):\s+(?=\S)", text):
        label = (match.group("label") or strip_prefix(match.group("who").split(",")[0])
                 ).removeprefix("@")
        if label.casefold() not in NON_PERSON_LABELS and label.casefold() not in ROLE_LABELS:
            found.append((match.start() + len(match.group()) - len(match.group().lstrip()), label))
    # "Will the gentlewoman yield? / REP. FONTAINE-BRODY: I yield", "... Mr. Smith: No."
    for match in re.finditer(r"(?<=[.!?)\]])\s+(?:/\s+)?(?P<styled>[^\s:/][^:/!?]{1,50}"
                             r"[^\s:/]):\s+(?=\S)", text):
        styled = PREFIXED_NAME.fullmatch(match.group("styled"))
        read = _read_label(match.group("styled"), 0) if styled else None
        at = match.start("styled")
        if read and read.kind in ("name", "caps") and not any(
                at <= pos < match.end() for pos, _ in found):
            found.append((at, read.names[0]))
    return sorted(found)


@lru_cache(maxsize=1 << 16)
def initials_fit(code: str, name: str, loose: bool = False) -> bool:
    """'IH' fits 'Ivan Herman', 'LLM' fits 'Laurent Le Meur'; ``loose``: the letters need
    only appear in order after the first name's initial ('BAN' for 'Ben Allen', 'YSZ' for
    'Yusuke Suzuki')."""
    name = strip_prefix(clean_name(name))
    starts = [m.group() for m in re.finditer(rf"(?:(?<![\w'’])\w|[{UPPER}])", name)]
    wanted = [c.casefold() for c in code]
    if not starts or not wanted or wanted[0] != starts[0].casefold():
        return False
    letters = iter(c.casefold() for c in starts)
    if all(any(c == w for c in letters) for w in wanted):
        return True
    if not loose:
        return False
    letters = iter(name.casefold())
    return all(any(c == w for c in letters) for w in wanted)


@lru_cache(maxsize=1 << 14)  # asked for every participant at every code a document uses
def derived_initials(name: str) -> frozenset[str]:
    """Codes a note-taker may use for a name: first+last, every initial, first+two letters
    of the surname ('Ada B. Lovett' -> AL, ABL, ALO)."""
    words = [w for w in re.split(r"[\s-]+", strip_prefix(clean_name(name))) if w]
    core = [w for w in words if w.casefold() not in PARTICLES]
    if len(core) < 2:
        return frozenset()
    first, last = core[0], core[-1]
    codes = {first[0] + last[0], "".join(w[0] for w in core), first[0] + last[:2]}
    codes.add("".join(w[0] for w in words))
    return frozenset({c.upper() for c in codes if len(c) >= 2} | {
        "".join(w[0].lower() if w.casefold() in PARTICLES else w[0].upper() for w in words)})
