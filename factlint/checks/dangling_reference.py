"""references/dangling: text that points at a link that is not there, and non-descriptive links."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from factlint.analysis.fastregex import BoundedPattern
from factlint.kinds.base import Kind, Options
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class DanglingOptions(Options):
    """Options of the dangling-reference kind."""

    phrases: list[str] = describe(
        "Patterns of text that points at a link (regular expressions)",
    )
    link_texts: list[str] = describe("Link texts that say nothing about the destination")


class DanglingReference(Kind[DanglingOptions]):
    """Flag 'as mentioned here' with no link, and links whose whole text is 'here' or 'this'."""

    name = "dangling-reference"
    options_model = DanglingOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        pattern = _compile(tuple(self.options.phrases))
        links = sorted((link.start, link.end) for link in doc.links)
        starts = [s for s, _ in links]
        for hit in doc.analysis.pattern_hits(pattern, self.scope):
            k = bisect_right(starts, hit.source_end) - 1
            covered = (
                any(
                    links[j][0] < hit.source_end and hit.source_start < links[j][1]
                    for j in range(max(k - 1, 0), min(k + 1, len(links) - 1) + 1)
                )
                if links
                else False
            )
            if not covered:
                yield self.finding_at(
                    doc, hit, message=f"'{hit.text}' points at a link that is not there"
                )
        texts = {t.lower() for t in self.options.link_texts}
        for link in doc.links:
            label = doc.text[link.start : link.end].strip(" .").lower()
            if label in texts:
                yield self.finding(
                    doc,
                    link.start,
                    link.end,
                    message=f"The link text '{label}' does not say where it leads",
                )


@lru_cache(maxsize=16)
def _compile(phrases: tuple[str, ...]) -> BoundedPattern:
    return BoundedPattern("|".join(phrases), edge=r"[\w-]")
