"""dates/relative: time words that go stale ("last month"), resolved against the story date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from factlint.analysis.fastregex import BoundedPattern
from factlint.document import story_date as document_story_date
from factlint.kinds.base import Kind, Options
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.analysis import Hit
    from factlint.document import Document
    from factlint.finding import Finding

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [dt.date(2000, m, 1).strftime("%B").lower() for m in range(1, 13)]
SEASONS = ("spring", "summer", "autumn", "fall", "winter")


@dataclass(frozen=True, kw_only=True)
class RelativeOptions(Options):
    """Options of the relative-date kind."""

    vague: list[str] = describe(
        "Vague time words, reported always (regular expressions)",
        default_factory=list,
    )
    terms: list[str] = describe(
        "Relative but resolvable expressions, reported when the story has no date",
    )
    evergreen: bool = describe(
        "Report resolvable expressions in dated copy too (evergreen copy)",
        default=False,
    )


class RelativeDate(Kind[RelativeOptions]):
    """Flag vague time words always, and relative dates when the story has no date (front matter
    ``date``, --as-of) or the house writes evergreen copy; the message resolves them."""

    name = "relative-date"
    options_model = RelativeOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        story = story_date(doc, self.settings.as_of)
        terms = list(self.options.vague)
        if story is None or self.options.evergreen:
            terms += self.options.terms
        if not terms:
            return
        pattern = _compile(tuple(terms))
        us = self.settings.dialect == "en-US"
        for hit in doc.analysis.pattern_hits(pattern, self.scope):
            if weekday_in_a_name(hit):
                continue
            resolved = resolve(hit.text, story, us) if story else None
            if resolved and story:
                message = (
                    f"'{hit.text}' goes stale: with the story dated {_day(story, us)}, "
                    f"write '{resolved}'"
                )
            elif story:
                message = (
                    f"'{hit.text}' goes stale; give the date (the story is dated {_day(story, us)})"
                )
            else:
                message = (
                    f"'{hit.text}' goes stale; give the date "
                    "(add a front matter 'date' to resolve it)"
                )
            yield self.finding_at(doc, hit, message=message)


def weekday_in_a_name(hit: Hit) -> bool:
    """A weekday right after a capitalised word is part of a name ("Good Friday", "Super
    Tuesday", "Sheffield Wednesday"), not a day; a sentence start is no such word."""
    if hit.text.split(None, 1)[0].lower() not in WEEKDAYS:
        return False
    before = hit.segment.text[max(0, hit.start - 40) : hit.start]
    words = before.split()
    if not words or not before[-1:].isspace():
        return False
    word = words[-1]
    return word[:1].isupper() and not word.endswith((".", "!", "?", ":", "”", '"'))


def story_date(doc: Document, as_of: str | None) -> dt.date | None:
    """The story's date (document.story_date), or None when the draft is not dated."""
    dated = document_story_date(doc, as_of)
    return dated[0] if dated else None


def resolve(phrase: str, day: dt.date, us: bool = False) -> str | None:
    """The absolute date a relative expression stands for, or None when it has no fixed meaning."""
    words = phrase.lower().split()
    unit = words[-1]
    if unit in ("yesterday", "today", "tomorrow", "tonight"):
        offset = {"yesterday": -1, "tomorrow": 1}.get(unit, 0)
        return _day(day + dt.timedelta(days=offset), us, weekday=True)
    shift = -1 if "last" in words else 1 if "next" in words else 0
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + shift
        name = dt.date(month_index // 12, month_index % 12 + 1, 1).strftime("%B %Y")
        return (
            "earlier in " if "earlier" in words else "later in " if "later" in words else ""
        ) + name
    if unit == "year":
        year = str(day.year + shift)
        return (
            "earlier in " if "earlier" in words else "later in " if "later" in words else ""
        ) + year
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=shift)
        return "the week of " + _day(monday, us)
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        return _weekday(day, WEEKDAYS.index(weekday), shift, us)
    if unit in MONTHS and shift:
        month = MONTHS.index(unit) + 1  # "last June": the latest June before the story's month
        passed = month < day.month if shift < 0 else month > day.month
        return f"{unit.title()} {day.year + (0 if passed else shift)}"
    if unit in SEASONS and "this" in words:
        return f"{unit} {day.year}"
    return None


def _weekday(day: dt.date, target: int, shift: int, us: bool) -> str:
    """"last Tuesday" (the one before the story date), "next Tuesday" (the one after), "on
    Tuesday" (news style: the one in the past week, the story's day included)."""
    if shift > 0:
        found = day + dt.timedelta(days=(target - day.weekday()) % 7 or 7)
    else:
        back = (day.weekday() - target) % 7
        found = day - dt.timedelta(days=back or (7 if shift < 0 else 0))
    return _day(found, us, weekday=True)


def _day(day: dt.date, us: bool, weekday: bool = False) -> str:
    text = f"{day:%B} {day.day}, {day.year}" if us else f"{day.day} {day:%B} {day.year}"
    return f"{day:%A} {text}" if weekday else text


@lru_cache(maxsize=16)
def _compile(terms: tuple[str, ...]) -> BoundedPattern:
    return BoundedPattern("|".join(terms), edge=r"[\w-]")
