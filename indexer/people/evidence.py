"""What single lines and tables say about people, read without the rest of the
document: participants tables, initials in parentheses, turn headers, bold names alone,
delegation headers, and the role and organisation in an appositive."""

from __future__ import annotations

import re

from ..names import fold
from ..records import Block
from .labels import initials_fit
from .names import (
    ADVERBS,
    NOT_NAME_WORDS,
    OFFICE_NOUNS,
    PLAIN_NAME,
    PREFIXED_NAME,
    UPPER,
    VERBS,
    clean_name,
    plain_person_name,
    strip_prefix,
)
from .vocabulary import DELEGATIONS, HONORIFICS, NON_PERSON_LABELS, PARTICLES

_HEADER_CELLS = ("name", "nom", "attendee", "participant", "person", "member", "nym", "who",
                 "speaker", "presenter", "delegate", "panel", "representative", "witness",
                 "respondent", "spokesperson")
_CODE_CELLS = ("abbreviation", "abbr", "initials", "short", "handle", "nick", "irc", "id",
               "github", "username", "login", "alias")
_ORGANISATION_CELLS = ("organization", "organisation", "affiliation", "company", "entity",
                       "org")
# columns that say who a person is, not what they speak for
_ABOUT_CELLS = ("role", "title", "position", "function", "job", "note", "comment", "email",
                "mail", "pronoun", "time", "date", "topic", "subject", "remark")
_CODE_IN_PARENS = re.compile(rf"\((?P<code>[{UPPER}][{UPPER}a-z]{{1,4}})\)")


_ROLE_CELLS = ("role", "position", "function", "job", "title", "designation")


def table_people(rows) -> list[tuple[str, str, str, str]]:
    """(name, code, organisation, role) for each person a roster table lists."""
    header = [c.strip().casefold() for c in rows[0].split("|")]

    def column(words):
        return next((i for i, c in enumerate(header) if any(w in c for w in words)), None)

    code_at = column(_CODE_CELLS)
    # of the columns a person heading could head ("Team name", "Presenter (on stage)"),
    # the one whose cells read as people's names
    heads = [i for i, c in enumerate(header) if any(w in c for w in _HEADER_CELLS)]
    body = [[c.strip(" []") for c in row.split("|")] for row in rows[1:]]
    name_at = max(heads, key=lambda i: (sum(
        1 for cells in body if i < len(cells) and plain_person_name(strip_prefix(
            re.split(r"\s*\(|\s+[-–—]\s+|,", cells[i], maxsplit=1)[0].strip()))), -i),
        default=None)
    organisation_at = column(_ORGANISATION_CELLS)
    if name_at is None:
        return []
    # "Role on the Board or in attendance": what each one is at this meeting
    role_at = next((i for i, c in enumerate(header) if any(w in c for w in _ROLE_CELLS)
                    and i not in (name_at, code_at, organisation_at)), None)
    found = []
    for row in rows[1:]:
        cells = [c.strip(" []") for c in row.split("|")]
        if name_at >= len(cells):
            continue
        name = cell_name(cells[name_at])
        code = cells[code_at] if code_at is not None and code_at < len(cells) else ""
        organisation = cells[organisation_at] if organisation_at is not None and \
            organisation_at < len(cells) else ""
        role = cells[role_at] if role_at is not None and role_at < len(cells) else ""
        # "Chair of the Board (presiding)": the one in the chair at this meeting
        presiding = re.search(r"\((?:presiding|in the chair|chairing)\)\s*$", role, re.I)
        role = re.sub(r"\s*\([^()]*\)$", "", role)
        role = f"{role}; Chair" if presiding and not fold(role).startswith("chair") else role
        if not re.fullmatch(r"[\w.|-]{1,32}", code or "x"):
            code = ""
        if plain_person_name(strip_prefix(name)) or \
                code and re.fullmatch(r"[\w.-]{2,32}", name):
            found.append((name, code, organisation, role if len(role) <= 80 else ""))
    return found


