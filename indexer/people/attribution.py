"""The second pass: who speaks in each block, and how we know (``evidence``).

Precision first: a speaker is recorded only where the text says so (a label, a turn
header, the subject of a speech verb, a pronoun or a quotation continuing a speaker);
everyone else named is a mention. What a block says is read first; only a block that
names no speaker of its own is given one carried on from before (a header's owner, a
parent item, a speech or a turn that runs on)."""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field

from ..designations import display_name
from ..names import fold
from ..records import Block
from .evidence import (
    ORGANISATION_WORDS,
    agenda_presenters,
    bold_name_line,
    delegation_header,
    header_line,
    interview_question,
    whole_bold,
)
from .labels import (
    INITIALS,
    PRESIDING_OFFICES,
    Label,
    body_label,
    bold_turn,
    chair_taken,
    dash_label,
    inline_labels,
    label_alone,
    parse_label,
    role_holder,
    strip_label,
    timed_line,
    trailing_asides,
    without_stamp,
)
from .names import (
    ADVERBS,
    NOT_NAME_WORDS,
    PREFIXED_NAME,
    UPPER,
    VERBS,
    caps_displayed,
    plain_person_name,
    strip_prefix,
)
from .registry import (
    MOTION_LINE,
    SPEECH_AFTER,
    VOCATIVE,
    Registry,
    attendee_line,
    script_cue,
    under_attendees,
)
from .speech import (
    Speakers,
    credited_within,
    mentions_in,
    named_people,
    names_anyone,
    signed_by,
    speech_subjects,
    unquoted,
)
from .vocabulary import NON_PERSON_LABELS, ROLE_LABELS

EVERYONE = re.compile(r"^\s*(?:[-*•]\s+)?(?:all|everyone|everybody|group|others|audience)\s*:",
                      re.I)
CONTINUATION = re.compile(r"^\s*(?:…|\.\.\.)")
QUOTATION = re.compile(r"^\s*[\"“‘«][^\"“”«»]{12,}[\"”’»][\s.,]*(?:\([^)]*\))?\s*$", re.S)
# a post embedded in a live blog: "... should steal it. — Kirsi Mäkelä-Onyango (@kirsi-maps)"
POST_CREDIT = re.compile(r"\s[—–]\s*(?P<who>[^—–()\n]{3,60}?)\s*\(@[\w.-]{2,60}\)\s*$")
# a quotation credited after a dash: '"..." — Fiona McCandless, arable member, Hawes End'
QUOTE_CREDIT = re.compile(r"^\s*[\"“].{12,}[\"”]\s*[—–-]{1,2}\s*(?P<who>[^,;()\n]{3,60}?)"
                          r"\s*(?:[,(].{0,120})?$", re.S)
EDIT = re.compile(r"^\s*s/[^/\n]*/[^/\n]*/?\s*$")
CONTINUED_TURN = re.compile(r"^(?![<\[(]|s/)\S+(?:\s+\S+){5,}")
# "One participant noted ...", "Several delegates said ...": the report tells of someone
# else, not the last speaker going on
NARRATED = re.compile(rf"^\s*(?:One|Some|Several|Many|Most|Other|Another|A|An|The|Two|Three|"
                      rf"All|Both|Each|Participants|Members|Delegates|Speakers)\s+"
                      rf"(?:[a-z-]+\s+){{0,3}}{ADVERBS}(?:{VERBS})\b")
# a note of what the room did, not one person's: "Some back and forth ...; nobody objected"
_GROUP_TALK = re.compile(r"\b(?:nobody|no one|everyone|everybody|consensus|general agreement|"
                         r"back and forth|discussion (?:of|on|about|followed))\b", re.I)
PROSE = re.compile(r"^[\"“‘(]?[A-Z][a-z]*[ ,].{30,}[.!?\"”’)]$", re.S)
OWNER_LINE = re.compile(r"^\s*(?:presented|chaired|hosted|led|moderated|facilitated|"
                        r"introduced)\s+by\s*:?\s*(?P<name>.+)$|^\s*(?:presenters?|"
                        r"speakers?|hosts?|owners?)\s*:\s*(?P<name2>.+)$", re.I)
# what a record says happened, not what anyone said: "The clerk will call the roll." is
# said, "The legislative clerk proceeded to call the roll." is not; a paragraph wholly in
# parentheses is the editor's
STAGE_DIRECTION = re.compile(r"^\s*(?:\(.*\)\s*$|The\s+(?:\w+\s+){0,3}clerks?\s+(?:proceeded|"
                             r"read|called|began|continued)\b|\[.*\]\s*$|"
                             # "The meeting was called to order at 10.05 a.m.", "The
                             # meeting rose at 1.05 p.m.", "The agenda was adopted."
                             r"(?:Resolved|Ordered|Question put|Motion made)\b|"
                             r"There being no (?:further|other) business\b|"
                             r"End of (?:the )?(?:transcript|recording|broadcast|programme|"
                             r"program|call)\b|"
                             # a press release's own line
                             r"For (?:information|use of the) media\b|"
                             r"The\s+(?:meeting|sitting|session|agenda|debate|House|Council|"
                             r"Committee|motion|draft\s+\w+)\s+(?:was|were|rose|adjourned|"
                             r"resumed|suspended|stood)\b|"
                             # "Several hon. Members rose—", "Mr Jim Tolland (Carrick
                             # East) (SNP) rose—": a member stands to speak, saying nothing
                             r"[^!?:]{3,120}?\brose\s*[—–-]+\s*$)", re.S)
# a transcript's running head or page mark between two pages of one speech: "Official -
# Subject to Final Review -- Page 41", "Page 12 of 40", "- 17 -"
RUNNING_HEAD = re.compile(r"^\s*(?:[^.!?]{0,60}?(?:[-–—|:]\s*)?\bPage\s+\d+(?:\s+of\s+\d+)?"
                          r"|[-–—]\s*\d{1,4}\s*[-–—]"
                          # "4.29 pm": the time a record prints as a speech goes on
                          r"|\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?)\s*$", re.I)


def not_spoken(text: str) -> bool:
    """A line of the record that no one says, even inside a speech: what the record did,
    a running head, or a heading printed in capitals ("ORAL ARGUMENT OF ADAEZE OYELARAN
    ON BEHALF OF THE PETITIONER", "REBUTTAL")."""
    words = text.split()
    return bool(STAGE_DIRECTION.match(text) or RUNNING_HEAD.match(text)) or (
        0 < len(words) <= 20 and not any(c.islower() for c in text)
        and sum(len(w) > 1 and w.isalpha() for w in words) >= 2
        and not re.search(r"[.!?,;\"“”]\s*$", text))


# "*Photo: Leila Haddad at the opening session*": a caption says who is shown, not who speaks
CAPTION = re.compile(r"^\s*[*_]*(?:Photo(?:graph)?|Image|Picture|Pictured|Caption|"
                     r"Photo credit|Credit)s?\s*(?::|—|–|-)\s", re.I)
# "Dr. Amina Yusuf is Director of ...", "She has worked ...": a speaker's biography, under
# a heading for the speakers, says who they are, not what they said
BIOGRAPHY = re.compile(rf"^\s*(?:(?:[{UPPER}][\w.'’-]*\s+){{1,5}}|She\s+|He\s+)"
                       r"(?:is|was|has been|has|serves as|served as|holds|held|heads|leads|"
                       r"joined|previously)\b")
# (or the same question again: "Sorry. I was asking whether ...")
FOLLOW_UP = re.compile(r"^\s*(?:(?:a\s+)?follow[- ]?up|and|but|so|also|just|sorry|"
                       r"(?:what\s+)?i\s+(?:was\s+asking|asked)|my\s+question\s+was)\b", re.I)
