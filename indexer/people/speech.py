"""Who a text names, and who in it is speaking: the subjects of speech verbs, people
introducing a quotation, "She/He ..." carrying on a speaker."""

from __future__ import annotations

import re
from functools import lru_cache

from ..names import fold
from .labels import INITIALS, numbered_role
from .names import (
    ADVERBS,
    NOT_NAME_WORDS,
    PREFIXED_NAME,
    UPPER,
    VERBS,
    clean_name,
    without_possessive,
)
from .registry import SPEECH_AFTER, SPOKE_BY, Entry, Registry
from .vocabulary import DELEGATIONS, ROLE_LABELS, TITLES

# a paragraph number before it ("3.2 He reported"), an opening phrase ("Continuing, he
# said", "In closing, she thanked")
PRONOUN_SPEECH = re.compile(rf"(?:^\s*(?:\d+(?:\.\d+)*\.?\s+)?|(?<=[.!?;:]\s)|(?<=, and\s))"
                            rf"(?:[{UPPER}][a-z]+(?:\s+[a-z]+){{0,3}},?\s+(?:she|he)|She|He|"
                            # "the question is sharper: she says ..."
                            rf"(?<=[:;]\s)(?:she|he)|"
                            # "The same participant added ...": the one just named
                            rf"The same (?:participant|speaker|delegate|member|resident|"
                            rf"respondent|questioner|representative))\s+"
                            rf"{ADVERBS}(?:{VERBS})\b"
                            # '"We did not come for charity," she said'
                            rf"|(?<=[,!?][\"”]\s)(?:she|he)\s+{ADVERBS}(?:{VERBS})\b")
# "His client had updated her address online, he said, and ...": the one person the
# paragraph named before it (not "The professor, ..., he says": someone else)
PRONOUN_TAG = re.compile(r"(?<=\w,\s)(?:she|he)\s+(?:said|says|added|adds|argued|argues|"
                         r"insisted|continued|explained|noted|warned)(?=,)")
LEADING_PRONOUN = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:She|He|Her|His|"
                             # "In his assessment, ...", "In her view, ..."
                             r"(?:In|For)\s+(?:his|her)\s+(?:view|assessment|opinion|words|"
                             r"experience|estimation|judgement|judgment|reply|response))\b"
                             # not "Her colleague, Joost van der Heijden, added": his turn
                             r"(?!\s+[a-z]+(?:\s+[a-z]+)?,\s+[A-Z])")
ROLE_REFERENCE = re.compile(rf"\b[Tt]he\s+(?P<role>(?:[{UPPER}][\w'’-]*\s*){{1,5}})")
# "the representative of Brazil", "the delegate of the European Union": a delegation
# speaks, named by whom it represents
DELEGATE = re.compile(
    # a summary record prints it in capitals: "The REPRESENTATIVE OF THE INTERNATIONAL
    # LABOUR ORGANIZATION said", "The member for FIJI, speaking on behalf of ..."
    rf"\b[Tt]he\s+(?:(?i:representative|delegate|observer|delegation|speaker)\s+"
    rf"(?i:of|for|from)|member\s+for)\s+(?:(?i:the)\s+)?(?P<who>[{UPPER}][\w'’.-]*(?:\s+(?:of\s+|and\s+|the\s+)*[{UPPER}][\w'’.-]*)*)")
# "A participant from a youth-led organisation asked ...": a question from the floor, by
# someone the report does not name (their statements stay unattributed, as a Chatham
# House report keeps them)
# "Participant 7", "Speaker B" in the narrative, as the labels spell them
NUMBERED_IN_TEXT = re.compile(r"(?<![\w-])(?P<role>Participant|Speaker|Resident|Caller|"
                              r"Delegate|Attendee|Respondent|Interviewee|Student|Panel+ist|"
                              r"Guest|Parent|Witness|Expert)\s+(?P<number>\d{1,3}|[A-Z])(?![\w-])")
