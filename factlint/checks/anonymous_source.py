"""sourcing/anonymous: a claim or quotation credited only to an unnamed source, no reason given."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from factlint.analysis.fastregex import BoundedPattern, CandidateScan
from factlint.analysis.trie import trie_regex
from factlint.kinds.base import Kind, Options
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.analysis import Analysis
    from factlint.analysis.sentences import Sentence
    from factlint.document import Document
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class AnonymousOptions(Options):
    """Options of the anonymous-source kind."""

    sources: list[str] = describe("Nouns for unnamed sources (source, official, insider)")
    qualifiers: list[str] = describe(
        "Adjectives before them (senior)",
        default_factory=list,
    )
    cues: list[str] = describe("Verbs that attribute (said, told)")
    reasons: list[str] = describe("Phrases that give the reason for anonymity")


class AnonymousSource(Kind[AnonymousOptions]):
    """Flag 'a source said' and 'according to officials' when the sentence gives no reason."""

    name = "anonymous-source"
    options_model = AnonymousOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        o = self.options
        patterns = _patterns(tuple(o.sources), tuple(o.qualifiers), tuple(o.cues))
        nouns = _noun_pattern(tuple(o.sources))
        analysis = doc.analysis
        candidates = _sentences_with_nouns(doc, nouns)
        if not candidates:
            return  # no source noun anywhere: most articles end here, after one RE2 scan
        reasons = _reason_pattern(tuple(o.reasons))
        sources = frozenset(o.sources)
        seen: set[str] = set()  # each unnamed source is reported at its first mention only
        # A source explained at a later mention is explained from the first ("according to two
        # people familiar with the talks" … "the people said. They spoke on condition of
        # anonymity"; "U.S. officials said" … "The officials, who asked not to be named"), when
        # the reason is said of the source: right after its noun, or in the next sentence about
        # it. So the reasons are read first, then the first mentions of the others reported.
        explained: set[str] = set()
        read = []
        for sentence in candidates:
            segment = doc.segments[sentence.segment]
            if ("prose" if segment.kind == "prose" else "headline") not in self.scope:
                continue
            matches = [m for pattern in patterns for m in pattern.finditer(sentence.text)]
            # only sentences with a source noun, or the one after it that speaks of the source
            words = [w for w in SOURCE_WORD.finditer(sentence.text) if w[0].lower() in sources]
            said_after = [_source_noun(w[0], sources) for w in words
                          if _found(reasons, sentence.text[w.end() : w.end() + REASON_REACH])]
            follows = not said_after and _reason_follows(analysis, sentence, reasons, sources)
            explained.update(said_after)
            if follows:
                explained.update(_source_noun(w[0], sources) for w in words)
            # "said a diplomat who declined to be named": every source of the sentence is explained
            excused = bool(said_after) or follows or _found(reasons, sentence.text)
            if excused or matches:
                read.append((sentence, segment, matches, excused, words))
        seen |= explained
        for sentence, segment, matches, excused, words in read:
            if excused:  # and its sources stay explained at their later mentions
                seen.update(_source_noun(w[0], sources) for w in words)
            for match in matches:
                start, end = sentence.start + match.start("np"), sentence.start + match.end("np")
                np = match.group("np")
                if analysis.in_quotation(segment.index, start, end) or _crowd(np, segment.text, start):
                    continue
                noun = _source_noun(np, sources)
                if excused or noun in seen:
                    seen.add(noun)
                    continue  # "the sources said" again, or a source whose anonymity is explained
                seen.add(noun)
                if OF_ORGANISATION.match(segment.text, end):
                    continue  # "officials of both the union and the company": the body is named
                before = segment.text[max(0, start - 2) : start]
                if (
                    re.search(r"[A-Z][\w.]*\s$", segment.text[max(0, start - 30) : start])
                    and before != ". "
                ):
                    continue  # "Treasury officials": the organisation is named
                hit = analysis.hit(segment, start, end)
                yield self.finding_at(doc, hit)


SOURCE_WORD = re.compile(r"[\w-]+")
# How far after a source noun its reason may start: "officials, who asked not to be identified"
REASON_REACH = 80

# A sentence that goes on about the source just named: "They spoke on condition of anonymity."
SOURCE_AGAIN = re.compile(
    r"\s*(?:(?i:he|she|they|both|all|each|neither)\b|(?i:the)\s+(?P<noun>[a-z]+))"
)


def _reason_follows(
    analysis: Analysis, sentence: Sentence, reasons: CandidateScan, sources: frozenset[str]
) -> bool:
    """Whether the next sentence of the paragraph gives the reason for the source's anonymity
    ("Officials said the plan was shelved. They were not authorised to speak publicly.")."""
    sentences = analysis.sentences_of(sentence.segment)
    k = bisect_right(sentences, sentence.start, key=lambda s: s.start)
    if k >= len(sentences):
        return False
    following = sentences[k].text
    again = SOURCE_AGAIN.match(following)
    if again is None or (again["noun"] and _source_noun(again["noun"], sources) not in sources):
        return False  # "The minister was not authorised ...": someone else
    return _found(reasons, following)


def _source_noun(np: str, sources: frozenset[str]) -> str:
    """The source noun of a phrase, singular: "the sources" and "a source" are one source."""
    words = [w for w in np.lower().split() if w in sources] or np.lower().split()[-1:]
    word = words[0]
    return word[:-1] if word.endswith("s") and word[:-1] in sources else word


OF_ORGANISATION = re.compile(r"\s+(?:of|at|from)\s+(?:both\s+)?(?:the\s+)?[A-Za-z]")
CROWD_NOUNS = frozenset({"people", "person", "individual", "individuals", "someone"})
CROWD_WORDS = frozenset({"many", "some", "most", "few", "of"})


def _crowd(np: str, text: str, start: int) -> bool:
    """"Many people said" (vague sourcing's), "59 percent of people said" (a poll): a crowd, not
    an unnamed source."""
    words = np.lower().split()
    if words[-1] not in CROWD_NOUNS:
        return False
    before = text[max(0, start - 12) : start].split()
    return words[0] in CROWD_WORDS or bool(before and before[-1].lower() in CROWD_WORDS)


def _sentences_with_nouns(doc: Document, nouns: BoundedPattern) -> list[Sentence]:
    """The sentences that hold a source noun, found with one RE2 scan of the document."""
    analysis = doc.analysis
    found: list[Sentence] = []
    for index, start, _ in analysis.segment_matches(nouns):
        sentences = analysis.sentences_of(index)
        k = bisect_right([sentence.end for sentence in sentences], start)
        if k < len(sentences) and (not found or found[-1] is not sentences[k]):
            found.append(sentences[k])
    return found


@lru_cache(maxsize=8)
def _noun_pattern(sources: tuple[str, ...]) -> BoundedPattern:
    return BoundedPattern(trie_regex(sources), edge=r"[\w-]")


# The sentence patterns and the reasons are scanned with RE2 first (fastregex.py): a case-blind
# alternation, or one led by a look-behind, gives re no first character to skip to, and it was
# tried at every position of each sentence (the reasons alone were half this rule's time).
@lru_cache(maxsize=8)
def _reason_pattern(reasons: tuple[str, ...]) -> CandidateScan:
    source = "(?i)(?:" + "|".join(re.escape(r) for r in reasons) + ")"
    return CandidateScan(source, source)


def _found(pattern: CandidateScan, text: str) -> bool:
    """Whether ``pattern`` matches somewhere in ``text`` (a non-empty match)."""
    return next(pattern.finditer(text), None) is not None


# Words that may follow a source noun after "according to" (anything else makes it an adjective).
FOLLOWERS = "(?:in|at|of|from|for|with|on|who|close|familiar|and|or|to|involved|quoted|cited)"


@lru_cache(maxsize=8)
def _patterns(
    sources: tuple[str, ...], qualifiers: tuple[str, ...], cues: tuple[str, ...]
) -> tuple[CandidateScan, ...]:
    noun = trie_regex(sources)
    adj = "|".join(re.escape(q) for q in qualifiers) or "(?!)"
    cue = trie_regex(cues)
    np = (
        rf"(?:(?:an?|one|two|three|several|some|many|other|another|the)\s+)?(?:(?:{adj})\s+)*"
        rf"(?:{noun})(?:\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on)"
        rf"(?:\s+[\w’'-]+){{1,4}}?)?"
    )
    said = rf"(?i)(?<![\w-])(?P<np>{np})(?:,[^,]{{1,60}},)?\s+(?:{cue})\b"
    # "according to officials", not "according to official estimates" (an adjective)
    according = rf"(?i)\baccording\s+to\s+(?P<np>{np})\b(?!\s+(?!{FOLLOWERS}\b)[a-z])"
    return CandidateScan(said, said), CandidateScan(according, according)