def cell_name(cell: str) -> str:
    """'Aeva Black (Microsoft, TAC)', 'Ana Ruiz - UNDP', 'MOREL Jean-Baptiste': the
    person's name in a table cell, before where they work, given name first."""
    return surname_last(re.split(r"\s*\(|\s+[-–—]\s+", cell, maxsplit=1)[0].strip())


def represented(rows) -> dict[str, str]:
    """A roster's places and bodies that one person alone speaks for: 'Valderra' ->
    'Mateo Ruiz de Alarcón' (two for Oksby: neither). The column is the first of short
    values beside the names, whatever its heading ("City", "Port", "Delegation")."""
    header = [c.strip().casefold() for c in rows[0].split("|")]
    people = table_people(rows)
    if not people:
        return {}
    names = {fold(name): name for name, *_ in people}
    table = [[c.strip(" []") for c in row.split("|")] for row in rows[1:]]
    whose = [next((names[fold(n)] for n in map(cell_name, cells) if fold(n) in names), None)
             for cells in table]
    for at, heading in enumerate(header):
        column = [cells[at] if at < len(cells) else "" for cells in table]
        if not heading or any(w in heading for w in _ABOUT_CELLS + _HEADER_CELLS + _CODE_CELLS) \
                or not all(column) or any(len(c.split()) > 5 or re.search(r"[.;:!?]", c)
                                          for c in column):
            continue
        by_place: dict[str, set[str]] = {}
        for place, person in zip(column, whose, strict=True):
            if person and fold(place) != fold(person):
                by_place.setdefault(place, set()).add(person)
        return {place: next(iter(who)) for place, who in by_place.items() if len(who) == 1}
    return {}


_SURNAME_FIRST = re.compile(rf"^(?P<surname>(?:[{UPPER}]{{2,}}[{UPPER}'’-]*\s+){{1,3}})"
                            rf"(?P<given>[{UPPER}][a-zß-ÿ'’-]+(?:[\s-]+[{UPPER}][a-zß-ÿ'’-]+)*)$")


def surname_last(name: str) -> str:
    """'MOREL Jean-Baptiste', 'VAN DEN BERG Sanne': a list that prints the surname first,
    in capitals -> 'Jean-Baptiste Morel', 'Sanne van den Berg'."""
    match = _SURNAME_FIRST.match(name)
    if not match:
        return name
    surname = " ".join(w.lower() if w.casefold() in PARTICLES else w.capitalize()
                       for w in match.group("surname").split())
    return f"{match.group('given')} {surname}"


def codes_in_parens(line: str) -> list[tuple[str, str, bool]]:
    """'Ivan Herman (IH)', 'Ben Allen - Igalia (BAN)', 'Chris Williams (CW) Bert Belder
    (BB)': a name and, after it in the same entry, the initials that stand for it."""
    found = []
    start = 0
    for match in _CODE_IN_PARENS.finditer(line):
        code = match.group("code")
        segment = line[start:match.start()]
        start = match.end()
        names = [m.group("name") for m in PLAIN_NAME.finditer(segment)] or \
            [m.group() for m in re.finditer(rf"[{UPPER}][\w'’-]+", segment)]
        if not names:
            continue
        separated = re.search(r"\s[-–—]\s|,", segment) is not None
        name = clean_name(names[0] if separated else names[-1])
        if code.upper() != code and not code[:2].isupper() or \
                ORGANISATION_WORDS.intersection(name.casefold().split()):
            continue  # "Product Security Committee (PSC)" defines a body's acronym
        # "Shane Carr - Google (SFC)": after the organisation, the code is the person's;
        # "Ivan Herman (IBM)" right after a name may be the organisation: it must fit,
        # or the document must use such codes for people ("Nicolo (NRO)")
        if initials_fit(code, name, loose=True) or separated and code[:1] == name[:1]:
            found.append((name, code, True))
        elif code[:1] == name[:1]:
            found.append((name, code, False))
    return found


