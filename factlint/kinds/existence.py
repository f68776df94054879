"""The existence kind: words, phrases or patterns that should not appear (clichés, banned words)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.kinds._text import compile_user_pattern
from factlint.kinds.base import Kind, Options
from factlint.records import FieldError, describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class ExistenceOptions(Options):
    """Options of the existence kind: at least one term or pattern."""

    terms: list[str] = describe("Words or phrases (whole words)", default_factory=list)
    patterns: list[str] = describe(
        "RE2 regular expressions (linear time, no backrefs)",
        default_factory=list,
    )
    case: bool = describe("Match case exactly (default: ignore case)", default=False)

    def __post_init__(self) -> None:
        for pattern in self.patterns:
            try:
                compile_user_pattern(pattern)
            except ValueError as exc:  # it names the pattern
                raise FieldError("patterns", str(exc)) from None
        if not self.terms and not self.patterns:
            raise ValueError("give at least one of terms or patterns")


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
