"""Registry-driven mentions in a document: names, aliases and office titles, with their links.

What the facts rules read. Names and aliases come from the registry (only the house knows that
"Zelenskiy" is its "Zelensky"), matched in the document's tokens: linear, one dictionary probe per
token. Office titles are the registry's; the person a title names comes from the shared titles
analysis (``doc.analysis.titles``), with an adjacency link for house offices it does not know.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from factlint.facts.models import Organisation, Person, Place
from factlint.facts.registry import Registry

if TYPE_CHECKING:
    from factlint.analysis import Hit, Token
    from factlint.analysis.people import Title as SharedTitle
    from factlint.document import Document

POSSESSIVE = re.compile(r"['’][sS]$")  # tokens never end in ’: "Shapps’" is "Shapps"
MODIFIERS = {
    "new",
    "former",
    "ex",
    "ex-",
    "then",
    "then-",
    "acting",
    "interim",
    "outgoing",
    "incoming",
    "late",
    "future",
    "designate",
    "current",
    "sitting",
}
NOT_FIRST_NAMES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "secretary",
    "minister",
    "chancellor",
    "premier",
    "general",
    "gen",
    "colonel",
    "col",
    "admiral",
    "captain",
    "prof",
    "professor",
    "judge",
    "justice",
    "senator",
    "sen",
    "rep",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "chairman",
    "chairwoman",
    "chief",
    "commissioner",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "when",
    "but",
    "and",
}
SKIP_MODIFIERS = {"then", "then-", "acting", "interim", "incoming", "future", "designate", "late"}
Entity = Person | Place | Organisation


@dataclass(frozen=True)
class Form:
    """One way the registry lets a name be written: ``words`` as written, and what it means."""

    entity: Entity
    words: tuple[str, ...]
    full: bool  # a full name (or first-reference form), not a surname alone
    house: str | None  # the house spelling when this form is a variant the house does not use


@dataclass(frozen=True)
class Mention:
    """A registry name in the text: ``hit`` covers the name without any possessive ending."""

    form: Form
    hit: Hit

    @property
    def entity(self) -> Entity:
        return self.form.entity


@dataclass(frozen=True)
class TitleMention:
    """An office title in the text, its organisation and modifiers, and the person it names."""

    hit: Hit
    title: str  # canonical
    organisation: str | None
    modifiers: tuple[str, ...]
    person: Mention | None


class Forms:
    """The registry's name forms indexed by their first word (lower-cased)."""

    def __init__(self, registry: Registry) -> None:
        self.by_first: dict[str, list[Form]] = defaultdict(list)
        surnames: dict[str, set[str]] = defaultdict(set)
        for person in registry.people:
            surnames[person.last_name].add(person.key)
        for person in registry.people:
            first_names = person.name.split()[:-1]
            self._add(person, person.name, full=True)
            if len(surnames[person.last_name]) == 1:  # a shared surname alone names nobody
                self._add(person, person.last_name, full=False)
            for alias in person.aliases:
                if len(alias.split()) == 1:
                    self._add(person, alias, full=False, house=person.last_name)
                    if first_names:
                        self._add(person, " ".join([*first_names, alias]), True, person.name)
                else:
                    self._add(person, alias, full=True, house=person.name)
        for place in registry.places:
            self._add(place, place.name, full=True)
            for variant in place.variants:
                self._add(place, variant, full=True, house=place.name)
        for forms in self.by_first.values():
            forms.sort(key=lambda f: -len(f.words))  # longest first

    def _add(self, entity: Entity, text: str, full: bool, house: str | None = None) -> None:
        words = tuple(text.replace("'", "’").split())
        if words:
            self.by_first[words[0].lower()].append(Form(entity, words, full, house))


@lru_cache(maxsize=8)
def _forms(registry: Registry) -> Forms:
    return Forms(registry)


def find_mentions(doc: Document, registry: Registry, scope: frozenset[str]) -> list[Mention]:
    """Every registry name in scope, longest form first at each position, in document order.

    A surname alone is a common word in other people's names ("Wallace Cheung", a rugby player
    called Healey), so it counts only in a document that also has the person's full name or one
    of their office titles, and not right before another capitalised word in prose.
    """
    forms = _forms(registry)
    analysis = doc.analysis
    found: list[Mention] = []
    for segment, tokens in zip(doc.segments, analysis.tokens, strict=True):
        i = 0
        while i < len(tokens):
            match = _match_at(tokens, i, forms, segment.text)
            if match is None:
                i += 1
                continue
            form, end, count = match
            start = tokens[i].start
            alone = len(form.words) == 1
            if (
                analysis.in_scope(segment, start, end, scope)
                and not _kept(form, segment.text, start, end)
                and not (alone and _other_first_name(tokens, i, segment.text))
                and not (
                    alone and segment.kind == "prose" and _followed_by_name(tokens, i, segment.text)
                )
            ):
                found.append(Mention(form, analysis.hit(segment, start, end)))
            i += count
    return _corroborated(doc, registry, found)


