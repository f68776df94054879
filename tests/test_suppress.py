"""In-document suppressions and the meta findings about them."""

from __future__ import annotations

from factlint import lint_text
from factlint.config import Overrides
from factlint.groups import unfold

GB = Overrides(dialect="en-GB", select=("consistency/spelling", "meta"))


def lint(text: str) -> list[tuple[str, int, str]]:
    """Every place reported: those of one word family fold into one finding (factlint.groups)."""
    return [(f.rule, f.line, f.text) for f in unfold(lint_text(text, path="draft.md", overrides=GB))]


def test_disable_next_line_for_one_rule() -> None:
    text = (
        "<!-- factlint-disable-next-line consistency/spelling -->\n"
        "The defense budget.\n\nThe defense plan.\n"
    )
    assert lint(text) == [("consistency/spelling", 4, "defense")]


def test_disable_next_line_skips_blank_lines_and_takes_packs() -> None:
    text = "<!-- factlint-disable-next-line consistency -->\n\nThe defense budget.\n"
    assert lint(text) == []


def test_disable_enable_range_and_bare_disable() -> None:
    text = (
        "The defense one.\n\n<!-- factlint-disable consistency/spelling -->\n\nThe defense two.\n\n"
        "<!-- factlint-enable -->\n\nThe defense three.\n\n<!-- factlint-disable -->\n\nThe defense four.\n"
    )
    assert lint(text) == [("consistency/spelling", 1, "defense"), ("consistency/spelling", 9, "defense")]


def test_inline_comment_in_a_paragraph() -> None:
    text = "The defense budget. <!-- factlint-disable-next-line --> \nThe defense plan.\n"
    assert lint(text) == [("consistency/spelling", 1, "defense")]


def test_unused_and_unknown_suppressions_are_reported() -> None:
    text = (
        "<!-- factlint-disable-next-line consistency/spelling -->\nThe defence budget.\n\n"
        "<!-- factlint-disable-next-line consistency/speling -->\nThe defense plan.\n"
    )
    found = lint(text)
    assert ("meta/unused-suppression", 1, "<!-- factlint-disable-next-line consistency/spelling -->") in found
    assert ("meta/invalid-suppression", 4, "<!-- factlint-disable-next-line consistency/speling -->") in found
    assert ("consistency/spelling", 5, "defense") in found


def test_directives_in_code_are_ignored() -> None:
    text = "```\n<!-- factlint-disable -->\n```\n\nThe defense plan.\n"
    assert lint(text) == [("consistency/spelling", 5, "defense")]
