"""Shared analysis: facts derived from a document once, lazily, and read by every rule."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from functools import cached_property, lru_cache
from itertools import filterfalse
from typing import TYPE_CHECKING, NamedTuple

from factlint.analysis.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from factlint.analysis.attribution import Attribution
    from factlint.analysis.people import NameMention, PeopleIndex, Person, Title
    from factlint.analysis.quotes import Quotation, QuoteScan
    from factlint.document import Document, Segment
    from factlint.facts.verify import SourceChecks

WORD = re.compile(r"\w+(?:[’'\-]\w+)*", re.UNICODE)
# A whole WORD token starting here: no word character (or word character and inner apostrophe
# or hyphen) comes before it.
TOKEN_AT = re.compile(r"(?<!\w)(?<!\w[’'\-])\w+(?:[’'\-]\w+)*")
SCOPES = ("prose", "headline", "quotes")
# tokens_of searches the text once per word asked for; past this many characters searched in all,
# building the index of every word (one linear pass) is cheaper, and keeps long documents linear.
FIND_BUDGET = 2_000_000
SEGMENT_SEPARATOR = "\n\x00\n"
# Anchors refer to the ends of each segment's text, which the joined text does not have.
ANCHORS = re.compile(r"(?<!\[)\^|\$|\\[AZ]")


class Token(NamedTuple):  # a NamedTuple: articles have thousands of tokens, and it is cheap to build
    """A word in a segment: ``start``/``end`` are offsets in the segment's text."""

    segment: int
    start: int
    end: int
    text: str


class Hit(NamedTuple):  # a NamedTuple: cheaper to build than a frozen dataclass
    """A match of a term or pattern, with segment and source positions."""

    segment: Segment
    start: int  # in segment text
    end: int
    source_start: int
    source_end: int
    text: str


def normalize_scope(scope: Iterable[str]) -> frozenset[str]:
    """Expand ``all`` and return the set of scopes a rule reads."""
    scopes = frozenset(scope)
    return frozenset(SCOPES) if "all" in scopes else scopes


