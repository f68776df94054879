"""Load registry YAML files into one Registry; look people up by name, alias and office + date.

Errors name the file, the line (from the YAML node marks) and the key path, e.g.
``facts/house.yaml:14: people[2].offices[0].start: Input should be a valid date``.
Problems that are not schema errors (duplicate ids, two people holding one office at once) are
collected in ``Registry.problems`` in the same form: `factlint facts check` reports them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from factlint.errors import FactlintError
from factlint.facts.models import Office, Organisation, Person, Place, RegistryFile, TitleEntry
from factlint.yamlpos import node_line, read_yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Entity = Person | Organisation | Place
SECTIONS = ("people", "organisations", "places")


def fold(text: str) -> str:
    """The comparison form of a name or title: case, quote marks, spacing and spelling of
    defence/defense folded, so "Defense  secretary" matches "Defence Secretary"."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"\bdefense\b", "defence", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Where:
    """Where an entry came from: file and line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(eq=False)  # compared and hashed by identity: one loaded registry, cached lookups
class Registry:
    """Every registry file merged: the entries, where each came from, and lookups."""

    people: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    titles: list[TitleEntry] = field(default_factory=list)
    where: dict[int, Where] = field(default_factory=dict)  # id(entry) -> location
    problems: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    # -- lookups ---------------------------------------------------------------------------
    def lookup(self, name: str) -> list[Entity]:
        """Entries whose name, alias, surname, variant, short form or abbreviation is ``name``."""
        key = fold(name)
        found: list[Entity] = []
        for person in self.people:
            forms = [person.name, person.last_name, *person.aliases]
            if person.first_reference:
                forms.append(person.first_reference)
            if key in {fold(f) for f in forms}:
                found.append(person)
        for org in self.organisations:
            forms = [org.name, *org.short_forms, *org.abbreviations, *org.aliases, *org.adjectives]
            if key in {fold(f) for f in forms}:
                found.append(org)
        for place in self.places:
            if key in {fold(f) for f in [place.name, *place.variants]}:
                found.append(place)
        return found

    def organisation(self, word: str) -> str | None:
        """The canonical name of an organisation or country named by ``word`` (UK, British)."""
        return self._organisation_forms.get(fold(re.sub(r"['’]s?$", "", word.strip())))

    @cached_property
    def _organisation_forms(self) -> dict[str, str]:
        forms: dict[str, str] = {}
        for org in self.organisations:
            for form in [
                org.name,
                *org.short_forms,
                *org.abbreviations,
                *org.adjectives,
                *org.aliases,
            ]:
                forms.setdefault(fold(form), org.name)
        return forms

    @cached_property
    def _by_title(self) -> dict[str, list[tuple[Person, Office]]]:
        found: dict[str, list[tuple[Person, Office]]] = defaultdict(list)
        for person, office in self.offices():
            found[fold(office.title)].append((person, office))
        for held in found.values():
            held.sort(key=lambda po: po[1].start)
        return dict(found)

    def title(self, text: str) -> tuple[str, str | None] | None:
        """(canonical title, organisation or None) for a way of writing an office title."""
        key = fold(text)
        for entry in self.titles:
            if key in {fold(v) for v in [entry.title, *entry.variants]}:
                return entry.title, entry.organisation
        held = self._by_title.get(key)
        return (held[0][1].title, None) if held else None

    def title_forms(self) -> dict[str, tuple[str, str | None]]:
        """Every written form of every known title (lower-cased, both spellings of defence)
        -> (canonical title, organisation or None)."""
        forms: dict[str, tuple[str, str | None]] = {}
        for _, office in self.offices():
            forms.setdefault(office.title.lower(), (office.title, None))
        for entry in self.titles:
            for variant in [entry.title, *entry.variants]:
                forms[variant.lower()] = (entry.title, entry.organisation)
        for written, meaning in list(forms.items()):
            forms.setdefault(re.sub(r"\bdefence\b", "defense", written), meaning)
        return forms

    def offices(self) -> Iterable[tuple[Person, Office]]:
        for person in self.people:
            for office in person.offices:
                yield person, office

    def office_history(
        self, title: str, organisation: str | None = None
    ) -> list[tuple[Person, Office]]:
        """Every (person, office) for a title (and organisation, if given), by start date."""
        held = self._by_title.get(fold(title), [])
        return [(p, o) for p, o in held if organisation is None or o.organisation == organisation]

    def holders(
        self, title: str, organisation: str | None, day: dt.date
    ) -> list[tuple[Person, Office]]:
        """Who held an office on ``day`` (start inclusive, end exclusive)."""
        return [(p, o) for p, o in self.office_history(title, organisation) if o.held_on(day)]

    def describe(self, entry: Entity) -> str:
        """A few lines saying what the registry knows about an entry (for `facts lookup`)."""
        where = self.where.get(id(entry))
        head = f"{entry.name}" + (f"  ({where})" if where else "")
        lines = [head]
        if isinstance(entry, Person):
            lines.append("  person")
            if entry.first_reference:
                lines.append(f"  first reference: {entry.first_reference}")
            lines.append(f"  surname: {entry.last_name}")
            if entry.aliases:
                lines.append(f"  not: {', '.join(entry.aliases)}")
            for office in sorted(entry.offices, key=lambda o: o.start):
                lines.append(f"  {office.title}, {office.organisation}: {office.span}")
        elif isinstance(entry, Organisation):
            lines.append("  organisation")
            for label, values in (
                ("short forms", entry.short_forms),
                ("abbreviations (expand on first use)", entry.abbreviations),
                ("adjectives", entry.adjectives),
                ("not", entry.aliases),
            ):
                if values:
                    lines.append(f"  {label}: {', '.join(values)}")
        else:
            lines.append("  place")
            if entry.variants:
                lines.append(f"  not: {', '.join(entry.variants)}")
            if entry.keep:
                lines.append(f"  variant kept in: {', '.join(entry.keep)}")
        return "\n".join(lines)


# -- loading -------------------------------------------------------------------------------
def load_registry(paths: Sequence[str | Path]) -> Registry:
    """Load and merge registry files (cached per file content for the process)."""
    stamps = []
    for path in paths:
        p = Path(path)
        try:
            stat = p.stat()
        except OSError as exc:
            raise FactlintError(f"{p}: cannot read facts registry: {exc.strerror or exc}") from None
        stamps.append((str(p), stat.st_mtime_ns, stat.st_size))
    return _load_cached(tuple(stamps))


@lru_cache(maxsize=8)
def _load_cached(stamps: tuple[tuple[str, int, int], ...]) -> Registry:
    registry = Registry()
    for path, _, _ in stamps:
        _load_file(registry, Path(path))
    _check(registry)
    return registry


def _load_file(registry: Registry, path: Path) -> None:
    text, data = read_yaml(path, "facts registry")
    node = yaml.compose(text, Loader=_LOADER)  # valid YAML by now: node marks give error lines
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FactlintError(f"{path}:1: a facts registry must be a mapping (people:, places: ...)")
    try:
        parsed = RegistryFile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [k for k in error["loc"] if not (isinstance(k, str) and k.startswith("function-"))]
        message = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
        message = message.removeprefix("Value error, ")
        raise FactlintError(f"{path}:{node_line(node, loc)}: {_keys(loc)}: {message}") from None
    registry.files.append(str(path))
    for section in ("people", "organisations", "places", "titles"):
        entries = getattr(parsed, section)
        getattr(registry, section).extend(entries)
        for index, entry in enumerate(entries):
            registry.where[id(entry)] = Where(str(path), node_line(node, [section, index]))
            if isinstance(entry, Person):
                for k, office in enumerate(entry.offices):
                    at = node_line(node, [section, index, "offices", k])
                    registry.where[id(office)] = Where(str(path), at)


def _check(registry: Registry) -> None:
    """Duplicate ids and names, and one office held by two people (or twice) at once."""
    seen: dict[tuple[str, str], Where] = {}
    for section in SECTIONS:
        for entry in getattr(registry, section):
            where = registry.where[id(entry)]
            first = seen.setdefault((section, entry.key), where)
            if first is not where:
                registry.problems.append(
                    f"{where}: {section}: duplicate id {entry.key!r} (first at {first}); "
                    "give one of them an explicit id"
                )
    by_office: dict[tuple[str, str], list[tuple[Person, Office]]] = defaultdict(list)
    for person, office in registry.offices():
        by_office[(fold(office.title), office.organisation)].append((person, office))
    for held in by_office.values():
        held.sort(key=lambda po: po[1].start)
        for (p1, o1), (p2, o2) in pairwise(held):
            if o1.end is None or o2.start < o1.end:
                until = f"until {o1.end}" if o1.end else "with no end"
                registry.problems.append(
                    f"{registry.where[id(o2)]}: {p2.name} holds {o2.title} ({o2.organisation}) "
                    f"from {o2.start}, but {p1.name} holds it {until} "
                    f"({registry.where[id(o1)]}); give the earlier office an end date"
                )


def _keys(loc: Sequence[Any]) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in loc).lstrip(".")
