"""What the facts rules need besides the document: the configured registry and the story date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from factlint.document import story_date as document_story_date

if TYPE_CHECKING:
    from factlint.config import Settings
    from factlint.document import Document
    from factlint.facts.registry import Registry


def registry_for(settings: Settings) -> Registry | None:
    """The registry named by the config's ``facts`` (paths relative to the config file), if any."""
    if not settings.config.facts:
        return None
    from factlint.facts.registry import load_registry  # a run without a registry never loads it

    return load_registry([settings.confined(path, "facts") for path in settings.config.facts])


def story_date(doc: Document, settings: Settings) -> tuple[dt.date, str]:
    """The story's date and its origin (document.story_date), else today."""
    return document_story_date(doc, settings.as_of) or (dt.date.today(), "today")
