"""Attributions: for each quotation, the reporting cue and the speaker that cover it.

Search order for a quotation: a cue just after it in its sentence ("…,” he said), a cue before it in
its sentence (Smith said: “…”, according to Smith, “…”), an introducing clause or paragraph that
ends with a colon, then inheritance: a quotation that continues a quoted paragraph, opens a sentence
after an attributed quotation of the same paragraph, or opens a paragraph that follows an attributed
quotation. Cues are searched in text with every quotation's words blanked out, so a "said" inside a
quotation is never its cue. Work is per sentence and per quotation: linear in document length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from factlint.analysis.cues import CueMatch, CueScanner
from factlint.analysis.lexicons import Lexicons, data_path, lexicons, read_lines
from factlint.analysis.people import PARTY_STATE

if TYPE_CHECKING:
    from factlint.analysis import Analysis
    from factlint.analysis.people import PeopleIndex, Person
    from factlint.analysis.quotes import Quotation
    from factlint.analysis.sentences import Sentence
    from factlint.document import Document, Segment

PREPOSITIONS = frozenset(
    "during in at on after before with for by from to of about over under "
    "despite since until into following amid among".split()
)
FUNCTION_WORDS = frozenset(
    "and but or so yet that which who what when where while if as than then "
    "also because although though".split()
)
DETERMINERS = frozenset("the a an his her their its my our your this that these those one some".split())
AUXILIARIES = frozenset(
    "been being has have had was were is are did does do would will could should "
    "may might must can".split()
)
APPOSITIVE_START = DETERMINERS | frozenset(
    "who whose which where now also then herself himself itself themselves once formerly".split()
)
PRONOUNS = frozenset("he she they we i it you".split())
PERSONAL_PRONOUNS = frozenset(("he", "she"))
SOURCE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official minister secretary president chairman chairwoman
    chief director executive analyst economist trader dealer banker expert source report minute
    statement letter communique document survey study committee commission ministry department
    article piece story editorial column memo email release tweet post video poll headline
    government agency company firm group union council court judge lawyer police officer leader
    manager coach player researcher scientist professor doctor adviser advisor aide broker
    arbitrager onlooker witness resident""".split()
)
NOT_SPEECH = frozenset(
    """called calls call described describes describe dubbed branded labelled labeled read reads
    quote
    quoted quotes cite cited cites post posted report reported reports continue continued continues
    begin began begins find found finds rate rated rates rule ruled rules refer referred refers
    thank thanked thanks""".split()
)
NOUN_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|our|your|my|this|these|those)\s+$")
NAME_BEFORE = re.compile(r"[A-Z][\w’'.&-]*\s+$")
SENTENCE_END_BEFORE = re.compile(r"[a-z]{2,}[.!?][”\"’']?\s+$")  # "in New York. According to"
POSSESSIVE_BEFORE = re.compile(
    r"(?<![\w’'])(?!(?i:he|she|it|that|who|what|there|here|where|let)[’']s)\w+[’']s\s+$"
)
PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:with|amid|among|despite|by|for|of|over|after|to)\s+$")
SAID_TO = re.compile(r"\s+to\s+(?:be|have|been|include|contain|cost|number|total|exceed|involve|date)\b")
PASSIVE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|it’s|it's)\s+(?:widely\s+|also\s+)?$")
TRAILING_FILLER = re.compile(
    r"(?i)(?:\s+|,)(?:has|have|had|was|is|are|were|also|later|then|once|previously|earlier|recently|"
    r"repeatedly|would|will|may|might|could|can|did|does|do|who|has\s+since|often|always|never|"
    r"sometimes|again|still|just|soon|(?-i:[a-z]+ly))$"
)
LEADING_FILLER = re.compile(
    r"(?i)^(?:(?:and|but|so|yet|then|also|even|only|that|while|as|when|because|after|before|although|though|"
    r"where|however|meanwhile|speaking|later|earlier|now|here|there|in\s+a\s+\w+|on\s+\w+day|"
    r"(?:on|in|at|during|by|last|this|earlier|later)\s+(?:\w+day|week|month|year|morning|evening|"
    r"night|afternoon|\w+\s+\d+|\d+))[\s,]+)+"
)
RIGHT_STOP = re.compile(
    r"[,.;:!?“”\"()—–]|\s(?:who|that|on|in|at|when|as|after|before|during|"
    r"while|adding|to|of\s+the\s+\w+\s+and)\s"
)
# The head of a long speaker after its cue: a name or noun phrase before "with", "of", "from" or
# "for" and what it belongs to ("Maria Lopez with the … Union").
RIGHT_HEAD = re.compile(r"((?:\S+\s+){0,5}?\S+)\s+(?:with|of|from|for)\s")
NP_WORD = re.compile(r"[\w’'.-]+")
DASH_SPEAKER = re.compile(
    r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[A-Z][\w’'.-]*(?:[^\S\n]+[A-Z][\w’'.-]*){0,4})"
)
BYLINE = re.compile(
    r"(?:^|\s{2,}|\n)(?P<dash>[-–—])\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,6}?)\s+[“\"]?$"
)
SUBJECT = re.compile(
    r"\s*(?:(?:But|And|So|Yet|However|Meanwhile),?\s+)?(?P<np>He|She|They|It|We|I|"
    r"(?:The\s+|Their\s+|His\s+|Her\s+|Its\s+)?[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|for|and|de|van|von)){0,5}"
    r"|(?:The|Their|His|Her|Its)\s+(?:[a-z]+\s+){0,3}[a-z]+)"
    r"(?:\s+(?:also|later|then|now|again|still|even|further|once|[a-z]+ly))?\s+"
    r"(?P<verb>[a-z]+(?:s|ed)|sees|saw|made|gave|took|put|led|set|held|felt|wrote|drew|spoke|told|"
    r"has\s+[a-z]+ed|had\s+[a-z]+ed|did|does|do|was|were|is|are|will|would|can|could|won[’']t|"
    r"wouldn[’']t|can[’']t|didn[’']t|doesn[’']t|don[’']t)\b"
)
# How far from a quotation its cue and speaker are looked for, in characters each way (a news
# sentence rarely runs past 600). It bounds each quotation's search, so a sentence of thousands of
# quotations costs time linear in its length: the search never re-scans the rest of the sentence.
REACH = 1000
# "Aaron Kall, the director of debate at the university, compared Trump to a coach who is
# “working the referees”": a named subject, an appositive, then the verb.
APPOSED_SUBJECT = re.compile(
    r"\s*(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}),\s+(?:a|an|the|his|her|its|[a-z]+)\b"
    r"[^,;:“”\"\n]{0,80},\s+(?:(?:also|later|then|now|[a-z]+ly)\s+)?(?P<verb>[a-z]+(?:s|ed))\b"
)
# What a reporting verb's own complement opens with: "said that …", "said the bill would …"
COMPLEMENT_AFTER = re.compile(
    r"\s+(?:(?:also|later|then|now)\s+)?(?i:that|the|a|an|his|her|its|their|it|he|she|they|we|"
    r"there|this|these|those)\b"
)
# A conjunction between a quotation and a later cue starts another clause: “…,” but he said.
CLAUSE_LINK = re.compile(
    r"(?i)\b(?:and|but|when|while|whereas|because|although|though|if|unless|until|since|after|before)\b"
)
PRONOUN_CONTRACTION = re.compile(r"\b((?i:he|she|it|they|we))(?:[’']s|[’']re|[’']d|[’']ve)$")
LEADING_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?=\s+[a-z])")
# "In a letter posted online, he wrote": a pronoun after a comma opens the main clause.
PRONOUN_AFTER_COMMA = re.compile(r",\s+(?:he|she|they|we|I)\s+(?:[a-z]+ly\s+)?\Z")
NEW_CLAUSE = re.compile(r"[;]|,\s*(?:but|and|yet|while|though|although|whereas)\s")
# Verbs that state, not speak (being, having, auxiliaries, modals, and the light verbs SUBJECT
# lists): a subject of one in the paragraph before does not introduce a quotation that opens the
# next ("He was chairman until May." / "“Sales will rise.”").
NOT_INTRODUCING = frozenset(
    """is are was were will would can could has had have do does did won’t won't wouldn’t
    wouldn't can’t can't didn’t didn't doesn’t doesn't don’t don't took held put set led made gave
    owns owned bought sold""".split()
)
# What follows a name between commas and is not the speaker: an age, a US legislator's party
# and state ("D-Wash."), a generational suffix.
POSTNOMINAL = re.compile(rf"(?:aged )?\d{{1,3}}|{PARTY_STATE}|Jr\.?|Sr\.?|I{{2,3}}|IV")
OPENER = re.compile(r"^\s*(?:But|And|However|Still|Yet|So),?\s*$")
# "a spokesperson for Secretary ", "chief of staff to ": a noun, a preposition, capitalised words
PROXY_BEFORE = re.compile(
    r"\b(?P<noun>[A-Za-z]+)\s+(?:for|of|to|close\s+to)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}$"
)
POSSESSIVE_AFTER = re.compile(r"[’']s?\s+[a-z]")  # "Cho's spokesman", "the Lees' lawyer"
# A cue that is denied or a noun speaks for nobody: "did not respond to a request for comment",
# "declined to comment", "could not be reached for comment" before a quotation that opens the next
# sentence does not make its subject the speaker.
NEGATED_BEFORE = re.compile(
    r"(?i)(?:\b(?:not|never|declined\s+to|refused\s+to|for)|n[’']t)\s+"
    r"(?:(?:immediately|yet|publicly|directly)\s+)?$"
)
NESTED_CUE = re.compile(r"\s+(?:that\s+)?(?:he|she|they|we|I)\s+(?:[a-z]+ly\s+|also\s+)?$")
PARENTHETICAL = re.compile(r"\([^()\n]{0,40}\)")
AS_VERB = re.compile(
    r"\b(?P<verb>[a-z]+(?:ed|es|s|ing))\s+(?:[\w’'.-]+\s+){1,6}?as\s+(?:a\s+|an\s+|the\s+|"
    r"being\s+(?:in\s+the\s+)?|“?)?\W*$"
)


