"""Reporting cues ("said", "according to", "in a statement") found by looking words up.

The cue lexicon holds about a thousand forms. As one regular expression (a trie of alternatives
inside word-boundary look-arounds) it costs more to compile than a short article costs to lint, and
every `factlint check` pays that at start-up. Looking each word of the text up in a set finds the
same cues with no compilation: a cue starts a run of word characters (letters, digits, ``_``,
apostrophes, hyphens) and ends where no word character or apostrophe follows (a hyphen may:
"believed- cooperation"); a multi-word cue's words are separated by white space in the text.
Where several cues start at the same word, the longest that fits wins, and the scan goes on after
it, as the regular expression did (tests/test_cues.py checks the two agree).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from factlint.analysis.fastregex import re2_or_none, re2_spans

WORD_RUN = re.compile(r"[\w’'-]+")
RUN_CHAR = re.compile(r"[\w’'-]")
NOT_AFTER = re.compile(r"[\w’']")  # a cue's last word is never followed by one of these
SPACE = re.compile(r"\s+")
WHOLE_RUN = re.compile(r"[\w’'-]+")
EDGE_RE2 = re2_or_none(r"[^\w’']")  # what may follow a first word, as RE2 (Unicode) counts it


class CueMatch:
    """A cue found in a text, with the methods of a regex match that the analysis reads."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._start, self._end, self._text = start, end, text[start:end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"<CueMatch {self._start}:{self._end} {self._text!r}>"


