"""Who said a quotation: from the shared attribution analysis, else a small local heuristic.

The shared analysis (``quotation.attribution`` with cue and speaker, issue 4) is read when a
quotation carries it. Until then this adapter finds the speaker in the quotation's sentence:
"quoted the president as saying", "Rustem Umerov said: “…”", "“…,” he said", and a quotation
that continues the previous one's speaker. Pronouns and titles are resolved with the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.facts.mentions import Mention, find_mentions
from factlint.facts.models import Person

if TYPE_CHECKING:
    import datetime as dt

    from factlint.analysis.quotes import Quotation
    from factlint.analysis.sentences import Sentence
    from factlint.document import Document
    from factlint.facts.registry import Registry

VERBS = (
    r"said|says|saying|told(?: \w+)?|tells|added|adds|stated|states|wrote|writes|warned|"
    r"warns|insisted|declared|explained|replied|asked|posted|tweeted"
)
QUOTED_AS = re.compile(r"quoted (?P<s>[^,;:“”\"]+?) as (?:saying|telling \w+)\W*$")
CUE_BEFORE = re.compile(rf"(?P<cue>\b(?:{VERBS}))\s*(?:that\s*)?[:,\-–—]?\s*$")
CUE_AFTER = re.compile(
    rf"^[\s,]*(?:(?P<cue1>{VERBS})\s+(?P<s1>the [\w ]+?|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)\b"
    rf"|(?P<s2>he|she|they|the [\w ]+?|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)\s+(?P<cue2>{VERBS}))",
)
NAME_BEFORE = re.compile(
    r"(?P<s>(?:the [a-z][\w ]*?|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*|he|she|They|"
    r"they|He|She))\s*,?\s*(?:also\s+|then\s+|later\s+|again\s+)?$"
)
PRONOUNS = {"he", "she", "they"}


@dataclass(frozen=True)
class Speaker:
    """The speaker as written, the full name it resolves to (if known) and the cue."""

    text: str
    resolved: str | None
    cue: str | None

    def describe(self) -> str:
        resolved = f" ({self.resolved})" if self.resolved and self.resolved != self.text else ""
        cue = f", cue “{self.cue}”" if self.cue else ""
        return f"{self.text}{resolved}{cue}"


def sentence_of(doc: Document, segment: int, offset: int) -> Sentence | None:
    """The sentence of a segment that contains a segment offset (else the one before it)."""
    found = None
    for sentence in doc.analysis.sentences:
        if sentence.segment == segment and sentence.start <= offset:
            found = sentence
            if offset < sentence.end:
                break
    return found


def speaker_of(
    doc: Document,
    quotation: Quotation,
    registry: Registry | None,
    day: dt.date,
    people: list[Mention] | None = None,
) -> Speaker | None:
    """The speaker of a quotation, resolved to a registry name where possible.

    ``people``: the registry's person mentions in the document, if the caller has them already.
    """
    if registry is not None and people is None:
        mentions = find_mentions(doc, registry, frozenset({"prose", "headline"}))
        people = [m for m in mentions if isinstance(m.entity, Person)]
    shared = _shared(doc, quotation)
    if shared is not None:
        text, cue, start, resolved = shared
        house = _house_name(registry, resolved) if resolved else None
        found = house or _resolve(doc, text, start, registry, day, people or [])
        return Speaker(text, found or resolved, cue)
    local = _local(doc, quotation)
    if local is None:
        previous = _previous_in_paragraph(doc, quotation)
        if previous is None:
            return None
        prior = speaker_of(doc, previous, registry, day, people)
        return Speaker(prior.text, prior.resolved, "continues") if prior else None
    text, cue, at = local
    start = doc.segments[quotation.segment].source_offset(at)
    return Speaker(text, _resolve(doc, text, start, registry, day, people or []), cue)


def _shared(doc: Document, quotation: Quotation) -> tuple[str, str, int, str | None] | None:
    """(speaker text, cue, source offset, resolved name) from the shared attribution analysis.

    ``doc.analysis.attributions`` (issue 4) is aligned with ``doc.analysis.quotations``; on a
    checkout without it, or for a quotation it leaves unattributed, the local heuristic is used.
    """
    if not hasattr(type(doc.analysis), "attributions"):
        return None
    attributions = doc.analysis.attributions  # type: ignore[attr-defined]
    quotations = doc.analysis.quotations
    index = getattr(quotation, "index", None)
    if index is None or not 0 <= index < len(quotations) or quotations[index] is not quotation:
        index = next((k for k, q in enumerate(quotations) if q is quotation), -1)
    attribution = attributions[index] if 0 <= index < len(attributions) else None
    speaker = getattr(attribution, "speaker", None)
    if speaker is None:
        return None
    cue = getattr(getattr(attribution, "cue", None), "text", None) or ""
    return speaker.text, cue, speaker.start, getattr(speaker, "resolved", None)


def _house_name(registry: Registry | None, name: str) -> str | None:
    """The registry's name for a person the shared analysis resolved ("Volodymyr Zelenskiy")."""
    if registry is None:
        return None
    found = [e for e in registry.lookup(name) if isinstance(e, Person)]
    return found[0].name if len(found) == 1 else None


