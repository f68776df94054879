"""Proper names a document establishes: words it capitalises in the middle of a sentence.

A simple, loose heuristic for name-aware spelling: "Shapps" in "marked Shapps' first trip" is a
name because nothing but a name is capitalised there. Words at a sentence start or after an opening
quote mark, a colon or a bracket are not evidence unless a capitalised word follows ("Arsene
Wenger said") or they are possessive ("Zelenskiy's office"); headlines (title case) are not
evidence either. Names the analysis finds in name position (``name_mentions``) and people
(``people``, from the attribution analysis when present) count too. When the
analysis layer knows people (``doc.analysis.people``), their names are added.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.analysis import Analysis, Token
    from factlint.document import Document

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
OPENERS = set("“\"‘'(:[—–-•*")
_CACHE: weakref.WeakKeyDictionary[Analysis, frozenset[str]] = weakref.WeakKeyDictionary()


def strip_possessive(word: str) -> str:
    return POSSESSIVE.sub("", word)


def established_names(doc: Document) -> frozenset[str]:
    """Words (case kept, possessives removed) that the document uses as proper names."""
    analysis = doc.analysis
    if analysis not in _CACHE:
        _CACHE[analysis] = frozenset(_names(doc))
    return _CACHE[analysis]


def _names(doc: Document) -> set[str]:
    analysis = doc.analysis
    starts: dict[int, list[int]] = {}
    for sentence in analysis.sentences:
        starts.setdefault(sentence.segment, []).append(sentence.start)
    names: set[str] = set()
    for segment in doc.segments:
        if segment.kind != "prose":
            continue
        tokens = analysis.tokens[segment.index]
        token_starts = [t.start for t in tokens]
        initial = {bisect_left(token_starts, s) for s in starts.get(segment.index, [0])}
        for i, token in enumerate(tokens):
            if not token.text[:1].isupper():
                continue
            opening = i in initial or _after_opener(segment.text, token.start)
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if opening and not _run_start(segment.text, token, following) and not (
                POSSESSIVE.search(token.text)  # "Zelenskiy's office said"
            ):
                continue
            word = strip_possessive(token.text)
            names.add(word)
            names.update(part for part in word.split("-") if part[:1].isupper())
    for mention in getattr(analysis, "name_mentions", None) or ():  # "Mr Zelensky", "Jane Smith"
        if doc.segments[mention.segment].kind == "prose":  # title-case headlines are no evidence
            names.update(n for n in (mention.last, mention.first) if n)
    for person in getattr(analysis, "people", None) or ():  # the attribution analysis, if present
        for name in (getattr(person, "name", person), getattr(person, "full_name", None)):
            if isinstance(name, str):
                names.update(strip_possessive(w) for w in WORD.findall(name))
    return names


def _run_start(text: str, token: Token, following: Token | None) -> bool:
    """Whether a token opens a run of capitalised words (Arsene Wenger, Las Vegas)."""
    return (
        following is not None and following.text[:1].isupper()
        and text[token.end : following.start] == " "
    )


def _after_opener(text: str, start: int) -> bool:
    """Whether a token follows an opening quote, colon, bracket or dash (or starts the text)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\n\u00a0":
        i -= 1
    return i < 0 or text[i] in OPENERS
