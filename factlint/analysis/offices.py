"""Offices: mentions of ministerial titles ("Defence Secretary", "Secretary of Defence").

Each mention gets a key naming the office independently of spelling, capitalisation and word
order, so a rule can tell "Defence Secretary" and "Defense Secretary" are the same post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.document import Document

HEADS = "Secretary|Minister|secretary|minister"
WORD = r"[A-Za-z]+"
# "Defence Secretary", "shadow home secretary" ("Trade and Industry Secretary" -> its last word)
BEFORE = re.compile(
    rf"\b(?:(?P<mod>[Ss]hadow|[Dd]eputy|[Jj]unior)\s)?(?P<port>{WORD})\s(?P<head>{HEADS})\b"
)
# "Secretary of Defence", "Minister for Europe" (not "Secretary of State for ...": a formal title)
AFTER = re.compile(
    rf"\b(?P<head>{HEADS})\s(?:of|for)\s(?:the\s)?(?!State\b)(?P<port>[A-Z][a-z]+)\b"
)
NAME_NEXT = re.compile(r",?\s(?:[A-Z][a-z]+\.?\s)*[A-Z][\w’'-]+")
# "Prime Minister's Questions": the office names something else, a proper name of its own.
PROPER_AFTER = re.compile(r"[’']s\s[A-Z]")
# Words that precede a title without being its portfolio ("the new secretary", "its minister").
NOT_PORTFOLIO = frozenset(
    """a an the this that his her its their our your my new former then current acting
    outgoing incoming future ex senior top junior said says and or as by to of for in on at
    with from who was is be been party general permanent private principal under assistant
    cabinet government state press chief first""".split()
)


# Words that make another office of a title: Under Secretary of X is not the Secretary of X.
MODIFIERS = frozenset("under deputy assistant junior shadow permanent parliamentary".split())
PREVIOUS = re.compile(r"(\w+)\s$")


@dataclass(frozen=True)
class Office:
    """One mention of an office: offsets in its segment, a key for the post, and its position."""

    segment: int
    start: int
    end: int
    text: str
    key: tuple[str, str, str]  # (modifier, head, portfolio), lower case
    form: str  # lower-case surface form with spaces normalised ("secretary of defence")
    before_name: bool  # directly followed by a name ("Defence Secretary Geoff Hoon")
    sentence_start: bool


def find_offices(doc: Document) -> list[Office]:
    """Every office mention in the document, in document order."""
    found: list[Office] = []
    for segment in doc.segments:
        text = segment.text
        if "ecretary" not in text and "inister" not in text:
            continue  # no head word: the patterns cannot match (most paragraphs end here)
        starts: set[int] | None = None
        for pattern in (BEFORE, AFTER):
            for match in pattern.finditer(text):
                port_words = match["port"].split()
                if port_words[0].lower() in NOT_PORTFOLIO:
                    continue
                if pattern is BEFORE and port_words[0][:1].isupper() != match["head"][:1].isupper():
                    continue  # "Health secretary" is a sentence start or a typo, not a form
                after = text[match.end() : match.end() + 60]
                if PROPER_AFTER.match(after):
                    continue
                modifier = (match.groupdict().get("mod") or "").lower()
                before = PREVIOUS.search(text, max(0, match.start() - 30), match.start())
                if pattern is AFTER and before and before.group(1).lower() in MODIFIERS:
                    modifier = before.group(1).lower()  # "Under Secretary of Agriculture"
                key = (modifier, match["head"].lower(), port_words[-1].lower())
                form = " ".join(match.group().lower().split())
                if starts is None:  # split only the paragraphs that name an office
                    starts = {s.start for s in doc.analysis.sentences_of(segment.index)}
                found.append(Office(
                    segment.index, match.start(), match.end(), match.group(), key, form,
                    bool(NAME_NEXT.match(after)), match.start() in starts,
                ))
    return sorted(found, key=lambda o: (o.segment, o.start))
