"""Every analysis is linear in the length of the document: counted, not timed.

The work is measured as the number of Python and built-in function calls made while linting
(``sys.setprofile``), which is the same on every machine and under any load. Each draft shape is
linted at n and 4n units: linear work grows about fourfold (less, with the fixed costs), work that
re-scans the text for each unit grows sixteenfold. The wall-clock scaling, which also catches a
single built-in call doing quadratic work, is measured by benchmarks/scaling.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from factlint.analysis.export import analyze_text
from factlint.config import Overrides
from factlint.engine import Runner, Source

PARAGRAPH = (
    "Grant Shapps met Rustem Umerov in Kyiv. “We are ready for the winter,” he said. "
    "The so-called “peace plan” was dismissed, officials said. Shapps’ trip ended.\n\n"
)
SENTENCE = "Defence Secretary Grant Shapps said the plan was late, and “we will finish it,” he said. "

SHAPES: dict[str, Callable[[int], str]] = {
    "paragraphs": lambda n: "Talks in Kyiv\n\n" + PARAGRAPH * n,
    "one long paragraph": lambda n: "Talks in Kyiv\n\n" + SENTENCE * n,
    "quotations in one sentence": lambda n: "He said " + " ".join(["“we are ready,”"] * n) + ".",
    "bare quotation marks": lambda n: "He said " + '"' * (2 * n) + ".",
    "unbalanced quotation marks": lambda n: "“Officials said " * n + "it.",
    "one surname again and again": lambda n: "Grant Shapps spoke. " + "Shapps said so. " * n,
}


def calls(work: Callable[[], object]) -> int:
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def assert_linear(cost: Callable[[int], int], n: int) -> None:
    cost(n)  # warm up: lexicons and patterns load once per process
    small, large = cost(n), cost(4 * n)
    assert large <= 5 * small, f"4x the text cost {large / small:.1f}x the calls ({small} -> {large})"


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_linting_is_linear_in_document_length(shape: str) -> None:
    runner = Runner(Overrides(dialect="en-GB", ignore=("grammar", "spelling")))
    make = SHAPES[shape]

    def cost(n: int) -> int:
        text = make(n)
        return calls(lambda: runner.lint_source(Source(text), "draft.txt", None))

    assert_linear(cost, 60)


def test_analysis_is_linear_in_document_length() -> None:
    def cost(n: int) -> int:
        text = PARAGRAPH * n
        found: dict = {}  # type: ignore[type-arg]
        count = calls(lambda: found.update(analyze_text(text, "big.txt")))
        assert len(found["quotations"]) == 2 * n
        return count

    assert_linear(cost, 100)


def test_the_count_catches_quadratic_work() -> None:
    def quadratic(n: int) -> int:
        return calls(lambda: [[abs(i) for i in range(k)] for k in range(n)])

    with pytest.raises(AssertionError, match="4x the text"):
        assert_linear(quadratic, 50)
