"""A messaging group's exported chat (WhatsApp, Signal and the like, as a text file): one
message a paragraph, the sender its speaker, the lines the app adds ("X added Y",
"Messages and calls are end-to-end encrypted") no one's. A sender saved only as a phone
number is the person the number says it is ("Hi, it's Callum from the bakery"), or the
number when it never says. Each day is a section.

    [12/03/2024, 09:14:22] Ana Ruiz: text        (iOS)
    12/03/2024, 09:14 - Ana Ruiz: text           (Android)
    3/12/24, 9:14 AM - Ana Ruiz: text            (Android, US)
    [2024-03-12 09:14] Ana Ruiz: text            (Signal, Telegram)

Pure: text in, HTML out."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .people.names import NOT_NAME_WORDS
from .people.vocabulary import PARTICLES

_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
_STAMPED = re.compile(rf"^[\u200e\u200f]?(?:\[(?P<d1>{_DATE}),?\s+(?P<t1>{_CLOCK})\]\s*[-–]?\s*|"
                      rf"(?P<d2>{_DATE}),?\s+(?P<t2>{_CLOCK})\s+[-–]\s+)(?P<rest>.*)$")
_PHONE = re.compile(r"^\+?\d[\d\s().-]{6,20}\d$")
_NAME_WORD = r"[^\W\d_][\w.'’-]*"
# a sender: a saved name ("Deb K", "Ngozi Eze", "Pim van Dalen", "~ Callum"), a number
_SENDER = re.compile(rf"^(?:~\s?)?(?P<who>\+?\d[\d\s().-]{{6,20}}\d|{_NAME_WORD}"
                     rf"(?:\s+(?:{_NAME_WORD}|\([^)]{{1,30}}\))){{0,4}})\s?:\s(?P<text>.*)$")
# "Hi, it's Callum from the bakery", "This is Dana Ruiz", "Sunil here"
_SELF_NAMED = re.compile(r"(?:\b(?i:it['’]s|it is|this is|i['’]m|i am|my name is)\s+"
                         r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)|^\W*(?i:hi|hello|hey)?\W*"
                         r"(?P<here>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+here\b)")
_MIN_MESSAGES = 3
# what stands in for a file or a deleted message: "image omitted", "<Media omitted>",
# "<attached: 00000012-PHOTO-2024.jpg>", "This message was deleted"
_PLACEHOLDER = re.compile(r"^[\u200e\s]*(?:<?(?:image|video|audio|sticker|GIF|document|"
                          r"media|contact card) omitted>?|<attached: [^>]*>|"
                          r"(?:this message was deleted|you deleted this message)\.?)\s*$", re.I)


@dataclass
class _Message:
    day: str
    clock: str
    sender: str | None  # None: a line the app wrote
    lines: list[str] = field(default_factory=list)
    dropped: bool = False  # a photo, a voice note, a deleted message: no words to index


def is_chat(text: str) -> bool:
    """Most lines that open a paragraph are time-stamped messages."""
    lines = [line for line in text.split("\n") if line.strip()]
    stamped = [m for line in lines if (m := _STAMPED.match(line.strip()))]
    senders = sum(1 for m in stamped if _SENDER.match(m.group("rest")))
    return senders >= _MIN_MESSAGES and 3 * len(stamped) >= len(lines)


# 'Ngozi Eze created group "Harvest Fair crew"', 'X changed the subject to "Y"'
_GROUP_NAME = re.compile(r"\b(?:created group|changed the (?:subject|group name) "
                         r"(?:from \S.*? )?to)\s+[\"“](?P<name>[^\"”]{2,100})[\"”]")


def read(text: str) -> tuple[str | None, str]:
    """The export's first day (ISO) and its HTML, the messages read once for both."""
    messages = _messages(text)
    return _first_day(messages), _html(text, messages)


def first_date(text: str) -> str | None:
    return _first_day(_messages(text))


