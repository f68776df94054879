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

from factlint.kinds._text import match_case
from factlint.kinds.base import Kind, Options, related_at
from factlint.records import describe
from factlint.unionfind import DisjointSets

if TYPE_CHECKING:
    from factlint.analysis import Hit
    from factlint.document import Document
    from factlint.finding import Finding

POSSESSIVE = re.compile(r"['’]s?$")
# Head words that make a capitalised run an organisation or place name ("Department of Defense").
NAME_HEADS = frozenset(
    """department organization organisation center centre party harbor harbour council agency
    ministry institute university association foundation corporation command college school
    hospital commission authority bureau office force forces union league society company""".split()
)
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "&"})
# Capitalised words that make a variant before them part of the official name of an office or
# institution ("Defence Secretary", "Defense Department", "Labour Party"), or, with "of" or "for",
# after them ("Ministry of Defence", "Secretary of Defense", "Centers for Disease Control").
OFFICE_HEADS = frozenset(
    """secretary secretaries minister ministers ministry department committee council party
    agency command force forces college institute university organization organisation center
    centre centers centres union association foundation corporation board commission office
    bureau authority day review staff chiefs""".split()
)
HEAD_AFTER = re.compile(r"(?:['’]s?)?\s+([A-Z][a-z]+)")
HEAD_BEFORE = re.compile(r"\b([A-Z][a-z]+)(?:\s+of\s+State)?\s+(?:of|for)\s+(?:the\s+)?$")


@dataclass(frozen=True, kw_only=True)
class SpellingOptions(Options):
    """Options of the spelling kind."""

    pairs: str = describe("TSV of british<TAB>american pairs", default="data/spelling-en.tsv")
    oxford: bool = describe("en-GB with Oxford -ize spellings (organize, realize)", default=False)
    dialects: str = describe(
        "Which spelling each house dialect takes (its authority)",
        default="data/dialects.yaml",
    )
    exceptions: str = describe("Proper names never flagged", default="data/proper-names.txt")
    extra_exceptions: list[str] = describe("More proper names", default_factory=list)


@dataclass(frozen=True)
class Variant:
    family: str  # the stem every inflection and derivation of both spellings shares
    dialect: str  # "en-GB" | "en-US"
    other: str  # the same word in the other dialect
    klass: str  # how the spellings differ: ize, yse, our, re, ll, ence or other
    british: str  # the British form (dialect tables name words by it)

    @property
    def ize(self) -> bool:  # an -ise/-ize pair (Oxford spelling prefers -ize)
        return self.klass == "ize"


@dataclass(frozen=True)
class DialectTable:
    """Which side of each pair a house dialect takes (rules/data/dialects.yaml)."""

    default: str
    classes: dict[str, str]
    words: dict[str, str]

    def side(self, variant: Variant) -> str:
        return self.words.get(variant.british) or self.classes.get(variant.klass) or self.default


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

    def majority_dialect(self, doc: Document) -> str:
        """The document's dialect as this rule counts it (names and offices left out): what the
        grammar engines check in under ``auto``, so no engine flips mid-article."""
        counts = {"en-GB": 0, "en-US": 0}
        for _, variant in self._counted_hits(doc):
            counts[variant.dialect] += 1
        return "en-GB" if counts["en-GB"] > counts["en-US"] else "en-US"

    def _counted_hits(self, doc: Document) -> list[tuple[Hit, Variant]]:
        """The variants in scope that are not proper or official names."""
        hits = list(self._variant_hits(doc, self._variants))
        if not hits:
            return hits
        exempt = self._exempt_spans(doc)
        hits = [
            (h, v) for h, v in hits
            if not _covered(h, exempt) and not _official_name(h) and not _in_name(h)
        ]
        names = {h.text.lower() for h, _ in hits if _beside_name(h)}
        return [(h, v) for h, v in hits if not (h.text[:1].isupper() and h.text.lower() in names)]

    def check(self, doc: Document) -> Iterator[Finding]:
        hits = self._counted_hits(doc)
        if not hits:
            return
        dialect = self.settings.dialect
        if dialect == "auto":
            yield from self._by_majority(doc, hits)
            return
        for hit, variant in hits:
            preferred = self._preferred_dialect(variant, dialect)
            if variant.dialect != preferred:
                fix = match_case(variant.other, hit.text)
                yield self.finding_at(
                    doc, hit, suggestions=[fix], group=variant.family,
                    message=f"'{hit.text}' is {_dialect_name(variant.dialect)} spelling; "
                    f"the house style ({dialect}{', Oxford' if self.options.oxford else ''}) "
                    f"is '{fix}'",
                )

    @cached_property
    def _tables(self) -> dict[str, DialectTable]:
        return load_dialects(str(Path(self.spec.base_dir) / self.options.dialects), self.options.oxford)

    def _preferred_dialect(self, variant: Variant, dialect: str) -> str:
        table = self._tables.get(dialect)
        return table.side(variant) if table else ("en-US" if dialect == "en-US" else "en-GB")

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
                    doc, hit, suggestions=[fix], related=related, group=variant.family,
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