# a focus group's or a survey's codes, as the report writes them: "P5 agreed", "said P2"
CODE_IN_TEXT = re.compile(r"(?<![\w-])[PR]\d{1,2}(?![\w-])")
QUESTION_FROM_FLOOR = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:participant|resident|member of the public|"
    r"audience member|attendee|delegate|questioner|journalist|correspondent|student|"
    r"person|woman|man|young person|member of the audience)\b"
    r"(?:\s+(?:from|of|representing|with|in)\s+[^,.;:]{1,80}?)?"
    rf"(?:\s*\([^()]{{1,60}}\))?(?:,[^.;]{{1,120}}?,|\s+who\s+[^,.;:]{{1,80}}?)?\s+{ADVERBS}"
    r"(?:asked|wondered|inquired|enquired|queried|wanted to know|sought clarification)\b")
# "the moderator observed", "the learned judge said"
LOWER_ROLE = re.compile(r"\b[Tt]he\s+(?:learned\s+|presiding\s+)?"
                        r"(?P<role>moderator|chair|chairperson|facilitator|rapporteur|"
                        r"president|secretary|treasurer|spokesperson|host|interviewer|"
                        r"presenter|keynote speaker|panel+ist|discussant|mayor|"
                        r"ambassador|minister|governor|commissioner|judge|director)\b")
_CONDUCTING = frozenset(("moderator", "host", "facilitator", "interviewer"))
# "the President of the General Assembly, Mr. Teodor Vasilescu-Mare," after an office
NAME_IN_APPOSITION = re.compile(rf"^(?:\s+of\s+(?:the\s+)?(?:[{UPPER}][\w'’-]*\s*)+)?,\s*"
                                rf"(?:{PREFIXED_NAME.pattern}|[{UPPER}][\w'’-]+\s+[{UPPER}])")
# delegations a bulletin gives as taking the same position as the one speaking
SUPPORTED_BY = re.compile(rf"\b(?:supported|opposed|joined|echoed|seconded|backed)\s+by\s+"
                          rf"(?:the\s+)?(?:[{UPPER}][\w/'’-]*(?:\s+[{UPPER}][\w/'’-]*)*"
                          rf"\s*(?:,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?))*$")
# a negotiation bulletin prints delegations in capitals: "BRAZIL, for the G-77/CHINA,
# opposed ...", "The EU, supported by NORWAY, ..."
_DELEGATION_SPELT = {**{c.upper(): c for c in DELEGATIONS}, **{c: c for c in DELEGATIONS}}
COUNTRY = re.compile(r"(?<![\w'’-])(?:" + "|".join(
    re.escape(c) for c in sorted(_DELEGATION_SPELT, key=len, reverse=True)) + r")(?![\w'’-])")
OFFICES = {**{fold(t): t for t in TITLES}, **{fold(k): v for k, v in ROLE_LABELS.items()}}
# "Gregory Maxwell started the discussion, "...": a person introducing a quotation
QUOTE_INTRO = re.compile(r"^(?:['’]s)?(?:\s+[\w'’-]+){1,10}\s*[,:]\s*[\"“]")
# "Seb's remarks were based on ...", "Maxwell's reply was ...": what someone said, named
POSSESSIVE_SPEECH = re.compile(
    r"^['’]s\s+(?:own\s+|main\s+|opening\s+|closing\s+|first\s+|last\s+|final\s+)?"
    r"(?:remarks?|reply|replies|response|responses|comments?|views?|points?|suggestions?|"
    r"questions?|concerns?|answers?|statements?|presentation|proposal|arguments?|"
    r"position|objections?|opinion|message|speech|address|intervention|recommendations?)\b")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"”]\s+)$")
