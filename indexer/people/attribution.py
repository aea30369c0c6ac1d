"""The second pass: who speaks in each block, and how we know (``evidence``).

Precision first: a speaker is recorded only where the text says so (a label, a turn
header, the subject of a speech verb, a pronoun or a quotation continuing a speaker);
everyone else named is a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..names import fold
from ..records import Block
from .labels import INITIALS, Label, inline_labels, opens_with_label, parse_label, strip_label
from .names import ADVERBS, NOT_NAME_WORDS, PREFIXED_NAME, UPPER, VERBS, clean_name
from .registry import (
    ATTENDEE_LINE,
    SPEECH_AFTER,
    Entry,
    Registry,
    delegation_header,
    header_line,
)

PRONOUN_SPEECH = re.compile(rf"(?:^|(?<=[.!?;]\s)|(?<=, and\s))(?:She|He)\s+{ADVERBS}"
                            rf"(?:{VERBS})\b")
LEADING_PRONOUN = re.compile(r"^\s*(?:She|He|Her|His)\b")
CONTINUATION = re.compile(r"^\s*(?:…|\.\.\.)")
QUOTATION = re.compile(r"^\s*[\"“‘«][^\"“”«»]{12,}[\"”’»][\s.,]*(?:\([^)]*\))?\s*$", re.S)
EDIT = re.compile(r"^\s*s/[^/\n]*/[^/\n]*/?\s*$")
CONTINUED_TURN = re.compile(r"^(?![<\[(]|s/)\S+(?:\s+\S+){5,}")
PROSE = re.compile(r"^[\"“‘(]?[A-Z][a-z]+[ ,].{30,}[.!?\"”’)]$", re.S)
ROLE_REFERENCE = re.compile(rf"\b[Tt]he\s+(?P<role>(?:[{UPPER}][\w'’-]*\s*){{1,5}})")
# "Gregory Maxwell started the discussion, "...": a person introducing a quotation
QUOTE_INTRO = re.compile(r"^(?:['’]s)?(?:\s+[\w'’-]+){1,10}\s*[,:]\s*[\"“]")
# "Seb's remarks were based on ...", "Maxwell's reply was ...": what someone said, named
POSSESSIVE_SPEECH = re.compile(
    r"^['’]s\s+(?:own\s+|main\s+|opening\s+|closing\s+|first\s+|last\s+|final\s+)?"
    r"(?:remarks?|reply|replies|response|responses|comments?|views?|points?|suggestions?|"
    r"questions?|concerns?|answers?|statements?|presentation|proposal|arguments?|"
    r"position|objections?|opinion|message|speech|address|intervention|recommendations?)\b")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"”]\s+)$")
QUOTE_AFTER = re.compile(r"^\s*[,:]\s*[\"“]")
# "..., said Seb", "... as proposed by Corallo, "..."
SAID_BEFORE = re.compile(rf"(?:^|[,;]\s*|[\"”]\s*)(?:{VERBS})\s+$")
BY_BEFORE = re.compile(r"\bby\s+$")
OWNER_LINE = re.compile(r"^\s*(?:presented|chaired|hosted|led|moderated|facilitated|"
                        r"introduced)\s+by\s*:?\s*(?P<name>.+)$|^\s*(?:presenters?|"
                        r"speakers?|hosts?|owners?)\s*:\s*(?P<name2>.+)$", re.I)
# what a record says happened, not what anyone said: "The clerk will call the roll." is
# said, "The legislative clerk proceeded to call the roll." is not; a paragraph wholly in
# parentheses is the editor's
STAGE_DIRECTION = re.compile(r"^\s*(?:\(.*\)\s*$|The\s+(?:\w+\s+){0,3}clerks?\s+(?:proceeded|"
                             r"read|called|began|continued)\b|\[.*\]\s*$)", re.S)
REPORTED = re.compile(r"\b(?:what|as|whom|how|which|that)\s+(?:\w+\s+){0,1}$", re.I)
_JOINT = re.compile(r"^\s*(?:,\s*|\s+and\s+|\s*&\s*|,\s*and\s+)$")


@dataclass(frozen=True, slots=True)
class Attribution:
    speakers: tuple[str, ...]
    evidence: tuple[str, ...]  # parallel to speakers
    mentions: tuple[str, ...]
    text: str | None = None  # the words to index, when a label was taken off them
    drop: bool = False  # a turn header: not a body paragraph
    labelled: bool = False


_NOBODY = Attribution((), (), ())


class _Speakers:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.evidence: list[str] = []

    def add(self, name: str | None, evidence: str) -> None:
        if name and name not in self.names:
            self.names.append(name)
            self.evidence.append(evidence)


def attribute(blocks, registry: Registry, narrator: str | None = None) -> list[Attribution]:
    """Speakers and mentions of every block, in order. In a one-speaker document (a
    speech: ``narrator`` from front matter) every paragraph is the narrator's unless a
    label gives it to someone else; people the narrator quotes are mentions."""
    layout = _layout(blocks, registry)
    result: list[Attribution] = []
    current: str | None = None  # the last speaker: "She ..." and "…" continue it
    owner: str | None = None  # the person a turn header gave the paragraphs below to
    turn: str | None = None  # the speaker of the last label, in a transcript
    by_depth: dict[int, str] = {}  # in a list of notes, the speaker of each level
    owners: dict[int, list[str]] = {}  # "- Carol / Karen" owns the items after it
    section: tuple[str, ...] | None = None
    introduced: str | None = None  # who introduced the block that follows ("... as follows:")
    previous_kind = ""
    for block in blocks:
        if block.section_path != section:
            current = owner = turn = introduced = None
            by_depth, owners = {}, {}
            section = block.section_path
        if block.kind == "item" and previous_kind != "item":
            by_depth, owners = {}, {}  # a new list
        previous_kind = block.kind
        owners = {d: names for d, names in owners.items() if d <= block.depth}
        group = _names_only(block.text, registry) if block.kind == "item" else None
        if group:
            owners[block.depth] = group
            result.append(Attribution((), (), tuple(group), drop=True))
            continue
        if block.kind in ("list", "table"):
            result.append(_list_attribution(block, registry, owner or introduced))
            introduced = None
            continue
        if block.kind == "row":
            result.append(_row_attribution(block, registry))
            continue
        header = _header(block, registry)
        if header is not None:
            owner = current = header or None
            turn = None
            # a header line names the speaker of what follows: it is not a paragraph; one
            # naming nobody known still ends the turn before it
            result.append(Attribution((), (), (header,) if header else (), drop=True))
            continue
        speakers = _Speakers()
        presenter = OWNER_LINE.match(block.text)
        if presenter:  # "Presented by: Chad Smith (Canonical)" owns what follows
            named = presenter.group("name") or presenter.group("name2")
            entry = registry.resolve_name(re.split(r"\s*[(,]|\s+and\s+", named)[0])
            owner = current = entry.name if entry else None
            turn = None
            result.append(Attribution((), (), _mentions(block.text, registry, ())))
            continue
        if ATTENDEE_LINE.match(block.text):
            # "Present: ...", "Chair: Wendy Reid, Tzviya Siegman": who attends, not a turn
            result.append(Attribution((), (), _mentions(block.text, registry, ())))
            continue
        label = parse_label(block.text)
        labelled = _label_speakers(label, block.text, registry, layout) if label else []
        if opens_with_label(block.text):
            owner = None  # a turn of its own ("Rosa: ...", "ALL: ...") ends a header's
        text = strip_label(block.text, label) if labelled else block.text
        if narrator:
            for name, evidence in labelled or [(narrator, "front-matter")]:
                speakers.add(name, evidence)
        else:
            for name, evidence in labelled:
                speakers.add(name, evidence)
            if label and not labelled and label.kind != "name":
                turn = None  # "Discussion:" and the like end a turn
            for name, evidence in _inline_turns(text, registry):
                speakers.add(name, evidence)
            if not labelled and CONTINUATION.match(text) and (turn or current):
                speakers.add(turn or current, "continuation")
            if not speakers.names and turn and layout["speeches"] and \
                    block.kind == "paragraph" and not STAGE_DIRECTION.match(text):
                speakers.add(turn, "continuation")  # a speech runs on to the next label
            if not labelled and not speakers.names:
                # inside a labelled turn, others' words are reported speech
                _speech_subjects(text, registry, current, speakers)
            elif labelled and (after := _after_quotation(text)):
                # 'Martin: "...". Darja also expressed support.': the label introduced a
                # quotation; the narrative goes on after it
                _speech_subjects(after, registry, None, speakers)
            if not speakers.names:
                speakers.add(_signed_by(text, registry), "label")
            if not speakers.names and QUOTATION.match(text) and current:
                speakers.add(current, "quotation")
            if not speakers.names and block.depth and by_depth:
                speakers.add(by_depth.get(block.depth - 1), "continuation")
            if not speakers.names and block.kind == "item" and owners:
                for name in owners[max(owners)]:
                    speakers.add(name, "header")
            if not speakers.names and owner:
                speakers.add(owner, "header")
            if not speakers.names and introduced and not _names_anyone(text, registry):
                speakers.add(introduced, "continuation")  # "X outlined the plan:" then it
            if not speakers.names and turn and layout["transcript"] and \
                    block.kind == "paragraph" and PROSE.match(text) and \
                    not _names_anyone(text, registry):
                speakers.add(turn, "continuation")
        if labelled and EDIT.match(text):
            speakers = _Speakers()  # an IRC correction ("s/Friday/Thursday/"), not a turn
        if labelled and speakers.names:
            # a transcript's turn runs on into unlabelled prose; a line of chat (a nick) or
            # of initials-minutes does so only when it is itself a long turn
            short_line = label.kind in ("handle", "initials") and len(text) < 120
            turn = None if short_line and not layout["speeches"] else speakers.names[0]
        if speakers.names:
            current = speakers.names[-1]
        # a speaker's paragraph that ends in a colon introduces what comes next
        introduced = speakers.names[-1] if len(speakers.names) == 1 and \
            text.rstrip().endswith(":") else None
        by_depth = {d: n for d, n in by_depth.items() if d < block.depth}
        if len(speakers.names) == 1:
            by_depth[block.depth] = speakers.names[0]
        mentions = _mentions(text, registry, speakers.names)
        result.append(Attribution(tuple(speakers.names), tuple(speakers.evidence), mentions,
                                  text=text if text != block.text else None,
                                  labelled=bool(labelled)))
    return _fill_one_speaker_stretches(blocks, result)


def _layout(blocks, registry: Registry) -> dict:
    """How this document marks turns, decided from the whole document."""
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    labelled = initials = designations = 0
    lengths = [0]
    for block in paragraphs:
        label = parse_label(block.text)
        if label and label.kind in ("name", "handle", "initials", "role", "designation"):
            if all(registry.resolve_name(n) for n in label.names) or label.kind in (
                    "role", "designation"):
                labelled += 1
                initials += label.kind == "initials"
                designations += label.kind == "designation"
                lengths.append(len(block.text))
    transcript = labelled >= 3 and labelled >= 0.25 * max(len(paragraphs), 1)
    return {"transcript": transcript, "initials": initials >= 3,
            # speeches: a label opens a speech of several paragraphs (a parliament's
            # record, an interview), not a line of minutes
            "speeches": designations >= 2 or transcript and
            sorted(lengths)[len(lengths) // 2] >= 200}


def _header(block: Block, registry: Registry) -> str | None:
    """A turn header: '**Org | Name | Role**', or a bold name alone on its line. Returns
    the owner's name ('' for a header line naming nobody we know), None when the block
    is not a header."""
    found = header_line(block) or delegation_header(block)
    if found:
        entry = registry.resolve_name(found[0])
        return entry.name if entry else ""
    whole_bold = block.kind == "paragraph" and block.bold and \
        fold(block.bold[0]).strip(" :") == fold(block.text).strip(" :")
    if whole_bold and 1 <= block.text.count("|") <= 3 and len(block.text) <= 160:
        return ""  # a header we cannot read: it still ends the turn before it
    if block.kind == "paragraph" and block.bold and len(block.text) <= 80 and \
            fold(block.bold[0]).strip(" :") == fold(block.text).strip(" :"):
        name = block.text.strip(" *_:")
        match = PREFIXED_NAME.fullmatch(name)
        entry = registry.resolve_name(match.group("name") if match else name)
        if entry and (match or fold(name) in (fold(entry.name), *map(fold, entry.aliases))):
            return entry.name
    return None


def _names_only(text: str, registry: Registry) -> list[str] | None:
    """'Carol / Karen', 'Ana Ruiz and Lena Okafor': a line that only names people, each
    one known."""
    parts = [p.strip(" *_.:") for p in re.split(r"\s*(?:/|&|,|\band\b)\s*", text)]
    if not parts or len(text) > 80 or any(not p for p in parts):
        return None
    names = []
    for part in parts:
        entry = registry.resolve_name(part)
        if entry is None or not re.fullmatch(rf"[{UPPER}][\w'’. -]*", part):
            return None
        names.append(entry.name)
    return list(dict.fromkeys(names))


def _label_speakers(label: Label, text: str, registry: Registry,
                    layout: dict) -> list[tuple[str, str]]:
    if label.kind in ("designation", "role"):
        name = label.names[0]
        holder = registry.resolve_role(name) if label.kind == "role" else None
        return [(holder.name if holder else name, "label")]
    found = []
    for name in label.names:
        entry = registry.resolve_name(name)
        if entry:
            found.append((entry.name, "initials" if label.kind == "initials" else "label"))
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


def _inline_turns(text: str, registry: Registry) -> list[tuple[str, str]]:
    """'... we publish. NR: I will send ...': later turns inside one paragraph."""
    found = []
    for _, label in inline_labels(text):
        entry = registry.resolve_name(label)
        if entry:
            found.append((entry.name, "initials" if INITIALS.match(label) else "label"))
    return found


def _speech_subjects(text: str, registry: Registry, current: str | None,
                     speakers: _Speakers) -> None:
    """Subjects of speech verbs, and "She/He ..." carrying on the current speaker."""
    events = []
    named = _named(text, registry)
    speaking = set()
    for i, (start, _, end, _) in enumerate(named):
        if REPORTED.search(text[max(0, start - 30):start]):
            continue  # "what Minister Diaz said she would do": reported, not speaking
        before = text[max(0, start - 40):start]
        quoting = QUOTE_AFTER.match(text[end:]) or QUOTE_INTRO.match(text[end:])
        if SPEECH_AFTER.match(text[end:]) or SAID_BEFORE.search(before) or \
                POSSESSIVE_SPEECH.match(text[end:]) or \
                quoting and (SENTENCE_START.search(before) or BY_BEFORE.search(before)):
            speaking.add(i)
    for i in sorted(speaking, reverse=True):  # "Andrew and Bill presented"
        j = i - 1
        while j >= 0 and _JOINT.match(text[named[j][2]:named[j + 1][0]]):
            speaking.add(j)
            j -= 1
    for i in sorted(speaking):
        start, name, _, kind = named[i]
        events.append((start, name, "role-reference" if kind == "role" else "speech-verb"))
    pronouns = list(PRONOUN_SPEECH.finditer(text))
    leading = LEADING_PRONOUN.match(text)
    if leading and not PREFIXED_NAME.match(text) and \
            not any(p.start() == leading.start() for p in pronouns):
        pronouns.insert(0, leading)  # "She moderated ...", "Her organisation ..."
    events += [(p.start(), None, "continuation") for p in pronouns]
    last = current
    for _, name, evidence in sorted(events, key=lambda e: e[0]):
        speakers.add(name or last, evidence)
        last = name or last


def _signed_by(text: str, registry: Registry) -> str | None:
    """A paragraph that ends naming its author in parentheses: '... *(Wendy Reid)*'."""
    match = re.search(r"\(\s*(?P<name>[^()]{2,40}?)\s*\)[\s*_.]*$", text)
    if not match or len(text) - len(match.group()) < 12:
        return None
    entry = registry.resolve_name(match.group("name"))
    return entry.name if entry else None


def speaks_in(text: str, registry: Registry) -> bool:
    """Whether someone is named speaking in the text."""
    return any(SPEECH_AFTER.match(text[end:]) for _, _, end, _ in _named(text, registry))


def _names_anyone(text: str, registry: Registry) -> bool:
    return any(kind != "single" for _, _, _, kind in _named(text, registry))


def _named(text: str, registry: Registry) -> list[tuple[int, str, int, str]]:
    """(start, person name, end, kind) for each resolvable reference in the text; kind is
    'name' or 'role' ("the Deputy High Commissioner")."""
    found: list[tuple[int, str, int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    def keep(start: int, name: str, end: int, kind: str = "name") -> None:
        found.append((start, name, _end_of_name(text, end), kind))
        taken.append((start, end))

    for match in PREFIXED_NAME.finditer(text):
        entry = registry.resolve_name(clean_name(match.group("name")))
        if entry:
            keep(match.start(), entry.name, match.end())
    for match in ROLE_REFERENCE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        words = match.group("role").strip().split()
        for size in range(len(words), 0, -1):  # the longest role the registry knows
            entry = registry.resolve_role(" ".join(words[:size]))
            if entry:
                keep(match.start(), entry.name, match.start("role") + len(" ".join(words[:size])),
                     "role")
                break
    for entry in registry.entries:  # full names and other forms: "Martha Helena Lopez"
        for form in sorted({entry.name, *entry.aliases}, key=len, reverse=True):
            if len(form) < 2 or len(form.split()) < 2 and not _exact_form(form):
                continue
            for match in re.finditer(rf"(?<![\w-]){_loose(form)}(?![\w-])", text,
                                     0 if form.islower() else re.I if _exact_form(form)
                                     and not INITIALS.match(form) else 0):
                if free(match.start(), match.end()):
                    keep(match.start(), entry.name, match.end())
    for match in re.finditer(rf"(?<![\w.'’-])(?P<word>[{UPPER}][\w'’-]{{1,30}})(?![\w'’-])",
                             text):
        # a single name word: a surname, a first name or a nickname the registry knows
        word = match.group("word").rstrip("'’s") if match.group("word").endswith(
            ("'s", "’s")) else match.group("word")
        if not free(match.start(), match.end()) or word.casefold() in NOT_NAME_WORDS:
            continue
        entry = registry.resolve_name(word)
        if entry and _single_word_ok(word, entry):
            # alone, a capitalised word is a person only as a speaker or an owner
            # ("Okafor rebutted", "Lena's plan"): "France" may be the country
            keep(match.start(), entry.name, match.start() + len(word),
                 "possessive" if word != match.group("word") else "single")
    found.sort()
    return found


def _exact_form(form: str) -> bool:
    """A one-word form worth matching as written: a nick, a handle or initials."""
    return bool(re.fullmatch(r"[\w.|-]{2,32}", form)) and (
        form.islower() or INITIALS.match(form) or any(c.isdigit() for c in form)
        or re.search(r"[a-z][A-Z]", form) is not None)


def _single_word_ok(word: str, entry: Entry) -> bool:
    return len(word) >= 3 or word.isupper()


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


_PERSON_COLUMN = re.compile(r"\b(?:name|speaker|who|presenter|person|participant|member|"
                            r"delegate|representative|panel+ist|author|owner)s?\b", re.I)


def _row_attribution(block: Block, registry: Registry) -> Attribution:
    """A table row read alone (``lines`` are its column headers, ``items`` its cells):
    the person in a person column speaks; else the subjects of speech verbs."""
    speakers = _Speakers()
    for header, cell in zip(block.lines, block.items, strict=False):
        if _PERSON_COLUMN.search(header):
            entry = registry.resolve_name(cell)
            if entry:
                speakers.add(entry.name, "header")
    if not speakers.names:
        for cell in block.items:
            _speech_subjects(cell, registry, None, speakers)
    return Attribution(tuple(speakers.names), tuple(speakers.evidence),
                       _mentions(block.text, registry, speakers.names))


def _list_attribution(block: Block, registry: Registry, owner: str | None) -> Attribution:
    """A list or table kept whole: the speakers of its labelled items."""
    speakers = _Speakers()
    for item in block.items:
        label = parse_label(item)
        found = _label_speakers(label, item, registry, {"initials": False}) if label else []
        for name, evidence in found:
            speakers.add(name, evidence)
        if not found and block.kind == "list":
            _speech_subjects(item, registry, None, speakers)
    if not speakers.names and owner and block.kind == "list" and \
            not _people_list(block, registry):
        speakers.add(owner, "header")
    mentions = _mentions(block.text, registry, speakers.names)
    return Attribution(tuple(speakers.names), tuple(speakers.evidence), mentions)


def _people_list(block: Block, registry: Registry) -> bool:
    """A list of people (a panel, the participants): each item opens with a name."""
    opening = sum(1 for item in block.items
                  if any(start <= 8 for start, _, _, _ in _named(item[:80], registry)))
    return opening * 2 >= len(block.items)


def _mentions(text: str, registry: Registry, speakers) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _, name, _, kind in _named(text, registry)
                               if name not in speakers and kind != "single"))


def _fill_one_speaker_stretches(blocks, result: list[Attribution]) -> list[Attribution]:
    """A paragraph of prose with no speaker and no one named, between two paragraphs of
    the same single speaker in the same section, continues that speaker."""
    out = list(result)
    for i in range(1, len(blocks) - 1):
        before, here, after = out[i - 1], out[i], result[i + 1]
        if here.speakers or here.mentions or here.drop or blocks[i].kind != "paragraph":
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
            out[i] = Attribution(before.speakers, ("continuation",), ())
    return out