def _corroborated(doc: Document, registry: Registry, found: list[Mention]) -> list[Mention]:
    """Drop surname-only mentions of people the document gives no other sign of."""
    every = frozenset({"prose", "headline", "quotes"})
    sure = {m.entity.key for m in found if m.form.full}
    titles = registry.title_forms()
    checked: dict[str, bool] = {}
    kept = []
    for mention in found:
        person = mention.entity
        if not isinstance(person, Person) or mention.form.full or mention.form.house:
            kept.append(mention)  # full names, places and variant spellings stand on their own
            continue
        if person.key not in checked:
            held = {office.title for office in person.offices}
            checked[person.key] = person.key in sure or any(
                meaning[0] in held and next(doc.analysis.term_hits(written, every), None)
                for written, meaning in titles.items()
            )
        if checked[person.key]:
            kept.append(mention)
    return kept


def _followed_by_name(tokens: list[Token], i: int, text: str) -> bool:
    """A capitalised word right after a surname in prose: "Wallace Cheung" is someone else."""
    if i + 1 >= len(tokens) or text[tokens[i].end : tokens[i + 1].start] != " ":
        return False
    word = tokens[i + 1].text
    return word[:1].isupper() and not word.isupper()


def _other_first_name(tokens: list[Token], i: int, text: str) -> bool:
    """A capitalised word just before a surname names someone else: "William Wallace" is not
    Ben Wallace. Titles, honorifics and calendar words before it do not count."""
    if i == 0 or text[tokens[i - 1].end : tokens[i].start] != " ":
        return False
    word = tokens[i - 1].text
    if not word[:1].isupper() or word.isupper():
        return False
    before = text[: tokens[i - 1].start].rstrip()
    if not before or before[-1] in '.!?“"‘(:—–-':
        return False  # first word of a sentence or quotation: "Yesterday Wallace said"
    return word.lower() not in NOT_FIRST_NAMES


def _match_at(tokens: list[Token], i: int, forms: Forms, text: str) -> tuple[Form, int, int] | None:
    """The longest registry form starting at token i: (form, end offset, tokens used)."""
    first = tokens[i].text.replace("'", "’")
    stems = [first, POSSESSIVE.sub("", first), first.split("-")[0]]
    candidates = forms.by_first.get(stems[1].lower(), []) + forms.by_first.get(stems[2].lower(), [])
    for form in candidates:
        n = len(form.words)
        if i + n > len(tokens):
            continue
        words = [t.text.replace("'", "’") for t in tokens[i : i + n]]
        if n == 1:
            if not any(_same(stem, form.words[0]) for stem in stems):
                continue
        elif not all(_same(w, f) for w, f in zip(words[:-1], form.words[:-1], strict=True)) or not (
            _same(words[-1], form.words[-1]) or _same(POSSESSIVE.sub("", words[-1]), form.words[-1])
        ):
            continue
        pairs = zip(tokens[i : i + n - 1], tokens[i + 1 : i + n], strict=True)
        if any(text[a.end : b.start].strip() for a, b in pairs):
            continue  # words of a name are separated by spaces only
        end = tokens[i + n - 1].start + len(form.words[-1])
        return form, end, n
    return None


def _same(word: str, form: str) -> bool:
    """A word of the text is a word of a name: same spelling, or in capitals (a headline)."""
    return word == form or (len(word) > 1 and word.isupper() and word == form.upper())


def _kept(form: Form, text: str, start: int, end: int) -> bool:
    """A variant inside a phrase the house keeps ("chicken Kiev")."""
    if form.house is None or not isinstance(form.entity, Place):
        return False
    variant = " ".join(form.words).lower()
    lowered = text.lower()
    for phrase in form.entity.keep:
        phrase_l = phrase.lower()
        at = phrase_l.find(variant)
        if at >= 0 and lowered[start - at : start - at + len(phrase_l)] == phrase_l:
            return True
    return False


