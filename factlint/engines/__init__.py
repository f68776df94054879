"""Grammar engines behind one interface: Harper (embedded) and LanguageTool (a server).

An engine checks the prose segments of a document and returns lints in code-point offsets of each
segment's text. Engines are heavy, so they are imported and created only when a grammar or spelling
rule asks for them, once per process for each (backend, language, settings), and closed at exit.
The lints of one document are computed once and shared by every grammar and spelling rule.
"""

from __future__ import annotations

import atexit
import datetime as dt
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence

    from factlint.analysis import Analysis
    from factlint.config import GrammarConfig, LimitsConfig, Settings
    from factlint.document import Document, Segment

HARPER_DIALECTS = ("en-GB", "en-US", "en-AU", "en-CA", "en-IN")


@dataclass(frozen=True)
class EngineLint:
    """One problem an engine found, in code-point offsets of the text it was given."""

    start: int
    end: int
    rule: str  # the engine's own rule: Harper "AnA", LanguageTool "EN_A_VS_AN"
    kind: str  # Harper's lint kind ("Miscellaneous") or LanguageTool's category ("GRAMMAR")
    message: str
    suggestions: tuple[str, ...] = ()
    spelling: bool = False  # an unknown word (Harper SpellCheck, LanguageTool misspelling)


@dataclass(frozen=True)
class SegmentLint:
    """An engine lint placed in the document: segment offsets and source offsets."""

    segment: Segment
    start: int
    end: int
    source_start: int
    source_end: int
    lint: EngineLint


@dataclass(frozen=True)
class Text:
    """One piece of prose sent to an engine; headlines and headings get headline treatment."""

    text: str
    headline: bool


@dataclass(frozen=True)
class SpellingExemptions:
    """Words the spelling rule accepts whatever the engine says, so an engine may skip them.

    Harper searches suggestions for every word it does not know, and most of those are names
    (about two in three on the news corpus); the first with no near match costs it about 0.9 s.
    Words with digits (£2bn, 17m/s) are always accepted.
    """

    names: frozenset[str] = frozenset()  # proper names the document establishes
    acronyms: bool = False  # all-capital words (HOLR, NATO)


class Engine(Protocol):
    """What every grammar engine provides."""

    name: str

    def check(
        self, texts: Sequence[Text], exempt: SpellingExemptions = SpellingExemptions()
    ) -> list[list[EngineLint]]:
        """Lints for each text, in code points of that text. Raises FactlintError on failure.

        Spelling lints for words in ``exempt`` may be left out (the spelling rule drops them).
        """
        ...

    def close(self) -> None: ...


_ENGINES: dict[tuple[str, str, str], Engine] = {}
_RESULTS: weakref.WeakKeyDictionary[Analysis, dict[tuple[str, str, str], list[SegmentLint]]] = (
    weakref.WeakKeyDictionary()
)


def get_engine(config: GrammarConfig, language: str) -> Engine | None:
    """The process-wide engine for a backend, language and engine settings (None: backend none)."""
    if config.backend == "none":
        return None
    key = (config.backend, language, _settings_json(config))
    engine = _ENGINES.get(key)
    if engine is None:
        from factlint.engines.stdout_guard import native_stdout_silenced

        with native_stdout_silenced():  # native code may print while it loads
            engine = _new_engine(config, language)
        if not _ENGINES:
            atexit.register(close_all)
        _ENGINES[key] = engine
    return engine


_LANGUAGES: weakref.WeakKeyDictionary[Analysis, dict[int, tuple[Settings, str]]] = (
    weakref.WeakKeyDictionary()
)
_JSON: dict[int, tuple[GrammarConfig, str]] = {}  # id -> the config (kept alive) and its JSON


def _settings_json(config: GrammarConfig) -> str:
    """The engine settings as JSON (part of the cache keys), serialised once per config."""
    known = _JSON.get(id(config))
    if known is None or known[0] is not config:
        known = _JSON[id(config)] = (config, config.model_dump_json())
    return known[1]


def _new_engine(config: GrammarConfig, language: str) -> Engine:
    if config.backend == "harper":
        from factlint.engines.harper import HarperEngine

        return HarperEngine(language, config.harper)
    from factlint.engines.languagetool import LanguageToolEngine

    return LanguageToolEngine(language, config.languagetool)


