"""Sentence splitting that survives abbreviations (Mr., U.K., Feb.), decimals and quotations."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from factlint.document import Segment

# A candidate end: terminal punctuation, any closing quotes/brackets, then whitespace. The first
# mark is spelled out ([.!?…] before [.!?…]*, not [.!?…]+): a pattern that starts with a class
# lets re skip to the marks, where one that starts with a repeat is tried at every position.
CANDIDATE = re.compile(r"[.!?…][.!?…]*['\"’”)\]]*(?=\s)")
NEXT_START = re.compile(r"\s+(?=['\"‘“(\[]?[\w])")
FIRST_WORD = re.compile(r"\w+")
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen lt col maj capt sgt cpl adm cmdr rep sen gov pres supt
    insp det rev hon fr sen atty no nos vs etc approx dept est fig inc ltd co corp plc bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    e.g i.e a.m p.m ave blvd rd univ assn vol pp cf al""".split()
)
# Words that, after a dotted acronym such as U.S., show that a new sentence has begun.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i but and this that these those there in on at his her its their
    our my after before when while however meanwhile officials""".split()
)


class Sentence(NamedTuple):  # a NamedTuple: immutable and cheap to build
    """A sentence: ``start``/``end`` are offsets in segment ``segment``'s text."""

    segment: int
    start: int
    end: int
    text: str


def split_sentences(segment: Segment) -> list[Sentence]:
    """Split one segment's text into sentences."""
    text = segment.text
    sentences = []
    start = _skip_space(text, 0)
    for match in CANDIDATE.finditer(text):
        end = match.end()
        follow = NEXT_START.match(text, end)
        if not follow or not _is_boundary(text, match.start(), follow.end()):
            continue
        if end > start:
            sentences.append(Sentence(segment.index, start, end, text[start:end]))
        start = follow.end()
    end = len(text.rstrip())
    if end > start:
        sentences.append(Sentence(segment.index, start, end, text[start:end]))
    return sentences


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _is_boundary(text: str, punct: int, next_start: int) -> bool:
    nxt = text[next_start:next_start + 40].lstrip("'\"‘“([")
    if not nxt:
        return False
    first = nxt[0]
    if text[punct] != ".":
        return first.isupper() or first.isdigit() or text[next_start] in "'\"‘“(["
    word_start = punct
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“‘":
        word_start -= 1
    word = text[word_start:punct]
    if word.lower() in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return False
    if "." in word and re.fullmatch(r"(?:\w\.)+\w", word):  # U.S., U.K., a.m.
        next_word = FIRST_WORD.match(nxt)
        starter = next_word is not None and next_word.group().lower() in SENTENCE_STARTERS
        return first.isupper() and starter
    return first.isupper() or first.isdigit() or text[next_start] in "'\"‘“(["
