"""RuleSpec: the record of one rule entry of the rule YAML in rules/ and user packs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from factlint.finding import Severity
from factlint.records import FORBID_EXTRA, Record, describe

NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Scope = Literal["prose", "headline", "quotes", "all"]


@dataclass(frozen=True, kw_only=True)
class Examples(Record):
    """A bad example that must produce a finding and a good one that must not."""

    __pydantic_config__ = FORBID_EXTRA

    bad: str
    good: str
    config: dict[str, Any] = describe(
        "Config keys the examples need (e.g. a facts registry); paths relative to the pack",
        default_factory=dict,
    )
    path: str | None = describe(
        "File name the examples are linted as, relative to the pack folder", default=None
    )


@dataclass(frozen=True, kw_only=True)
class RuleSpec(Record):
    """One rule: a YAML entry that instantiates a kind."""

    __pydantic_config__ = FORBID_EXTRA

    name: str
    kind: str
    severity: Severity = Severity.warning
    summary: str
    rationale: str
    message: str = "{found}"
    scope: list[Scope] = field(default_factory=lambda: list[Scope](["prose", "headline"]))
    scope_note: str | None = describe(
        "Why the rule reads the zones its scope names (shown by explain)", default=None
    )
    options: dict[str, Any] = field(default_factory=dict)
    examples: Examples
    link: str | None = None
    enabled: bool = True
    aliases: list[str] = field(default_factory=list)
    pack: str = ""  # filled in by the loader
    base_dir: str = ""  # the pack's folder, for data files named in options
    origin: str = ""  # the pack file and the entry's index in it, for error messages
    index: int = -1

    def __post_init__(self) -> None:
        if not NAME.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case (a-z, 0-9, -)")

    @property
    def id(self) -> str:
        return f"{self.pack}/{self.name}"
