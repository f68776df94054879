"""The shared scans that rules read give the same answers as the plain, slower way."""

from __future__ import annotations

import random
import re

import pytest

from factlint.analysis import WORD, capitalised_word_pattern
from factlint.analysis.fastregex import BoundedPattern
from factlint.document import Document

PIECES = ["a", "A", "b", "Z", " ", "É", "é", "1", "_", "-", "’", "'", ".", "\n", "İ", "ǅ", "Ⓐ", "Ⅰ"]


def test_capitalised_tokens_are_the_word_tokens_that_start_with_a_capital() -> None:
    pattern = capitalised_word_pattern()
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        expected = [m.span() for m in WORD.finditer(text) if m.group()[:1].isupper()]
        assert [m.span() for m in pattern.finditer(text)] == expected, repr(text)


def test_capitalised_tokens_of_a_draft() -> None:
    doc = Document.parse(
        "Defence Secretary Grant Shapps’ trip\n\nO’Neill met al-Assad and ex-PM Blair.", "d.txt"
    )
    words = [[t.text for t in tokens] for tokens in doc.analysis.capitalised_tokens]
    assert words == [["Defence", "Secretary", "Grant", "Shapps"], ["O’Neill", "Blair"]]  # "al-Assad", "ex-PM": one lower-case token each


DRAFT = (
    "Officials said last month the talks\nwould resume.\n\n"
    "It is believed to have failed. Last\n\nmonth, people say, it\nrained.\n\n"
    "## Last week\n\nsaid it last week"
)


@pytest.mark.parametrize(
    "pattern",
    [
        BoundedPattern(r"last\s+month|last\s+week|it\s+is\s+believed|people\s+say"),
        re.compile(r"(?i)last\s+\w+"),
        re.compile(r"^\w+"),  # anchored: each segment's own start
        re.compile(r"\w+\.$"),
    ],
    ids=["bounded", "re", "caret", "dollar"],
)
def test_document_scan_matches_segment_by_segment_scan(pattern: object) -> None:
    doc = Document.parse(DRAFT, "d.md")
    expected = [
        (segment.index, m.start(), m.end())
        for segment in doc.segments
        for m in pattern.finditer(segment.text)  # type: ignore[attr-defined]
    ]
    assert expected  # the draft has matches for every pattern
    assert list(doc.analysis.segment_matches(pattern)) == expected


def test_no_match_runs_across_two_paragraphs() -> None:
    doc = Document.parse("We met last\n\nmonth in Kyiv.", "d.md")
    pattern = BoundedPattern(r"last\s+month")
    assert list(doc.analysis.segment_matches(pattern)) == []


def test_few_words_of_an_article_are_found_without_indexing_every_word() -> None:
    text = "Defence Secretary Grant Shapps said the defence review, Defence’s plan, was late.\n"
    doc = Document.parse(text * 3, "d.txt")
    found = doc.analysis.tokens_of(["defence", "late", "absent"])
    assert "_tokens_and_index" not in doc.analysis.__dict__
    expected = Document.parse(text * 3, "d.txt").analysis.word_index
    assert found == {key: expected[key] for key in ("defence", "late")}


def test_many_words_of_a_long_paragraph_are_found_from_one_index() -> None:
    # One search of the whole text per word would be quadratic in a long document.
    doc = Document.parse(" ".join(f"Word{i} said" for i in range(60_000)), "long.txt")
    found = doc.analysis.tokens_of([f"word{i}" for i in range(100)])
    assert "_tokens_and_index" in doc.analysis.__dict__
    assert [(t.start, t.text) for t in found["word7"]] == [(7 * 11, "Word7")]
