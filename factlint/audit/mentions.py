"""The one adapter between the audit and the analysis layer: the names and offices of a document.

Everything the audit knows about who and which office an article names comes through
``mention_rows`` (per document, on a worker) and ``same_name`` (across the archive), so that a
change in how the analysis finds people (factlint/analysis: people, names, offices) is re-pointed
here and nowhere else. People are the analysis's names in name position (``doc.analysis.name_mentions``, as
consistency/name reads them) whose first word is a given name of the people lexicon ("Caspar
Weinberger", not "International Organization" or "State Shultz"); offices are its office
mentions (``doc.analysis.offices``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from factlint.analysis.lexicons import lexicons
from factlint.checks.name import (
    NOT_SURNAME,
    NameConsistency,
    NameOptions,
    _variant_groups,
    similar_surnames,
)
from factlint.checks.office import OfficeConsistency, OfficeOptions
from factlint.kinds.spelling import Variant, load_pairs
from factlint.packs import builtin_rules_dir
from factlint.unionfind import DisjointSets

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.engine import Linter

POSSESSIVE = re.compile(r"[’']s?$")
NAME, OFFICE = "name", "office"


class Mention(NamedTuple):
    """How often a document writes one variant of one name or office.

    ``key`` is what stays the same across spellings: for an office its post (modifier, head and
    portfolio in British spelling); for a listed name its variant group; for another person the
    first name, whose surnames ``same_name`` compares across the archive.
    """

    kind: str
    key: str
    variant: str
    uses: int


@dataclass
class Vocabulary:
    """The name and office settings of one linter (the same the consistency rules use) and the
    given names of the people lexicon."""

    groups: list[list[str]]
    similarity: float
    min_length: int
    pairs: dict[str, Variant]
    first_names: frozenset[str]

    @classmethod
    def of(cls, linter: Linter) -> Vocabulary:
        names = next((r for r in linter.rules if isinstance(r, NameConsistency)), None)
        offices = next((r for r in linter.rules if isinstance(r, OfficeConsistency)), None)
        rules = builtin_rules_dir()
        name_options = names.options if names else NameOptions()
        name_dir = Path(names.spec.base_dir) if names else rules
        office_dir = Path(offices.spec.base_dir) if offices else rules
        pairs = (offices.options if offices else OfficeOptions()).pairs
        groups = [*_variant_groups(str(name_dir / name_options.variants)),
                  *name_options.extra_variants]
        return cls(groups, name_options.similarity, name_options.min_length,
                   load_pairs(str(office_dir / pairs)), lexicons().first_names)

    @cached_property
    def group_of(self) -> dict[str, str]:
        return {word: group[0] for group in self.groups for word in group}


def mention_rows(doc: Document, vocabulary: Vocabulary) -> list[Mention]:
    """The document's names and offices, one row per (kind, key, variant) with its count."""
    counts: Counter[tuple[str, str, str]] = Counter()
    group_of = vocabulary.group_of
    first_names = vocabulary.first_names
    for m in doc.analysis.name_mentions:
        last = m.last
        if last in group_of:
            continue  # a listed name is counted below, with every use of its word
        if (m.first in first_names and last not in NOT_SURNAME
                and len(last) >= vocabulary.min_length
                and last.lower() not in vocabulary.pairs):  # "Organisation" is no surname
            counts[(NAME, m.first, last)] += 1
    keys = {word.lower() for word in group_of}
    present = doc.analysis.word_keys & (keys | {k + s for k in keys for s in ("’s", "'s")})
    for tokens in doc.analysis.tokens_of(present).values():
        for token in tokens:
            word = POSSESSIVE.sub("", token.text)
            if word in group_of:  # as written: "kiev" in a URL-like word is not the name
                counts[(NAME, "=" + group_of[word], word)] += 1
    for office in doc.analysis.offices:
        if office.key is None:  # a title the lexicon cannot place under one office
            continue
        modifier, head, portfolio = office.key
        variant = vocabulary.pairs.get(portfolio)
        post = " ".join(filter(None, (modifier, head, variant.family if variant else portfolio)))
        counts[(OFFICE, post, office.form)] += 1
    return [Mention(kind, key, variant, n) for (kind, key, variant), n in counts.items()]


def same_name(surnames: list[str], similarity: float) -> list[list[str]]:
    """Surnames (written after one first name, across the archive) that spell one name: groups of
    two or more, found through shared two-deletion keys (linear, not every pair) and confirmed
    by the test consistency/name uses within an article."""
    sets = DisjointSets(surnames)
    buckets: dict[str, list[str]] = {}
    for surname in surnames:
        for key in _deletions(surname):
            buckets.setdefault(key, []).append(surname)
    for bucket in buckets.values():  # a handful of surnames share a key
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                if sets.root(a) != sets.root(b) and similar_surnames(a, b, similarity):
                    sets.join(a, b)
    groups: dict[str, list[str]] = {}
    for surname in surnames:
        groups.setdefault(sets.root(surname), []).append(surname)
    return [g for g in groups.values() if len(g) > 1]


def _deletions(word: str) -> set[str]:
    """The word's initial with every form of the rest with up to two letters deleted: two
    surnames at most two edits apart share one (the symmetric-delete candidate test)."""
    head, rest = word[:1], word[1:]
    ones = {rest[:i] + rest[i + 1 :] for i in range(len(rest))}
    twos = {w[:i] + w[i + 1 :] for w in ones for i in range(len(w))}
    return {head + w for w in {rest, *ones, *twos}}
