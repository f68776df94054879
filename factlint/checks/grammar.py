"""The grammar kind: an engine's grammar lints (not spelling) reported under grammar/* rules."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from factlint.kinds.base import Kind, Options
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.engines import SegmentLint
    from factlint.finding import Finding

# Harper 2.13's lint kinds; a kind added by a later Harper is reported as Miscellaneous.
HARPER_KINDS = frozenset(
    """Agreement BoundaryError Capitalization Eggcorn Enhancement Formatting Grammar Malapropism
    Miscellaneous Nonstandard Punctuation Readability Redundancy Regionalism Repetition Spelling
    Style Typo Usage WordChoice WordOrder""".split()
)


@dataclass(frozen=True, kw_only=True)
class GrammarOptions(Options):
    """Which engine lints a grammar rule reports."""

    harper_kinds: list[str] = describe(
        "Harper lint kinds reported (backend harper)",
        default_factory=list,
    )
    languagetool: bool = describe(
        "Report every LanguageTool match as <rule id>:<RULE_ID>",
        default=False,
    )
    autofix: bool = describe(
        "Let --fix apply the engine's fix when it offers exactly one",
        default=False,
    )


class Grammar(Kind[GrammarOptions]):
    """Report the grammar engine's lints of the configured kinds, with its message and fixes."""

    name = "grammar"
    options_model = GrammarOptions
    fixable = False  # engines misfire: fixes are shown, applied only with the autofix option
    defers: ClassVar[bool] = True  # the engine drops our finding when a house rule says the same

    def prepare(self, doc: Document) -> None:
        from factlint.engines import prepare_document

        prepare_document(doc, self.settings)

    def check(self, doc: Document) -> Iterator[Finding]:
        from factlint.engines import document_lints

        config = self.settings.config.grammar
        if config.backend != ("languagetool" if self.options.languagetool else "harper"):
            return
        wanted = set(self.options.harper_kinds)
        for item in document_lints(doc, self.settings):
            lint = item.lint
            if lint.spelling or not reportable(doc, item, self.scope, config.check_quotes):
                continue
            if not self.options.languagetool and _harper_kind(lint.kind) not in wanted:
                continue
            fixable = self.options.autofix and len(lint.suggestions) == 1
            finding = self.finding(
                doc, item.source_start, item.source_end, suggestions=list(lint.suggestions),
                fixable=fixable, engine_message=lint.message, engine_rule=lint.rule, kind=lint.kind,
            )
            if self.options.languagetool:
                finding = finding.model_copy(update={"rule": f"{self.id}:{lint.rule}"})
            yield finding


def reportable(doc: Document, item: SegmentLint, scope: frozenset[str], quotes: bool) -> bool:
    """Whether an engine lint falls in a rule's scope; ``quotes`` adds quoted speech to it."""
    if quotes:
        scope = scope | {"quotes"}
    return doc.analysis.in_scope(item.segment, item.start, item.end, scope)


def _harper_kind(kind: str) -> str:
    return kind if kind in HARPER_KINDS else "Miscellaneous"