class CueScanner:
    """Every cue of a lexicon in a text, case-insensitively, as ``finditer`` and ``search``."""

    def __init__(self, cues: Iterable[str]) -> None:
        # first word -> the cues (as word tuples) that start with it, longest first
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for cue in set(cues):
            words = tuple(cue.lower().split())
            if words:
                self._by_first.setdefault(words[0], []).append(words)
        for entries in self._by_first.values():
            entries.sort(key=lambda words: (-len(" ".join(words)), words))
        # RE2 proposes where a first word starts a word: it takes the plain alternation of a
        # thousand words in well under a millisecond and scans in one pass. It has no
        # look-arounds, so the character before the word is part of its match (a space is put
        # before the text for a word at its start), and the one after is checked here; the
        # longest first word that starts there is matched (the alternation is longest first).
        firsts = "|".join(map(re.escape, sorted(self._by_first, key=len, reverse=True)))
        self._word_starts: object | None = None
        self._first_words: object | None = None
        if all(WHOLE_RUN.fullmatch(first) for first in self._by_first):
            # \w spelt out in ASCII: every character that can come before a word is let
            # through (a letter such as "é" is turned away in _word_starts_at_edges)
            self._word_starts = re2_or_none(r"[^0-9A-Za-z_’'-](?:" + firsts + ")")
        if self._word_starts is None:
            # where a first word is more than word characters (a cue given in a rule's options),
            # RE2 proposes where a first word ends a word, and the character before is checked
            self._first_words = re2_or_none(r"(?:" + firsts + r")(?:[^\w’']|$)")

    def finditer(self, text: str) -> Iterator[CueMatch]:
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter that lowers to two ("İ"): compare word by word
            lowered = "".join(char.lower()[:1] or char for char in text)
        after = 0
        for start in self._first_word_starts(lowered):
            if start < after:
                continue
            run_end = WORD_RUN.match(lowered, start).end()  # type: ignore[union-attr]
            end = self._longest_at(lowered, start, run_end)
            if end is not None:
                after = end
                yield CueMatch(text, start, end)

    def _first_word_starts(self, lowered: str) -> list[int]:
        """Where a word that begins some cue begins a run of word characters, in order."""
        if self._word_starts is not None:
            return self._word_starts_at_edges(lowered)
        if self._first_words is None:
            return self._first_word_starts_by_find(lowered)
        return [
            start
            for start, _ in re2_spans(self._first_words, lowered)
            if start == 0 or not RUN_CHAR.match(lowered, start - 1)  # not inside a word
        ]

    def _word_starts_at_edges(self, lowered: str) -> list[int]:
        """The same where each first word is a run of word characters: RE2 proposes a word start
        and the longest first word there; the start is kept where that word, or a shorter first
        word before a hyphen in it, ends before an edge (what the first-word scan accepts)."""
        starts = []
        for start, end in re2_spans(self._word_starts, " " + lowered):
            # the match's first character is the one before the word; in the text, the word
            # starts at `start`
            if start and RUN_CHAR.match(lowered, start - 1):
                continue  # inside a word: a non-ASCII letter came before it
            word_end = end - 1
            if _edge_at(lowered, word_end) or self._first_word_before_hyphen(
                lowered, start, word_end
            ):
                starts.append(start)
        return starts

    def _first_word_before_hyphen(self, lowered: str, start: int, end: int) -> bool:
        """Whether a first word ends before a hyphen in ``lowered[start:end]``."""
        hyphen = lowered.find("-", start + 1, end)
        while hyphen > 0:
            if lowered[start:hyphen] in self._by_first:
                return True
            hyphen = lowered.find("-", hyphen + 1, end)
        return False

    def _first_word_starts_by_find(self, lowered: str) -> list[int]:
        """The same without RE2: the text's distinct words are collected in one pass and only
        those that begin a cue are looked for (``str.find``)."""
        words = set(WORD_RUN.findall(lowered))
        firsts = words & self._by_first.keys()
        for word in [word for word in words if "-" in word]:
            firsts.update(prefix for prefix in _hyphen_prefixes(word) if prefix in self._by_first)
        starts = []
        for first in firsts:
            at = lowered.find(first)
            while at >= 0:
                end = at + len(first)
                if (at == 0 or not RUN_CHAR.match(lowered, at - 1)) and (
                    end == len(lowered) or lowered[end] == "-" or not RUN_CHAR.match(lowered, end)
                ):
                    starts.append(at)
                at = lowered.find(first, at + 1)
        return sorted(set(starts))

    def search(self, text: str) -> CueMatch | None:
        return next(self.finditer(text), None)

    def _longest_at(self, lowered: str, start: int, run_end: int) -> int | None:
        """The end of the longest cue that starts at ``start`` in the lower-cased text (a run of
        word characters that ends at ``run_end``), or None."""
        best: int | None = None
        # A cue's first word ends at the end of the run or just before a hyphen inside it.
        ends = [run_end]
        hyphen = lowered.find("-", start + 1, run_end)
        while hyphen > 0:
            ends.insert(-1, hyphen)
            hyphen = lowered.find("-", hyphen + 1, run_end)
        for first_end in reversed(ends):  # longest first word first
            for words in self._by_first.get(lowered[start:first_end], ()):
                end = self._rest_matches(lowered, first_end, words[1:])
                if end is not None and (best is None or end > best):
                    best = end
        return best

    def _rest_matches(self, text: str, pos: int, words: tuple[str, ...]) -> int | None:
        """Where the cue ends if ``words`` follow ``pos`` in the lower-cased text (each after
        white space), or None."""
        for word in words:
            space = SPACE.match(text, pos)
            if space is None:
                return None
            pos = space.end()
            if not text.startswith(word, pos):
                return None
            pos += len(word)
        if NOT_AFTER.match(text, pos):
            return None
        return pos


def _edge_at(text: str, at: int) -> bool:
    """Whether a first word may end at ``at``: the end of the text, or a character that is no
    word character or apostrophe as RE2 counts them (the first-word scan's test; RE2 knows letters
    that Python's Unicode tables do not)."""
    if at == len(text):
        return True
    char = text[at]
    if char.isascii():
        return NOT_AFTER.match(char) is None
    if EDGE_RE2 is None:  # pragma: no cover  (no RE2: this scan is not used)
        return False
    return EDGE_RE2.fullmatch(char) is not None  # type: ignore[attr-defined]


def _hyphen_prefixes(word: str) -> list[str]:
    """The word, and each part of it before a hyphen ("said-so": "said", "said-so")."""
    prefixes = [word]
    at = word.find("-", 1)
    while at > 0:
        prefixes.append(word[:at])
        at = word.find("-", at + 1)
    return prefixes
