"""The first pass over a document: everyone it names and every form that points to each
person (full names, surnames, first names, initials, nicks, roles), from participants
lists and tables, honorifics and titles, appositives, turn headers, labels and the
subjects of speech verbs."""

from __future__ import annotations

import collections
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ..designations import display_name
from ..names import fold, name_key
from ..records import Block, Person
from .evidence import (
    ORGANISATION_WORDS,
    appositive,
    bold_name_line,
    codes_in_parens,
    delegation_header,
    header_line,
    interview_question,
    is_role,
    names_an_office,
    presenters_with_notes,
    represented,
    table_people,
)
from .labels import (
    HANDLE,
    INITIALS,
    dash_label,
    derived_initials,
    initials_fit,
    label_alone,
    parse_label,
    role_holder,
    timed_line,
    trailing_asides,
)
from .names import (
    ADVERBS,
    DETERMINERS,
    NOT_NAME_WORDS,
    OFFICE_NOUNS,
    PAST_VERBS,
    PLAIN_NAME,
    POSTNOMINALS,
    PREFIXED_NAME,
    TITLE_WORDS,
    UPPER,
    VERBS,
    caps_displayed,
    clean_name,
    plain_person_name,
    split_prefix,
    strip_prefix,
    tokens,
    without_possessive,
)
from .vocabulary import (
    DELEGATIONS,
    HONORIFICS,
    NON_PERSON_LABELS,
    PARTICLES,
    ROLE_LABELS,
    TITLE_ABBREVIATIONS,
    TITLES,
)

ATTENDEE_HEADINGS = re.compile(
    r"\b(attendees?|attendance|present|participants?|members?|regrets|apologies|absent|"
    r"appearances|guests?|roll ?call|people|panel(?:ists|lists)?|speakers)\b"
    # "Who", "Who's who", "Who was on stage", "Who was there?"; not a title's question
    # ("Who pays for adaptation?")
    r"|^\W*(?:who['’]s who|who (?:was|were) (?:there|present|in the room)|who attended|"
    r"who came)\b|^\W*who\b(?![^?]*\?)", re.I)
_LIST_LABELS = (r"present|attendees?|participants?|regrets|before|coram|"
                r"appearances|witness(?:es)?|guests? speakers?|panel(?:lists?)?|"
                r"apologies|absent|guests?|chairs?|scribes?|note[- ]?takers?|"
                r"invited|observers?|staff|in attendance|also present|members present|"
                r"in the chair|moderators?|facilitators?|rapporteurs?|hosts?|"
                r"speakers?|presenters?|presenting|discussants?|respondents?|"
                r"judges?|judging panel|jury|mentors?|team(?: members)?|on the call|"
                r"experts?|adjudicators?|timekeepers?|attending")
# "Chair of the debate: Ms X", "Moderator for the session: Y"
_OF_THE_EVENT = (r"(?:\s+(?:of|for)\s+the\s+(?:debate|meeting|session|panel|evening|day|event|"
                 r"discussion|hearing|webinar|dialogue|conversation))?")
ATTENDEE_LINE = re.compile(rf"^\s*(?:[-*•]\s*)?(?P<label>{_LIST_LABELS}){_OF_THE_EVENT}"
                           r"\s*:\s*(?P<names>.+)$",
                           re.I | re.S)
CODE_LEGEND = re.compile(rf"^\s*(?:[-*•]\s*)?\**(?P<code>[{UPPER}](?:[a-z]?[{UPPER}]|-[{UPPER}])"
                         rf"{{1,4}})\**\s*[—–-]\s*\**(?P<name>[^,(\n*]{{3,60}})")
# roles a label gives a turn, not a person's office
TURN_ROLES = ("Questioner", "Answerer")
_OFFICES = "|".join(re.escape(t) for t in sorted({*TITLES, *ROLE_LABELS.values()} - {
    "Questioner", "Answerer"}, key=len, reverse=True))
OFFICE_THEN_NAME = re.compile(rf"\b[Tt]he\s+(?P<office>{_OFFICES})"
                              rf"(?:\s+of\s+(?:the\s+)?(?:[{UPPER}][\w'’-]*\s*)+"
                              # "the Independent Expert on security of tenure, Ms. X"
                              rf"|\s+(?:on|for)\s+[^,.;:()]{{3,120}}?)?,\s*")
# "elected Dr X (University of Y) as Chair", "Ana Ruiz was elected Rapporteur", "with
# Jonas Ekwall as moderator": what the meeting makes someone
ROLE_AS = re.compile(rf"(?:\s*\([^()]{{1,80}}\))?(?:,)?\s+(?:was\s+(?:re-?)?(?:elected|appointed|"
                     rf"named|designated)(?:\s+as)?|served\s+as|acted\s+as|acting\s+as|as)\s+"
                     rf"(?:the\s+|its\s+|their\s+)?(?:meeting['’]s\s+|session['’]s\s+)?"
                     rf"(?P<role>(?i:{_OFFICES}))\b")
# "The Rt Revd Dr X (Bishop of Y) took the Chair at 2.30 pm", "X was in the chair"
TOOK_THE_CHAIR = re.compile(r"(?:\s*\([^()]{1,80}\))?,?\s+(?:took|takes|was in|remained in|"
                            r"resumed|is in)\s+the\s+(?P<role>[Cc]hair)\b")
# "Proposed by Hamish Dunleavy, seconded by ...", "a question from Ravi Chandrasekar":
# the person after it speaks
SPOKE_BY = re.compile(r"\b(?:moved|seconded|proposed|tabled|raised|asked|put|given|"
                      r"delivered)\s+by\s+(?:the\s+)?"
                      r"(?:[A-Z]\.\s*)?$|\b(?:question|comment|intervention|remark)s?\s+"
                      r"(?:came\s+)?from\s+$", re.I)
# the first part of a heading that introduces someone's talk: "Presentation 2 — Name (Org)"
TALK = re.compile(r"\b(?:presentation|talk|lecture|keynote|address|remarks|briefing|question|paper|"
                  r"testimony|statement|"
                  r"speaker|presenter|panel+ist|discussant|moderator|respondent)s?\b", re.I)
# a heading that gives a speech to someone: "Opening statement by the Spokesperson"
SPEECH_BY = re.compile(r"\b(?i:statement|remarks|address|message|briefing|speech|"
                       r"presentation|intervention|keynote|welcome|testimony|introduction)"
                       r"\s+(?i:delivered\s+|given\s+|made\s+)?(?i:by|of)\s+(?P<who>.{2,80})$")
# "chaired by X" makes X the Chair; "host X" the Host (the nouns as role labels name them)
AGENT_ROLES = {"chaired": "Chair", "moderated": "Moderator", "facilitated": "Facilitator",
               "hosted": "Host", "presented": "Presenter", **{noun: ROLE_LABELS[noun] for noun in (
                   "host", "moderator", "chair", "facilitator", "interviewer", "rapporteur",
                   "spokesperson")}}
# "moderated by journalist Carolina Duarte-Vance", "moderated by the Director of the
# Institute for Climate and Labour, Park Seo-yeon": what they are may come first
ROLE_BY_AGENT = re.compile(rf"\b((?i:chaired|moderated|facilitated|hosted|presented))\s+by\s+"
                           rf"(?:the\s+[{UPPER}][^,;.()]{{2,80}},\s+(?=[{UPPER}])|"
                           rf"(?:[a-z][a-z-]+\s+){{1,2}}(?=[{UPPER}]))?")
# "host Marcus Tell", "Your host is Marcus Tell", "the moderator, Jonas Ekwall,", "The
# moderator, journalist Priya Raghunathan of the Coastal Ledger,"
ROLE_BEFORE_NAME = re.compile(r"(?<![\w-])((?i:host|moderator|chair|facilitator|interviewer|"
                              r"rapporteur|spokesperson))"
                              r"(?:\s+(?:is|was|will be|today is)|"
                              r",(?:\s+(?![a-z]+ed\b)[a-z][a-z-]+)?)?\s+"
                              rf"(?=[{UPPER}])")
# "The Vice-President of the Forum, Ana Lúcia Peixoto, moderated the dialogue"
ROLE_AFTER_NAME = re.compile(r"^(?:,[^,;.]{0,80},|,)?\s+(chaired|moderated|facilitated|hosted)\s+"
                             r"(?:the|this|today's)\s+(?:\w+\s+)?(?:session|dialogue|panel|"
                             r"discussion|meeting|event|debate|conversation|webinar|seminar|"
                             r"roundtable|round table|workshop|talkback|forum|Q&A)\b")
# "Responding to Yuki Tanaka-Morris, who asked ...": the one answered, a person
_REPLYING_TO = re.compile(r"\b(?:respond\w*|repl\w*|answer\w*|response|reaction|reacting)\s+to$",
                          re.I)
# a speech verb right after a name, an appositive or a parenthesis between:
# "Lena Okafor, Director at Acme, noted", "Name (the editor) said", "Name explained"
SPEECH_AFTER = re.compile(
    rf"^\**\s*(?:\([^()]{{1,100}}\)\s*)?"
    # "Stu Hood from Twitter agreed", "Jane Doe of Acme noted"
    # "Elspeth Mahoney of the University of Carran said"
    rf"(?:\s+(?:from|of|at|with)\s+(?:the\s+)?[{UPPER}][\w&.'’-]*"
    rf"(?:\s+(?:(?:of|for|and|de)\s+(?:the\s+)?)?[{UPPER}][\w&.'’-]*){{0,4}}"
    rf"(?=\s+{ADVERBS}(?:{VERBS})\b)\s+)?"
    # "..., Senior Adviser at the Alliance, who invited ...": a relative clause speaks too
    # (not "... at the reinsurer Tidewell Re, where she advises ..., spoke": a place)
    rf"(?:,(?!\s*(?:where|which)\b)\s*(?:[^.;:!?]{{1,320}}?),\s*(?=(?:who\s+)?{ADVERBS}(?:{VERBS})\b)"
    rf"|,\s*(?:the\s+|an?\s+)?[{UPPER}][^.;:!?,]{{1,200}}?\s+(?={ADVERBS}(?:{PAST_VERBS})\b))?"
    rf"(?:who\s+)?{ADVERBS}{DETERMINERS}(?:{VERBS})\b"
    # "..., who opened by reminding the audience ...", not "..., who had chaired ..."
    rf"|^,\s*who\s+(?:{VERBS})\b"
    # "Kemi took the first question and said ...", "nora came up and asked ..."
    # (a verb first: not "thanked X and the staff and closed", "X for her work and ...")
    rf"|^\s+(?!(?:and|or|for|the|a|an|of|to|in|on|with|at|from|by|as|who|which|that|"
    rf"whose|but)\b)(?:(?!and\b)[a-z][\w'’-]*\s+){{1,6}}and\s+{ADVERBS}(?:{PAST_VERBS})\b")

T = TypeVar("T")


# "Thanks Tomás for ...", "Hi Ana": a word before a name, not a given name
_GREETINGS = frozenset({"thanks", "thank", "hi", "hello", "hey", "dear", "welcome",
                        "congratulations", "congrats", "cheers", "ask", "per", "cc"})