def close_all() -> None:
    """Close every engine (stops a local LanguageTool server). Registered with atexit."""
    engines = list(_ENGINES.values())
    _ENGINES.clear()
    for engine in engines:
        engine.close()


def document_language(doc: Document, settings: Settings) -> str:
    """The dialect to check in: the house dialect, or with ``auto`` the document's majority
    (counted once per document and config, not for every grammar rule that asks)."""
    if settings.dialect != "auto":
        return settings.dialect
    known = _LANGUAGES.setdefault(doc.analysis, {})
    counted = known.get(id(settings))
    if counted is None or counted[0] is not settings:
        counted = known[id(settings)] = (settings, _majority_dialect(doc, settings))
    return counted[1]


def _majority_dialect(doc: Document, settings: Settings) -> str:
    from factlint.engine import all_specs
    from factlint.kinds.spelling import Spelling
    from factlint.packs import configured_options

    spec = next((s for s in all_specs(settings) if s.id == SPELLING_RULE), None)
    if spec is None:
        return "en-US"
    options = configured_options(spec, settings)
    return Spelling(spec, options, settings).majority_dialect(doc)  # type: ignore[arg-type]


def prepare_document(doc: Document, settings: Settings) -> None:
    """What ``document_lints`` needs before an engine runs, computed ahead (each part is kept per
    document): the dialect to check in and the words the spell check leaves out."""
    if settings.config.grammar.backend != "none":
        document_language(doc, settings)
        spelling_exemptions(doc, settings)


def document_lints(doc: Document, settings: Settings) -> list[SegmentLint]:
    """Every engine lint of a document, mapped to the source; computed once per document."""
    config = settings.config.grammar
    if config.backend == "none":  # no engine: nothing to count the document's dialect for
        return []
    language = document_language(doc, settings)
    key = (config.backend, language, _settings_json(config))
    cache = _RESULTS.setdefault(doc.analysis, {})
    if key not in cache:
        engine = get_engine(config, language)
        cache[key] = [] if engine is None else _run(
            engine, doc, spelling_exemptions(doc, settings), settings.config.limits,
            _reference_date(doc, settings),
        )
    return cache[key]


UNKNOWN_WORD_RULE = "spelling/unknown-word"
SPELLING_RULE = "consistency/spelling"


def spelling_exemptions(doc: Document, settings: Settings) -> SpellingExemptions:
    """What spelling/unknown-word accepts in this document with its options in this config."""
    from factlint.analysis.proper_names import established_names
    from factlint.checks.unknown_word import UnknownWordOptions
    from factlint.engine import all_specs
    from factlint.packs import configured_options

    spec = next((s for s in all_specs(settings) if s.id == UNKNOWN_WORD_RULE), None)
    if spec is None:
        return SpellingExemptions()
    options = configured_options(spec, settings)
    assert isinstance(options, UnknownWordOptions)
    names = established_names(doc) if options.document_names else frozenset()
    return SpellingExemptions(names=names, acronyms=options.acronyms)


def _reference_date(doc: Document, settings: Settings) -> dt.date:
    """The date a date without a year is read against: the story's, else today."""
    from factlint.checks.relative_date import story_date

    return story_date(doc, settings.as_of) or dt.date.today()


