"""The unknown-word kind: the engine's spelling lints, minus names and house vocabulary."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from pydantic import Field

from factlint.checks.grammar import reportable
from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.engines.vocab import Vocabulary
    from factlint.finding import Finding


class UnknownWordOptions(Options):
    """How the unknown-word rule recognises names."""

    document_names: bool = Field(True, description="Accept words the draft uses as proper names")
    acronyms: bool = Field(True, description="Accept all-capital words (HOLR, NATO)")


class UnknownWord(Kind[UnknownWordOptions]):
    """Report words the engine does not know, unless they are names or house vocabulary."""

    name = "unknown-word"
    options_model = UnknownWordOptions
    defers: ClassVar[bool] = True

    def check(self, doc: Document) -> Iterator[Finding]:
        from factlint.analysis.proper_names import established_names, strip_possessive
        from factlint.engines import document_lints
        from factlint.engines.vocab import vocabulary

        config = self.settings.config.grammar
        vocab = vocabulary(self.settings)
        names: frozenset[str] | None = None  # computed for the first spelling lint only: with
        # grammar off (or a clean draft) there is none, and the names cost a pass over the words
        for item in document_lints(doc, self.settings):
            if not item.lint.spelling:
                continue
            if names is None:
                names = established_names(doc) if self.options.document_names else frozenset()
            word = strip_possessive(item.segment.text[item.start : item.end])
            if word in names or vocab.accepts(word):
                continue
            if self.options.acronyms and len(word) > 1 and word.isupper():
                continue
            if len(word) < 2 or _with_digits(item.segment.text, item.start, item.end):
                continue  # units and codes: £2bn, 17m/s, 18s, v2, x100m
            if _unit_after_figure(item.segment.text, item.start, word):
                continue  # wire abbreviations of units: 1.2 billion dlrs, 300 mln dlr, 550,000 bpd
            if reportable(doc, item, self.scope, config.check_quotes_spelling):
                fixes = list(item.lint.suggestions)
                shown = ", ".join("'" + fix + "'" for fix in fixes[:3])
                hint = f" (did you mean {shown}?)" if fixes else ""
                yield self.finding(
                    doc, item.source_start, item.source_end, suggestions=fixes, hint=hint,
                    engine_message=item.lint.message, engine_rule=item.lint.rule, word=word,
                )
        yield from self._rejected(doc, vocab)

    def _rejected(self, doc: Document, vocab: Vocabulary) -> Iterator[Finding]:
        """Terms on the house reject list, wherever the engine stands on them."""
        quotes = self.settings.config.grammar.check_quotes_spelling
        scope = self.scope | {"quotes"} if quotes else self.scope
        for pattern in vocab.reject:
            bounded = re.compile(rf"(?<!\w)(?:{pattern.pattern})(?!\w)", pattern.flags)
            for hit in doc.analysis.pattern_hits(bounded, scope):
                yield self.finding_at(doc, hit, message=f"'{hit.text}' is on the house reject list")


SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "mln", "bln", "mn", "bn"})
UNIT_LENGTH = 4
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten dozen hundred".split())


def _unit_after_figure(text: str, start: int, word: str) -> bool:
    """A short lower-case word after a figure, directly or after a scale, another such unit or a
    currency's country ("4.2 mln dlrs", "1.2 billion Canadian dlrs", "20 U.S. dlrs"): a unit
    abbreviation, not a misspelling."""
    if not (word.islower() and word.isalpha() and len(word) <= UNIT_LENGTH):
        return False
    before = text[max(0, start - 40) : start].split()[-3:]
    for token in reversed(before):
        bare = token.strip("(),")
        if any(ch.isdigit() for ch in bare) or bare.lower() in NUMBER_WORDS:
            return True
        if not (
            bare.lower() in SCALE_WORDS or (bare.islower() and len(bare) <= UNIT_LENGTH)
            or (bare[:1].isupper() and bare.rstrip(".-").replace(".", "").isalpha())
        ):
            return False
    return False


def _with_digits(text: str, start: int, end: int) -> bool:
    """Whether the run of non-space characters around [start, end) contains a digit."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return any(ch.isdigit() for ch in text[start:end])