# 'X: "..."', 'X, on the way out: "..."'
QUOTE_AFTER = re.compile(r"^\s*(?:,\s*[a-z][^,:;\"“.]{0,40})?[,:]\s*[\"“]")
# "..., said Seb", "... as proposed by Corallo, "..."
SAID_BEFORE = re.compile(rf"(?:^|[,;]\s*|[\"”]\s*)(?:{VERBS})\s+$")
BY_BEFORE = re.compile(r"\bby\s+$")
# a report giving someone's account or words: "According to Sister Immaculée Kanyange,
# deliveries have risen ...", "As Baraka Semwogerere put it, 'a borehole is ...'"
ACCORDING = re.compile(r"(?:^|[.!?;:]\s+|[(\"“]\s*)(?:According to|In the words of)\s+$")
AS_PUT = re.compile(r"(?:^|[.!?;:]\s+|[\"“]\s*)As\s+$")
AS_PUT_AFTER = re.compile(r"^\s+(?:put it|puts it|said|says|noted|notes|explained|explains|"
                          r"observed|remarked|told us|told the team)\s*,")
# "Rapporteur for Group 2, Tom Becker, reported ...": the name in apposition to a role
# "The Minister of Trade and Investment of Kaloria, Mr. Rahim Al-Khouri, welcomed ...",
# "Summing up the discussion, the Chair, Mr. van der Lubbe, noted ..."
IN_APPOSITION = re.compile(r"(?:(?:^|[.!?;]\s+)\s*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,8}"
                           r"|,\s+the\s+[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}),\s*$")
VERB_AFTER_COMMA = re.compile(rf"^,\s*{ADVERBS}(?:{VERBS})\b")
# "what Minister Diaz said", "as Dr Ito put it": reported; but "to which Mr Moss replied",
# "after which Ms Ruiz added" is the next speaker answering
REPORTED = re.compile(r"\b(?:what|as|how|that|why|whether|"
                      r"(?<!\bto\s)(?<!\bat\s)(?<!\bafter\s)(?<!\bupon\s)(?:which|whom))"
                      r"\s+(?:\w+\s+){0,1}$", re.I)
# between two subjects of one verb; "Dr LUNGU (Zambia) and Ms HIRAYAMA (Japan) expressed"
_JOINT = re.compile(r"^(?:\s*\([^()]{1,60}\))?(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*,\s*and\s+)"
                    r"(?:the\s+)?$")