def header_line(block: Block) -> tuple[str, str, str] | None:
    """'**UN Women | Katja Pehrman | Senior Advisor**' -> (name, role, organisation): a
    line of two to four parts, one of them a personal name, heading the turn below."""
    if block.kind != "paragraph" or len(block.text) > 160 or block.text.count("|") not in (
            1, 2, 3):
        return None
    parts = [p.strip(" *_") for p in block.text.split("|")]
    names = [i for i, p in enumerate(parts) if plain_person_name(strip_prefix(p))]
    if len(names) != 1:
        return None
    at = names[0]
    before, after = parts[:at], parts[at + 1:]
    return strip_prefix(parts[at]), (after[0] if after else ""), \
        (before[0] if before else (after[1] if len(after) > 1 else ""))


def whole_bold(block: Block) -> bool:
    """A paragraph that is bold from end to end: a heading line, not prose."""
    return block.kind == "paragraph" and bool(block.bold) and \
        fold(block.bold[0]).strip(" :") == fold(block.text).strip(" :")


def interview_question(block: Block) -> bool:
    """'**What did the Firth look like when you started?**': an interviewer's question, set
    in bold above the answer, as a magazine prints a Q&A."""
    return whole_bold(block) and block.text.rstrip(" *_").endswith("?") and \
        len(block.text) <= 400


# a day, a month or a clock time: a line that says when something happens
WHEN = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                  r"February|March|April|June|July|August|September|October|November|"
                  r"December|\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\d{1,2}:\d{2})")


def bold_name_line(block: Block) -> tuple[str, str, str] | None:
    """'**Priya Raman**', '**Dr. Lena Fischer, University of Graz**', '**Moderator: Jonas
    Ekwall, Programme Lead, Network**' alone on its line: the person who speaks below it,
    with a role and an organisation when the line gives them."""
    if len(block.text) > 160 or not whole_bold(block):
        return None
    text = block.text.strip(" *_:")
    role = ""
    lead = re.match(r"^(?P<role>[^:,]{2,40}):\s+(?=\S)", text)
    if lead and is_role(lead.group("role")):
        role, text = lead.group("role").strip(), text[lead.end():]
    parts = [p.strip(" *_()") for p in re.split(r",\s+|\s+[–—-]\s+|\s+\(", text)
             if p.strip(" *_()")]
    if not parts or (len(parts) > 1 and re.search(rf"\b(?:{VERBS})\b", text)):
        return None  # a sentence in bold, not a name line
    if WHEN.search(text):
        return None  # "Lighthouse Books, Leeds — Thursday 6 June, 7pm": where and when
    name = strip_prefix(parts[0])
    if not plain_person_name(name) or is_role(name) or ORGANISATION_WORDS.intersection(
            name.casefold().split()):
        return None  # '*Chief Engineer, Northern Water Utility*' under a speaker's heading
    rest = parts[1:]
    if not role and rest and is_role(rest[0]) and not ORGANISATION_WORDS.intersection(
            rest[0].casefold().split()):
        role, rest = rest[0], rest[1:]
    return name, role, ", ".join(rest)


def delegation_header(block: Block) -> tuple[str, str, str] | None:
    """'**France | Minister for Foreign Affairs**': a bold header line naming a country or
    an organisation and a role, no person: the delegation speaks the turn below."""
    if block.kind != "paragraph" or len(block.text) > 160 or not 1 <= block.text.count("|") <= 3:
        return None
    if not any(fold(b).strip() == fold(block.text).strip() for b in block.bold):
        return None
    parts = [p.strip(" *_") for p in block.text.split("|")]
    first = parts[0]
    proper = rf"[{UPPER}][\w'’.-]*(?:\s+(?:of|the|and|de|du|des|[{UPPER}][\w'’.-]*)){{0,5}}"
    if not re.fullmatch(proper, first) or plain_person_name(first) or \
            first.split()[0].casefold() in NOT_NAME_WORDS:
        return None
    return first, parts[1] if len(parts) > 1 else "", ""


