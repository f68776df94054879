"""references/surname-first: a surname used before, or without, the person's full name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


# Peers, knights and judges are styled by title and one name ("Lord Falconer", "Sir Cliff"), and
# royalty by title and given name ("King Charles"): these are full references in British style.
STYLED = frozenset("Lord Lady Baroness Baron Sir Dame Justice Judge Rabbi Imam Sheikh Pope".split())
ROYAL = frozenset(("king", "queen", "prince", "princess", "pope"))


class SurnameFirst(Kind[Options]):
    """Flag the first surname-only mention of a person not yet introduced by full name."""

    name = "surname-first"

    def check(self, doc: Document) -> Iterator[Finding]:
        people = doc.analysis.people
        first_full: dict[str, object] = {}
        for person in people:
            if person.form == "full":
                first_full.setdefault(person.surname, person)
        seen: set[str] = set()
        for person in people:
            if person.surname in seen:
                continue
            seen.add(person.surname)
            segment = doc.segments[person.segment]
            area = "prose" if segment.kind == "prose" else "headline"
            if person.form == "full" or area not in self.scope or person.honorific in STYLED or \
                    (person.title or "").lower() in ROYAL or \
                    doc.analysis.in_quotation(person.segment, person.seg_start, person.seg_end):
                continue
            full = first_full.get(person.surname)
            if full is None:
                message = (f"'{person.name}' is never introduced by full name; give the first name "
                           "at first mention")
            else:
                line = doc.line_col(full.start)[0]  # type: ignore[attr-defined]
                name = full.full_name  # type: ignore[attr-defined]
                message = (f"'{person.name}' comes before the full name '{name}' (line {line}); "
                           "introduce the person by full name at first mention")
            yield self.finding(doc, person.start, person.end, message=message)
