"""The consistency kind: groups of variants that must not be mixed within one document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from factlint.kinds._text import keep_breaks, match_case
from factlint.kinds.base import Kind, Options, related_at
from factlint.records import check_bounds, describe

if TYPE_CHECKING:
    from factlint.analysis import Hit
    from factlint.document import Document
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class ConsistencyOptions(Options):
    """Options of the consistency kind."""

    groups: list[list[str]] = describe("Variants of the same thing", non_empty=True)
    prefer: Literal["majority", "first", "listed"] = describe(
        "majority (ties: first seen) | first (in text) | listed (1st form)",
        default="majority",
    )

    def __post_init__(self) -> None:
        check_bounds(self)
        for group in self.groups:
            if len(group) < 2:
                raise ValueError(f"a group needs two or more variants: {group}")


class Consistency(Kind[ConsistencyOptions]):
    """Flag the occurrences of a group that deviate from its preferred variant."""

    name = "consistency"
    options_model = ConsistencyOptions
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        for group in self.options.groups:
            hits = sorted(self._hits(doc, group), key=lambda pair: pair[0].source_start)
            if len({variant for _, variant in hits}) < 2:
                continue
            expected = self._preferred(group, hits)
            chosen = [hit for hit, variant in hits if variant == expected]
            related = [related_at(doc, hit) for hit in chosen[:10]]
            first_line = related[0].line if related else 0
            by_case = sum(v.lower() == expected.lower() for v in group) > 1
            for hit, variant in hits:
                if variant != expected:
                    fix = expected if by_case else match_case(expected, hit.text)
                    kept = keep_breaks(hit.text, fix)
                    yield self.finding_at(doc, hit, suggestions=[kept or fix], related=related,
                                          fixable=kept is not None, expected=fix,
                                          first_line=first_line)

    def _hits(self, doc: Document, group: list[str]) -> Iterator[tuple[Hit, str]]:
        """(hit, variant) pairs; variants that differ only in case are matched case-sensitively."""
        lowered = Counter(v.lower() for v in group)
        taken: set[tuple[int, int]] = set()
        for variant in sorted(group, key=len, reverse=True):  # longer variants win overlaps
            case = lowered[variant.lower()] > 1
            for hit in doc.analysis.term_hits(variant, self.scope, case=case):
                if any(s < hit.source_end and hit.source_start < e for s, e in taken):
                    continue
                taken.add((hit.source_start, hit.source_end))
                yield hit, variant

    def _preferred(self, group: list[str], hits: list[tuple[Hit, str]]) -> str:
        present = [variant for _, variant in hits]
        if self.options.prefer == "listed":
            return group[0]
        if self.options.prefer == "first":
            return present[0]
        counts = Counter(present)
        return max(counts, key=lambda v: (counts[v], -present.index(v)))