# an agency by its acronym ("UNHCR", "MoDM") or a body's name ("Lumen Aid Foundation")
_SPEAKING_BODY = re.compile(rf"^(?:[{UPPER}][{UPPER}a-z-]{{0,4}}[{UPPER}][\w-]{{0,6}}|"
                            rf"(?:[{UPPER}][\w&'’-]*\s+){{0,4}}(?i:{'|'.join(sorted(ORGANISATION_WORDS))}))$")
# roles a label gives one of many people, never the one the report names so
_ONE_OF_MANY = frozenset(("Resident", "Caller", "Participant", "Audience member"))
# a speech verb whose subject the report names by a common noun no one is known by
_SOMEONE_UNNAMED_SPEAKS = re.compile(rf"^(?:The\s+)?[A-Z][a-z]+(?:\s+[a-z]+)?\s+{ADVERBS}"
                                     rf"(?:{VERBS})\s+(?:that|whether|to)\b")
# a section that lists who is to do what: "Actions", "Action points", "Next steps"
# (a board's "Action items" are the motions it decides, spoken to)
_ASSIGNMENTS = re.compile(r"^\W*(?:\d+[.)]?\s*)?(?:(?:agreed |follow-up |new )?actions?"
                          r"(?: points?| items?| log| agreed| list)?|next steps|to-?dos?|"
                          r"follow-?ups?|tasks|assignments|owners)\W*$", re.I)
_KEYWORD_LINE = re.compile(r"^\s*[\w][\w ./-]{0,30}(?:\s*\([^()]{0,30}\))?:\s")
_BIOGRAPHY_AFTER_NAME = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?,?\s*(?:is|was|has been|has|serves|served|holds|held|heads|leads|"
    r"joined|previously|coordinates|works|worked|directs|manages|teaches|researches|chairs|"
    r"oversees|founded|co-founded)\b")
BIOGRAPHY_HEADING = re.compile(r"\b(?:speakers?|biograph(?:y|ies)|bios?|panel+ists|"
                               r"presenters|contributors|about the)\b", re.I)
# "I now give the floor to Ms. X", "With me today is ...": a speaker going on, whoever
# they name
# a paragraph that opens in the first person: "I give the floor to ...", "My delegation ..."
_LEADING_CUE = re.compile(r"^\s*\[[a-z][a-z ]{1,20}\]\s*(?=\S)")
OPENS_FIRST_PERSON = re.compile(r"^\s*[\"“]?(?:I|We|My|Our|Let me|Let us)\b")
FIRST_PERSON = re.compile(r"^\s*(?:\S+\s+){0,4}(?:I|me|my|we|We|us|our|Our|My|Let me|Let us)\b")
# "DR. HÉLÈNE MARCHETTI-WARD (Witness sworn)", "JOHN SMITH, having been first duly sworn,
# testified as follows:": the witness whose answers the "A." lines below are
SWORN = re.compile(r"^\s*(?P<who>[^()\n,]{3,80}?)\s*(?:,\s*|\()\s*(?:the\s+)?(?:witness\s+)?"
                   r"(?:having\s+been\s+)?(?:first\s+)?(?:duly\s+|previously\s+)?(?:sworn|"
                   r"affirmed|called|recalled|re-?sworn)\b[^\n.]{0,60}$", re.I)
# "BY MR. LINDQVIST:", "CROSS-EXAMINATION BY MS. OKONJO": who asks the "Q." lines below
# "BY MR. LINDQVIST:", "DIRECT EXAMINATION OF KEVIN O'MALLEY BY MS. DELACROIX:"
EXAMINER = re.compile(r"^\s*(?:(?:cross|re|direct|further|redirect|recross)?[- ]?examination\s+"
                      r"(?:of\s+[^:\n]{3,60}?\s+)?)?by\s+(?P<who>[^:\n]{3,60}?):?\s*$", re.I)
_PERSON_COLUMN = re.compile(r"\b(?:name|speaker|who|presenter|person|participant|member|"
                            r"delegate|representative|panel+ist|author|submitter|respondent|"
                            r"contributor|submitted by)s?\b", re.I)
# the other columns of a table of who is who ("Name | Role / title | Organisation"): a
# roster, whose rows say nothing
_ROSTER_COLUMN = re.compile(r"^\W*(?:(?:role|title|organi[sz]ation|affiliation|position|"
                            r"department|country|community|institution|e-?mail|contact|"
                            r"representing|agency|company|ministry|group|unit|location|"
                            r"job|function|office|constituency|party|or|and|/|\s)+)\W*$", re.I)
# "Resident, Mill Lane (name withheld)", "Anonymous (online form)": a submitter left unnamed
_UNNAMED = re.compile(r"^(?P<who>Anonymous|Resident|Individual|Member of the public|"
                      r"Respondent)\b", re.I)


@dataclass(frozen=True, slots=True)
class Attribution:
    speakers: tuple[str, ...]
    evidence: tuple[str, ...]  # parallel to speakers
    mentions: tuple[str, ...]
    text: str | None = None  # the words to index, when a label was taken off them
    drop: bool = False  # a turn header: not a body paragraph
    labelled: bool = False


@dataclass
class _State:
    """What carries over from one block to the next."""

    layout: dict
    current: str | None = None  # the last speaker: "She ..." and "…" continue it
    owner: str | None = None  # whom a turn header gave the paragraphs below to
    section_owner: str | None = None  # whom the section's heading names ("Mr X (Lab)")
    turn: str | None = None  # the speaker of the last label, in a transcript
    introduced: str | None = None  # who introduced the next block ("... as follows:")
    answerer: str | None = None  # the last "A (Dr. Felix Braun):", whom a bare "A:" means
    questioner: str | None = None  # the last named "Q.", whose follow-up a bare "Q." is
    examiner: str | None = None  # "BY MR. LINDQVIST:": whose every bare "Q." is
    by_depth: dict[int, str] = field(default_factory=dict)  # a notes list's speakers
    owners: dict[int, list[str]] = field(default_factory=dict)  # "- Carol / Karen"
    # "- SIG CLI [Maciej Szulik and Sean Sullivan]": who presents the items nested under it
    presenting: dict[int, list[str]] = field(default_factory=dict)
    section: tuple[str, ...] | None = None
    previous_kind: str = ""
    assigning: bool = False  # under an "Actions" heading, or a bold line that reads as one
    # (depth, name): a long labelled note ("- rylev: Not since yesterday. We're at ...")
    # whose unlabelled sibling notes go on with it
    item_turn: tuple[int, str] | None = None
    spoken: bool = False  # the last block was the turn's: its words may run on
    row_speaker: str | None = None  # the one speaker of the table row above
    # who presides from a notice on ("(IN THE CHAIR: X)", "Mr Y took the Chair."): the
    # one "President." and "The CHAIR said" mean until the next notice
    in_chair: str | None = None
    cue: bool = False  # the header was a script's cue ("MAUREEN (O.S.)"): one block its

    def enter(self, block: Block) -> None:
        if block.section_path != self.section:
            self.current = self.owner = self.turn = self.introduced = None
            self.by_depth, self.owners = {}, {}
            self.item_turn = None
            self.section = block.section_path
            self.assigning = bool(block.section_path) and bool(
                _ASSIGNMENTS.match(block.section_path[-1]))
            if block.section_path:  # "### scottmcm: ...": the asker owns the section
                self.owner = self.current = self.section_owner = \
                    self.layout["heading_owners"].get(block.section_path[-1])
        if block.kind == "row" and self.previous_kind != "row":
            self.row_speaker = None  # a new table
        if block.kind == "item" and self.previous_kind != "item":
            self.by_depth, self.owners = {}, {}  # a new list
            self.item_turn = None
        if self.item_turn and (block.kind != "item" or block.depth < self.item_turn[0]):
            self.item_turn = None
        if block.kind == "paragraph" and block.bold and len(block.text) <= 60 and \
                block.text.strip(" *_") == block.bold[0].strip(" *_"):
            # "**5. Actions**" alone on its line, a heading in all but name
            self.assigning = bool(_ASSIGNMENTS.match(block.text.strip(" *_")))
        self.previous_kind = block.kind
        self.owners = {d: names for d, names in self.owners.items() if d <= block.depth}
        if block.kind != "item":
            self.presenting = {}
        self.presenting = {d: names for d, names in self.presenting.items() if d < block.depth}

    def leave(self, block: Block, text: str, speakers: Speakers, label: Label | None,
              labelled: bool) -> None:
        names = speakers.names
        if labelled and names:
            # a transcript's turn runs on into unlabelled prose; a line of chat (a nick)
            # or of initials-minutes does so only when it is itself a long turn
            short_line = label.kind in ("handle", "initials") and len(text) < 120
            self.turn = None if short_line and not self.layout["speeches"] else names[0]
        if block.kind == "item" and _KEYWORD_LINE.match(text) and not labelled:
            self.item_turn = None  # "AI: Mark to write a summary", "Consensus: ..."
        if block.kind == "item" and (labelled or names and block.depth == (
                self.item_turn or (-1,))[0] and names[0] != self.item_turn[1]):
            self.item_turn = (block.depth, names[0]) if labelled and len(names) == 1 and \
                len(text) >= 100 else None
        # ("Dan: +1" is a vote, not words that run on)
        self.spoken = self.turn is not None and names == [self.turn] and len(text) >= 60
        if names:
            self.current = names[-1]
        elif _SOMEONE_UNNAMED_SPEAKS.match(text):
            self.current = None  # "Counsel responded that ...": "He added" is not the last one's
        # a speaker's paragraph that ends in a colon introduces what comes next
        self.introduced = names[-1] if len(names) == 1 and text.rstrip().endswith(":") \
            else None
        self.by_depth = {d: n for d, n in self.by_depth.items() if d < block.depth}
        if len(names) == 1:
            self.by_depth[block.depth] = names[0]


