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
from factlint.analysis.trie import trie_regex

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
        # first word -> the cues that start with it, as a tree of the words that follow
        self._by_first: dict[str, _Following] = {}
        for cue in set(cues):
            words = cue.lower().split()
            if words:
                node = self._by_first.setdefault(words[0], _Following())
                for word in words[1:]:
                    node = node.words.setdefault(word, _Following())
                node.ends = True
        for node in self._by_first.values():
            node.settle()
        # RE2 proposes where a first word starts a word: it takes the plain alternation of a
        # thousand words in well under a millisecond and scans in one pass. It has no
        # look-arounds, so the character before the word is part of its match (a space is put
        # before the text for a word at its start), and the one after is checked here; the
        # longest first word that starts there is matched (the alternation is longest first).
        self._word_starts: object | None = None
        self._first_words: object | None = None
        self._phrase_openings: re.Pattern[str] | None = None
        if all(WHOLE_RUN.fullmatch(first) for first in self._by_first):
            # A first word of a letter or two that only phrases start with ("a statement said",
            # "in a tweet", "as saying", "go on") begins a great many words ("and", "into"):
            # RE2 would propose each, and the word itself (an article, a preposition) would
            # rarely go on into a cue. Those phrases are looked for by their first two words.
            short = {
                word for word, node in self._by_first.items() if _short_phrase_start(word, node)
            }
            scanned = [word for word in self._by_first if word not in short]
            # \w spelt out in ASCII: every character that can come before a word is let
            # through (a letter such as "é" is turned away in _word_starts_at_edges)
            if scanned:
                alternatives = _alternation(scanned)
                self._word_starts = re2_or_none(r"[^0-9A-Za-z_’'-](?:" + alternatives + ")")
            if self._word_starts is not None and short:
                openings = [
                    f"{word} {then}" for word in short for then in self._by_first[word].words
                ]
                self._phrase_openings = re.compile(trie_regex(openings))
        if self._word_starts is None:
            # where a first word is more than word characters (a cue given in a rule's options),
            # RE2 proposes where a first word ends a word, and the character before is checked
            firsts = _alternation(self._by_first)
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
            starts = self._word_starts_at_edges(lowered)
            if self._phrase_openings is not None:
                phrase_starts = self._phrase_starts(self._phrase_openings, lowered)
                if phrase_starts:
                    starts = sorted({*starts, *phrase_starts})
            return starts
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

    @staticmethod
    def _phrase_starts(openings: re.Pattern[str], lowered: str) -> list[int]:
        """Where the first two words of a phrase whose first word is short (see ``__init__``)
        start a run of word characters. Each search goes on from the character after the last
        start, not from the end of its match, as phrases may overlap ("in a statement said")."""
        starts = []
        found = openings.search(lowered)
        while found is not None:
            start = found.start()
            if not (start and RUN_CHAR.match(lowered, start - 1)):
                starts.append(start)
            found = openings.search(lowered, start + 1)
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
        for first_end in _word_ends(lowered, start, run_end):
            following = self._by_first.get(lowered[start:first_end])
            if following is not None:
                end = following.longest(lowered, first_end)
                if end is not None and (best is None or end > best):
                    best = end
        return best


class _Following:
    """The cues of a lexicon that go on from a word: whether one ends with it, and the words
    that may follow it (after white space), each with the cues that go on from there. As a tree,
    the words after "in" are looked up once for the twenty-odd "in a …" cues, not once a cue."""

    __slots__ = ("ends", "words", "runs_only")

    def __init__(self) -> None:
        self.ends = False
        self.words: dict[str, _Following] = {}
        self.runs_only = True  # every following word is a run of word characters

    def settle(self) -> None:
        """Note, through the tree, where the following words can be looked up by the text's."""
        self.runs_only = all(WHOLE_RUN.fullmatch(word) for word in self.words)
        for node in self.words.values():
            node.settle()

    def longest(self, text: str, pos: int) -> int | None:
        """Where the longest cue ends that goes on from the word ending at ``pos`` in the
        lower-cased text (each further word after white space; the last followed by no word
        character or apostrophe), or None."""
        best = pos if self.ends and not NOT_AFTER.match(text, pos) else None
        if self.words:
            space = SPACE.match(text, pos)
            if space is not None:
                for end, node in self._next_words(text, space.end()):
                    found = node.longest(text, end)
                    if found is not None and (best is None or found > best):
                        best = found
        return best

    def _next_words(self, text: str, pos: int) -> list[tuple[int, _Following]]:
        """The following words that start at ``pos``: where each ends, and its node."""
        if not self.runs_only:
            return [
                (pos + len(word), node)
                for word, node in self.words.items()
                if text.startswith(word, pos)
            ]
        # A word of word characters that a cue may go on from (white space after it) or end with
        # (no word character or apostrophe after it) ends where the text's run of word characters
        # does or before a hyphen in it: those are the only places to look it up.
        run = WORD_RUN.match(text, pos)
        if run is None:
            return []
        found = []
        for end in _word_ends(text, pos, run.end()):
            node = self.words.get(text[pos:end])
            if node is not None:
                found.append((end, node))
        return found


def _alternation(words: Iterable[str]) -> str:
    """The words as a regular expression's alternatives, longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _short_phrase_start(word: str, following: _Following) -> bool:
    """Whether only cues of several words start with ``word``, one or two ASCII letters long.
    Followed by white space, such a word is where the first-word scan would propose it (no
    longer first word starts there, and a shorter one ends inside letters), so its phrases
    need no other test of where it ends."""
    return not following.ends and len(word) <= 2 and word.isascii() and word.isalpha()


def _word_ends(text: str, start: int, run_end: int) -> list[int]:
    """Where a word starting at ``start`` in a run of word characters that ends at ``run_end``
    may end: before each hyphen after its first character, and at the run's end."""
    ends = []
    hyphen = text.find("-", start + 1, run_end)
    while hyphen > 0:
        ends.append(hyphen)
        hyphen = text.find("-", hyphen + 1, run_end)
    ends.append(run_end)
    return ends


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
