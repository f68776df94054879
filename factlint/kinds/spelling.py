"""The spelling kind: British and American variants of the same word, by dialect or by majority."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import filterfalse
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from factlint.kinds._text import match_case
from factlint.kinds.base import Kind, Options, related_at

if TYPE_CHECKING:
    from factlint.analysis import Hit
    from factlint.document import Document
    from factlint.finding import Finding

INFLECTIONS = ("s", "es", "d", "ed", "ing")
POSSESSIVE = re.compile(r"['’]s?$")
# Head words that make a capitalised run an organisation or place name ("Department of Defense").
NAME_HEADS = frozenset(
    """department organization organisation center centre party harbor harbour council agency
    ministry institute university association foundation corporation command college school
    hospital commission authority bureau office force forces union league society company""".split()
)
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "&"})
# Capitalised words that make a variant part of a title, not of a name ("Defense Secretary").
TITLE_WORDS = frozenset(
    """secretary secretaries minister ministers ministry department departments committee
    officials chief chiefs head spokesman spokeswoman forces""".split()
)


class SpellingOptions(Options):
    """Options of the spelling kind."""

    pairs: str = Field("data/spelling-en.tsv", description="TSV of british<TAB>american pairs")
    oxford: bool = Field(False, description="en-GB with Oxford -ize spellings (organize, realize)")
    exceptions: str = Field("data/proper-names.txt", description="Proper names never flagged")
    extra_exceptions: list[str] = Field(default_factory=list, description="More proper names")


@dataclass(frozen=True)
class Variant:
    family: str  # the British lemma both spellings share
    dialect: str  # "en-GB" | "en-US"
    other: str  # the same word in the other dialect
    ize: bool  # an -ise/-ize pair (Oxford spelling prefers -ize)


class Spelling(Kind[SpellingOptions]):
    """Flag off-dialect spellings, or in ``auto`` the minority variant of a mixed word family."""

    name = "spelling"
    options_model = SpellingOptions
    fixable = True

    @cached_property
    def _variants(self) -> dict[str, Variant]:  # looked up once per rule, not per document
        return load_pairs(str(self.data_file(self.options.pairs)))

    @cached_property
    def _exceptions(self) -> list[str]:
        names = list(load_lines(str(self.data_file(self.options.exceptions))))
        return names + self.options.extra_exceptions

    def check(self, doc: Document) -> Iterator[Finding]:
        variants = self._variants
        hits = [(hit, variant) for hit, variant in self._variant_hits(doc, variants)]
        if not hits:
            return
        exempt = self._exempt_spans(doc)
        hits = [(h, v) for h, v in hits if not _covered(h, exempt) and not _in_name(h)]
        names = {h.text.lower() for h, _ in hits if _beside_name(h)}
        hits = [(h, v) for h, v in hits if not (h.text[:1].isupper() and h.text.lower() in names)]
        dialect = self.settings.dialect
        if dialect == "auto":
            yield from self._by_majority(doc, hits)
            return
        for hit, variant in hits:
            preferred = self._preferred_dialect(variant, dialect)
            if variant.dialect != preferred:
                fix = match_case(variant.other, hit.text)
                yield self.finding_at(
                    doc, hit, suggestions=[fix],
                    message=f"'{hit.text}' is {_dialect_name(variant.dialect)} spelling; "
                    f"the house style ({dialect}{', Oxford' if self.options.oxford else ''}) "
                    f"is '{fix}'",
                )

    def _preferred_dialect(self, variant: Variant, dialect: str) -> str:
        if dialect == "en-GB" and self.options.oxford and variant.ize:
            return "en-US"
        return "en-US" if dialect == "en-US" else "en-GB"

    def _by_majority(self, doc: Document, hits: list[tuple[Hit, Variant]]) -> Iterator[Finding]:
        families: dict[str, list[tuple[Hit, Variant]]] = defaultdict(list)
        for hit, variant in hits:
            families[variant.family].append((hit, variant))
        for members in families.values():
            counts: dict[str, int] = defaultdict(int)
            for _, variant in members:
                counts[variant.dialect] += 1
            if len(counts) < 2:
                continue
            first_dialect = members[0][1].dialect  # document order, headline included
            majority = max(counts, key=lambda d: (counts[d], d == first_dialect))
            majority_hits = [h for h, v in members if v.dialect == majority]
            related = [related_at(doc, h) for h in majority_hits[:10]]
            total = sum(counts.values())
            for hit, variant in members:
                if variant.dialect == majority:
                    continue
                fix = match_case(variant.other, hit.text)
                yield self.finding_at(
                    doc, hit, suggestions=[fix], related=related,
                    message=f"'{hit.text}' mixes spellings: this document mostly spells it "
                    f"'{fix}' ({_dialect_name(majority)}, {counts[majority]} of {total})",
                )

    def _variant_hits(self, doc: Document, variants: dict[str, Variant]) -> Iterator[
        tuple[Hit, Variant]
    ]:
        analysis = doc.analysis
        segments = doc.segments
        found = []
        # Which words hold a variant, and where in the word: plain words are a set intersection;
        # only compounds and possessives (words that are not all letters) need splitting. Only
        # the words found are then located.
        keys = analysis.word_keys
        parts_at: dict[str, list[tuple[int, str]]] = {w: [(0, w)] for w in keys & variants.keys()}
        for word in filterfalse(str.isalnum, keys):
            parts = word.split("-")
            offset, matches = 0, []
            for part in parts:
                bare = POSSESSIVE.sub("", part)
                if bare in variants:
                    matches.append((offset, bare))
                offset += len(part) + 1
            if matches:
                parts_at[word] = matches
        for word, tokens in analysis.tokens_of(parts_at).items():
            for token in tokens:
                segment = segments[token.segment]
                for offset, part in parts_at[word]:
                    start = token.start + offset
                    end = start + len(part)
                    if analysis.in_scope(segment, start, end, self.scope):
                        found.append((analysis.hit(segment, start, end), variants[part]))
        found.sort(key=lambda pair: pair[0].source_start)
        return iter(found)

    def _exempt_spans(self, doc: Document) -> list[tuple[int, int]]:
        spans = []
        everywhere = frozenset({"prose", "headline", "quotes"})
        for name in self._exceptions:
            spans += [(h.source_start, h.source_end) for h in doc.analysis.term_hits(name, everywhere, case=True)]
        return sorted(spans)


def _covered(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    """Whether an exception span contains the hit (spans sorted; names are < 100 characters)."""
    low = bisect_left(spans, (hit.source_end - 100, 0))
    high = bisect_right(spans, (hit.source_start, float("inf")))
    return any(e >= hit.source_end for _, e in spans[low:high])


def _in_name(hit: Hit) -> bool:
    """A capitalised variant inside a capitalised multi-word organisation name, outside headlines."""
    if hit.segment.kind != "prose" or not hit.text[:1].isupper():
        return False
    text = hit.segment.text
    words = _capitalised_run(text, hit.start, hit.end)
    return len(words) >= 2 and any(w.lower() in NAME_HEADS for w in words)


def _beside_name(hit: Hit) -> bool:
    """A capitalised variant inside a sentence of prose is a name (Stuart Gray, Arbor Networks,
    the film Airplane!), unless a title word follows it ("the position of Defense Secretary")."""
    if hit.segment.kind != "prose" or not hit.text[:1].isupper() or hit.text.isupper():
        return False
    text = hit.segment.text
    before = text[: hit.start].rstrip()
    if not before or before[-1] in ".!?:;\"“‘'(—–-":
        return False  # a sentence (or quotation) starts here: the capital says nothing
    after = re.match(r"\s([A-Z][\w’'-]*)", text[hit.end : hit.end + 40])
    return not (after and after.group(1).lower() in TITLE_WORDS)


def _capitalised_run(text: str, start: int, end: int) -> list[str]:
    """Capitalised words around a span, bridging up to two connectors ("Department of the ...")."""
    before = re.findall(r"[\w’'&.-]+", text[max(0, start - 60) : start])[::-1]
    after = re.findall(r"[\w’'&.-]+", text[end : end + 60])
    return _extend(before) + [text[start:end]] + _extend(after)


def _extend(words: list[str]) -> list[str]:
    taken: list[str] = []
    pending = 0
    for word in words:
        if word[:1].isupper():
            taken.append(word)
            pending = 0
        elif word in CONNECTORS and pending < 2:
            pending += 1
        else:
            break
    return taken


@lru_cache(maxsize=8)
def load_pairs(path: str) -> dict[str, Variant]:
    """Read a British<TAB>American pair list into a lookup of both spellings."""
    variants: dict[str, Variant] = {}
    pairs = [line.partition("\t")[::2] for line in load_lines(path)]
    british_words = {british for british, _ in pairs}
    for british, american in pairs:
        if not american:
            continue
        family = _lemma(british, british_words)
        ize = british.replace("is", "iz") == american or british.replace("isa", "iza") == american
        variants[british] = Variant(family, "en-GB", american, ize)
        variants.setdefault(american, Variant(family, "en-US", british, ize))
    return variants


def _lemma(word: str, words: set[str]) -> str:
    """The uninflected form of ``word`` when the list has it (defences -> defence)."""
    for suffix in INFLECTIONS:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            for candidate in (stem, stem + "e"):
                if candidate in words:
                    return candidate
    return word


@lru_cache(maxsize=32)
def load_lines(path: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file (missing file -> empty)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    return tuple(
        line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _dialect_name(dialect: str) -> str:
    return "British" if dialect == "en-GB" else "American"