@dataclass(frozen=True)
class SpanText:
    """A source span and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Speaker:
    """Who a quotation is attributed to; ``resolved``: the full name a pronoun stands for."""

    start: int
    end: int
    text: str
    resolved: str | None
    pronoun: bool = False


@dataclass(frozen=True)
class Attribution:
    """The cue and speaker covering one quotation; ``how`` says where the cue was found."""

    cue: SpanText
    speaker: Speaker | None
    how: str  # after | before | intro | continued | inherited


def find_attributions(
    analysis: Analysis, extra_cues: tuple[str, ...] = ()
) -> list[Attribution | None]:
    """One attribution (or None) per quotation, aligned with ``analysis.quotations``."""
    lex = lexicons(extra_cues)
    doc = analysis.doc
    quotes = analysis.quotations
    people = analysis.people_index
    by_segment: dict[int, list[Quotation]] = {}
    for quote in quotes:
        by_segment.setdefault(quote.segment, []).append(quote)
    sentence_starts: dict[int, list[int]] = {}
    sentence_ends: dict[int, list[int]] = {}
    for seg_index in by_segment:
        sentences = analysis.sentences_of(seg_index)
        if sentences:
            sentence_starts[seg_index] = [sentence.start for sentence in sentences]
            sentence_ends[seg_index] = [sentence.end for sentence in sentences]
    result: list[Attribution | None] = [None] * len(quotes)
    last_in_segment: dict[int, Attribution | None] = {}
    for seg_index, seg_quotes in by_segment.items():
        segment = doc.segments[seg_index]
        masked = _mask(segment.text, seg_quotes)
        starts = sentence_starts.get(seg_index, [0])
        ends = sentence_ends.get(seg_index, [len(segment.text)])
        finder = _Finder(analysis, segment, masked, lex, people)
        previous: Attribution | None = None
        for n, quote in enumerate(seg_quotes):
            k0 = max(bisect_right(starts, quote.seg_start) - 1, 0)
            k1 = max(bisect_right(starts, max(quote.seg_end - 1, quote.seg_start)) - 1, 0)
            sentence_start = max(starts[k0], quote.seg_start - REACH)
            lo = max(sentence_start, seg_quotes[n - 1].seg_end if n else 0)
            hi = ends[k1] if k1 < len(ends) else len(segment.text)
            own_end = hi
            if hi <= quote.seg_end + 1 and k1 + 1 < len(ends):  # “…?” Graham asked.
                hi = ends[k1 + 1]
            hi = min(hi, quote.seg_end + REACH)
            if n + 1 < len(seg_quotes):
                hi = (
                    min(hi, seg_quotes[n + 1].seg_start)
                    if seg_quotes[n + 1].seg_start > quote.seg_end
                    else hi
                )
            found = finder.attribute(quote, sentence_start, lo, hi, own_end)
            if found is None:
                found = _inherit(
                    quote,
                    n,
                    seg_quotes,
                    previous,
                    result,
                    quotes,
                    segment.text,
                    sentence_start,
                    last_in_segment,
                    doc,
                    finder,
                )
            result[quote.index] = found
            if found is not None:
                previous = found
        last_in_segment[seg_index] = previous
    _standalone(analysis, quotes, result)
    for quote in reversed(quotes):  # a quoted paragraph attributed at its end covers its start
        k = quote.index
        weak = result[k] is None or result[k].how in ("previous", "inherited")  # type: ignore[union-attr]
        following = result[k + 1] if k + 1 < len(quotes) else None
        if (
            weak
            and quote.continued
            and following is not None
            and quotes[k + 1].continues
            and following.how in ("after", "before", "continued")
        ):
            result[k] = _as(following, "continued")
    return result


def _standalone(analysis: Analysis, quotes: list[Quotation], result: list[Attribution | None]) -> None:
    """Attribute quotations that stand alone as a paragraph and that nothing attributed so far:
    a quote box (a pull quote repeating words the article attributes elsewhere, before or after
    it) takes that attribution; otherwise a next paragraph that opens by pointing back at it
    ("That was the verdict of …", "So said …", "Said …") gives its speaker."""
    doc = analysis.doc
    alone = [
        q
        for q in quotes
        if result[q.index] is None
        and q.closed
        and not q.continued
        and doc.segments[q.segment].kind == "prose"
        and doc.segments[q.segment].text.strip() == q.text
    ]
    if not alone:
        return
    shingles: dict[tuple[str, ...], int] = {}  # the first attributed quotation holding each run
    for quote in quotes:
        if result[quote.index] is not None:
            words = _words(quote.inner)
            for k in range(max(len(words) - BOX_RUN + 1, 1)):
                shingles.setdefault(tuple(words[k : k + BOX_RUN]), quote.index)
    for quote in alone:
        words = _words(quote.inner)
        source = shingles.get(tuple(words[:BOX_RUN])) if len(words) >= 3 else None
        if source is not None and " ".join(words) in " ".join(_words(quotes[source].inner)):
            result[quote.index] = _as(result[source], "box")
        elif quote.segment + 1 < len(doc.segments):
            result[quote.index] = _next_paragraph(analysis, doc.segments[quote.segment + 1])


BOX_RUN = 5  # words: a quote box matches the attributed quotation holding its first five words
# A paragraph that opens by pointing back at the quotation before it names its speaker.
BACK_REFERENCE = re.compile(
    r"\s*(?:(?:That|This|Those|These|Such)\s+(?:is|was|were|are|came|comes)\s+(?:the\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?i:words?|message|verdict|view|warning|assessment|reaction|response|"
    r"plea|promise|reply|answer|advice|prediction)\s+(?:of|from)\s+"
    r"|(?:So\s+|Thus\s+)?(?i:said|says|added|adds|wrote|writes|insisted|insists|warned|warns)"
    r"\s+(?=[A-Z]|(?:the|a|an|one|his|her|their)\s))"
)


def _next_paragraph(analysis: Analysis, segment: Segment) -> Attribution | None:
    """The attribution a paragraph's opening gives the quotation just before it."""
    if segment.kind != "prose":
        return None
    sentences = analysis.sentences_of(segment.index)
    end = sentences[0].end if sentences else len(segment.text)
    match = BACK_REFERENCE.match(segment.text, 0, end)
    if match is None or QUOTE_MARKS_IN.search(segment.text, 0, end):
        return None  # a sentence with quotations of its own speaks for itself
    finder = _Finder(analysis, segment, segment.text, lexicons(), analysis.people_index)
    speaker = finder._right_speaker(match.end(), end)
    if speaker is None:
        return None
    lead = len(match.group()) - len(match.group().lstrip())
    return Attribution(finder._span(match.start() + lead, match.end()), speaker, "next")


