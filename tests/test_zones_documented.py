"""Every rule's documentation says which zones (prose, quotations, display type) it reads, and why."""

from __future__ import annotations

import pytest

from factlint import docs
from factlint.engine import all_specs

SPECS = all_specs()


@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_rule_docs_say_which_zones_it_reads_and_why(spec) -> None:
    text = docs.zones(spec)
    if spec.kind in docs.FILE_KINDS:
        assert text.startswith("Reads no zone of the text")
        return
    assert text.startswith("Reads ")
    for zone, name in docs.ZONES.items():
        read = "all" in spec.scope or zone in spec.scope
        assert (name in text.split(";")[0]) == read, (zone, text)  # the zones read come first
    assert spec.scope_note, f"{spec.id}: say why it reads the zones it reads (scope_note)"
    assert spec.scope_note.strip() in text and spec.scope_note.strip() in docs.explain(spec)


def test_unknown_word_reads_quotations_unless_the_config_says_not() -> None:
    from factlint import lint_text
    from factlint.config import Overrides

    text = 'She said: "We recieved the report."\n'
    assert [f.text for f in lint_text(text, overrides=Overrides(dialect="en-GB", select=("spelling",)))] == [
        "recieved"
    ]
    (spec,) = [s for s in SPECS if s.id == "spelling/unknown-word"]
    assert "quotes" in spec.scope and "check-quotes-spelling = false" in spec.scope_note