_ROLE_WORDS = re.compile(
    r"\b(?:director|chair|president|minister|secretary|advis[oe]r|officer|head|manager|"
    r"representative|ambassador|commissioner|founder|professor|lead|coordinator|"
    r"editor|author|member|ceo|cto|cfo|engineer|researcher|analyst|spokesperson|envoy|"
    r"rapporteur|judge|senator|deputy|vice|advocate|counsel|specialist|consultant|"
    r"chief|principal|fellow|prince|king|queen|mayor|governor|chancellor|delegate|treasurer|"
    r"trustee|clerk|councillor|councilor|spokesperson|panel+ist|keynote|speaker|host|"
    r"moderator|facilitator|presenter|discussant|interviewer|respondent|rapporteur|"
    r"provost|dean|registrar|bursar|rector|curator|conservator|archivist|librarian|"
    r"historian|scientist|economist|journalist|lecturer|architect|planner|lawyer|attorney)\b",
    re.I)


def _lists_people(body: str) -> bool:
    """', Rafael Ruiz (Treasurer), Sunita Bhatt': the comma goes on to another person."""
    first = re.split(r",\s*|\s+\(", body, maxsplit=1)[0].strip(" *")
    return bool(PREFIXED_NAME.fullmatch(first)) or \
        plain_person_name(first) and not is_role(first)


def is_role(text: str) -> bool:
    return bool(_ROLE_WORDS.search(text))


def _organisation_parts(parts: list[str]) -> list[str]:
    """Commas inside one organisation's name: 'Department of Management, Strategy, Policy
    and Compliance' is one part, 'United Nations' another."""
    out: list[str] = []
    for part in parts:
        words = part.split()
        inside = out and len(words) <= 3 and not part.isupper() and not any(
            w.casefold() in ORGANISATION_WORDS for w in words) and any(
            w.casefold() in ORGANISATION_WORDS for w in out[-1].split()) and len(out) > 1
        if inside:
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


ORGANISATION_WORDS = frozenset("""
agency alliance association bank board centre center coalition commission committee
council department division foundation fund group institute ministry nations network
office organisation organization programme program secretariat society union university
unit women company corporation inc ltd llc studios authority service services federation
bureau directorate institution trust forum platform partnership consortium laboratory
observatory academy college school hospital festival conference summit congress fair expo
awards museum gallery library books bookshop press publishing publishers records theatre
cinema
""".split())


def names_an_office(text: str) -> bool:
    """'Group Chief Executive Officer and Executive Director': an office, though a word
    of it ('Group') may name a body; 'Secretary of the Committee': the office, then of what."""
    first = re.split(r"\s+(?:and|of|for|to)\s+|,", text)[0].split()
    return bool(first) and first[-1].casefold().strip(".") in OFFICE_NOUNS


_HONORIFIC_STEMS = frozenset(h.rstrip(".") for h in HONORIFICS)