def _run(
    engine: Engine, doc: Document, exempt: SpellingExemptions, limits: LimitsConfig,
    reference: dt.date,
) -> list[SegmentLint]:
    from factlint.engines.stdout_guard import native_stdout_silenced
    from factlint.engines.weekdays import CURRENT_YEAR_WEEKDAY_RULES, right_for_story

    found = []
    for batch in _batches(doc, limits):
        texts = [Text(text, segment.kind != "prose") for segment, text, _ in batch]
        with native_stdout_silenced():  # Harper prints debug lines to descriptor 1 on some phrases
            checked = engine.check(texts, exempt)
        for (segment, _, blanked), lints in zip(batch, checked, strict=True):
            for lint in lints:
                start, end = max(0, lint.start), min(len(segment.text), lint.end)
                if blanked and any(start < b_end and b_start < end for b_start, b_end in blanked):
                    continue  # at a word left out (or the spaces that stand for it)
                source_start, source_end = segment.source_span(start, end)
                if _markup_artefact(segment.text[start:end], end - start, source_end - source_start):
                    continue
                if not lint.spelling and (
                    (segment.kind == "dateline" and _on_dateline_dash(segment.text, start, end))
                    or _beside_wire_tag(doc.text, source_start, source_end)
                    or (lint.rule not in BRACKET_RULES and _lineup(segment.text))
                    or (lint.rule in CONTRACTION_RULES
                        and _full_name_part(doc.text, segment.text[start:end]))
                    or (lint.rule in SENTENCE_START_RULES and _continues_paragraph(doc, segment, start))
                    or _misread_convention(segment.text, start, end, lint.rule)
                    or (lint.rule in CURRENT_YEAR_WEEKDAY_RULES
                        and right_for_story(segment.text, start, reference))
                ):
                    continue
                found.append(SegmentLint(segment, start, end, source_start, source_end, lint))
    return found


Batch = list[tuple["Segment", str, list[tuple[int, int]]]]


def _batches(doc: Document, limits: LimitsConfig) -> Iterator[Batch]:
    """The segments to check, in batches of about ``max_paragraph`` characters: a paragraph or
    word past the limits is left out (with an io/skipped note), and once the file's time budget
    is spent the rest is left out (io/too-large)."""
    batch: Batch = []
    size = 0
    segments = [s for s in doc.segments if s.text.strip()]
    for n, segment in enumerate(segments):
        if len(segment.text) > limits.max_paragraph:
            doc.budget.skip(segment.source_start, "io/skipped", (
                f"a paragraph of {len(segment.text):,} characters, longer than the "
                f"{limits.max_paragraph:,} sent to the grammar engine: not grammar- or spell-checked"
            ))
            continue
        text, blanked = _blank_long_words(segment.text, limits.max_word)
        for start, end in blanked:
            doc.budget.skip(segment.source_offset(start), "io/skipped", (
                f"a word of {end - start:,} characters, longer than the {limits.max_word:,} sent "
                "to the grammar engine: not spell-checked"
            ))
        if batch and size + len(text) > limits.max_paragraph:
            yield batch
            batch, size = [], 0
            if doc.budget.spent():
                doc.budget.skip(segment.source_start, "io/too-large", (
                    f"the time budget of {limits.time_budget:g} s per file ran out: "
                    f"{len(segments) - n} paragraphs from here not grammar- or spell-checked"
                ))
                return
        batch.append((segment, text, blanked))
        size += len(text)
    if batch:
        yield batch


def _blank_long_words(text: str, longest: int) -> tuple[str, list[tuple[int, int]]]:
    """The text with each run of non-spaces longer than ``longest`` replaced by spaces (offsets
    kept), and where they were. Harper's spelling search grows with the square of a word's
    length (a 100,000-letter word asks for 7.7 GB)."""
    if len(text) <= longest:
        return text, []
    blanked = [m.span() for m in _long_word(longest).finditer(text)]
    if not blanked:
        return text, []
    parts, pos = [], 0
    for start, end in blanked:
        parts += [text[pos:start], " " * (end - start)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts), blanked


@lru_cache(maxsize=4)
def _long_word(longest: int) -> re.Pattern[str]:
    return re.compile(r"\S{%d,}" % (longest + 1))