_SURNAME_WORD = re.compile(rf"[{UPPER}][\w'’-]{{2,30}}")
_NOT_A_SURNAME = NOT_NAME_WORDS | TITLE_WORDS | OFFICE_NOUNS
_PLACE_BEFORE = re.compile(r"\b(?i:the|of|in|at|for|from|on|by)\s+$")
# the verb straight after the word: "Amankwah began by asking", "Benhaïm-Costa said"
_VERB_NEXT = re.compile(rf"\s+{ADVERBS}(?:{VERBS})\b")
APPOSED_VERB = re.compile(rf"^,\s*{ADVERBS}(?:{VERBS})\b")


JOINT = re.compile(rf"(?<![\w'’-])(?P<a>[{UPPER}][a-z]{{2,20}})\s+(?:and|&)\s+"
                   rf"(?P<b>[{UPPER}][a-z]{{2,20}})\s+{ADVERBS}(?:{VERBS})\b")


# "Lukas Rytz was also present on behalf of Lightbend", "Ana Ruiz attended"
PRESENT_AFTER = re.compile(r"^\s+(?:(?:was|were|is|are)\s+(?:also\s+)?(?:present|absent|"
                           r"in attendance|attending|representing)|(?:also\s+)?(?:attended|"
                           r"joined|represented|chaired|hosted|sent (?:her|his) regrets))\b")


# a capitalised word as the subject of a speech verb: "Felix believes", "Niko has"
SINGLE_SPEAKER = re.compile(rf"(?<![\w'’.-])(?P<name>[{UPPER}][a-z]{{2,20}})\s+{ADVERBS}"
                            rf"(?:{VERBS}|has|had)\b")


_GUEST_INTRO = re.compile(r"\b(?:[Ww]ith (?:me|us) (?:in the studio |today |tonight |now )?"
                          r"(?:is|are)|[Mm]y guests? (?:today |tonight |this week )?(?:is|are)|"
                          r"[Jj]oining (?:me|us) (?:in the studio |today )?(?:is|are))\s+")
_NICKNAMED = re.compile(rf"(?P<first>[{UPPER}][\w'’-]+)\s+[\"“'‘](?P<nick>[{UPPER}][\w-]+)"
                        rf"[\"”'’]\s+(?P<last>[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+)?)")
# "Words: Théo Marchand-Lutz · Photographs: ...", "Interview by X", "She talks to X about"
_BYLINE = re.compile(rf"(?:^\W*(?:Words|Text|Interview(?:ed)? by|Interview|By)\s*:?\s+|"
                     rf"\b(?:talks|talked|speaks|spoke|sat down|sits down) (?:to|with)\s+)"
                     rf"(?P<name>[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+){{1,2}})")
# "*Amara N'Diaye at Kessock Flats. Photograph: ...*": who is shown, not who is talked to
CAPTION_LINE = re.compile(r"^.{0,200}\b(?:Photo(?:graph)?s?|Image|Picture)\s*(?::|by)", re.S)


@dataclass
class Entry:
    name: str
    honorifics: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other forms: initials, nicks
    participant: bool = False  # named in a participants list or table
    # roles this meeting gives them ("Dame Harriet Ashworth (Chair)" in the attendance,
    # "President: Mr. X", "chaired by X"), before titles held elsewhere
    meeting_roles: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return name_key(self.name)

    def written_as(self, form: str) -> bool:
        """Whether ``form`` is this person's full name or one of their aliases as written
        (not a part that only resolves to them, "Okafor" for Lena Okafor)."""
        return fold(form) in {fold(f) for f in (self.name, *self.aliases)}

    def tokens(self) -> list[str]:
        if getattr(self, "_tokens_of", None) != self.name:  # the name may be replaced
            self._tokens = [t for t in tokens(self.name) if t not in PARTICLES]
            self._tokens_of = self.name
        return self._tokens


# "Amara Nwosu in conversation with Jonah Feld", "An evening with Dr Lena Okafor",
# "Keynote by Tariq Haddad": a title or a heading that announces who takes the stage
_INTRODUCING = re.compile(r"\b(?:in\s+(?:conversation|dialogue)|conversation|interview|evening|"
                          r"afternoon|morning|chat|talk|lecture|keynote|reading|q\s*&\s*a|"
                          r"session|address|remarks|presentation)\s+(?:with|by|from)\s+", re.I)


def introduced_people(heading: str) -> list[str]:
    found = []
    for match in _INTRODUCING.finditer(heading):
        after = PLAIN_NAME.match(strip_prefix(heading[match.end():]))
        if after and plain_person_name(after.group("name")):
            found.append(after.group("name"))
        before = re.search(rf"{PLAIN_NAME.pattern}\s*$", heading[:match.start()])
        if before and re.match(r"in\s", match.group(), re.I) and plain_person_name(
                before.group("name")):
            found.append(before.group("name"))  # "Amara Nwosu in conversation with ..."
    return found


def _extend(target: list[str], values) -> None:
    for value in values:
        if value and value not in target:
            target.append(value)


