"""RuleSpec and PackSpec: pydantic models of the rule YAML in rules/ and user packs."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factlint.finding import Severity

NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Scope = Literal["prose", "headline", "quotes", "all"]


class Examples(BaseModel):
    """A bad example that must produce a finding and a good one that must not."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bad: str
    good: str
    config: dict[str, Any] = Field(
        default_factory=dict,
        description="Config keys the examples need (e.g. a facts registry); paths relative to the pack",
    )
    path: str | None = Field(
        None, description="File name the examples are linted as, relative to the pack folder"
    )


class RuleSpec(BaseModel):
    """One rule: a YAML entry that instantiates a kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: str
    severity: Severity = Severity.warning
    summary: str
    rationale: str
    message: str = "{found}"
    scope: list[Scope] = Field(default_factory=lambda: list[Scope](["prose", "headline"]))
    scope_note: str | None = Field(
        None, description="Why the rule reads the zones its scope names (shown by explain)"
    )
    options: dict[str, Any] = Field(default_factory=dict)
    examples: Examples
    link: str | None = None
    enabled: bool = True
    aliases: list[str] = Field(default_factory=list)
    pack: str = ""  # filled in by the loader
    base_dir: str = ""  # the pack's folder, for data files named in options
    origin: str = ""  # the pack file and the entry's index in it, for error messages
    index: int = -1

    @field_validator("name")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not NAME.match(value):
            raise ValueError(f"rule name {value!r} must be kebab-case (a-z, 0-9, -)")
        return value

    @property
    def id(self) -> str:
        return f"{self.pack}/{self.name}"