class Speakers:
    """Speakers in order, each with the evidence that named it."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.evidence: list[str] = []

    def add(self, name: str | None, evidence: str) -> None:
        if name and name not in self.names:
            self.names.append(name)
            self.evidence.append(evidence)


def speech_subjects(text: str, registry: Registry, current: str | None,
                     speakers: Speakers, offices: bool = True) -> None:
    """Subjects of speech verbs, and "She/He ..." carrying on the current speaker;
    ``offices``: whether an office no one is named for ("the Secretary-General") speaks."""
    events = []
    named = [n for n in named_people(text, registry) if offices or n[3] != "office"]
    speaking = set()
    for i, (start, _, end, _) in enumerate(named):
        if ACCORDING.search(text[max(0, start - 30):start]) and re.match(r"\s*,", text[end:]) \
                or AS_PUT.search(text[max(0, start - 30):start]) and AS_PUT_AFTER.match(text[end:]):
            speaking.add(i)  # "According to Sister X, ...", "As X put it, '...'": hers
            continue
        if REPORTED.search(text[max(0, start - 30):start]):
            continue  # "what Minister Diaz said she would do": reported, not speaking
        before = text[max(0, start - 40):start]
        if named[i][3] == "unnamed":
            speaking.add(i)  # the question is the match itself
            continue
        if named[i][3] == "country" and SUPPORTED_BY.search(text[max(0, start - 200):start]):
            speaking.add(i)  # "The EU, supported by NORWAY and SWITZERLAND, welcomed ..."
            continue
        if named[i][3] == "country" and _for_whom(text[:start]):
            continue  # "speaking also for the candidate countries Albania and Serbia, said"
        quoting = QUOTE_AFTER.match(text[end:]) or QUOTE_INTRO.match(text[end:])
        if SPEECH_AFTER.match(text[end:]) or SAID_BEFORE.search(before) or \
                SPOKE_BY.search(before) or \
                IN_APPOSITION.search(text[max(0, start - 120):start]) and \
                VERB_AFTER_COMMA.match(text[end:]) or \
                POSSESSIVE_SPEECH.match(text[end:]) or \
                quoting and (SENTENCE_START.search(before) or BY_BEFORE.search(before)):
            speaking.add(i)
    for i in sorted(speaking, reverse=True):  # "Andrew and Bill presented"
        j = i - 1
        # "Mexico and Argentina stressed"; not "the Group of 77 and China, the
        # representative of Guyana said": a country joins only another country
        while j >= 0 and _JOINT.match(text[named[j][2]:named[j + 1][0]]) and (
                named[j][3] != "country" or named[j + 1][3] == "country"):
            speaking.add(j)
            j -= 1
    # "HIROSHI NAKAGAWA-BELL (Japan) described ... Japan had introduced ...": the country
    # of one speaking in the paragraph is that delegate's, not a second speaker
    seats = {organisation for i in speaking if named[i][3] == "name"
             and (entry := registry.resolve_name(named[i][1]))
             for organisation in entry.organisations}
    speaking = {i for i in speaking if not (named[i][3] == "country" and named[i][1] in seats)}
    for i in sorted(speaking):
        start, name, _, kind = named[i]
        events.append((start, name, "role-reference" if kind in ("role", "office", "delegation",
                                                                 "unnamed", "country",
                                                                 "numbered")
                       else "speech-verb"))
    pronouns = list(PRONOUN_SPEECH.finditer(text))
    leading = LEADING_PRONOUN.match(text)
    if leading and not PREFIXED_NAME.match(text) and \
            not any(p.start() == leading.start() for p in pronouns):
        pronouns.insert(0, leading)  # "She moderated ...", "Her organisation ..."
    events += [(p.start(), _SAME.match(p.group()).group(1).capitalize()
                if _SAME.match(p.group()) else None, "continuation") for p in pronouns]
    tags = [(p.start(), None, "continuation") for p in PRONOUN_TAG.finditer(text)]
    if tags and not pronouns and _only_person_before(named, [*events, *tags], text):
        events += tags
    # "The session was chaired by Yasmin Al-Khatib. She recalled ...", "The panel opens
    # with Ambassador X, Chile's envoy. She says ...": a pronoun means the one person the
    # paragraph has named before it, else the speaker before
    last = _only_person_before(named, events, text) or current
    for _, name, evidence in sorted(events, key=lambda e: e[0]):
        if evidence == "continuation" and name:
            # "The same participant added": the one just named so, "Participant 5", and
            # not whoever spoke last
            name = last if last and last.startswith(f"{name} ") else None
            if name is None:
                continue
        speakers.add(name or last, evidence)
        last = name or last


# "Norway, Japan and the ", "COLOMBIA and the ": the others of a list the country ends
_LIST_BEFORE = re.compile(rf"(?:(?:the\s+)?[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*)*"
                          rf"(?:\s*,\s*|\s+and\s+))+(?:the\s+)?$")
_FOR_WHOM = re.compile(r"\b(?:for|of|behalf of|with|including|among|between|from|in|to|by|"
                       r"like|as|and)\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}$")


_SAME = re.compile(r"^The same (\w+)")


def _for_whom(before: str) -> bool:
    """Whether a country's list is one that someone else speaks for or of."""
    return bool(_FOR_WHOM.search(_LIST_BEFORE.sub("", before)))


def _only_person_before(named, events, text: str) -> str | None:
    pronoun_at = min((at for at, name, _ in events if name is None), default=None)
    if pronoun_at is None or any(at < pronoun_at for at, name, _ in events if name):
        return None
    # in someone's own words ("Sipho was from Durban, he came on a ship. He asked me to
    # dance") a name alone is whom they talk about
    told = re.search(r"\b(?:I|me|my|we|us|our)\b", unquoted(text)) is not None
    before = {name for start, name, _, kind in named
              if start < pronoun_at and (kind in ("name", "role") or kind == "single" and
                                         not told and _OPENS_SENTENCE.search(text[:start]))}
    return before.pop() if len(before) == 1 else None


