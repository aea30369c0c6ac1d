"""What a person's name looks like in a report: honorifics, titles, particles, initials,
hyphens and letters of any alphabet; and the words that look like names and are not."""

from __future__ import annotations

import re
from functools import lru_cache

from ..designations import display_name
from ..names import DASHES, fold
from .vocabulary import HONORIFICS, PARTICLES, SPEECH_VERBS, TITLE_ABBREVIATIONS, TITLES

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž"

_honorific = "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
_title = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
# an Irish surname's "Ó" is written in capitals ("Tomás Ó Briain"), one letter long
PARTICLE = "|".join([*(re.escape(p) for p in PARTICLES), "Ó"])
# one word of a name: "Kelly", "T.", "DaSilva-Ibru", "O'Brien", "Ji-woo", "Løkke"
# "al-Haddad", "el-Amin", "d'Almeida": a surname led by a lower-case article
LOW_LED = rf"(?:al|el|ad|ed|ash|as|at|az|ar|an|abu|bin|ibn|d|l)[{DASHES}'’][{UPPER}][\w'’]*"
NAME_WORD = rf"(?:[{UPPER}]\.|{LOW_LED}|[{UPPER}][\w'’]*(?:[{DASHES}][{UPPER}{LOWER}][\w'’]*)*)"
_NAME_JOIN = rf"(?:\s+(?:(?:{PARTICLE})\s+)*|\s*[{DASHES}]\s*(?=[{UPPER}]))"
NAME = rf"{NAME_WORD}(?:{_NAME_JOIN}{NAME_WORD}){{0,5}}"
# "H.E. Mr. Nicolas de Rivière", "ASG Lopez", "Dr. Kemi DaSilva – Ibru"
# "Deputy Minister Aiyana Redcloud-Sato", "Acting Mayor X": a rank before the office
_RANK = r"(?:Deputy|Vice|Assistant|Associate|Acting|Interim|Former|Senior|Junior)[\s-]"
# an office spelt out before the name: "City Manager Gordon Pettibone", "Planning Director
# Khalidi-Moss", "Mayor Pro Tem Arne Halverson"
_OFFICE_TITLE = (r"(?:[A-Z][a-z]+\s+){1,2}(?:Manager|Attorney|Clerk|Director|Administrator|"
                 r"Treasurer|Auditor|Engineer|Planner|Superintendent|Chief|Coordinator)"
                 r"|Pro\s+Tem(?:pore)?|Council\s+Members|Board\s+Members")
PREFIXED_NAME = re.compile(
    rf"(?<![\w.])(?P<prefix>(?:(?:{_RANK})?(?:{_honorific}|{_title}|{_OFFICE_TITLE})\s+)+)"
    rf"(?P<name>(?:(?:{PARTICLE})\s+){{0,3}}{NAME})")
# two to four capitalised words, particles and initials between: "Priya Raman",
# "Tomas van der Berg", "Mark T. Ruiz", "Kim Ji-woo"
PLAIN_NAME = re.compile(
    rf"(?<![\w.'’-])(?P<name>[{UPPER}][\w'’]+(?:[{DASHES}][{UPPER}{LOWER}][\w'’]*)*"
    rf"(?:(?:\s+(?:{PARTICLE}))*\s+(?:[{UPPER}]\.\s+)*(?:{LOW_LED}|[{UPPER}][\w'’]+"
    rf"(?:[{DASHES}][{UPPER}{LOWER}][\w'’]*)*)){{1,3}})(?![\w'’-])")

VERBS = "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
# past forms: after a long appositive with no closing comma only these are read as the
# verb ("..., Chair of the Task Force expressed"), not a present form that may be a noun
PAST_VERBS = "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True)
                      if re.search(r"ed\b|^(?:said|spoke|told|gave|led|felt|thought|made|drew|"
                                   r"wrote|brought|went|was|had)\b", v))
ADVERBS = r"(?:(?:also|then|further|furthermore|briefly|finally|later|again|first|next|" \
          r"similarly|likewise|strongly|clearly|specifically|particularly|in turn|" \
          r"in addition|additionally|moreover|however|instead|subsequently|still|" \
          r"just|already|quickly|immediately|eventually|initially|now|mainly|" \
          r"repeatedly|explicitly|always|never|often|only|even|politely|firmly|both|jointly|" \
          r"(?:had|has|have|would|will|could|can|may|might|did|does|do)(?: not)?|" \
          r"(?:seemed|seems|appeared|appears|went on|goes on|wanted|wants|tried|tries)\s+to)\s+)*"

