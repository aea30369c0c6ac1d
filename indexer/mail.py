"""Mail as it reaches an archive: a mailing-list digest, a thread pasted into a text file,
a forwarded message. Each message's words are its sender's; a quoted reply ("On Monday,
X wrote:" over "> " lines, or an "-----Original Message-----" header) is the quoted
person's. The format says who speaks, so the HTML carries it (``data-voice``) and the
people stage does not have to guess from the prose.

Pure: text in, HTML out."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# "From: X", "**Sent:** ...", "Date : ..."
_HEADER = re.compile(r"^\s{0,3}\**(?P<key>from|sent|date|to|cc|bcc|subject|reply-to|"
                     r"message-id|in-reply-to|references|content-type|"
                     r"content-transfer-encoding|mime-version|importance)\**\s?:\**[ \t]*"
                     r"(?P<value>.*)$", re.I)
_DATED = {"date", "sent"}
# lines between messages: "----------", "Message: 2", "*****"
_SEPARATOR = re.compile(r"^\s*(?:[-=_*~]{6,}\s*|message:?\s*\d+\s*)$", re.I)
# "-----Original Message-----", "---------- Forwarded message ---------", "Begin forwarded
# message:": the header of the message below follows
_ENCLOSED = re.compile(r"^\s*(?:-{2,}\s*(?:original message|forwarded message|"
                       r"message d'origine|urspr[üu]ngliche nachricht)\s*-{2,}|"
                       r"begin forwarded message:)\s*$", re.I)
# "On Mon, 2 Jun 2025 at 17:02, Tomás Ferreira <t@x.pt> wrote:", "Kowalczyk wrote:",
# "Quoting Ana Ruiz <a@b.org>:", "Le 2 juin 2025, Ana Ruiz a écrit :"
_QUOTE_INTRO = re.compile(
    r"^\s*(?:on\s.{4,120}?,\s*|le\s.{4,80}?,\s*|am\s.{4,80}?\s(?:um\s\S+\s)?schrieb\s)?"
    r"(?P<who>[^,:<>]{2,80}?)\s*(?:<[^>]*>|\([^)]*@[^)]*\)|\[[^\]]*@[^\]]*\])?\s*"
    r"(?:wrote|writes|said|a écrit|schrieb)\s*:\s*$|"
    r"^\s*quoting\s+(?P<quoting>[^:<>]{2,80}?)\s*(?:<[^>]*>)?\s*:\s*$", re.I)
_EMAIL = re.compile(r"[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)+")
_MIN_HEADER_LINES = 3


@dataclass
class _Message:
    sender: str
    subject: str = ""
    date: str = ""
    lines: list[str] = field(default_factory=list)


def is_mail(text: str) -> bool:
    """A message header (a sender, a date, a subject or recipient) opens the text, or
    two or more messages are in it."""
    lines = text.lstrip("\ufeff\n").split("\n")
    headers = list(_headers(lines))
    return bool(headers) and (headers[0][0] < 12 or len(headers) >= 2)


def _headers(lines: list[str]):
    """(start, length) of every message header: a run of header lines holding a sender,
    a date, and a subject or recipient ("Date:" may come before "From:", as in digests)."""
    i = 0
    while i < len(lines):
        length = _header_at(lines, i)
        if length:
            yield i, length
            i += length
        else:
            i += 1


def _header_at(lines: list[str], start: int) -> int:
    """How many lines the header starting at ``start`` holds, or 0 when none does."""
    if start >= len(lines) or not _HEADER.match(lines[start]):
        return 0
    keys, end = [], start
    for line in lines[start:start + 16]:
        match = _HEADER.match(line)
        if match:
            keys.append(match.group("key").lower())
        elif not (line.startswith((" ", "\t")) and line.strip() and keys):
            break  # (a header folded onto the next line is indented)
        end += 1
    has = set(keys)
    if len(keys) >= _MIN_HEADER_LINES and "from" in has and has & _DATED and \
            has & {"subject", "to"}:
        return end - start
    return 0


def first_date(text: str) -> str | None:
    """The first message's date, ISO (yyyy-mm-dd): the date of a thread or digest."""
    from email.utils import parsedate_to_datetime

    lines = text.split("\n")
    for start, length in _headers(lines):
        for line in lines[start:start + length]:
            match = _HEADER.match(line)
            if match and match.group("key").lower() in _DATED:
                try:
                    return parsedate_to_datetime(match.group("value").strip()).date().isoformat()
                except (TypeError, ValueError, IndexError):
                    continue
    return None


