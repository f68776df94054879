"""The unknown-word kind: the engine's spelling lints, minus names and house vocabulary."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from factlint.analysis.typos import TypoModel, word_uses, zipf
from factlint.checks.grammar import reportable
from factlint.kinds.base import Kind, Options
from factlint.records import check_bounds, describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.engines.vocab import Vocabulary
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class UnknownWordOptions(Options):
    """How the unknown-word rule recognises names."""

    document_names: bool = describe("Accept words the draft uses as proper names", default=True)
    acronyms: bool = describe("Accept all-capital words (HOLR, NATO)", default=True)
    likely_slips: bool = describe(
        "Report only a likely slip for a far more common word (word frequencies)",
        default=True,
    )
    common: float = describe("Zipf frequency from which a lower-case word is known", default=3.0)
    gap: float = describe("How much more common (Zipf) the correction must be", default=2.0)
    name_gap: float = describe("The same for a capitalised word (it may be a name)", default=2.5)
    short_gap: float = describe("The same for a known word of four letters or fewer", default=3.0)
    repeats: int = describe(
        "Uses in one document that make a word deliberate", default=3, minimum=1
    )
    prefixes: tuple[str, ...] = describe("Prefixes of deliberate coinages (over-, dis-)", default=())
    suffixes: tuple[str, ...] = describe("Inflections of deliberate coinages (-s)", default=())
    compound_suffixes: tuple[str, ...] = describe(
        "More inflections in a part of a hyphenated compound (four-engined)",
        default=(),
    )

    def __post_init__(self) -> None:
        check_bounds(self)


class UnknownWord(Kind[UnknownWordOptions]):
    """Report words the engine does not know, unless they are names or house vocabulary."""

    name = "unknown-word"
    options_model = UnknownWordOptions
    defers: ClassVar[bool] = True

    def prepare(self, doc: Document) -> None:
        from factlint.engines import prepare_document

        # Not wordfreq's table (0.1 s): most drafts have no unknown word to test, and once the
        # build starts at launch (launch.py) the dictionary is mostly ready when this runs.
        prepare_document(doc, self.settings)

    def check(self, doc: Document) -> Iterator[Finding]:
        from factlint.analysis.proper_names import established_names, strip_possessive
        from factlint.engines import document_lints
        from factlint.engines.vocab import vocabulary

        vocab = vocabulary(self.settings)
        names: frozenset[str] | None = None  # computed for the first spelling lint only: with
        # grammar off (or a clean draft) there is none, and the names cost a pass over the words
        uses: Counter[str] | None = None
        model = self._model()
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
            if _abbreviation(item.segment.text, item.start, item.end, word):
                continue  # a table label before a figure (shr 6.23), a short form in brackets (bpd)
            if _mentioned(item.segment.text, item.start, item.end):
                continue  # a term in scare quotes, or part of a known compound (touchy-feely)
            if _not_prose(item.segment.text, item.start, item.end, word):
                continue  # a web address (blinkx.tv), a table row, a name in brackets in a list
            if not reportable(doc, item, self._zones(), quotes=False):
                continue
            if model is None:
                fixes = list(item.lint.suggestions)
            else:
                if uses is None:
                    uses = word_uses(doc.text)
                text = item.segment.text
                hyphenated = "-" in (text[item.start - 1 : item.start] + text[item.end : item.end + 1])
                likely = model.correction(
                    word, item.lint.suggestions, uses[word.lower()], item.segment.kind != "prose",
                    hyphenated,
                )
                if likely is None:
                    continue  # a name, a coinage or a rare real word: no slip for a common word
                fixes = [likely, *(fix for fix in item.lint.suggestions if fix != likely)]
            shown = ", ".join("'" + fix + "'" for fix in fixes[:3])
            hint = f" (did you mean {shown}?)" if fixes else ""
            yield self.finding(
                doc, item.source_start, item.source_end, suggestions=fixes, hint=hint,
                engine_message=item.lint.message, engine_rule=item.lint.rule, word=word,
            )
        yield from self._rejected(doc, vocab)

    def _zones(self) -> frozenset[str]:
        """The rule's scope, less quotations when [grammar] check-quotes-spelling is false."""
        quotes = self.settings.config.grammar.check_quotes_spelling
        return self.scope if quotes else self.scope - {"quotes"}

    def _model(self) -> TypoModel | None:
        """The slip test with this rule's thresholds, or None when it is switched off."""
        o = self.options
        if not o.likely_slips:
            return None
        return TypoModel(
            common=o.common, gap=o.gap, name_gap=o.name_gap, short_gap=o.short_gap,
            repeats=o.repeats, prefixes=o.prefixes, suffixes=o.suffixes,
            compound_suffixes=o.compound_suffixes,
        )

    def _rejected(self, doc: Document, vocab: Vocabulary) -> Iterator[Finding]:
        """Terms on the house reject list, wherever the engine stands on them."""
        scope = self._zones()
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


def _abbreviation(text: str, start: int, end: int, word: str) -> bool:
    """A short lower-case word that labels a figure ("Oper shr 6.23 dlrs") or stands alone in
    brackets after what it abbreviates ("barrels a day (bbd)"): a short form, not a slip."""
    if not (word.islower() and word.isalpha() and len(word) <= UNIT_LENGTH + 1):
        return False
    after = text[end:].lstrip(" ")
    return after[:1].isdigit() or (text[start - 1 : start] == "(" and after[:1] == ")")


OPENING = "\"“‘'"
CLOSING = "\"”’'"


def _mentioned(text: str, start: int, end: int) -> bool:
    """A word the writer marks as a term: alone in quotation marks ("spyriders", "touchy-feely":
    coinages and jargon held at arm's length), or part of a hyphenated compound that the word
    list knows whole (touchy-feely, hocus-pocus), which a slip inside it would not be."""
    begin, stop = _run(text, start, end)
    token = text[begin:stop].rstrip(".,;:!?)")
    if len(token) > 2 and token[0] in OPENING and token[-1] in CLOSING:
        return True
    compound = token.strip(OPENING + CLOSING + "(")
    return "-" in compound and zipf(compound.lower()) > 0


DOMAIN = re.compile(r"\.[a-z]{2,}\b")
SENTENCE_END = frozenset(".!?:;\"”")
ROW_WORDS = 12  # words in a line of a table (results, team lists) at most


def _not_prose(text: str, start: int, end: int, word: str) -> bool:
    """A word in a web address (blinkx.tv); in a line of a table, short, with a figure and no
    sentence end ("Oper shr profit 14 cts vs loss 45 cts"); or a capitalised word alone in
    brackets after a name ("Julien Laharrague (Brive)": a club or a party in a list)."""
    if DOMAIN.match(text, end):
        return True
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    line = text[begin : stop if stop >= 0 else len(text)].strip()
    if (any(ch.isdigit() for ch in line) and len(line.split()) <= ROW_WORDS
            and line[-1:] not in SENTENCE_END):
        return True
    if word[:1].isupper() and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        before = text[max(0, start - 60) : start - 1].split()
        return bool(before) and before[-1][:1].isupper()  # after a name: Laharrague (Brive)
    return False


def _run(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of non-space characters around [start, end)."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _with_digits(text: str, start: int, end: int) -> bool:
    """Whether the run of non-space characters around [start, end) contains a digit."""
    begin, stop = _run(text, start, end)
    return any(ch.isdigit() for ch in text[begin:stop])