# A dateline is display type, not a sentence: its closing dash ("BEIRUT - ") is no sentence end and
# the space before it no spacing slip. The rest of it is still checked ("Caracas, march 11 - ").
DATELINE_DASH = re.compile(r"\s*[-–—]{1,2}\s*$")
# A team line-up is a list of names, not a sentence: "J Robinson (capt); M Cueto, J Noon, ...;
# Replacements: A Titterrell, ...". Items are split at , ; : ( ) and a label ("Replacements:") is
# dropped; a paragraph of at least LINEUP_ITEMS items, nearly all one to four capitalised words
# (or numbers, or the words of rules/data/lineup-words.txt), with hardly a lower-case word.
LINEUP_ITEMS = 6
# A bracket left open is a slip in a line-up too: "C Sweeney Newport-Gwent), R Williams (Cardiff)".
BRACKET_RULES = frozenset({"EN_UNPAIRED_BRACKETS"})
LINEUP_LABEL = re.compile(r"(?:^|(?<=[\s;,.]))[A-Z][\w' -]{0,30}:\s*")
LINEUP_SPLIT = re.compile(r"[;,:()]|\s+-\s+|\.$")
LINEUP_WORD = re.compile(r"[A-Za-z][\w'-]*")
# Wire copy tags companies and tickers in angle brackets: "Toshiba Corp <TSBA.T> said",
# "<Rapid-American Corp> said". Engines read a tag's brackets and full stops as punctuation (a
# sentence end, a space before "<"), so a lint on or beside a tag is not about the prose.
WIRE_TAG = re.compile(r"<[^<>\n]{1,80}>")
# The engines' sentence-start capitals and doubled-word rules (Harper's and LanguageTool's).
SENTENCE_START_RULES = frozenset({"SentenceCapitalization", "UPPERCASE_SENTENCE_START"})
# Harper's RedundantThat flags the same "that that" as a doubled word.
REPEAT_RULES = frozenset({"RepeatedWords", "RedundantThat", "ENGLISH_WORD_REPEAT_RULE"})
# The engines' its/it's rules: a capitalised "It's" inside a sentence is in a title ("Do They
# Know It's Christmas?"), not the writer's grammar. A lower-case word after an ellipsis ("..",
# "…") continues the sentence.
ITS_RULES = frozenset({"ItsPossessive", "ItsContraction", "IT_IS", "IT_IS_2", "ITS_TO_IT_S"})
# How a paragraph that closes its sentence ends (a quotation or bracket may follow the mark).
SENTENCE_ENDS = (".", "!", "?", ":", ";", "…", '"', "”", "’", "'", ")")
# Doubled words that are grammatical: "the EC had had more time", "he said that that was wrong".
GRAMMATICAL_REPEATS = frozenset({"had", "that"})
# A repeated score is a result, not a doubled word: "won 6-4 6-4", "drew 1-1 and 1-1".
REPEATED_SCORE = re.compile(r"(\d+[-–]\d+)(?:\s+\1)+")
# The engines' space-before-punctuation rules: a space before a full stop that a letter follows is
# the space before a domain or a file type (the .post and .travel domains, .mp3 files), not a
# space before a sentence end.
SPACE_BEFORE_RULES = frozenset({"Spaces", "COMMA_PARENTHESIS_WHITESPACE"})
DOTTED_NAME = re.compile(r"\s*\.[a-z0-9]")
# The engines' decade rules ("the 1970's"): a number that cannot be a decade is a model or a name
# with a possessive ("the 7610's functions"), and so is one after a capitalised word inside a
# sentence ("Band Aid 20's remake").
DECADE_RULES = frozenset({"PluralDecades", "APOSTROPHE_IN_DATES"})
DECADE = re.compile(r"'?(\d+)['’]s")
# LanguageTool's plural-subject agreement at a sentence start: "The Commons has", "The Producers is"
# name one thing (a house, a show, a band, a country: The Netherlands).
SENTENCE_START_AGREEMENT_RULES = frozenset({"AGREEMENT_SENT_START"})
NAMED_SUBJECT = re.compile(r"(?:The|the)\s+[A-Z]")
SENTENCE_SPLIT = re.compile(r"[.!?]['\"’”]?\s+|\n")
# LanguageTool's contraction spelling ("Im" for "I'm", "Hes" for "he's") on a word the document uses
# as part of a full name inside a sentence ("director Im Kwon-taek"): a name, not a contraction.
CONTRACTION_RULES = frozenset({"EN_CONTRACTION_SPELLING"})
# Harper's pronoun-verb agreement: a past tense after he/she/it agrees with any subject.
PAST_TENSE_RULES = frozenset({"PronounVerbAgreement"})
# The engines' a/an rules: "an" before a silent h is right (an honour, an hour), and a capital
# "A" inside a sentence is a letter or a name (class A shares, England A, A and P, Norsk Data A/S).
A_AN_RULES = frozenset({"AnA", "EN_A_VS_AN"})
# Abbreviations that end with a full stop inside a sentence: "i.e. like", "Leadplex LLC. and",
# a name's suffix ("Robert Smith Sr. told"), a street or an office in US copy ("on Elm St. near",
# "the Dept. of Energy") (and the titles of rules/data/title-abbreviations.txt: "former Nevada
# Sen. and"). Only a lower-case word after one is let through, and a sentence that ended there
# would go on with a capital.
MID_SENTENCE_ABBREVIATIONS = frozenset(
    {"i.e", "e.g", "cf", "viz", "vs", "inc", "ltd", "llc", "corp", "plc", "co", "bros"}
    | {"jr", "sr", "st", "ave", "blvd", "rd", "mt", "ft", "dept", "assn", "univ", "govt", "no",
       "nos", "approx", "est"}
)
# Harper's hyphen in "a 30-day period": an ordinal is not a compound ("his 100th day in office").
NUMBER_DAY_RULES = frozenset({"HyphenateNumberDay"})
ORDINAL_END = re.compile(r"\d(?:st|nd|rd|th)$")