def attribute(blocks, registry: Registry, narrator: str | None = None) -> list[Attribution]:
    """Speakers and mentions of every block, in order. In a one-speaker document (a
    speech: ``narrator`` from front matter) every paragraph is the narrator's unless a
    label gives it to someone else; people the narrator quotes are mentions."""
    state = _State(_layout(blocks, registry))
    result = []
    for i, block in enumerate(blocks):
        state.enter(block)
        if block.voice is not None:
            result.append(_voiced(block, registry, state))
            continue
        if seated := chair_taken(block.text):
            entry = registry.resolve_name(seated)
            state.in_chair = entry.name if entry else seated
            state.turn = state.current = None
            result.append(Attribution((), (), mentions_in(block.text, registry, ())))
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        nested = following is not None and block.kind == following.kind == "item" and \
            following.depth > block.depth
        cued = state.cue
        found = _structure(block, registry, state, nested, following) or \
            _turn(block, registry, state, narrator)
        if cued and not found.drop:  # a script's words are the one block under the cue,
            state.owner, state.cue = None, False  # then the action ("They laugh.")
        result.append(found)
    return _fill_one_speaker_stretches(blocks, result)


def _voiced(block: Block, registry: Registry, state: _State) -> Attribution:
    """A block whose format says who speaks (a mail's sender, the author of a quoted
    reply): that person, as the document knows them ("Kowalczyk wrote:" is Marta
    Kowalczyk), or nobody when the format names no one."""
    voice, evidence = block.voice or ("", "")
    found = tuple(dict.fromkeys(
        speaker for name in re.split(r"\s+(?:and|AND|&)\s+|\s*/\s*", voice)
        if (speaker := _voice_speaker(name, registry))))
    state.current = found[-1] if found else None
    state.turn = state.owner = None
    return Attribution(found, (evidence,) * len(found), mentions_in(block.text, registry, found))


def _voice_speaker(name: str, registry: Registry) -> str:
    """A voice as the format gives it -> who speaks: the person the document names
    ('OSWALDO' for Oswaldo Quintana-Reyes, 'Professor Anders Holm'), the holder of a role
    ('MODERATOR'), else the voice as given ('Deb K', '+44 7700 900461') unless it is a
    word that names no one."""
    if name.isupper() and len(name) > 2:
        name = display_name(name)  # a script's cue
    name = strip_prefix(name) or name
    if name.casefold() in ROLE_LABELS:
        holder = registry.resolve_role(ROLE_LABELS[name.casefold()])
        return holder.name if holder else ROLE_LABELS[name.casefold()]
    entry = registry.resolve_name(name) if name else None
    if entry:
        return entry.name
    return name if name and name.casefold() not in NOT_NAME_WORDS | NON_PERSON_LABELS else ""


