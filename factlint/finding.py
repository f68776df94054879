"""Findings and reports: frozen records (factlint.records) that are also the JSON wire format."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from factlint.records import Record, describe


class Severity(str, Enum):
    """How serious a finding is; ``fail-on`` compares against this order."""

    info = "info"
    warning = "warning"
    error = "error"


SEVERITY_RANK = {Severity.info: 0, Severity.warning: 1, Severity.error: 2}


@dataclass(frozen=True, kw_only=True)
class Related(Record):
    """Another location that explains a finding (e.g. where the dominant spelling appears)."""

    line: int
    column: int
    text: str


@dataclass(frozen=True, kw_only=True)
class Finding(Record):
    """One reported problem at an exact span of one file."""

    path: str
    rule: str = describe("Rule id, pack/name")
    severity: Severity
    message: str
    line: int = describe("1-based line of the span start")
    column: int = describe("1-based column, in Unicode code points")
    end_line: int
    end_column: int = describe("1-based column just past the span's last character")
    text: str = describe("The exact flagged text")
    suggestions: list[str] = describe("Replacement strings", default_factory=list)
    fixable: bool = False
    related: list[Related] = field(default_factory=list)
    offset: int = describe("0-based code-point offset of the span start (BOM removed)")
    end_offset: int
    # Not in any report (factlint.groups): findings of one rule with the same group key fold into
    # one, which keeps them all as members, each with its own place and fix.
    group: str | None = field(default=None, metadata={"exclude": True})
    members: list[Finding] = field(default_factory=list, metadata={"exclude": True})


@dataclass(frozen=True, kw_only=True)
class Summary(Record):
    """Counts for a run."""

    files: int
    findings: int
    error: int = 0
    warning: int = 0
    info: int = 0
    fixed: int = 0


@dataclass(frozen=True, kw_only=True)
class Report(Record):
    """The JSON report: ``factlint check --format json``."""

    version: int = 1
    findings: list[Finding]
    summary: Summary


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line, finding.column, finding.rule)