def _official_name(hit: Hit) -> bool:
    """A capitalised variant in the name of an office or institution, in any zone: "Defence
    Secretary", "Ministry of Defence", "Secretary of Defense". Official names keep their own
    spelling in every dialect and do not count toward a document's majority; consistency/title
    compares an office's spellings."""
    if not hit.text[:1].isupper():
        return False
    text = hit.segment.text
    after = HEAD_AFTER.match(text, hit.end)
    if after and after.group(1).lower() in OFFICE_HEADS:
        return True
    before = HEAD_BEFORE.search(text[max(0, hit.start - 40) : hit.start])
    return bool(before and before.group(1).lower() in OFFICE_HEADS)


def _beside_name(hit: Hit) -> bool:
    """A capitalised variant inside a sentence of prose is a name (Stuart Gray, Arbor Networks,
    the film Airplane!)."""
    if hit.segment.kind != "prose" or not hit.text[:1].isupper() or hit.text.isupper():
        return False
    before = hit.segment.text[: hit.start].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"“‘'(—–-"  # else a sentence starts here


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
    """Read a British<TAB>American pair list into a lookup of both spellings. A third column
    ``one-way`` marks a sense-dependent pair: only the British form is a variant."""
    variants: dict[str, Variant] = {}
    rows = [line.split("\t") for line in load_lines(path)]
    pairs = [(row[0], row[1] if len(row) > 1 else "", "one-way" in row[2:]) for row in rows]
    families = _families({american for _, american, _ in pairs if american})
    # A family's class is its root pair's (centre/center: re, so centred/centered too), but an
    # -ise/-ize or -yse/-yze pair is always that class (Oxford spelling takes glamorize, though
    # glamour is the family's root).
    roots = set(families.values())
    klasses = {american: _klass(british, american) for british, american, _ in pairs if american in roots}
    for british, american, one_way in pairs:
        if not american:
            continue
        family = families[american]
        klass = _ise_klass(british, american) or klasses.get(family) or _klass(british, american)
        variants[british] = Variant(family, "en-GB", american, klass, british)
        if not one_way:
            variants.setdefault(american, Variant(family, "en-US", british, klass, british))
    return variants


# A word is a derivation of another in the list when a suffix joins them, the base taking one
# of the endings given for the suffix in its place: defenses -> defense, unionization ->
# unionize, favorably -> favorable, armories -> armory, archeologist -> archeology, anemic ->
# anemia, pedophilia -> pedophile, pediatrician -> pediatric, plowmen -> plowman. Or a prefix
# joins them (reorganize -> organize, unfavorable -> favorable), or the word is a listed word and
# a following word of four or more letters (neighborhood, centerpiece, fiberglass, flavorsome,
# maneuverability). The American forms are linked: their suffixes are regular.
PLAIN = ("", "e", "ize")
SUFFIXES: dict[str, tuple[str, ...]] = {  # suffix -> the endings that may stand in its place
    **dict.fromkeys("s es d ed ing er ers al ation ations ization izations".split(), PLAIN),
    **dict.fromkeys("ful less ly ally able ism isms ment ments".split(), PLAIN),
    **dict.fromkeys(("ist", "ists"), (*PLAIN, "y")),  # archeologist -> archeology
    **dict.fromkeys("ies ied ier iest ily iness".split(), ("y",)),  # coziest -> cozy
    "ably": ("able",), "ibly": ("ible",), "ability": ("able",), "ibility": ("ible",),
    "y": ("",), "ry": ("",), "ous": ("",), "ant": ("",), "ite": ("",), "ian": ("",),
    "ic": ("", "e", "y", "ia"), "ical": ("y", "ic"), "iac": ("ia",), "ia": ("e",),
    "sia": ("tic",),  # anesthesia -> anesthetic
    "men": ("man",),
    "est": ("",), "or": ("",), "ity": ("",), "ize": ("",),  # by an unlisted base only
}
# The suffixes whose base joins the words built on it even when it is not listed: "travel"
# joins traveled and traveler, "cozy" cozier and coziest, "tranquil" tranquility and
# tranquilize, "anesthet" anesthetic and anesthetist.
UNLISTED_BASE = frozenset("ed ing er ers est ies ier iest ous ist or ation ity ize ic ry".split())
PREFIXES = ("re", "de", "dis", "non", "pre", "over", "under", "mis", "anti", "in", "im")
# un- makes adjectives of adjectives and participles (unionize is no un-ionize).
ADJECTIVE_ENDINGS = ("ed", "ing", "able", "ably", "ible", "ibly", "y", "ful", "ous", "al")
# The start-up reads 1,700 words: each tries only the suffixes that end in its last letter and
# the prefixes that start with its first.
SUFFIXES_BY_LAST_LETTER: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _suffix, _endings in SUFFIXES.items():
    SUFFIXES_BY_LAST_LETTER.setdefault(_suffix[-1], []).append((_suffix, _endings))