def _structure(block: Block, registry: Registry, state: _State,
               nested: bool = False, following: Block | None = None) -> Attribution | None:
    """Blocks that organise turns rather than hold one: lists and tables kept whole,
    table rows, headers, presenter and attendee lines; ``nested``: items are nested under
    this one; ``following``: the next block."""
    presenters = _presenters(block, registry) if nested and block.kind == "item" else []
    if presenters:
        # "- Release updates (Jeremy Rickard)": the agenda item names who presents the
        # notes nested under it; the item itself is a topic, not a turn
        state.by_depth = {d: n for d, n in state.by_depth.items() if d < block.depth}
        if len(presenters) == 1:
            state.by_depth[block.depth] = presenters[0]
        else:  # "SIG CLI [Maciej Szulik and Sean Sullivan]": the two present together
            state.presenting[block.depth] = presenters
        return Attribution((), (), tuple(presenters))
    group = _names_only(block.text, registry) if block.kind == "item" else None
    if group:
        state.owners[block.depth] = group
        state.by_depth = {d: n for d, n in state.by_depth.items() if d < block.depth}
        if len(group) == 1:  # "- josh:" heads the items nested under it
            state.by_depth[block.depth] = group[0]
        return Attribution((), (), tuple(group), drop=True)
    if block.kind in ("list", "table"):
        found = _list_attribution(block, registry, state.owner or state.introduced)
        state.introduced = None
        return found
    if block.kind == "row":
        found = _row_attribution(block, registry, state.row_speaker)
        state.row_speaker = found.speakers[0] if len(found.speakers) == 1 else None
        return found
    if state.layout["dotted"] and (examined := _examination(block, registry)):
        # a hearing transcript: who is sworn answers the "A." lines, whoever examines her
        # asks the "Q." lines
        role, name = examined
        if role == "witness":
            state.answerer, state.examiner = name, None
        else:
            state.examiner = name
        state.turn = None
        return Attribution((), (), (name,))
    asking = registry.resolve_role("Interviewer") or registry.resolve_role("Moderator") \
        if state.layout["interview"] and interview_question(block) else None
    if asking:
        # a Q&A: the question in bold is the interviewer's (a panel's moderator's); in an
        # interview, the paragraphs below it are the interviewee's answer
        answering = registry.resolve_role("Interviewee")
        state.owner = state.current = answering.name if answering else None
        state.turn = None
        return Attribution((asking.name,), ("label",),
                           mentions_in(block.text, registry, (asking.name,)))
    header = _header(block, registry, state.layout, following)
    if header is not None:
        state.owner = state.current = header or None
        state.turn = None
        state.cue = bool(header) and script_cue(block) is not None
        # a header line names the speaker of what follows: it is not a paragraph; one
        # naming nobody known still ends the turn before it
        return Attribution((), (), (header,) if header else (), drop=True)
    if state.layout["speaker_lines"] and (listed := state.layout["name_lines"].get(id(block))):
        # a name line over another, or over a note of the record: an entry of a list of
        # people (the appearances, an index of speakers), naming one who says nothing here
        return Attribution((), (), (listed,))
    moved = MOTION_LINE.match(block.text)
    mover = registry.resolve_name(trailing_asides(moved.group("who").strip())[0]) \
        if moved else None
    rest = block.text[moved.end():].strip(" .;") if moved else ""
    if mover and rest and not MOTION_LINE.match(rest):
        # "Seconded: Folasade Adeyemi (Early Years) Sister Adeyemi said ...", or her speech
        # on the lines below: hers
        state.current, state.turn, state.owner = mover.name, None, None
        return Attribution((mover.name,), ("header",),
                           mentions_in(block.text, registry, (mover.name,)))
    if mover:
        # "Moved: Dariusz X (Branch)" on its own line: he speaks in what follows
        state.current = mover.name
        state.turn = state.owner = None
        return Attribution((), (), (mover.name,))
    presenter = OWNER_LINE.match(block.text)
    if presenter and presenter.group("name2") and re.match(r"\s*speakers?\b", block.text, re.I) \
            and presenter.group("name2").count(",") >= 2:
        # "Speakers: A, B, C, D": who took the floor on the item, each in their own turn
        state.owner = None
        return Attribution((), (), mentions_in(block.text, registry, ()))
    named = re.split(r"\s*[(,]|\s+and\s+", presenter.group("name") or presenter.group(
        "name2"))[0].strip(" .*_") if presenter else ""
    # "HOST: Councillor de la Cruz, you're nodding.": the host's turn, spoken to her
    spoken_to = presenter and presenter.group("name2") and _spoken_to(
        presenter.group("name2").strip()[len(named):])
    if presenter and not spoken_to and (PREFIXED_NAME.fullmatch(named) or
                                        plain_person_name(named) or registry.resolve_name(named)):
        # "Presented by: Chad Smith (Canonical)" owns what follows; "HOST: Welcome to the
        # show" is the host's turn
        entry = registry.resolve_name(named) or registry.misspelt(named)
        state.owner = state.current = entry.name if entry else None
        state.turn = None
        return Attribution((), (), mentions_in(block.text, registry, ()))
    if attendee_line(block.text):
        # "Present: ...", "Chair: Wendy Reid, Tzviya Siegman": who attends, not a turn
        return Attribution((), (), mentions_in(block.text, registry, ()))
    return None


# "Hello, it's Keith", "This is Dana Ruiz", "Keith here again": a caller says who she is
_SELF_NAMING = re.compile(rf"(?:\b(?:it['’]s|it is|this is)\s+(?P<name>[{UPPER}][\w'’-]+"
                          rf"(?:\s+[{UPPER}][\w'’-]+)?)|^\W*(?P<here>[{UPPER}][\w'’-]+)\s+here\b)")


# a journalist's question opening with who is asking, for whom: "Thank you. Marta Szabo,
# Danube Wire.", "Kofi Mensah-Larbi from the Daily Beacon."
_ASKER_INTRO = re.compile(
    r"^\s*(?:\([^()]{1,60}\)\s*)?(?:(?i:thank you|thanks|hi|hello|good (?:morning|afternoon|"
    r"evening))[^.!?]{0,40}[.!,]\s*)?"
    rf"(?P<name>[{UPPER}][\w'’.-]+(?:\s+[\w'’.-]+){{1,3}}?)(?:,\s*|\s+(?:from|of|with)\s+)"
    rf"(?:the\s+)?[{UPPER}][^.?!,]{{1,50}}\.\s+\S")


def _asker_introduced(text: str, registry: Registry) -> str | None:
    found = _ASKER_INTRO.match(text)
    name = found.group("name") if found else ""
    if not plain_person_name(name):
        return None
    entry = registry.resolve_name(name)
    return entry.name if entry else name


def _self_named(text: str, registry: Registry) -> str | None:
    found = _SELF_NAMING.search(text[:120])
    if not found:
        return None
    name = found.group("name") or found.group("here")
    entry = registry.resolve_name(name)
    if entry:
        return entry.name
    # a name the report gives no more of: the caller as she calls herself
    return name if name.casefold() not in NOT_NAME_WORDS and not name.isupper() and \
        name.casefold() not in registry.common else None


def _spoken_to(after_name: str) -> bool:
    """', you're nodding', ', did you get any of it?', ', thirty seconds. What would you
    ...': what follows a name at the start of a turn that addresses that person."""
    return bool(VOCATIVE.match(after_name) or re.match(
        r"\s*,(?:[^.?!]*[.!]\s*)?[^.?!]*\b(?:you|your)\b|\s*,[^.!]*\?", after_name) or
        # "Dominic, the Ferryman is the opposite": a sentence to him, not who he is
        re.match(r"\s*,\s+(?:the|a|an|this|that|he|she|they|it|we|I)\s+[^.?!,]{0,80}?\b"
                 r"(?:is|are|was|were|has|have|had|does|did|can|will|would)\b", after_name))


def _examination(block: Block, registry: Registry) -> tuple[str, str] | None:
    """('witness', name) for a line swearing a witness in, ('examiner', name) for the line
    naming who examines; None for any other block."""
    for role, pattern in (("witness", SWORN), ("examiner", EXAMINER)):
        found = pattern.match(block.text) if len(block.text) <= 140 else None
        if not found:
            continue
        who = strip_prefix(caps_displayed(found.group("who").strip()))
        entry = registry.resolve_name(who)
        if entry:
            return role, entry.name
        shown = display_name(who) if who.isupper() else who
        if role == "witness" and plain_person_name(shown):
            return role, shown  # "OLUWADAMILARE ADEYEMI-PRICE, having been ... sworn"
    return None