def sender_name(value: str) -> str:
    """'Marta Kowalczyk <m.k@uni.pl>', '"Ferreira, Tomás" <t@x.pt>', 'ana at x.org (Ana
    Ruiz)', 'Ana Ruiz via open-methods <...>' -> the person's name; '' for an address."""
    value = value.strip()
    in_parens = re.search(r"\(([^()@]{2,80})\)\s*$", value)
    if in_parens and _EMAIL.search(value[:in_parens.start()]):
        value = in_parens.group(1)
    value = re.sub(r"<[^>]*>|\[mailto:[^\]]*\]", " ", value)
    value = _EMAIL.sub(" ", value).strip(" \"'\t")
    value = re.sub(r"\s+via\s+\S.*$", "", value)  # Google Groups: "X via listname"
    value = re.sub(r"\s*\((?:[^()]*)\)\s*$", "", value).strip(" \"'")
    if "," in value and value.count(",") == 1:
        last, first = (part.strip() for part in value.split(","))
        if first and last and len(first.split()) <= 3 and len(last.split()) <= 3:
            value = f"{first} {last}"  # "Ferreira, Tomás"
    value = " ".join(value.split())
    return value if re.search(r"[^\W\d_]{2}", value) else ""


def to_html(text: str, render=None) -> str:
    """The text as HTML: what comes before the first message as it is, then each
    message as a section headed by its subject and sender, its paragraphs its sender's."""
    from .loading import text_to_html

    # ``render``: the reader of the file's format (Markdown, plain text) for the words
    render = render or text_to_html

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts = [start for start, _ in _headers(lines)]
    if not starts:
        return render(text)
    messages = [_read_message(lines[begin:end])
                for begin, end in zip(starts, [*starts[1:], len(lines)], strict=True)]
    opening = [line for line in lines[:starts[0]] if not _SEPARATOR.match(line)]
    parts = [_opening_html(opening, text, messages, render)]
    for message in messages:
        byline = ", ".join(p for p in (message.sender, _short_date(message.date)) if p)
        heading = message.subject or (f"Message from {message.sender}" if message.sender
                                      else "Message")
        parts.append(f"<h2>{html.escape(heading)}"
                     f"{' (' + html.escape(byline) + ')' if byline and message.subject else ''}"
                     "</h2>")
        body, footer = _without_footer(message.lines)
        parts.append(_body_html(body, message.sender, render))
        if any(line.strip() for line in footer):
            parts.append(f'<div data-voice="" data-voice-by="header">'
                         f"{render(chr(10).join(footer))}</div>")
    return "\n".join(parts)


# "Open-Methods Digest, Vol 18, Issue 6"
_DIGEST_TITLE = re.compile(r"^\s*(?:end of\s+)?(?P<title>.{2,80}?\bdigest,?\s+vol(?:ume)?\.?\s*\d+"
                           r",?\s+issue\s*\d+)", re.I | re.M)
# a digest's own words before its first message: how to subscribe, today's topics
_DIGEST_OPENING = re.compile(r"today['’]s topics|mailing list submissions|digest", re.I)


def _opening_html(opening: list[str], text: str, messages: list[_Message], render) -> str:
    """What comes before the first message, with a title when it gives none: the digest's
    name, or the thread's subject."""
    body = render("\n".join(opening)) if any(line.strip() for line in opening) else ""
    if _DIGEST_OPENING.search(body):
        body = f'<div data-voice="" data-voice-by="header">{body}</div>'  # boilerplate
    if "<h1>" in body:
        return body
    digest = _DIGEST_TITLE.search(text)
    subjects = [re.sub(r"^(?:\s*(?:re|fwd?|aw|tr|sv)\s*:\s*)+", "", m.subject, flags=re.I)
                for m in messages if m.subject]
    title = digest.group("title") if digest else subjects[0] if subjects else ""
    return f"<h1>{html.escape(title)}</h1>\n{body}" if title else body


