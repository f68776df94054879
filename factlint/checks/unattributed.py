"""quotes/unattributed: a speech quotation with no attribution."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from factlint.kinds.base import Kind, Options

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


class UnattributedOptions(Options):
    """Options of the unattributed-quote kind."""

    extra_cues: list[str] = Field(default_factory=list, description=(
        "More reporting verbs or phrases; 'verb | verbs | verbed | verbing' lists one verb's forms"))
    min_words: int = Field(4, ge=1, description="Shorter speech quotations are left alone")


class UnattributedQuote(Kind[UnattributedOptions]):
    """Flag speech quotations that no reporting cue attributes to a speaker."""

    name = "unattributed-quote"
    options_model = UnattributedOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        analysis = doc.analysis
        attributions = analysis.attributions_with(tuple(self.options.extra_cues))
        for quote, attribution in zip(analysis.quotations, attributions):
            segment = doc.segments[quote.segment]
            area = "prose" if segment.kind == "prose" else "headline"
            # a continuing part of an unattributed quotation is reported once, at its start; an
            # unclosed quotation is quotes/punctuation's error (its attribution may be inside it)
            if attribution is not None or quote.kind != "speech" or area not in self.scope \
                    or quote.continues or not quote.closed:
                continue
            if len(quote.inner.split()) < self.options.min_words:
                continue
            yield self.finding(doc, quote.start, quote.end, preview=_preview(quote.inner))


def _preview(text: str) -> str:
    words = text.split()
    return " ".join(words[:6]) + ("…" if len(words) > 6 else "")