def _on_dateline_dash(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] of a dateline touches its closing dash or the spaces before it."""
    dash = DATELINE_DASH.search(text)
    return dash is not None and end > dash.start()


@lru_cache(maxsize=256)
def _lineup(text: str) -> bool:
    """Whether a paragraph is a team line-up (a list of names), which has no grammar."""
    body = text.strip()
    if "\n" in body or body.count(",") + body.count(";") < LINEUP_ITEMS - 1:
        return False
    body = LINEUP_LABEL.sub(", ", body)
    extra = _lexicon("lineup-words.txt")
    items = [item.strip() for item in LINEUP_SPLIT.split(body) if item.strip()]
    items = [item for item in items if item.lower().strip(".") not in extra]  # (capt)
    if len(items) < LINEUP_ITEMS:
        return False
    words = LINEUP_WORD.findall(body)
    if sum(w[:1].islower() and w.lower() not in extra for w in words) > 0.1 * len(words):
        return False

    def name(item: str) -> bool:
        parts = item.split()
        return 1 <= len(parts) <= 4 and any(w[:1].isupper() for w in parts) and all(
            w[:1].isupper() or w.lower().strip(".'") in extra or w.rstrip("'.").isdigit()
            for w in parts
        )

    return sum(map(name, items)) >= 0.85 * len(items)


def _beside_wire_tag(source: str, start: int, end: int) -> bool:
    """Whether source[start:end] is in or next to a wire tag (the document may have dropped
    "<V>" from the prose as markup, leaving "Irving Bank Corp , agreed" to the engine)."""
    if "<" not in source:
        return False
    low = max(0, start - 82)
    return any(
        low + s <= end + 1 and start <= low + e + 1
        for s, e in (m.span() for m in WIRE_TAG.finditer(source[low : end + 82]))
    )


def _misread_convention(text: str, start: int, end: int, rule: str) -> bool:
    """Whether a lint at text[start:end] misreads a news convention: a word taken for a sentence
    start after "!" or "?", an ellipsis or a mid-sentence abbreviation, or inside a dotted name
    ("Mamma Mia! has", "Apple.. a triumph", "i.e. like", "gamesindustry.biz"); a capitalised
    "It's" in a title, or "A" inside a sentence (class A shares); a name, grammatical pair or
    repeated score taken for a doubled word ("Bafana Bafana", "had had", "6-4 6-4"); a past tense
    taken for a present ("the player he beat"); "an" before a silent h ("an honour"); an ordinal
    taken for a compound ("his 100th day"); the space before a domain or file type taken for a
    space before a full stop ("the .post domain")."""
    if rule in SENTENCE_START_RULES and start > 0:
        before = text[:start].rstrip()
        return (
            not text[start - 1].isspace()
            or before.endswith(("!", "?", '!"', '?"', "!”", "?”", "..", "…"))
            or _after_abbreviation(before)
        )
    if rule in SPACE_BEFORE_RULES and not text[start:end].strip(" ."):
        return bool(DOTTED_NAME.match(text, start)) and text[start : start + 1].isspace()
    if rule in DECADE_RULES and (number := DECADE.fullmatch(text[start:end].strip())):
        return not _decade(number.group(1)) or _after_name(text[:start])
    if rule in SENTENCE_START_AGREEMENT_RULES:
        sentence = SENTENCE_SPLIT.split(text[:start])[-1].lstrip(" \"'“‘(")
        return bool(NAMED_SUBJECT.match(sentence))
    if rule in NUMBER_DAY_RULES:
        return bool(ORDINAL_END.search(text[:start]))
    if rule in PAST_TENSE_RULES:
        return text[start:end].lower() in _lexicon("past-tense-forms.txt")
    if rule in A_AN_RULES and text[start:end].lower() == "an":
        following = text[end:].lstrip().lower()
        return following.startswith(tuple(_lexicon("silent-h.txt")))
    if (rule in ITS_RULES or rule in A_AN_RULES) and text[start : start + 1].isupper():
        before = text[:start].rstrip()
        return bool(before) and not before.endswith((".", "!", "?", ":", '"', "“", "‘", "'"))
    if rule in REPEAT_RULES:
        if REPEATED_SCORE.fullmatch(text[start:end]):
            return True
        words = re.findall(r"[\w'’]+", text[max(0, start - 40) : end])[-2:]
        if len(words) == 2 and words[0].lower() == words[1].lower():
            return words[0].lower() in GRAMMATICAL_REPEATS or (
                words[0][:1].isupper() and words[1][:1].isupper()
            )
    return False


def _full_name_part(source: str, word: str) -> bool:
    """Whether ``word`` (capitalised) starts a full name after a lower-case word in ``source``."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    return re.search(rf"[a-z,]\s+{word}\s+[A-Z][a-z]", source) is not None