class Registry:
    """Everyone a report names, and the forms that point to each person."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        # text -> the people it names (speech.named_people), dropped when a person is added
        self.named_cache: dict[str, list] = {}
        # what while_unchanged worked out, for the people as they were (_kept_for)
        self._kept: dict[str, object] = {}
        self._kept_for: list[tuple[int, str, int]] = []
        self.common: collections.Counter = collections.Counter()
        self.fitting_codes = 0  # "Ivan Herman (IH)": codes that fit their names
        self.loose_codes: list[tuple[str, str]] = []  # "Nicolo (NRO)": only the initial
        self.label_counts: dict[str, int] = {}
        self.heading_owners: dict[str, str] = {}  # heading -> the person it gives the section
        self.handles = 0
        self.timed_turns = False  # a recorder's export: "Name   00:02:11" over each turn

    # building ----------------------------------------------------------------------------

    @classmethod
    def from_blocks(cls, blocks: tuple[Block, ...] | list[Block], title: str = "") -> Registry:
        """``title``: the report's, which may announce who is on stage."""
        registry = cls()
        # words the document writes in lower case, outside links, and how often
        registry.common = collections.Counter(
            w for b in blocks for w in re.findall(r"(?<![\w'’/.@-])[a-z][a-z'’-]+(?![\w/@])",
                                                  re.sub(r"\S*(?:://|www\.|@)\S*", " ", b.text)))
        for block in blocks:
            if block.voice and plain_person_name(strip_prefix(block.voice[0])):
                # a mail's sender, a captioned speaker
                registry.add_plain(strip_prefix(block.voice[0]), participant=True)
            registry._participants(block)
            registry._dot_leader_entry(block.text)
            if declared := _SELF_DECLARED.match(block.text):
                # "I, Carmen Ruiz, Certified Court Reporter, certify ...": who signs
                name = strip_prefix(clean_name(declared.group("name")))
                if plain_person_name(name):
                    registry.add_plain(name)
            if moved := MOTION_LINE.match((block.lines or (block.text,))[0]):
                registry._participant(moved.group("who"))  # "Moved: X (Branch)"
            if block.kind == "list":
                registry._presenters(block)
            header = header_line(block) or delegation_header(block) or bold_name_line(block)
            if header:
                registry.add_plain(*header)
        if registry.fitting_codes >= 3:  # a document that gives people codes
            for name, code in registry.loose_codes:
                registry.add_plain(name, alias=code, participant=True)
        # "## Witnesses: Dr Chidi Okafor, Director, ..., and Ms Hanne Berg, ...": people
        # a heading introduces
        for heading in dict.fromkeys([title, *(h for b in blocks for h in b.section_path)]):
            for match in PREFIXED_NAME.finditer(heading):
                registry._add_prefixed(match, heading)
            for name in introduced_people(heading):
                registry.add_plain(name)
        for block in blocks:
            for text in map(caps_displayed, block_texts(block)):
                for match in PREFIXED_NAME.finditer(text):
                    registry._add_prefixed(match, text)
                for match in PLAIN_NAME.finditer(text):
                    registry._add_plain_speaker(match, text)
                for match in _CAPS_NAME.finditer(text):
                    registry._add_caps_speaker(match, text)
                for match in FIRST_NAME_SPEAKER.finditer(text):
                    registry._add_first_name_speaker(match, text)
                for name in panel_introduced(text):
                    registry.add_plain(name)
        registry._surnamed_later([title, *(t for b in blocks for t in block_texts(b))])
        registry._cue_names(blocks)
        for block in blocks:
            for text in block_texts(block):
                registry._roles_by_agent(text)
                registry._role_holders(text)
        registry._labels(blocks)
        registry._timed_turn_lines(blocks)
        registry._codes_in_prose(blocks)
        registry._heading_owners(blocks)
        registry._interview(blocks, title)
        registry._nicknames(blocks, title)
        registry._guests(blocks)
        for block in blocks:
            for text in block_texts(block):
                registry._joint_subjects(text)
        registry._names_inside_handles(blocks)
        registry._first_names_in_full([title, *(t for b in blocks for t in block_texts(b))])
        registry._merge_misspelt()
        registry._prefer_written_spelling(blocks)
        registry.named_cache.clear()  # aliases were added on the way
        return registry

    def _handles_spelt_out(self, blocks, handles: dict[str, Entry]) -> None:
        """'seconded by josh triplett' where 'joshtriplett' takes turns: a handle that is
        two words of the text run together is that person."""
        wanted = {h.casefold(): e for h, e in handles.items() if " " not in e.name}
        for block in blocks:
            # overlapping pairs of words: every word with the word after it
            for match in re.finditer(r"(?<![\w-])(?=([^\W\d_]{2,20})\s+([^\W\d_]{2,20})(?![\w-]))",
                                     block.text):
                entry = wanted.get((match.group(1) + match.group(2)).casefold())
                if entry is not None and " " not in entry.name:
                    full = " ".join(w[:1].upper() + w[1:] for w in match.groups())
                    _extend(entry.aliases, [entry.name])
                    entry.name = full

    def _names_inside_handles(self, blocks) -> None:
        """'Felix believes ...' where 'pnkfelix' takes turns: a name used as the subject of
        a speech verb that is part of exactly one chat handle is that handle's person."""
        handles = {name: entry for entry in self.entries
                   for name in (entry.name, *entry.aliases) if HANDLE.match(name)}
        if not handles:
            return
        self._handles_spelt_out(blocks, handles)
        for block in blocks:
            for text in block_texts(block):
                for match in SINGLE_SPEAKER.finditer(text):
                    word = match.group("name")
                    if word.casefold() in NOT_NAME_WORDS or word.casefold() in self.common \
                            or self.resolve_name(word):
                        continue
                    owners = {id(e): e for h, e in handles.items()
                              if word.casefold() in h.casefold() and len(word) >= 3}
                    if len(owners) == 1:
                        entry = next(iter(owners.values()))
                        _extend(entry.aliases, [word])

    def _joint_subjects(self, text: str) -> None:
        """'Andrew and Bill presented': a first name beside a known person, both subjects
        of one speech verb, is a person too."""
        for match in JOINT.finditer(text):
            first, second = match.group("a"), match.group("b")
            known = [w for w in (first, second) if self.resolve_name(w)]
            if len(known) == 1:
                other = second if known[0] == first else first
                if other.casefold() not in NOT_NAME_WORDS and len(other) >= 3:
                    self.add_plain(other)

    def _presenters(self, block: Block) -> None:
        """'- Release updates (Jeremy Rickard @jeremyrickard)' with notes under it."""
        for who in presenters_with_notes(block):
            for name, handle in who:
                self.add_plain(name, alias=handle if handle != name else "")

    def _participants(self, block: Block) -> None:
        """Participants lists and tables: names, with initials or nicks when given."""
        if block.kind == "table" and len(block.items) > 1:
            for name, code, organisation, role in table_people(block.items):
                # "Trustee; Chair, Finance, Audit and Risk Committee": two roles
                roles = [r.strip() for r in role.split(";") if r.strip()] or [""]
                entry = self.add_plain(name, role=roles[0], organisation=organisation,
                                       alias=code, participant=True)
                _extend(entry.roles, roles[1:])
            for place, name in represented(block.items).items():
                # "**VALDERRA** — Strongly recognises ...": the city speaks through its mayor
                self.add_plain(name, alias=place)
            return
        listing = under_attendees(block.section_path)
        lines = list(block.items or block.lines or (block.text,))
        for line in lines:
            found = _attendee_sentences(line)
            checkbox = re.match(r"^\s*(?:[-*•]\s*)?\[[ xX]\]\s+", line)  # "- [x] Ana Ruiz - Acme"
            for listed in found:
                self._listed_people(listed)
            if not found and (listing or checkbox) and not self._participant(line):
                # "- **Jean-Baptiste Kouyaté** has guided boat trips ...": the guest in bold
                lead = next((b for b in block.bold if line.lstrip(" -*•").startswith(b)), "")
                if lead and plain_person_name(strip_prefix(lead)):
                    self._participant(lead)
            codes = codes_in_parens(line)
            if not (listing or found or block.kind == "list" or len(codes) >= 2):
                codes = []  # "... Remote Procedure Call (RPC)" in prose defines a term
            for name, code, fits in codes:
                if fits:
                    self.fitting_codes += 1
                    self.add_plain(name, alias=code, participant=True)
                else:
                    self.loose_codes.append((name, code))
            legend = CODE_LEGEND.match(line)
            if legend and plain_person_name(legend.group("name").strip()) and initials_fit(
                    legend.group("code").replace("-", ""), legend.group("name"), loose=True):
                # "- **RS-O** — Renata Szymańska-Obi, partner at ...": the code she goes by
                self.fitting_codes += 1
                self.add_plain(legend.group("name").strip(), alias=legend.group("code"),
                               participant=True)
        if listing and block.kind == "paragraph" and block.lines:
            for line in block.lines:  # "nick<TAB>Full Name" lines of a participants block
                cells = [c for c in re.split(r"\t+|\s{2,}", line.strip()) if c]
                if len(cells) == 3 and re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", cells[0]):
                    cells = cells[1:]
                if len(cells) == 2 and HANDLE.match(cells[0].strip()) or len(cells) == 2 \
                        and plain_person_name(cells[1]):
                    if plain_person_name(cells[1]):
                        self.add_plain(cells[1], alias=cells[0], participant=True)

    def _listed_people(self, listed: re.Match) -> None:
        """'Present: A, B and C', 'Chair: Ana Ruiz': each person, with the role the
        label gives them at this meeting."""
        # "A (Chair); B; C": semicolons part people whose entries hold commas and "and"
        parts_at = r"\s*;\s*(?![^()]*\))" if ";" in listed.group("names") else \
            r"\s*[,;]\s*(?![^()]*\))|\s+(?:and|/)\s+(?![^()]*\))"
        label = fold(listed.group("label")).rstrip("s")
        line_role = "Chair" if label == "in the chair" else ROLE_LABELS.get(label, "")
        # the list ends with its sentence: "... (Common Ground). 19 residents attended"
        # "... (data eng). Anh Đỗ on leave until Thu.", "... (Diocese). Tellers: ..."
        names, *later = re.split(rf"(?<!\b[{UPPER}])\.\s+(?=\d|(?:[{UPPER}]\.\s+)*"
                                 rf"(?:[{UPPER}][\w'’-]+\s+){{1,3}}(?:\([^()]*\)\s+)?"
                                 rf"(?!and\b)[a-z]|"
                                 rf"[{UPPER}][\w'’ -]{{0,30}}:)",
                                 listed.group("names"))
        # "APPEARANCES: For the Union: A, counsel; B. For the Employer: C, counsel": each
        # side's people
        sides = [m for m in later if _FOR_A_SIDE.match(m)]
        later = [m for m in later if m not in sides]
        parts = [person for chunk in (names, *sides) for part in re.split(parts_at, chunk)
                 for person in _people_of(part)]
        # "... (pictures, RdlP). J. R. Whitcombe (legal, JRW) joined by phone": one more
        parts += [m.group("who") for sentence in later
                  if (m := re.match(r"(?P<who>[^()]{3,60}\([^()]{1,60}\))\s+[a-z]", sentence))]
        previous = None
        for part in parts:
            office = part.strip(" .")
            if previous and "(" not in office and (office in TITLES or names_an_office(office)) \
                    and not PREFIXED_NAME.match(office) and \
                    not plain_person_name(strip_prefix(office)):
                # "BEFORE: Priya Ramaswamy, Sole Arbitrator": what the one before is (a
                # role held, not this meeting's: "Moira X, Chair, Advisory Group on ...")
                _extend(previous.roles, [office])
                previous = None
                continue
            entry = previous = self._participant(part)
            if entry and line_role and line_role not in ("Speaker", "Presenter", "Participant"):
                _extend(entry.meeting_roles, [line_role])
                _extend(entry.roles, [line_role])

    def _participant(self, text: str) -> Entry | None:
        text = re.sub(r"^\s*(?:[-*•]\s*)?(?:\[[ xX]?\]\s*)?(?:and\s+)?", "", text)
        # "@Lena Vogt (SRE on-call)": a wiki's mention of the person, by her full name
        text = re.sub(rf"^@(?=[{UPPER}][\w'’-]*\s+[{UPPER}])", "", text)
        text = _FOR_A_SIDE.sub("", text)  # "For the Union: Simone Delacroix, counsel"
        text = caps_displayed(text, listed=True)  # "JUSTICE PER HALVORSEN", "ADAEZE OYELARAN"
        # "Siobhán Ní Bhriain of the Lower Quays Residents' Association": where she is from
        from_where = re.match(rf"^((?:\S+\s+){{1,4}}?\S+)\s+(?:of|from)\s+(?:the\s+)?[{UPPER}]",
                              text.strip())
        if from_where and plain_person_name(strip_prefix(from_where.group(1))):
            text = from_where.group(1)
        # "Colm Ó Dálaigh (editor, CÓD)", "Mei-Ling Saavedra (data desk, MLS — notes)": the
        # code she goes by in the notes, after her desk
        codes = [code for group in re.findall(r"\(([^()]{2,80})\)", text)
                 if INITIALS.match(code := re.split(r"\s+[-–—]\s+", group.split(",")[-1])[0]
                                   .strip())]
        for code in codes:
            text = re.sub(rf",\s*{re.escape(code)}(?=\s*(?:\)|[-–—]))", "", text)
        # "Dame Harriet Ashworth (Chair)": a role in the parentheses is hers
        role = next((r.strip() for r in re.findall(r"\(([^)]{2,40})\)", text)
                     if is_role(r) and not r.strip().isupper()), "")
        # "(Engagement Partner, Khoo & Partners PLT, External Auditor)": each office in it;
        # "(Vice-Chancellor, in the Chair)", "(University Secretary and Secretary to Senate)"
        offices = ["Chair" if fold(p) == "in the chair" else p.strip()
                   for group in re.findall(r"\(([^)]{2,120})\)", text)
                   for p in re.split(r",|;|\s+and\s+(?=[A-Z])", group)
                   if fold(p) == "in the chair" or names_an_office(
                       re.split(r"\s+(?:to|of|for)\s+", p.strip())[0])]
        # "Yuki Tanabe-Ross (@ytr)": the handle she is called by in the notes
        handle = re.search(r"\(@([A-Za-z0-9][\w.-]{1,30})\)", text)
        text = re.sub(r"\s*\([^)]*\)\s*", " ", text)
        # 'Oluwakemi "Kemi" Adeyemi (design)': listed with the name she goes by
        nicknamed = _NICKNAMED.search(text)
        if nicknamed:
            text = text.replace(nicknamed.group(0),
                                f"{nicknamed.group('first')} {nicknamed.group('last')}")
        parts = [p.strip(" .*_") for p in re.split(r"\s+[-–—|]\s+|,\s*|\s+\(|:\s", text.strip())]
        name = strip_prefix(parts[0])
        # "Priya Ramaswamy, Sole Arbitrator": the office after the name
        offices += [p for p in parts[1:2] if p in TITLES or names_an_office(p)]
        roles = list(dict.fromkeys([role] + offices if role else offices))
        if not plain_person_name(name) and len(parts) > 1 and is_role(parts[0]) and \
                plain_person_name(strip_prefix(parts[1])):
            # "Cathaoirleach and Mayor of the District, Cllr Siobhán Reddy": the role
            # first, each of its parts hers
            name = strip_prefix(parts[1])
            roles += re.split(r"\s+and\s+", parts[0])
        if plain_person_name(name) and name.split()[-1].casefold() not in _PLACE_WORDS:
            entry = self.add_plain(name, role=role, participant=True)
            _extend(entry.aliases, [m.group(1) for m in (handle,) if m])
            _extend(entry.aliases, [m.group("nick") for m in (nicknamed,) if m])
            _extend(entry.aliases, [c for c in codes if initials_fit(c, name, loose=True)])
            _extend(entry.roles, roles)
            _extend(entry.meeting_roles, roles)
            return entry
        if re.fullmatch(rf"[{UPPER}][\w'’-]{{1,20}}", name) and not _prose_sentence(text) and \
                name.casefold().strip(".") not in (NOT_NAME_WORDS | OFFICE_NOUNS
                                                   | NON_PERSON_LABELS | POSTNOMINALS):
            return self.add_plain(name, participant=True)  # "Present: Dan, David, Tess"
        return None

    def _add_prefixed(self, match: re.Match, text: str) -> None:
        name = clean_name(match.group("name"))
        name = _without_trailing_acronym(name)
        name = without_possessive(name)  # "Justice Okwu's point": Okwu
        while len(name.split()) > 2 and name.split()[-1].casefold().strip(".") in POSTNOMINALS:
            name = name.rsplit(" ", 1)[0]  # "Professor T. J. Ashworth-Kane FREng"
        if len(name) < 2 or name.isupper() and not _caps_surname(name) or \
                any(w.casefold() in NOT_NAME_WORDS for w in name.split()) or \
                all(w.casefold() in TITLE_WORDS for w in name.split()) or \
                name.split()[-1].casefold() in OFFICE_NOUNS:
            return  # "Chief Executive Officer": a title, then the rest of an office's name
        # "Mr. MURKOWSKI", "Dr Nodira S. RAHIMOVA": the surname as records print it
        name = " ".join(display_name(w) if len(w) > 1 and w.isupper() and
                        not _ROMAN.fullmatch(w) else w for w in name.split())
        honorifics, titles = split_prefix(match.group("prefix"))
        entry = self._merge_in(name)
        _extend(entry.honorifics, honorifics)
        _extend(entry.titles, titles)
        role, organisations = appositive(text[match.end():])
        _extend(entry.roles, [role])
        if role or organisations:
            _extend(entry.organisations, organisations)

    def _add_plain_speaker(self, match: re.Match, text: str) -> None:
        """A full name with no honorific is a person when the text uses it as one: the
        subject of a speech verb, or followed by an appositive giving a role."""
        name = strip_prefix(clean_name(match.group("name")))  # "Mr Peter Lahiff" -> the name
        first_word, _, rest_of_name = name.partition(" ")
        meeting_role = ROLE_LABELS.get(first_word.casefold(), "")
        if meeting_role and meeting_role not in TURN_ROLES and len(rest_of_name.split()) >= 2:
            name = rest_of_name  # "Host Marcus Delacroix-Ibe opens the session": the host
        else:
            meeting_role = ""
        if not plain_person_name(name):
            return
        before = text[:match.start()].rstrip()
        if before.endswith(tuple(HONORIFICS)):
            return  # seen with its honorific already
        moved_by = SPOKE_BY.search(text[:match.start()])
        if not moved_by and re.search(r"\b(?:at|in|on|into|near|to|from|of|across|around)"
                                      r"(?:\s+the(?:\s+[a-z]+)?)?$", before) and \
                not _REPLYING_TO.search(before):
            # "the programme at Mill Lane, the Director explained", "£640,000 from the
            # regional Homelessness Prevention Grant top-up and expected ...": a place or a
            # fund; "Responding to Yuki Tanaka-Morris, who asked ...": a person
            return
        first, _, rest = name.partition(" ")
        if first.casefold() in self.common and (" " not in rest or self.resolve_name(rest)):
            return  # "Like Ivan said", "Thanks Tzviya": a common word before a name
        after = text[match.end():]
        role, organisations = appositive(after)
        # "The Treasurer, Jonah Okereke-Simms, explained": the name in apposition speaks
        apposed = before.endswith(",") and APPOSED_VERB.match(after)
        if not SPEECH_AFTER.match(after) and not (role and is_role(role)) and \
                not PRESENT_AFTER.match(after) and not moved_by and not apposed:
            return
        if ORGANISATION_WORDS.intersection(w.casefold() for w in name.split()):
            return  # "the Delta Basin Authority, begins with": where they work
        entry = self._merge_in(name)
        if meeting_role:
            _extend(entry.roles, [meeting_role])
            _extend(entry.meeting_roles, [meeting_role])
        if role and is_role(role):
            _extend(entry.roles, [role])
            _extend(entry.organisations, organisations)

    def _add_caps_speaker(self, match: re.Match, text: str) -> None:
        """'LUCÍA FERNÁNDEZ ARCE (Uruguay), speaking for the Group of 77, said ...', 'PENIEL
        MBATHA-KRUGER, Director of ..., said': a full name as a meetings-coverage release
        prints its speakers, in capitals before their seat or role."""
        name = display_name(match.group("name"))
        after = text[match.end():]
        if not all(re.search(r"[AEIOUYÀ-ÖØ-Ý]", w) for w in match.group("name").split()):
            return  # "LLVM IR (...)": an acronym, not a name
        if not plain_person_name(name) or fold(name) in _DELEGATION_NAMES or \
                any(w.casefold() in ORGANISATION_WORDS | NOT_NAME_WORDS for w in name.split()) \
                or not (SPEECH_AFTER.match(after) or APPOSED_VERB.match(after)):
            return
        entry = self.resolve_name(name) or self._merge_in(name)
        role, organisations = appositive(after)
        if role and is_role(role):
            _extend(entry.roles, [role])
        _extend(entry.organisations, organisations)  # "(Japan)": her seat

    def _dot_leader_entry(self, text: str) -> None:
        """'Moderator ........ Claire Dunmore (Northgate Insight)', 'P2 ....... Tariq
        Hussain, 34, bus driver': a cast list's line, the part or the code, then who."""
        match = _DOT_LEADER.match(text)
        if not match:
            return
        name = re.split(r",|\(|\s[-–—]\s", match.group("who"))[0].strip()
        if not plain_person_name(name):
            return
        key = trailing_asides(match.group("key"))[0]
        role = ROLE_LABELS.get(key.casefold(), "")
        code = key if not role and re.fullmatch(r"[A-Z][A-Za-z]{0,3}\d{0,3}", key) else ""
        entry = self.add_plain(name, role=role, alias=code, participant=True)
        if role:
            _extend(entry.meeting_roles, [role])

    def _cue_names(self, blocks) -> None:
        """'RAFAEL', 'MAUREEN (O.S.)' alone on a line above the words, as a script or a
        transcript set out like one prints who speaks: people, when at least two such
        names come back as cues; the full name in capitals where the text introduces
        them ('The moderator, HELGA BRANDT-OSEI, stands ...')."""
        cues = collections.Counter(
            cue for block, after in zip(blocks, blocks[1:], strict=False)
            if (cue := script_cue(block)) and not script_cue(after) and after.kind == "paragraph"
            and cue.casefold() not in self.common)
        # cues the layout already read ("OSWALDO" over his words, as a voice)
        cues.update(name for b in blocks if b.voice and b.voice[0].isupper()
                    for name in re.split(r"\s+AND\s+|\s*/\s*", b.voice[0]))
        if len(cues) < 2 or sum(cues.values()) < 4 or max(cues.values()) < 2:
            return  # headings in capitals come once each
        text = "\n".join(b.text for b in blocks)
        for cue in cues:
            # "DR. OKAFOR": the Okafor the text names, if it names one
            if cue.casefold() in ROLE_LABELS or self.resolve_name(strip_prefix(display_name(cue))):
                continue  # "MODERATOR": a role, whoever holds it
            full = re.search(rf"(?<![\w-]){re.escape(cue)}(?:\s+[{UPPER}][{UPPER}'’-]+){{1,2}}"
                             rf"(?![\w-])", text) if " " not in cue else None
            name = display_name(full.group()) if full else display_name(cue)
            entry = self.add_plain(name, participant=True)
            if full:
                _extend(entry.aliases, [display_name(cue)])

    def _first_names_in_full(self, texts: list[str]) -> None:
        """'A (Tobias): ...' where the text names 'Tobias Renn, head of people' once: the
        first name a label gives is the one full name in the text it begins, when no word
        of that name is written in lower case and no one else has that first name."""
        short = {e.name: e for e in self.entries if len(e.tokens()) == 1 and
                 re.fullmatch(rf"[{UPPER}][a-zà-ÿ'’-]{{2,}}", e.name)}
        if not short:
            return
        full: dict[str, set[str]] = collections.defaultdict(set)
        for text in texts:
            for match in PLAIN_NAME.finditer(text):
                words = clean_name(match.group("name")).split()
                if words[0] in short and plain_person_name(" ".join(words)) and \
                        len(words) <= 3 and not any(w.casefold() in self.common or
                                                    w.casefold() in ORGANISATION_WORDS
                                                    for w in words):
                    full[words[0]].add(" ".join(words))
        for first, names in full.items():
            if len(names) == 1 and not any(e.tokens()[:1] == [fold(first)] and e is not short[first]
                                           for e in self.entries):
                entry, name = short[first], next(iter(names))
                if self._find_full(name) is None:
                    _extend(entry.aliases, [entry.name])
                    entry.name = name

    def _surnamed_later(self, texts: list[str]) -> None:
        """'... sat down with broadcaster Rupert Amankwah', then 'Amankwah began by asking':
        a full name a write-up gives once, in any sentence, is the person its surname
        speaks for, when it fits one such name only."""
        by_word: dict[str, set[str]] = collections.defaultdict(set)
        for text in texts:
            for match in PLAIN_NAME.finditer(text):
                name = strip_prefix(clean_name(match.group("name")))
                words = name.split()
                if len(words) == 3 and text.endswith("of ", 0, match.start()):
                    # "Deputy Minister of Foreign Affairs of Kessaly Amara Nwosu-Delacroix":
                    # the country, then her name
                    name, words = " ".join(words[1:]), words[1:]
                # weaker evidence than a speech verb: no word of it the document writes in
                # lower case ("Human Resources", "Eastern Mediterranean Region"), none run
                # together ("PlantFactory Demo Video")
                if len(words) > 3 or words[0].casefold() in _GREETINGS or any(
                        w.casefold() in self.common or w.casefold() in ORGANISATION_WORDS or
                        re.search(r"[a-z][A-Z]", w) for w in words) or \
                        not plain_person_name(name) or self.resolve_name(name):
                    continue
                # the surname: the first word alone is as often a firm ("Nordvik Materials")
                by_word[words[-1]].add(name)  # as written: "LAKE SELWYN replied" is a place
        surnames = {word: next(iter(names)) for word, names in by_word.items()
                    if len(names) == 1 and _SURNAME_WORD.fullmatch(word)
                    and word.casefold() not in self.common
                    and word.casefold() not in _NOT_A_SURNAME
                    and fold(word) not in _DELEGATION_NAMES}
        if not surnames:
            return
        # each such surname, alone: one search for all of them
        alone = re.compile(r"(?<![\w.'’-])(?:" + "|".join(
            re.escape(w) for w in sorted(surnames, key=len, reverse=True)) + r")(?![\w'’-])")
        for text in texts:
            for match in alone.finditer(text):
                if not _VERB_NEXT.match(text, match.end()) or \
                        _PLACE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                    continue  # "the Azure team said", "at Mill Lane, ... explained": places
                name = surnames[match.group()]
                if not self.resolve_name(name):
                    self.add_plain(name)

    def _add_first_name_speaker(self, match: re.Match, text: str) -> None:
        """'Janet (Willow Court) said ...', 'Marguerite, who runs the toddler group, said
        ...': a resident or a member of the public the report names by first name only,
        then places; a person when the word is no word the document writes in lower case,
        no office, country or body."""
        name = match.group("name")
        folded = name.casefold()
        if folded in self.common or folded in NOT_NAME_WORDS | TITLE_WORDS | OFFICE_NOUNS | \
                NON_PERSON_LABELS or folded in ORGANISATION_WORDS or \
                fold(name) in _DELEGATION_NAMES or self.resolve_name(name) or \
                not SPEECH_AFTER.match(text[match.end():]):
            return
        self._merge_in(name)

    def _merge_in(self, name: str) -> Entry:
        """The entry for a name: found, or new; a fuller form absorbs a short one seen
        earlier ("Ms. Lopez" then "Martha Lopez")."""
        self.named_cache.clear()
        if name.isupper() and " " in name:
            name = display_name(name)  # "SELIN AYDOĞAN-ROTH" as a release prints her
        entry = self.resolve_name(name)
        if entry is not None:
            if fold(name) != fold(entry.name):
                if len(tokens(name)) > len(entry.tokens()) and \
                        entry.tokens() == tokens(name)[-len(entry.tokens()):]:
                    entry.aliases.append(entry.name)
                    entry.name = name
                else:
                    _extend(entry.aliases, [name])
            return entry
        entry = Entry(name)
        words = entry.tokens()
        # "Ambassador Ruiz" seen before "Carmen Ruiz Echeverría": the first of two surnames
        paternal = words[-2:-1] if len(words) >= 3 else None
        for other in list(self.entries):
            # "Mr Almeida Castro" seen before "Mr Pedro ALMEIDA CASTRO": his surnames
            surnames = 0 < len(other.tokens()) < len(words) and \
                other.tokens() == words[-len(other.tokens()):]
            if len(words) > 1 and (surnames or other.tokens() == paternal):
                self.entries.remove(other)
                entry.aliases.extend([other.name, *other.aliases])
                entry.honorifics.extend(other.honorifics)
                entry.titles.extend(other.titles)
                entry.roles.extend(other.roles)
        self.entries.append(entry)
        return entry

    def _labels(self, blocks) -> None:
        """Turn labels: a label is a person when it looks like a name, or is known."""
        found: dict[str, list] = {}
        # words the document also writes in lower case are common words, not names:
        # "Either:", "Your:", "Minimal:"
        common = self.common
        # "- Staffing: several participants asked ...", "- Safety: lighting on ...": a run
        # of one-word labels over lower-case notes, each a word the document writes, are
        # a findings list's topics
        runs: list[list[str]] = []
        run: list[str] = []
        for block in blocks:
            for text in block_texts(block, lines=True):
                label = parse_label(text)
                topic = _topic_label(label, text, common)
                run = [*run, topic] if topic else run
                if not topic:
                    runs.append(run)
                    run = []
                dashed = dash_label(text) if label is None else None
                if dashed and dashed.kind == "handle":
                    label = dashed  # "nikhita - Big shoutout to ...", where others do the same
                if label is None and text == block.text and block.kind == "paragraph":
                    # "Josh:" alone above his turn; a lower-case word alone ("semicolon:")
                    # is someone only where it also takes turns
                    label = label_alone(text)
                    label = label if label and label.kind == "name" else None
                if not label or label.kind in ("role", "designation", "column"):
                    continue  # a column label is someone only when the document names them
                for name in label.names:
                    seen = found.setdefault(name, [0, label])
                    seen[0] += 1
        self.label_counts = {name: count for name, (count, _) in found.items()}
        # (not "- Josh: this may not ... - Felix: the archive system ...": turns, by
        # people who speak again)
        topics = {name for run in (*runs, run) if len(run) >= 2 and
                  all(self.label_counts.get(n) == 1 for n in run) for name in run}
        self.handles = sum(1 for name in found if HANDLE.match(name))
        for name, (count, label) in found.items():
            if name in topics:
                continue
            known = self.resolve_name(name)
            if known:
                _extend(known.roles, [_office(label.role)])  # "Q (Maria):" asks; no office
                _extend(known.organisations, [label.organisation])
                _extend(known.honorifics, label.honorifics)
            elif label.kind == "name" and (meant := self.misspelt(name)):
                _extend(meant.aliases, [name])  # "Dermot Bradly", "Ahn"
            elif label.kind == "name" and _label_reads_as_name(name, count, common):
                self.add_plain(name, role=_office(label.role), organisation=label.organisation)
            elif label.kind == "handle" and (self.handles >= 3 or count >= 2):
                self.add_plain(name, role=_office(label.role), organisation=label.organisation)

    def _timed_turn_lines(self, blocks) -> None:
        """A recorder's export, where a line of a name and a time opens each turn: once
        most such lines name someone, a line naming one by a first name alone ("Gráinne
        00:17:02") is a turn too, and so hers."""
        lines = [(block.text, said) for block in blocks
                 if block.kind == "paragraph" and (said := timed_line(block.text))]
        named = [said for text, said in lines if (label := parse_label(text)) and
                 label.kind == "name" and len(label.names[0].split()) >= 2]
        # a podcast's "MAYA (00:03:12)": a name in capitals that comes back, turn after turn
        cues = collections.Counter(said for _, said in lines if re.fullmatch(
            rf"[{UPPER}][{UPPER}'’-]+(?:\s+[{UPPER}][{UPPER}'’-]+){{0,2}}", said))
        recurring = {said: count for said, count in cues.items() if count >= 2}
        turn_lines = len(named) + sum(recurring.values())
        self.timed_turns = turn_lines >= 3 and 2 * turn_lines >= len(lines)
        for said in recurring if self.timed_turns else ():
            name = display_name(said)
            if said.casefold() not in ROLE_LABELS and \
                    said.casefold() not in NON_PERSON_LABELS and not self.resolve_name(name):
                self.add_plain(name, participant=True)
        for _, said in lines if self.timed_turns else ():
            if said[:1].isupper() and said[1:].isalpha() and said[1:].islower() and \
                    said.casefold() not in NON_PERSON_LABELS and \
                    said.casefold() not in ROLE_LABELS and not self.resolve_name(said) and \
                    _written_as_a_word(said, self.common) < 2:
                self.add_plain(said, participant=True)

    def _role_holders(self, text: str) -> None:
        """'President: Mr. Laurent Castellane (France)': he is the President."""
        held = role_holder(text)
        if held:
            entry = self.resolve_name(held[1]) or self._merge_in(held[1])
            _extend(entry.roles, [held[0]])
            _extend(entry.meeting_roles, [held[0]])

    def _roles_by_agent(self, text: str) -> None:
        """'The session was chaired by Yasmin Al-Khatib', 'host Marcus Tell': she is the
        Chair, he the Host."""
        for match in OFFICE_THEN_NAME.finditer(text):
            # "the President of the General Assembly, Mr. Teodor Vasilescu-Mare,"
            found = PREFIXED_NAME.match(text, match.end()) or PLAIN_NAME.match(text, match.end())
            if found:
                name = clean_name(found.group("name"))
                entry = self.resolve_name(name) or self._merge_in(name)
                _extend(entry.roles, [match.group("office").strip()])
        for found in [*PREFIXED_NAME.finditer(text), *PLAIN_NAME.finditer(text)]:
            name = strip_prefix(clean_name(found.group("name")))
            ran = ROLE_AFTER_NAME.match(text[found.end():])
            entry = self.resolve_name(name) if ran else None
            if entry:
                role = AGENT_ROLES[ran.group(1).casefold()]
                _extend(entry.roles, [role])
                _extend(entry.meeting_roles, [role])
            held = ROLE_AS.match(text, found.end()) or TOOK_THE_CHAIR.match(text, found.end())
            entry = self.resolve_name(name) if held else None
            if entry:
                office = _office_named(held.group("role"))
                _extend(entry.roles, [office])
                _extend(entry.meeting_roles, [office])
        for match in [*ROLE_BY_AGENT.finditer(text), *ROLE_BEFORE_NAME.finditer(text)]:
            after = text[match.end():]
            found = PREFIXED_NAME.match(after) or PLAIN_NAME.match(after)
            if found:
                name = clean_name(found.group("name"))
                entry = self.resolve_name(name) or (
                    self._merge_in(name) if plain_person_name(name) else None)
                if entry:
                    _extend(entry.roles, [AGENT_ROLES[match.group(1).casefold()]])
                    _extend(entry.meeting_roles, [AGENT_ROLES[match.group(1).casefold()]])

    def _codes_in_prose(self, blocks) -> None:
        """'Amara Diallo (AD) trained as a nurse ...' where 'AD:' takes the turns: the
        code a text gives a person in passing, once the document uses it as a label."""
        for block in blocks:
            for text in block_texts(block):
                if "(" not in text:
                    continue
                for name, code, fits in codes_in_parens(text):
                    if fits and code in self.label_counts and plain_person_name(name) and \
                            self.resolve_name(code) is None:
                        self.add_plain(name, alias=code)

    def _guests(self, blocks) -> None:
        """'With me in the studio is DR. MARGARET OYELARAN-BROOKES, a consultant ...': the
        guest a broadcast's host introduces, whom a 'GUEST:' label means."""
        for text in (t for b in blocks[:40] for t in block_texts(b)):
            for intro in _GUEST_INTRO.finditer(text):
                named = PREFIXED_NAME.match(caps_displayed(text[intro.end():]))
                name = named.group("name") if named else ""
                if not named and (plain := PLAIN_NAME.match(text[intro.end():])):
                    name = plain.group("name")
                if name and plain_person_name(name):
                    entry = self.add_plain(name)
                    _extend(entry.meeting_roles, ["Guest"])

    def _nicknames(self, blocks, title: str) -> None:
        """'Rafael "Rafe" Okafor-Lindgren': the full name, known also by the nickname."""
        for text in (title, *(t for b in blocks for t in block_texts(b))):
            for match in _NICKNAMED.finditer(text):
                name = f"{match.group('first')} {match.group('last')}"
                if plain_person_name(name):
                    self.add_plain(name, alias=match.group("nick"))

    def _interview(self, blocks, title: str) -> None:
        """A Q&A with its questions in bold: the interviewer is the byline's ('Words: X',
        'Interview by X', 'She talks to X'); the interviewee is the person the opening
        before the first question names most (the title, the standfirst, the scene)."""
        labels = [parse_label(b.text) for b in blocks]
        # or put as "Q." / "Q:" lines
        questions = [i for i, b in enumerate(blocks) if interview_question(b) or (
            labels[i] is not None and labels[i].kind == "role" and
            labels[i].names[0] == "Questioner")]
        if len(questions) < 3:
            return
        # the opening ends where the first question or turn begins
        first = min(questions[0], next((i for i, lab in enumerate(labels) if lab), len(blocks)))
        opening = [title, *(b.text for b in blocks[:first])]
        interviewer = next((m.group("name") for text in opening
                            if (m := _BYLINE.search(text)) and plain_person_name(m.group("name"))),
                           None)
        if not interviewer:
            return  # a panel's questions in bold, put by a moderator to several people
        entry = self.add_plain(interviewer)
        _extend(entry.meeting_roles, ["Interviewer"])
        named = collections.Counter(
            name for text in opening if not CAPTION_LINE.match(text)
            for m in PLAIN_NAME.finditer(text)
            if plain_person_name(name := strip_prefix(clean_name(m.group("name"))))
            and fold(name) != fold(interviewer))
        if named:
            name, _ = named.most_common(1)[0]
            entry = self.resolve_name(name) or self.add_plain(name)
            _extend(entry.meeting_roles, ["Interviewee"])

    def _heading_owners(self, blocks) -> None:
        """Headings that give a person the section below them: a speaker's name as a
        parliament prints it ('Mr Daniel Kerslake (Westbury) (Lab)', 'The Minister (Ms
        Elinor Fairclough)'), a part naming one ('Keynote: Professor Tariq Haddad'), or a
        person's label opening a question in a queue ('### scottmcm: I think ...'). Where
        two or more labelled headings name known people, the others of that shape are
        people too ('### mark: ...' where mark takes no other turn)."""
        headings = dict.fromkeys(b.section_path[-1] for b in blocks if b.section_path)
        owners, labelled = {}, {}
        for heading in headings:
            named = self._heading_person(heading)
            if named:
                owners[heading] = named
                continue
            label = parse_label(heading)
            if label and label.kind in ("name", "handle") and len(label.names) == 1:
                labelled[heading] = label.names[0]
            elif (topic := _NAME_THEN_TOPIC.match(heading.strip(" *_"))) and \
                    self.resolve_name(topic.group("name")):
                labelled[heading] = topic.group("name")  # "### Tomasz - scraper and data"
        queue = {h: entry.name for h, name in labelled.items()
                 if (entry := self.resolve_name(name))}
        if len(queue) >= 2:
            for heading, name in labelled.items():
                if heading not in queue and (HANDLE.match(name) or _label_reads_as_name(
                        name, 1, self.common)):
                    queue[heading] = self.add_plain(name).name
        self.heading_owners = {**queue, **owners, **self._speaker_cards(blocks, owners)}

    def _speaker_cards(self, blocks, owners: dict[str, str]) -> dict[str, str]:
        """'### Aminata Diallo' over a line of who she is and paragraphs that tell what
        she said ('Ms. Diallo described ...', 'Aminata also shared ...'): where two or
        more headings are people's names, each is the owner of its section."""
        below: dict[str, list[str]] = {}
        for block in blocks:
            if block.section_path:
                below.setdefault(block.section_path[-1], []).append(block.text)
        cards = {}
        for heading, texts in below.items():
            name = heading.strip(" *_")
            if heading in owners or len(name.split()) < 2 or not plain_person_name(name) or \
                    ORGANISATION_WORDS.intersection(name.casefold().split()):
                continue
            words = {w for w in name.split() if len(w) > 2 and w[:1].isupper()}
            if any(re.search(rf"\b{re.escape(w)}\b", text) for w in words for text in texts):
                cards[heading] = name  # the section calls her by a part of her name
        if len(cards) + len(owners) < 2 or not cards:
            return {}
        return {heading: self._merge_in(name).name for heading, name in cards.items()}

    def _heading_person(self, heading: str) -> str | None:
        named = self._heading_person_in(heading)
        if named is None and TALK.search(heading) and "," in heading:
            # "Question 1 – Ms Halina Brzezińska-Oduro, camp committee": who, then what
            named = self._heading_person_in(heading.rsplit(",", 1)[0])
        return named

    def _heading_person_in(self, heading: str) -> str | None:
        given = SPEECH_BY.search(heading)
        if given:  # "Opening statement by the Spokesperson", "Remarks by Dr. Ana Ruiz"
            who = trailing_asides(given.group("who").strip(" *_.,"))[0]
            # "Statement by the Chair, Minister Inês Carvalho-Mendes": the person, then the
            # office
            for part in sorted(dict.fromkeys([who, *(p.strip() for p in who.split(","))]),
                               key=lambda p: not PREFIXED_NAME.fullmatch(p)):
                prefixed = PREFIXED_NAME.fullmatch(part)
                name = clean_name(prefixed.group("name")) if prefixed else part
                entry = self.resolve_name(name) or self.resolve_role(
                    re.sub(r"^(?i:the)\s+", "", part))
                if entry is None and prefixed and part != who and plain_person_name(name):
                    entry = self._merge_in(name)
                if entry and part != who:
                    offices = [_office_named(o) for p in who.split(",") if p.strip() != part
                               and is_role(o := re.sub(r"^(?i:the)\s+", "", p.strip()))]
                    _extend(entry.meeting_roles, offices)  # she is the Chair of this meeting
                if entry:
                    return entry.name
        pieces = re.split(r"\s*(?::|\s[-–—|]\s)\s*", heading)
        parts = [heading, *pieces[1:]]
        for at, part in enumerate(parts):
            part = re.sub(r"\s+\((?:ret|retd|retired)\.?\)", "", part, flags=re.I)
            part, asides = trailing_asides(part)
            part = part.strip(" *_.,")
            for candidate in (part, *asides):
                prefixed = PREFIXED_NAME.fullmatch(candidate)
                if prefixed and not any(w.casefold() in NOT_NAME_WORDS
                                        for w in prefixed.group("name").split()):
                    name = clean_name(prefixed.group("name"))
                    honorifics, titles = split_prefix(prefixed.group("prefix"))
                    entry = self._merge_in(name)
                    _extend(entry.honorifics, honorifics)
                    _extend(entry.titles, titles)
                    return entry.name
            for candidate in (part, *asides):
                # "Necromass, not respiration (Yasmin Qureshi)": a talk and its speaker
                entry = self.resolve_name(candidate) if candidate else None
                if entry and len(candidate.split()) >= 2 and entry.written_as(candidate):
                    return entry.name
            if at and asides and plain_person_name(part) and TALK.search(pieces[0]) and not \
                    ORGANISATION_WORDS.intersection(part.casefold().split()):
                # "Presentation 2 — Karin Holm (Nordic Water Institute)", "Speaker: Ana
                # Lima (UNDP)": a talk's heading names its speaker, with where they work
                entry = self.add_plain(part, organisation=asides[0])
                return entry.name
        return None

    def _merge_misspelt(self) -> None:
        """'Dermot Bradly said ...' where the participants list has Dermot Bradley, 'Mrs G.
        Achterberg-Lowe' where the report names Gwendolyn Achterberg-Lowe: one person,
        under the fuller spelling."""
        for entry in [e for e in self.entries if not e.participant and len(e.tokens()) >= 2]:
            meant = self.misspelt(entry.name) or self._initialled(entry)
            if meant is not None and meant is not entry:
                self.entries.remove(entry)
                _extend(meant.aliases, [entry.name, *entry.aliases])
                _extend(meant.roles, entry.roles)
                _extend(meant.organisations, entry.organisations)

    def _initialled(self, entry: Entry) -> Entry | None:
        """The one person 'G. Achterberg-Lowe' (initials, then a surname) can be."""
        words = entry.name.split()
        if not all(re.fullmatch(rf"[{UPPER}]\.", w) for w in words[:-1]):
            return None
        fits = [e for e in self.entries if e is not entry and len(e.tokens()) >= 2
                and e.tokens()[-1] == entry.tokens()[-1]
                and e.tokens()[0][:1] == entry.tokens()[0][:1] and len(e.tokens()[0]) > 1]
        return fits[0] if len(fits) == 1 else None

    def _prefer_written_spelling(self, blocks) -> None:
        """A participants table that misspells a name ('Dermot Bradly') the text writes
        more often another way ('Presented by: Dermot Bradley'): the text's spelling."""
        from collections import Counter

        texts = [t for b in blocks for t in block_texts(b)]
        texts += list(dict.fromkeys(h for b in blocks for h in b.section_path))
        written = Counter(clean_name(m.group("name")) for t in texts
                          for m in PLAIN_NAME.finditer(t))
        for form, count in written.items():
            entry = self.resolve_name(form)
            if entry is not None or count < 2:
                continue
            meant = self.misspelt(form)
            if meant is not None and count > written.get(meant.name, 0):
                _extend(meant.aliases, [meant.name])
                meant.name = form
                self.named_cache.clear()

    def misspelt(self, label: str) -> Entry | None:
        """The one participant a label is a slip of the keyboard for: one letter off in a
        first name ('Ahn' for Anh) or a surname ('Dermot Bradly' for Dermot Bradley)."""
        import difflib

        wanted = tokens(label)
        if not wanted or len(wanted[-1]) < 3:
            return None
        fits = []
        for entry in self.entries:
            words = entry.tokens()
            if not entry.participant or len(words) < 2:
                continue
            if len(wanted) == 1:
                close = difflib.SequenceMatcher(None, wanted[0], words[0]).ratio() >= 0.66 \
                    and sorted(wanted[0]) == sorted(words[0])
            else:
                close = wanted[0] == words[0] and difflib.SequenceMatcher(
                    None, wanted[-1], words[-1]).ratio() >= 0.85
            if close:
                fits.append(entry)
        return fits[0] if len(fits) == 1 else None

    def representative(self, place: str) -> Entry | None:
        """The one person the report seats for a country or a body ('Mr. Laurent Vasseur
        (France)'), else None."""
        wanted = fold(place).removeprefix("the ")
        fits = [e for e in self.entries if any(fold(o).removeprefix("the ") == wanted
                                               for o in e.organisations)]
        return fits[0] if len(fits) == 1 else None

    def add_plain(self, name: str, role: str = "", organisation: str = "",
                  alias: str = "", participant: bool = False) -> Entry:
        """A person named outright (front matter, a participants list, a header, a label)."""
        self.named_cache.clear()
        name = clean_name(name)
        prefixed = PREFIXED_NAME.fullmatch(name)
        if prefixed and len(prefixed.group("name").split()) >= 2:
            name = prefixed.group("name")  # "Mr Paulo Ssebunya" in a table: Paulo Ssebunya
        entry = self._find_full(name) or (self._find_full(alias) if alias else None)
        if entry is None:
            entry = self.resolve_name(name) if len(name.split()) == 1 else None
        shorter = [e for e in self.entries if not e.participant and len(e.tokens()) == 1 and
                   e.tokens() == tokens(name)[-1:]] \
            if entry is None and len(tokens(name)) > 1 and not any(
                w.casefold() in TITLE_WORDS | OFFICE_NOUNS or w.casefold() in ROLE_LABELS
                for w in name.split()[:-1]) else []
        if len(shorter) == 1:
            # "Deputy Minister Nwosu-Delacroix" read first, then "Amara Nwosu-Delacroix":
            # the fuller form is her name
            entry = shorter[0]
            entry.aliases.append(entry.name)
            entry.name = name
        if entry is None:
            entry = Entry(name)
            self.entries.append(entry)
        elif len(tokens(name)) > len(entry.tokens()) and entry.tokens() and \
                tokens(name)[:1] == entry.tokens()[:1]:
            entry.aliases.append(entry.name)  # "Dan" then "Dan Lorenc": the full name wins
            entry.name = name
        elif alias and fold(entry.name) == fold(alias) and len(tokens(name)) > 1:
            entry.name = name  # "RS-O" read first, then who the code stands for
        _extend(entry.roles, [role])
        _extend(entry.organisations, [organisation])
        _extend(entry.aliases, [alias] if alias and fold(alias) != fold(entry.name) else [])
        entry.participant = entry.participant or participant
        return entry

    def _find_full(self, name: str) -> Entry | None:
        key = name_key(name)
        return self.while_unchanged("full names", self._by_full_name).get(key) if key else None

    def _by_full_name(self) -> dict[str, Entry]:
        """name key -> the first person, in the registry's order, whose name or one of
        whose aliases it is."""
        found: dict[str, Entry] = {}
        for entry in self.entries:
            found.setdefault(entry.key, entry)
            for alias in entry.aliases:
                found.setdefault(name_key(alias), entry)
        return found

    # resolving ---------------------------------------------------------------------------

    def resolve_name(self, name: str) -> Entry | None:
        """Any form of a name (full, surname, first name, initials, nick; any case, accent
        or dash) -> the one person it can mean, else None."""
        # every capitalised word of every block is looked up, most of them many times
        answers = self.while_unchanged("resolve_name", dict)
        if name not in answers:
            answers[name] = self._resolve_name(name)
        return answers[name]

    def while_unchanged(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept until someone is added, removed, renamed or given another
        form: what is worked out from the people's names holds that long (aliases only
        grow, so their number tells when they changed)."""
        state = [(id(e), e.name, len(e.aliases)) for e in self.entries]
        if state != self._kept_for:
            self._kept, self._kept_for = {}, state
        if key not in self._kept:
            self._kept[key] = compute()
        return self._kept[key]

    def _resolve_name(self, name: str) -> Entry | None:
        name = strip_prefix(clean_name(name)).removeprefix("@")
        found = self._find_full(name)
        if found:
            return found
        wanted = [t for t in tokens(name) if t not in PARTICLES]
        if not wanted:
            return None
        joined = "".join(wanted).replace("-", "")
        if len(wanted) == 2:  # "Dan L", "Kemi A." for Oluwakemi "Kemi" A., "JL Fournier"
            fits = [e for e in self.entries if _short_form(wanted, e)]
            if len(fits) == 1:
                return fits[0]
        matches = [e for e in self.entries if len(e.tokens()) > len(wanted) and (
            e.tokens()[-len(wanted):] == wanted  # surname: "Okafor", "van der Berg"
            or "".join(e.tokens()[-len(wanted):]).replace("-", "") == joined
            or e.tokens()[:len(wanted)] == wanted  # first name: "Tomas"
            or len(wanted) == 1 and _hyphen_part(wanted[0], e))]
        if len(matches) == 1:
            return matches[0]
        if not matches and len(wanted) == 1:
            # "Ambassador Ruiz" for Elena Ruiz Montalbán: the first of two surnames
            paternal = [e for e in self.entries if len(e.tokens()) >= 3 and
                        e.tokens()[-2] == wanted[0] and not e.tokens()[-2].endswith(".")]
            if len(paternal) == 1:
                return paternal[0]
        if len(wanted) == 1 and INITIALS.match(name):
            return self.resolve_initials(name)
        if len(wanted) == 1 and re.fullmatch(r"[\w.-]{3,32}", name):
            nick = self.resolve_nick(wanted[0])
            if nick:
                return nick
        if len(wanted) == 1 and len(wanted[0]) >= 3:  # "Seb" for "Sébastien", "Gmaxwell"
            close = [e for e in self.entries if any(
                len(t) > len(wanted[0]) and t.startswith(wanted[0]) for t in e.tokens()[:1])]
            return close[0] if len(close) == 1 else None
        return None

    def resolve_nick(self, nick: str) -> Entry | None:
        """A chat handle no table spells out, when it is made from exactly one person's
        full name: 'dtapuska' for Dave Tapuska, 'jsmith', 'smithj', 'johnsmith'."""
        nick = re.sub(r"[\s_.-]", "", fold(nick))
        fits = []
        for entry in self.entries:
            words = entry.tokens()
            if len(words) < 2:
                continue
            first, last = words[0].replace("-", ""), words[-1].replace("-", "")
            forms = {first[0] + last, first + last, last + first[0], first + last[0],
                     last + first}
            if nick in forms or len(nick) >= 5 and nick == (first[0] + last)[:len(nick)]:
                fits.append(entry)
        return fits[0] if len(fits) == 1 else None

    def resolve_initials(self, code: str) -> Entry | None:
        """Initials no table spells out: derived from the names of the participants, when
        exactly one fits."""
        fits = [e for e in self.entries if len(e.tokens()) >= 2 and (
            code in derived_initials(e.name) or code.upper() in derived_initials(e.name)
            or initials_fit(code, e.name))]
        return fits[0] if len(fits) == 1 else None

    def holders(self, role: str) -> list[Entry]:
        """Everyone holding a role ('Chair' for 'Chairs: A, B'), in the order named."""
        role = fold(role)
        return [e for e in self.entries
                if role in {fold(r) for r in (*e.meeting_roles, *e.roles)}]

    def resolve_role(self, role: str) -> Entry | None:
        """The one person holding a role: 'Chair' is whoever is the Chair before whoever
        chairs something else ('Chair, Advisory Group on ...')."""
        # "the Group CFO": the abbreviation spelt out, as the attendance list gives it
        role = fold(" ".join(TITLE_ABBREVIATIONS.get(w, w) for w in role.split()))
        if not role:
            return None
        held = {e.key: [fold(r) for r in (*e.roles, *e.titles, *_title_honorifics(e))]
                for e in self.entries}
        here = {e.key: [fold(r) for r in e.meeting_roles] for e in self.entries}
        # "Ms. Fiona Teh (Engagement Partner, Khoo & Partners PLT, External Auditor)"
        listed = {e.key: [fold(o) for o in e.organisations] for e in self.entries}
        for roles, fits in ((here, lambda r: r == role), (held, lambda r: r == role),
                            (held, lambda r: r.startswith(role)),
                            (listed, lambda r: r == role),
                            # "THE ARBITRATOR:" for the "Sole Arbitrator", "the Judge" for
                            # the "Presiding Judge"
                            # "SPOKESPERSON:" for the "Chief Spokesperson of the GGRA"
                            (held, lambda r: _role_head(r).endswith(f" {role}") and
                             r.split()[0] in _SOLE_QUALIFIERS)):
            matches = [e for e in self.entries if any(fits(r) for r in roles[e.key])]
            if len(matches) > 1 and role == "chair":
                # a board's meeting is chaired by the Chair of the Board, not a committee's
                matches = [e for e in matches if any(
                    r.startswith(("chair of the board", "board chair")) for r in held[e.key])]
            if matches:
                return matches[0] if len(matches) == 1 else None
        if role == "ambassador":
            # "The Ambassador recalled ...": the one head of delegation styled H.E.
            excellencies = [e for e in self.entries if {"H.E.", "S.E.", "HE"} & set(e.honorifics)]
            return excellencies[0] if len(excellencies) == 1 else None
        if role in _CONDUCTING:
            # "HOST:" in a programme "presented by Barnaby Okafor": the one person the
            # report gives the running of the event to, whatever it calls them
            others = [e for e in self.entries
                      if any(fold(r) in _CONDUCTING for r in e.meeting_roles)] or \
                [e for e in self.entries if any(fold(r) in _CONDUCTING for r in e.roles)]
            return others[0] if len(others) == 1 else None
        return None

    def people(self) -> tuple[Person, ...]:
        return tuple(
            Person(name=e.name, key=e.key, honorifics=tuple(dict.fromkeys(e.honorifics)),
                   titles=tuple(dict.fromkeys(e.titles)), roles=tuple(dict.fromkeys(e.roles)),
                   organisations=tuple(dict.fromkeys(e.organisations)),
                   aliases=tuple(dict.fromkeys(a for a in e.aliases if a != e.name)))
            for e in self.entries)


# a heading below an attendance heading that starts the meeting's business
_BUSINESS_HEADINGS = re.compile(r"\b(?:agenda|notes|minutes|discussion|updates?|actions?|"
                                r"topics?|business|items?|decisions?|summary)\b", re.I)


def _prose_sentence(line: str) -> bool:
    """'Responding, Ms. Nwankwo-Ferreira assured the representative of Norway that ...':
    a paragraph of prose under a heading such as 'Questions from participants', whose
    first word before a comma is no one's name."""
    return len(line.split()) >= 10 and line.rstrip(" *_").endswith((".", "!", "?"))


