"""The RE2 candidate scan finds exactly what Python's re finds, look-arounds and Unicode included."""

from __future__ import annotations

import random
import re

import pytest

from factlint.analysis.fastregex import BoundedPattern, _to_re2, re2_spans, without_assertions

WORDS = ["some", "people", "say", "said", "café", "naïve", "it", "is", "believed", "to", "have",
         "x", "awe", "‘", "’", "-", "'", "  ", "\u00a0", "👍", "Зеленський", "12", "per", "cent"]
PATTERNS = [
    r"some\s+people\s+say|people\s+say",
    r"(?:it\s+)?is\s+believed\s+to(?:\s+have)?\s+\w+",
    r"caf\w|\w+\s+said",
    r"\d+\s+per\s+cent",
    r"(?<=x)said",  # a look-behind inside: left out of the RE2 candidate, which Python checks
    r"people(?!\s+say)|\bsaid\b(?=\s+it)",  # look-aheads and word boundaries inside
    r"(say|it)\s+\1",  # a back-reference: RE2 cannot take it, Python scans alone
]


@pytest.mark.parametrize("inner", PATTERNS)
def test_same_matches_as_python_re(inner: str) -> None:
    bounded = BoundedPattern(inner)
    rng = random.Random(7)
    for _ in range(400):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14)))
        expected = [m.span() for m in bounded.regex.finditer(text)]
        assert [m.span() for m in bounded.finditer(text)] == expected, text


@pytest.mark.parametrize("source", [*PATTERNS[:4], r"\w*", r"(?:per)?", r"’|-|\s+"])
def test_direct_spans_equal_the_re2_modules_own(source: str) -> None:
    """The spans read from RE2's compiled pattern are the ones the module's finditer gives,
    empty matches and non-ASCII text included (offsets in code points, as Python's)."""
    re2 = pytest.importorskip("re2")
    try:
        compiled = re2.compile(_to_re2(source))
    except re2.error:
        pytest.skip("RE2 cannot take this pattern")
    rng = random.Random(11)
    for _ in range(300):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
        expected = [m.span() for m in compiled.finditer(text)]
        assert list(re2_spans(compiled, text)) == expected, text


def test_overlapping_candidate_does_not_hide_a_later_match() -> None:
    bounded = BoundedPattern(r"some\s+people\s+say|people\s+say")
    assert [m.group() for m in bounded.finditer("awesome people say so")] == ["people say"]


def test_unicode_classes_are_spelled_for_re2() -> None:
    assert _to_re2(r"\w+[\w’-]\s\d") == r"[\pL\pN_]+[\pL\pN_’-][\s\v\pZ\x{85}\x{1c}-\x{1f}][\p{Nd}]"
    assert BoundedPattern(r"(say)\s+\1").candidates is None
    assert BoundedPattern(r"(?<=x)said").candidates is not None


def test_candidates_leave_out_assertions_only() -> None:
    assert without_assertions(r"of\s+late(?!\s+(?:may|\d))|\brecently\b") == r"of\s+late|recently"
    assert without_assertions(r"(?<![\w-])x[\b(?=]") == r"x[\b(?=]"  # not inside a class
    assert without_assertions(r"a(?=b)?c") == r"a(?=b)?c"  # quantified: kept (no RE2)


def test_matches_python_on_real_phrases() -> None:
    bounded = BoundedPattern(r"(?:just\s+)?last\s+month|recently", edge=r"[\w-]")
    text = "It was recently-built. Just last month, and recently, mid-recently too."
    assert [m.group() for m in bounded.finditer(text)] == [
        m.group() for m in re.finditer(r"(?i)(?<![\w-])(?:(?:just\s+)?last\s+month|recently)(?![\w-])", text)
    ] == ["Just last month", "recently"]