PREFIXES_BY_FIRST_LETTER: dict[str, list[str]] = {}
for _prefix in PREFIXES:
    PREFIXES_BY_FIRST_LETTER.setdefault(_prefix[0], []).append(_prefix)
COMPOUND_TAIL = 4  # centerpiece: "center" and "piece"
MIN_HEAD = 4  # the listed word of a compound


def _families(words: set[str]) -> dict[str, str]:
    """Each word's family: the shortest word of its group of derivations (union-find)."""
    sets = DisjointSets(words, prefer=lambda w: (len(w), w))
    join = sets.join

    by_base: dict[str, str] = {}  # traveled, traveling, traveler: one base, "travel", not listed
    for word in sorted(words):
        for suffix, endings in SUFFIXES_BY_LAST_LETTER.get(word[-1:], ()):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                for ending in endings:
                    candidate = stem + ending
                    if candidate in words and candidate != word:
                        join(word, candidate)
                if suffix in UNLISTED_BASE:
                    join(word, by_base.setdefault(stem + endings[0], word))
        for prefix in PREFIXES_BY_FIRST_LETTER.get(word[:1], ()):
            if word.startswith(prefix) and word[len(prefix) :] in words:
                join(word, word[len(prefix) :])
        for i in range(MIN_HEAD, len(word) - COMPOUND_TAIL + 1):
            if word[:i] in words:
                join(word, word[:i])
    # un- last, and only for a family's shortest word: unionized is unionize's, not un-ionized.
    for word in words:
        rest = word[2:]
        if word.startswith("un") and rest in words and rest.endswith(ADJECTIVE_ENDINGS):
            if sets.root(word) == word:
                join(word, rest)
    return {w: sets.root(w) for w in words}


def _ise_klass(british: str, american: str) -> str:
    """"ize" for an -ise/-ize pair, "yse" for an -yse/-yze pair, else ""."""
    if british.replace("is", "iz") == american or british.replace("isa", "iza") == american:
        return "ize"
    if british.replace("ys", "yz") == american:
        return "yse"
    return ""


def _klass(british: str, american: str) -> str:
    """How the two spellings differ: the classes dialect tables choose by."""
    klass = _ise_klass(british, american)
    if klass:
        return klass
    if british.replace("our", "or") == american:
        return "our"
    if any(
        british[i : i + 2] == "re" and british[:i] + "er" + british[i + 2 :] == american
        for i in range(len(british) - 1)
    ):
        return "re"
    if british.replace("ll", "l", 1) == american or american.replace("ll", "l", 1) == british:
        return "ll"
    if british.replace("ence", "ense") == american:
        return "ence"
    return "other"


@lru_cache(maxsize=8)
def load_dialects(path: str, oxford: bool) -> dict[str, DialectTable]:
    """The house dialects' tables; ``oxford`` applies en-GB's Oxford classes (-ize)."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    tables = {}
    for name, entry in data.items():
        classes = dict(entry.get("classes") or {})
        if oxford:
            classes.update(entry.get("oxford") or {})
        tables[name] = DialectTable(entry["default"], classes, dict(entry.get("words") or {}))
    return tables


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