QUOTE_MARKS_IN = re.compile(r"[“”\"]")


def _words(text: str) -> list[str]:
    return [w.lower() for w in PLAIN_WORD.findall(text)]


PLAIN_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def _inherit(
    quote: Quotation,
    n: int,
    seg_quotes: list[Quotation],
    previous: Attribution | None,
    result: list[Attribution | None],
    quotes: list[Quotation],
    text: str,
    sentence_start: int,
    last_in_segment: dict[int, Attribution | None],
    doc: object,
    finder: _Finder,
) -> Attribution | None:
    if quote.continues and quote.index > 0 and result[quote.index - 1] is not None:
        return _as(result[quote.index - 1], "continued")
    opens_sentence = not OPENER.sub("", text[sentence_start : quote.seg_start]).strip(" \t\n(—–-")
    if not opens_sentence:  # “provocative” and a “grave threat”: the sentence's earlier quotation
        earlier = seg_quotes[n - 1] if n else None
        if (
            earlier is not None
            and earlier.seg_end > sentence_start
            and previous is not None
            and result[earlier.index] is previous
        ):
            return _as(previous, "inherited")
        return None
    intro = finder.introduction(quote)
    if intro is not None:
        return intro
    if previous is not None:
        return _as(previous, "inherited")
    if finder.opens_paragraph(quote) and quote.segment > 0:
        before = last_in_segment.get(quote.segment - 1)
        if before is not None:
            return _as(before, "inherited")
    return finder.previous_sentence(quote, sentence_start)


def _as(attribution: Attribution | None, how: str) -> Attribution | None:
    if attribution is None:
        return None
    return Attribution(attribution.cue, attribution.speaker, how)


def _mask(text: str, quotes: list[Quotation]) -> str:
    """The segment text with each quotation's words replaced by spaces (marks kept)."""
    parts = []
    pos = 0
    for quote in quotes:
        if quote.seg_start < pos:
            continue
        parts.append(text[pos : quote.seg_start + 1])
        inner_end = quote.seg_end - 1 if quote.closed and not quote.continued else quote.seg_end
        parts.append(" " * max(0, inner_end - quote.seg_start - 1))
        pos = max(inner_end, quote.seg_start + 1)
    parts.append(text[pos:])
    return "".join(parts)


