"""facts/office: a person linked in the text to an office they did not hold on the story's date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.facts.context import registry_for, story_date
from factlint.facts.mentions import SKIP_MODIFIERS, TitleMention, find_mentions, find_titles
from factlint.facts.models import Person
from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    import datetime as dt

    from factlint.document import Document
    from factlint.facts.registry import Registry
    from factlint.finding import Finding


class OfficeHolder(Kind[Options]):
    """Check "Defence Secretary Ben Wallace" against the registry's dates for the story's date."""

    name = "office-holder"

    def check(self, doc: Document) -> Iterator[Finding]:
        registry = registry_for(self.settings)
        if registry is None:
            return
        day, _ = story_date(doc, self.settings)
        mentions = find_mentions(doc, registry, self.scope)
        for title in find_titles(doc, registry, mentions, self.scope):
            if title.person is None or SKIP_MODIFIERS.intersection(title.modifiers):
                continue
            person = title.person.entity
            if not isinstance(person, Person):
                continue
            message = self._problem(registry, person, title, day)
            if message:
                start = min(title.hit.source_start, title.person.hit.source_start)
                end = max(title.hit.source_end, title.person.hit.source_end)
                yield self.finding(doc, start, end, message=message)

    @staticmethod
    def _problem(
        registry: Registry, person: Person, title: TitleMention, day: dt.date
    ) -> str | None:
        history = registry.office_history(title.title, title.organisation)
        if not history:
            return None  # an office the registry does not know: nothing to check against
        own = [o for p, o in history if p is person]
        if "former" in title.modifiers or "ex" in title.modifiers:
            if any(o.end is not None and o.end <= day for o in own):
                return None
            held = "; ".join(o.span for o in own) or "no record of holding it"
            return f"{person.name} was not a former {title.title} on {day} ({held})"
        if any(o.held_on(day) for o in own):
            return None
        held = "; ".join(o.span for o in own) or "the registry has no record of it"
        message = f"{person.name} was not {title.title} on {day} ({held})"
        holders = [p for p, o in history if o.held_on(day)]
        starts = [o for p, o in history if o.held_on(day)]
        if holders:
            message += f"; {holders[0].name} held it from {starts[0].start}"
        else:
            message += "; the registry has no holder on that date"
        return message
