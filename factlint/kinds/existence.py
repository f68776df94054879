"""The existence kind: words, phrases or patterns that should not appear (clichés, banned words)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field, field_validator, model_validator

from factlint.kinds._text import compile_user_pattern
from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


class ExistenceOptions(Options):
    """Options of the existence kind: at least one term or pattern."""

    terms: list[str] = Field(default_factory=list, description="Words or phrases (whole words)")
    patterns: list[str] = Field(
        default_factory=list, description="RE2 regular expressions (linear time, no backrefs)"
    )
    case: bool = Field(False, description="Match case exactly (default: ignore case)")

    @field_validator("patterns")
    @classmethod
    def _compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            compile_user_pattern(pattern)  # raises ValueError naming the pattern
        return patterns

    @model_validator(mode="after")
    def _not_empty(self) -> ExistenceOptions:
        if not self.terms and not self.patterns:
            raise ValueError("give at least one of terms or patterns")
        return self


class Existence(Kind[ExistenceOptions]):
    """Flag every occurrence of a listed term or pattern in the rule's scope."""

    name = "existence"
    options_model = ExistenceOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        analysis = doc.analysis
        seen: set[tuple[int, int]] = set()
        hits = [h for term in self.options.terms
                for h in analysis.term_hits(term, self.scope, case=self.options.case)]
        for pattern in self.options.patterns:
            compiled = compile_user_pattern(pattern, self.options.case)
            hits += analysis.pattern_hits(compiled, self.scope)
        for hit in sorted(hits, key=lambda h: (h.source_start, -h.source_end)):
            if any(s <= hit.source_start and hit.source_end <= e for s, e in seen):
                continue  # inside a longer match already reported
            seen.add((hit.source_start, hit.source_end))
            yield self.finding_at(doc, hit)