# a surname alone as the subject a sentence opens with: "Okafor is unconvinced. He
# cites ...", "For Rao, whose company supplies them, ... She says ...", "In rebuttal,
# Santangelo seized on ... he said"
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]\s+)(?:For\s+|(?:In|On|At|After)\s+[a-z]+"
                             r"(?:\s+[a-z]+){0,2},\s+)?[\"“*_]*$")


def unquoted(text: str) -> str:
    """The text with what it quotes blanked out: the teller's own words."""
    return re.sub(r"[\"“][^\"“”]*[\"”]", " ", text)


def speaks_in(text: str, registry: Registry) -> bool:
    """Whether someone is named speaking in the text."""
    return any(SPEECH_AFTER.match(text[end:]) for _, _, end, _ in named_people(text, registry))


def names_anyone(text: str, registry: Registry) -> bool:
    return any(kind != "single" for _, _, _, kind in named_people(text, registry))


def named_people(text: str, registry: Registry) -> list[tuple[int, str, int, str]]:
    """(start, person name, end, kind) for each resolvable reference in the text; kind is
    'name' or 'role' ("the Deputy High Commissioner"). A block is read for speakers,
    mentions and carried-on turns: the answer is kept on the registry until it changes."""
    found = registry.named_cache.get(text)
    if found is None:
        found = registry.named_cache[text] = _find_named(text, registry)
    return found


# a capitalised word that may be someone's surname, first name or nickname
_NAME_WORD = re.compile(rf"(?<![\w.'’-])(?P<word>[{UPPER}][\w'’-]{{1,30}})(?![\w'’-])")


def _find_named(text: str, registry: Registry) -> list[tuple[int, str, int, str]]:
    found: list[tuple[int, str, int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    def keep(start: int, name: str, end: int, kind: str = "name") -> None:
        found.append((start, name, _end_of_name(text, end), kind))
        taken.append((start, end))

    for match in PREFIXED_NAME.finditer(text):
        name = clean_name(match.group("name"))
        owner = without_possessive(name)  # "Dr. Fischer's point": hers, not her words
        entry = registry.resolve_name(owner)
        if entry:
            keep(match.start(), entry.name, match.end(),
                 "possessive" if owner != name else "name")
    for match in NUMBERED_IN_TEXT.finditer(text):
        # "Participant 7 asked whether ...": someone a report keeps anonymous by number
        if free(match.start(), match.end()):
            keep(match.start(), numbered_role(match), match.end(), "numbered")
    for match in CODE_IN_TEXT.finditer(text):
        if free(match.start(), match.end()):
            keep(match.start(), match.group(), match.end(), "numbered")
    for match in QUESTION_FROM_FLOOR.finditer(text):
        found.append((match.start(), "Questioner", match.end(), "unnamed"))
        taken.append((match.start(), match.end()))
    for match in DELEGATE.finditer(text):
        if not free(match.start(), match.end()) or NAME_IN_APPOSITION.match(text[match.end():]):
            continue  # "The representative of Brazil, Mr. Paulo Rezende, said": he speaks
        # "The representative of France added ...": the one the report seats for France
        who = registry.representative(match.group("who"))
        keep(match.start(), who.name if who else _body_shown(match.group("who")), match.end(),
             "role" if who else "delegation")
    for match in COUNTRY.finditer(text):
        # "Jordan, speaking also on behalf of Egypt, stressed ...": a delegation by the
        # name of its country; a speaker only as the subject of a speech verb
        if free(match.start(), match.end()) and not registry.resolve_name(match.group()):
            keep(match.start(), _DELEGATION_SPELT[match.group()], match.end(), "country")
    for match in LOWER_ROLE.finditer(text):
        # "the moderator observed": the holder, when the report names one
        entry = registry.resolve_role(match.group("role")) if free(match.start(),
                                                                   match.end()) else None
        if entry:
            keep(match.start(), entry.name, match.end(), "role")
        elif free(match.start(), match.end()) and match.group("role") in _CONDUCTING and \
                not registry.holders(ROLE_LABELS[match.group("role")]):
            # "The host began by asking ...": one who runs the event, by the role alone
            # where the report never names them
            keep(match.start(), ROLE_LABELS[match.group("role")], match.end(), "role")
    for match in ROLE_REFERENCE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        words = match.group("role").strip().split()
        for size in range(len(words), 0, -1):  # the longest role the registry knows
            role = " ".join(words[:size])
            entry = registry.resolve_role(role)
            if entry is None and NAME_IN_APPOSITION.match(text[match.end():]):
                break  # "The Deputy Secretary-General, Ms. Adaeze Okonjo-Lindahl, ...": her
            if entry or fold(role) in OFFICES:
                # "The Chair thanked ...": the holder when the document names one, else
                # the office itself speaks
                keep(match.start(), entry.name if entry else OFFICES[fold(role)],
                     match.start("role") + len(role), "role" if entry else "office")
                break
    folded = text.casefold()
    for entry, form, first_part in registry.while_unchanged("full forms",
                                                            lambda: _full_forms(registry)):
        if first_part not in folded:
            continue  # most of a document's people are not named in a given paragraph
        for match in _form_pattern(form).finditer(text):
            if free(match.start(), match.end()):
                keep(match.start(), entry.name, match.end())
    for match in _NAME_WORD.finditer(text):
        # a single name word: a surname, a first name or a nickname the registry knows
        word = match.group("word").rstrip("'’s") if match.group("word").endswith(
            ("'s", "’s")) else match.group("word")
        if not free(match.start(), match.end()) or word.casefold() in NOT_NAME_WORDS:
            continue
        entry = registry.resolve_name(word)
        if entry and (len(word) >= 3 or word.isupper() or fold(word) == entry.tokens()[-1]):
            # two letters only as the surname the document gives in full ("Ba", "Ng")
            # alone, a capitalised word is a person only as a speaker or an owner
            # ("Okafor rebutted", "Lena's plan"): "France" may be the country
            keep(match.start(), entry.name, match.start() + len(word),
                 "possessive" if word != match.group("word") else "single")
    found.sort()
    return found


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "to", "de", "du", "des"})


