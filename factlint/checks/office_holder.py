"""facts/office: a person linked in the text to an office they did not hold on the story's date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.analysis.people import HEADS, MODIFIERS
from factlint.facts.context import registry_for, story_date
from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    import datetime as dt

    from factlint.analysis.people import Title
    from factlint.document import Document
    from factlint.facts.mentions import TitleMention
    from factlint.facts.models import Person
    from factlint.facts.registry import Registry
    from factlint.finding import Finding

# "former Energy Secretary Raymond Cho", "then-Energy Secretary": not a claim about the story's day
NOT_CURRENT_BEFORE = re.compile(
    r"(?i)\b(?:former|ex|then|acting|interim|incoming|future|late)[\s-]+$"
)


class OfficeHolder(Kind[Options]):
    """Check "Defence Secretary Ben Wallace" against the registry's dates for the story's date."""

    name = "office-holder"

    def check(self, doc: Document) -> Iterator[Finding]:
        registry = registry_for(self.settings)
        if registry is None:
            return
        # The facts modules load only with a registry: a run without one never builds their
        # pydantic models (most of a cold start's cost is building models).
        from factlint.facts.mentions import SKIP_MODIFIERS, find_mentions, find_titles
        from factlint.facts.models import Person

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
        yield from self._other_portfolio(doc, registry, day)

    def _other_portfolio(
        self, doc: Document, registry: Registry, day: dt.date
    ) -> Iterator[Finding]:
        """A registry person given another portfolio of the same kind than the one the registry
        says they held that day ("Energy Secretary Raymond Cho" for its Interior Secretary). The
        registry need not list every post, so only a rival post of the same head contradicts it;
        titles the registry knows were checked above."""
        from factlint.facts.models import Person

        for office in doc.analysis.offices:
            if not (office.before_name and office.person and office.key and office.key[1] in HEADS):
                continue
            segment = doc.segments[office.segment]
            if registry.title(office.text) is not None or NOT_CURRENT_BEFORE.search(
                segment.text, max(0, office.seg_start - 12), office.seg_start
            ) or not doc.analysis.in_scope(segment, office.seg_start, office.seg_end, self.scope):
                continue
            people = [e for e in registry.lookup(office.person) if isinstance(e, Person)]
            if len(people) != 1:
                continue
            keyed = [(o, _portfolio_key(o.title)) for o in people[0].offices if o.held_on(day)]
            rivals = [(o, key) for o, key in keyed if key and key[1] == office.key[1]]
            if rivals and not any(key == _written_key(office) for _, key in rivals):
                rival = rivals[0][0]
                yield self.finding(doc, office.start, office.end, message=(
                    f"{people[0].name} was {rival.title} on {day} ({rival.span}), "
                    f"not {office.text}"))

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


def _portfolio_key(title: str) -> tuple[str, str, str] | None:
    """(modifier, head, portfolio) of a registry title with a portfolio: "Interior Secretary",
    "Secretary of Defense", "Deputy Prime Minister"; None for other titles."""
    from factlint.facts.registry import fold

    words = fold(title).split()
    modifier = words[0] if len(words) > 2 and words[0] in MODIFIERS else ""
    core = words[1:] if modifier else words
    if len(core) >= 2 and core[-1] in HEADS:
        return modifier, core[-1], core[-2]
    if len(core) >= 3 and core[0] in HEADS and core[1] in ("of", "for"):
        return modifier, core[0], core[2]
    return None


def _written_key(office: Title) -> tuple[str, str, str] | None:
    assert office.key is not None
    modifier, head, portfolio = office.key
    from factlint.facts.registry import fold

    return modifier, head, fold(portfolio)
