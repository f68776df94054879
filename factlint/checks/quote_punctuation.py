"""quotes/punctuation: how quotation marks are introduced, closed and balanced."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from factlint.analysis.lexicons import data_path, read_lines
from factlint.finding import Severity
from factlint.kinds.base import Kind, Options
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding

DASH_INTRO = re.compile(r"(\w+)([-–—])[ \t]*$")
# A dash fixed to the word before it and followed by a space: "He believed- cooperation ...".
# The dash comes first and the word character is checked behind it, so that re skips to the
# dashes; led by the look-behind, the pattern was tried at every position of the text.
DASH_AFTER_WORD = re.compile(r"[-–—](?<=\w[-–—])(?=[ \t]+\S)")
DASHES = ("-", "–", "—")
WORD_BEFORE = re.compile(r"(\w+)$")
BARE_INTRO = re.compile(
    r"(?i)\b(said|says|saying|added|adding|told\s+\w+|wrote|asked|declared|stated)[ \t]+$"
)


def _ends_with_word_character(text: str) -> bool:
    """Whether the last character of ``text`` is a word character (\\w: a letter, digit or _)."""
    last = text[-1:]
    return last.isalnum() or last == "_"


@lru_cache(maxsize=1)
def _inflected_verbs() -> frozenset[str]:
    """The reporting and thinking verbs' inflected forms (said, believed, saying, says): a base
    form before a dash is mostly a noun or a compound's first half ("state- produced ore")."""
    forms: set[str] = set()
    for line in read_lines(data_path("reporting-verbs.txt")):
        parts = [p.strip().lower() for p in line.split("|")]
        forms.update(p for p in parts[1:] if " " not in p)
    return frozenset(forms)


@dataclass(frozen=True, kw_only=True)
class PunctuationOptions(Options):
    """Options of the quote-punctuation kind."""

    introducer: str = describe(
        "Mark that replaces a dash before a quotation (':' or ',')",
        default=":",
    )
    mixed_marks: bool = describe(
        "Flag straight and curly double marks in one document "
        "(consistency/style reports them, with a fix)",
        default=False,
    )


class QuotePunctuation(Kind[PunctuationOptions]):
    """Dashes introducing quotations, missing commas, unbalanced and mixed quotation marks."""

    name = "quote-punctuation"
    options_model = PunctuationOptions
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from self._quotation_marks(doc)
        yield from self._dash_after_verb(doc)

    def _dash_after_verb(self, doc: Document) -> Iterator[Finding]:
        """A reporting or thinking verb followed by a dash ("He believed- cooperation"), whether
        or not a quotation follows: a typing slip for a colon, a comma or "that". A dash with a
        quotation after it is reported by the quotation check, with its fix."""
        verbs = _inflected_verbs()
        analysis = doc.analysis
        for hit in analysis.pattern_hits(DASH_AFTER_WORD, self.scope):
            text = hit.segment.text
            word = WORD_BEFORE.search(text, max(0, hit.start - 30), hit.start)
            if word is None or word.group(1).lower() not in verbs:
                continue
            after = text[hit.end :].lstrip(" \t")[:1]
            if after in "“\"‘'":
                continue  # a quotation follows: reported with its fix below
            start, _ = hit.segment.source_span(word.start(1), word.end(1))
            yield self.finding(
                doc, start, hit.source_end, fixable=False,
                message=f"A dash after '{word.group(1)}' breaks the sentence; write a colon, "
                "'that' or a full sentence",
            )

    def _quotation_marks(self, doc: Document) -> Iterator[Finding]:
        analysis = doc.analysis
        attributions = analysis.attributions
        majority = None
        if self.options.mixed_marks:
            styles = Counter(q.style for q in analysis.quotations if q.style != "single")
            majority = styles.most_common(1)[0][0] if len(styles) > 1 else None
        for quote, attribution in zip(analysis.quotations, attributions, strict=False):
            text = doc.segments[quote.segment].text
            segment = doc.segments[quote.segment]
            before = text[max(0, quote.seg_start - 40) : quote.seg_start]
            # Both patterns end with [ \t]*$ (or [ \t]+$): what is left of ``before`` without
            # its spaces and tabs (and a final line break, which $ also matches before) must end
            # with a dash, or a word character. Tested first: the searches try every position.
            body = before[:-1] if before.endswith("\n") else before
            head = body.rstrip(" \t")
            dash = DASH_INTRO.search(before) if head.endswith(DASHES) else None
            if dash and dash.group(1).isalpha():
                s = quote.seg_start - len(dash.group()) + len(dash.group(1))
                start, end = segment.source_span(s - len(dash.group(1)), s + 1)
                word = dash.group(1)
                yield self.finding(
                    doc,
                    start,
                    end,
                    suggestions=[word + self.options.introducer],
                    message=f"A dash introduces this quotation; write '{word}"
                    f"{self.options.introducer}' before the opening mark",
                )
            elif (
                quote.kind == "speech"
                and quote.inner[:1].isupper()
                and len(head) < len(body)
                and _ends_with_word_character(head)
                and (bare := BARE_INTRO.search(before))
            ):
                s = quote.seg_start - len(bare.group()) + len(bare.group(1))
                start, end = segment.source_span(s - len(bare.group(1)), s)
                yield self.finding(
                    doc,
                    start,
                    end,
                    suggestions=[bare.group(1) + ","],
                    message=f"Put a comma or colon after '{bare.group(1)}' "
                    "before a full-sentence quotation",
                )
            if not quote.closed:
                yield self.finding(
                    doc,
                    quote.start,
                    quote.start + 1,
                    fixable=False,
                    message="This quotation mark is never closed",
                ).model_copy(update={"severity": Severity.error})
            elif (
                quote.inner.rstrip().endswith(",")
                and not quote.continued
                and attribution is not None
                and attribution.how != "after"
                and not text[quote.seg_end :].strip(" \t")[:1].isalnum()
            ):
                comma = quote.seg_end - 2
                start, end = segment.source_span(comma, comma + 1)
                yield self.finding(
                    doc,
                    start,
                    end,
                    suggestions=["."],
                    message="The quotation ends with a comma but no attribution follows; "
                    "end it with a full stop",
                )
            if majority and quote.style != majority:
                yield self.finding(
                    doc,
                    quote.start,
                    quote.start + 1,
                    fixable=False,
                    message=f"{quote.style.capitalize()} quotation marks in a document "
                    f"that mostly uses {majority} marks",
                )
        for stray in analysis.quote_scan.strays:
            yield self.finding(
                doc,
                stray.start,
                stray.start + 1,
                fixable=False,
                message="This closing quotation mark has no opening mark",
            ).model_copy(update={"severity": Severity.error})
