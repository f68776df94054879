"""facts/name-spelling: a name or place variant where the house registry prefers another."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.facts.context import registry_for
from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


class HouseName(Kind[Options]):
    """Flag aliases and transliteration variants the registry says the house does not use."""

    name = "house-name"
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        registry = registry_for(self.settings)
        if registry is None:
            return
        # The facts modules load only with a registry: a run without one never builds their
        # pydantic models (most of a cold start's cost is building models).
        from factlint.facts.mentions import find_mentions

        for mention in find_mentions(doc, registry, self.scope):
            house = mention.form.house
            if house is None:
                continue
            if mention.hit.text.isupper():  # a capitals headline keeps its capitals
                house = house.upper()
            yield self.finding_at(
                doc, mention.hit, suggestions=[house], house=house, entity=mention.entity.name
            )