def _local(doc: Document, quotation: Quotation) -> tuple[str, str, int] | None:
    """(speaker text, cue, segment offset of the speaker) from the quotation's sentence."""
    text = doc.segments[quotation.segment].text
    sentence = sentence_of(doc, quotation.segment, quotation.seg_start)
    begin = sentence.start if sentence is not None else 0
    before = text[begin : quotation.seg_start]
    if match := QUOTED_AS.search(before):
        return match.group("s").strip(), "quoted … as saying", begin + match.start("s")
    after = text[quotation.seg_end : quotation.seg_end + 80]
    if match := CUE_AFTER.match(after):
        name = "s1" if match.group("s1") else "s2"
        cue = match.group("cue1") or match.group("cue2")
        return match.group(name).strip(), cue, quotation.seg_end + match.start(name)
    if match := CUE_BEFORE.search(before):
        head = before[: match.start()]
        if named := NAME_BEFORE.search(head):
            return named.group("s").strip(), match.group("cue"), begin + named.start("s")
    return None


def _previous_in_paragraph(doc: Document, quotation: Quotation) -> Quotation | None:
    previous = None
    for other in doc.analysis.quotations:
        if other.segment == quotation.segment and other.seg_end <= quotation.seg_start:
            previous = other
    if (
        previous is None
        or len(doc.segments[quotation.segment].text[previous.seg_end : quotation.seg_start]) > 60
    ):
        return None
    return previous


def _resolve(
    doc: Document,
    text: str,
    speaker_start: int,
    registry: Registry | None,
    day: dt.date,
    people: list[Mention],
) -> str | None:
    """A registry name for the speaker: named, a pronoun for the last person, or a title.

    ``speaker_start`` is the source offset of the speaker text.
    """
    if registry is None:
        return None
    speaker_end = speaker_start + len(text)
    for mention in people:  # the speaker text is (or ends with) a registry name
        if speaker_start <= mention.hit.source_start and mention.hit.source_end <= speaker_end:
            return mention.entity.name
    earlier = [m for m in people if m.hit.source_end <= speaker_start]
    if text.lower() in PRONOUNS:
        return earlier[-1].entity.name if earlier else None
    title = registry.title(re.sub(r"^the\s+", "", text, flags=re.IGNORECASE))
    if title is not None:
        canonical, organisation = title
        for mention in reversed(earlier):  # the nearest person mentioned who held it
            person = mention.entity
            if any(o.title == canonical and o.held_on(day) for o in person.offices):  # type: ignore[union-attr]
                return person.name
        holders = registry.holders(canonical, organisation, day)
        if len(holders) == 1:
            return holders[0][0].name
    return None
