"""quotes/mismatch, quotes/unverified, quotes/truncated: quotations checked against sources."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class SourceMatchOptions(Options):
    """Which verdict of the verification this rule reports."""

    status: Literal["mismatch", "unverified", "truncated"]


class SourceMatch(Kind[SourceMatchOptions]):
    """Report quotations whose verification against the declared sources has one status.

    The verification itself (``doc.analysis.source_checks``) runs once per document; a verified
    quotation is reported by no rule (it shows as "verified" in `factlint claims`).
    """

    name = "source-match"
    options_model = SourceMatchOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.front_matter.get("sources"):
            return  # nothing to verify against: skip loading the verifier at all (cold start)
        checks = doc.analysis.source_checks
        status = self.options.status
        if status == "unverified":
            for problem in checks.problems:  # a declared source that cannot be read
                yield self.finding(doc, problem.offset, problem.end, message=problem.message)
        for check in checks.checks:
            if check.status == status:
                yield self.finding(
                    doc,
                    check.start,
                    check.end,
                    source=check.source,
                    source_line=check.line,
                    detail=check.detail,
                    sources=", ".join(checks.declared),
                )