# Capitalised words that are not (parts of) personal names.
NOT_NAME_WORDS = frozenset("""
mosque gurdwara church temple synagogue cathedral parish diocese monastery chapel abbey
shrine mission congregation
the a an this that these those there here it its he she they we you i our their his her
my your in on at by for from with of to and or but as if so when while after before
during since until although though because however also then thus finally furthermore
moreover meanwhile overall today yesterday tomorrow
agency alliance association bank board centre center coalition commission committee
collaborative collective initiative forum platform partnership consortium trust laboratory
council department division foundation fund group institute bureau international ministry
nations network office organisation organization programme program secretariat society
union university unit women men girls boys children youth task force team teams working
member members states state country countries government governments delegation
delegations delegates party parties participants panellists panelists speakers speaker
representatives representative chair chairs co-chair moderator facilitator president
secretary general assembly security general-assembly court tribunal parliament senate house
congress republic kingdom federation united national european african asian american
civil sector private public world global regional local community communities people
everyone everybody someone somebody nobody all both each many most several some others
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december
action item agenda discussion resolution summary note notes question questions answer
proposal issue issues topic update minutes meeting session panel event report
proposition opposition affirmative negative
oy oyj aps gmbh ltd ltd. inc inc. llc llp plc s.a. s.p.a. spa sarl srl pty corp corp.
limited incorporated b.v. n.v. bv nv ag kg a/s
""".split())


# words of titles and honorifics: "Deputy Executive Director" is a title, not a name
TITLE_WORDS = frozenset(w.casefold() for phrase in (*TITLES, *HONORIFICS)
                        for w in re.split(r"[\s-]+", phrase) if len(w) > 2)
# a verb read as a noun after these: "for her remarks", "the comments"
DETERMINERS = r"(?<!\bher )(?<!\bhis )(?<!\bthe )(?<!\btheir )(?<!\bits )(?<!\bour )" \
               r"(?<!\bmy )(?<!\byour )(?<!\ba )(?<!\ban )"


# letters after a name that are no part of it: "Adaeze Okonjo KC", "Sir X OBE"
_LOWER_PARTICLES = frozenset("de del della der den di da du la le van von ten ter dos das".split())
POSTNOMINALS = frozenset("kc qc sc mp msp ms mla td mep obe mbe cbe kbe dbe jp phd frs freng "
                         "fba frcp frcs esq".split())
# a line that opens with a person in capitals, as transcripts and appearance lists print
# them: "MS. ADAEZE OKONJO KC, Counsel to the Inquiry", "DR. HÉLÈNE MARCHETTI-WARD (Witness
# sworn)"
_CAPS_RUN = re.compile(rf"^(?P<lead>\s*(?:[-*•]\s+)?)(?P<run>[{UPPER}][{UPPER}.'’-]*"
                       rf"(?:\s+[{UPPER}][{UPPER}.'’-]*){{1,7}})(?![\w'’-])")


def caps_displayed(text: str, listed: bool = False) -> str:
    """'MS. ADAEZE OKONJO KC, Counsel ...' -> 'Ms. Adaeze Okonjo, Counsel ...': a leading
    run of capitals as the name is written, particles in lower case, letters after the
    name dropped; other text as it is. Only where the run opens with an honorific or a
    title, so that a heading in capitals stays one; or, for an entry of a list of people
    (``listed``), where the run reads as a name ("ADAEZE OYELARAN, ESQ., Deputy ...")."""
    match = _CAPS_RUN.match(text)
    if not match:
        return text
    words = match.group("run").split()
    while len(words) > 2 and words[-1].strip(".").casefold() in POSTNOMINALS:
        words.pop()
    shown = [w if re.fullmatch(rf"[{UPPER}]\.", w) else
             w.lower() if 0 < i < len(words) - 1 and w.casefold() in _LOWER_PARTICLES else
             display_name(w) for i, w in enumerate(words)]
    displayed = " ".join(shown)
    prefixed = PREFIXED_NAME.match(displayed)
    if listed and not prefixed and plain_person_name(displayed):
        return match.group("lead") + displayed + text[match.end():]
    if not prefixed or prefixed.start() or len(prefixed.group("name").split()) < 1:
        return text
    return match.group("lead") + displayed + text[match.end():]


