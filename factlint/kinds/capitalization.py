"""The capitalization kind: a title capitalised before a name and written one house way alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from factlint.kinds.base import Kind, Options
from factlint.records import check_bounds, describe

if TYPE_CHECKING:
    from factlint.analysis import Hit
    from factlint.document import Document
    from factlint.finding import Finding

Style = Literal["upper", "lower", "any"]
SMALL = frozenset({"of", "for", "and", "the", "on", "in", "at", "to"})
NAME_AFTER = re.compile(r"\s[A-Z][\w’'-]+")


@dataclass(frozen=True, kw_only=True)
class CapitalizationOptions(Options):
    """Options of the capitalization kind."""

    terms: list[str] = describe("Titles or terms, e.g. 'prime minister'", non_empty=True)
    before_name: Style = describe("Case right before a name (Prime Minister X)", default="upper")
    alone: Style = describe("Case elsewhere (the prime minister said)", default="lower")

    def __post_init__(self) -> None:
        check_bounds(self)


class Capitalization(Kind[CapitalizationOptions]):
    """Flag a title whose capitalisation does not follow the house choice for its position."""

    name = "capitalization"
    options_model = CapitalizationOptions
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        for term in self.options.terms:
            for hit in doc.analysis.term_hits(term, self.scope):
                if hit.segment.kind != "prose":
                    continue  # headlines and headings follow their own capitalisation
                before_name = bool(NAME_AFTER.match(hit.segment.text[hit.end : hit.end + 40]))
                style = self.options.before_name if before_name else self.options.alone
                expected = _styled(hit.text, style)
                if _sentence_start(hit):
                    expected = hit.text[0] + expected[1:]
                if style != "any" and expected != hit.text:
                    where = "before a name" if before_name else "on its own"
                    yield self.finding_at(doc, hit, suggestions=[expected],
                                          expected=expected, position=where)


def _styled(text: str, style: Style) -> str:
    if style == "lower":
        return text.lower()
    if style == "upper":
        words = text.split(" ")
        return " ".join(w if w.lower() in SMALL and i else w[:1].upper() + w[1:]
                        for i, w in enumerate(words))
    return text


def _sentence_start(hit: Hit) -> bool:
    before = hit.segment.text[: hit.start].rstrip()
    return not before or before[-1] in ".!?:\"“‘"