def under_attendees(path: tuple[str, ...]) -> bool:
    """'## Attendees' or '## Attendees / ### Remote'; not '## Attendance / ### Agenda'."""
    if not path:
        return False
    if ATTENDEE_HEADINGS.search(path[-1]):
        return True
    # ("## Speakers / ### Aminata Diallo": a speaker's card, her words under her name)
    return len(path) >= 2 and bool(ATTENDEE_HEADINGS.search(path[-2])) and \
        not _BUSINESS_HEADINGS.search(path[-1]) and \
        not plain_person_name(strip_prefix(path[-1]) or path[-1])


# "Moved: Dariusz Kowalczyk-Byrne (Northern Depots Branch)", "Spoke against: X": a
# record of proceedings naming who speaks in the lines below
MOTION_LINE = re.compile(r"^\s*(?P<part>moved|seconded|proposed|proposer|seconder|"
                         r"spoke (?:in support|in favour|in favor|against)|speaking (?:for|"
                         r"against|in support)|right of reply|for the motion|against the motion|"
                         r"in reply)(?:\s+by)?\s*:\s*"
                         # the whole name: "Proposer: Mateo Lindgren (...)" is not Mateo's
                         r"(?P<who>[^\n():;.]{3,80}+(?:\s*\([^()\n]{1,80}\))?)"
                         r"(?=\s*$|\s*\n|\.?\s+[A-Z])", re.I)
