"""Names in name position: a capitalised surname after an honorific or a first name.

"Mr Zelensky", "President Zelenskiy", "Jane Smith": the last word is the name a rule compares;
the first name and honorific are kept so that two people who share a surname (or have similar
ones) are never treated as one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from factlint.document import Document

HONORIFICS = frozenset(
    """Mr Mrs Ms Miss Dr Sir Dame Lord Lady Baroness President Professor Prof Senator Sen General
    Gen Colonel Col Captain Capt Judge Justice Prince Princess King Queen Pope Sheikh Ayatollah
    Chancellor Governor Gov Mayor Rev Father Minister Secretary Premier Leader Chairman""".split()
)
UPPER, LOWER = "A-ZÀ-Ý", "a-zß-ÿ"
CAP = rf"(?:O[’']|Mc|Mac)?[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
# CAP as the first word of a run, written capital first so that re can skip to capitals (a
# pattern that opens with a look-behind is tried at every position); the look-behind then tests
# the character before it, and the prefixes O’, Mc and Mac follow their first letter.
FIRST_CAP = (
    rf"[{UPPER}](?<![\w’'-].)(?:(?<=O)[’'][{UPPER}]|(?<=M)c[{UPPER}]|(?<=M)ac[{UPPER}])?"
    rf"[{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
)
# A run of two or more capitalised words on one line: "Ukrainian President Volodymyr Zelensky"
# (a single capitalised word names no one here, and most runs are single words).
RUN = re.compile(rf"{FIRST_CAP}\.?(?:[ \n](?:{CAP}|[A-Z]\.))+(?=[’']s?\b|[’']|(?![\w’'-]))")
# Capitalised words that start a run without being a first name ("New York", "The Times").
NOT_FIRST = frozenset(
    """The A An In On At For Of And But If When While As After Before Since Its His Her Their Our
    New North South East West Central United Royal National British Labour Tory Conservative
    Liberal Democrat Democrats Republican Prime Foreign Home Defence Defense Health Shadow
    Deputy Chief Former Mr Mrs Ms Dr Sir Lord Lady President Professor Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Premier League Cup World Grand Street Road Bank Club City Great
    Old Saint St Mount Lake Fort Port Santa San Los Las Le La El Al De Van Von Du Di""".split()
)


class NameMention(NamedTuple):  # a NamedTuple: immutable and cheaper to build than a dataclass
    """A surname in name position: segment offsets of ``last`` (possessive excluded)."""

    segment: int
    start: int
    end: int
    last: str
    first: str | None  # "Jane" in "Jane Smith"
    honorific: str | None  # "Mr" in "Mr Smith"


def find_names(doc: Document) -> list[NameMention]:
    """Every surname after an honorific or a plausible first name, in document order."""
    found: list[NameMention] = []
    for segment in doc.segments:
        for match in RUN.finditer(segment.text):
            words = match.group().split()
            last = words[-1]
            titles = [i for i, w in enumerate(words[:-1]) if w.rstrip(".") in HONORIFICS]
            rest = words[titles[-1] + 1 : -1] if titles else words[:-1]
            first = next((w for w in rest if not w.endswith(".")), None)
            if not titles and (first is None or first in NOT_FIRST or words[0] in NOT_FIRST):
                continue
            end = match.end()
            found.append(NameMention(segment.index, end - len(last), end, last, first,
                                     words[titles[-1]].rstrip(".") if titles else None))
    return found