def _html(text: str, messages: list[_Message]) -> str:
    """One paragraph a message under a heading a day, and a title: the group's name when
    the export gives it, else the days it covers."""
    names = _numbers_named(messages)
    group = next((m.group("name") for message in messages if message.sender is None
                  and (m := _GROUP_NAME.search(message.lines[0]))), "")
    days = list(dict.fromkeys(message.day for message in messages))
    title = group or (f"Group chat, {days[0]}" + (f" to {days[-1]}" if len(days) > 1 else ""))
    parts: list[str] = [f"<title>{html.escape(title)}</title>"]
    parts += [f'<p data-voice="" data-voice-by="label">{html.escape(note)}</p>'
              for note in _preamble(text)]
    day = None
    for message in messages:
        if message.dropped:
            continue
        if message.day != day:
            day = message.day
            parts.append(f"<h2>{html.escape(day)}</h2>")
        body = "<br>".join(html.escape(line) for line in message.lines)
        body = f"[{html.escape(message.clock)}] {body}"
        voice = "" if message.sender is None else names.get(message.sender, message.sender)
        parts.append(f'<p data-voice="{html.escape(voice)}" data-voice-by="label">{body}</p>')
    return "\n".join(parts)


def _first_day(messages: list[_Message]) -> str | None:
    """The first message's day, ISO: day first ("04/09/2024") unless the export writes
    the month first (a clock with AM/PM, a second number over 12) or the year first."""
    if not messages:
        return None
    numbers = [[int(n) for n in re.split(r"[./-]", m.day)] for m in messages]
    if len(numbers[0]) != 3:
        return None
    if numbers[0][0] > 31:
        year, month, day = numbers[0]
    else:
        month_first = any(n[1] > 12 for n in numbers) or any(
            re.search(r"[AaPp]\.?\s?[Mm]", m.clock) for m in messages) and not any(
            n[0] > 12 for n in numbers)
        first, second, year = numbers[0]
        month, day = (first, second) if month_first else (second, first)
        year += 2000 if year < 100 else 0
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _preamble(text: str) -> list[str]:
    """What the person who exported the chat wrote above its first message, a paragraph
    for each block of lines: a note on what was left out, who was in the group."""
    head = []
    for line in _lines(text):
        if _STAMPED.match(line.strip()):
            break
        head.append(line.strip())
    return [" ".join(block.split("\n")) for block in "\n".join(head).split("\n\n")
            if block.strip()]


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _messages(text: str) -> list[_Message]:
    out: list[_Message] = []
    for line in _lines(text):
        stamped = _STAMPED.match(line.strip())
        if not stamped:
            if out and line.strip() and not out[-1].dropped:
                out[-1].lines.append(line.strip())  # a message of several lines
            continue
        rest = stamped.group("rest").strip()
        day = stamped.group("d1") or stamped.group("d2")
        clock = stamped.group("t1") or stamped.group("t2")
        sent = _SENDER.match(rest)
        if sent and _is_sender(sent.group("who")):
            who = re.sub(r"\s+", " ", sent.group("who")).strip()
            said = sent.group("text").strip()
            if _PLACEHOLDER.match(said):
                out.append(_Message(day, clock, who, [], dropped=True))
            elif said.startswith("\u200e"):  # iOS marks what the app writes in a chat
                out.append(_Message(day, clock, None, [said.lstrip("\u200e")]))
            else:
                out.append(_Message(day, clock, who, [said]))
        else:
            out.append(_Message(day, clock, None, [rest.lstrip("\u200e")]))  # "Ana Ruiz added Tom"
    return out


def _is_sender(who: str) -> bool:
    """'Ngozi Eze', 'Deb K', '+44 7700 900461'; not the start of what the app says
    ('Ana changed the subject from "Fair"')."""
    if _PHONE.match(who):
        return True
    words = [w for w in who.split() if not w.startswith("(")]
    return bool(words) and all(w[:1].isupper() or w.casefold() in PARTICLES for w in words)


def _numbers_named(messages: list[_Message]) -> dict[str, str]:
    """A number that says who it is, in any of its messages: that person."""
    named: dict[str, str] = {}
    for message in messages:
        who = message.sender
        if who and _PHONE.match(who) and who not in named:
            found = _SELF_NAMED.search(" ".join(message.lines)[:200])
            name = (found.group("name") or found.group("here")) if found else ""
            if name and not any(w.casefold() in NOT_NAME_WORDS for w in name.split()):
                named[who] = name
    return named