def _continues_paragraph(doc: Document, segment: Segment, start: int) -> bool:
    """Whether a lower-case word at the start of a paragraph continues a sentence that the prose
    paragraph before it leaves open ("secured qualification for" / "against Olympiakos"): the
    fault is the paragraph break, not a missing capital."""
    if segment.text[:start].strip() or segment.index == 0:
        return False
    previous = doc.segments[segment.index - 1]
    if previous.kind != "prose" or segment.kind != "prose":
        return False
    return not previous.text.rstrip().endswith(SENTENCE_ENDS)


def _decade(digits: str) -> bool:
    """Whether a number can name a decade: 20, 1970, 2000 (not 7610, not 25)."""
    value = int(digits)
    return value % 10 == 0 and (len(digits) == 2 or (len(digits) == 4 and 1000 <= value < 2100))


def _after_name(before: str) -> bool:
    """Whether ``before`` ends with a capitalised word that does not start a sentence."""
    words = before.rstrip().rsplit(None, 2)
    if not words or not words[-1][:1].isupper():
        return False
    return len(words) > 1 and not words[-2].endswith((".", "!", "?", ":", '"', "”"))


def _after_abbreviation(before: str) -> bool:
    """Whether ``before`` ends with an abbreviation that ends with a full stop mid-sentence."""
    if not before.endswith("."):
        return False
    word = before[:-1].rsplit(None, 1)[-1].lower() if before[:-1].strip() else ""
    return word in MID_SENTENCE_ABBREVIATIONS or word in _title_abbreviations()


@lru_cache(maxsize=1)
def _title_abbreviations() -> frozenset[str]:
    from factlint.analysis.lexicons import lexicons

    return frozenset(short.lower() for short in lexicons().abbreviations)


@lru_cache(maxsize=None)
def _lexicon(name: str) -> frozenset[str]:
    """A shipped word list (rules/data/NAME), lower case."""
    from factlint.analysis.lexicons import data_path, read_lines

    return frozenset(line.lower() for line in read_lines(data_path(name)))


def _markup_artefact(flagged: str, length: int, source_length: int) -> bool:
    """Spacing or punctuation next to removed markup (a code span, a link target): not in the text.

    "The `defense` and" reaches the engine as "The  and": that double space is ours, not the
    writer's.
    """
    return source_length != length and not any(ch.isalnum() for ch in flagged)