class Analysis:
    """Lazily computed, cached facts about one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence, in document order."""
        return [s for seg in self.doc.segments for s in self.sentences_of(seg.index)]

    @cached_property
    def tokens(self) -> list[list[Token]]:
        """Word tokens per segment (index = segment index)."""
        return self._tokens_and_index[0]

    @cached_property
    def word_index(self) -> dict[str, list[Token]]:
        """Lower-cased word -> its tokens, in document order."""
        return self._tokens_and_index[1]

    @cached_property
    def _tokens_and_index(self) -> tuple[list[list[Token]], dict[str, list[Token]]]:
        new_token = tuple.__new__  # a NamedTuple's own constructor is a slower Python function
        per_segment: list[list[Token]] = []
        index: dict[str, list[Token]] = defaultdict(list)
        for segment, (spans, keys) in zip(self.doc.segments, self._word_spans, strict=True):
            text = segment.text
            tokens = [new_token(Token, (segment.index, s, e, text[s:e])) for s, e in spans]
            for token, key in zip(tokens, keys, strict=True):
                index[key].append(token)
            per_segment.append(tokens)
        return per_segment, index

    @cached_property
    def _word_spans(self) -> list[tuple[list[tuple[int, int]], list[str]]]:
        """Per segment: the word spans and their lower-cased forms (the cheapest full pass)."""
        found = []
        for segment in self.doc.segments:
            text = segment.text
            lowered = text.lower()
            spans = [m.span() for m in WORD.finditer(text)]
            if len(lowered) == len(text):
                keys = [lowered[s:e] for s, e in spans]
            else:  # lower() lengthened a letter ("İ"): offsets differ, lower each word instead
                keys = [text[s:e].lower() for s, e in spans]
            found.append((spans, keys))
        return found

    @cached_property
    def word_keys(self) -> frozenset[str]:
        """Every lower-cased word in the document."""
        lowered = self._lowered_text
        if lowered is None:  # lower() lengthened a letter ("İ"): offsets differ, go word by word
            return frozenset(self.word_index)
        # Whitespace never falls inside a word, and a chunk between spaces that is all letters
        # and digits is one word: only the other chunks ("said," "don’t") need the pattern.
        chunks = set(lowered.split())
        odd = set(filterfalse(str.isalnum, chunks))
        return frozenset((chunks - odd).union(WORD.findall(" ".join(odd))))

    def tokens_of(self, keys: Iterable[str]) -> dict[str, list[Token]]:
        """The tokens of just these lower-cased words, in document order. Rules that look up a
        few words use this instead of ``word_index``, which builds a token for every word."""
        wanted = self.word_keys.intersection(keys)
        cache = self._token_cache
        missing = wanted - cache.keys()
        lowered = self._lowered_text
        if (
            "_tokens_and_index" in self.__dict__
            or lowered is None
            or len(missing) * len(lowered) > FIND_BUDGET
        ):  # each search reads the whole text: for many words in a long text, index every word
            index = self.word_index
            return {key: index[key] for key in wanted}
        for key in missing:
            cache[key] = self._find_tokens(key)
        return {key: cache[key] for key in wanted}

    def _find_tokens(self, key: str) -> list[Token]:
        """The tokens whose lower-cased text is ``key``: where ``key`` occurs in the lower-cased
        text and a whole token starts and ends there. The words asked for are rare, so this
        visits a few places instead of every word of the document."""
        lowered = self._lowered_text
        assert lowered is not None
        starts = self._joined_segments[1]
        segments = self.doc.segments
        new_token = tuple.__new__  # a NamedTuple's own constructor is a slower Python function
        token_at = TOKEN_AT.match
        found: list[Token] = []
        at = lowered.find(key)
        while at >= 0:
            end = at + len(key)
            match = token_at(lowered, at)
            if match is not None and match.end() == end:
                index = bisect_right(starts, at) - 1
                segment = segments[index]
                start = at - starts[index]
                text = segment.text[start : start + len(key)]
                found.append(new_token(Token, (segment.index, start, start + len(key), text)))
                at = lowered.find(key, end)
            else:
                at = lowered.find(key, at + 1)
        return found

    @cached_property
    def _lowered_text(self) -> str | None:
        """The joined segment texts in lower case, or None where lower() changes a length (then
        offsets in it are not offsets in the text). Lowering keeps each character a word
        character or not, so the words of this text are the lower-cased words of the segments."""
        joined = self._joined_segments[0]
        lowered = joined.lower()
        return lowered if len(lowered) == len(joined) else None

    @cached_property
    def _token_cache(self) -> dict[str, list[Token]]:
        return {}

    @cached_property
    def capitalised_tokens(self) -> list[list[Token]]:
        """Per segment, the tokens that start with a capital letter (names, titles, sentence
        starts): what the people recogniser reads, about a fifth of the words. Same tokens as
        ``tokens``, found by one regex instead of building a token for every word."""
        if "_tokens_and_index" in self.__dict__:
            return [[t for t in tokens if t.text[:1].isupper()] for tokens in self.tokens]
        pattern = capitalised_word_pattern()
        new_token = tuple.__new__
        return [
            [
                new_token(Token, (segment.index, m.start(), m.end(), m.group()))
                for m in pattern.finditer(segment.text)
            ]
            for segment in self.doc.segments
        ]

    @cached_property
    def quote_scan(self) -> QuoteScan:
        """Quotations and stray closing marks (analysis/quotes.py)."""
        from factlint.analysis.quotes import scan_quotes

        return scan_quotes(self.doc)

    @cached_property
    def quotations(self) -> list[Quotation]:
        """Quotations in document order, each classed speech or term."""
        return self.quote_scan.quotations

    @cached_property
    def attributions(self) -> list[Attribution | None]:
        """The attribution of each quotation (aligned with ``quotations``), or None."""
        return self.attributions_with(())

    def attributions_with(self, extra_cues: tuple[str, ...]) -> list[Attribution | None]:
        """Attributions with extra reporting cues from a rule's options (cached per cue set)."""
        from factlint.analysis.attribution import find_attributions

        cache = self.__dict__.setdefault("_attributions_by_cues", {})
        key = tuple(sorted(extra_cues))
        if key not in cache:
            cache[key] = find_attributions(self, key)
        return cache[key]  # type: ignore[no-any-return]

    @cached_property
    def people_index(self) -> PeopleIndex:
        """People and titles with look-ups (analysis/people.py)."""
        from factlint.analysis.people import find_people

        return find_people(self)

    @cached_property
    def people(self) -> list[Person]:
        """Person mentions in document order, with the full name each resolves to."""
        return self.people_index.people

    @cached_property
    def titles(self) -> list[Title]:
        """Office and role mentions, linked to the person they name when the text says so."""
        return self.people_index.titles

    def sentences_of(self, segment: int) -> list[Sentence]:
        """The sentences of one segment, split when first asked for: the attribution rules need
        only the paragraphs with a quotation or a source noun."""
        split = self._sentences_by_segment
        if segment not in split:
            segments = self.doc.segments
            split[segment] = split_sentences(segments[segment]) if 0 <= segment < len(segments) else []
        return split[segment]

    @cached_property
    def _sentences_by_segment(self) -> dict[int, list[Sentence]]:
        return {}

    @cached_property
    def source_checks(self) -> SourceChecks:
        """Speech quotations verified against the front matter's ``sources`` (facts/verify.py)."""
        from factlint.facts.verify import check_document

        return check_document(self.doc)

    @cached_property
    def offices(self) -> list[Title]:
        """Office mentions with the key of their post ("Defence Secretary", "Secretary of
        Defence", "Sen." before a name), from the same people analysis."""
        return self.people_index.offices

    @cached_property
    def name_mentions(self) -> list[NameMention]:
        """The surnames of named people ("Mr Zelensky", "Jane Smith"), from the people analysis."""
        return self.people_index.name_mentions

    def quotations_in(self, segment: int) -> list[Quotation]:
        """The quotations of one segment, in order."""
        by_segment = self.__dict__.get("_quotes_by_segment")
        if by_segment is None:
            by_segment = defaultdict(list)
            for quote in self.quotations:
                by_segment[quote.segment].append(quote)
            self.__dict__["_quotes_by_segment"] = by_segment
        return by_segment.get(segment, [])  # type: ignore[no-any-return]

    @cached_property
    def _quote_ranges(self) -> dict[int, tuple[list[int], list[int]]]:
        """Per segment: the quotations' starts in order, and the furthest end reached by any
        quotation starting at or before each (a prefix maximum), for a search in log time."""
        ranges: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for quote in self.quotations:
            ranges[quote.segment].append((quote.seg_start, quote.seg_end))
        index = {}
        for segment, spans in ranges.items():
            spans.sort()
            furthest, reach = -1, []
            for _, end in spans:
                furthest = max(furthest, end)
                reach.append(furthest)
            index[segment] = ([start for start, _ in spans], reach)
        return index

    def in_quotation(self, segment: int, start: int, end: int) -> bool:
        """Whether [start, end) of a segment lies inside a quotation (marks included): some
        quotation starts at or before ``start`` and ends at or after ``end``."""
        spans = self._quote_ranges.get(segment)
        if spans is None:
            return False
        starts, reach = spans
        k = bisect_right(starts, start)
        return k > 0 and reach[k - 1] >= end

    def in_scope(self, segment: Segment, start: int, end: int, scope: frozenset[str]) -> bool:
        """Whether a span of a segment falls in a rule's scope (prose, headline, quotes)."""
        if self.in_quotation(segment.index, start, end):
            return "quotes" in scope
        area = "prose" if segment.kind == "prose" else "headline"
        return area in scope

    def hit(self, segment: Segment, start: int, end: int) -> Hit:
        s, e = segment.source_span(start, end)
        # tuple.__new__: a NamedTuple's own constructor is a slower Python function
        return tuple.__new__(Hit, (segment, start, end, s, e, segment.text[start:end]))

    def term_hits(self, term: str, scope: frozenset[str], *, case: bool = False) -> Iterator[Hit]:
        """Occurrences of a word or phrase (whole words; case-insensitive unless ``case``)."""
        words = _words(term)
        if not words:
            return
        segments = self.doc.segments
        first = words[0].lower()
        if first not in self.word_keys or not self.word_keys.issuperset(_inner_words(term)):
            return
        for token in self.tokens_of((first,)).get(first, ()):
            segment = segments[token.segment]
            end = token.start + len(term)
            candidate = segment.text[token.start : end]
            if len(words) > 1 and not _same_phrase(candidate, term):
                continue
            if end < len(segment.text) and (segment.text[end].isalnum() or segment.text[end] == "_"):
                continue
            if case and candidate != term:
                continue
            if self.in_scope(segment, token.start, end, scope):
                yield self.hit(segment, token.start, end)

    def pattern_hits(self, pattern: object, scope: frozenset[str]) -> Iterator[Hit]:
        """Matches of a compiled pattern (``re``, ``re2`` or a fastregex scan) in the segments in
        scope."""
        segments = self.doc.segments
        for index, start, end in self.segment_matches(pattern):
            segment = segments[index]
            if end > start and self.in_scope(segment, start, end, scope):
                yield self.hit(segment, start, end)

    def segment_matches(self, pattern: object) -> Iterator[tuple[int, int, int]]:
        """(segment index, start, end) of each match of ``pattern`` in the segment texts. The
        regex engine is called once for the whole document, not once per segment: each call has
        a fixed cost, and a wire story has a dozen paragraphs (RE2 lexicon scans take half the
        time). Patterns with anchors (^, $, \\A, \\Z) run segment by segment, as the anchors
        refer to a segment's ends."""
        source = getattr(pattern, "pattern", None)
        if not isinstance(source, str) or _has_anchors(source):
            for segment in self.doc.segments:
                for match in pattern.finditer(segment.text):  # type: ignore[attr-defined]
                    yield segment.index, match.start(), match.end()
            return
        joined, starts = self._joined_segments
        segments = self.doc.segments
        for match in pattern.finditer(joined):  # type: ignore[attr-defined]
            start, end = match.span()
            index = bisect_right(starts, start) - 1
            base = starts[index]
            if end - base <= len(segments[index].text):  # never across two segments
                yield index, start - base, end - base

    @property
    def joined_text(self) -> str:
        """The segment texts in one string, each segment a line or more of it: the separator
        (a line break, a NUL, a line break) holds no word or space character."""
        return self._joined_segments[0]

    @cached_property
    def _joined_segments(self) -> tuple[str, list[int]]:
        """The segment texts in one string, and where each starts. The separator holds no word
        or space character, so a lexicon pattern cannot match across it."""
        starts, offset = [], 0
        for segment in self.doc.segments:
            starts.append(offset)
            offset += len(segment.text) + len(SEGMENT_SEPARATOR)
        return SEGMENT_SEPARATOR.join(s.text for s in self.doc.segments), starts


