"""User patterns run on RE2: linear time, so a pack cannot hang the linter."""

from __future__ import annotations

import time

import pytest

from factlint.kinds._text import compile_user_pattern


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|aa)+$", "(.*a){20}$", "^(\\w+\\s?)*$"])
def test_catastrophic_patterns_finish_fast(pattern: str) -> None:
    text = "a" * 50_000 + "!"  # the classic worst case for a backtracking engine
    compiled = compile_user_pattern(pattern)
    started = time.perf_counter()
    list(compiled.finditer(text))
    assert time.perf_counter() - started < 2.0


def test_unsupported_syntax_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"invalid pattern '\(\?<=a\)b'"):
        compile_user_pattern("(?<=a)b")


def test_case_option() -> None:
    assert compile_user_pattern("brexit").search("Brexit") is not None
    assert compile_user_pattern("brexit", case=True).search("Brexit") is None
