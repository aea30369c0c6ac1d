"""Captions of a recorded event (SubRip ``.srt``, WebVTT ``.vtt``, or either pasted into a
text file) as paragraphs: cues are short lines timed to the video, so they are joined
into what was said, a new paragraph where the speaker changes or the speaker pauses at
the end of a sentence. Who speaks is in the captions' own marks: a WebVTT voice
(``<v Ana Ruiz>``), a label (``ANA RUIZ:``, ``[ANA]``, ``>> ANA:``); a bare ``>>`` or a
leading ``-`` says only that someone else speaks now. The paragraphs carry the speaker
(``data-voice``) and open with the time they start at.

Pure: text in, HTML out."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"^\s*(?P<start>{_TIME})\s*-->\s*(?P<end>{_TIME})")
_TAG = re.compile(r"</?(?:c|i|b|u|ruby|rt|lang)(?:\.[\w.-]+)?(?:\s[^>]*)?>|<\d[\d:.]*>|"
                  r"\{\\[^}]*\}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<name>[^>]{1,60})>")
# "ANA RUIZ:", "Dr Ana Ruiz:", ">> ANA:", "[ANA RUIZ] ...", "(Ana) ..."
_NAME = r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}(?:\s+\d{1,2})?"
_LABEL = re.compile(rf"^(?:>>\s*)?(?P<name>{_NAME})\s*:\s+(?=\S)")
_BRACKETED = re.compile(rf"^(?:>>\s*)?[\[(](?P<name>{_NAME})[\])]\s*:?\s+(?=\S)")
_CHANGE = re.compile(r"^(?:>>|-|–|—)\s*")
# "[applause]", "(laughs)", "♪ music ♪": what is heard, not said
_SOUND = re.compile(r"^\s*(?:[\[(][^\])]{1,40}[\])]|♪[^♪]*♪?|#.*#)\s*$")
_SOUND_WORDS = frozenset("""
applause laughter laughs laughing music inaudible crosstalk silence pause coughs cough
cheering cheers indistinct chatter foreign speaking sighs background noise door bell
""".split())
_PAUSE = 2.0  # seconds of silence after a sentence that end a paragraph
_LONG = 700  # characters after which a paragraph ends at the next sentence's end
_SENTENCE_END = (".", "!", "?", "…", ".\"", "?\"", ".”", "?”")


@dataclass
class _Cue:
    start: float
    end: float
    lines: list[str]


@dataclass
class _Paragraph:
    speaker: str | None  # None: not said; "": someone the captions do not name
    start: float
    words: list[str] = field(default_factory=list)
    end: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(self.words)


def is_captions(text: str) -> bool:
    """Most blocks of the text are timed cues."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    timed = sum(1 for b in blocks if any(_TIMING.match(line) for line in b.split("\n")[:3]))
    return timed >= 3 and timed * 2 >= len(blocks)


def to_html(text: str) -> str:
    title, cues = _cues(text.replace("\r\n", "\n").replace("\r", "\n"))
    parts = [f"<h1>{html.escape(title)}</h1>"] if title else []
    for paragraph in _paragraphs(cues):
        stamp = _clock(paragraph.start)
        body = html.escape(f"[{stamp}] {paragraph.text}")
        if paragraph.speaker is None:
            parts.append(f"<p>{body}</p>")
        else:
            parts.append(f'<p data-voice="{html.escape(paragraph.speaker)}" '
                         f'data-voice-by="label">{body}</p>')
    return "\n".join(parts)


def _cues(text: str) -> tuple[str, list[_Cue]]:
    """The title a WebVTT header gives ("WEBVTT - Lecture 3"), and the cues in order."""
    title, cues = "", []
    for block in re.split(r"\n[ \t]*\n", text.lstrip("\ufeff")):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        header = re.match(r"^WEBVTT\b[ \t-]*(.*)$", lines[0])
        if header:
            title = header.group(1).strip()
            continue
        if re.match(r"^(?:NOTE|STYLE|REGION)\b", lines[0]):
            continue
        at = next((i for i, line in enumerate(lines[:3]) if _TIMING.match(line)), None)
        if at is None:
            continue  # text outside any cue: a stray line, a transcript's heading
        timing = _TIMING.match(lines[at])
        cues.append(_Cue(_seconds(timing.group("start")), _seconds(timing.group("end")),
                         lines[at + 1:]))
    return title, cues


def _paragraphs(cues: list[_Cue]) -> list[_Paragraph]:
    out: list[_Paragraph] = []
    speaker: str | None = None
    last_line, exchange = "", False
    for cue in cues:
        for raw in cue.lines:
            line, named, changed = _read_line(raw)
            if not line or line == last_line:
                continue  # a sound, or a rolling caption repeating the line above
            last_line = line
            if named is not None:
                changed = named != speaker
                speaker = named
            elif changed:
                speaker = ""
            # "- Can you hear me?" / "- Yes!": each line of an exchange stands alone, and
            # who speaks after it is not said
            changed, exchange = changed or exchange, bool(
                changed and named is None and re.match(r"^\s*[-–—]", raw))
            here = out[-1] if out else None
            pause = here is not None and cue.start - here.end >= _PAUSE
            ends = here is not None and here.text.endswith(_SENTENCE_END)
            if here is None or changed or ends and (pause or len(here.text) >= _LONG):
                out.append(_Paragraph(speaker, cue.start))
            out[-1].words.append(line)
            out[-1].end = cue.end
    return out


def _read_line(raw: str) -> tuple[str, str | None, bool]:
    """A caption line -> (its words, the speaker it names, whether it says a new
    speaker begins)."""
    voice = _VOICE.search(raw)
    line = " ".join(_TAG.sub("", re.sub(r"</?v[^>]*>", "", raw)).split())
    line = html.unescape(line)
    if _SOUND.match(line) and _is_sound(line):
        return "", None, False
    if voice:
        return line, _display(voice.group("name")), True
    for pattern in (_BRACKETED, _LABEL):
        labelled = pattern.match(line)
        if labelled and not _is_sound(labelled.group("name")) and _speaker_like(
                labelled.group("name")):
            return line[labelled.end():].strip(), _display(labelled.group("name")), True
    changed = _CHANGE.match(line)
    if changed and (line.startswith(">>") or re.match(r"^[-–—]\s+\S", line)):
        return line[changed.end():].strip(), None, True
    return line, None, False


def _is_sound(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return not words or any(w in _SOUND_WORDS for w in words) or text.strip()[:1] in "♪#"


def _speaker_like(name: str) -> bool:
    """'ANA RUIZ', 'Dr Ana Ruiz', 'Speaker 2', 'Interviewer'; not 'Note that' or a clause
    ('So the question is')."""
    from .people.names import NOT_NAME_WORDS

    words = name.split()
    return all(w[:1].isupper() or w.isdigit() for w in words) and len(words) <= 5 and \
        name.casefold() not in NOT_NAME_WORDS


def _display(name: str) -> str:
    """'ANA RUIZ' -> 'Ana Ruiz'; 'Dr Ana Ruiz' as it is."""
    name = " ".join(name.split()).strip(" :")
    if name.isupper() and len(name) > 3:
        name = " ".join(w if len(w) <= 3 and w.endswith(".") else
                        re.sub(r"(^|[-'’])(\w)", lambda m: m.group(1) + m.group(2).upper(),
                               w.lower()) for w in name.split())
    return name


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