def _without_footer(lines: list[str]) -> tuple[list[str], list[str]]:
    """A list's footer ("____" over the list's name and address) and a digest's "End of
    ... Digest" line are not the sender's."""
    for i, line in enumerate(lines):
        if re.match(r"^\s*_{20,}\s*$", line) or _DIGEST_TITLE.match(line) and \
                line.strip().lower().startswith("end of"):
            return lines[:i], lines[i:]
    return lines, []


def _read_message(lines: list[str]) -> _Message:
    count = _header_at(lines, 0)
    message = _Message(sender="")
    for line in lines[:count]:
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.group("key").lower(), match.group("value").strip()
        if key == "from":
            message.sender = sender_name(value)
        elif key == "subject":
            message.subject = re.sub(r"\[[^\]]{1,40}\]\s*", "", value).strip()  # "[list]"
        elif key in _DATED:
            message.date = value
    # the line that announces the next, enclosed message ("-----Original Message-----")
    message.lines = [line for line in lines[count:]
                     if not _SEPARATOR.match(line) and not _ENCLOSED.match(line)]
    return message


def _short_date(value: str) -> str:
    """'Tue, 3 Jun 2025 09:14:22 +0100' -> '3 Jun 2025'."""
    found = re.search(r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+"
                      r"\d{4}|\d{4}-\d{2}-\d{2}", value)
    return found.group(0) if found else value.split(" +")[0].strip()


def _body_html(lines: list[str], sender: str, render, evidence: str = "header") -> str:
    """A message body: unquoted stretches are the sender's, quoted ones ("> ") the
    person whose words they are."""
    parts: list[str] = []
    plain: list[str] = []

    def flush(voice: str, kind: str = evidence) -> None:
        if any(line.strip() for line in plain):
            body = render("\n".join(plain))
            parts.append(f'<div data-voice="{html.escape(voice)}" data-voice-by="{kind}">'
                         f"{body}</div>")
        plain.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        intro = _QUOTE_INTRO.match(line)
        quoted_from = i + 1
        # the intro may wrap: "On Mon, 2 Jun 2025 at 17:02, Tomás Ferreira" / "<t@x> wrote:"
        if not intro and i + 1 < len(lines) and not _is_quoted(line) and line.strip() and \
                (joined := _QUOTE_INTRO.match(f"{line.rstrip()} {lines[i + 1].strip()}")) and \
                not _is_quoted(lines[i + 1]):
            intro, quoted_from = joined, i + 2
        if intro and any(_is_quoted(q) for q in lines[quoted_from:quoted_from + 2]):
            flush(sender)
            who = _quoted_person(intro)
            i = quoted_from
            quoted = []
            while i < len(lines) and (_is_quoted(lines[i]) or not lines[i].strip() and
                                      i + 1 < len(lines) and _is_quoted(lines[i + 1])):
                quoted.append(re.sub(r"^\s?>\s?", "", lines[i]))
                i += 1
            parts.append(f'<blockquote data-voice="{html.escape(who)}" '
                         f'data-voice-by="quotation">{_body_html(quoted, who, render, "quotation")}'
                         "</blockquote>")
            continue
        if _is_quoted(line):
            # quoted lines with no one named over them: whose words they are is not said
            flush(sender)
            quoted = []
            while i < len(lines) and _is_quoted(lines[i]):
                quoted.append(re.sub(r"^\s?>\s?", "", lines[i]))
                i += 1
            parts.append('<blockquote data-voice="" data-voice-by="quotation">'
                         + _body_html(quoted, "", render, "quotation") + "</blockquote>")
            continue
        plain.append(line)
        i += 1
    flush(sender)
    return "\n".join(parts)


def _is_quoted(line: str) -> bool:
    return bool(re.match(r"^\s?>", line))


def _quoted_person(intro: re.Match) -> str:
    who = (intro.group("who") or intro.group("quoting") or "").strip()
    return sender_name(who)
