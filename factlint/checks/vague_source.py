"""sourcing/vague: weasel attributions with no source ("it is believed", "sources say")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from factlint.analysis.fastregex import BoundedPattern
from factlint.analysis.lexicons import read_lines
from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding

AGENT = re.compile(r"\s+by\s+(?:the\s+)?[A-Z\w]")


class VagueOptions(Options):
    """Options of the vague-source kind."""

    patterns: str = Field("data/vague-sourcing.txt", description="File of weasel-phrase patterns")
    extra_patterns: list[str] = Field(
        default_factory=list, description="More patterns (regular expressions)"
    )


class VagueSource(Kind[VagueOptions]):
    """Flag claims attributed to nobody in particular."""

    name = "vague-source"
    options_model = VagueOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        lines = _pattern_file(self.data_file(self.options.patterns))
        pattern = _compile(lines + tuple(self.options.extra_patterns))
        for hit in doc.analysis.pattern_hits(pattern, self.scope):
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