_CONDUCTING = {"host", "presenter", "moderator", "facilitator", "interviewer", "anchor"}


# labels that open a list of people or a turn: "Moderator: Ana Ruiz (UNDP)" or
# a first name alone, at the start of a sentence, then where the person is from or who
# they are: "Janet (Willow Court) said", "Tom (allotment society) said", "Marguerite, who
# runs the toddler group at St Aidan's, said"
FIRST_NAME_SPEAKER = re.compile(rf"(?:^|(?<=[.!?]\s))\s*(?:[-*•]\s+)?"
                                rf"(?P<name>[{UPPER}][a-zß-öø-ÿ]{{2,20}})(?=\s*\(|,\s+who\s)")
_DELEGATION_NAMES = frozenset(fold(d) for d in DELEGATIONS)
# "The panel brought together Tariq Benali, head of ...; Ingrid Sørlie, a farmer ...; and
# Professor Kwame Asante": who a write-up says took part, each with who they are
_PANEL_INTRO = re.compile(r"\b(?:panel|session|discussion|conversation|debate|round ?table|"
                          r"event|webinar|forum)\s+(?:brought together|featured|included|"
                          r"comprised|heard from|was made up of|consisted of)\s+", re.I)


def panel_introduced(text: str) -> list[str]:
    intro = _PANEL_INTRO.search(text)
    if not intro:
        return []
    rest = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text[intro.end():], maxsplit=1)[0]
    parts = re.split(r"\s*;\s*(?:and\s+)?" if ";" in rest else r"\s*,\s*(?:and\s+)?|\s+and\s+",
                     rest)
    found = []
    for part in parts:
        name = PLAIN_NAME.match(strip_prefix(part.strip()) if PREFIXED_NAME.match(part.strip())
                                else part.strip())
        if name and plain_person_name(name.group("name")):
            found.append(name.group("name"))
    return found


