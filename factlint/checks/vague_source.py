"""sourcing/vague: weasel attributions with no source ("it is believed", "sources say")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from factlint.analysis.fastregex import BoundedPattern
from factlint.analysis.lexicons import read_lines
from factlint.kinds.base import Kind, Options
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding

AGENT = re.compile(r"\s+by\s+(?:the\s+)?[A-Z\w]")


@dataclass(frozen=True, kw_only=True)
class VagueOptions(Options):
    """Options of the vague-source kind."""

    patterns: str = describe("File of weasel-phrase patterns", default="data/vague-sourcing.txt")
    extra_patterns: list[str] = describe(
        "More patterns (regular expressions)",
        default_factory=list,
    )


class VagueSource(Kind[VagueOptions]):
    """Flag claims attributed to nobody in particular."""

    name = "vague-source"
    options_model = VagueOptions

    @cached_property
    def _pattern(self) -> BoundedPattern:
        """The rule's patterns, found once per rule rather than once per document."""
        lines = _pattern_file(self.data_file(self.options.patterns))
        return _compile(lines + tuple(self.options.extra_patterns))

    def check(self, doc: Document) -> Iterator[Finding]:
        for hit in doc.analysis.pattern_hits(self._pattern, self.scope):
            if AGENT.match(hit.segment.text, hit.end):
                continue
            yield self.finding_at(doc, hit)


@lru_cache(maxsize=16)
def _pattern_file(path: Path) -> tuple[str, ...]:
    """The patterns of a lexicon file, read once per process."""
    return tuple(read_lines(path))


@lru_cache(maxsize=16)
def _compile(patterns: tuple[str, ...]) -> BoundedPattern:
    return BoundedPattern("|".join(f"(?:{p})" for p in patterns))
