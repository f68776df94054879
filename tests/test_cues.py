"""The reporting-cue scanner finds exactly what the cue lexicon as one regular expression finds.

The regular expression (the lexicon as a trie inside word-boundary look-arounds) is the reference:
it was the analysis's cue pattern until its compilation cost showed at start-up.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from factlint.analysis.cues import CueScanner
from factlint.analysis.lexicons import lexicons
from factlint.analysis.trie import trie_regex

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def reference() -> re.Pattern[str]:
    lex = lexicons()
    alternatives = trie_regex([*lex.phrases, *lex.verbs])
    return re.compile(r"(?<![\w’'-])(?:" + alternatives + r")(?![\w’'])", re.IGNORECASE)


def spans(matches) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(m.start(), m.end(), m.group()) for m in matches]


def agree(text: str) -> None:
    scanner = lexicons().cue_pattern
    assert spans(scanner.finditer(text)) == spans(reference().finditer(text))
    first = reference().search(text)
    found = scanner.search(text)
    assert (found is None) == (first is None)
    if first is not None and found is not None:
        assert (found.start(), found.end()) == first.span()


def test_the_shipped_drafts_give_the_same_cues() -> None:
    drafts = [*ROOT.glob("fixtures/**/*.md"), *ROOT.glob("fixtures/**/*.txt")]
    drafts += [*ROOT.glob("tests/cases/*.yaml")]
    assert len(drafts) > 20
    for path in drafts:
        agree(path.read_text("utf-8"))


def test_the_forms_that_decide_a_cue_boundary() -> None:
    text = (
        "“We won,” she said. He believed- cooperation would come. Officials told the BBC, the "
        "reporter, according to  a statement, said-so, unsaid, said’s, SAID, Said2, quipped\n"
        "in an op-ed, in an op-eds, told  the\nBBC, told the BBCs, well-said, “said”"
    )
    scanner = lexicons().cue_pattern
    found = [m.group() for m in scanner.finditer(text)]
    assert "said" in found and "believed" in found and "SAID" in found
    assert "told the BBC" in found and "told  the\nBBC" in found and "in an op-ed" in found
    assert "unsaid" not in found and "Said2" not in found
    agree(text)


WORDS = [
    "said", "Said", "SAYS", "told", "the", "BBC", "according", "to", "in", "a", "an", "op-ed",
    "statement", "chimed", "quipped", "believed", "well", "un", "x", "2", "BBCs", "post", "on",
]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from([" ", "  ", "\n", "-", "’", "'", ",", ".", "“", "”", "—", "_", "é"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30))
def test_random_texts_of_cue_words_give_the_same_cues(pieces: list[str]) -> None:
    agree("".join(pieces))


def test_phrases_of_short_first_words_that_overlap_are_found() -> None:
    """Phrases whose first word is a letter or two ("a", "in") are looked for by their first
    two words; one may start inside another's words, or inside a longer cue."""
    text = (
        "He wrote in a statement said by many. They issued a statement said to be final; "
        "within a statement said, in an interview, an in a tweet, as saying so, go on-line, "
        "IN A\u00a0LETTER, in-a statement, in\ta post on x-ray, a  statement  said"
    )
    agree(text)
    found = [m.group() for m in lexicons().cue_pattern.finditer(text)]
    assert "a statement said" in found and "in a tweet" in found and "IN A\u00a0LETTER" in found


def test_cues_whose_later_words_are_not_plain_words_are_found() -> None:
    scanner = CueScanner(["said", "told the u.s.", "told the u.s. senate", "wrote on x"])
    text = "She told the U.S. Senate, then told the u.s. that, and told the u.s.a. it."
    assert [m.group() for m in scanner.finditer(text)] == [
        "told the U.S. Senate",
        "told the u.s.",
    ]


def test_a_cue_added_by_a_rules_option_is_found() -> None:
    scanner = CueScanner(["said", "wrote on Mastodon"])
    text = "She wrote on  Mastodon that it was over, and wrote on Mastodons too."
    assert [m.group() for m in scanner.finditer(text)] == ["wrote on  Mastodon"]


HYPHENED_CUES = ["well-placed sources said", "well", "well-placed", "a-b-c", "a", "said"]
HYPHENED_PIECES = st.one_of(
    st.sampled_from(["well", "placed", "sources", "said", "told", "a", "b", "c", "x"]),
    st.sampled_from([" ", "-", "-", "'", "’", ".", "é", "_"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(HYPHENED_PIECES, max_size=20))
@example(["well", "-", "placed", "x", " ", "a", "-", "b", "-", "c", "_"])
def test_first_words_with_hyphens_give_the_same_cues(pieces: list[str]) -> None:
    """The scan proposes the longest first word at a word start ("well-placed" in
    "well-placedx"): a shorter one before a hyphen in it ("well") must still be found."""
    text = "".join(pieces)
    words = trie_regex(HYPHENED_CUES)
    expected = re.compile(r"(?<![\w’'-])(?:" + words + r")(?![\w’'])", re.IGNORECASE)
    found = CueScanner(HYPHENED_CUES).finditer(text)
    assert spans(found) == spans(expected.finditer(text))
