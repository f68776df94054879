"""Under a house dialect every off-dialect spelling is its own finding, even in a draft written
wholly in the other dialect (a British wire story in an American house): each is a place that a
suppression comment, a baseline or a reviewer acts on alone, and --fix converts them all at once.
(One finding per word family was tried: a disable-next-line comment over its first place hid the
family's other places, and a new slip in new copy was folded into an old, baselined finding.)"""

from __future__ import annotations

from factlint import lint_text
from factlint.config import Overrides
from factlint.fix import apply_fixes

WIRE = (
    "LONDON, March 3 - The government's privatisation programme will go ahead, the labour "
    "minister said, although labour unions criticised the plan.\n\n"
    "The privatisation of the airline, like earlier privatisations, is to be finalised by June, "
    "and the programme's critics said the labour market would suffer.\n"
)


def _spelling(text: str) -> list:
    return lint_text(text, overrides=Overrides(select=("consistency/spelling",), dialect="en-US"))


def test_every_off_dialect_spelling_is_a_finding_at_its_place() -> None:
    found = _spelling(WIRE)
    assert [f.text for f in found] == [
        "privatisation", "programme", "labour", "labour", "criticised",
        "privatisation", "privatisations", "finalised", "programme", "labour",
    ]
    for f in found:
        assert WIRE[f.offset : f.end_offset] == f.text and f.fixable


def test_the_fix_converts_the_whole_draft_in_one_pass() -> None:
    fixed, applied = apply_fixes(WIRE, _spelling(WIRE))
    assert applied == 10
    assert "privatizations" in fixed and "program's critics" in fixed
    assert _spelling(fixed) == []

