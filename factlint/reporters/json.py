"""The JSON reporter: {"version": 1, "findings": [...], "summary": {...}}."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factlint.finding import Report, Summary, sort_key

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.reporters.text import TextOptions


def build_report(results: Sequence[FileResult]) -> Report:
    findings = sorted((f for r in results for f in r.findings), key=sort_key)
    counts = Counter(f.severity.value for f in findings)
    summary = Summary(
        files=len(results), findings=len(findings), fixed=sum(r.fixed for r in results), **counts
    )
    return Report(findings=findings, summary=summary)


def json_report(results: Sequence[FileResult], options: TextOptions) -> str:
    return build_report(results).model_dump_json(indent=2)
