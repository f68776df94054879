"""The speaker search strips a clause's trailing filler ("has since", "also", "-ly" adverbs) and
pronoun contractions ("he’s") by searching only the clause's tail: the result is the patterns'
``.sub`` on the whole clause."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.analysis.attribution import (
    PRONOUN_CONTRACTION,
    TRAILING_FILLER,
    _strip_trailing,
)


def reference(chunk: str) -> str:
    previous = None
    while previous != chunk:
        previous = chunk
        chunk = TRAILING_FILLER.sub("", chunk.rstrip()) if chunk.strip() else chunk
        chunk = PRONOUN_CONTRACTION.sub(r"\1", chunk)
    return chunk


PIECES = st.sampled_from(
    [
        "has", "since", "also", "later", "He", "he", "she’s", "they’re", "It's", "we'd",
        "quickly", "Only", "ly", "x", "Smith", "the", "who", "WAS", " ", "  ", "\n", "\t",
        "\u00a0", ",", ", ", ".", "’s", "'s", "’re", "-", "é", "\u212a", "ſ", "ı", "  \n",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=14))
def test_stripping_the_tail_is_the_patterns_sub_on_the_whole_clause(pieces: list[str]) -> None:
    chunk = "".join(pieces)
    assert _strip_trailing(chunk) == reference(chunk)


def test_the_forms_stripped() -> None:
    assert _strip_trailing("Smith, who has  since") == "Smith,"
    assert _strip_trailing("the minister also later") == "the minister"
    assert _strip_trailing("He’s") == "He"
    assert _strip_trailing("what she’s\n") == "what she"
    assert _strip_trailing("Only") == "Only"