@lru_cache(maxsize=1 << 16)  # the same names are cleaned at every mention
def clean_name(name: str) -> str:
    name = re.sub(rf"\s*[{DASHES}]\s*", "-", name.strip())
    return re.sub(r"\s+", " ", name).strip(" ,;:*_")


def without_possessive(name: str) -> str:
    """"Okwu's" -> "Okwu", "OKWU'S" -> "OKWU": whose it is, not a name of its own."""
    return re.sub(r"['’][sS]$", "", name)


def strip_prefix(name: str) -> str:
    """'ASG Lopez' -> 'Lopez', 'H.E. Mr. de Rivière' -> 'de Rivière'."""
    match = PREFIXED_NAME.match(name.strip())
    return match.group("name") if match and match.end() == len(name.strip()) else name


def split_prefix(prefix: str) -> tuple[list[str], list[str]]:
    """'H.E. Mr.' -> (['H.E.', 'Mr.'], []); 'ASG' -> ([], ['Assistant Secretary-General'])."""
    honorifics, titles = [], []
    rest = prefix.strip()
    while rest:
        match = re.match(rf"({_RANK})?({_honorific}|{_title}|{_OFFICE_TITLE})(?:\s+|$)", rest)
        if not match:
            break
        word = match.group(2)
        if match.group(1):  # "Deputy Minister": the rank makes it an office, a title
            titles.append(f"{match.group(1)}{word}")
            rest = rest[match.end():]
            continue
        (honorifics if word in HONORIFICS else titles).append(
            TITLE_ABBREVIATIONS.get(word, word))
        rest = rest[match.end():]
    return honorifics, titles


_CONTRACTION = re.compile(r"(?i)(?:i|we|you|they|he|she|it|that|there|here|let|what|who)"
                          r"['’](?:m|re|ve|ll|d|s)")


def plain_person_name(text: str) -> bool:
    """Two to four capitalised words with nothing in them that names an organisation, a
    group or a common noun: could be a personal name."""
    words = [w for w in re.split(r"\s+", clean_name(text)) if w]
    if not 2 <= len(words) <= 6:
        return False
    core = [w for w in words if w.casefold() not in PARTICLES]
    if not 2 <= len(core) <= 4:
        return False
    for word in core:
        bare = word.strip(".,'’")
        if re.fullmatch(rf"[{UPPER}]\.", word):
            continue  # an initial: "Mark T. Ruiz", "David A. Wheeler"
        if bare.casefold() in NOT_NAME_WORDS or any(c.isdigit() for c in bare):
            return False
        if bare.casefold() in TITLE_WORDS and (word is core[0] or word is core[-1]):
            return False  # "Deputy Executive Director", "Vice President"
        if word.endswith(("'s", "’s")):
            return False  # "the Center's Executive Director": a possessive
        if _CONTRACTION.fullmatch(bare):
            return False  # "I'm Lucía, I lead ...": she introduces herself
        if len(bare) > 1 and bare.isupper() or re.fullmatch(r"[A-Z]{2,}s", bare):
            return False  # "UN Women", "NYU", "RFCs": acronyms are organisations or things
        if not re.fullmatch(rf"[{UPPER}](?:\.|[\w'’-]*)|{LOW_LED}", word):
            return False
    if core[-1].casefold().strip(".,") in OFFICE_NOUNS:
        return False  # "Chief Sustainability Officer", "Senior Planning Officer"
    # "J. R. Whitcombe": initials before the surname; not "Dr." or "St." left of a name
    return not core[0].endswith(".") or bool(
        re.fullmatch(rf"[{UPPER}]\.", core[0]) and not core[-1].endswith("."))


# nouns that end the name of an office, never a person's surname here
OFFICE_NOUNS = frozenset("""officer director manager secretary counsel adviser advisor
coordinator specialist consultant analyst representative rapporteur commissioner treasurer
president minister chairperson chairman chairwoman spokesperson envoy administrator
superintendent supervisor strategist economist scientist researcher lecturer strategist
auditor accountant registrar scrutineer clerk inspector ombudsman
""".split())


def tokens(name: str) -> list[str]:
    return fold(name).split()


def first_and_last(name: str) -> tuple[str, str]:
    words = [w for w in tokens(name) if w not in PARTICLES and len(w) > 1]
    return (words[0], words[-1]) if words else ("", "")