def _turn(block: Block, registry: Registry, state: _State,
          narrator: str | None) -> Attribution:
    """A paragraph or a list item: its own speakers, else one carried on."""
    label = parse_label(block.text)
    if label and label.dotted and not state.layout["dotted"]:
        label = None  # "A. Introduction": a lettered paragraph, where nothing asks
    held = label and label.kind == "role" and (
        role_holder(block.text, label) or len(block.lines) > 1 and role_holder(block.lines[0]))
    if held:
        # "President: Mr. Laurent Castellane (France)": who holds the office, not a turn
        state.turn = None
        if fold(held[0]) in PRESIDING_OFFICES and not state.in_chair:
            entry = registry.resolve_name(held[1])
            state.in_chair = entry.name if entry else None
        return Attribution((), (), mentions_in(block.text, registry, ()))
    labelled = _label_speakers(label, registry, state.layout) if label else []
    dashed = dash_label(block.text) if label is None and \
        not under_attendees(block.section_path) else None
    if dashed and dashed.organisation and block.kind == "item":
        dashed = None  # "- **Sam Okonkwo** (@samokonkwo) — co-host, ...": who is who
    if dashed:
        labelled = _label_speakers(dashed, registry, state.layout)
        label = dashed if labelled else None
    if label is None and (body := body_label(block.text)):
        labelled = _label_speakers(body, registry, state.layout)
        label = body if labelled else None
    if labelled and label.kind in ("initials", "name", "handle", "dash") and state.assigning and \
            not FIRST_PERSON.match(block.text[label.end:]) and \
            not block.text[label.end:].lstrip(" *_").startswith(('"', "“")) and \
            not _reported(block.text[label.end:].lstrip(" *_")):
        # "Actions: BEH — pinned box by 10.30": a task, not words ('Tomasz, on the way
        # out: "If the scraper dies ..."' and, under a board's "Action items", "Trustee X:
        # Spoke in support of ..." are words)
        labelled, label = [], None
    if labelled and label.kind == "name" and not (label.role or label.organisation) and \
            _one_off_word(label.names[0], registry) and \
            _opens_with_a_speaker(block.text[label.end:], registry):
        labelled, label = [], None  # "Summation: Mateo Lindgren said ...": a keyword
    if labelled and not label.dotted and INITIALS.match(label.names[0]) and \
            fold(block.text[label.end:]).lstrip(" *_").startswith(fold(labelled[0][0])):
        labelled, label = [], None  # "RS-O — Renata Szymańska-Obi, partner at ...": a legend
    if label and label.role == "Answerer" and labelled:
        state.answerer = labelled[0][0]
    elif labelled == [("Answerer", "label")] and (interviewee := registry.resolve_role(
            "Interviewee")):
        labelled = [(interviewee.name, "label")]  # an interview's "A." lines
    elif labelled == [("Answerer", "label")] and (spokesperson := registry.resolve_role(
            "Spokesperson")):
        labelled = [(spokesperson.name, "label")]  # a briefing's answers are the spokesperson's
    elif labelled == [("Answerer", "label")] and state.answerer:
        labelled = [(state.answerer, "label")]  # an FAQ's answers by one expert
    if label and label.dotted and labelled == [("Questioner", "label")] and state.examiner:
        labelled = [(state.examiner, "label")]
    elif labelled == [("Witness", "label")] and state.answerer:
        labelled = [(state.answerer, "label")]  # "THE WITNESS: Survey points ..."
    if labelled == [("Caller", "label")] and (caller := _self_named(block.text[label.end:],
                                                                    registry)):
        labelled = [(caller, "label")]  # "+44 7700 900412: Yeah, hello, it's Keith."
    if labelled == [("Questioner", "label")] and state.section_owner:
        labelled = [(state.section_owner, "label")]  # "### Question 1 – Mr X" over "Question:"
    if labelled == [("Questioner", "label")] and (
            interviewer := registry.resolve_role("Interviewer")) and \
            registry.resolve_role("Interviewee"):
        labelled = [(interviewer.name, "label")]  # an interview's "Q." lines
    elif labelled == [("Questioner", "label")] and (asker := _asker_introduced(
            block.text[label.end:], registry)):
        labelled = [(asker, "label")]  # "QUESTION: Thank you. Marta Szabo, Danube Wire. ..."
        state.questioner = asker
    elif label and label.role == "Questioner" and labelled:
        state.questioner = labelled[0][0]
    elif labelled == [("Questioner", "label")] and state.questioner and \
            FOLLOW_UP.match(block.text[label.end:]):
        labelled = [(state.questioner, "label")]  # "Q. Follow-up, if I may. ..."
    if label is not None or EVERYONE.match(block.text):
        # a turn of its own ("Rosa: ...", "ALL: ...") ends a header's; a note-taker's
        # keyword ("Slides: ...", "Action: ...") does not
        state.owner = None
    for run in block.bold[1:] if labelled and len(block.bold) > 1 else ():
        # "A (Tobias): ... **Lena Marsh-Oyelaran, chief executive, added:** ...": a second
        # turn, labelled as the first
        turn = bold_turn(run)
        entry = registry.resolve_name(turn.names[0]) if turn else None
        if entry and entry.name not in (name for name, _ in labelled):
            labelled = [*labelled, (entry.name, "label")]
    text = strip_label(block.text, label) if labelled else block.text
    if len(labelled) == 1 and not block.text[label.end:].strip(" *_:") and \
            block.kind == "paragraph":
        # "Bernadette M. O'Sullivan-Price (Chair, NCEC)  19:01" alone: the words below are hers
        state.owner = labelled[0][0]
    speakers = Speakers()
    if narrator:
        for name, evidence in labelled or [(narrator, "front-matter")]:
            speakers.add(name, evidence)
    else:
        if label and not labelled and label.kind != "name":
            state.turn = None  # "Discussion:" and the like end a turn
        _own_speakers(block, text, labelled, registry, state, speakers)
        unknown_label = label is not None and not labelled and label.kind in (
            "name", "caps", "handle", "initials")
        if not speakers.names and _bold_heading(block):
            state.turn = None  # "**Catch-the-eye procedure**": a heading in all but name
        elif not speakers.names and not unknown_label:
            # "- Scott: ..." where no Scott is known is someone's turn, not the last one's
            _carried_on(block, text, registry, state, speakers)
    if not labelled and (CAPTION.match(block.text) or RUNNING_HEAD.match(text) or
                         BIOGRAPHY.match(text) and any(
            BIOGRAPHY_HEADING.search(h) for h in block.section_path[-1:])):
        speakers = Speakers()
    if labelled and EDIT.match(text):
        speakers = Speakers()  # an IRC correction ("s/Friday/Thursday/"), not a turn
    if state.in_chair:
        speakers = _seated(speakers, registry, state.in_chair)
    state.leave(block, text, speakers, label, bool(labelled))
    return Attribution(tuple(speakers.names), tuple(speakers.evidence),
                       mentions_in(text, registry, speakers.names),
                       text=text if text != block.text else None, labelled=bool(labelled))


def _affiliation_line(text: str) -> bool:
    """'Policy Lead, Water Justice Forum, Kochi, India' under a speaker's name: who she
    is, in capitalised parts, no sentence."""
    parts = [p.strip() for p in text.split(",")]
    return len(text) <= 160 and len(parts) >= 2 and not re.search(r"[.!?;:]\s*$", text) \
        and all(p[:1].isupper() for p in parts)


def _bold_heading(block: Block) -> bool:
    """A short paragraph all in bold, no sentence: a heading the markup did not call one."""
    text = block.text.strip(" *_")
    return block.kind == "paragraph" and bool(block.bold) and len(text) <= 80 and \
        text == block.bold[0].strip(" *_") and not text.endswith((".", "?", "!", ":", "”", '"'))


def _seated(speakers: Speakers, registry: Registry, in_chair: str) -> Speakers:
    """The presiding office, by its label or its name ("President.", "The CHAIR said"),
    is whoever the last notice put in the chair."""
    seated = Speakers()
    for name, evidence in zip(speakers.names, speakers.evidence, strict=True):
        entry = registry.resolve_name(name) if evidence in ("label", "role-reference") \
            else None
        presiding = evidence in ("label", "role-reference") and (
            fold(name) in PRESIDING_OFFICES or entry is not None and entry.name != in_chair
            and any(fold(r) in PRESIDING_OFFICES for r in entry.meeting_roles))
        seated.add(in_chair if presiding else name, evidence)
    return seated


_SUBJECTLESS = re.compile(rf"^(?:also|further|then)\s+(?:{ADVERBS})?(?:keen|interested|happy|"
                          rf"concerned|worried|supportive|willing|eager|open to|{VERBS})\b"
                          rf"|^(?!thanks)(?:{VERBS})\s+(?:that|whether|how|why|what|to|for|on)\b")


_REPORTED = re.compile(rf"^(?!thanks|thank)(?:{VERBS})\s+[a-z]")


def _reported(text: str) -> bool:
    """A turn the minute-taker reports, its subject left out: 'Noted that ...', 'Spoke in
    support of ...', 'Asked the board to ...'."""
    text = text.lstrip()
    return bool(_REPORTED.match(text[:1].lower() + text[1:]))


