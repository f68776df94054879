"""Quotations: spans between quotation marks, told apart from apostrophes, classed speech or term.

Double marks (curly or straight) open and close quotations; single marks count only at the top level
when they clearly open and close one (‘Like this’), so possessives (Shapps’, Ukraine’s),
contractions (don’t) and elisions (’90s, rock ’n’ roll) never start or end a quotation. Single marks
inside a double-quoted span are nested quotations and belong to it. A quotation left open at the end
of a paragraph continues when the next paragraph opens with a mark (the multi-paragraph convention);
otherwise it is unbalanced.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from factlint.document import Document, Segment

OPENERS = "“‘\"'"
BEFORE_OPEN = set(" \t\n([{—–-/:;,…") | {""}
AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-…") | {""}
ELISIONS = re.compile(r"(?i)(?:n|em|til|cause|tis|twas|\d\ds?|\d0s)(?![\w])")
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
TERM_CUES = re.compile(
    r"(?i)(?:so-called|dubbed|called|titled|entitled|named|nicknamed|known as|the word|the term|"
    r"the phrase|slogan|hashtag|branded|labell?ed|described as|referred to as|as a|as an|as the|"
    r"the film|the book|the song|the album|the show|the series|the report|the play|the words|"
    r"the headline|headlined|the slogan|slogans?|the banner|poster|reading|reads|item|the motto)"
    r"\s*[(,]?\s*$"
)
TERMINAL = re.compile(r"[.!?…][’'”\")]*\s*$")


class Quotation(NamedTuple):  # a NamedTuple: immutable, and cheap to build
    """A quotation in one segment: ``seg_start``/``seg_end`` include the marks; ``start``/``end``
    are source offsets. ``continues``: it opens a paragraph that goes on quoting the previous one;
    ``continued``: it runs to its paragraph's end and goes on in the next paragraph."""

    segment: int
    seg_start: int
    seg_end: int
    start: int
    end: int
    text: str
    closed: bool = True
    kind: str = "speech"  # speech | term
    style: str = "curly"  # curly | straight | single
    continues: bool = False
    continued: bool = False
    index: int = 0  # type: ignore[assignment]  # the quotation's place; shadows tuple.index

    @property
    def inner(self) -> str:
        """The quoted words without the marks."""
        body = self.text[1:]
        if self.closed and not self.continued and body and body[-1] in "”\"’'":
            body = body[:-1]
        return body


@dataclass(frozen=True)
class StrayMark:
    """A closing mark with no opening mark before it in its paragraph."""

    segment: int
    seg_offset: int
    start: int
    char: str


@dataclass(frozen=True)
class QuoteScan:
    """All quotations in a document, and the stray closing marks."""

    quotations: list[Quotation]
    strays: list[StrayMark]


def find_quotations(doc: Document) -> list[Quotation]:
    """Quotations in document order (see :func:`scan_quotes`)."""
    return scan_quotes(doc).quotations


def scan_quotes(doc: Document) -> QuoteScan:
    """Scan every segment once for quotations and stray marks."""
    per_segment: list[list[_Raw]] = []
    strays: list[StrayMark] = []
    for segment in doc.segments:
        raws, stray_offsets = _scan_segment(segment.text)
        per_segment.append(raws)
        for offset in stray_offsets:
            start = segment.source_offset(offset)
            strays.append(StrayMark(segment.index, offset, start, segment.text[offset]))
    _link_paragraphs(doc.segments, per_segment)
    quotations: list[Quotation] = []
    for segment, raws in zip(doc.segments, per_segment, strict=False):
        for raw in raws:
            start, end = segment.source_span(raw.start, raw.end)
            text = segment.text[raw.start : raw.end]
            quote = Quotation(
                segment.index,
                raw.start,
                raw.end,
                start,
                end,
                text,
                raw.closed,
                style=raw.style,
                continues=raw.continues,
                continued=raw.continued,
                index=len(quotations),
            )
            quotations.append(quote._replace(kind=classify(quote, segment.text)))
    return QuoteScan(quotations, strays)