def _role_head(role: str) -> str:
    """'chief spokesperson of the ggra' -> 'chief spokesperson': the office, not where."""
    return re.split(r"\s+(?:of|for|at|to)\s+|,", role, maxsplit=1)[0]


_SOLE_QUALIFIERS = frozenset("sole presiding lead chief senior principal".split())
_FOR_A_SIDE = re.compile(r"^\s*(?:for|on behalf of)\s+(?:the\s+)?[^:;,]{2,60}:\s*", re.I)
# the last word of a place an appearance gives after the person ("ADAEZE OYELARAN, ESQ.,
# Deputy Solicitor General, Carrow City, on behalf of ...")
_PLACE_WORDS = frozenset("city county province district borough township village town "
                         "falls heights springs harbour harbor".split())
# "Moderator: Welcome, everyone"
_TURN_OR_LIST = {"moderator", "moderators", "facilitator", "facilitators", "rapporteur",
                 "rapporteurs", "host", "hosts", "speaker", "speakers", "presenter",
                 "presenters", "chair", "chairs", "in the chair", "guest", "guests",
                 "before", "coram"}


_LATER_LIST = re.compile(rf"(?<=[.!?])\s+(?=(?i:{_LIST_LABELS}){_OF_THE_EVENT}\s*:)")


def _attendee_sentences(text: str) -> list[re.Match]:
    """'Presented by Barnaby Okafor. Guests: Councillor Martine de la Cruz, ...',
    'Present: 41 members. In the chair: Ana Ruiz (Chair).': each list of people a
    paragraph holds, wherever its sentences start one."""
    later = list(_LATER_LIST.finditer(text))
    starts = [0, *(m.end() for m in later)]
    ends = [*(m.start() for m in later), len(text)]
    found = [attendee_line(text[a:b].strip()) for a, b in zip(starts, ends, strict=True)]
    return [f for f in found if f]


