"""Stable fingerprints of findings: rule, normalised flagged text and the sentence around it.

Line numbers are left out on purpose, so a fingerprint survives moving a paragraph or editing
another sentence; the baseline, GitLab's Code Quality report and SARIF's partialFingerprints share
it. Identical findings in one sentence are told apart by their occurrence number.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.engine import FileResult
    from factlint.finding import Finding

WINDOW = 600  # characters searched either side of a span for its sentence's ends
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n[ \t]*\n")
SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case and runs of white space do not make a finding new."""
    return SPACE.sub(" ", text).strip().casefold()


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or, at most, WINDOW characters either side) holding text[start:end]."""
    left = max(0, start - WINDOW)
    begin = left
    for match in SENTENCE_END.finditer(text, left, start):
        begin = match.end()
    stop = SENTENCE_END.search(text, end, min(len(text), end + WINDOW))
    return text[begin : stop.start() if stop else min(len(text), end + WINDOW)]


def fingerprint(finding: Finding, text: str | None) -> str:
    """The occurrence-free fingerprint of one finding in a file's text."""
    context = sentence_around(text, finding.offset, finding.end_offset) if text else ""
    sentence = hashlib.sha256(normalise(context).encode()).hexdigest()[:16]
    key = "\x1f".join((finding.rule, normalise(finding.text), sentence))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def fingerprints(
    result: FileResult, findings: Iterable[Finding] | None = None
) -> Iterator[tuple[Finding, str]]:
    """Each finding of a file (or ``findings`` of it) with its fingerprint; the n-th identical one
    gets a suffix :n."""
    text = result.source.text if result.source else None
    seen: Counter[str] = Counter()
    for finding in result.findings if findings is None else findings:
        base = fingerprint(finding, text)
        seen[base] += 1
        yield finding, base if seen[base] == 1 else f"{base}:{seen[base]}"