@lru_cache(maxsize=256)
def _has_anchors(source: str) -> bool:
    return bool(ANCHORS.search(source))


@lru_cache(maxsize=1)
def capitalised_word_pattern() -> re.Pattern[str]:
    """WORD tokens whose first character is upper case. A token starts where no word character,
    and no word character followed by an inner apostrophe or hyphen, comes before it. The class of
    capitals is built from str.isupper (word characters only) over the Basic Multilingual Plane (about 5 ms, once)."""
    ranges: list[list[int]] = []
    # str.isupper and \w filter the plane in C; only the capitals (about 1,900) reach Python
    uppers = "".join(filter(str.isupper, map(chr, range(0x10000))))
    for code in map(ord, re.findall(r"\w", uppers)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    capitals = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    # The capital comes first so that re's fast charset search can skip to it; the look-behinds
    # after it then check the one or two characters before it.
    return re.compile(rf"[{capitals}](?<!\w.)(?<!\w[’'\-].)\w*(?:[’'\-]\w+)*")


@lru_cache(maxsize=4096)
def _words(term: str) -> list[str]:
    return [m.group() for m in WORD.finditer(term)]


@lru_cache(maxsize=4096)
def _inner_words(term: str) -> frozenset[str]:
    """The lower-cased words of a phrase between its first and last: in any match each is a
    whole word of the text (the phrase goes on after it), so a document without one of them
    cannot hold the phrase. ASCII phrases only: lower() of a Greek sigma depends on the letters
    around it, so a word lowered alone may differ from the same word lowered in the text."""
    words = _words(term)
    return frozenset(w.lower() for w in words[1:-1]) if term.isascii() else frozenset()


def _same_phrase(candidate: str, term: str) -> bool:
    """Case-insensitive phrase comparison that lets a line break stand for a space."""
    return candidate.lower().replace("\n", " ") == term.lower()


def _segment_may_be_in_scope(segment: Segment, scope: frozenset[str]) -> bool:
    if "quotes" in scope:
        return True
    return ("prose" if segment.kind == "prose" else "headline") in scope
