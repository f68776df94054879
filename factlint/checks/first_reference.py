"""facts/first-reference: a registry person first mentioned without the house introduction."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.facts.context import registry_for
from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


class FirstReference(Kind[Options]):
    """The first mention of a known person is a surname or variant: suggest the house form."""

    name = "first-reference"

    def check(self, doc: Document) -> Iterator[Finding]:
        registry = registry_for(self.settings)
        if registry is None:
            return
        # The facts modules load only with a registry: a run without one never builds their
        # pydantic models (most of a cold start's cost is building models).
        from factlint.facts.mentions import find_mentions
        from factlint.facts.models import Person

        introduced: set[str] = set()
        titles = tuple(registry.title_forms())
        for mention in find_mentions(doc, registry, self.scope):
            person = mention.entity
            if not isinstance(person, Person) or person.key in introduced:
                continue
            introduced.add(person.key)
            if mention.form.full and mention.form.house is None:
                continue
            before = doc.text[max(0, mention.hit.source_start - 80) : mention.hit.source_start]
            before = " ".join(before.lower().replace("’", "'").split()).rstrip(" ,")
            house = person.first_reference or person.name
            if any(before.endswith(title) for title in titles):
                house = person.name  # the title is already there: "Defence Secretary Shapps"
            yield self.finding_at(
                doc, mention.hit, suggestions=[house], house=house, full_name=person.name
            )