class _Finder:
    """Cue and speaker search in one segment's masked text."""

    def __init__(
        self, analysis: Analysis, segment: Segment, masked: str, lex: Lexicons, people: PeopleIndex
    ) -> None:
        self.analysis = analysis
        self.segment = segment
        self.text: str = segment.text
        self.masked = masked
        self.cue = lex.cue_pattern
        self.people = people

    @cached_property
    def _cues(self) -> tuple[list[int], list[CueMatch]]:
        """Every reporting cue of the masked text, found in one pass (with their starts)."""
        cues = [m for m in self.cue.finditer(self.masked) if self._is_cue(m)]
        return [m.start() for m in cues], cues

    def _cues_in(self, start: int, end: int) -> list[CueMatch]:
        """The cues that lie within [start, end), in order: a search in log time, so no
        quotation re-scans the text around it."""
        starts, cues = self._cues
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        while j > i and cues[j - 1].end() > end:
            j -= 1
        return cues[i:j]

    @cached_property
    def _first_word(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    def opens_paragraph(self, quote: Quotation) -> bool:
        """Whether only white space comes before the quotation in its segment."""
        return quote.seg_start <= self._first_word

    def attribute(
        self, quote: Quotation, sentence_start: int, lo: int, hi: int, own_end: int | None = None
    ) -> Attribution | None:
        tail_cues = self._cues_in(quote.seg_end, hi)
        between = self.masked[quote.seg_end : tail_cues[0].start()] if tail_cues else ""
        ends_unit = quote.inner.rstrip()[-1:] in ",.!?…" or between.lstrip()[:1] in (",", "—", "–")
        opens = not OPENER.sub("", self.masked[sentence_start : quote.seg_start]).strip(" \t\n(—–-")
        if (
            tail_cues
            and len(between.split()) <= 6
            and ends_unit
            and not CLAUSE_LINK.search(between)
            and (opens or own_end is None or tail_cues[0].start() < own_end)
            and not (
                own_end is not None
                and tail_cues[0].start() >= own_end
                and COMPLEMENT_AFTER.match(self.masked, tail_cues[0].end())
            )
        ):  # “…,” she said; “…?” Graham asked (the next sentence only after a quotation that
            # opens its own, and not when that sentence's verb reports words of its own: “…”
            # Murphy said the bill would …); not “…,” when Clinton blasted him, nor “…,” but he said
            return self._make(tail_cues[0], quote.seg_end, "after")
        if own_end is not None:  # past this point a cue must lie in the quotation's sentence
            tail_cues = [cue for cue in tail_cues if cue.start() < own_end]
        byline = BYLINE.search(self.masked, sentence_start, quote.seg_start)
        if byline:  # "- Newcastle boss Graeme Souness "We deserved the win.""
            cue = self._span(byline.start("dash"), byline.end("dash"))
            return Attribution(
                cue, self._speaker(byline.start("name"), byline.end("name")), "before"
            )
        dash = DASH_SPEAKER.match(self.masked, quote.seg_end)
        if dash:  # “…” ― Jorge Falcon
            cue = self._span(dash.start("dash"), dash.end("dash"))
            return Attribution(cue, self._speaker(dash.start("name"), dash.end("name")), "after")
        head_cues = self._cues_in(sentence_start, quote.seg_start)
        if head_cues:
            head = head_cues[-1]
            if len(head_cues) > 1 and NESTED_CUE.match(
                self.masked, head_cues[-2].end(), head.start()
            ):  # "Trump said he thought drugs were a “big factor”": the main clause's speaker
                head = head_cues[-2]
            found = self._make(head, sentence_start, "before", right_limit=quote.seg_start)
            if found.speaker is None or found.speaker.pronoun:
                return self._outer(head_cues, head, sentence_start) or found
            return found
        if tail_cues:
            return self._make(tail_cues[0], quote.seg_end, "after")
        prefix = self.masked[sentence_start : quote.seg_start]
        as_verb = AS_VERB.search(prefix)
        if as_verb:  # hailed Trump as “The Comeback Kid”
            at = sentence_start
            verb = CueMatch(self.masked, at + as_verb.start("verb"), at + as_verb.end("verb"))
            return self._make(verb, sentence_start, "before")
        if prefix.rstrip().endswith(":"):  # a new message: “It’s about me.”
            colon = sentence_start + len(prefix.rstrip()) - 1
            return self._intro(self, sentence_start, colon)
        if prefix.strip():
            return self._subject(sentence_start, quote.seg_start)
        return None

    def _outer(
        self, cues: list[CueMatch], inner: CueMatch, sentence_start: int
    ) -> Attribution | None:
        """The reporting clause around an inner cue whose speaker is a pronoun: "Clinton says she
        admired his courage through what she calls a “war of words”" reports Clinton's speech.
        Its speaker must not be a pronoun and must not contradict what the pronoun resolves to."""
        pronoun = self._make(inner, sentence_start, "before").speaker
        word = pronoun.text.lower() if pronoun is not None else ""
        sex = {"he": "m", "she": "f"}.get(word)
        for cue in cues:
            if (
                cue.start() >= inner.start()
                or NEW_CLAUSE.search(self.masked, cue.end(), inner.start())
                or PRONOUN_AFTER_COMMA.search(self.masked, cue.end(), inner.start())
            ):
                return None  # "…, but he said that"; "In a letter posted Sunday, he wrote that"
            outer = self._make(cue, sentence_start, "before", right_limit=inner.start())
            speaker = outer.speaker
            if speaker is None or (speaker.pronoun and word != "it"):
                continue  # "She says it underscores that …": she speaks, not it
            holder = next(
                (p for p in self.people.people_in(self.segment.index, sentence_start, inner.start())
                 if (p.start, p.end) == (speaker.start, speaker.end)),
                None,
            )
            if holder is not None and sex and not self.people.compatible(holder, sex):
                return None  # "Smith said she called it “…”": she is someone else
            return outer
        return None

    def _subject(self, sentence_start: int, quote_start: int) -> Attribution | None:
        """A quotation inside a sentence whose subject is a person, pronoun or named body and whose
        verb is outside the lexicon: “He applauded the decision to drop Inco, “a super stock”."""
        match = SUBJECT.match(self.masked, sentence_start, quote_start)
        if match and _not_a_subject(match.group("np")):  # "On Monday, Clinton praised …"
            comma = self.masked.find(",", sentence_start, quote_start)
            match = SUBJECT.match(self.masked, comma + 1, quote_start) if comma >= 0 else None
        if not match or _not_a_subject(match.group("np")):
            match = APPOSED_SUBJECT.match(self.masked, sentence_start, quote_start)
            if not match or _not_a_subject(match.group("np")):
                return None
        speaker = self._speaker(match.start("np"), match.end("np"))
        return Attribution(self._span(match.start("verb"), match.end("verb")), speaker, "subject")

    def introduction(self, quote: Quotation) -> Attribution | None:
        """An introducing clause ending with a colon, in this paragraph or the previous one."""
        if not self.opens_paragraph(quote):
            reach = max(0, quote.seg_start - REACH)
            before = self.masked[reach : quote.seg_start].rstrip()
            if not before.endswith(":"):
                return None
            start = max(before.rfind(". "), before.rfind("\n"), 0)
            return self._intro(self, reach + start, reach + len(before) - 1)
        if quote.segment == 0:
            return None
        prev_segment = self.analysis.doc.segments[quote.segment - 1]
        prev_text = prev_segment.text.rstrip()
        if not prev_text.endswith(":"):
            return None
        finder = _Finder(self.analysis, prev_segment, prev_text, self.cue_lex(), self.people)
        sentences = [s for s in self.analysis.sentences_of(prev_segment.index)]
        start = sentences[-1].start if sentences else 0
        return self._intro(finder, start, len(prev_text) - 1)

    def previous_sentence(self, quote: Quotation, sentence_start: int) -> Attribution | None:
        """A quotation that opens a sentence after one reporting someone's words (Smith said the
        plan was late. “We will finish it.”) belongs to that speaker."""
        finder, start, end = self, -1, sentence_start
        if sentence_start > self._first_word:
            sentences = self.analysis.sentences_of(self.segment.index)
            k = self._sentence_index(sentences, sentence_start - 1)
            start = sentences[k].start if k >= 0 else 0
        elif quote.segment > 0:
            prev = self.analysis.doc.segments[quote.segment - 1]
            if prev.kind != "prose":
                return None
            sentences = self.analysis.sentences_of(prev.index)
            if not sentences:
                return None
            finder = _Finder(self.analysis, prev, prev.text, lexicons(), self.people)
            start, end = sentences[-1].start, sentences[-1].end
        if start < 0:
            return None
        start = max(start, end - REACH)
        cues = finder._cues_in(start, end)
        for cue in cues:
            if cue.group().lower() not in NOT_SPEECH and not NEGATED_BEFORE.search(
                finder.masked, max(start, cue.start() - 40), cue.start()
            ):
                attribution = finder._make(cue, start, "previous", right_limit=end)
                if attribution.speaker is not None:
                    return attribution
        # "Robert Tapsfield criticised the system. “There is no logic …”": the sentence before
        # introduces the speaker as its subject; in the paragraph before, only with a verb that can
        # introduce speech, not one that only states something ("However, Pesch entered a bid.")
        match = SUBJECT.match(finder.masked, start, end)
        if match and finder is not self and match.group("verb").lower() in NOT_INTRODUCING:
            return None
        if match and _not_a_subject(match.group("np")):
            comma = finder.masked.find(",", start, end)
            match = SUBJECT.match(finder.masked, comma + 1, end) if comma >= 0 else None
        if not match or _not_a_subject(match.group("np")):
            return None
        np_start, np_end = match.start("np"), match.end("np")
        words = match.group("np").split()
        person = finder.people.person_at(finder.segment.index, np_start, np_end)
        head = words[-1].lower()
        if (
            person is None
            and head not in PRONOUNS - {"it"}
            and head.rstrip("s") not in SOURCE_NOUNS
            and head not in finder.cue_lex().office_words  # "The mayor posted on social media."
        ):
            return None
        cue_span = finder._span(match.start("verb"), match.end("verb"))
        return Attribution(cue_span, finder._speaker(np_start, np_end), "previous")

    @staticmethod
    def _sentence_index(sentences: list, offset: int) -> int:  # type: ignore[type-arg]
        return bisect_right(sentences, offset, key=lambda s: s.start) - 1

    def cue_lex(self) -> Lexicons:
        return lexicons()

    @staticmethod
    def _intro(finder: _Finder, start: int, colon: int) -> Attribution | None:
        cues = finder._cues_in(start, colon)
        if cues:
            return finder._make(cues[-1], start, "intro", right_limit=colon)
        cue = finder._span(colon, colon + 1)
        person = finder.people.person_at(finder.segment.index, start, colon)
        speaker = finder._speaker(person.seg_start, person.seg_end) if person else None
        if speaker is None:  # "The minister deflected: “…”": the clause's subject introduces it
            subject = SUBJECT.match(finder.masked, start, colon)
            if subject and _speaking_subject(subject.group("np")):
                speaker = finder._speaker(subject.start("np"), subject.end("np"))
        return Attribution(cue, speaker, "intro")

    def _is_cue(self, match: CueMatch) -> bool:
        word = match.group().lower()
        before = self.masked[max(0, match.start() - 20) : match.start()]
        after = self.masked[match.end() : match.end() + 4]
        if (
            (word.endswith("ed") or word in ("said", "told", "thought", "found", "written"))
            and PASSIVE.search(before)
            and not after.startswith(" by")
        ):
            return (
                word in ("quoted", "asked", "told")
                and "as saying" in self.masked[match.end() : match.end() + 60]
            )
        if word == "said" and SAID_TO.match(self.masked, match.end()):
            return False  # "said to be worth", not "said to the TV"
        if (
            " " not in word
            and POSSESSIVE_BEFORE.search(before)
            and not re.match(r"\s+that\b|:", self.masked[match.end() : match.end() + 6])
        ):
            return False  # a noun after a possessive: "Trump’s tweet" (but "Trump’s claim that")
        if (
            word.endswith("s")
            and self.masked.startswith(" of ", match.end())
            and PREPOSITION_BEFORE.search(before)
        ):
            return False  # a noun: "with chants of", "amid claims of" (not "says of Clinton")
        if word.endswith("s") and re.search(
            r"(?i)\b(?:the|a|an|its|their|his|her|our|of|these|those)\s+$", before
        ):
            return False  # a noun: "one of the states", "the report"
        if " " not in word and NOUN_BEFORE.search(before):
            return False  # a noun after a determiner: "the state auditor", "a statement"
        if match.group()[:1].isupper() and (
            (NAME_BEFORE.search(before) and not SENTENCE_END_BEFORE.search(before))
            or before.endswith(" of ")
        ):
            return False  # part of a name: "the United States", "Secretary of State"
        if word in ("read", "reads") and (
            re.search(r"[”\"],?\s*$", before)
            or re.match(r"[,:]\s*[“\"]", self.masked[match.end() : match.end() + 4])
        ):
            return True
        return not (
            word in ("read", "reads")
            and not re.search(
                r"(?i)\b(?:sign|statement|note|letter|article|report|release|email|memo|caption|"
                r"headline|message|post|tweet|banner|order|ruling|filing|complaint|indictment|"
                r"motion|judgment|judgement|decision|document|minutes|transcript|notice|placard|"
                r"plaque|inscription|card|warrant|affidavit|petition|resolution|text|label|"
                r"poster|leaflet|flyer|citation|summons|lawsuit|opinion)\s*$",
                before,
            )
        )

    def _make(
        self, cue: CueMatch, lo: int, how: str, right_limit: int | None = None
    ) -> Attribution:
        cue_span = self._span(cue.start(), cue.end())
        if cue.group().lower().endswith("as saying"):  # "quoted the president as saying"
            verb = list(
                re.finditer(
                    r"(?i)\b(?:quoted|quotes|quoting|cited|cites)\b", self.masked[lo : cue.start()]
                )
            )
            lo = lo + verb[-1].end() if verb else lo
        participle = cue.group().lower().endswith("ing")
        possessor = POSSESSIVE_BEFORE.search(self.masked, max(lo, cue.start() - 60), cue.start())
        if possessor:  # "the senator’s claim that “…”": the possessor speaks
            chunk = self.masked[lo : possessor.end()].rstrip()[:-2]
            found = self._possessor(lo, chunk)
            if found is not None:
                return Attribution(cue_span, found, how)
        speaker = self._left_speaker(lo, cue.start(), participle)
        if speaker is None and participle and how == "before":
            # "…, calling the plan “reckless”": the one calling speaks, not the plan
            speaker = self._main_clause_speaker(lo, cue.start()) or self._clause_subject(
                lo, cue.start()
            )
            if speaker is not None:
                return Attribution(cue_span, speaker, how)
        if (
            how == "before"
            and speaker is None
            and not participle
            and self.masked[cue.end() : cue.end() + 60].find(" as ") >= 0
            and "“" not in self.masked[cue.end() : cue.end() + 3]
        ):
            return Attribution(
                cue_span, None, how
            )  # "blasted Clinton as a “disgrace”": not Clinton
        if speaker is None or cue.group().lower().startswith("according"):
            speaker = self._right_speaker(cue.end(), right_limit) or speaker
        if speaker is None and cue.group().lower().endswith("ing"):  # …, adding that “…”
            speaker = self._main_clause_speaker(lo, cue.start())
        return Attribution(cue_span, speaker, how)

    def _main_clause_speaker(self, lo: int, end: int) -> Speaker | None:
        """The speaker of an earlier cue in the sentence, else the nearest person before ``end``."""
        sentence_start = max(self._sentence_start(lo), end - REACH)
        earlier = self._cues_in(sentence_start, end)
        for match in reversed(earlier):
            speaker = self._left_speaker(sentence_start, match.start()) or self._right_speaker(
                match.end(), end
            )
            if speaker is not None:
                return speaker
        person = self.people.person_before(self.segment.index, end)
        if (
            person is not None
            and person.segment == self.segment.index
            and person.seg_start >= sentence_start
        ):
            return self._speaker(person.seg_start, person.seg_end)
        return None

    def _clause_subject(self, lo: int, end: int) -> Speaker | None:
        """The subject of the sentence a verb phrase belongs to: a pronoun or person before it."""
        sentence_start = self._sentence_start(lo)
        window = self.masked[sentence_start:end]
        pronoun = None
        for match in re.finditer(r"\b(?:he|she|they|He|She|They)\b", window):
            pronoun = match
        person = self.people.person_before(self.segment.index, end)
        if person is not None and (
            person.segment != self.segment.index or person.seg_start < sentence_start
        ):
            person = None
        if pronoun and (person is None or sentence_start + pronoun.start() > person.seg_start):
            return self._speaker(sentence_start + pronoun.start(), sentence_start + pronoun.end())
        if person is not None:
            return self._speaker(person.seg_start, person.seg_end)
        head = re.match(
            r"\s*((?:[A-Z][\w’'.-]*|the|The|a|A|an|An)(?:\s+[A-Z][\w’'.-]*){0,5})", window
        )
        if not head or _not_a_subject(head.group(1)):
            return None
        return self._speaker(sentence_start + head.start(1), sentence_start + head.end(1))

    def _sentence_start(self, offset: int) -> int:
        sentences = self.analysis.sentences_of(self.segment.index)
        starts = [s.start for s in sentences] if len(sentences) < 64 else None
        if starts is None:
            from bisect import bisect_right as _br

            k = _br(sentences, offset, key=lambda s: s.start) - 1
        else:
            k = bisect_right(starts, offset) - 1
        return sentences[k].start if k >= 0 else 0

    def _left_speaker(self, lo: int, cue_start: int, participle: bool = False) -> Speaker | None:
        chunk = PARENTHETICAL.sub(lambda m: " " * len(m.group()), self.masked[lo:cue_start])
        cut = max(chunk.rfind(c) for c in '“”"‘:;(—–')
        base = lo + cut + 1
        chunk = chunk[cut + 1 :]
        chunk = _strip_trailing(chunk)
        if not chunk.strip():
            return None
        if chunk.rstrip().endswith(","):  # "Grant Shapps, the defence secretary, said"
            parts = chunk.rstrip()[:-1].split(",")
            if participle:
                return None  # "…, Trump attacked Clinton in Libya, saying": the main clause speaks
            if len(parts) >= 2:
                parts = parts[:-1]
                while len(parts) >= 2 and POSTNOMINAL.fullmatch(parts[-1].strip()):
                    parts = parts[:-1]  # "Jayapal, D-Wash., chair of …, said"; "Moreau, 73, a …"
                chunk = ",".join(parts)
        last_comma = chunk.rfind(",")
        if last_comma >= 0:
            base += last_comma + 1
            chunk = chunk[last_comma + 1 :]
        lead = LEADING_FILLER.match(chunk.lstrip())
        offset = len(chunk) - len(chunk.lstrip()) + (lead.end() if lead else 0)
        chunk = chunk[offset:].rstrip()
        words = NP_WORD.findall(chunk)
        if not words:
            return None
        start = base + offset
        if participle:  # "ends with the candidate saying": the noun phrase next to the participle
            tail = list(NP_WORD.finditer(chunk))
            cut = max((k for k, w in enumerate(tail) if w.group().lower() in PREPOSITIONS), default=-1)
            whole = self.people.person_at(self.segment.index, start, start + len(chunk))
            near = cut >= 0 and self.people.person_at(
                self.segment.index, start + tail[min(cut + 1, len(tail) - 1)].start(), start + len(chunk)
            )
            if (
                0 <= cut < len(tail) - 1
                and tail[-1].group().lower() not in FUNCTION_WORDS
                and (near or (whole is None and tail[cut + 1].group().lower() in DETERMINERS))
            ):  # but "Trump unleashed a series of tweets saying": Trump, the person in the clause
                start += tail[cut + 1].start()
                chunk = chunk[tail[cut + 1].start() :]
                words = words[cut + 1 :]
            elif len(words) > 2 and not _not_a_subject(chunk):
                subject_end = self._leading_subject(tail)  # "Mendes posted messages on Friday saying"
                if subject_end is not None:
                    return self._speaker(start, start + subject_end)
        if words[-1].lower() in PRONOUNS:  # "what she called", "in which he said"
            last = list(NP_WORD.finditer(chunk))[-1]
            return self._speaker(start + last.start(), start + last.end())
        first = words[0]
        has_person = (
            self.people.person_at(self.segment.index, start, start + len(chunk)) is not None
        )
        if first.lower() in AUXILIARIES or (
            first[:1].islower()
            and first.lower() not in DETERMINERS
            and first.lower() not in PRONOUNS
            and not first[:1].isdigit()
            and not has_person
            and not _source_noun(first)
        ):
            # a verb phrase: "appeared on MSNBC and began by"
            return self._clause_subject(lo, start)
        person = self.people.person_at(self.segment.index, start, start + len(chunk))
        last_person = None
        while person is not None:  # the person mention nearest the cue
            last_person = person
            person = self.people.person_at(self.segment.index, person.seg_end, start + len(chunk))
        if last_person is not None and (len(words) > 8 or words[0].lower() in PREPOSITIONS):
            return self._speaker(last_person.seg_start, last_person.seg_end)
        if (
            len(words) > 10
            or words[0].lower() in PREPOSITIONS
            or words[0].lower() in FUNCTION_WORDS
        ):
            return self._tail_np(start, chunk)
        return self._speaker(start, start + len(chunk))

    @staticmethod
    def _leading_subject(words: list[re.Match[str]]) -> int | None:
        """Where the subject that opens a clause ends: a run of capitalised words ("Sofia
        Mendes"), or a determiner and a source noun within three words ("The spokesman");
        None when the clause has no such subject before other words."""
        if words[0].group().lower() in DETERMINERS:
            for k in range(1, min(4, len(words) - 1)):
                if _source_noun(words[k].group()):
                    return words[k].end()
            return None
        k = 0
        while k + 1 < len(words) and words[k + 1].group()[:1].isupper() and k < 3:
            k += 1
        if not words[0].group()[:1].isupper() or k + 1 >= len(words):
            return None
        return words[k].end()

    def _possessor(self, start: int, chunk: str) -> Speaker | None:
        """The noun phrase that ends ``chunk`` (before a possessive): from its determiner ("the
        senator"), else its run of capitalised words ("Donald Trump")."""
        words = list(NP_WORD.finditer(chunk))[-4:]
        if not words:
            return None
        first = len(words) - 1
        determiner = [k for k, w in enumerate(words) if w.group().lower() in DETERMINERS]
        if determiner:
            first = determiner[-1]
        else:
            while first > 0 and words[first - 1].group()[:1].isupper():
                first -= 1
        return self._speaker(start + words[first].start(), start + words[-1].end())

    def _tail_np(self, start: int, chunk: str) -> Speaker | None:
        """The last few words of a long clause: the noun phrase next to the cue."""
        words = list(NP_WORD.finditer(chunk))[-4:]
        for k, word in enumerate(words):  # start at a determiner or a capital: "the minister"
            if word.group().lower() in DETERMINERS or word.group()[:1].isupper():
                words = words[k:]
                break
        if words[-1].group().lower() in FUNCTION_WORDS:
            return None
        return self._speaker(start + words[0].start(), start + words[-1].end())

    def _right_speaker(self, start: int, limit: int | None) -> Speaker | None:
        end = limit if limit is not None else min(len(self.masked), start + 120)
        window = self.masked[start:end]
        stop = RIGHT_STOP.search(window)
        chunk = window[: stop.start()] if stop else window
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        words = NP_WORD.findall(chunk)
        if len(words) > 8:  # "said Maria Lopez with the Amalgamated Transit Union Local 241"
            head = RIGHT_HEAD.match(chunk)
            chunk = head.group(1) if head else ""
            words = NP_WORD.findall(chunk)
        if not words:
            return None
        return self._speaker(start + lead, start + lead + len(chunk))

    def _speaker(self, start: int, end: int) -> Speaker | None:
        text = self.text[start:end]
        while text and text[-1] in ",.’' ":
            text, end = text[:-1], end - 1
        if not text:
            return None
        index = self.segment.index
        s, e = self.segment.source_span(start, end)
        lowered = text.lower()
        if lowered in PRONOUNS:
            resolved = None
            if lowered in PERSONAL_PRONOUNS:
                person = self._antecedent(index, start, "m" if lowered == "he" else "f")
                resolved = (person.full_name or person.name) if person else None
            return Speaker(s, e, text, resolved, pronoun=True)
        person = self.people.person_at(index, start, end)
        if person is not None and _speaks_for(self.text, start, end, person):
            person = None  # "a spokesperson for Secretary Cho" is not Cho
        resolved = (person.full_name or None) if person else None
        return Speaker(s, e, text, resolved)

    def _sentence_of(self, person: Person) -> Sentence:
        sentences = self.analysis.sentences_of(person.segment)
        return sentences[max(0, self._sentence_index(sentences, person.seg_start))]

    def _sentence_before(self, person: Person, segment: int, start: int) -> bool:
        """Whether ``person`` is named in the sentence holding (segment, start) or the one before
        it, which may end the paragraph before."""
        theirs = self.analysis.sentences_of(person.segment)
        here = self._sentence_index(self.analysis.sentences_of(segment), start)
        there = self._sentence_index(theirs, person.seg_start)
        if person.segment == segment:
            return here - there in (0, 1)
        return person.segment == segment - 1 and there == len(theirs) - 1 and here <= 0

    def _antecedent(self, segment: int, start: int, sex: str) -> Person | None:
        """The person a he/she speaker stands for: the nearest compatible person before it; when
        that one is in an earlier sentence, that sentence's first compatible person (its subject,
        not a person it mentions in passing: "Perdue said … did Romney in. “…,” he said")."""
        person = self.people.person_before(segment, start, sex)
        relative = self.people.relative_before(segment, start, sex)
        if relative is not None and self._sentence_before(relative, segment, start) and (
            person is None or (relative.segment, relative.seg_start) > (person.segment, person.seg_start)
        ):  # "His wife, Carla, sat behind him. “…,” she told reporters": the nearest is Carla, if
            # named in the sentence before (a wife named in passing earlier is no speaker)
            sentence = self._sentence_of(relative)
            if not any(self.people.compatible(p, sex)
                       for p in self.people.people_in(relative.segment, sentence.start, relative.seg_start)):
                return relative  # unless a person of her sex leads its sentence ("Ann Lee and her daughter, Ana")
        if person is None:
            return None
        sentences = self.analysis.sentences_of(person.segment)
        k = bisect_right(sentences, person.seg_start, key=lambda s: s.start) - 1
        if k < 0:
            return person
        sentence = sentences[k]
        if person.segment == segment and sentence.end > start:
            return person  # in the pronoun's own sentence: the nearest
        for candidate in self.people.people_in(person.segment, sentence.start, sentence.end):
            if self.people.compatible(candidate, sex):
                return candidate
        return person

    def _span(self, start: int, end: int) -> SpanText:
        s, e = self.segment.source_span(start, end)
        return SpanText(s, e, self.text[start:end])


NOT_SUBJECTS = (
    PREPOSITIONS
    | FUNCTION_WORDS
    | frozenset(
        "all my our your only meanwhile though after before there here this these those such many "
        "most "
        "some few both each every no not".split()
    )
)


def _source_noun(word: str) -> bool:
    """A noun that names who speaks ("officials", "police", "mayor")."""
    lowered = word.lower()
    return lowered.rstrip("s") in SOURCE_NOUNS or lowered in lexicons().titles or lowered in (
        "police", "people", "residents", "experts", "critics", "witnesses", "officials")


def _speaking_subject(np: str) -> bool:
    """A subject that can introduce speech: a pronoun or a noun phrase whose head is a source
    noun or a title ("The minister", "Her spokesman"), not "The reasons"."""
    words = np.lower().split()
    if not words or _not_a_subject(np):
        return False
    head = words[-1]
    return head in PRONOUNS or _source_noun(head)


def _not_a_subject(np: str) -> bool:
    """Whether a capitalised sentence opening is an adverbial ("On Monday", "After") or a
    determiner phrase that cannot say who spoke."""
    words = np.split()
    return (
        not words
        or words[0].lower() in NOT_SUBJECTS
        or (len(words) == 1 and words[0].lower() in ("a", "an", "the"))
    )


def _strip_trailing(chunk: str) -> str:
    previous = None
    while previous != chunk:
        previous = chunk
        chunk = _without_filler(chunk.rstrip()) if chunk.strip() else chunk
        chunk = _without_contraction(chunk)  # "He’s claiming": the speaker is "He"
    return chunk


# Both patterns are anchored at the end, and Python tries such a pattern at every position of the
# text (a clause before a cue may run to hundreds of characters): each is searched for in the
# short tail where a match can start, with the result of ``.sub`` on the whole text.


def _without_filler(chunk: str) -> str:
    """``TRAILING_FILLER.sub("", chunk)`` for a chunk that ends with no white space. A match is a
    comma or white space, then a word or "has since" that ends the chunk: it starts within the
    last two words (a comma) or the white space before them."""
    words = chunk.rsplit(None, 2)
    tail = len(words[0]) if len(words) == 3 else 0
    found = TRAILING_FILLER.search(chunk, tail)
    return chunk if found is None else chunk[: found.start()]


CONTRACTION_REACH = len("they’re\n")  # the longest match, and the newline ``$`` may stand before


def _without_contraction(chunk: str) -> str:
    """``PRONOUN_CONTRACTION.sub(r"\1", chunk)``: a match ends the chunk (or stands before a
    newline that does), so it starts in its last few characters."""
    found = PRONOUN_CONTRACTION.search(chunk, max(0, len(chunk) - CONTRACTION_REACH))
    if found is None:
        return chunk
    return chunk[: found.start()] + found.group(1) + chunk[found.end() :]


def _unquoted(analysis: Analysis, sentence: Sentence) -> str:
    """A sentence's text with its quotations' words blanked (a "said" inside is no cue)."""
    text = sentence.text
    for quote in analysis.quotations_in(sentence.segment):
        a, b = max(quote.seg_start, sentence.start), min(quote.seg_end, sentence.end)
        if a < b:
            a, b = a - sentence.start, b - sentence.start
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def speaker_in_context(analysis: Analysis, quote: Quotation) -> bool:
    """Whether a sentence next to the quotation's sentence names or points at a speaker: a person,
    a he/she/they/we subject or a source such as "the report" or "the minutes". A quotation framed
    like that is identifiable by context even without a reporting verb of its own."""
    sentences = analysis.sentences_of(quote.segment)
    k = bisect_right(sentences, quote.seg_start, key=lambda s: s.start) - 1
    neighbours = []
    if k > 0:
        neighbours.append(sentences[k - 1])
    elif quote.segment > 0:
        previous = analysis.sentences_of(quote.segment - 1)
        neighbours.extend(previous[-1:])
    end = max(bisect_right(sentences, quote.seg_end - 1, key=lambda s: s.start) - 1, k)
    if end + 1 < len(sentences):
        neighbours.append(sentences[end + 1])
    people = analysis.people_index
    cues = lexicons().cue_pattern
    for sentence in neighbours:
        # a name or pronoun next door attributes only as the subject of a reporting verb there
        if not _affirmed_cue(cues, _unquoted(analysis, sentence)):
            continue
        if people.person_at(sentence.segment, sentence.start, sentence.end) is not None:
            return True
        words = [w.lower().strip("’'") for w in NP_WORD.findall(sentence.text[:80])]
        if any(w in ("he", "she", "they", "we") for w in words[:4]):
            return True
        if any(w.rstrip("s") in SOURCE_NOUNS for w in words[:6]):
            return True
    return False


def _speaks_for(text: str, start: int, end: int, person: Person) -> bool:
    """Whether the person named inside a speaker [start, end) is someone the speaker speaks for or
    stands beside, not the speaker: "a friend of Ann Lee", "a spokesperson for Secretary Cho",
    "Cho's spokesman"."""
    if POSSESSIVE_AFTER.match(text, person.seg_end, end):
        return True
    before = PROXY_BEFORE.search(text, start, max(start, person.seg_start))
    return before is not None and before.group("noun").lower() in proxy_nouns()


@lru_cache(maxsize=1)
def proxy_nouns() -> frozenset[str]:
    return frozenset(read_lines(data_path("proxy-nouns.txt")))


def _affirmed_cue(cues: CueScanner, text: str) -> bool:
    """Whether the text has a reporting cue that is not denied ("did not respond")."""
    return any(
        not NEGATED_BEFORE.search(text, max(0, cue.start() - 40), cue.start())
        for cue in cues.finditer(text)
    )


def framed_as_quotes(doc: Document, framing: list[str]) -> bool:
    """An interview transcript (paragraphs opening with ':' or 'Q:') or an article whose headline
    frames it as someone's words ("in quotes", "in his own words", "extracts from")."""
    segments = doc.segments
    if any(re.match(r"\s*(?::|[QA]\s*[:.)-])", s.text) for s in segments if s.kind == "prose"):
        return True
    head = " ".join(s.text.lower() for s in segments[:2])
    return any(phrase in head for phrase in framing)
