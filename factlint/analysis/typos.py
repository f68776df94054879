"""Whether a word the engine's dictionary lacks is a misspelling: a noisy-channel test.

A grammar engine's dictionary is small beside the vocabulary of news: names (Middlesbrough,
Westlife), trade and foreign words (bourse, kwacha, parastatal), new compounds (eurobond,
netback). A sub-editor marks a word as misspelt when it is a slip for a word they know: a letter
dropped, doubled, swapped or replaced in a common word ("goverment", "recieve", "Cheslea"). So
an unknown word is reported only when one of the engine's suggestions is such a slip away (one
edit; two for a long word no word list knows) and far more common than the word itself, by the
word frequencies of ``wordfreq`` (Wikipedia, news, books, web and subtitles; its data ships in its
wheel and is read locally). A word the list knows as common, a word the document uses
consistently several times, an inflection or compound of common words and a mixed-case brand
(iPhoto) are deliberate. ``wordfreq`` is imported on the first word that needs it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s?$")
STEM = 4  # letters of the shortest stem or word of a coinage (per+has is no compound)


@dataclass(frozen=True)
class TypoModel:
    """The thresholds of the test (the unknown-word rule's options)."""

    common: float = 3.0  # Zipf frequency at which a word is a known word (or name)
    gap: float = 2.0  # how much more common (Zipf, log10) a correction must be: 100 times
    name_gap: float = 2.5  # ... for a capitalised word, which may be a name (Ealing -> Eating)
    part: float = 3.5  # Zipf frequency of each word of an accepted compound or inflection
    function: float = 6.5  # ... but below that of function words ("andthe" is a missing space)
    long_word: int = 9  # letters from which a word no list knows may be two edits off
    short_word: int = 4  # letters up to which a word the list knows needs ``short_gap``: one
    short_gap: float = 3.0  # edit takes a short word to some common word (bil -> bill, ugt -> ugh)
    repeats: int = 3  # uses in one document that make a word deliberate
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    compound_suffixes: tuple[str, ...] = ()  # ... and in a part of a hyphenated compound

    def correction(
        self, word: str, suggestions: tuple[str, ...], uses: int, title_case: bool = False,
        hyphenated: bool = False,
    ) -> str | None:
        """The suggestion ``word`` is plausibly a slip for, or None when it looks deliberate.
        ``title_case``: the word is in a headline, whose capitals say nothing of names;
        ``hyphenated``: it is part of a hyphenated compound (four-engined, clay-courters)."""
        suffixes = self.suffixes + (self.compound_suffixes if hyphenated else ())
        if uses >= self.repeats or _mixed_case(word) or self._composed(word.lower(), suffixes):
            return None
        lower = word.lower()
        own = zipf(lower)
        named = word[:1].upper() + word[1:]
        if lower == word and any(POSSESSIVE.sub("", s) == named for s in suggestions):
            return named  # a name in lower case: paris, wednesday
        if own >= self.common:
            return None  # a known word
        reach = 2 if own == 0 and len(lower) >= self.long_word else 1
        bare = {s: POSSESSIVE.sub("", s.lower()) for s in suggestions}  # goverment's -> government
        near = [
            (zipf(bare[s]), s) for s in suggestions
            if OSA.distance(lower, bare[s]) <= reach and self._slip_for(lower, bare[s])
        ]
        best = max(near, default=None, key=lambda pair: pair[0])  # the commonest: strong, not strange
        if own > 0 and len(lower) <= self.short_word:
            gap = self.short_gap
        else:
            gap = self.name_gap if word[:1].isupper() and not title_case else self.gap
        return best[1] if best is not None and best[0] - own >= gap else None

    def _slip_for(self, lower: str, suggestion: str) -> bool:
        """Whether a suggestion is another word, not the same one split into two (write off, web
        pages: open and closed compounds are house style) unless one is a function word
        ("region by")."""
        if suggestion == lower:
            return False
        parts = re.split(r"[ -]", suggestion)
        if len(parts) > 1 and "".join(parts) == lower:
            return any(zipf(part) >= self.function for part in parts)
        return True

    def _composed(self, lower: str, suffixes: tuple[str, ...]) -> bool:
        """A plural (liftings), a prefixed word (overlifting), a closed compound (writeoffs) of
        common words, or a plural of such a word (reschedulings): a deliberate coinage, not a slip. Only plurals: a slip often makes an
        inflection of its own ("steped", "occured"), which a real word list would lack."""
        for suffix in suffixes:
            stem = lower[: -len(suffix)]
            if lower.endswith(suffix) and len(stem) >= STEM and (
                self.common <= zipf(stem) or self._composed(stem, ())  # reschedulings
            ):
                return True
        for prefix in self.prefixes:
            rest = lower[len(prefix) :]
            if lower.startswith(prefix) and len(rest) >= STEM and self._part(rest):
                return True
        return any(
            self._part(lower[:cut]) and self._part(lower[cut:])
            for cut in range(STEM, len(lower) - STEM + 1)
        )

    def _part(self, word: str) -> bool:
        return self.part <= zipf(word) < self.function


def word_uses(text: str) -> Counter[str]:
    """How often each word (lower case, possessives removed) occurs in a text."""
    return Counter(POSSESSIVE.sub("", w.lower()) for w in WORD.findall(text))


def _mixed_case(word: str) -> bool:
    """A capital after the first letter in a word that is not all capitals: iPhoto, LCDs."""
    return any(ch.isupper() for ch in word[1:]) and not word.isupper()


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The word's Zipf frequency in English (log10 per billion words; 0 when unknown)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))

