"""The concise reporter: one line per finding and the summary, no source excerpt (ruff's concise)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from factlint.reporters.text import text_report

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.reporters.text import TextOptions


def concise_report(results: Sequence[FileResult], options: TextOptions) -> str:
    return text_report(results, replace(options, show_source=False))