def appositive(after: str) -> tuple[str, list[str]]:
    """', Senior Advisor, Office of X at UN Women,' after a name -> role and organisations."""
    match = re.match(r"^\**\s*(?:\((?P<org>[^)]{2,80})\))?\s*,\s*(?P<body>[^.;:\n]{3,200})",
                     after)
    alone = re.match(r"^\**\s*\((?P<org>[^)]{2,80})\)", after)
    if not match and alone and is_role(alone.group("org")) and (
            not ORGANISATION_WORDS.intersection(alone.group("org").casefold().split())
            or names_an_office(alone.group("org"))):
        # "Rosa Achterberg (Chair of Trustees)."
        return alone.group("org").split(",")[0].strip(), []
    if not match and alone and alone.group("org").strip() in DELEGATIONS:
        return "", [alone.group("org").strip()]  # "Mr. Laurent Vasseur (France) said": his seat
    if not match:
        return "", []
    body = match.group("body")
    paren = match.group("org") or ""
    if paren and is_role(paren) and not ORGANISATION_WORDS.intersection(paren.casefold().split()):
        # "Dr. Helen Marsh (Chair), Rafael Ruiz (Treasurer), ...": the role is in the
        # parentheses; what follows the comma is the next person of a list
        return paren.split(",")[0].strip(), []
    if _lists_people(body) or body.strip() in _HONORIFIC_STEMS:
        return "", []  # ("..., Reps. A, B and C": the next people of a list)
    # the appositive ends where the sentence's verb begins: ", delivered the opening remarks"
    verb = re.search(rf"(?:,\s*|\s+)(?:{ADVERBS})(?:{VERBS}|was|is|who|and\s+[a-z])\b", body)
    if verb:
        body = body[: verb.start()]
    elif re.search(r"\b(?:said|noted|that|the event|was)\b", body):
        return "", []
    parts = _organisation_parts([p.strip(" *") for p in re.split(r",\s*", body)
                                 if p.strip(" *")])
    if parts and re.match(r"(?:the|a|an|our|its|their)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+$",
                          parts[0]) and is_role(parts[0].split()[-1]):
        # "Marta Lindgren, the museum's textile conservator, had ...": what she is here
        return re.sub(r"^(?:the|a|an|our|its|their)\s+", "", parts[0]), []
    if not parts or not parts[0][:1].isupper():
        return "", []
    role, organisations = parts[0], parts[1:]
    if not is_role(role) and ORGANISATION_WORDS.intersection(role.casefold().split()):
        role, organisations = "", parts  # ", University of Graz": where, not what
    at = re.match(r"(?P<role>.+)\s+at\s+(?:the\s+)?(?P<org>[A-Z].+)$", role)
    if at:  # "Senior Advisor ... at UN Women"
        role, organisations = at.group("role"), [at.group("org"), *organisations]
    of = re.match(r"(.+?)\s+of\s+(the\s+)?(?P<org>[A-Z].+?)(?:\s+(?:to|and|at|for|in)\s+.*)?$",
                  role)
    if of and not organisations:  # "Permanent Representative of Sierra Leone to the UN"
        organisations = [of.group("org")]
    if match.group("org"):
        organisations.insert(0, match.group("org"))
    return role, organisations


# "- Release updates (Jeremy Rickard @jeremyrickard)", "- KEP change [Kirsten Garrison]",
# "- Summit (@parispittman)": the person an agenda item names at its end presents it
_PERSON_OR_HANDLE = rf"(?:@[\w-]{{2,39}}|[{UPPER}][\w'’.-]+(?:\s+[{UPPER}][\w'’.-]+){{1,3}}" \
                    rf"(?:\s*\(?@[\w-]{{2,39}}\)?)?)"
_PRESENTER_AT_END = re.compile(rf"[(\[]\s*(?P<who>{_PERSON_OR_HANDLE}(?:\s*(?:,|/|&|\band\b)\s*"
                               rf"{_PERSON_OR_HANDLE})*)\s*[)\]]\W*$")


# "[Liggitt][ Slides ]", "(Ana Ruiz) [recording]": links after the presenter
_LINKS_AT_END = re.compile(r"(?:\s*\[\s*(?:slides?|deck|recording|video|notes|doc|link|"
                           r"demo)\s*\])+\W*$", re.I)
# "[Taylor Dolezal - Release Lead]": the presenter, then their role
_PRESENTER_WITH_ROLE = re.compile(rf"[(\[]\s*(?P<who>{_PERSON_OR_HANDLE})\s+[-–—]\s+"
                                  r"[^()\[\]]{2,60}[)\]]\W*$")
