"""Helpers shared by the data-driven kinds: safe user patterns, case and inflection handling."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import re2

SUFFIXES = ("s", "es", "ed", "ing")


@lru_cache(maxsize=256)
def compile_user_pattern(pattern: str, case: bool = False) -> Any:
    """Compile a pack's pattern with RE2 (linear time, so no pattern can hang the linter)."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = case
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        message = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        raise ValueError(f"invalid pattern {pattern!r}: {message}") from None


def match_case(word: str, like: str) -> str:
    """Give ``word`` the capitalisation of ``like`` (UPPER, Title or lower)."""
    if like.isupper() and len(like) > 1 and any(c.isalpha() for c in like):
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def inflect(word: str, suffix: str) -> str:
    """``word`` (the last word of a phrase) with a regular suffix: use -> uses, used, using."""
    if not suffix:
        return word
    if word.endswith("e") and suffix in ("ed", "ing", "es"):
        return word[:-1] + suffix if suffix != "es" else word + "s"
    if word.endswith(("s", "sh", "ch", "x", "z")) and suffix == "s":
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou" and suffix in ("s", "ed"):
        return word[:-1] + ("ies" if suffix == "s" else "ied")
    if suffix == "es":
        return word + "s" if not word.endswith(("s", "sh", "ch", "x", "z")) else word + "es"
    return word + suffix


def inflections(word: str) -> dict[str, str]:
    """Suffix -> inflected form (the base form under the empty suffix)."""
    forms = {"": word}
    for suffix in ("s", "ed", "ing"):
        forms[suffix] = inflect(word, suffix)
    return forms


def keep_breaks(original: str, replacement: str) -> str | None:
    """``replacement`` with the line breaks of ``original`` kept word for word, so a fix never
    joins or moves lines; None when a break cannot be kept (the word counts differ)."""
    if "\n" not in original and "\r" not in original:
        return replacement
    gaps = re.findall(r"\s+", original.strip())
    words = replacement.split(" ")
    if len(words) != len(gaps) + 1:
        return None
    return "".join(w + g for w, g in zip(words, [*gaps, ""], strict=True))