def classify(quote: Quotation, text: str) -> str:
    """``speech``: a clause or more someone said or wrote; ``term``: a quoted word or phrase."""
    if quote.continues or quote.continued:
        return "speech"
    inner = quote.inner.strip()
    words = WORD.findall(inner)
    before = text[max(0, quote.seg_start - 30) : quote.seg_start]
    if len(words) <= 6 and TERM_CUES.search(before):
        return "term"
    if (
        1 < len(words) <= 8
        and all(w[0].isupper() or w.lower() in _SMALL for w in words)
        and not TERMINAL.search(inner.rstrip("."))
    ):
        return "term"  # a title of a work: "The Good Life"
    lead_in = _last_ink_before(text, quote.seg_start)
    fragment = inner[:1].islower() and (lead_in.isalnum() or lead_in in "’'-–—(")
    if fragment and len(words) < 25:
        return "term"  # a partial quotation inside the writer's sentence: “increasingly consigned”
    if len(words) >= 5:
        return "speech"
    sentence_like = bool(TERMINAL.search(inner)) or inner.endswith(",")
    if len(words) <= 2:
        return "speech" if sentence_like and inner[:1].isupper() else "term"
    return "speech" if sentence_like or words[0] in ("I", "We", "You") else "term"


def _last_ink_before(text: str, i: int) -> str:
    """The last character before ``text[i]`` that is not white space ("" if none). It walks back
    over the white space only, not the whole text before the quotation."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > 0 else ""


_SMALL = frozenset("a an the of in on and or for to at by with from".split())


@dataclass
class _Raw:
    start: int
    end: int
    closed: bool
    style: str
    continues: bool = False
    continued: bool = False


QUOTE_CHARS = re.compile("[\"“”‘']")


def _scan_segment(text: str) -> tuple[list[_Raw], list[int]]:
    raws: list[_Raw] = []
    strays: list[int] = []
    if QUOTE_CHARS.search(text) is None:
        return raws, strays  # no mark at all: most paragraphs of plain reporting
    closers_after = _suffix_counts(text, "”")
    openers_after = _suffix_counts(text, "“")
    open_at = -1
    open_char = ""
    depth = 0
    raws_continue: set[int] = set()
    i = 0
    n = len(text)
    while i < n:
        mark = QUOTE_CHARS.search(text, i)  # only quotation-mark characters change any state
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if (
            ch == '"'
            and i
            and text[i - 1].isalpha()
            and text[i + 1 : i + 2] == "s"
            and not text[i + 2 : i + 3].isalpha()
        ):
            i += 1  # "the country"s budget": a straight mark typed for an apostrophe
            continue
        if ch == "“" or (
            ch in '"”' and open_at < 0 and _opens(text, i) and (ch == '"' or _word_after(text, i))
        ):
            if open_at >= 0 and open_char == "“":
                if closers_after[i] - openers_after[i + 1] > depth:  # a nested “quotation”
                    depth += 1
                    i += 1
                    continue
                raws.append(_Raw(open_at, _trim_end(text, i), False, "curly"))  # never closed
            if open_at < 0 or open_char == "“":
                open_at, open_char, depth = i, ch if ch != "”" else "“", 1
        elif ch == "”" or ch == '"':
            if open_at >= 0 and depth > 1 and ch == "”":
                depth -= 1
            elif open_at >= 0 and ch == '"' and _reopens(text, i):
                # paragraphs run together: "First part. "Second part … – one quotation goes on
                raws.append(
                    _Raw(
                        open_at,
                        _trim_end(text, i),
                        True,
                        "straight",
                        continues=open_at in raws_continue,
                        continued=True,
                    )
                )
                open_at = i
                raws_continue.add(i)
            elif open_at >= 0:
                raws.append(
                    _Raw(
                        open_at,
                        i + 1,
                        True,
                        "curly" if open_char == "“" else "straight",
                        continues=open_at in raws_continue,
                    )
                )
                open_at, depth = -1, 0
            elif ch == "”" or not _opens(text, i):
                strays.append(i)
        elif open_at < 0 and ch in "‘'" and _opens(text, i):
            close = _single_close(text, i)
            if close > 0:
                raws.append(_Raw(i, close + 1, True, "single"))
                i = close + 1
                continue
        i += 1
    if open_at >= 0:
        raws.append(
            _Raw(
                open_at,
                _trim_end(text, n),
                False,
                "curly" if open_char == "“" else "straight",
                continues=open_at in raws_continue,
            )
        )
    return raws, strays


def _reopens(text: str, i: int) -> bool:
    """A straight mark after a sentence's end and a space, before a capital: a new paragraph."""
    return (
        text[i + 1 : i + 2].isupper()
        and text[i - 1 : i] in (" ", "\n")
        and text[max(0, i - 3) : i].rstrip()[-1:] in (".", "?", "!")
    )


