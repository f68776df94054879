"""consistency/name: one person's or place's name spelled one way within a document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.fuzz import ratio

from factlint.analysis.people import FEMALE_HONORIFICS as FEMALE
from factlint.analysis.people import MALE_HONORIFICS as MALE
from factlint.kinds.base import Kind, Options, related_at
from factlint.kinds.spelling import load_lines
from factlint.records import check_bounds, describe

if TYPE_CHECKING:
    from factlint.analysis import Hit
    from factlint.analysis.people import NameMention
    from factlint.config import Settings
    from factlint.document import Document
    from factlint.facts.registry import Registry
    from factlint.finding import Finding

POSSESSIVE = re.compile(r"[’']s?$")
# Honorifics that name one office-holder: "President Reagan" is not "Donald Regan".
OFFICES = frozenset(
    "President Pope King Queen Prince Princess Chancellor Senator Sen Governor Gov Sheikh "
    "Ayatollah Premier General Gen".split()
)
# Capitalised last words of runs that are not surnames ("Finance Ministry", "Labour Party").
NOT_SURNAME = frozenset(
    "Minister Ministry Secretary Department Office Party Council Committee Bank Company Group "
    "Corp Inc Ltd Association University Union Street Road Court House Agency Authority "
    "Commission Board Service Services Centre Center".split()
)


class Listed(NamedTuple):
    """Known variant groups, with their words as written, lower-cased and possessive."""

    groups: list[list[str]]
    words: frozenset[str]
    keys: frozenset[str]
    possessives: frozenset[str]

    @classmethod
    def of(cls, groups: list[list[str]]) -> Listed:
        words = frozenset(word for group in groups for word in group)
        keys = frozenset(word.lower() for word in words)
        return cls(groups, words, keys, frozenset(k + s for k in keys for s in ("’s", "'s")))


@dataclass(frozen=True, kw_only=True)
class NameOptions(Options):
    """Options of the name kind."""

    variants: str = describe("Known variant groups, one a line", default="data/name-variants.txt")
    extra_variants: list[list[str]] = describe("More groups", default_factory=list)
    similarity: float = describe(
        "rapidfuzz ratio to link surnames", default=85.0, minimum=50, maximum=100
    )
    min_length: int = describe("Shortest surname compared by similarity", default=5, minimum=3)

    def __post_init__(self) -> None:
        check_bounds(self)


class NameConsistency(Kind[NameOptions]):
    """Flag the minority spelling of a name that the document spells two ways."""

    name = "name"
    options_model = NameOptions
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        listed = self._listed
        comparable = self._comparable(doc)
        occurrences = self._occurrences(doc, comparable)
        groups = []
        if not listed.words.isdisjoint(occurrences):  # most documents use no listed name
            groups = [g for g in listed.groups if sum(f in occurrences for f in g) > 1]
        groups += self._similar(doc, occurrences, comparable)
        registered = _registered_names(self.settings) if groups else frozenset()
        for group in groups:
            present = [f for f in group if f in occurrences]
            order = sorted(present, key=lambda f: occurrences[f][0].source_start)
            dominant = max(order, key=lambda f: (len(occurrences[f]), -order.index(f)))
            counts = sorted((len(occurrences[f]) for f in present), reverse=True)
            sure = counts[0] > counts[1]  # on a tie the first form is only a guess: don't auto-fix
            house = [f for f in order if f.lower() in registered]
            if len(house) == 1:  # the facts registry spells the name: it wins over any count
                dominant, sure = house[0], True
            uses = _times(len(occurrences[dominant])) + (
                "; the facts registry spells it so" if len(house) == 1 else "")
            related = [related_at(doc, h) for h in occurrences[dominant][:10]]
            for form in order:
                if form != dominant:
                    for hit in occurrences[form]:
                        yield self.finding_at(doc, hit, suggestions=[dominant], related=related,
                                              fixable=sure, expected=dominant, uses=uses)

    @cached_property
    def _listed(self) -> Listed:
        """The known variant groups, read once per rule rather than once per document."""
        listed = _variant_groups(str(self.data_file(self.options.variants)))
        return Listed.of([*listed, *self.options.extra_variants])

    def _occurrences(self, doc: Document, lasts: set[str]) -> dict[str, list[Hit]]:
        """Capitalised uses of the listed words and of the surnames ``lasts`` (possessive
        removed) -> their hits, in order."""
        listed = self._listed
        wanted = listed.words | lasts
        keys = listed.keys | {word.lower() for word in lasts}
        possessives = listed.possessives | {k + s for k in keys - listed.keys for s in ("’s", "'s")}
        # The distinct words that are a wanted word, possibly possessive (set operations in C;
        # tokens never end in a bare ’)
        word_keys = doc.analysis.word_keys
        present = {key for key in word_keys & keys if not key.endswith(("’s", "'s"))}
        present |= word_keys & possessives
        tokens = [t for found in doc.analysis.tokens_of(present).values() for t in found]
        hits: dict[str, list[Hit]] = {}
        analysis = doc.analysis
        for token in sorted(tokens, key=lambda t: (t.segment, t.start)):
            word = POSSESSIVE.sub("", token.text)
            if word not in wanted:
                continue  # another capitalisation ("Brown" vs "brown")
            segment = doc.segments[token.segment]
            end = token.start + len(word)
            if analysis.in_scope(segment, token.start, end, self.scope):
                hits.setdefault(word, []).append(analysis.hit(segment, token.start, end))
        return hits

    def _comparable(self, doc: Document) -> set[str]:
        """The surnames in name position long enough to compare by similarity. Only these and
        the listed names are looked up: title-case headlines make "The" or "In" a surname."""
        return {
            m.last
            for m in doc.analysis.name_mentions
            if len(m.last) >= self.options.min_length and m.last not in NOT_SURNAME
        }

    def _similar(
        self, doc: Document, occurrences: dict[str, list[Hit]], comparable: set[str]
    ) -> list[list[str]]:
        """Pairs of similar surnames of what must be the same person (first names agree)."""
        people: dict[str, list[NameMention]] = {}
        index = doc.analysis.tokens_of({last.lower() for last in comparable})
        common: dict[str, bool] = {}  # once per surname, not per mention (linear in mentions)
        for mention in doc.analysis.name_mentions:
            last = mention.last
            if last not in occurrences or last not in comparable:
                continue
            if last not in common:
                common[last] = any(t.text.islower() for t in index.get(last.lower(), ()))
            if common[last]:
                continue  # also a common word here ("Brown" and "brown"): not only a name
            people.setdefault(last, []).append(mention)
        by_initial: dict[str, list[str]] = {}
        for name in sorted(people, key=lambda n: occurrences[n][0].source_start):
            by_initial.setdefault(name[0], []).append(name)
        pairs = []
        for names in by_initial.values():  # similar names share an initial: compare within it
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    if min(len(occurrences[a]), len(occurrences[b])) > 1:
                        continue  # both used repeatedly: two people (Reagan and Regan)
                    if (
                        self._alike(a, b) or _letter_added_to_one_given_name(a, b, people)
                    ) and _same_person(people[a], people[b]):
                        pairs.append([a, b])
        return pairs

    def _alike(self, a: str, b: str) -> bool:
        return similar_surnames(a, b, self.options.similarity)


def similar_surnames(a: str, b: str, similarity: float) -> bool:
    """Two spellings of one surname: one edit apart, or at most two and alike by rapidfuzz ratio."""
    if abs(len(a) - len(b)) > 2 or a.rstrip("s") == b.rstrip("s"):
        return False
    if a.startswith(b) or b.startswith(a):  # America / American
        return False
    if OSA.distance(a, b) == 1:  # one letter changed, added, dropped, or two swapped
        return True
    return Levenshtein.distance(a, b) <= 2 and ratio(a, b) >= similarity


@lru_cache(maxsize=8)
def _variant_groups(path: str) -> tuple[list[str], ...]:
    """The shipped transliteration variants: one comma-separated group per line (parsed once)."""
    return tuple([w.strip() for w in line.split(",")] for line in load_lines(path))


def _letter_added_to_one_given_name(a: str, b: str, people: dict[str, list[NameMention]]) -> bool:
    """"Olivia Clark" and "Olivia Clarke": a letter added at the end (which similar_surnames
    leaves alone: "America" and "American") with the same given name on both sides."""
    if not (a.startswith(b) or b.startswith(a)) or abs(len(a) - len(b)) != 1:
        return False
    firsts = [{m.first for m in people[name] if m.first} for name in (a, b)]
    return bool(firsts[0] & firsts[1])


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _same_person(a: list[NameMention], b: list[NameMention]) -> bool:
    """Never link two people: differing first names, sexes of honorific, or an office-holder's
    title on one side and a first name on the other keep them apart."""
    firsts_a = {m.first for m in a if m.first}
    firsts_b = {m.first for m in b if m.first}
    if firsts_a and firsts_b and not firsts_a & firsts_b:
        return False
    offices_a = {m.honorific for m in a if m.honorific in OFFICES}
    offices_b = {m.honorific for m in b if m.honorific in OFFICES}
    if offices_a - offices_b and firsts_b - firsts_a:
        return False
    if offices_b - offices_a and firsts_a - firsts_b:
        return False
    sexes = [{"f" if m.honorific in FEMALE else "m" for m in ms if m.honorific in FEMALE | MALE}
             for ms in (a, b)]
    return not (sexes[0] and sexes[1] and sexes[0] != sexes[1])


def _registered_names(settings: Settings) -> frozenset[str]:
    """The surnames and place names of the facts registry, lower-cased (none without one; a
    registry that does not load is the facts rules' to report)."""
    from factlint.errors import FactlintError
    from factlint.facts.context import registry_for

    try:
        registry = registry_for(settings)
    except FactlintError:
        return frozenset()
    return _names_of(registry) if registry is not None else frozenset()


@lru_cache(maxsize=8)
def _names_of(registry: Registry) -> frozenset[str]:
    return frozenset(
        [person.last_name.lower() for person in registry.people]
        + [place.name.lower() for place in registry.places]
    )
