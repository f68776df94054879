"""The house facts registry as pydantic models: people, offices, organisations, places.

Dates: an office's ``start`` is inclusive and its ``end`` exclusive, so a hand-over on one day
is written once: the outgoing holder's ``end`` equals the incoming holder's ``start``, and on that
day the incoming holder holds the office. An absent ``end`` means still in office.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(name: str) -> str:
    """A kebab-case id from a name: "Volodymyr Zelensky" -> "volodymyr-zelensky"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class Entry(BaseModel):
    """Base of registry entries: unknown keys are errors, except ``x-`` extension keys."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, json_schema_extra={"patternProperties": {"^x-": {}}}
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_extensions(cls, data: object) -> object:
        # Newsrooms may keep their own notes (x-desk, x-checked-by): allowed, ignored.
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not str(k).startswith("x-")}
        return data


class Office(Entry):
    """One office held: ``start`` inclusive, ``end`` exclusive (absent = still in office)."""

    title: str = Field(description="The office as the house writes it, e.g. 'Defence Secretary'")
    organisation: str = Field(description="Country or organisation, e.g. 'United Kingdom'")
    start: dt.date = Field(description="First day in office (inclusive)")
    end: dt.date | None = Field(None, description="First day no longer in office (exclusive)")
    source: str | None = Field(None, description="Where the dates were checked")

    @model_validator(mode="after")
    def _ordered(self) -> Office:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"end {self.end} must be after start {self.start}")
        return self

    def held_on(self, day: dt.date) -> bool:
        """Whether the office was held on ``day`` (start inclusive, end exclusive)."""
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def span(self) -> str:
        """'2019-07-24 to 2023-08-31' or 'from 2023-08-31'."""
        return f"{self.start} to {self.end}" if self.end else f"from {self.start}"


class Person(Entry):
    """A person: the house spelling, variants the house does not use, and offices held."""

    id: str | None = Field(None, description="Stable id (default: the name in kebab-case)")
    name: str = Field(description="Full name in the house spelling")
    first_reference: str | None = Field(
        None, description="How the house introduces the person, e.g. 'President Volodymyr Zelensky'"
    )
    surname: str | None = Field(None, description="Surname used alone (default: the last word)")
    aliases: list[str] = Field(
        default_factory=list,
        description="Variants the house does not use: transliterations, misspellings; a one-word "
        "alias is a variant of the surname",
    )
    offices: list[Office] = Field(default_factory=list)
    notes: str | None = None

    @property
    def key(self) -> str:
        return self.id or slug(self.name)

    @property
    def last_name(self) -> str:
        return self.surname or self.name.split()[-1]


class Organisation(Entry):
    """An organisation or country: its name, short forms and abbreviations."""

    id: str | None = None
    name: str = Field(description="Full name as the house writes it")
    short_forms: list[str] = Field(default_factory=list, description="Accepted after first use")
    abbreviations: list[str] = Field(default_factory=list, description="Expand on first use")
    adjectives: list[str] = Field(
        default_factory=list, description="Words that name it before a title: British, Ukrainian"
    )
    aliases: list[str] = Field(default_factory=list, description="Variants the house does not use")

    @property
    def key(self) -> str:
        return self.id or slug(self.name)


class Place(Entry):
    """A place: the preferred spelling and variants the house does not use."""

    id: str | None = None
    name: str = Field(description="Preferred spelling, e.g. 'Kyiv'")
    variants: list[str] = Field(default_factory=list, description="e.g. 'Kiev'")
    keep: list[str] = Field(
        default_factory=list, description="Phrases where a variant stays, e.g. 'chicken Kiev'"
    )

    @property
    def key(self) -> str:
        return self.id or slug(self.name)


class TitleEntry(Entry):
    """Other ways to write an office title, so the text can be matched to the registry."""

    title: str = Field(description="The title as used in offices, e.g. 'Defence Secretary'")
    organisation: str | None = Field(None, description="Only for this organisation")
    variants: list[str] = Field(
        default_factory=list, description="e.g. 'Secretary of State for Defence'"
    )


class RegistryFile(Entry):
    """One registry YAML file. Every section is optional."""

    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    titles: list[TitleEntry] = Field(default_factory=list)

    @field_validator("people", "organisations", "places", "titles", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return [] if value is None else value
