"""dates/calendar: a date that does not exist ("February 30"), or a weekday beside a date it does
not fall on ("Tuesday, Nov. 30" when November 30 is a Monday)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factlint.analysis.fastregex import CandidateScan
from factlint.checks.relative_date import WEEKDAYS, story_date
from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
# AP and house abbreviations ("Sept.", "Nov."), each with or without its full stop
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_MONTH = (
    r"(?P<{name}>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = (
    r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?)?"
)
_YEAR = r"(?:,?\s+(?P<year>(?:1[6-9]|2\d)\d\d)(?![\d,.]\d))?"
NOT_A_DAY_AFTER = r"(?![\d%:]|[,.]\d|\s*(?:a\.m|p\.m|am\b|pm\b))"  # not "May 30%", "5 p.m."
# "Tuesday, Nov. 30, 2026", "November 30th", "Tuesday 30 November 2026", "the 30th of November"
_DATE = (
    _WEEKDAY
    + r"(?:" + _MONTH.format(name="month") + r"\s+" + _DAY.format(name="day1") + NOT_A_DAY_AFTER
    + r"|" + _DAY.format(name="day2") + r"(?:\s+of)?\s+" + _MONTH.format(name="month2") + r")"
    + _YEAR
)
# RE2 proposes the few places a date can start; Python's pattern, look-arounds included, decides
DATE = CandidateScan(r"(?<![\w-])" + _DATE + r"(?![\w-])", _DATE)
ORDINAL = re.compile(r"\d(?:st|nd|rd|th)")
CLAUSE_END = re.compile(r"\s*(?:[,.;:)—–]|$)")
NEAREST_YEARS = (0, -1, 1)  # a date without its year: the one nearest the story's date
# How far from the story's date a date without its year may fall: back a year ("on Saturday 26
# February" in a December story), ahead half a year (a weekday is rarely given further out)
PLAUSIBLE_BEFORE, PLAUSIBLE_AFTER = 366, 183


class CalendarDate(Kind[Options]):
    """Check each written date against the calendar, and its weekday when one is given."""

    name = "calendar-date"

    def check(self, doc: Document) -> Iterator[Finding]:
        story = story_date(doc, self.settings.as_of)
        analysis = doc.analysis
        for segment in doc.segments:
            text = segment.text
            for match in DATE.finditer(text):
                if not analysis.in_scope(segment, match.start(), match.end(), self.scope):
                    continue
                message = _problem(match, story, _closed(text, match))
                if message:
                    yield self.finding_at(doc, analysis.hit(segment, match.start(), match.end()),
                                          message=message)


def _closed(text: str, match: re.Match[str]) -> bool:
    """Whether the match can only be a date: it has a year, a weekday or an ordinal, or ends a
    clause ("on February 30."), unlike "in April 31 people died"."""
    return bool(
        match["year"] or match["weekday"] or ORDINAL.search(match.group())
        or CLAUSE_END.match(text[match.end() : match.end() + 3])
    )


def _problem(match: re.Match[str], story: dt.date | None, closed: bool) -> str | None:
    month_name = match["month"] or match["month2"]
    month = MONTHS[month_name.rstrip(".").lower()]
    day = int(match["day1"] or match["day2"])
    if day == 0:
        return None  # "May 0": not a date anyone writes; a table or a typo of another kind
    written = match.group().strip()
    year = int(match["year"]) if match["year"] else None
    if day > _days(year or 2024, month):  # 2024 is a leap year: February 29 exists in some year
        return _no_such_day(written, month, year) if closed else None
    weekday = match["weekday"]
    if weekday is None:
        return None
    if year is None:
        if story is None:
            return None  # no year and no story date: the weekday cannot be checked
        years = sorted((story.year + k for k in NEAREST_YEARS),
                       key=lambda y: abs((_date(y, month, day) - story).days))
        # any year that puts the date within that window may be meant ("last
        # December 19" in a March story): the weekday is wrong only if it fits none of them
        plausible = [
            y for y in years if day <= _days(y, month)
            and -PLAUSIBLE_BEFORE <= (dt.date(y, month, day) - story).days <= PLAUSIBLE_AFTER
        ]
        if not plausible:  # "Tuesday, Feb. 29" in a story of common years
            return _no_such_day(written, month, years[0])
        if any(WEEKDAYS[dt.date(y, month, day).weekday()] == weekday.lower() for y in plausible):
            return None
        year = plausible[0]
    date = dt.date(year, month, day)
    actual = WEEKDAYS[date.weekday()]
    if actual == weekday.lower():
        return None
    shown = f"{calendar.month_name[month]} {day}, {year}"
    return f"'{written}': {shown} is a {actual.capitalize()}, not a {weekday}"


def _days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _no_such_day(written: str, month: int, year: int | None) -> str:
    days = _days(year or 2024, month)
    return f"'{written}' is not a date: {calendar.month_name[month]} has {days} days" + (
        f" in {year}" if year else "")


def _date(year: int, month: int, day: int) -> dt.date:
    """The date, with February 29 of a common year read as February 28 (for nearness only)."""
    return dt.date(year, month, min(day, _days(year, month)))
