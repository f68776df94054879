"""GitHub Actions workflow annotations (::error file=...,line=...::message)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from factlint.finding import Severity

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.reporters.text import TextOptions

LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _escape(value: str, *, property_: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github_report(results: Sequence[FileResult], options: TextOptions) -> str:
    lines = []
    for result in results:
        for f in result.findings:
            props = (
                f"file={_escape(f.path, property_=True)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},"
                f"title={_escape(f.rule, property_=True)}"
            )
            lines.append(f"::{LEVELS[f.severity]} {props}::{_escape(f.message)}")
    return "\n".join(lines)