# -- titles --------------------------------------------------------------------------------
def find_titles(
    doc: Document, registry: Registry, mentions: list[Mention], scope: frozenset[str]
) -> list[TitleMention]:
    """Office titles in scope, with organisation, modifiers and the person they are attached to.

    Titles are the registry's (its canonical title and organisation). The person a title names
    comes from the shared titles analysis (``doc.analysis.titles``, whose ``person`` is a name,
    matched here to the registry mention next to the title); a house office the shared lexicon
    does not know is linked by adjacency: "Defence Secretary Grant Shapps", "Defence Minister,
    Rustem Umerov", "Grant Shapps, the Defence Secretary", "Rustem Umerov, Ukraine's Defence
    Minister".
    """
    analysis = doc.analysis
    people = [m for m in mentions if isinstance(m.entity, Person)]
    by_segment: dict[int, list[Mention]] = defaultdict(list)
    for mention in people:
        by_segment[mention.hit.segment.index].append(mention)
    found: list[TitleMention] = []
    seen: set[tuple[int, int]] = set()
    forms = sorted(registry.title_forms().items(), key=lambda kv: -len(kv[0]))
    for written, (title, title_org) in forms:
        for hit in analysis.term_hits(written, scope):
            key = (hit.source_start, hit.source_end)
            if any(s <= key[0] and key[1] <= e for s, e in seen):
                continue
            seen.add(key)
            text = hit.segment.text
            organisation, modifiers = _before_title(text[: hit.start], registry)
            nearby = by_segment[hit.segment.index]
            shared = _shared_title(doc, hit)
            if shared is not None:
                person = _shared_person(shared.person, hit, nearby, registry)
            else:
                person = _linked_person(
                    text, hit, nearby, registry, explicit=organisation is not None
                )
            found.append(TitleMention(hit, title, organisation or title_org, modifiers, person))
    found += _abbreviated_titles(doc, registry, by_segment, seen, scope)
    return sorted(found, key=lambda t: t.hit.source_start)


def _abbreviated_titles(
    doc: Document, registry: Registry, by_segment: dict[int, list[Mention]],
    seen: set[tuple[int, int]], scope: frozenset[str],
) -> list[TitleMention]:
    """Registry titles written as the abbreviation the shared analysis expands before a name:
    "Sen. Maria Delgado" is the registry's Senator, "Gov. Lena Ortiz" its Governor."""
    analysis = doc.analysis
    forms = registry.title_forms()
    found = []
    for office in analysis.offices:
        if office.klass != "abbreviation" or office.key is None or office.key[1] not in forms:
            continue
        segment = doc.segments[office.segment]
        if (office.start, office.end) in seen or not analysis.in_scope(
            segment, office.seg_start, office.seg_end, scope
        ):
            continue
        title, title_org = forms[office.key[1]]
        hit = analysis.hit(segment, office.seg_start, office.seg_end)
        organisation, modifiers = _before_title(segment.text[: office.seg_start], registry)
        person = _shared_person(office.person, hit, by_segment[segment.index], registry)
        found.append(TitleMention(hit, title, organisation or title_org, modifiers, person))
    return found


def _shared_title(doc: Document, hit: Hit) -> SharedTitle | None:
    """The shared analysis' title that overlaps a registry title hit, if any."""
    for title in doc.analysis.titles:
        if title.start < hit.source_end and hit.source_start < title.end:
            return title
    return None


def _shared_person(
    name: str | None, hit: Hit, nearby: list[Mention], registry: Registry
) -> Mention | None:
    """The registry mention nearest the title that is the person the shared analysis names."""
    if not name:
        return None
    wanted = {e.key for e in registry.lookup(name) if isinstance(e, Person)}
    candidates = [m for m in nearby if m.entity.key in wanted or m.hit.text in name]
    if not candidates:
        return None
    return min(
        candidates, key=lambda m: min(abs(m.hit.start - hit.end), abs(hit.start - m.hit.end))
    )


def _before_title(before: str, registry: Registry) -> tuple[str | None, tuple[str, ...]]:
    """Organisation and modifiers written just before a title: "Ukraine’s new", "former British"."""
    words = re.findall(r"[\w’'.-]+", before[-60:])
    organisation = None
    modifiers: list[str] = []
    for word in reversed(words[-4:]):
        low = word.lower()
        if low in MODIFIERS or low.rstrip("-") in MODIFIERS:
            modifiers.append(low.rstrip("-"))
        elif organisation is None and (org := registry.organisation(word)):
            organisation = org
        elif low == "the":
            continue
        else:
            break
    if before.endswith(("then-", "ex-")):
        modifiers.append(before[-5:].rstrip("-").split()[-1].lower())
    return organisation, tuple(modifiers)


def _linked_person(
    text: str, hit: Hit, people: list[Mention], registry: Registry, *, explicit: bool
) -> Mention | None:
    for mention in people:
        m = mention.hit
        if m.start >= hit.end:
            gap = text[hit.end : m.start]
            if gap == " ":  # "Defence Secretary Grant Shapps"
                return mention
            # "Ukraine's Defence Minister, Rustem Umerov" or "the Defence Secretary, Grant Shapps,"
            # but not "After meeting the Defence Secretary, Zelensky said"
            if gap == ", " and (explicit or text[m.end : m.end + 1] == ","):
                return mention
        elif m.end <= hit.start:
            # "Grant Shapps, the Defence Secretary", "Rustem Umerov, Ukraine's new Defence Minister"
            between = re.fullmatch(r"(?:['’]s?)?,\s+(.*)", text[m.end : hit.start], re.DOTALL)
            if between and all(_describes(w, registry) for w in between.group(1).split()):
                return mention
    return None


def _describes(word: str, registry: Registry) -> bool:
    low = word.lower()
    return low == "the" or low.rstrip("-") in MODIFIERS or registry.organisation(word) is not None