# "Securing Critical Projects - Amir Montazery and Jeff Mendoza": after a dash
_PRESENTER_AFTER_DASH = re.compile(rf"\s[-–—]\s+(?P<who>{_PERSON_OR_HANDLE}(?:\s*(?:,|/|&|\band\b)"
                                   rf"\s*{_PERSON_OR_HANDLE})*)[\s~*_]*$")
# "const evaluation (ecstatic-morse)", "unwind/ffi interaction — kyle/adam", "— qmx": a
# team's notes name who owns an item by their handle, in lower case
_HANDLES_AT_END = re.compile(r"(?:[(\[]\s*(?P<paren>[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)\s*[)\]]|"
                             r"\s[-–—]\s+(?P<dash>[a-z][\w-]{1,30}(?:\s*/\s*[a-z][\w-]{1,30})*))"
                             r"\W*$")
_COMPOUNDS = frozenset("""follow-up follow-ups long-term short-term mid-term opt-in opt-out
built-in add-on add-ons in-person on-site off-site co-chair co-chairs sign-off write-up
check-in re-run rerun non-blocking pre-rfc post-mortem high-level low-level tbd n-a wip
work-in-progress to-do to-dos one-off ad-hoc cross-team in-progress e-mail""".split())
_ONE_WORD_AT_END = re.compile(rf"[(\[]\s*(?P<who>[{UPPER}][\w'’-]{{2,30}})\s*[)\]]\W*$")


def agenda_presenters(item: str, one_word: bool = False) -> list[tuple[str, str]]:
    """(name, handle) for each presenter an agenda item names at its end; the name is
    the handle when only a handle is given; ``one_word``: a single capitalised word too
    ("[Liggitt]"), for a caller that checks it is someone the report knows."""
    item = _LINKS_AT_END.sub("", re.sub(r"~~[^~]+~~", "", item))  # struck out: gone
    match = _PRESENTER_AT_END.search(item) or _PRESENTER_WITH_ROLE.search(item) or \
        _PRESENTER_AFTER_DASH.search(item)
    handles = _HANDLES_AT_END.search(item) if not match else None
    if handles and handles.start() >= 3:
        nicks = re.split(r"\s*/\s*", handles.group("paren") or handles.group("dash"))
        if not any(n.casefold() in NOT_NAME_WORDS | NON_PERSON_LABELS | _COMPOUNDS
                   for n in nicks):
            return [(nick, nick) for nick in nicks]
    single = _ONE_WORD_AT_END.search(item) if one_word and not match else None
    if single and single.start() >= 3 and single.group("who").casefold() not in NOT_NAME_WORDS:
        return [(single.group("who"), "")]
    if not match or match.start() < 3:
        return []
    found = []
    for part in re.split(r"\s*(?:,|/|&|\band\b)\s*", match.group("who")):
        handle = re.search(r"@([\w-]{2,39})", part)
        name = strip_prefix(re.sub(r"\s*\(?@[\w-]+\)?", "", part).strip())
        if name and not plain_person_name(name):
            if found:
                break  # "(Dr Anjali Rao, Urban Heat Collaborative)": where she works
            return []
        found.append((name or handle.group(1), handle.group(1) if handle else ""))
    return found


def item_depths(block: Block) -> list[int]:
    """How deep each item of a list block is nested (0 at the top)."""
    depths = [len(line) - len(line.lstrip(" ")) for line in block.text.split("\n")
              if re.match(r"^\s*- ", line)]
    return [d // 2 for d in depths] if len(depths) == len(block.items) else [0] * len(block.items)


def presenters_with_notes(block: Block, one_word: bool = False) -> list[list[tuple[str, str]]]:
    """For each item of a list block, the presenters it names when notes are nested
    under it (an agenda item with its discussion), else []."""
    depths = item_depths(block)
    return [agenda_presenters(item, one_word) if i + 1 < len(depths) and depths[i + 1] > depths[i]
            else [] for i, item in enumerate(block.items)]

