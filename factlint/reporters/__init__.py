"""Reporters: one small function per output format, from file results to text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from factlint.reporters.github import github_report
from factlint.reporters.json import json_report
from factlint.reporters.text import text_report

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.reporters.text import TextOptions

Reporter = Callable[["Sequence[FileResult]", "TextOptions"], str]

REPORTERS: dict[str, Reporter] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
}
