"""Floor designations: the name in capitals that opens a speech in a parliamentary record
("Mr. GORTON. Mr. President, ...", "The PRESIDING OFFICER (Mr. Kyl). The clerk will call
the roll."). Pure: text in, (speaker, end offset) out."""

from __future__ import annotations

import re

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_APOSTROPHE = "'\u2019"
# one word of a surname in capitals: GORTON, O'BRIEN, JACKSON-LEE, and the mixed forms
# the Record prints in capitals after a short prefix: McCAIN, DeWINE, MacKAY, LaHOOD
_CAPS_WORD = (rf"(?:[{_UPPER}][{_LOWER}]{{1,3}}|[{_UPPER}][{_APOSTROPHE}])?"
              rf"[{_UPPER}][{_UPPER}{_APOSTROPHE}\-]*[{_UPPER}]")
# particles written in lower case before the capitals: "Mr. de la GARZA"
_PARTICLE = r"(?:de|del|della|der|den|di|da|du|la|le|van|von|ten|ter|st\.)"
_CAPS_NAME = rf"(?:{_PARTICLE}\s+)*{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}"
# "of Ohio", "of New York", "of the Virgin Islands": which member of that name
_OF_STATE = rf"\s+of\s+(?:the\s+)?[{_UPPER}][{_LOWER}]+(?:\s+[{_UPPER}][{_LOWER}]+){{0,2}}"
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr)\."
_END = r"\.(?=\s|$)"

_MEMBER = re.compile(rf"\s*{_HONORIFIC}\s+(?P<name>{_CAPS_NAME})(?:{_OF_STATE})?{_END}")

# the chair's offices; an office phrase names at least one of these words
_OFFICE_WORDS = frozenset("""
SPEAKER PRESIDENT OFFICER CHAIRMAN CHAIRWOMAN CHAIR CHAIRPERSON CLERK JUSTICE
PARLIAMENTARIAN SERGEANT ARMS SECRETARY LEADER
""".split())
_SMALL_WORDS = frozenset({"AT", "OF", "THE", "AND"})  # "Sergeant at Arms"
# the name of the member in the chair, as the Record prints it after the office:
# "(Mr. Kyl)", "(Mrs. Hutchison)", "[Mr. Brownback]", "(Mr. Hastings of Washington)"
_CHAIR_NAME = (rf"(?:{_PARTICLE}\s+)*[{_UPPER}][\w{_APOSTROPHE}\-]*"
               rf"(?:\s+(?:{_PARTICLE}\s+)*[{_UPPER}][\w{_APOSTROPHE}\-]*){{0,3}}")
_OFFICER = re.compile(
    rf"\s*The\s+(?P<office>[{_UPPER}]{{2,}}(?:\s+[{_UPPER}]{{2,}}){{0,3}})"
    r"(?P<tempore>\s+pro\s+tempore)?"
    rf"(?:\s*[(\[]{_HONORIFIC}\s+(?P<name>{_CHAIR_NAME})(?:{_OF_STATE})?[)\]])?"
    rf"{_END}")


def designation(text: str) -> tuple[str, int] | None:
    """The floor designation that opens this paragraph, as (speaker as shown, offset just
    after the designation's full stop), or None.

    "Mr. GORTON. Mr. President, ..." -> ("Gorton", 11); "Mrs. JONES of Ohio. ..." ->
    ("Jones", 19); "The PRESIDING OFFICER (Mr. Kyl). ..." -> ("Kyl", 32); "The SPEAKER."
    -> ("Speaker", 12); "The ACTING PRESIDENT pro tempore." -> ("Acting President pro
    tempore", 33). The name is written in capitals in a designation: "Mr. President, I
    ...", "The gentleman from Utah (Mr. Smith) is recognized" and "The assistant
    legislative clerk proceeded to call the roll." are not designations. Names are shown
    with each word capitalised: "Mr. DE LA GARZA." -> "De La Garza", "Mr. McCAIN." ->
    "McCain", "Mr. O'BRIEN." -> "O'Brien"."""
    member = _MEMBER.match(text)
    if member:
        return display_name(member.group("name")), member.end()
    officer = _OFFICER.match(text)
    if officer and _OFFICE_WORDS & set(officer.group("office").split()):
        if officer.group("name"):
            return display_name(officer.group("name")), officer.end()
        office = " ".join(word.lower() if word in _SMALL_WORDS else word.capitalize()
                          for word in officer.group("office").split())
        if officer.group("tempore"):
            office += " pro tempore"
        return office, officer.end()
    return None


def display_name(name: str) -> str:
    """A surname as printed in capitals -> as it is written: GORTON -> Gorton, O'BRIEN ->
    O'Brien, JACKSON-LEE -> Jackson-Lee, McCAIN -> McCain, DE LA GARZA -> De La Garza.
    Names already in mixed case ("Kyl", "LaHood") are kept."""
    return " ".join(_display_word(word) for word in name.split())


def _display_word(word: str) -> str:
    if not re.search(rf"[{_UPPER}]{{2}}", word):
        return word[:1].upper() + word[1:]  # "Kyl", "LaHood"; "de" -> "De"
    parts = re.split(rf"([\-{_APOSTROPHE}])", word)
    return "".join(_display_part(part) for part in parts)


def _display_part(part: str) -> str:
    prefix = re.match(rf"[{_UPPER}][{_LOWER}]+(?=[{_UPPER}])", part)  # Mc, De, Mac, La
    if prefix:
        return prefix.group() + part[prefix.end():].capitalize()
    return part.capitalize()
