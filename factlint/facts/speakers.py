"""Who said a quotation: the shared attribution analysis, resolved against the registry.

``doc.analysis.attributions`` (issue 4) gives each quotation's cue and speaker, and a full name
for pronouns and surnames. Here the speaker is mapped to the registry's house name: a resolved
name through the registry's names and aliases ("Volodymyr Zelenskiy" -> "Volodymyr Zelensky"),
a pronoun to the last registry person named, and a title ("the president") to the person the
registry says held that office on the story's date.
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
    for sentence in doc.analysis.sentences_of(segment):
        if sentence.start > offset:
            break
        found = sentence
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
    attribution = doc.analysis.attributions[quotation.index]
    if attribution is None or attribution.speaker is None:
        return None
    speaker = attribution.speaker
    if registry is not None and people is None:
        mentions = find_mentions(doc, registry, frozenset({"prose", "headline"}))
        people = [m for m in mentions if isinstance(m.entity, Person)]
    found: str | None
    if speaker.resolved:  # the shared analysis knows who: the registry only names them its way
        found = _house_name(registry, speaker.resolved) or speaker.resolved
    else:
        found = _resolve(doc, speaker.text, speaker.start, registry, day, people or [])
    return Speaker(speaker.text, found, attribution.cue.text)


def _house_name(registry: Registry | None, name: str) -> str | None:
    """The registry's name for a person the shared analysis resolved ("Volodymyr Zelenskiy")."""
    if registry is None:
        return None
    found = [e for e in registry.lookup(name) if isinstance(e, Person)]
    return found[0].name if len(found) == 1 else None


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
            if isinstance(person, Person) and any(
                o.title == canonical and o.held_on(day) for o in person.offices
            ):
                return person.name
        holders = registry.holders(canonical, organisation, day)
        if len(holders) == 1:
            return holders[0][0].name
    return None
