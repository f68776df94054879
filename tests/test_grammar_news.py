"""News-copy conventions the engines misread, left out of the grammar findings (Harper, real):
wire tags, titles ending in "!", names and grammatical pairs that look like doubled words."""

from __future__ import annotations

import harper
import pytest

from factlint import lint_text
from factlint.config import Overrides
from factlint.engines import _misread_convention

GRAMMAR = Overrides(dialect="en-US", select=("grammar",))

# (draft, the engine's rule that misfires on it) -- each must be flagged by Harper itself.
CONVENTIONS = [
    ("The woman behind the musical Mamma Mia! has joined a list of rich producers.",
     "SentenceCapitalization"),
    ("Last year Bafana Bafana were humbled in the first round by minnows Mauritius.",
     "RepeatedWords"),
    ("The talks were put off until the EC had had more time to study the application.",
     "RepeatedWords"),
    ("Band Aid's remake of Do They Know It's Christmas is set to be number one again.",
     "ItsPossessive"),
]


@pytest.mark.parametrize(("draft", "rule"), CONVENTIONS)
def test_harper_misfires_here_and_factlint_leaves_it_out(draft: str, rule: str) -> None:
    linter = harper.Linter(harper.Dialect.AMERICAN)
    lints = linter.organized_lints(draft, language=harper.Language.PLAINTEXT).get(rule, [])
    assert lints, f"Harper no longer flags this with {rule}: the case tests nothing"
    assert all(_misread_convention(draft, l.span.start, l.span.end, rule) for l in lints)
    assert [f.text for f in lint_text(draft, overrides=GRAMMAR)] == []


# Wire copy tags companies and tickers: "<V>" and "<Lloyds Bank NZA Ltd>" are dropped from the
# prose as markup, so the engine reads "Corp , agreed" and a sentence starting " chief".
WIRE = (
    "In addition, the company said its bank, Irving Bank Corp <V>, agreed to waive a one mln "
    "dlr counter guarantee.\n\n<Lloyds Bank NZA Ltd> chief economist Will Buttrose said the "
    "surplus was encouraging.\n\nToshiba Corp <TSBA.T> said it would sell the unit.\n"
)


def test_wire_tags_are_not_grammar_errors() -> None:
    from factlint.config import FileConfig, settings_from
    from factlint.document import Document
    from factlint.engines import Text, document_lints, get_engine

    settings = settings_from(FileConfig(dialect="en-US"), "<test>", ".", Overrides())
    doc = Document.parse(WIRE, "wire.txt")
    engine = get_engine(settings.config.grammar, "en-US")
    assert engine is not None
    raw = engine.check([Text(s.text, s.kind != "prose") for s in doc.segments if s.text.strip()])
    misread = [lint.rule for lints in raw for lint in lints if not lint.spelling]
    assert misread, "Harper no longer misreads the tags: this test tests nothing"
    assert [item.lint.rule for item in document_lints(doc, settings) if not item.lint.spelling] == []


def test_real_errors_beside_the_conventions_are_still_reported() -> None:
    draft = (
        "Toshiba Corp <TSBA.T> said the the unit would be sold. The vote passed. then the "
        "minister left."
    )
    found = {(f.rule, f.text) for f in lint_text(draft, overrides=GRAMMAR)}
    assert "the the" in {text for _, text in found}
    assert ("grammar/capitalization", "then") in found
