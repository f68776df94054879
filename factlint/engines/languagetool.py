"""The LanguageTool engine (language-tool-python, the client): a server at ``url`` or the
installed one factlint runs (lt_server), never a download while linting.

One ``LanguageTool`` client per process and language; the local server (Java) is started once per
process, shared by every language and stopped at exit. Each document is one request (its segments joined by blank lines). The server
counts offsets in UTF-16 code units (Java strings); language-tool-python converts the start to code
points but not the length, so the length is converted here. Every failure becomes one
FactlintError line that names the fix; the run then exits with code 2.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from factlint.engines import EngineLint, SpellingExemptions, Text
from factlint.errors import FactlintError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from factlint.config import LanguageToolConfig
    from factlint.engines.lt_server import ManagedServer

SEPARATOR = "\n\n"
# LanguageTool has no en-IN; Indian English follows British spelling.
LANGUAGES = {
    "en-GB": "en-GB", "en-US": "en-US", "en-AU": "en-AU", "en-CA": "en-CA", "en-IN": "en-GB",
}
SPELLING_RULES = ("MORFOLOGIK_RULE", "HUNSPELL_RULE")
HEADLINE_SKIPPED_CATEGORIES = frozenset({"CASING"})
# Headlines drop full stops, abbreviations' too: "U.S HOUSE LEADER URGES ..." (wire headlines).
HEADLINE_SKIPPED_RULES = frozenset(
    {"PUNCTUATION_PARAGRAPH_END", "UPPERCASE_SENTENCE_START", "ABBREVIATION_PUNCTUATION"}
)
# LanguageTool rules and categories off by default for news copy, with the measured reason
# (docs/grammar.md; `python benchmarks/grammar.py --lt-noise`). Turn one back on with
# [grammar.languagetool] enable = [...] or enable-categories = [...].
# Counts: findings over 300 articles of ../shared/corpus (150 BBC in en-GB, 150 Reuters in en-US),
# LanguageTool 6.8, picky off, after factlint's own filters (quotes, headlines, names).
NEWS_DISABLED_RULES: dict[str, str] = {
    "COMMA_COMPOUND_SENTENCE": "house style: no comma before a short 'and'/'but' clause (18)",
    "COMMA_COMPOUND_SENTENCE_2": "the same, other patterns (22)",
    "SENT_START_CONJUNCTIVE_LINKING_ADVERB_COMMA": "no comma after However/Instead is house style (13)",
    "MISSING_COMMA_AFTER_INTRODUCTORY_PHRASE": "'Since then he has' is house style (3)",
    "EN_SPECIFIC_CASE": "lower case is house style: the Paris agreement, a Golden Globe award (14)",
    "THE_SUPERLATIVE": "'named best actress', 'least developed countries' are standard (10)",
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE": "sentences starting with the same word: style (8)",
    "EN_UNPAIRED_QUOTES": "a quote over several paragraphs leaves each open; quotes/punctuation (6)",
    "MAKER_COMPOUNDS": "a preference (car maker -> carmaker), not an error (6)",
    "HALO_HALLO": "names taken for words: Halo, the video game (6)",
    "EN_WORD_COHERENCY": "mixed spellings are consistency/spelling's job (3)",
    "POSSESSIVE_APOSTROPHE": "false alarms: listings magazine, comics industry (4)",
    "DETERMINER_GEOGRAPHICAL_WORD": "'in Ivory Coast' is house style (2)",
    "A_UNCOUNTABLE": "false alarms: a freedom of expression event, a maturity of (2)",
    "PLURAL_MODIFIER": "false alarms: borrowers banks have drawn up (2)",
    "ALLY_ALLAY": "false alarms: Brown ally rejects (2)",
    # Measured again on the grammar benchmark's tuning sample: 300 articles (150 BBC en-GB, 150
    # Reuters en-US, 109,012 words), not the sample its false alarms are counted on.
    "NNP_AGREEMENT": "British plural teams: Scotland have, Chelsea have (2)",
    "MASS_AGREEMENT": "British plural teams: Chelsea take on Barcelona (1)",
    "COLLECTIVE_NOUN_VERB_AGREEMENT_VBP": "a collective noun may take a plural verb: a group of "
    "MPs are (1)",
    "INDEPENDENTLY_FROM_OF": "'independent from' is standard British usage (3)",
    "CA_BRAND_NEW": "house hyphenation: a brand new stadium (1)",
    "HYPHEN_TO_EN": "a hyphen in a range is ASCII house style, as Harper's NumericRangeEnDash (1)",
    "EN_SIMPLE_REPLACE_JP_MORGAN": "JP Morgan is the house form of the bank's name (1)",
    "EN_SIMPLE_REPLACE_JP_MORGAN_CHASE": "the same (1)",
    "CAPITALIZATION": "lower-case compass points are house style: the west coast (1)",
    "COMMA_AFTER_A_MONTH": "'August, 1985': the comma is Reuters style (1)",
}
NEWS_DISABLED_CATEGORIES: dict[str, str] = {
    "BRE_STYLE_OXFORD_SPELLING": "-ize for en-GB: the house writes -ise; dialect is consistency/"
    "spelling's job (51)",
    "MULTITOKEN_SPELLING": "names in house form: George W Bush, West Brom, Luis Aragones (15)",
    "PROPER_NOUNS": "names and datelines: Delta Airlines, SAO PAULO (7); facts/* checks names",
    "REDUNDANCY": "style: all of the, a large number of, the question of whether (9)",
    "STYLE": "style suggestions, not errors: I'm not sure there is (1); picky is off too",
    "AMERICAN_ENGLISH": "regional phrasing is consistency's and the dialect's job: take a look (1)",
    "BRITISH_ENGLISH": "the same: at the weekend in London wire copy checked as en-US (1)",
    "AMERICAN_ENGLISH_STYLE": "the same: a comma after the year (1)",
    "COMPOUNDING": "house hyphenation and compounds: fifth largest, decision making, the break up "
    "of (11 on the tuning sample)",
}
# Rule-id prefixes off by default (LanguageTool cannot switch off a family by prefix).
NEWS_DISABLED_PREFIXES: dict[str, str] = {
    "EN_COMPOUNDS_": "house hyphenations: anti-virus, euro zone, best-seller (22 in 16 rules)",
    "EN_DIACRITICS_REPLACE_": "English news drops accents: Arsene Wenger, communique (17 in 11)",
}
# Rule-id suffixes off by default: hyphenation, compounds and accents are house style, whatever
# LanguageTool's category (many such rules are filed under GRAMMAR).
NEWS_DISABLED_SUFFIXES: dict[str, str] = {
    "_HYPHEN": "house hyphenation: a 25 year mortgage, 10 hour session, per share basis (21 in 7 "
    "rules on the tuning sample)",
    "_COMPOUNDS": "house compounds: bond holders, market place, clam shell (5 in 4 rules)",
    "_COMPOUND": "the same: any left over (1)",
    "_DIACRITIC": "English news drops accents: net cafes (17)",
}
OR_HARPER = 'or use the built-in engine: [grammar] backend = "harper"'


class LanguageToolEngine:
    """LanguageTool through language-tool-python."""

    name = "languagetool"

    def __init__(self, language: str, config: LanguageToolConfig) -> None:
        self.config = config
        self.where = config.url or "the local LanguageTool server"
        self.tool, self.server = _start(LANGUAGES[language], config)
        self.tool.disabled_rules = (set(NEWS_DISABLED_RULES) - set(config.enable)) | set(
            config.disable
        )
        self.tool.enabled_rules = self.enabled = frozenset(config.enable)
        self.skipped_prefixes = tuple(NEWS_DISABLED_PREFIXES)
        self.skipped_suffixes = tuple(NEWS_DISABLED_SUFFIXES)
        self.tool.disabled_categories = (
            set(NEWS_DISABLED_CATEGORIES) - set(config.enable_categories)
        ) | set(config.disable_categories)
        self.tool.enabled_categories = set(config.enable_categories)
        self.tool.picky = config.picky
        if self.server is not None:  # the first check loads the language's rules: 5-15 s
            self.tool._TIMEOUT = config.start_timeout
            self._matches("Warm-up.")
        self.tool._TIMEOUT = config.timeout  # the library's per-request timeout (300 s)

    def check(
        self, texts: Sequence[Text], exempt: SpellingExemptions = SpellingExemptions()
    ) -> list[list[EngineLint]]:
        """One request for all texts; ``exempt`` is not used (the server checks every word)."""
        results: list[list[EngineLint]] = [[] for _ in texts]
        if not texts:
            return results
        joined = SEPARATOR.join(t.text for t in texts)
        starts, pos = [], 0
        for t in texts:
            starts.append(pos)
            pos += len(t.text) + len(SEPARATOR)
        for match in self._matches(joined):
            if (
                match.rule_id.startswith(self.skipped_prefixes)
                or match.rule_id.endswith(self.skipped_suffixes)
            ) and match.rule_id not in self.enabled:
                continue
            start = match.offset
            end = start + utf16_to_code_points(joined[start:], match.error_length)
            index = bisect_right(starts, start) - 1
            if index < 0 or end > starts[index] + len(texts[index].text):
                continue  # a match across the separator
            if texts[index].headline and (
                match.category in HEADLINE_SKIPPED_CATEGORIES
                or match.rule_id in HEADLINE_SKIPPED_RULES
            ):
                continue
            base = starts[index]
            results[index].append(EngineLint(
                start=start - base, end=end - base, rule=match.rule_id, kind=match.category,
                message=match.message, suggestions=tuple(match.replacements[:5]),
                spelling=match.rule_id.startswith(SPELLING_RULES),
            ))
        return results

    def _matches(self, text: str) -> list[Any]:
        from language_tool_python.exceptions import LanguageToolError

        try:
            return list(self.tool.check(text))
        except (LanguageToolError, OSError, KeyError, ValueError) as exc:
            died = self.server.died() if self.server is not None else None
            if died is not None:
                raise FactlintError(
                    f"the local LanguageTool server stopped during the run ({died}); the "
                    f"findings are incomplete, {OR_HARPER}"
                ) from None
            raise FactlintError(
                f"LanguageTool at {self.where} failed: {_reason(exc)}; check the server "
                f"(grammar.languagetool.url, timeout) {OR_HARPER}"
            ) from None

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing at exit must never fail the run
            self.tool.close()


def utf16_to_code_points(text: str, units: int) -> int:
    """How many code points of ``text`` (from its start) make up ``units`` UTF-16 code units."""
    count = 0
    for char in text:
        if units <= 0:
            break
        units -= 2 if ord(char) > 0xFFFF else 1
        count += 1
    return count


def code_points_to_utf16(text: str, offset: int) -> int:
    """The UTF-16 offset of code-point ``offset`` in ``text`` (as a Java server counts)."""
    return offset + sum(1 for char in text[:offset] if ord(char) > 0xFFFF)


def _start(language: str, config: LanguageToolConfig) -> tuple[Any, ManagedServer | None]:
    """Connect to ``config.url`` or to the installed server factlint runs; one clear error line."""
    try:
        import language_tool_python
    except ImportError:
        raise FactlintError(
            "the languagetool backend needs language-tool-python (GPL-3.0, an optional extra): "
            f"pip install 'factlint[languagetool]', {OR_HARPER}"
        ) from None
    kwargs: dict[str, Any] = {"mother_tongue": config.mother_tongue}
    if config.url:
        try:
            return language_tool_python.LanguageTool(
                language, remote_server=config.url, **kwargs
            ), None
        except Exception as exc:  # the library raises many types (docs/grammar.md)
            raise FactlintError(
                f"LanguageTool server {config.url} is unreachable: {_reason(exc)}; start it "
                f"(docs/grammar.md) or fix grammar.languagetool.url, {OR_HARPER}"
            ) from None
    from factlint.engines.lt_install import find_installation
    from factlint.engines.lt_server import shared_server

    try:
        installation = find_installation(config.version, config.home)
        server = shared_server(
            installation, config.port, tuple(config.java_options), config.start_timeout
        )
    except FactlintError as exc:
        raise FactlintError(f"{exc}, {OR_HARPER}") from None
    try:
        return language_tool_python.LanguageTool(
            language, remote_server=server.url, **kwargs
        ), server
    except Exception as exc:
        raise FactlintError(
            f"the local LanguageTool server at {server.url} does not answer: {_reason(exc)}, "
            f"{OR_HARPER}"
        ) from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"unexpected answer without {exc}"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