def attendee_line(text: str) -> re.Match | None:
    """'Present: A, B, C', 'Moderator: Ana Ruiz (UNDP)'; not 'Moderator: Welcome, all',
    a turn."""
    listed = ATTENDEE_LINE.match(text)
    if listed and fold(listed.group("label")) in _TURN_OR_LIST and \
            not _names_a_person_first(listed.group("names")):
        return None
    return listed


def _names_a_person_first(names: str) -> bool:
    first = re.split(r"\s*[,;(]\s*|\s+[-–—]\s+", names.strip(), maxsplit=1)[0].strip(" *_.")
    return bool(PREFIXED_NAME.fullmatch(first) or plain_person_name(strip_prefix(first))) \
        and not re.search(r"[.!?]\s+[A-Z](?![\w'’ -]{0,30}:)", names) and not VOCATIVE.match(
            names.strip()[len(first):])


# "HOST: Councillor de la Cruz, you're nodding.": the host speaks to her
VOCATIVE = re.compile(r"\s*,\s*(?:you|we|I|let|thank|welcome|please|what|how|do|does|can|"
                       r"could|would|will|is|are|tell|go ahead|over to)\b")


def _office_named(word: str) -> str:
    """'moderator' -> 'Moderator', 'CHAIR' -> 'Chair': the office as the report's lists
    spell it."""
    folded = fold(word)
    return ROLE_LABELS.get(folded) or next((t for t in TITLES if fold(t) == folded), word)