def _body_shown(name: str) -> str:
    """'INTERNATIONAL COMMISSION ON MIGRANT LABOUR' -> 'International Commission on Migrant
    Labour'; a name in mixed case, or an acronym ('UNHCR'), as it is."""
    words = name.split()
    if not name.isupper():
        return name
    if len(words) < 2:
        return _DELEGATION_SPELT.get(name, name)  # "FIJI"; "UNHCR" stays
    return " ".join(w.lower() if i and w.casefold() in _SMALL_WORDS else w.capitalize()
                    for i, w in enumerate(words))


def _full_forms(registry: Registry) -> list[tuple[Entry, str, str]]:
    """(person, form, the form's first word folded) for the full names and other forms
    worth looking for as written ("Martha Helena Lopez", a nick, initials), each person's
    longest forms first."""
    return [(entry, form, _first_part(form)) for entry in registry.entries
            for form in sorted({entry.name, *entry.aliases}, key=len, reverse=True)
            if len(form) >= 2 and (len(form.split()) >= 2 or _exact_form(form))]


@lru_cache(maxsize=1 << 14)  # each form of each name is looked for in every block
def _form_pattern(form: str) -> re.Pattern:
    flags = 0 if form.islower() else re.I if _exact_form(form) and not INITIALS.match(form) \
        else 0
    # a name of several words may be printed in capitals: "PORTO AMARANTE asked ..."
    shouted = f"|{_loose(form.upper())}" if " " in form and not form.isupper() else ""
    return re.compile(rf"(?<![\w-])(?:{_loose(form)}{shouted})(?![\w-])", flags)


@lru_cache(maxsize=1 << 14)
def _first_part(form: str) -> str:
    """The form's first word as any match of its pattern must contain it, case folded."""
    from ..names import DASHES

    return re.split(rf"(?:\s|[{DASHES}])+", form.strip())[0].casefold()


def _exact_form(form: str) -> bool:
    """A one-word form worth matching as written: a nick, a handle or initials."""
    return bool(re.fullmatch(r"[\w.|-]{2,32}", form)) and (
        form.islower() or INITIALS.match(form) or any(c.isdigit() for c in form)
        or re.search(r"[a-z][A-Z]", form) is not None)


