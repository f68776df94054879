"""references/surname-first: a surname used before, or without, the person's full name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.analysis.lexicons import lexicons
from factlint.analysis.people import INITIALS_BEFORE, organisation_words
from factlint.kinds.base import Kind, Options
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.analysis.people import Person
    from factlint.document import Document
    from factlint.finding import Finding


# Peers, knights and judges are styled by title and one name ("Lord Falconer", "Sir Cliff"), and
# royalty by title and given name ("King Charles"): these are full references in British style.
STYLED = frozenset("Lord Lady Baroness Baron Sir Dame Justice Judge Rabbi Imam Sheikh Pope".split())
# Abbreviated offices whose one use with a surname is a news subject, never a character.
CIVIL_OFFICES = frozenset("Sen Sens Rep Gov Pres Cllr Supt Insp Det".split())
ROYAL = frozenset(("king", "queen", "prince", "princess", "pope"))
NATIONALITY_PREFIXES = frozenset(("u.s.", "us", "uk", "u.k.", "former", "then"))


def office_names_holder(title: str | None, accepted: list[str]) -> bool:
    """Whether an office names its holder with the surname alone ("U.S. President Reagan")."""
    words = (title or "").lower().split()
    office = " ".join(word for word in words if word not in NATIONALITY_PREFIXES)
    return office in accepted or office in ROYAL


@dataclass(frozen=True, kw_only=True)
class SurnameFirstOptions(Options):
    """Options of the surname-first kind."""

    titled: bool = describe(
        "Also flag an office and a surname ('Finance Secretary Ongpin') with no full name: AP, "
            "Reuters and the BBC give the full name at first reference",
        default=True,
    )
    accepted_titles: list[str] = describe(
        "Offices that identify their holder, so that the office and the surname are a full "
            "first reference ('President Reagan'); lower case",
        default_factory=lambda: ["president", "prime minister", "premier", "chancellor"],
    )


class SurnameFirst(Kind[SurnameFirstOptions]):
    """Flag the first surname-only mention of a person not yet introduced by full name."""

    name = "surname-first"
    options_model = SurnameFirstOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        people = doc.analysis.people
        first_full: dict[str, Person] = {}
        by_name: dict[str, Person] = {}
        displayed: dict[str, Person] = {}  # a full name in a headline or caption only
        for person in people:
            if person.form == "full" and doc.segments[person.segment].kind != "prose":
                displayed.setdefault(person.surname, person)
            elif person.form == "full":  # display type does not introduce anyone: the text must
                first_full.setdefault(person.surname, person)
                by_name.setdefault(person.full_name or person.name, person)
        seen: set[str] = set()
        orgs = organisation_words(doc.analysis)
        counts = Counter(p.surname for p in people)
        for person in people:
            if person.surname in seen:
                continue
            segment = doc.segments[person.segment]
            area = "prose" if segment.kind == "prose" else "headline"
            if area not in self.scope or doc.analysis.in_quotation(
                person.segment, person.seg_start, person.seg_end
            ):
                continue  # a headline or a quotation may use the surname: the next mention counts
            seen.add(person.surname)
            if (
                person.form == "full"
                or person.honorific in STYLED
                or (person.form == "titled" and not self._titled_flagged(person))
                or (
                    _office_abbreviation(person.honorific)
                    and not self._abbreviated_flagged(person.honorific)
                )  # "Pres. Reagan" as "President Reagan"
                or (person.title or "").lower() in ROYAL
                or doc.analysis.in_quotation(person.segment, person.seg_start, person.seg_end)
            ):
                continue
            full = by_name.get(person.full_name or "") or first_full.get(person.surname)
            if person.surname in orgs:
                continue
            if full is not None and (full.segment, full.seg_start) < (
                person.segment,
                person.seg_start,
            ):
                continue  # introduced already ("Mayor Jiang Zemin … Jiang said")
            if full is None and _after_initials(doc, person.surname):
                continue  # "C.W. Nance, president of …": the initials are the given names
            near = None if full is not None else _near_miss(person.surname, first_full)
            if near is not None and self._registry_name(person.surname) and not (
                self._registry_name(near.surname)
            ):
                continue  # the registry spells it so: the full name is misspelt (consistency/name)
            if near is not None and counts[person.surname] > counts[near.surname]:
                continue  # the text spells it so more often: the full name is misspelt (ditto)
            if near is not None:
                line = doc.line_col(near.start)[0]
                message = (
                    f"'{person.name}' looks like a misspelling of '{near.surname}' "
                    f"({near.full_name}, line {line})"
                )
            elif full is None and (shown := displayed.get(person.surname)) is not None:
                message = (
                    f"'{person.name}' is not introduced by full name in the text (the headline "
                    f"gives '{shown.full_name}'); introduce the person by full name at first mention"
                )
            elif (
                full is None
                and person.form in ("honorific", "titled")
                and counts[person.surname] < 2
                and not _office_abbreviation(person.honorific)
            ):
                continue  # one "Mrs Potts" or "Dr No" is more often a character than a news subject
                # but "Sen. Paul" or "Gen. Milley" is an office holder, named in full at first
            elif full is None and (known := self._registry_name(person.surname)):
                message = (
                    f"'{person.name}' is never introduced by full name; the facts registry "
                    f"knows '{known}': introduce the person as that at first mention"
                )
            elif full is None:
                message = (
                    f"'{person.name}' is never introduced by full name; give the first name "
                    "at first mention"
                )
            else:
                line = doc.line_col(full.start)[0]
                name = full.full_name
                message = (
                    f"'{person.name}' comes before the full name '{name}' (line {line}); "
                    "introduce the person by full name at first mention"
                )
            start, end = _first_use(doc, person)
            yield self.finding(doc, start, end, message=message)


    def _titled_flagged(self, person: Person) -> bool:
        return self.options.titled and not office_names_holder(person.title, self.options.accepted_titles)

    def _abbreviated_flagged(self, abbreviation: str | None) -> bool:
        office = lexicons().abbreviations.get(abbreviation or "")
        return self.options.titled and not office_names_holder(office, self.options.accepted_titles)

    def _registry_name(self, surname: str) -> str | None:
        """The one person the house facts registry knows by this surname or alias, if any."""
        if not self.settings.config.facts:
            return None
        from factlint.facts.context import registry_for
        from factlint.facts.models import Person as RegistryPerson

        registry = registry_for(self.settings)
        found = [e for e in registry.lookup(surname) if isinstance(e, RegistryPerson)] if registry else []
        return found[0].name if len(found) == 1 else None


LONE_BEFORE = re.compile(r"[A-Z][\w’'.-]*[ \n]$")
LONE_AFTER = re.compile(r"(?:[’']s?)?[ \n][A-Z]")
POSSESSIVE = re.compile(r"[’']s?\Z")


def _office_abbreviation(honorific: str | None) -> bool:
    """An abbreviated civil office before a name ("Sen.", "Gov.", "Cllr", "Det"), not a courtesy
    title ("Dr", "Prof") or a military rank, which also name characters ("Sgt Pepper")."""
    return honorific in CIVIL_OFFICES


def _first_use(doc: Document, person: Person) -> tuple[int, int]:
    """The span to report: the person's mention, or an earlier use of the same surname standing
    alone in prose that the recogniser did not take for a person ("Hess told Reuters" before "Mr
    Hess"): the first reference is where the surname first appears."""
    key = person.surname.lower()
    analysis = doc.analysis
    keys = (key, key + "'s", key + "’s", key + "'", key + "’")  # "Blair's government" too
    uses = sorted((t for ts in analysis.tokens_of(keys).values() for t in ts),
                  key=lambda t: (t.segment, t.start))
    for token in uses:
        if (token.segment, token.start) >= (person.segment, person.seg_start):
            break
        segment = doc.segments[token.segment]
        text = segment.text
        if (
            POSSESSIVE.sub("", token.text) != person.surname
            or segment.kind != "prose"
            or analysis.in_quotation(token.segment, token.start, token.end)
            or LONE_BEFORE.search(text, max(0, token.start - 30), token.start)
            or LONE_AFTER.match(text, token.end)
        ):
            continue
        return segment.source_span(token.start, token.end)
    return person.start, person.end


def _after_initials(doc: Document, surname: str) -> bool:
    """Whether the surname follows initials somewhere in prose ("C.W. Nance", "J. Sticht")."""
    key = surname.lower()
    for token in doc.analysis.tokens_of((key,)).get(key, ()):
        segment = doc.segments[token.segment]
        if segment.kind == "prose" and INITIALS_BEFORE.search(
            segment.text, max(0, token.start - 12), token.start
        ):
            return True
    return False


def _near_miss(surname: str, known: dict[str, Person]) -> Person | None:
    """A full name whose surname is one letter away from ``surname`` (Barot/Barrot, Gate/Gates)."""
    for other, person in known.items():
        if abs(len(other) - len(surname)) <= 1 and other != surname and _one_edit(surname, other):
            return person
    return None


def _one_edit(a: str, b: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped."""
    if len(a) != len(b):
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    return len(diffs) == 1 or (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and a[diffs[0]] == b[diffs[1]]
        and a[diffs[1]] == b[diffs[0]]
    )
