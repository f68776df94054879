"""consistency/style: house-style choices kept throughout (per cent, hyphens, dates, numbers,
quotation marks)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Literal

from factlint.analysis.fastregex import CandidateScan, re2
from factlint.kinds.base import Kind, Options, related_at
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.analysis import Hit
    from factlint.document import Document
    from factlint.finding import Finding

Family = Literal["percent", "hyphenation", "dates", "numbers", "quotes"]
FAMILY_NAMES: tuple[Family, ...] = ("percent", "hyphenation", "dates", "numbers", "quotes")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
PERCENT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?:(%)|( per cent| percent)\b)")
DMY = re.compile(rf"(?<![\w,.])(\d{{1,2}}) ({MONTHS})(?: (\d{{4}}))?\b(?!,? \d)")
MDY = re.compile(rf"\b({MONTHS}) (\d{{1,2}})(?:, (\d{{4}}))?(?!\w|[,.]\d|,? \d|:)")
GROUPED = re.compile(r"(?<![\w.,/-])[1-9]\d{0,2}(?:,\d{3})+(?![\w/-]|[.,]\d)")
# A bare number only counts before a plural noun or after a currency sign: "flight 20045" and
# "the 68000 microprocessor" are codes, "12000 households" and "£15000" are quantities.
BARE = re.compile(
    r"(?<![\w.,/£$€-])[1-9]\d{4,}(?= [a-z]+s\b| (?:people|men|women|children|staff|police)\b)"
    r"|(?<=[£$€])[1-9]\d{4,}(?![\w/-]|[.,]\d)"
)
HYPHENATED = CandidateScan(  # RE2 finds the few hyphenated words; re checks their edges
    r"(?<![\w’'-])([a-z]+)-([a-z]{2,})\b(?![\w’'-])(?:(?= ([a-z]+)))?",
    r"[a-z]+-[a-z]{2,}",
)
# Words before an open pair that make it a clause, not a compound ("who paid for results").
CLAUSE_WORDS = frozenset(
    "who which that he she it they we i you has have had was were is are be".split()
)
DOUBLE = re.compile(r"[\"“”]")
SINGLE = re.compile(r"(?<=\w)['’](?=\w)")  # apostrophes inside words: don't, Shapps's
# "\d,\d{3}" found from its comma (a literal re can skip to), and "\d{5}" spelled out (faster in re)
GROUPED_DIGITS = re.compile(r",(?<=\d,)\d{3}")
FIVE_DIGITS = re.compile(r"\d\d\d\d\d")
# Each family can only be mixed when the raw text holds both kinds of a choice; these tests are
# far cheaper than the patterns above and skip most articles (the patterns cost ~0.7 ms each).
MAY_MIX: dict[str, Callable[[str], bool]] = {
    "percent": lambda t: sum(("%" in t, " per cent" in t, " percent" in t)) >= 2,
    "hyphenation": lambda t: "-" in t,
    "dates": lambda t: _both_date_orders(t),  # each loose date pattern needs a month name
    "numbers": lambda t: bool(GROUPED_DIGITS.search(t) and FIVE_DIGITS.search(t)),
    "quotes": lambda t: any(c in t for c in "\"'") and any(c in t for c in "“”’‘"),
}
# Loose RE2 versions of DMY and MDY (no look-arounds): where these fail, the exact ones must too.
DMY_LOOSE = re2.compile(rf"\p{{Nd}} (?:{MONTHS})") if re2 else None
MDY_LOOSE = re2.compile(rf"(?:{MONTHS}) \p{{Nd}}") if re2 else None


def _both_date_orders(text: str) -> bool:
    if DMY_LOOSE is not None and MDY_LOOSE is not None and not (
        DMY_LOOSE.search(text) and MDY_LOOSE.search(text)
    ):
        return False
    return bool(DMY.search(text) and MDY.search(text))


LABELS = {"%": "%", " per cent": "per cent", " percent": "percent", "dmy": "24 February 2022",
          "mdy": "February 24, 2022", "grouped": "10,000", "bare": "10000",
          "straight": "straight marks", "curly": "curly marks"}


@dataclass(frozen=True)
class Use:
    """One use of a style choice: where, which variant, and how to write it in another."""

    hit: Hit
    variant: str
    render: Callable[[str], str]


@dataclass(frozen=True, kw_only=True)
class StyleOptions(Options):
    """Options of the style kind."""

    families: list[Family] = describe(
        "Which house-style choices to compare",
        default_factory=lambda: list(FAMILY_NAMES),
    )


class StyleConsistency(Kind[StyleOptions]):
    """Flag the minority choice of each style family (ties go to the first seen)."""

    name = "style"
    options_model = StyleOptions
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        for family in self.options.families:
            if not MAY_MIX[family](doc.text):
                continue  # a cheap test on the raw text: this family cannot be mixed here
            uses = list(FAMILIES[family](self, doc))
            groups: dict[str, list[Use]] = defaultdict(list)
            for use in uses:  # "variant:group": each compound, each kind of mark on its own
                groups[use.variant.partition(":")[2]].append(use)
            for members in groups.values():
                yield from self._minority(doc, family, members)

    def _minority(self, doc: Document, family: str, uses: list[Use]) -> Iterator[Finding]:
        uses.sort(key=lambda u: u.hit.source_start)
        order = [u.variant for u in uses]
        counts = Counter(order)
        if len(counts) < 2:
            return
        best = max(counts, key=lambda v: (counts[v], -order.index(v)))
        related = [related_at(doc, u.hit) for u in uses if u.variant == best][:10]
        for use in uses:
            if use.variant != best:
                fix = use.render(best)
                label = LABELS.get(best, best.partition(":")[0])
                yield self.finding_at(doc, use.hit, suggestions=[fix] if fix else [],
                                      related=related, expected=label, family=family)

    def _matches(
        self, doc: Document, pattern: re.Pattern[str] | CandidateScan, needs: str = ""
    ) -> Iterator[tuple[Hit, re.Match[str]]]:
        """Matches in scope, in the segments that hold ``needs`` (a string every match holds:
        each scan has a fixed cost, and most paragraphs hold no hyphen)."""
        analysis = doc.analysis
        for segment in doc.segments:
            if needs not in segment.text:
                continue
            for match in pattern.finditer(segment.text):
                if analysis.in_scope(segment, match.start(), match.end(), self.scope):
                    yield analysis.hit(segment, match.start(), match.end()), match

    def _percent(self, doc: Document) -> Iterator[Use]:
        for hit, m in self._matches(doc, PERCENT):
            yield Use(hit, m[2] or m[3], partial("{0}{1}".format, m[1]))

    def _dates(self, doc: Document) -> Iterator[Use]:
        for hit, m in self._matches(doc, DMY):
            yield Use(hit, "dmy", partial(_date, day=m[1], month=m[2], year=m[3]))
        for hit, m in self._matches(doc, MDY):
            yield Use(hit, "mdy", partial(_date, day=m[2], month=m[1], year=m[3]))

    def _numbers(self, doc: Document) -> Iterator[Use]:
        for hit, _ in self._matches(doc, GROUPED):
            yield Use(hit, "grouped", partial(_number, hit.text))
        for hit, _ in self._matches(doc, BARE):
            yield Use(hit, "bare", partial(_number, hit.text))

    def _hyphenation(self, doc: Document) -> Iterator[Use]:
        """A compound hyphenated and closed (e-mail, email), or open before the same word."""
        compounds: dict[str, set[str]] = defaultdict(set)
        for hit, m in self._matches(doc, HYPHENATED, needs="-"):
            a, b = m[1], m[2]
            compounds[f"{a} {b}"].add(m[3] or "")
            yield Use(hit, f"{a}-{b}:{a}{b}", _compound(hit.text))
        for open_form, followers in compounds.items():
            a, b = open_form.split()
            closed = a + b
            if len(closed) >= 5 and a not in ("re", "un") and closed in doc.analysis.word_keys:
                for token in doc.analysis.tokens_of((closed,))[closed]:
                    segment = doc.segments[token.segment]
                    if token.text.islower() and doc.analysis.in_scope(
                        segment, token.start, token.end, self.scope
                    ):
                        hit = doc.analysis.hit(segment, token.start, token.end)
                        yield Use(hit, f"{closed}:{closed}", _compound(hit.text))
            for hit in doc.analysis.term_hits(open_form, self.scope, case=True):
                after = re.split(r"\s", hit.segment.text[hit.end : hit.end + 30], maxsplit=2)
                before = hit.segment.text[max(0, hit.start - 12) : hit.start].split()
                if before and before[-1].lower() in CLAUSE_WORDS:
                    continue  # "who paid for results": a verb phrase, not a compound
                if len(after) > 1 and after[0] == "" and after[1] in followers - {""}:
                    yield Use(hit, f"{open_form}:{closed}", _compound(hit.text))

    def _quotes(self, doc: Document) -> Iterator[Use]:
        everywhere = frozenset({"prose", "headline", "quotes"})
        for pattern, kind in ((DOUBLE, "double"), (SINGLE, "apostrophe")):
            for segment in doc.segments:
                for m in pattern.finditer(segment.text):
                    if not doc.analysis.in_scope(segment, m.start(), m.end(), everywhere):
                        continue
                    hit = doc.analysis.hit(segment, m.start(), m.end())
                    curly = m.group() not in "\"'"
                    yield Use(hit, ("curly" if curly else "straight") + ":" + kind,
                              partial(_mark, text=segment.text, i=m.start()))


def _number(text: str, variant: str) -> str:
    digits = text.replace(",", "")
    return f"{int(digits):,}" if variant == "grouped" else digits


def _date(variant: str, *, day: str, month: str, year: str | None) -> str:
    if variant == "dmy":
        return f"{day} {month}" + (f" {year}" if year else "")
    return f"{month} {day}" + (f", {year}" if year else "")


def _compound(text: str) -> Callable[[str], str]:
    return lambda variant: variant.partition(":")[0] if variant.partition(":")[0] else text


def _mark(variant: str, *, text: str, i: int) -> str:
    """The quotation mark or apostrophe at text[i] in the other style."""
    mark, curly = text[i], variant.startswith("curly")
    if mark in "'’":
        return "’" if curly else "'"
    if not curly:
        return '"'
    opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-"
    return "“" if opening else "”"


FAMILIES: dict[str, Callable[[StyleConsistency, Document], Iterator[Use]]] = {
    "percent": StyleConsistency._percent,
    "hyphenation": StyleConsistency._hyphenation,
    "dates": StyleConsistency._dates,
    "numbers": StyleConsistency._numbers,
    "quotes": StyleConsistency._quotes,
}