def _end_of_name(text: str, end: int) -> int:
    """Skip a parenthesised organisation after a name."""
    match = re.match(r"\s*\([^)]{1,80}\)", text[end:])
    return end + match.end() if match else end


def _loose(form: str) -> str:
    """A regex for a name that tolerates other dashes and spacing."""
    from ..names import DASHES

    parts = re.split(rf"\s*[{DASHES}]\s*|\s+", form)
    seps = re.findall(rf"\s*[{DASHES}]\s*|\s+", form)
    out = re.escape(parts[0])
    for sep, part in zip(seps, parts[1:], strict=False):
        out += (rf"\s*[{DASHES}]\s*" if sep.strip() else r"\s+") + re.escape(part)
    return out


# "Notices to be circulated to shops (Mr Lahiff, by 17 November)": who will do it
# (a view with "should" in it, "Swaps should be one tool among several (Lindqvist).", is
# still the view of whoever the parentheses name)
ACTION_ITEM = re.compile(r"\b(?:to be|will|shall|by \d{1,2}\b|by (?:next|the end)|"
                         r"deadline|due)\b|^\s*(?:action|ai|todo|ar)\b", re.I)
ACTION_HEADING = re.compile(r"\b(?:actions?|action items?|action points?|next steps|"
                            r"follow[- ]?ups?|to ?dos?|tasks|assignments)\b", re.I)
# a bare word, "the Chair", "a participant", a country named in passing
NOT_MENTIONS = ("single", "office", "unnamed", "country")


def mentions_in(text: str, registry: Registry, speakers) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _, name, _, kind in named_people(text, registry)
                               if name not in speakers and kind not in NOT_MENTIONS))


# "... put restricted funding at risk (HOB). NH confirmed ...": a sentence within a
# paragraph that the minutes credit, by one word in parentheses, to whoever raised it
_CREDITED_SENTENCE = re.compile(rf"(?<=[\w’'])\s*\(\s*(?P<who>[{UPPER}][\w.'’-]{{1,30}})\s*\)\.\s+"
                                rf"(?=[{UPPER}\d])")


def credited_within(text: str, registry: Registry, section: tuple[str, ...] = ()) -> list[str]:
    if any(ACTION_HEADING.search(h) for h in section[-1:]):
        return []
    names = []
    for match in _CREDITED_SENTENCE.finditer(text):
        sentence = text[text.rfind(". ", 0, match.start()) + 1:match.start()]
        entry = registry.resolve_name(match.group("who"))
        if entry is None or len(sentence) < 12 or ACTION_ITEM.search(sentence) or any(
                name == entry.name for _, name, _, kind in named_people(sentence, registry)):
            continue  # "Frank Tang (FYT). ...": the code a sentence gives him
        names.append(entry.name)
    return names


def signed_by(text: str, registry: Registry, section: tuple[str, ...] = ()) -> list[str]:
    """A paragraph that ends naming its authors in parentheses: '... *(Wendy Reid)*',
    '... by 2030 (Ms. Okonjo, PAIB).', '... (Mr. Nuñez-Reyes; Ms. Okonjo).'"""
    match = re.search(r"\(\s*(?P<names>[^()]{2,120}?)\s*\)[\s*_.]*$", text)
    if not match or len(text) - len(match.group()) < 12 or ACTION_ITEM.search(text) or \
            any(ACTION_HEADING.search(h) for h in section[-1:]):
        return []
    names = []
    for part in re.split(r"\s*;\s*|\s+and\s+", match.group("names")):
        # "Ms. Okonjo, PAIB": the person, then where they work
        entry = registry.resolve_name(part) or registry.resolve_name(part.split(",")[0])
        if entry is None:
            return []  # "(see Annex II)", "(UNDP, UNICEF)": no one's words
        if any(name == entry.name for _, name, _, kind in named_people(
                text[:match.start()], registry) if kind != "single"):
            return []  # "Frank Tang - Google i18n (FYT)": the code a list gives him
        names.append(entry.name)
    return names
