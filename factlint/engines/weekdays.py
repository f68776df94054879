"""Weekday and date without a year, checked against the story's date rather than today's year.

LanguageTool's EN_DATE_WEEKDAY_CURRENTYEAR checks "Tuesday, 14 June" against the current year.
A date without a year means its occurrence nearest the story's date (front matter ``date`` or
--as-of, else today): in archive copy that is the story's own year, and in a December draft
"Tuesday, 6 January" is next year's. A lint whose weekday is right for that occurrence is a
misreading; one whose weekday is wrong for it too is kept.
"""

from __future__ import annotations

import datetime as dt
import re

# The engines' weekday-against-the-current-year rules.
CURRENT_YEAR_WEEKDAY_RULES = frozenset({"EN_DATE_WEEKDAY_CURRENTYEAR"})
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = r"(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\.?,?\s+"
_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
_MONTH = r"(?P<{}>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(  # "Tuesday, 14 June", "Tue 14th of June", "Tuesday, June 14"
    rf"{_WEEKDAY}(?:{_DAY.format('day')}\s+(?:of\s+)?{_MONTH.format('month')}"
    rf"|{_MONTH.format('month2')}\s+{_DAY.format('day2')})\b",
    re.IGNORECASE,
)


def right_for_story(text: str, start: int, reference: dt.date) -> bool:
    """Whether the weekday-and-date at text[start:] is right for its occurrence nearest
    ``reference`` (False when no such date is there)."""
    match = DATE.match(text, start)
    if match is None:
        return False
    month = _MONTHS.index((match["month"] or match["month2"])[:3].lower()) + 1
    day = int(match["day"] or match["day2"])
    occurrences = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            occurrences.append(dt.date(year, month, day))
        except ValueError:  # 29 February, 31 April
            continue
    if not occurrences:
        return False
    nearest = min(occurrences, key=lambda day: abs((day - reference).days))
    return nearest.weekday() == _DAYS.index(match["weekday"][:3].lower())
