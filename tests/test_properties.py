"""Property tests over random drafts (see tests/properties.py): a short, reproducible run here;
benchmarks/fuzz.py runs the same properties for as long as it is given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from tests.properties import check_draft, drafts, names, runner

NO_GRAMMAR = runner(grammar=False)
WITH_GRAMMAR = runner(grammar=True)
QUICK = settings(
    derandomize=True, database=None, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@settings(QUICK, max_examples=300)
@given(text=drafts, name=names)
def test_any_draft_lints_at_exact_spans_and_fixes_stably(text: str, name: str) -> None:
    check_draft(NO_GRAMMAR, text, name)


@settings(QUICK, max_examples=40)
@given(text=drafts, name=names)
def test_any_draft_with_grammar_on(text: str, name: str) -> None:
    check_draft(WITH_GRAMMAR, text, name)


def test_regressions_found_by_the_properties() -> None:
    for text in ["a\r<div>x</div>", "---\ndate: 2023-09-31\n---\nThe defense and defence.",
                 "\ufeff“”\r\r’", "Defense\r\rdefence defence\r"]:
        for name in ("draft.md", "draft.txt"):
            check_draft(NO_GRAMMAR, text, name)