def _office(role: str) -> str:
    return "" if role in TURN_ROLES else role


def _topic_label(label, text: str, common: collections.Counter) -> str | None:
    """The word of a one-word label over notes in lower case, when the document also
    writes it as a word ('Safety: lighting on Mill Lane')."""
    if label is None or label.kind != "name" or \
            not re.fullmatch(rf"[{UPPER}][a-z]+", label.names[0]) or \
            not text[label.end:].lstrip(" *_")[:1].islower():
        return None
    return label.names[0] if _written_as_a_word(label.names[0], common) else None


# two to four words in capitals before a seat or a comma: "HIROSHI NAKAGAWA-BELL (Japan)"
_CAPS_NAME = re.compile(rf"(?<![\w'’-])(?P<name>[{UPPER}][{UPPER}'’-]+(?:\s+[{UPPER}][{UPPER}'’-]+)"
                        rf"{{1,3}})(?=\s*[(,])")


# a stand-up's or a round's heading: whose update it is, then what about ("Tomasz -
# scraper and data", "Arjun (late)")
_NAME_THEN_TOPIC = re.compile(rf"(?P<name>[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+){{0,2}})"
                              r"\s*(?:[-–—]\s+\S.{0,60}|\([^()]{1,40}\))$")


def _label_reads_as_name(label: str, count: int, common: collections.Counter) -> bool:
    """A label no list names is a person when it reads as a name: no word of it is one
    the document also writes in lower case ("Annual Review:", "Either:"); several words
    make a plain personal name; a one-off single word reads as a given name ("Rosa"),
    not as a product ("PyPI")."""
    words = label.split()
    if len(words) >= 2:
        return plain_person_name(label) and not all(w.casefold() in common for w in words)
    if count >= 2:  # a label used again and again is someone's, even if "felix" occurs
        return True
    # a given name may be written once in lower case ("thanks scott", "@bentheelder"); a
    # word written so again and again is a common one ("Either:", "Functions:")
    return re.fullmatch(rf"[{UPPER}][a-z]+", label) is not None and \
        _written_as_a_word(label, common) < 2


def _written_as_a_word(word: str, common: collections.Counter) -> int:
    """How often the document writes a word, or a form of it, in lower case: 'Excludes:'
    where 'exclude' and 'excluded' occur is a word, not a name."""
    word = word.casefold()
    stems = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith(
        ("es", "ed")) else word, word[:-1] if word.endswith("d") else word,
        word[:-3] if word.endswith("ing") else word}
    forms = {f for stem in stems if len(stem) >= 3
             for f in (stem, stem + "s", stem + "es", stem + "ed", stem + "d", stem + "ing",
                       stem + "al", stem + "ally", stem + "ation")}
    return sum(common.get(f, 0) for f in forms)


def _short_form(wanted: list[str], entry: Entry) -> bool:
    """'Dan L' (a first name and the surname's initial), 'Kemi A.' (the name she goes by),
    'JL Fournier' (a hyphenated first name's initials, the surname's first part) for one
    person, as chat exports and sign-offs shorten names."""
    words = entry.tokens()
    if len(words) < 2:
        return False
    given, surname = wanted[0].strip("."), wanted[1].strip(".")
    nicks = {fold(a) for a in entry.aliases if len(a.split()) == 1}
    initials = "".join(p[:1] for p in words[0].split("-"))
    given_fits = given in (words[0], words[0].replace("-", ""), *nicks) or len(initials) >= 2 and \
        given.replace(".", "").replace("-", "") == initials
    short_surname = len(surname) == 1 and words[-1][:1] == surname
    return given_fits and (short_surname or given != words[0] and (
        surname == words[-1] or surname in words[-1].split("-")))


def _hyphen_part(word: str, entry: Entry) -> bool:
    """'Ibru' or 'DaSilva' for 'Kemi DaSilva-Ibru'."""
    return any("-" in t and word in t.split("-") for t in entry.tokens()[1:])


_ROMAN = re.compile(r"[IVX]+|JR\.?|SR\.?")


_SELF_DECLARED = re.compile(r"^\s*I,\s+(?P<name>[^,]{3,60}),")
# "Moderator ........ Claire Dunmore", "P6 (by phone) .... Dev Raghunathan, 45, ..."
_DOT_LEADER = re.compile(r"^\s*(?P<key>[^.:]{1,30}?)\s*(?:\.\s*){4,}(?P<who>\S.{2,150})$")
# a script's cue: a name in capitals, with how it is heard ("(O.S.)", "(V.O.)",
# "(CONT'D)") after it
_CUE = re.compile(rf"^\s*(?P<name>[{UPPER}][{UPPER}'’.-]+(?: [{UPPER}][{UPPER}'’.-]+){{0,2}})"
                  r"(?:\s*\((?:[A-Z.' ’]{1,12}|cont['’]d|off|on screen|off screen)\))*\s*$")


def script_cue(block: Block) -> str | None:
    """'MAUREEN (O.S.)' -> 'MAUREEN': a paragraph that is only a cue."""
    if block.kind != "paragraph" or len(block.text) > 40:
        return None
    match = _CUE.match(block.text)
    name = match.group("name").strip(".") if match else ""
    if not name or len(name) < 2 or name.casefold() in NON_PERSON_LABELS or \
            name.casefold() in NOT_NAME_WORDS:
        return None
    return name


def _without_trailing_acronym(name: str) -> str:
    """'Ms. Ada Obi UNDP' -> 'Ada Obi': a short word in capitals after a name written in
    mixed case is the body she is from; a summary record's surname in capitals ('Dr Nodira
    S. RAHIMOVA', 'Mr Pedro ALMEIDA CASTRO') is her name."""
    words = name.split()
    if len(words) >= 2 and re.fullmatch(r"[A-Z]{2,5}", words[-1]) and \
            not words[-2].isupper() and not re.fullmatch(r"[A-Z]\.", words[-2]):
        return " ".join(words[:-1])
    return name


def _caps_surname(name: str) -> bool:
    """'LUNGU', 'PHAN', 'VAN DER BERG' after an honorific: a surname as a record prints
    it, where 'UN' or 'WFP' is a body; a short word is a name only with a vowel in it."""
    return len(name) > 5 or len(name) >= 3 and bool(re.search(r"[AEIOUY]", name[1:]))


def _title_honorifics(entry: Entry) -> list[str]:
    """Honorifics that are also titles: 'the Ambassador', 'the Judge'."""
    return [h for h in entry.honorifics if len(h) > 4 and not h.endswith(".")]


def block_texts(block: Block, lines: bool = False) -> tuple[str, ...]:
    if block.items:
        return block.items
    if lines and block.lines:
        return block.lines
    return (block.text,)


def _people_of(part: str) -> list[str]:
    """One entry of a list parted by semicolons, or several people when the entry is
    itself a list of names ('Chair A; Ranking Member B; Reps. C, D "Dee" E and F')."""
    if "," not in part:
        return [part]
    pieces = re.split(r"\s*,\s*(?![^()]*\))|\s+and\s+(?![^()]*\))", part)
    named = [p for p in pieces if plain_person_name(strip_prefix(
        _NICKNAMED.sub(lambda m: f"{m.group('first')} {m.group('last')}", p)) or "")]
    return pieces if len(named) >= 2 and 3 * len(named) >= 2 * len(pieces) else [part]
