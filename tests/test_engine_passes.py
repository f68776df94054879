"""Linting in two passes (the language server's cheap rules, then the grammar engine's) gives
the findings of one `lint_document`, and a partial pass reports no suppression as unused."""

from __future__ import annotations

from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter

DRAFT = """# Council promises flood walls

<!-- factlint-disable-next-line grammar/agreement -->
She promise the money, the mayor’s office said.

The flood defense plan is a testament to patience. He go to the council on Monday.
"""


def test_two_passes_equal_one_and_partial_keeps_suppressions_quiet() -> None:
    settings = settings_from(FileConfig(dialect="en-GB"), "<test>", ".", Overrides())
    linter = Linter(settings)
    engine = linter.engine_rules
    assert engine and {rule.id for rule in engine} >= {"grammar/agreement", "spelling/unknown-word"}
    cheap = [rule for rule in linter.rules if rule not in engine]
    assert not {rule.id for rule in cheap} & {"grammar/agreement", "spelling/unknown-word"}

    doc = Document.parse(DRAFT, "story.md")
    whole = linter.lint_document(doc)
    first = linter.run_rules(doc, cheap)
    both = linter.finish(doc, first + linter.run_rules(doc, engine))
    assert both == whole
    rules = [f.rule for f in whole]
    assert "consistency/spelling" in rules and "house/cliche" in rules
    assert rules.count("grammar/agreement") == 1  # "He go"; "She promise" is suppressed
    assert "meta/unused-suppression" not in rules

    # Before the grammar pass the suppression has nothing to suppress yet: a partial pass must
    # not call it unused, a complete one would.
    partial = [f.rule for f in linter.finish(doc, first, partial=True)]
    assert "meta/unused-suppression" not in partial and "consistency/spelling" in partial
    assert "meta/unused-suppression" in [f.rule for f in linter.finish(doc, first)]
