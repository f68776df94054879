"""Word lists as trie-shaped regular expressions.

A plain alternation of hundreds of titles or cues ("a|ab|abc|...") makes Python's regex engine try
every alternative at every position; the same words arranged as a prefix trie fail at the first
character that cannot continue, which is several times faster on news-length text. The matching
is the same: at each node longer continuations are tried before ending, as in a longest-first
alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

END = ""


def trie_regex(words: Iterable[str], *, space: str = r"\s+") -> str:
    """A regex source matching exactly the given words (a space in a word matches ``space``)."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[END] = {}
    return _render(root, space)


def _render(node: dict[str, dict], space: str) -> str:  # type: ignore[type-arg]
    branches = [
        (space if char == " " else re.escape(char)) + _render(child, space)
        for char, child in sorted(node.items())
        if char != END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if END in node else body