class _SuffixCounts:
    """``counts[i]``: how many ``mark`` characters are at ``i`` or later (bisect over positions)."""

    def __init__(self, text: str, mark: str) -> None:
        self.positions: list[int] = []
        i = text.find(mark)
        while i != -1:
            self.positions.append(i)
            i = text.find(mark, i + 1)

    def __getitem__(self, i: int) -> int:
        return len(self.positions) - bisect_left(self.positions, i)


def _suffix_counts(text: str, mark: str) -> _SuffixCounts:
    return _SuffixCounts(text, mark)


def _word_after(text: str, i: int) -> bool:
    """A ” typed for “: at a paragraph start or after a space, before a capitalised word."""
    return text[i + 1 : i + 2].isupper() and (i == 0 or text[i - 1] in " \t\n(")


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` sits where a quotation opens (after a space, before a word)."""
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before not in BEFORE_OPEN and before not in "“‘\"'":
        return False
    if not after or after.isspace():
        return False
    return not (text[i] in "‘'" and ELISIONS.match(text, i + 1))


def _single_close(text: str, i: int) -> int:
    """The closing single mark for an opening one at ``i``, or -1 (then it was an apostrophe)."""
    limit = min(len(text), i + 400)
    j = i + 1
    while j < limit:
        ch = text[j]
        if ch in '\n“”"':
            return -1
        if ch in "’'" and text[j - 1] not in " \t" and (text[j + 1 : j + 2] in AFTER_CLOSE):
            inner = text[i + 1 : j]
            if inner.lower() == "n" or not any(c.isalpha() for c in inner):
                return -1
            return j
        j += 1
    return -1


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _link_paragraphs(segments: list[Segment], per_segment: list[list[_Raw]]) -> None:
    """Apply the multi-paragraph convention to quotations left open at a paragraph's end."""
    for k, raws in enumerate(per_segment):
        if not raws or raws[-1].closed or k + 1 >= len(segments):
            continue
        nxt = per_segment[k + 1]
        following = segments[k + 1].text
        lead = len(following) - len(following.lstrip())
        if nxt and nxt[0].start == lead and segments[k + 1].kind == segments[k].kind:
            raws[-1].closed = True
            raws[-1].continued = True
            nxt[0].continues = True


def in_writers_sentence(text: str, quote: Quotation) -> bool:
    """A quotation that does not open its sentence, or that the sentence goes on from as a noun
    phrase (“Taking responsibility” is this year's theme), is part of the writer's own sentence."""
    before = text[: quote.seg_start].rstrip()
    if before and before[-1] not in '.!?:”"\n':
        return True
    after = text[quote.seg_end : quote.seg_end + 3]
    ends_clause = quote.inner.rstrip()[-1:] in ",.!?…"
    return not ends_clause and len(after) > 1 and after[0] == " " and after[1].islower()
