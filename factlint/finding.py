"""Findings and reports: frozen pydantic models that are also the JSON wire format."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema


class Severity(str, Enum):
    """How serious a finding is; ``fail-on`` compares against this order."""

    info = "info"
    warning = "warning"
    error = "error"


SEVERITY_RANK = {Severity.info: 0, Severity.warning: 1, Severity.error: 2}


class Related(BaseModel):
    """Another location that explains a finding (e.g. where the dominant spelling appears)."""

    model_config = ConfigDict(frozen=True)

    line: int
    column: int
    text: str


class Finding(BaseModel):
    """One reported problem at an exact span of one file."""

    model_config = ConfigDict(frozen=True)

    path: str
    rule: str = Field(description="Rule id, pack/name")
    severity: Severity
    message: str
    line: int = Field(description="1-based line of the span start")
    column: int = Field(description="1-based column, in Unicode code points")
    end_line: int
    end_column: int = Field(description="1-based column just past the span's last character")
    text: str = Field(description="The exact flagged text")
    suggestions: list[str] = Field(default_factory=list, description="Replacement strings")
    fixable: bool = False
    related: list[Related] = Field(default_factory=list)
    offset: int = Field(description="0-based code-point offset of the span start (BOM removed)")
    end_offset: int
    # Not in any report (factlint.groups): findings of one rule with the same group key fold into
    # one, which keeps them all as members, each with its own place and fix.
    group: SkipJsonSchema[str | None] = Field(None, exclude=True)
    members: SkipJsonSchema[list[Finding]] = Field(default_factory=list, exclude=True)


class Summary(BaseModel):
    """Counts for a run."""

    files: int
    findings: int
    error: int = 0
    warning: int = 0
    info: int = 0
    fixed: int = 0


class Report(BaseModel):
    """The JSON report: ``factlint check --format json``."""

    version: int = 1
    findings: list[Finding]
    summary: Summary


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line, finding.column, finding.rule)
