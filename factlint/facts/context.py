"""What the facts rules need besides the document: the configured registry and the story date."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from factlint.document import dateline_date
from factlint.facts.registry import Registry, load_registry

if TYPE_CHECKING:
    from factlint.config import Settings
    from factlint.document import Document

ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def registry_for(settings: Settings) -> Registry | None:
    """The registry named by the config's ``facts`` (paths relative to the config file), if any."""
    if not settings.config.facts:
        return None
    return load_registry([settings.confined(path, "facts") for path in settings.config.facts])


def parse_date(value: object) -> dt.date | None:
    """A date from front matter or a flag: a YAML date, a datetime, or text starting YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and (match := ISO_DATE.match(value)):
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    return None


def story_date(doc: Document, settings: Settings) -> tuple[dt.date, str]:
    """The story's date and its origin: front matter ``date``, else ``--as-of``, else the
    dateline's day, else today."""
    if (day := parse_date(doc.front_matter.get("date"))) is not None:
        return day, "front matter"
    if (day := parse_date(settings.as_of)) is not None:
        return day, "--as-of"
    if (day := dateline_date(doc, dt.date.today())) is not None:
        return day, "dateline"
    return dt.date.today(), "today"
