"""Reporters: one small function per output format, from file results to text.

Each format's module is imported only when that format is asked for (`factlint check` starts
faster without the XML and SARIF writers it does not use).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.reporters.text import TextOptions

Reporter = Callable[["Sequence[FileResult]", "TextOptions"], str]

FORMATS = ("text", "concise", "json", "github", "sarif", "junit", "gitlab")


def reporter(fmt: str) -> Reporter:
    """The reporter of a format: function ``<fmt>_report`` in ``factlint.reporters.<fmt>``."""
    if fmt not in FORMATS:
        raise KeyError(fmt)
    module = importlib.import_module(f"factlint.reporters.{fmt}")
    return getattr(module, f"{fmt}_report")  # type: ignore[no-any-return]