def _subjectless(text: str) -> bool:
    """A note whose subject is left out: 'Also keen to ...', 'Noted that ...'."""
    text = text.lstrip()
    return bool(_SUBJECTLESS.match(text[:1].lower() + text[1:]))


def _own_speakers(block: Block, text: str, labelled, registry: Registry, state: _State,
                  speakers: Speakers) -> None:
    """What the block itself says about who speaks."""
    for name, evidence in labelled:
        speakers.add(name, evidence)
    inline = _inline_turns(text, registry)
    for _, name, evidence in inline:
        speakers.add(name, evidence)
    if inline and not labelled:
        # "@ytr asked whether we slip. @seun-a: no, ...": the one who asks, then the answer
        speech_subjects(text[:inline[0][0]], registry, state.current, speakers)
    if not labelled and CONTINUATION.match(text) and (state.turn or state.current):
        speakers.add(state.turn or state.current, "continuation")
    if not labelled and not speakers.names and state.turn and block.kind == "paragraph" and \
            _subjectless(text):
        # "Also keen to hear from others on transport: ...": the note goes on with the
        # turn above it, its subject left out
        speakers.add(state.turn, "continuation")
    if not speakers.names and state.turn and state.layout["speeches"] and \
            block.kind == "paragraph" and not not_spoken(text) and \
            (state.layout["verbatim"] or not _narrated(text, registry) and
             _speaks(text)):
        speakers.add(state.turn, "continuation")  # a speech runs on to the next label
    if not speakers.names and state.owner and registry.timed_turns and \
            block.kind == "paragraph" and not _narrated(text, registry):
        # a recorder's export: every line under "Name   00:14:47" is her words, whoever
        # they tell of ("the bridge facility Joost described")
        speakers.add(state.owner, "header")
    if not labelled and not speakers.names:
        # inside a labelled turn, others' words are reported speech; so is an office
        # ("the Secretary-General condemned ...") in a transcript turn that runs on
        speech_subjects(text, registry, state.current, speakers,
                        offices=not (state.turn and state.layout["transcript"]))
        if state.turn and speakers.names and \
                _speaks_for(state.turn, speakers.names[0], registry):
            # "Brazil also recalls that ..." in the speech of Ms. Arantes Lobo (Brazil): a
            # delegation speaking of itself, by its name
            speakers.names[0], speakers.evidence[0] = state.turn, "continuation"
    elif labelled and (after := _after_quotation(text)):
        # 'Martin: "...". Darja also expressed support.': the label introduced a
        # quotation; the narrative goes on after it
        speech_subjects(after, registry, None, speakers)
    if not speakers.names and not labelled:
        speakers.add(_bold_lead(block, text, registry), "label")
    if not speakers.names:
        for name in signed_by(text, registry, block.section_path):
            speakers.add(name, "label")
    for name in credited_within(text, registry, block.section_path):
        speakers.add(name, "label")
    credit = (QUOTE_CREDIT.search(text) or POST_CREDIT.search(text)) \
        if not speakers.names else None
    if credit:
        # '"I came mainly for the lunch ..." — Fiona McCandless, arable member': the quote's
        entry = registry.resolve_name(strip_prefix(credit.group("who")))
        who = entry.name if entry else strip_prefix(credit.group("who"))
        if entry or plain_person_name(who):
            speakers.add(who, "quotation")
    if not speakers.names and QUOTATION.match(text) and state.current:
        speakers.add(state.current, "quotation")


# a speaker's own words say I, we or you; a report's narration between the labelled
# turns ("The moderator then turned to ...", "Several panellists referred to ...") does not
_PERSONAL = re.compile(r"\b(?:I|me|my|we|We|us|our|Our|you|You|your|Your|let['’]s|Let['’]s)\b")


def _speaks_for(speaker: str, named: str, registry: Registry) -> bool:
    """Whether ``named`` is the country or the body ``speaker`` speaks for."""
    entry = registry.resolve_name(speaker)
    return entry is not None and named != speaker and any(
        fold(o.split(",")[0]).strip() == fold(named) for o in entry.organisations)


# the report telling of the meeting itself, between the turns: "Several panellists referred
# to ...", "the panel moved directly to the closing round"
_MEETING_TOLD = re.compile(r"\b(?:the|a|several|some|many|other|most)\s+(?:[a-z]+\s+)?(?:"
                           r"panel|panel+ists?|session|moderator|participants?|speakers?|"
                           r"delegates?|delegations?|floor|meeting|discussion|exchange|"
                           r"audience)\b")


def _speaks(text: str) -> bool:
    """Whether the words are someone's own, outside what they quote ('"We cannot wait,"
    Diallo-Sy warned' is the report telling)."""
    return _PERSONAL.search(unquoted(text)) is not None


def _one_off_word(label: str, registry: Registry) -> bool:
    """A one-word label used once that no list or full name makes a person's."""
    entry = registry.resolve_name(label)
    return " " not in label.strip() and registry.label_counts.get(label, 1) <= 1 and (
        entry is None or not entry.participant and len(entry.tokens()) == 1)


def _opens_with_a_speaker(text: str, registry: Registry) -> bool:
    """'Mateo Lindgren said the Board ...': the words after a label name their speaker."""
    text = text.lstrip(" *_")
    first = min(named_people(text, registry), default=None)
    return first is not None and first[0] == 0 and first[3] == "name" and \
        bool(SPEECH_AFTER.match(text[first[2]:]))


def _narrated(text: str, registry: Registry) -> bool:
    """'Dr Korkmaz read a question submitted ...' between the turns of a transcript: the
    report tells what someone did, in the third person; it is no one's words run on; so
    does a transcriber's note ("[Mara asked Tomás to share the cost ...]")."""
    noted = text[:1] == "[" and text.rstrip()[-1:] == "]"
    text = text[1:] if noted else text
    first = min(named_people(text, registry), default=None)
    return first is not None and first[0] == 0 and (
        first[3] == "name" or noted and first[3] == "single") and \
        bool(re.match(r"\s+[a-z]", text[first[2]:]))


def _carried_on(block: Block, text: str, registry: Registry, state: _State,
                speakers: Speakers) -> None:
    """A block that names no speaker of its own, in order of how close the evidence is:
    its parent item, the owner of its list or section, what introduced it, a turn that
    runs on."""
    if block.depth and state.by_depth:
        speakers.add(state.by_depth.get(block.depth - 1), "continuation")
    if not speakers.names and block.kind == "item" and state.item_turn and \
            state.item_turn[0] == block.depth and not _KEYWORD_LINE.match(text) and \
            not _GROUP_TALK.search(text):
        speakers.add(state.item_turn[1], "continuation")
    if not speakers.names and block.kind == "item" and state.presenting:
        for name in state.presenting[max(state.presenting)]:
            speakers.add(name, "header")
    if not speakers.names and block.kind == "item" and state.owners:
        for name in state.owners[max(state.owners)]:
            speakers.add(name, "header")
    if not speakers.names and state.owner and not (
            state.owner == state.section_owner and _affiliation_line(text)):
        speakers.add(state.owner, "header")
    if not speakers.names and state.spoken and block.kind == "paragraph" and \
            OPENS_FIRST_PERSON.match(text):
        speakers.add(state.turn, "continuation")  # the labelled speaker goes on
    if not speakers.names and state.introduced and not names_anyone(text, registry):
        speakers.add(state.introduced, "continuation")  # "X outlined the plan:" then it
    if not speakers.names and state.section_owner and state.turn == state.section_owner \
            and block.kind == "paragraph":
        speakers.add(state.section_owner, "header")  # a speech goes on after interventions
    # "[00:05:10] I came on the train ...", "[pause] I am not against it": a time or a cue
    # before the words of the turn that runs on
    said = _LEADING_CUE.sub("", without_stamp(text) or text, count=1)
    if not speakers.names and state.turn and state.layout["transcript"] and \
            block.kind == "paragraph" and PROSE.match(said) and not _KEYWORD_LINE.match(said) \
            and not NARRATED.match(said) and \
            not not_spoken(said) and (FIRST_PERSON.match(said) or
                                                 not names_anyone(said, registry)) and \
            (state.layout["verbatim"] or _speaks(said) or not _MEETING_TOLD.search(said)):
        speakers.add(state.turn, "continuation")


