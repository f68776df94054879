"""quotes/unattributed: a speech quotation with no attribution."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.analysis.attribution import framed_as_quotes, speaker_in_context
from factlint.analysis.quotes import in_writers_sentence
from factlint.kinds.base import Kind, Options
from factlint.records import check_bounds, describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class UnattributedOptions(Options):
    """Options of the unattributed-quote kind."""

    extra_cues: list[str] = describe(
        "More reporting verbs or phrases; 'say | says | said | saying' lists a verb's forms",
        default_factory=list,
    )
    min_words: int = describe("Shorter speech quotations are left alone", default=4, minimum=1)
    framing: list[str] = describe(
        "Headline phrases that frame the whole article as someone's words",
        default_factory=lambda: [
            "in quotes",
            "in his own words",
            "in her own words",
            "in their own words",
            "extracts from",
            "transcript",
            "full text",
            "memories of",
        ],
    )
    context: bool = describe(
        "Count a speaker named or pointed at in the sentence before or after as attribution, "
        "and leave quotations inside the writer's own sentence to it (fewer, surer findings)",
        default=True,
    )

    def __post_init__(self) -> None:
        check_bounds(self)


# A compilation of remarks ("Blunkett in quotes") holds many quotations, most of them with no cue:
# the format attributes them. A short draft with two of three unattributed has two faults.
COMPILATION_MIN = 5


class UnattributedQuote(Kind[UnattributedOptions]):
    """Flag speech quotations that no reporting cue attributes to a speaker."""

    name = "unattributed-quote"
    options_model = UnattributedOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        analysis = doc.analysis
        attributions = analysis.attributions_with(tuple(self.options.extra_cues))
        pairs = zip(analysis.quotations, attributions, strict=False)
        speech = [a for q, a in pairs if q.kind == "speech"]
        if self.options.context and (
            framed_as_quotes(doc, self.options.framing)
            or (len(speech) >= COMPILATION_MIN and speech.count(None) * 2 > len(speech))
        ):
            return  # a transcript or a compilation ("Blunkett in quotes"): the format attributes
        run_end = -2  # the segment of the last reported (or run-continuing) unattributed quotation
        for quote, attribution in zip(analysis.quotations, attributions, strict=False):
            if quote.kind == "speech" and attribution is not None:
                run_end = -2
            segment = doc.segments[quote.segment]
            area = "prose" if segment.kind == "prose" else "headline"
            # a continuing part of an unattributed quotation is reported once, at its start; an
            # unclosed quotation is quotes/punctuation's error (its attribution may be inside it)
            if (
                attribution is not None
                or quote.kind != "speech"
                or area not in self.scope
                or quote.continues
                or not quote.closed
            ):
                continue
            if len(quote.inner.split()) < self.options.min_words:
                continue
            text = doc.segments[quote.segment].text
            if text.strip() == quote.text and (segment.kind != "prose" or quote.segment == 0):
                continue  # a quotation standing alone as a heading or title line
            if quote.segment - run_end <= 1:  # one finding per run of unattributed quotations
                run_end = quote.segment
                continue
            if self.options.context and (
                in_writers_sentence(text, quote) or speaker_in_context(analysis, quote)
            ):
                continue
            run_end = quote.segment
            yield self.finding(doc, quote.start, quote.end, preview=_preview(quote.inner))


def _preview(text: str) -> str:
    words = text.split()
    return " ".join(words[:6]) + ("…" if len(words) > 6 else "")