def _layout(blocks, registry: Registry) -> dict:
    """How this document marks turns, decided from the whole document."""
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    labelled = initials = designations = reported = 0
    lengths = [0]
    dotted: collections.Counter = collections.Counter()  # "Q." and "A." labels, by role
    for block in paragraphs:
        label = parse_label(block.text)
        if label and label.dotted:
            dotted[label.role or label.names[0]] += 1
        if label and label.kind in ("name", "handle", "initials", "role", "designation", "caps"):
            if all(registry.resolve_name(n) for n in label.names) or label.kind in (
                    "role", "designation"):
                labelled += 1
                initials += label.kind == "initials"
                designations += label.kind == "designation"
                lengths.append(len(block.text))
                reported += _reported(block.text[label.end:])
    transcript = labelled >= 3 and labelled >= 0.25 * max(len(paragraphs), 1)
    # each paragraph that is only a name (or a speaking role), read once for the document
    name_lines = {id(block): named for block in paragraphs
                  if (named := speaker_line(block, registry))}
    named_lines = sum(1 for named in name_lines.values() if named not in ROLE_LABELS.values())
    return {"transcript": transcript, "initials": initials >= 3,
            # a verbatim record ("Mr. GORTON."): every word in it is someone's speech
            "verbatim": designations >= 2,
            "interview": sum(1 for block in paragraphs if interview_question(block)) >= 3,
            # names alone on the line above the words, at least two people's
            "speaker_lines": named_lines >= 2, "name_lines": name_lines,
            "dotted": dotted["Questioner"] >= 2 and dotted["Answerer"] >= 2,
            "heading_owners": registry.heading_owners,
            # speeches: a label opens a speech of several paragraphs (a parliament's
            # record, an interview), not a line of minutes ("Helen Okafor: Noted that
            # ...", as most of a document's turns read in minutes)
            "speeches": designations >= 2 or transcript and
            sorted(lengths)[len(lengths) // 2] >= 200 and 2 * reported < labelled}


def _header(block: Block, registry: Registry, layout: dict,
            following: Block | None = None) -> str | None:
    """A turn header: '**Org | Name | Role**', or a bold name alone on its line. Returns
    the owner's name ('' for a header line naming nobody we know), None when the block
    is not a header."""
    found = header_line(block) or delegation_header(block) or bold_name_line(block)
    if found:
        entry = registry.resolve_name(found[0])
        return entry.name if entry else ""
    if layout["speaker_lines"] and (named := layout["name_lines"].get(id(block))) and \
            _words_below(following, layout):
        return named  # "Tobias van der Berg" alone above what he says
    timed = timed_line(block.text) if block.kind == "paragraph" else None
    label = parse_label(block.text) if timed else None
    if timed and (registry.timed_turns or label):
        # "Nadia Okonkwo-Reyes   00:00:04" over her words; "iPhone (2)   00:20:31", a
        # device's name, is someone in the room no one names
        speakers = _label_speakers(label, registry, layout) if label else []
        entry = registry.resolve_name(timed)
        return speakers[0][0] if speakers else entry.name if entry else "Participant"
    bold = whole_bold(block)
    if bold and 1 <= block.text.count("|") <= 3 and len(block.text) <= 160:
        return ""  # a header we cannot read: it still ends the turn before it
    alone = label_alone(block.text) if block.kind == "paragraph" else None
    if alone and len(alone.names) == 1:  # "Josh:" on its own line, the turn below it
        speakers = _label_speakers(alone, registry, {"initials": False})
        if speakers:
            return speakers[0][0]
    if bold and len(block.text) <= 80:
        name = block.text.strip(" *_:")
        match = PREFIXED_NAME.fullmatch(name)
        entry = registry.resolve_name(match.group("name") if match else name)
        if entry and (match or entry.written_as(name)):
            return entry.name
    return None


_SPEAKER_LINE_ROLE = re.compile(r"\s+[-\u2013\u2014]\s+.*$|,\s+.*$")
# role labels that, alone on a line, are more often a heading than a speaker
_HEADING_ROLES = frozenset("q a question answer response reply supplementary speaker audience "
                           "participant secretary president".split())


def _words_below(following: Block | None, layout: dict) -> bool:
    """Whether the next block can be a turn's words: not another name line (a list of
    appearances, one person a line) nor a note of what the record did."""
    return following is not None and id(following) not in layout["name_lines"] and \
        not STAGE_DIRECTION.match(following.text)


def speaker_line(block: Block, registry: Registry) -> str | None:
    """'Mireille Okafor-Lindqvist', 'Tim Cook - Chief Executive Officer', 'Operator': a
    paragraph that is only a known person's name (with her role after a dash or a comma)
    or a speaking role, as a call transcript prints the speaker above the words."""
    if block.kind != "paragraph" or len(block.text) > 90 or block.text.rstrip().endswith(
            (".", ":", "?", "!", ";")):
        return None
    # "Dr Nkechi Adeyemi-Holt (Registrar)": the name, with a role after it
    cue = script_cue(block)
    name = strip_prefix(display_name(cue) if cue else trailing_asides(
        _SPEAKER_LINE_ROLE.sub("", block.text.strip(" *_")))[0])
    if name.casefold() in ROLE_LABELS and name.casefold() not in _HEADING_ROLES:
        # "MODERATOR" over the words: the moderator the text names, else the role
        holder = registry.resolve_role(ROLE_LABELS[name.casefold()])
        return holder.name if holder else ROLE_LABELS[name.casefold()]
    entry = registry.resolve_name(name)
    return entry.name if entry and (entry.written_as(name) or cue) else None


def _bold_lead(block: Block, text: str, registry: Registry) -> str | None:
    """'**bentheelder** shoutout to @aojea ...', '**Dr. Amara Singh** (WHO) opened by
    ...': a paragraph led by a person's name in bold is theirs."""
    if not block.bold:
        return None
    lead = block.bold[0].strip(" *_")
    body = text.lstrip(" -*•\t")
    if not lead or not body.startswith(lead) or len(body) < len(lead) + 12 or \
            body[len(lead):].lstrip().startswith(":"):
        return None
    if _BIOGRAPHY_AFTER_NAME.match(body[len(lead):]):
        return None  # "**Rangi Te Awa** coordinates community programmes ...": who she is
    entry = registry.resolve_name(strip_prefix(lead))
    if entry and fold(body[len(lead):]).lstrip(" -*_:").startswith(fold(entry.name)):
        return None  # "**RS-O** — Renata Szymańska-Obi, partner at ...": a legend
    if entry is None and _SPEAKING_BODY.match(lead) and re.match(
            rf"^\s*(?:\([^()]*\)\s*)?{ADVERBS}(?:{VERBS})\b", body[len(lead):]):
        return lead  # "**MoDM** reported that ...": an agency speaks, no one named for it
    return entry.name if entry is not None and entry.written_as(strip_prefix(lead)) else None


def _presenters(block: Block, registry: Registry) -> list[str]:
    names = []
    for name, handle in agenda_presenters(block.text, one_word=True):
        entry = registry.resolve_name(name) or (registry.resolve_name(handle) if handle else None)
        if entry:
            names.append(entry.name)
    return list(dict.fromkeys(names))


def _names_only(text: str, registry: Registry) -> list[str] | None:
    """'Carol / Karen', 'Ana Ruiz and Lena Okafor': a line that only names people, each
    one known."""
    parts = [p.strip(" *_.:") for p in re.split(r"\s*(?:/|&|,|\band\b)\s*", text)]
    if not parts or len(text) > 80 or any(not p for p in parts):
        return None
    names = []
    for part in parts:
        entry = registry.resolve_name(part)
        known_form = entry is not None and entry.written_as(part)
        if entry is None or not (re.fullmatch(rf"[{UPPER}][\w'’. -]*", part) or known_form):
            return None
        names.append(entry.name)
    return list(dict.fromkeys(names))


def _label_speakers(label: Label, registry: Registry, layout: dict) -> list[tuple[str, str]]:
    if label.kind in ("designation", "role"):
        name = label.names[0]
        holders = registry.holders(name) if label.several else []
        if len(holders) >= 2:  # "Chairs: Reasonable support.": both chairs say it
            return [(entry.name, "label") for entry in holders]
        holder = registry.resolve_role(name) if label.kind == "role" and \
            name not in _ONE_OF_MANY else None
        return [(holder.name if holder else name, "label")]
    if label.kind == "body":
        # through the one named beside it, else the one the roster lists for it
        entry = registry.resolve_name(label.organisation or label.names[0])
        return [(entry.name, "label")] if entry else []
    found = []
    for name in label.names:
        entry = registry.resolve_name(name)
        if entry:
            found.append((entry.name, "initials" if label.kind == "initials" else "label"))
        elif label.kind == "caps":
            return []  # "MARCUS:" only when the document names a Marcus
        elif label.kind == "initials" and layout["initials"] and \
                name.casefold() not in NOT_NAME_WORDS:
            found.append((name, "initials"))  # a code no attendee list spells out
        else:
            return []
    return found


def _after_quotation(text: str) -> str:
    """What follows a quotation that opens the text."""
    match = re.match(r"^\s*[\"“]([^\"“”]{8,})[\"”]", text)
    return text[match.end():] if match else ""


def _inline_turns(text: str, registry: Registry) -> list[tuple[int, str, str]]:
    """'... we publish. NR: I will send ...': later turns inside one paragraph, where each
    starts."""
    found = []
    for at, label in inline_labels(text):
        entry = registry.resolve_name(label)
        if entry:
            found.append((at, entry.name, "initials" if INITIALS.match(label) else "label"))
    return found


def _row_attribution(block: Block, registry: Registry, above: str | None) -> Attribution:
    """A table row read alone (``lines`` are its column headers, ``items`` its cells):
    the person in a person column speaks; else the subjects of speech verbs. ``above``:
    the one speaker of the row above, whose turn a row with an empty person cell goes
    on with (a transcript laid out as a table)."""
    speakers = Speakers()
    others = [h for h in block.lines if not _PERSON_COLUMN.search(h)]
    if under_attendees(block.section_path) or len(others) < len(block.lines) and others and \
            all(_ROSTER_COLUMN.match(h) for h in others):
        # a row of the attendance table, or of a table of who is who: who came
        return Attribution((), (), mentions_in(block.text, registry, ()))
    for header, cell in zip(block.lines, block.items, strict=False):
        if _PERSON_COLUMN.search(header):
            if not cell.strip():
                if above:
                    speakers.add(above, "continuation")
                continue
            cell = without_stamp(cell)  # "[00:00:04] Lucía Ferreira-Mendes"
            # "Dr. Wei Chen, Geospatial Lab, University of ...": the name before the
            # affiliation
            entry = registry.resolve_name(cell)
            first = strip_prefix(re.split(r",\s+|\s+\(|\s+[-–—]\s+", cell)[0])
            if entry is None and first != cell and len(first.split()) >= 2:
                found = registry.resolve_name(first)
                if found and found.written_as(first):
                    entry = found  # the person's full name, then where they work
            for aside in trailing_asides(cell)[1] if entry is None else ():
                # "Hollowmere Chamber of Commerce (Femi Adeyemi-Clarke, Chair)": who wrote
                named = strip_prefix(aside.split(",")[0].strip())
                if plain_person_name(named) or PREFIXED_NAME.fullmatch(aside.split(",")[0]):
                    # "Mrs G. Achterberg-Lowe": the initial and the surname of one known
                    entry = registry.resolve_name(named) or registry.resolve_name(
                        re.sub(r"^(?:[A-Z]\.\s*)+", "", named)) or registry.add_plain(named)
                    break
            if entry is None and (unnamed := _UNNAMED.match(cell)):
                speakers.add(unnamed.group("who").capitalize(), "header")
            elif entry is None and (role := ROLE_LABELS.get(cell.casefold())):
                # "Participant | Hi, yes, this is Gareth X from ...": who she says she is
                said = " ".join(c for h, c in zip(block.lines, block.items, strict=False)
                                if h != header)
                speakers.add(_self_named(said, registry) or role, "header")
            if entry:
                speakers.add(entry.name, "header")
    for cell in block.items if not speakers.names else ():
        # "RS-O: credible path to revenue. KA: the service model is the product.": a
        # judges' comments column, each comment labelled
        label = parse_label(cell)
        for name, evidence in _label_speakers(label, registry, {"initials": False}) \
                if label else []:
            speakers.add(name, evidence)
        for _, name, evidence in _inline_turns(cell, registry) if label else ():
            speakers.add(name, evidence)
    if not speakers.names:
        for cell in block.items:
            speech_subjects(cell, registry, None, speakers)
    return Attribution(tuple(speakers.names), tuple(speakers.evidence),
                       mentions_in(block.text, registry, speakers.names))


def _list_attribution(block: Block, registry: Registry, owner: str | None) -> Attribution:
    """A list or table kept whole: the speakers of its items."""
    speakers = Speakers()
    for item in block.items:
        label = parse_label(item)
        found = _label_speakers(label, registry, {"initials": False}) if label else []
        for name, evidence in found:
            speakers.add(name, evidence)
        for _, name, evidence in _inline_turns(item, registry) if found else ():
            speakers.add(name, evidence)  # "Q (X): ...? A (Dr Y): ..."
        if not found and block.kind == "list":
            speech_subjects(item, registry, None, speakers)
    if not speakers.names and owner and block.kind == "list" and \
            not _people_list(block, registry):
        speakers.add(owner, "header")
    return Attribution(tuple(speakers.names), tuple(speakers.evidence),
                       mentions_in(block.text, registry, speakers.names))


def _people_list(block: Block, registry: Registry) -> bool:
    """A list of people (a panel, the participants): each item opens with a name."""
    opening = sum(1 for item in block.items
                  if any(start <= 8 for start, _, _, _ in named_people(item[:80], registry)))
    return opening * 2 >= len(block.items)


def _fill_one_speaker_stretches(blocks, result: list[Attribution]) -> list[Attribution]:
    """A paragraph of prose with no speaker and no one named, between two paragraphs of
    the same single speaker in the same section, continues that speaker."""
    out = list(result)
    for i in range(1, len(blocks) - 1):
        before, here, after = out[i - 1], out[i], result[i + 1]
        if here.speakers or here.mentions or here.drop or blocks[i].kind != "paragraph":
            continue
        text = blocks[i].text
        if RUNNING_HEAD.match(text):
            continue  # "Transcript -- Page 17" between two pages of one speech
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
            out[i] = Attribution(before.speakers, ("continuation",), ())
    return out
