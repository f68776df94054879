"""People and titles: a rule-based recogniser with shipped lexicons (no model, no download).

A person is a run of capitalised words that starts with a known given name ("Grant Shapps"), follows
an honorific ("Mr Shapps", "Dr Jane Liu") or an office title ("Defence Secretary Grant Shapps",
"President Zelenskiy"), or sits in an appositive with a title ("Rustem Umerov, the defence
minister"). A later single word equal to a known surname is a surname mention of that person. A lone
capitalised word used like a person (the subject of "said", or a possessive before "office", "trip",
"spokesman") is a surname mention with no known full name. Titles come from rules/data/titles.txt.
Everything is one pass over each segment's tokens plus dictionary look-ups.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from factlint.analysis.fastregex import BoundedPattern
from factlint.analysis.lexicons import Lexicons, lexicons

if TYPE_CHECKING:
    from collections.abc import Callable

    from factlint.analysis import Analysis, Token
    from factlint.document import Document, Segment

NOT_SURNAMES = frozenset(
    """of the and in on at for to a an monday tuesday wednesday thursday friday saturday sunday
    january
    february march april may june july august september october november december one two three
    four five six seven eight nine ten""".split()
)
NOT_FIRST = frozenset(
    """the a an in on at but and for with by from as if when while after before this that his her
    their our its new old former then both last next every all said says besides however meanwhile
    although despite during since until whereas yet still also even now today yesterday instead
    indeed thus therefore unlike like including except""".split()
) | frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june
    july august september october november december""".split()
)
SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
NICKNAME = re.compile(r"\b([A-Z][a-z]+)\s+[\"“][^\"”\n]{1,25}[\"”]\s+$")
COURTESY = frozenset("Mr Mrs Ms Miss Mx Dr".split())
PARTICLES = frozenset("de da di del van von der den bin al el la le du dos ibn zur zu".split())
POSSESSIVE = re.compile(r"[’']s?$")
PERSONAL_NOUNS = frozenset(
    """office wife husband aides tenure resignation appointment inaugural trip visit visits
    presidency""".split()
)
# A surname used as a modifier names a thing, not the person: "the Maekawa report", "Santos harbour"
NOT_PERSON_AFTER = frozenset(
    """report administration plan doctrine era years family families case inquiry commission review
    rule effect affair scandal harbour harbor port street road river bay airport stadium starring
    inc corp co ltd plc group bank foundation institute sisters brothers stockholders shareholders
    shares stock holders president chairman spokesman spokeswoman executive chief government cabinet
    camp""".split()
)
WORD_TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*")
ORG_WORDS = frozenset(
    """Ltd Co Corp Inc Plc PLC Motors Group Bank Agreement Accident Electric Petroleum Manager Tire
    Bottlers Holdings Industries International Airlines Airways Systems Securities Partners
    Pictures Records Entertainment Energy Oil Gas Steel Foods Trust Fund Party MP MEP MSP NV AG SA
    BV
    GmbH SpA AB Cie Brewery Breweries""".split()
)
# The last word of an institution's name, never a surname: a run that ends with one is no person
# even when it starts with a given name ("Denver Public Schools", "Austin Community College").
INSTITUTION_ENDS = frozenset(
    """School Schools University College Association Committee Commission Council Department
    Ministry Institute Bureau Agency Authority Federation Society Foundation Academy Museum
    Hospital Board Corporation Company""".split()
)
# Letters after a person's name, not an organisation's ending: "Tom Barrett, an MP," or "Tom
# Barrett MP" make no organisation of the words before them.
POST_NOMINALS = frozenset("MP MEP MSP".split())
DETERMINER = re.compile(
    r"(?:\b(?i:the|his|her|their|its|our)|[A-Z][\w-]*[’']s?)\s+(?:(?:new|former|then|current|"
    r"acting|outgoing|incoming|interim|deputy|British|American|Ukrainian|Russian|French|German|"
    r"Chinese|US|UK|EU|[A-Z][a-z]+(?:an|ish|ese|i)|country[’']s|nation[’']s|party[’']s)\s+){0,3}$"
)


class Title(NamedTuple):  # NamedTuples: immutable, and cheaper to build than frozen dataclasses
    """An office or role mention; ``person`` is the full name it is linked to, if any."""

    segment: int
    seg_start: int
    seg_end: int
    start: int
    end: int
    text: str
    klass: str  # office | generic | role
    determined: bool  # "the Defence Secretary", "Ukraine’s defence minister"
    person: str | None = None
    # The post, independent of spelling, capitalisation, abbreviation and word order:
    # (modifier, head, portfolio) for "Defence Secretary" / "Secretary of Defence", else
    # ("", title, "") ("prime minister", "senator" for "Sen."); None for no comparable office.
    key: tuple[str, str, str] | None = None
    form: str = ""  # lower-case surface form, spaces normalised ("secretary of defence")
    before_name: bool = False  # directly followed by a name ("Defence Secretary Geoff Hoon")
    sentence_start: bool = False


class NameMention(NamedTuple):
    """The surname of a named person mention: segment offsets of ``last``; ``first`` is the given
    name ("Jane" in "Jane Smith"), ``honorific`` the honorific or title ("Mr", "President")."""

    segment: int
    start: int
    end: int
    last: str
    first: str | None
    honorific: str | None


class Person(NamedTuple):
    """A person mention. ``name`` is the name as written (no honorific or possessive);
    ``full_name`` is the full name it resolves to, when the document gives one."""

    segment: int
    seg_start: int
    seg_end: int
    start: int
    end: int
    text: str
    name: str
    surname: str
    form: str  # full | honorific | titled | surname
    full_name: str | None = None
    title: str | None = None
    honorific: str | None = None


@dataclass
class PeopleIndex:
    """People and titles of a document, with look-ups by segment and surname."""

    people: list[Person] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    offices: list[Title] = field(default_factory=list)  # titles with a key, and "Sen." forms
    _starts: list[tuple[int, int]] = field(default_factory=list)

    @property
    def name_mentions(self) -> list[NameMention]:
        """The surname of each named mention (full, honorific or titled), with the given name and
        honorific or title that keep two people apart: what consistency/name compares."""
        found = []
        for p in self.people:
            words = p.name.split()
            first = words[0] if p.form == "full" and len(words) > 1 else None
            honorific = p.honorific or (p.title.split()[-1] if p.title else None)
            found.append(NameMention(p.segment, p.seg_end - len(p.surname), p.seg_end, p.surname,
                                     first, honorific))
        return found

    genders: dict[str, str] = field(default_factory=dict)  # full name -> "f" | "m", where known
    # Relatives named by a given name alone ("His wife, Carla,"): no person of the rules (no
    # surname to introduce or spell), only antecedents for a pronoun speaker.
    relatives: list[Person] = field(default_factory=list)

    def relative_before(self, segment: int, offset: int, sex: str) -> Person | None:
        """The nearest relative of this sex named before (segment, offset)."""
        for person in reversed(self.relatives):
            if (person.segment, person.seg_end) <= (segment, offset) and self.compatible(person, sex):
                return person
        return None

    def person_before(self, segment: int, offset: int, sex: str | None = None) -> Person | None:
        """The nearest person mention that ends before (segment, offset); with ``sex``, the
        nearest one not known to be of the other sex ("she" is not Mr Hale)."""
        if not self._starts:
            self._starts = [(p.segment, p.seg_start) for p in self.people]
        k = bisect_right(self._starts, (segment, offset)) - 1
        while k >= 0:
            person = self.people[k]
            if (person.segment, person.seg_end) <= (segment, offset) and (
                sex is None or self.genders.get(person.full_name or person.name, sex) == sex
            ):
                return person
            k -= 1
        return None

    def people_in(self, segment: int, start: int, end: int) -> list[Person]:
        """The person mentions inside [start, end) of a segment, in order."""
        if not self._starts:
            self._starts = [(p.segment, p.seg_start) for p in self.people]
        k = bisect_right(self._starts, (segment, start - 1))
        found = []
        while k < len(self.people) and self._starts[k] < (segment, end):
            if self.people[k].seg_start >= start:
                found.append(self.people[k])
            k += 1
        return found

    def compatible(self, person: Person, sex: str | None) -> bool:
        """Whether a person can be the antecedent of a pronoun of this sex."""
        return sex is None or self.genders.get(person.full_name or person.name, sex) == sex

    def person_at(self, segment: int, start: int, end: int) -> Person | None:
        """A person mention overlapping [start, end) of a segment."""
        if not self._starts:
            self._starts = [(p.segment, p.seg_start) for p in self.people]
        k = bisect_right(self._starts, (segment, end)) - 1
        while k >= 0 and self.people[k].segment == segment:
            person = self.people[k]
            if person.seg_end > start and person.seg_start < end:
                return person
            if person.seg_end <= start:
                break
            k -= 1
        return None


@dataclass(frozen=True)
class Capitals:
    """The capitalised tokens of one segment, with what every pass asks of them, computed once:
    ``named[k]``: token k can be part of a name (not an acronym such as "NATO");
    ``joined[k]``: token k directly follows token k - 1 in the same name ("Grant Shapps")."""

    segment: Segment
    tokens: list[Token]
    named: list[bool]
    joined: list[bool]

    @classmethod
    def of(cls, segment: Segment, tokens: list[Token]) -> Capitals:
        text = segment.text
        named = [not (len(t.text) > 3 and t.text.isupper()) for t in tokens]
        joined = [False]
        joined += [
            b.start - a.end <= 2 and named_a and named_b and _adjacent(text, a, b)
            for a, b, named_a, named_b in zip(tokens, tokens[1:], named, named[1:])
        ]  # at most ". " between joined words: the gap test rules out most pairs at once
        return cls(segment, tokens, named, joined)

    def lone(self, k: int) -> bool:
        """Token k stands alone: no capitalised word is joined to it on either side."""
        return not self.joined[k] and not (k + 1 < len(self.joined) and self.joined[k + 1])


def _after_opening_common_word(analysis: Analysis, layout: Capitals, k: int, lex: Lexicons) -> bool:
    """Token k is joined only to a common word capitalised because it opens the sentence: "Actor
    Slater is stepping into the role", "Novelist Levy is favourite" (never capitalised mid-sentence,
    not a given name, an honorific or a title word)."""
    joined = layout.joined
    if not joined[k] or (k + 1 < len(joined) and joined[k + 1]) or joined[k - 1]:
        return False
    before = layout.tokens[k - 1]
    word = before.text
    return (
        _opens_sentence(layout.segment.text, before.start)
        and word not in lex.first_names
        and word not in lex.honorifics
        and word.lower() not in lex.titles
        and not _capitalised_mid_sentence(analysis, word)
    )


def _after_nationality_noun(layout: Capitals, k: int, lex: Lexicons) -> bool:
    """Token k is joined only to a capitalised noun of nationality before it ("Veteran Spaniard
    Martinez came from a set down"): alone for the purpose of naming someone."""
    joined = layout.joined
    return (
        joined[k]
        and not (k + 1 < len(joined) and joined[k + 1])
        and layout.tokens[k - 1].text in lex.stage_roles
    )


def _after_opener(layout: Capitals, k: int) -> bool:
    """Token k is joined only to a capitalised function word before it that opens a sentence
    ("And Greenspan said", "But Okafor"): alone for the purpose of naming someone."""
    joined = layout.joined
    return (
        joined[k]
        and not (k + 1 < len(joined) and joined[k + 1])
        and not joined[k - 1]
        and layout.tokens[k - 1].text.lower() in NOT_FIRST
    )


# An Arabic surname with its article, lower case mid-sentence ("Bashar al-Assad", "Ghazi
# al-Gosaibi", "Reefat el-Sayed"): a name word the capitalised tokens leave out.
ARTICLE_NAME = re.compile(r"(?<![\w’'-])(?:al|el)-[A-Z][a-z]+(?:[’']s)?(?![\w-])")


def _with_article_names(segment: Segment, tokens: list[Token]) -> list[Token]:
    """The capitalised tokens of a segment with its article names ("al-Assad") in their place."""
    text = segment.text
    if "l-" not in text:
        return tokens  # most segments: one substring test
    from factlint.analysis import Token  # the analysis imports this module: no cycle at import

    found = [Token(segment.index, m.start(), m.end(), m.group()) for m in ARTICLE_NAME.finditer(text)]
    return sorted([*tokens, *found], key=lambda t: t.start) if found else tokens


def capitals(analysis: Analysis) -> list[Capitals]:
    """Per segment, its capitalised tokens laid out for the recogniser (cached on the analysis)."""
    cached = analysis.__dict__.get("_capitals")
    if cached is None:
        cached = [
            Capitals.of(segment, _with_article_names(segment, tokens))
            for segment, tokens in zip(analysis.doc.segments, analysis.capitalised_tokens, strict=True)
        ]
        analysis.__dict__["_capitals"] = cached
    return cached  # type: ignore[no-any-return]


def find_people(analysis: Analysis) -> PeopleIndex:
    """Recognise people and titles in every segment, then resolve surnames."""
    lex = lexicons()
    doc = analysis.doc
    lower_words = _LowerCaseUses(analysis)
    people: list[Person] = []
    titles: list[Title] = []
    offices: list[Title] = []
    title_spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    holder = _holder_after(doc)
    for index, start, end in analysis.segment_matches(lex.title_pattern):
        text = doc.segments[index].text
        if _surname_after_given_name(text, start, end, lex.first_names):
            continue  # "Stephen King", "Martin Luther King Jr.", "Alexander Pope": a surname
        title_spans[index].append((start, _portfolio_end(text, start, end, lex.first_names,
                                                         holder)))
    for layout in capitals(analysis):
        segment = layout.segment
        seg_titles = [
            _title(segment, start, end, lex.titles) for start, end in title_spans[segment.index]
        ]
        seg_people = _people_in(layout, seg_titles, lex)
        linked = _link_titles(segment.text, seg_titles, seg_people)
        titles.extend(linked)
        offices.extend(_offices(analysis, segment, linked, seg_people, lex))
        people.extend(seg_people)
    people = _overlong_runs_cut(analysis, people)
    full_by_surname: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        if person.form == "full" or (person.full_name and person.form != "surname"):
            full_by_surname[person.surname].append(person)
    known = {
        p.surname
        for p in people
        if p.form == "honorific"
        or (
            p.form == "titled"
            and (p.title or "").lower() not in ("king", "queen", "prince", "princess", "pope")
        )
    }
    for person in people:  # "Bashar al-Assad" is "Assad" (and "Al-Assad", "El-Sayed") alone
        bare = _without_article(person.surname)
        if bare and (person.form == "full" or person.full_name):
            full_by_surname[bare].append(person)
            full_by_surname[person.surname[:1].upper() + person.surname[1:]].append(person)
    for person in people:  # "Dr Khoo Kay Peng": family name first, so "Mr Khoo" is known too
        words = person.name.split()
        if person.form == "full" and len(words) >= 2 and words[0] not in lex.first_names:
            full_by_surname[words[0]].append(person)
    title_ends = {  # not "official Kent house", nor one capitalised word ("Premier League club")
        (t.segment, t.seg_end) for t in titles
        if t.klass != "role" and (t.text[:1].islower() or " " in t.text)
    }
    in_titles = {(t.segment, i) for t in titles for i in range(t.seg_start, t.seg_end)}
    # the later words of a title of several ("Canterbury" of "Archbishop of Canterbury")
    title_words = {(t.segment, i) for t in titles for i in range(t.seg_start + 1, t.seg_end)}
    extra = _surname_mentions(analysis, full_by_surname, known, lower_words, lex, people, title_ends,
                              in_titles=title_words)
    # A surname the text shows to be a person's ("chairman Leslie said", "Glitman, who heads")
    # names that person wherever it stands alone, before or after: "Leslie said Qantas …".
    shown = {p.surname for p in extra} - full_by_surname.keys() - known
    if shown:
        extra += _surname_mentions(analysis, full_by_surname, known | shown, lower_words, lex,
                                   [*people, *extra], title_ends, only=shown, in_titles=title_words)
    extra += _misspelt_surnames(analysis, full_by_surname, extra, lower_words, lex)
    people = sorted([*people, *extra], key=lambda p: (p.segment, p.seg_start))
    wanted = {p.surname for p in people if p.form != "full" and p.surname not in full_by_surname}
    found = _discover_full_names(analysis, wanted, lex, in_titles, lower_words) if wanted else []
    if found:
        for person in found:
            full_by_surname[person.surname].append(person)
        for group in full_by_surname.values():
            group.sort(key=lambda p: (p.segment, p.seg_start))
        at = {(p.segment, p.seg_start) for p in found} | {(p.segment, p.seg_end) for p in found}
        people = [
            p
            for p in people
            if (p.segment, p.seg_start) not in at and (p.segment, p.seg_end) not in at
        ]
        people = sorted([*people, *found], key=lambda p: (p.segment, p.seg_start))
    resolved = []
    for person in people:
        full_name = _full_name(person, full_by_surname)
        resolved.append(person if full_name == person.full_name else person._replace(full_name=full_name))
    offices = _not_surnames(analysis, offices, resolved, lex.first_names)
    genders = _genders(resolved, lex)
    relatives = _relatives(analysis, lex, genders)
    return PeopleIndex(resolved, titles, offices, genders=genders, relatives=relatives)


KIN_SEX = {
    "wife": "f", "daughter": "f", "mother": "f", "sister": "f", "widow": "f", "girlfriend": "f",
    "fiancée": "f", "grandmother": "f", "granddaughter": "f", "niece": "f", "aunt": "f",
    "husband": "m", "son": "m", "father": "m", "brother": "m", "widower": "m", "boyfriend": "m",
    "fiancé": "m", "grandfather": "m", "grandson": "m", "nephew": "m", "uncle": "m",
}
KIN = BoundedPattern(r"(?:his|her|their)\s+(?:" + "|".join(KIN_SEX) + r")")
# "His wife, Carla, sat behind him": the given name after the kin word, in apposition or not
GIVEN_AFTER_KIN = re.compile(r",?\s([A-Z][a-z]+)\b(?![\w’'-]| [A-Z])")


def _relatives(analysis: Analysis, lex: Lexicons, genders: dict[str, str]) -> list[Person]:
    """Relatives named by a listed given name alone after a kin word ("his wife, Carla"), with the
    sex the kin word gives; ``genders`` takes it. A name the analysis knows as a person's is not
    one (a full name follows, or the word is someone's surname)."""
    found = []
    for index, start, end in analysis.segment_matches(KIN):
        segment = analysis.doc.segments[index]
        after = GIVEN_AFTER_KIN.match(segment.text, end)
        if after is None or after[1] not in lex.first_names or after[1] in genders:
            continue
        name = after[1]
        s, e = segment.source_span(after.start(1), after.end(1))
        found.append(Person(index, after.start(1), after.end(1), s, e, name, name, name, "given"))
        genders[name] = KIN_SEX[segment.text[start:end].split()[-1].lower()]
    return found


def _without_article(surname: str) -> str | None:
    """"Assad" for "al-Assad" or "El-Sayed"; None for a surname without an Arabic article."""
    if surname[:3].lower() in ("al-", "el-") and surname[3:4].isupper():
        return surname[3:]
    return None


def _not_surnames(
    analysis: Analysis, offices: list[Title], people: list[Person], first_names: frozenset[str]
) -> list[Title]:
    """The offices that are not a person's surname: "Stephen King", "Mr King", "Ms King said"
    name someone called King, not the office of king (after a courtesy title or a given name, or
    where the recogniser found the person)."""
    surnames = {(p.segment, p.seg_end, p.surname.lower()) for p in people}
    kept = []
    for office in offices:
        if " " not in office.text and office.text[:1].isupper():
            if (office.segment, office.seg_end, office.text.lower()) in surnames:
                continue
            text = analysis.doc.segments[office.segment].text
            before = NAME_BEFORE.search(text, max(0, office.seg_start - 30), office.seg_start)
            if before is not None and (before[1] in COURTESY or before[1] in first_names):
                continue
        kept.append(office)
    return kept


NAME_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)\.? \Z")




FEMALE_HONORIFICS = frozenset(
    "Mrs Ms Miss Lady Dame Baroness Queen Princess Sister Duchess Countess Madam Mme".split()
)
MALE_HONORIFICS = frozenset("Mr Sir Lord King Prince Father Fr Baron Duke Earl Count M".split())


def _genders(people: list[Person], lex: Lexicons) -> dict[str, str]:
    """The sex of each person the text makes clear: an honorific of any of their mentions, else a
    given name that news copy uses for one sex. Both kinds of evidence, disagreeing: unknown."""
    evidence: dict[str, set[str]] = defaultdict(set)
    for person in people:
        key = person.full_name or person.name
        if person.honorific in FEMALE_HONORIFICS:
            evidence[key].add("f")
        elif person.honorific in MALE_HONORIFICS:
            evidence[key].add("m")
        elif person.form == "full" and (sex := lex.genders.get(person.name.split()[0])):
            evidence[key].add(sex)
    return {key: next(iter(sexes)) for key, sexes in evidence.items() if len(sexes) == 1}


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter dropped (a symmetric-delete key set)."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _misspelt_surnames(
    analysis: Analysis,
    full_by_surname: dict[str, list[Person]],
    found: list[Person],
    lower_words: _LowerCaseUses,
    lex: Lexicons,
) -> list[Person]:
    """Lone capitalised words one letter away from the surname of a person named in full
    ("Doulgas" beside "Lee Douglas", "Crantson said" beside "Alan Cranston"): the same person,
    misspelt, so consistency/name can compare them. One letter changed, added, dropped, or two
    neighbours swapped; five letters or more; never a given name, a place or a common word."""
    surnames = [s for s in full_by_surname if len(s) >= 5 and s.isalpha()]
    if not surnames:
        return []
    index: dict[str, set[str]] = defaultdict(set)
    for surname in surnames:
        for key in _deletions(surname):
            index[key].add(surname)
    taken = {(p.segment, p.seg_start) for p in found}
    taken |= {(p.segment, t) for ps in full_by_surname.values() for p in ps
              for t in range(p.seg_start, p.seg_end)}
    lengths = {len(s) + d for s in surnames for d in (-1, 0, 1)}  # one edit: a letter more or less
    extra = []
    for layout in capitals(analysis):
        segment = layout.segment
        for k, token in enumerate(layout.tokens):
            word = _strip_possessive(token.text)
            if (
                len(word) < 5 or len(word) not in lengths or word in full_by_surname
                or not word.isalpha() or word in lex.first_names or word in lex.places
                or (segment.index, token.start) in taken or not layout.lone(k)
            ):
                continue
            near = {s for key in _deletions(word) for s in index.get(key, ())}
            near = {s for s in near if _one_edit_apart(word, s)}
            if len(near) != 1:
                continue
            if word.lower() in lower_words or word.isupper():
                continue
            end = token.start + len(word)
            s, e = segment.source_span(token.start, end)
            extra.append(Person(segment.index, token.start, end, s, e, word, word, word, "surname"))
    return extra


# The connector of a portfolio ("Minister of ...", "Secretary of State for ...") and its words
PORTFOLIO_CONNECTOR = re.compile(r"\s(?:of|for|to)\s+(?:the\s+)?")
CAPITALISED_WORD = re.compile(r"[A-Z][\w’'-]+")


GIVEN_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) \Z")


def _surname_after_given_name(text: str, start: int, end: int, first_names: frozenset[str]) -> bool:
    """A one-word title right after a given name is that person's surname ("Larry King")."""
    if " " in text[start:end] or not text[start : start + 1].isupper():
        return False
    before = GIVEN_NAME_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1) in first_names


def _portfolio_end(
    text: str, start: int, end: int, first_names: frozenset[str],
    holder: Callable[[str, str, str], bool],
) -> int:
    """Where a title with a portfolio ends: its run of capitalised words stops before a given name
    that follows another of its words ("Secretary of State Mike Pompeo", "Minister for Sport Tessa
    Jowell"), or before a last word that is the holder's name (see _holder_after); a word after
    "of", "for" or "and" is the portfolio's ("Secretary of State for Wales", "Minister for
    Victoria")."""
    connector = PORTFOLIO_CONNECTOR.search(text, start, end)
    if connector is None or " ".join(text[start:end].lower().split()) in lexicons().titles:
        return end  # a listed title is whole: "the Archbishop of Canterbury said"
    previous_end, previous = -1, ""
    for word in CAPITALISED_WORD.finditer(text, connector.end(), end):
        # a given name right after another capitalised word; after "for", "and" it is a portfolio
        if word.start() == previous_end + 1 and (
            word.group() in first_names
            or (word.end() == end and holder(text[start:previous_end], word.group(), previous))
        ):
            return previous_end
        previous_end, previous = word.end(), word.group()
    return end


# "Shultz said", "said Shultz", "Shultz told reporters": a capitalised word as a speaker
SPEAKER = re.compile(
    r"(?<![\w’'.-])([A-Z][a-z][\w’'-]*) (?:said|says|told|tells|added|adds|replied)\b"
    r"|\b(?:said|says) ([A-Z][a-z][\w’'-]*)(?![\w’'-]| [A-Z])"
)


def _holder_after(doc: Document) -> Callable[[str, str, str], bool]:
    """Whether the last word of a title's portfolio, after the word ``previous``, is its holder's
    surname: the text has it speak alone ("Secretary of State Shultz" when "Shultz said"), and
    the title before it is a listed one or ``previous`` comes again elsewhere, so it is no given
    name used once ("Minister of Trade and Industry Hajime Tamura" when "Tamura said")."""
    found: list[set[str]] = []
    lex = lexicons()  # "Minister of Mines and Energy Subroto": a mononym is his one name

    def holder(title: str, word: str, previous: str) -> bool:
        if not found:
            found.append({a or b for s in doc.segments if s.kind == "prose"
                          for a, b in SPEAKER.findall(s.text)})
        return (
            word in found[0] and word not in lex.mononyms
            and (" ".join(title.lower().split()) in lex.titles or doc.text.count(previous) > 1)
        )

    return holder


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped, or two neighbours swapped."""
    from rapidfuzz.distance import OSA

    return a != b and OSA.distance(a, b) == 1


def _overlong_runs_cut(analysis: Analysis, people: list[Person]) -> list[Person]:
    """A title-case line runs words into a name ("Hillary Clinton Goes After …"): a full name of
    three words or more whose last word the text never uses again, while it uses the word before
    it again, ends at that word ("Hillary Clinton"); never at an initial ("John A. Smith")."""
    long_names = [p for p in people if p.form == "full" and len(p.name.split()) >= 3]
    if not long_names:
        return people
    words = {w.lower() for p in long_names for w in p.name.split()[-2:]}
    uses: dict[str, int] = defaultdict(int)  # capitalised uses of each word
    for tokens in analysis.tokens_of(words).values():
        for token in tokens:
            uses[token.text] += 1
    cut = []
    for p in people:
        names = p.name.split()
        if p in long_names and uses[names[-1]] <= 1 < uses[names[-2]] and len(names[-2]) > 1:
            text = analysis.doc.segments[p.segment].text
            at = text.rfind(names[-2], p.seg_start, p.seg_end)
            if at < 0:
                cut.append(p)
                continue
            end = at + len(names[-2])
            s, e = analysis.doc.segments[p.segment].source_span(p.seg_start, end)
            name = " ".join(names[:-1])
            p = p._replace(seg_end=end, end=e, text=text[p.seg_start:end], name=name,
                           surname=names[-2], full_name=name)
        cut.append(p)
    return cut


def _discover_full_names(
    analysis: Analysis,
    wanted: set[str],
    lex: Lexicons,
    in_titles: set[tuple[int, int]],
    lower_words: _LowerCaseUses,
) -> list[Person]:
    """Full names whose given name is not in the lexicon, found because the article later uses the
    surname alone: "Radwan Hadi" once "Mr Hadi" appears. One pass over the capitalised tokens."""
    found = []
    for segment, caps in zip(analysis.doc.segments, analysis.capitalised_tokens, strict=True):
        text = segment.text
        for k, last in enumerate(caps):
            last_word = _strip_possessive(last.text)
            nick = (
                NICKNAME.search(text, max(0, last.start - 60), last.start)
                if last_word in wanted
                else None
            )
            if nick:  # Marion "Suge" Knight
                name = f"{nick.group(1)} {last.text}"
                found.append(_full_person(segment, nick.start(), last.end, name, last.text))
                continue
            # Every test below needs the word just before to be a capitalised, adjacent token.
            first = caps[k - 1] if k else None
            if first is None or not _adjacent(text, first, last):
                continue
            before_first = _word_just_before(caps, k - 1, text)
            if (
                first.text in wanted
                and _capitalised(last.text)
                and last_word not in ORG_WORDS  # "Ruth Kelly MP": MP is no surname
                and last.text.lower() not in NOT_PERSON_AFTER
                and (before_first is None or before_first.text not in lex.honorifics)
            ):
                name = f"{first.text} {last.text}"  # "Wang Xuebing", then "Mr Wang"
                found.append(_full_person(segment, first.start, last.end, name, first.text))
                continue
            if last_word not in wanted or not _capitalised(first.text) or last_word in ORG_WORDS:
                continue
            if (
                first.text.lower() in NOT_FIRST
                or first.text in lex.honorifics
                or first.text.lower() in lex.title_heads  # every one-word title is its own head
                or first.text.lower() in lex.office_words or first.text.lower() in MODIFIERS
                or first.text.lower() in lex.person_nouns  # "Financier Lindner", "Developer Trump"
                or first.text.lower() in lex.stage_roles  # "Flanker Charvis", "Actor Farrell"
                or first.text.lower() in lex.stage_roles_with_pronoun  # "Singer Spears"
                or first.text.lower() in lex.stage_roles_after_capital
                or first.text.lower() in lex.roles_not_names  # "Producer Gibson", "DJ Cook"
                or _plural_of_a_person_noun(first.text, lex)  # "Sprinters Kenteris"
                or first.text.endswith(("-born", "-old"))  # "Tunisian-born Kechiche"
                or PORTFOLIO_GOES_ON.search(text, max(0, first.start - 40), first.start)
                or first.text in lex.stage_roles  # "Spaniard Martinez"
                or first.text in ORG_WORDS  # "Ex-Labour MP Galloway": no given name
                or (_opens_sentence(text, first.start) and first.text.lower() in lower_words)
                or (_opens_sentence(text, first.start) and (
                    first.text.endswith("ly") or first.text.lower() in SENTENCE_ADVERBS
                ))  # "Eventually Asimo could find work": an adverb opening the sentence
                or (segment.index, first.start) in in_titles  # "Chancellor of the Exchequer Lawson"
                or first.text.lower() in NOT_SURNAMES
                or first.text.endswith(("’s", "'s"))
                or len(first.text) < 2
            ):
                continue
            start = first.start
            if (
                before_first is not None
                and before_first.text in lex.first_names
                and _adjacent(text, before_first, first)
            ):
                start = before_first.start
            end = last.start + len(last_word)
            name = " ".join(text[start:end].split())
            found.append(_full_person(segment, start, end, name, last_word))
    return found


# "Comptroller of the Currency Clarke": a word after "of" or "for" in a run of capitals belongs to
# the name of a post or a body, not to the person's name ("and" does not: "Ann Lee and Rabah Yusuf")
PORTFOLIO_GOES_ON = re.compile(r"[A-Z][\w’'-]* (?:of|for|of the) \Z")


def _full_person(segment: Segment, start: int, end: int, name: str, surname: str) -> Person:
    """A full-name mention found once the surname was seen alone (see _discover_full_names)."""
    s, e = segment.source_span(start, end)
    return Person(
        segment.index, start, end, s, e, segment.text[start:end], name, surname, "full",
        full_name=name,
    )


NO_WORD = re.compile(r"\W*")


def _word_just_before(caps: list[Token], k: int, text: str) -> Token | None:
    """caps[k - 1] when it is the word token right before caps[k] (nothing but spaces and
    punctuation between them), else None: the word before is lower case or absent."""
    if k == 0:
        return None
    previous = caps[k - 1]
    return previous if NO_WORD.fullmatch(text, previous.end, caps[k].start) else None


def _title(segment: Segment, start: int, end: int, classes: dict[str, str]) -> Title:
    text = segment.text[start:end]
    key = " ".join(text.lower().split())
    klass = classes.get(key, "office")
    before = segment.text[max(0, start - 60) : start]
    s, e = segment.source_span(start, end)
    return Title(
        segment.index,
        start,
        end,
        s,
        e,
        text,
        klass,
        bool(DETERMINER.search(before)),
    )


PARTICLE_BEFORE = re.compile(r"[A-Z][\w’'-]* (?:(?:" + "|".join(sorted(PARTICLES)) + r") )+\Z")
PARTICLES_BETWEEN = re.compile(
    r" ((?:(?:" + "|".join(sorted(PARTICLES)) + r") )+)"
)  # "Ursula von der Leyen": the gap between two capitalised words


def _people_in(layout: Capitals, titles: list[Title], lex: Lexicons) -> list[Person]:
    """People among the capitalised tokens of a segment: runs of joined capitalised words (with
    particles such as "van der" inside them), each read by ``_person_from_run``."""
    segment = layout.segment
    text: str = segment.text
    title_end = {t.seg_end: t for t in titles}
    if titles or PARTICLES_BETWEEN.search(text):
        runs = _runs(layout, titles)
    else:  # most paragraphs: the runs are the chains of joined words, and single words name nobody
        runs = []
        previous = -2
        for k in [k for k, joined in enumerate(layout.joined) if joined]:
            if k == previous + 1:
                runs[-1].append(layout.tokens[k])
            else:
                runs.append([layout.tokens[k - 1], layout.tokens[k]])
            previous = k
    found: list[Person] = []
    for run in runs:
        # One word alone names a person only right after a title ("President Zelenskiy").
        if len(run) > 1 or run[0].start - 1 in title_end:
            found.extend(_person_from_run(segment, run, title_end, lex))
    return found


def _runs(layout: Capitals, titles: list[Title]) -> list[list[Token]]:
    """Runs of capitalised words outside titles, joined by single spaces or particles."""
    text = layout.segment.text
    in_title = _covered(titles)
    runs: list[list[Token]] = []
    run: list[Token] = []
    for k, token in enumerate(layout.tokens):
        if not layout.named[k] or token.start in in_title:
            if run:
                runs.append(run)
                run = []
            continue
        if run and not layout.joined[k]:
            gap = run[-1].end
            particles = (
                _particles(layout.segment.index, text, run[-1], token)
                if text[gap : gap + 1] == " " and text[gap + 1 : gap + 2].islower()
                else None
            )
            if particles:
                run.extend(particles)
            else:
                runs.append(run)
                run = []
        run.append(token)
    if run:
        runs.append(run)
    return runs


def _particles(segment: int, text: str, before: Token, after: Token) -> list[Token]:
    """The particle tokens between two capitalised words when only particles and single spaces
    separate them ("de", "van der", "bin"), else an empty list."""
    match = PARTICLES_BETWEEN.fullmatch(text, before.end, after.start)
    if match is None or before.text.endswith(("’s", "'s")):
        return []
    tokens = []
    offset = match.start(1)
    for word in match.group(1).split(" ")[:-1]:
        tokens.append(tuple.__new__(type(before), (segment, offset, offset + len(word), word)))
        offset += len(word) + 1
    return tokens


def _covered(titles: list[Title]) -> set[int]:
    return {i for t in titles for i in range(t.seg_start, t.seg_end)}


def _capitalised(word: str) -> bool:
    """Starts with a capital and is not an acronym of four letters or more ("NATO")."""
    return word[:1].isupper() and not (len(word) > 3 and word.isupper())


def _adjacent(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    if gap == " ":
        return not a.text.endswith(("’s", "'s")) and text[a.end : a.end + 1] not in "’'"
    if gap not in (". ", ".\n"):
        return False
    return len(a.text) == 1 or a.text in lexicons().honorifics  # "J. Smith", "Dr. Haddad"


def _person_from_run(
    segment: Segment, run: list[Token], title_end: dict[int, Title], lex: Lexicons
) -> list[Person]:
    text: str = segment.text
    stop = next(
        (
            k
            for k, t in enumerate(run)
            if t.text.lower() in lex.verbs
            or (k and t.text.lower() in NOT_FIRST and not _middle_initial(text, run, k))
        ),
        None,
    )  # "Malcolm X. Besides Dee": two; but "John A. Smith" is one
    run = run[:stop] if stop is not None else run
    if not run or (len(run) == 1 and run[0].text in SUFFIXES):
        return []  # "King Jr.": a suffix after a title is no name
    words = [t.text for t in run]
    start_k = next(
        (k for k, w in enumerate(words) if w in lex.first_names or w in lex.honorifics),
        None,
    )
    title = _title_before(text, run[0].start, title_end)
    head = _office_head(words, lex)
    if head is not None:  # "Agriculture Secretary Lyng": an office no lexicon lists, then the name
        lead = next(k for k, word in enumerate(words) if len(word) > 1)  # not the S of "U.S."
        title = _title(segment, run[lead].start, run[head].end, lex.titles)
        run, words = run[head + 1 :], words[head + 1 :]
    if title is not None:
        start_k = 0
    if start_k is None and len(words) > 1 and _initial(text, run[0]):
        start_k = 0  # "J. K. Rowling": initials before a surname
    if start_k is None:
        return []
    run = run[start_k : start_k + 5]
    if len(run) > 2 and run[-1].text.rstrip(".") in SUFFIXES:
        run = run[:-1]  # "Ken Griffey Jr.": the surname is the word before the suffix
    if len(run) > 2 and run[-1].text in POST_NOMINALS:
        run = run[:-1]  # "Ruth Kelly MP": letters after the name
    words = [_strip_possessive(t.text) for t in run]
    form = "full"
    honorific = None
    if words[0] in lex.honorifics:
        form, honorific = "honorific", words[0]
        run, words = run[1:], words[1:]
        while len(run) > 1 and words[0] in lex.honorifics:  # "Det Supt Ian Marsh"
            honorific = words[0]
            run, words = run[1:], words[1:]
        if not run:
            return []
        if len(run) > 1 and run[0].text.endswith(("’s", "'s")):  # "Mr Peston's Book": the surname
            run, words = run[:1], words[:1]
    elif title is not None and (len(run) == 1 or words[0] not in lex.first_names):
        if segment.kind != "prose":
            return []  # a title-case headline: "Minister Recieves Report" names nobody
        if len(run) == 1 and not title.text[:1].isupper():
            return []  # "vice president Boeing": a lower-case title + one word is no styled name
        form = "titled" if len(run) == 1 else "full"
    elif len(run) < 2:
        return []
    if (
        any(w in lex.places for w in words[1:])
        or words[-1].lower() in NOT_SURNAMES
        or words[-1] in lex.honorifics
        or words[-1] in ORG_WORDS
        or words[-1] in INSTITUTION_ENDS  # "Denver Public Schools": Denver is a given name too
        or words[-1].isupper()
        or len(words[-1]) < 2
    ):
        return []
    if form == "honorific" and len(run) > 1:
        form = "full"
    start, end = run[0].start, run[-1].start + len(words[-1])
    s, e = segment.source_span(start, end)
    name = " ".join(words)
    return [
        Person(
            segment.index,
            start,
            end,
            s,
            e,
            text[start:end],
            name,
            words[-1],
            form,
            full_name=name if form == "full" else None,
            title=title.text if title is not None else None,
            honorific=honorific,
        )
    ]


SUFFIXES = frozenset("Jr Sr II III IV".split())


def _middle_initial(text: str, run: list[Token], k: int) -> bool:
    """Token k is an initial between a given name and a surname ("John A. Smith"), though "A"
    and "I" are words too."""
    return (
        0 < k < len(run) - 1
        and _initial(text, run[k])
        and text[run[k].end : run[k + 1].start] == ". "
        and run[k - 1].text in lexicons().first_names
    )


def _initial(text: str, token: Token) -> bool:
    """A one-letter capital followed by a full stop, not inside an abbreviation ("U.S."): an
    initial."""
    return (
        len(token.text) == 1
        and text[token.end : token.end + 1] == "."
        and text[token.start - 1 : token.start] != "."
    )


def _office_head(words: list[str], lex: Lexicons) -> int | None:
    """The index of the last office word ("Secretary", "Chairman") after the first word and
    before the last of a capitalised run: the run is a portfolio, an office and a name."""
    heads = [
        k for k, word in enumerate(words[:-1])
        if k and word.lower() in lex.title_heads
        and words[k - 1] not in lex.first_names  # "Martin Luther King Jr.": a surname
    ]
    if not heads or any(word.endswith(("'", "’")) for word in words[heads[-1] :]):
        return None  # "General Workers' Union": no portfolio before the office word, or no name
    return heads[-1]


def _title_before(text: str, start: int, title_end: dict[int, Title]) -> Title | None:
    """A capitalised title directly before a name: "Defence Secretary Grant Shapps"."""
    title = title_end.get(start - 1)
    if title is None or not text[start - 1 : start].isspace() or title.klass == "role":
        return None
    if title.text.lower() == "premier":
        return None  # "Premier Rugby": not a styled name
    return title


def _strip_possessive(word: str) -> str:
    """The name in a token: "Zelenskiy’s" -> "Zelenskiy", "Jackson-style" -> "Jackson"."""
    if word.endswith(("’s", "'s")):
        word = POSSESSIVE.sub("", word)
    head, _, tail = word.rpartition("-")
    return head if head and tail.islower() else word


def _link_titles(text: str, titles: list[Title], people: list[Person]) -> list[Title]:
    """Link titles to people: before the name, or in an appositive on either side of it."""
    by_start = {p.seg_start: p for p in people}
    by_end = {p.seg_end: p for p in people}
    linked = []
    for title in titles:
        person = (
            by_start.get(title.seg_end + 1)
            if text[title.seg_end : title.seg_end + 1] == " "
            else None
        )
        if person is None:  # "Ukraine’s new Defence Minister, Rustem Umerov"
            m = re.match(r",?\s+", text[title.seg_end : title.seg_end + 3])
            person = by_start.get(title.seg_end + m.end()) if m and "," in m.group() else None
        if person is None:  # "Grant Shapps, the defence secretary"
            m = re.search(
                r"([’']s?)?,\s+(?:(?:the|a|an|his|her|[A-Z][\w-]*[’']s?)\s+)?(?:\w+\s+){0,3}$",
                text[max(0, title.seg_start - 50) : title.seg_start],
            )
            if m:
                end = max(0, title.seg_start - 50) + m.start()
                person = by_end.get(end)
        name = (person.full_name or person.name) if person else None
        linked.append(title if name is None else title._replace(person=name))
    return linked


# A nickname (Marion "Suge" Knight: a closing mark after a word, not after a quotation's closing
# punctuation: “…,” Ellison said), a place (in Santos).
NICKNAME_OR_PLACE_BEFORE = re.compile(
    r"(?:(?<![,.!?…])[”\"] | -|\b(?:in|at|from|to|near|the|The) )$"
)


def _surname_mentions(
    analysis: Analysis,
    full_by_surname: dict[str, list[Person]],
    known: set[str],
    lower_words: _LowerCaseUses,
    lex: Lexicons,
    people: list[Person],
    title_ends: set[tuple[int, int]],
    only: set[str] | None = None,
    in_titles: set[tuple[int, int]] | None = None,
) -> list[Person]:
    """Single capitalised words used as surnames: of known people, or in person-like positions
    (with ``only``, the uses of those surnames alone); never a word inside a title ("the
    Archbishop of Canterbury said")."""
    taken = {(p.segment, p.seg_start) for p in people} | (in_titles or set())
    taken |= {(p.segment, p.seg_start) for ps in full_by_surname.values() for p in ps}
    taken |= {
        (p.segment, t) for p in _flatten(full_by_surname) for t in range(p.seg_start, p.seg_end)
    }
    layouts = capitals(analysis)
    names = full_by_surname.keys() | known
    in_run: set[str] | None = None  # both computed only if a candidate gets that far
    orgs: set[str] | None = None
    found = []
    for layout in layouts:
        segment = layout.segment
        text = segment.text
        for k, token in enumerate(layout.tokens):
            word = _strip_possessive(token.text)
            if only is not None and word not in only:
                continue
            # The tests of the word alone come first: they turn away nearly half the capitalised
            # words ("The", "US", a month) before the costlier tests of the words around them.
            if (
                (segment.index, token.start) in taken
                or not _capitalised(word)
                or word != token.text.replace("’s", "").replace("'s", "")  # "Blair-era": a modifier
                or len(word) < 3
                or word.lower() in NOT_SURNAMES
                or word in ORG_WORDS
                or word.isupper()
            ):
                continue
            if _particle_before(text, token.start) and PARTICLE_BEFORE.search(
                text, max(0, token.start - 40), token.start
            ):
                continue  # "Dieter zur Loye": the end of a name whose given name is unknown
            if "." in text[max(0, token.start - 2) : token.start] and INITIALS_BEFORE.search(
                text, max(0, token.start - 12), token.start
            ):
                continue  # "G.C. Goh, chief dealer of …": initials are the given names
            titled = _after_office_word(layout, k, lex, title_ends) or (
                segment.kind == "prose" and _wire_job(text, token, lex)
            )  # "chairman Leslie", "said Lewis, economist at Phillips and Drew"
            # Every test here only filters, so the cheaper one runs first: the word's place among
            # the capitals (alone, or after an opener or an office) turns away the words of
            # multi-word names ("New York") before the costlier reading of the words around it.
            if (
                not (
                    layout.lone(k) or _after_opener(layout, k) or titled
                    or (
                        _after_opening_common_word(analysis, layout, k, lex)
                        and (token.text in names or _after_person_noun(text, token.start, lex))
                    )  # "Actor Slater is …" once Slater is shown; "Flanker Charvis is out"
                    or _after_nationality_noun(layout, k, lex)  # "fellow Swede Johansson"
                )
            ):
                continue
            if (
                token.text not in names
                and not titled
                and not token.text.endswith(("’s", "'s"))
                and text[token.end : token.end + 1] not in ("’", "'")
                and not _speaks_or_described(analysis, segment, token, lex)
            ):
                continue  # neither a known surname nor a possessive: most capitalised words
            if (
                lex.given_name_alone(word)
                and word not in full_by_surname
                and word not in known
                and not titled
                and not PARTY_STATE_APPOSITIVE.match(text, token.end)  # "Vance, D-Wash.,"
            ):
                continue  # a given name alone ("Sarah, who asked not to be named"), not after an office
            if orgs is None:
                orgs = organisation_words(analysis)
            if word in orgs:
                continue
            following = _word_after(text, token.end)
            if following.lower() in NOT_PERSON_AFTER and not (
                text[token.end : token.end + 1] == "," and _role_appositive(text, token, lex)
            ):
                continue  # "the Maekawa report", but not "Macklin, president of …"
            if word not in full_by_surname and word not in known:
                if word.lower() in lower_words or not (
                    _person_like(text, token, word, following, lex)
                    or (
                        titled and word not in lex.places and word.lower() not in lex.titles
                        and word not in lex.mononyms  # "Indonesian oil minister Subroto"
                    )
                ):
                    continue
                if in_run is None:
                    in_run = _run_words(layouts)
                if word in in_run:
                    continue
            # The costlier pattern tests come last; every test here only filters.
            before = text[max(0, token.start - 40) : token.start]
            if (
                NICKNAME_OR_PLACE_BEFORE.search(before)
                or before.rfind("<") > before.rfind(">")
                or len(SCORE.findall(text, max(0, token.start - 80), token.end + 80)) >= 2
            ):
                continue  # a nickname ("Suge" Knight), a place (in Santos), a <company tag>
            end = token.start + len(word)
            s, e = segment.source_span(token.start, end)
            found.append(Person(segment.index, token.start, end, s, e, word, word, word, "surname"))
    return found


def _one_word_back(text: str, start: int, reach: int) -> int:
    """Where to search for a pattern of one word and a space that ends at ``start`` (the
    ..._BEFORE patterns): after the last space before that word, within ``reach``. No match can
    start earlier, and a search tries each position (its look-behind still sees the text before
    it), so this tries a few instead of ``reach``."""
    lowest = max(0, start - reach)
    return max(lowest, text.rfind(" ", lowest, start - 1) + 1)


def _particle_before(text: str, start: int) -> bool:
    """A particle and a space end just before ``start`` ("Dieter zur |Loye"): the cheap test
    PARTICLE_BEFORE needs to pass (particles have at most three letters)."""
    space = text.rfind(" ", max(0, start - 5), start - 1)
    return (
        space >= 0 and text[start - 1 : start] == " " and text[space + 1 : start - 1] in PARTICLES
    )


WORD_AFTER = re.compile(r"\W*(\w+(?:[’'\-]\w+)*)")
WORD_BEFORE = re.compile(r"(\w+(?:[’'\-]\w+)*)\W*\Z")


def _word_after(text: str, end: int) -> str:
    """The word token that follows offset ``end`` (the end of a token), or ""."""
    match = WORD_AFTER.match(text, end)
    return match.group(1) if match else ""


def _word_before(text: str, start: int) -> str:
    """The word token that ends before offset ``start`` (the start of a token), or ""."""
    match = WORD_BEFORE.search(text, max(0, start - 40), start)
    return match.group(1) if match else ""


# "Moreau, 73, walks": an age in apposition makes a person of a lone capitalised word.
AGE_APPOSITIVE = re.compile(r", (?:aged )?\d{1,3},")
# "Jayapal, D-Wash., said": a US legislator's party and state (AP style) label a person.
PARTY_STATE = r"[DRI]-[A-Z][A-Za-z.]{1,12}"
PARTY_STATE_APPOSITIVE = re.compile(rf", {PARTY_STATE}(?:,|\)| said\b)")
# "Lindqvist, a former negotiator, said": an appositive between a word and a verb.
APPOSITIVE = re.compile(r", ([a-z]+)\b[^,;:“”\"\n]{0,60},")
KIN_BEFORE = re.compile(
    r"\b(?:daughter|son|wife|husband|mother|father|brother|sister|grandson|granddaughter|baby|"
    r"child|girlfriend|boyfriend|fiancée?|widow|widower)s? \Z"
)
# "Bennett, the soybean association's first vice president, told": an appositive that ends in a
# job or a title, then a reporting verb
ROLE_LAST_APPOSITIVE = re.compile(r", [^,;:“”\"\n]{0,60}?\b([a-z]+), ([a-z]+)\b")
AND_HIS = re.compile(r" and (?:his|her) ")  # "Gibson and his partner": a man or a woman
WHO_SINGULAR = re.compile(r", who (?:(?:also|now|then|[a-z]+ly) )?(?:is|was|has|[a-z]*[^\Ws]s)\b")
WHO_PAST = re.compile(r", who (?:(?:also|now|then|once|[a-z]+ly) )?([a-z]+)\b")
PLURAL_VERB_AFTER = re.compile(r"(?:[’']ve| (?:are|have|were|remain|say|play|face|need)\b)")
PRONOUN_NEAR = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)\b")
ADVERB = re.compile(r" (?:also|later|then|once|again|[a-z]+ly) ")


def _speaks_or_described(analysis: Analysis, segment: Segment, token: Token, lex: Lexicons) -> bool:
    """A lone capitalised word in a person's place: the subject of a reporting verb ("Okafor
    said"), after one at a clause end ("…,” said Okafor."), or the head of an appositive
    ("Lindqvist, a former negotiator, said"; "Moreau, 73,"). For all but the age, the text must
    show a person, not an organisation or a common word opening a sentence ("Yukos said",
    "Analysts said"): a gendered pronoun right after ("Okafor said she", "… He"), and for a
    sentence opening, the word capitalised mid-sentence elsewhere too."""
    text = segment.text
    word = token.text
    nxt = text[token.end : token.end + 1]
    noun = _after_person_noun(text, token.start, lex)
    if noun is not None:  # "analyst Hess told", "chief negotiator Seixas": a name after a description
        if NAME_GOES_ON.match(text, token.end):
            return False  # "striker Ruud van Nistelrooy": a name whose given name is not listed
        if noun == "stage-pronoun" and not _gendered_in_sentence(analysis, segment, token.end):
            return False  # "Blazin' Squad singer Kenzie is favourite": perhaps a stage name
        return noun == "person" or not _stage_name_possible(analysis, word)
    if nxt == " ":  # the common case first, with slices and set look-ups only
        space = text.find(" ", token.end + 1)
        following = text[token.end + 1 : space if space >= 0 else len(text)].rstrip().rstrip(",.;:")
        if following == "and" and AND_HIS.match(text, token.end):
            return not _opens_sentence(text, token.start) or _capitalised_mid_sentence(analysis, word)
        if following in ("of", "with") and _of_a_firm(text, token, lex):
            return True  # "said Greenbaum of Smith Barney", "Mount of the ratings agency said"
        if _subject_with_own_pronoun(analysis, text, token, following, lex):
            return True  # "Hingis has admitted that she …", "McIlroy stormed to his second title"
        if following not in lex.verbs and following not in ADVERBS and not following.endswith("ly"):
            return False
    if word.lower() in NOT_FIRST or word.lower() in PRONOUN_WORDS:
        return False
    if KIN_BEFORE.search(text, _one_word_back(text, token.start, 30), token.start):
        return False  # "her daughter Teja, who was born in 2001": a given name
    if nxt == ",":
        if (
            AGE_APPOSITIVE.match(text, token.end)
            or PARTY_STATE_APPOSITIVE.match(text, token.end)
            or WHO_SINGULAR.match(text, token.end)
        ):
            return True  # "Moreau, 73,"; "Holt, D-Ore.,"; "Glitman, who heads the team"
        if (
            text.startswith(", whose ", token.end) and _quoted_in_first_person(text, token)
            and _word_before(text, token.start).lower() in lex.verbs
        ):
            return True  # "“… of my life,” said Ortiz, whose family fled": one person speaks
        if _noun_apposed_before(text, token.start) in lex.individual_nouns:
            return True  # "The suspect, Hughes, was held": the name of the person described
        past = WHO_PAST.match(text, token.end)
        if past is not None and (past.group(1).endswith("ed") or past.group(1) in lex.past_forms):
            return _who_past_is_a_person(analysis, text, token, past.end())
        if _role_appositive(text, token, lex):
            return True  # "Macklin, president of the association, said"; "said Heymann, analyst at"
        role = ROLE_LAST_APPOSITIVE.match(text, token.end)
        if (
            role is not None and role[2] in lex.verbs and role[1] not in lex.person_nouns_of
            and (role[1] in lex.titles or role[1] in lex.person_nouns)
        ):  # not a job a company can do ("Fidelity, the fund manager, said")
            return True  # "Sims, USDA general sales manager, told"
        appositive = APPOSITIVE.match(text, token.end)
        if appositive is None or _word_after(text, appositive.end()).lower() not in lex.verbs:
            return False
        head = appositive.group(1)
        if head not in ("a", "an", "the", "his", "her", "who", "whose") and head not in lex.titles:
            return False  # "Levy, chairman and chief executive, said"; not "Shell, however, said"
        return _gendered_pronoun_follows(analysis, segment, appositive.end())
    elif nxt == " ":
        if word.endswith("s") and not word.endswith("ss") and word not in lex.surname_like:
            return False  # "Analysts said", "Barclays said": a plural or a company more often
            # (not "Harris said": a common surname)
        adverb = ADVERB.match(text, token.end)
        found = WORD_AFTER.match(text, adverb.end() - 1 if adverb else token.end)
        verb = found.group(1) if found else ""
        if verb.lower() not in lex.verbs or verb[:1].isupper() or verb.endswith("ing"):
            return False
        end = token.end + len(verb) + 1
        if (
            found is not None and _human_cue_at(text, found.start(1), lex)
            and not NAME_CONTINUES_BEFORE.search(text, max(0, token.start - 40), token.start)
        ):
            return True  # "“…,” Marrero told the board": only a person tells reporters or laughs
    elif nxt in (".", ";") or not nxt:
        if _word_before(text, token.start).lower() not in lex.verbs or text[token.start - 1 : token.start] != " ":
            return False
        end = token.end
    else:
        return False
    first_person = _quoted_in_first_person(text, token)
    if (
        _opens_sentence(text, token.start)
        and not _capitalised_mid_sentence(analysis, word)
        and not (first_person and word.lower() not in COMMON_SPEAKERS)
    ):
        return False  # "Analysts said"; but "Okonjo said: “I …”" opening a paragraph speaks
    # the text shows a person: a first-person quotation, a pronoun after, or a word that is a
    # common surname ("Clark said", not "Yukos said")
    return first_person or word in lex.surname_like or _gendered_pronoun_follows(analysis, segment, end)


# The word before ends a longer name: "the Ministry of International Trade and Industry told"
NAME_CONTINUES_BEFORE = re.compile(r"[A-Z][\w’'-]* (?:and|of|for|&) (?:the )?\Z")


def _human_cue_at(text: str, at: int, lex: Lexicons) -> bool:
    """Whether a cue only a person uses starts at ``at`` and ends at a word's end ("laughed",
    not "laughedly"; "told the board", not "told the boardroom")."""
    if not text.startswith(lex.human_cues, at):
        return False  # most verbs: one test of every cue at once
    for cue in lex.human_cues:
        if text.startswith(cue, at):
            end = at + len(cue)
            if end == len(text) or not (text[end].isalnum() or text[end] in "’'-"):
                return True
    return False


# After "X of": a firm's name (capitalised words, "&", "and Co", a <ticker>) or a firm described
# ("the ratings agency", "brokerage firm James Capel"), then the verb
FIRM_AFTER = re.compile(
    r" (?:of|with),? ((?:(?:the|brokers?|brokerage|investment|accounting|firm|advisers|ratings|"
    r"agency|bank|stockbrokers?) )*)((?:(?:[A-Z<][^\s,]*|&|and|de),? ){0,7})([a-z]+)\b"
)


SAID_BEFORE = frozenset("said says added adds noted notes explained commented".split())
INSTITUTIONS = frozenset(
    """Department Ministry Office Council Board Institute Association Committee Commission Bureau
    Agency Authority Union Federation University College School Court Society Centre Center Fund
    Members Terms Memorandum Governors Chamber Organisation Organization League Party Church
    Museum Academy Foundation Conference Congress Parliament Assembly""".split()
)


def _of_a_firm(text: str, token: Token, lex: Lexicons) -> bool:
    """Wire style for an analyst or spokesman: a word, "of" or "with" and a firm, next to a
    reporting verb ("said McCulley of E.F. Hutton and Co", "Ascensao of ACICO told Reuters",
    "Mount of the ratings agency said"). Not a place ("Toyota of Japan", "Sanford of North
    Carolina") and not a firm itself ("Bank of England" is one name)."""
    match = FIRM_AFTER.match(text, token.end)
    if match is None:
        return False
    described, name = match.group(1), match.group(2)
    described = "" if described.strip() == "the" else described
    if not name and not described.rstrip().endswith(("agency", "firm", "bank", "brokerage")):
        return False  # "Smith of the" + no firm
    firm = name.split()[0].strip(",<") if name else ""
    if firm in lex.places or POSSESSIVE.sub("", firm) in lex.places:
        return False
    word = token.text
    if word in INSTITUTIONS or word.lower() in lex.titles or word.lower() in lex.office_words:
        return False  # "the Department of Transport said", "Secretary of State Shultz said"
    if _word_before(text, token.start).lower() in SAID_BEFORE and text[token.start - 1] == " ":
        return True  # "said Greenbaum of Smith Barney"; not "He wrote Ring of Fire with …"
    # the verb after the firm: only a firm shown as one ("Co", "Inc", "&", a <ticker>, "the
    # ratings agency"), since "the Board of Governors said" is a body's name
    shown = bool(described) or "<" in name or "&" in name or any(
        w.strip(",.") in ORG_WORDS or w.strip(",.") == "Securities" for w in name.split()
    )
    return shown and match.group(3) in lex.verbs


# The verb after a subject: auxiliaries and modals, or a past tense (-ed or irregular)
SUBJECT_VERBS = frozenset("has had is was will would could can may might must should".split())
SINGULAR_VERBS = frozenset("has is was does".split())
MODALS = frozenset("will would could can may might must should".split())
# The subject's own pronoun: a possessive, or he/she opening a clause the subject governs ("has
# admitted that she"); not "…, he told reporters" (a speaker's clause of its own)
SUBJECT_PRONOUN = re.compile(
    r"\b(?:his|her|(?:that|whether|if|after|before|when|until|because|and) (?:he|she))\b"
)
PSEUDONYM_BEFORE = re.compile(
    r"\b(?:moniker|nickname|alias|pseudonym|handle|username|known as|stage name|pen name) \Z"
)
CAPITAL_BETWEEN = re.compile(r"(?<![\w’'-])[A-Z][a-z]")
PEOPLE_BETWEEN = frozenset(
    "man woman boy girl men women child person people player employee worker son daughter wife "
    "husband father mother brother sister friend partner rival team-mate teammate".split()
)


def _subject_with_own_pronoun(
    analysis: Analysis, text: str, token: Token, verb: str, lex: Lexicons
) -> bool:
    """A lone capitalised word as the subject of a verb, with the subject's own he/she/his/her
    later in the sentence and no other capitalised word or person between ("Hingis has admitted
    that she …", "McIlroy stormed to his second title", "Holmes will make her first appearance"):
    a person, not an organisation ("its") or a team ("their"). The draft uses the word again and
    never gives it a plural verb ("Chelsea have …"); a word ending in -s takes a singular verb."""
    if not (
        verb in SUBJECT_VERBS or verb in lex.verbs or verb in lex.past_forms
        or (verb.endswith("ed") and len(verb) > 4)
    ) or token.text.lower() in NOT_FIRST or token.text.lower() in PRONOUN_WORDS:
        return False
    word = token.text
    if word.endswith("s") and not word.endswith("ss") and (
        not (verb in SINGULAR_VERBS or verb in MODALS or (verb in lex.verbs and verb.endswith("s"))
             or verb.endswith("ed") or verb in lex.past_forms)
        or _plural_of_a_person_noun(word, lex)
    ):
        return False  # "Barclays said", "Doctors will check her"; but "Holmes will make her"
    start = token.end + 1 + len(verb)
    stop = text.find(". ", start)
    stop = len(text) if stop < 0 else stop
    pronoun = SUBJECT_PRONOUN.search(text, start, min(stop, start + 90))
    if pronoun is None:
        return False
    between = text[start : pronoun.start()]
    if CAPITAL_BETWEEN.search(between) or any(c in between for c in ',;"“(') or any(
        w.strip(",;:").lower() in PEOPLE_BETWEEN or w.strip(",;:").lower() in lex.person_nouns
        for w in between.split()
    ):
        return False  # "Chelsea will offer Robben a deal after his …": someone else's pronoun
    uses = [u for u in analysis.tokens_of((word.lower(),)).get(word.lower(), ()) if u.text == word]
    if (
        len(uses) < 2 or KIN_BEFORE.search(text, _one_word_back(text, token.start, 30), token.start)
        or analysis.in_quotation(token.segment, token.start, token.end)
    ):
        return False  # quoted speech names people loosely ("Bez has wooed the viewers")
    return not any(_not_a_surname_use(analysis, u) for u in uses)


def _plural_of_a_person_noun(word: str, lex: Lexicons) -> bool:
    """"Doctors", "Officials", "Players": the plural of a noun for people or a title."""
    lowered = word.lower()
    return any(
        singular in lex.person_nouns or singular in lex.stage_roles or singular in lex.titles
        or singular in PEOPLE_BETWEEN
        for singular in (lowered, lowered[:-1], lowered[:-2])  # "Doctors", "Witnesses"
    )


def _not_a_surname_use(analysis: Analysis, use: Token) -> bool:
    """A use that shows the word is not a surname: a plural verb after it (a team or a band:
    "Chelsea have"), or a pseudonym before it ("known by his gaming moniker Deathifier")."""
    text = analysis.doc.segments[use.segment].text
    return bool(
        PLURAL_VERB_AFTER.match(text, use.end)
        or PSEUDONYM_BEFORE.search(text, max(0, use.start - 20), use.start)
    )


def _first_person_quotation_in(text: str, start: int, stop: int) -> bool:
    """Whether a quotation opening in text[start:stop] speaks in the first person singular
    ("Olson, who backed the plan, called it “the hardest vote I have taken”")."""
    opening = min((i for i in (text.find("“", start, stop), text.find('"', start, stop)) if i >= 0),
                  default=-1)
    return opening >= 0 and _first_person_inside(text, opening)


def _who_past_is_a_person(analysis: Analysis, text: str, token: Token, end: int) -> bool:
    """"Kudrow, who played Phoebe, …": a relative *who* with a past tense is a person's when a
    he/she/his/her follows within the sentence or opens the next one, and the draft never gives
    the word a plural verb: a team or a band takes "who" too ("Chelsea, who beat Arsenal, …
    Chelsea have won six in a row")."""
    stop = text.find(". ", end)
    stop = len(text) if stop < 0 else stop
    if (
        not PRONOUN_NEAR.search(text, end, stop)
        and not _gendered_pronoun_follows(analysis, analysis.doc.segments[token.segment], stop)
        and not _first_person_quotation_in(text, end, stop)
    ):
        return False
    if _word_before(text, token.start).isdigit():
        return False  # "50 Cent, who burst onto the scene": a stage name
    word = token.text
    uses = analysis.tokens_of((word.lower(),)).get(word.lower(), ())
    return not any(use.text == word and _not_a_surname_use(analysis, use) for use in uses)


PERSON_NOUN_BEFORE = re.compile(r"(?<![\w’'-])([a-z]+(?:-[a-z]+)?) \Z")
OPENING_NOUN_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+(?:-[a-z]+)?) \Z")
AWARD_BEFORE = re.compile(r"\b(?:best|supporting|leading) \Z")
INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[^\S\n]?){1,3}\Z")
CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]* \Z")
ROLE_APPOSITIVE = re.compile(r", ([^,;:.“”\"\n]{1,80}?)(?=[,;:.]|\Z)")
LONG_APPOSITIVE = re.compile(r", ([^,;:.“”\"\n]{1,80})")  # its first words only
APPOSITIVE_STOP = frozenset("of at with for in on to from as whose which who that and".split())


# After a word, the rest of a name or of a firm's name: a particle, "&", "and Co".
NAME_GOES_ON = re.compile(
    r" (?:&|and Co\b|(?:de|da|di|del|van|von|der|den|bin|al|el|la|le|du|dos|ibn|zur|zu|abu|ben)\b)"
    r"|-(?:[a-z]+-)?[A-Z]|(?: (?:al|el|ul|ud|abu|bin|ben)-)"
)
OFFICE_AFTER = re.compile(r" as (?:its |the |their )?(?:new |acting |interim )?([a-z]+(?:-[a-z]+)*)\b")
OFFICE_APPOSED = re.compile(
    r"(?:\b(?i:its|the|his|her|their)|[’']s) (?:[a-z]+ )?([a-z]+(?:-[a-z]+)*), \Z"
)  # "its governor, Leigh-Pemberton,"; "His attorney, Webb,"; "The suspect, Hughes,"
OFFICE_WORD_BEFORE = re.compile(r"(?<![\w’'-])([a-z]+(?:-[a-z]+)*) \Z")


def _noun_apposed_before(text: str, start: int) -> str:
    """The noun a word at ``start`` stands in apposition to ("governor" in "its governor,
    Leigh-Pemberton,"; "suspect" in "The suspect, Hughes,"), or ""."""
    apposed = OFFICE_APPOSED.search(text, max(0, start - 40), start)
    return apposed.group(1) if apposed is not None else ""


def _after_office_word(
    layout: Capitals, k: int, lex: Lexicons, title_ends: set[tuple[int, int]]
) -> bool:
    """Token k is a name an office introduces: right after an office word or a title, and before
    no other capitalised word ("chairman Leslie said", "Exco Director Vieux said", "Sens.
    Cranston", "Under-Secretary of State for Economic Affairs Wallis", "chief of staff Regan")."""
    if layout.segment.kind != "prose" or (k + 1 < len(layout.joined) and layout.joined[k + 1]):
        return False  # "Minister Resigns" (title case); "chairman Peter Smith": not one word
    token = layout.tokens[k]
    text = layout.segment.text
    # Each pattern below is tried only where the characters it must start or end with are
    # there: this runs for most capitalised words, and most fail these one-character tests.
    if text[token.end : token.end + 1] in (" ", "-") and NAME_GOES_ON.match(text, token.end):
        return False  # "chief executive Refaat el-Sayed", "broker Marsh & McLennan"
    if (layout.segment.index, token.start - 1) in title_ends and layout.segment.text[token.start - 1] == " ":
        return True
    if layout.joined[k]:  # a listed title there is read by _person_from_run ("Premier League")
        word = layout.tokens[k - 1].text
        office = word.lower()
        return (office in lex.office_words and office not in lex.titles) or (
            word in POST_NOMINALS  # "Ex-Labour MP Galloway", "Green MSP Ballard"
        )
    if text[token.start - 1 : token.start] == " " and "a" <= text[token.start - 2 : token.start - 1] <= "z":
        before = OFFICE_WORD_BEFORE.search(text, _one_word_back(text, token.start, 30), token.start)
        if before is not None:
            return before.group(1) in lex.office_words
    if text.startswith(" as ", token.end):
        after = OFFICE_AFTER.match(text, token.end)
        if after is not None and after.group(1) in lex.office_words:
            return True  # "named Kendall as president": an office is held by a person
    if text[token.end : token.end + 1] == ",":  # "its governor, Leigh-Pemberton, said"
        apposed = _noun_apposed_before(text, token.start)
        if apposed in lex.office_words and lex.titles.get(apposed) != "role":
            return True  # not a role: "His adviser, JPMorgan,": a firm can be one
    # an abbreviated title ("Sens. Cranston") is the capitalised word just before
    return k > 0 and layout.tokens[k - 1].text.rstrip(".") in lex.abbreviations and bool(
        lex.abbreviation_pattern.search(text, max(0, token.start - 8), token.start)
    )


def _after_person_noun(text: str, start: int, lex: Lexicons) -> str | None:
    """Whether a capitalised word comes right after a lower-case noun for a person ("analyst
    Hess": "person"), or a show-business or sports role ("US actor Foxx", "Everton manager Moyes":
    "stage"), or one capitalised because it opens the sentence ("Flanker Charvis is out")."""
    if text[start - 1 : start] != " " or not "a" <= text[start - 2 : start - 1] <= "z":
        return None  # both patterns below end in a lower-case ASCII letter and a space: about 40 %
        # of the capitalised words asked about follow something else ("“", ", ", ". ")
    begin = _one_word_back(text, start, 30)
    match = PERSON_NOUN_BEFORE.search(text, begin, start)
    if match is None:
        match = OPENING_NOUN_BEFORE.search(text, begin, start)
        if match is not None and match.group(1) in lex.stage_roles:
            return "stage"  # "Veteran Spaniard Martinez": a noun of nationality, capitalised
        if match is None or not _opens_sentence(text, match.start(1)):
            return None
        name_end = start + len(_word_after(text, start - 1))
        if match.group(1).lower() in lex.person_nouns and (
            _word_after(text, name_end).lower() not in lex.verbs
        ):
            return None  # "Engineer Mannesmann eased 3.20 marks": an industry, in market copy
    noun = match.group(1).lower()
    if noun in lex.person_nouns:
        return "person"
    if AWARD_BEFORE.search(text, _one_word_back(text, match.start(1), 12), match.start(1)):
        return None  # "lost out on the best actor Bafta": an award, not a person
    if noun in lex.stage_roles or (
        noun in lex.stage_roles_after_capital
        and CAPITAL_WORD_BEFORE.search(
            text, _one_word_back(text, match.start(1), 30), match.start(1)
        )
    ):
        return "stage"
    if noun in lex.stage_roles_with_pronoun:
        return "stage-pronoun"
    return None


def _gendered_in_sentence(analysis: Analysis, segment: Segment, end: int) -> bool:
    """A he/she/his/her later in the sentence, or opening the next one ("Singer Spears is suing
    insurers that refused to reimburse her")."""
    text = segment.text
    stop = text.find(". ", end)
    if PRONOUN_NEAR.search(text, end, len(text) if stop < 0 else stop):
        return True
    return _gendered_pronoun_follows(analysis, segment, len(text) if stop < 0 else stop)


def _stage_name_possible(analysis: Analysis, word: str) -> bool:
    """After a show-business or sports role, a word the draft uses once may be a stage name or a
    mononym ("UK rapper Kano third"): a surname only when used again."""
    return sum(t.text == word for t in analysis.tokens_of((word.lower(),)).get(word.lower(), ())) < 2


def _role_appositive(text: str, token: Token, lex: Lexicons) -> bool:
    """A word whose appositive describes a person by a job ("Macklin, president of the National
    Association, said"; "said Heymann, analyst at Drexel"): the job noun comes before any
    preposition or relative word of the appositive, and either the job is of something ("Fry,
    vice-president of GM …", "Martell, chief meteorologist for E.F. Hutton") or a reporting verb
    stands before the word or after the appositive."""
    capitals = not token.text.endswith("ly") and token.text.lower() not in SENTENCE_ADVERBS
    found = _job_appositive(text, token, lex, capitals=capitals)
    if found is None:
        return False
    appositive, words, job = found
    if words[job + 1 : job + 2] in (["of"], ["at"], ["for"], ["with"]):
        return True  # the job of something: no organisation or place is "president of" anything
    if appositive.re is LONG_APPOSITIVE:
        return False  # not closed within reach: no verb after it to read
    after = _word_after(text, appositive.end())  # "…, said"; "… Shearson Lehman Bros. said"
    before = WORD_BEFORE.search(text, max(0, token.start - 40), token.start)
    verb_before = (
        before is not None and before.group(1).lower() in lex.verbs
        and text[before.end(1) : token.start].isspace()  # not "Beck agreed. Later, sheriff Ruiz"
    )
    return verb_before or (after[:1].islower() and after in lex.verbs)


def _job_appositive(
    text: str, token: Token, lex: Lexicons, capitals: bool = False
) -> tuple[re.Match[str], list[str], int] | None:
    """The appositive after a word, its first words and the index of the job noun in them, when
    a job comes before any preposition or relative word ("vice-president of GM", "an analyst");
    a job a company can do only as the job of something ("manager of business development");
    with ``capitals``, a capitalised office word too ("Under Secretary of the Treasury",
    "General Director of the Zentralsparkasse")."""
    appositive = ROLE_APPOSITIVE.match(text, token.end) or LONG_APPOSITIVE.match(text, token.end)
    if appositive is None:
        return None
    words = appositive.group(1).split()[:7]
    job = next((k for k, word in enumerate(words) if _job_word(word, lex)
                or (word in lex.person_nouns_of and words[k + 1 : k + 2] in OF_AFTER)
                or (capitals and k < 3 and word[:1].isupper() and word.lower() in lex.office_words
                    and words[0].lower() not in ARTICLES
                    and all(w.isalpha() for w in words[:k]))), None)  # not "March 24 - Trade
                    # Secretary …" after a dateline
    stop = next((k for k, word in enumerate(words) if word.lower() in APPOSITIVE_STOP
                 and not (word == "of" and words[k - 1 : k] == ["one"])), len(words))
    if job is None or stop < job or (words[0].endswith("ing") and job > 1):
        return None  # "one of Italy's leading economists" is still about a person; "Kinsey,
        # starring Liam Neeson as sex researcher Alfred Kinsey" is not; "managing director" is
    return appositive, words, job


def _wire_job(text: str, token: Token, lex: Lexicons) -> bool:
    """A job appositive with no article, of something ("said Lewis, economist at Phillips and
    Drew"): wire style for a surname. A given name alone takes an article ("Sarah, a nurse at the
    hospital"), so this one is a surname even when it is also a given name."""
    found = _job_appositive(text, token, lex) if text[token.end : token.end + 1] == "," else None
    if found is None:
        return False
    _, words, job = found
    return words[0].lower() not in ARTICLES and words[job + 1 : job + 2] in (["of"], ["at"], ["for"], ["with"])


ARTICLES = frozenset("a an the his her its their our my".split())
# Sentence adverbs before a comma ("Earlier, Chancellor of the Exchequer Nigel Lawson said")
SENTENCE_ADVERBS = frozenset(
    """earlier later meanwhile separately elsewhere previously subsequently afterwards
    additionally similarly likewise nevertheless nonetheless furthermore moreover consequently
    accordingly first second third finally overall instead""".split()
)
OF_AFTER = (["of"], ["at"], ["for"])


def _job_word(word: str, lex: Lexicons) -> bool:
    """A lower-case noun for a person's job or description ("analyst", "chairman", "owners")."""
    lowered = word.lower().strip("’'")
    singular = lowered[:-1] if lowered.endswith("s") else lowered
    return word[:1].islower() and (
        lowered in lex.person_nouns or singular in lex.person_nouns or lowered in lex.titles
        or lowered in lex.office_words
    )


ADVERBS = frozenset("also later then once again".split())
PRONOUN_WORDS = frozenset("he she it they we i you his her its their our him them".split())
GENDERED_AFTER = re.compile(r"\W{0,3}(?:\w+\W+){0,3}?(?:he|she|his|her)\b")
SENTENCE_OPENING = re.compile(r"(?:^|[.!?…][”\"’']?\s+)\W*$")


def _opens_sentence(text: str, start: int) -> bool:
    return bool(SENTENCE_OPENING.search(text, max(0, start - 4), start))


def _capitalised_mid_sentence(analysis: Analysis, word: str) -> bool:
    """Whether the word is capitalised somewhere not at a sentence opening (a proper noun)."""
    for token in analysis.tokens_of((word.lower(),)).get(word.lower(), ()):
        text = analysis.doc.segments[token.segment].text
        if token.text == word and not _opens_sentence(text, token.start):
            return True
    return False


# The end of a quotation right before a speaker: “…,” Okafor said / “…,” said Okafor
QUOTE_CLOSE_BEFORE = re.compile(r"[,?!…][”\"]\s+(?:(?:said|says|added|adds|asked|told)\s+)?\Z")
# Words that open a sentence before a first-person quotation and are no one's name
COMMON_SPEAKERS = frozenset(
    "everyone everybody someone somebody nobody one another each either neither none "
    "police officials witnesses residents".split()
)
QUOTE_OPEN_AFTER = re.compile(r" (?:said|says|added|adds)[:,]? ([“\"])")
FIRST_PERSON = re.compile(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|myself)\b")


def _quoted_in_first_person(text: str, token: Token) -> bool:
    """The speaker of a quotation in the first person singular: a person, for a company or a
    team speaks as "we" ("“I will not resign,” Okafor said")."""
    close = QUOTE_CLOSE_BEFORE.search(text, max(0, token.start - 12), token.start)
    if close is not None:
        opening = max(text.rfind("“", 0, close.start()), text.rfind('"', 0, close.start()))
        return opening >= 0 and bool(FIRST_PERSON.search(text, opening + 1, close.start()))
    opened = QUOTE_OPEN_AFTER.match(text, token.end)  # Okafor said: “I …”
    return opened is not None and _first_person_inside(text, opened.end() - 1)


def _first_person_inside(text: str, opening: int) -> bool:
    """Whether the quotation whose opening mark is at ``opening`` speaks in the first person
    singular (up to its closing mark, or 300 characters when it is not closed)."""
    closing = text.find("”" if text[opening] == "“" else '"', opening + 1)
    end = closing if closing >= 0 else min(len(text), opening + 301)
    return bool(FIRST_PERSON.search(text, opening + 1, end))


def _gendered_pronoun_follows(analysis: Analysis, segment: Segment, end: int) -> bool:
    """A he/she/his/her within the three words after ``end``, or opening the next sentence."""
    text = segment.text
    if GENDERED_AFTER.match(text, end):
        return True
    stop = min(len(text), end + 300)
    for sentence in analysis.sentences_of(segment.index):
        if sentence.start >= end:
            return bool(re.match(r"\W*(?:He|She|His|Her)\b", sentence.text))
        if sentence.end > stop:
            break
    segments = analysis.doc.segments
    if segment.index + 1 < len(segments) and sentence_end_reached(text, end):
        return bool(re.match(r"\W*(?:He|She|His|Her)\b", segments[segment.index + 1].text))
    return False


def sentence_end_reached(text: str, end: int) -> bool:
    """Whether only the rest of one sentence follows ``end`` in the segment."""
    rest = text[end:]
    return rest.count(". ") == 0


NAME_SHAPE = re.compile(r"(?:Mc|Mac|O[’']|D[’']|De|Di|Du|La|Le)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def _person_like(text: str, token: Token, word: str, following: str, lex: Lexicons) -> bool:
    """A lone capitalised word used like a person: a possessive before "office", "trip" and the
    like ("Zelenskiy’s office")."""
    if token.text == word and PARTY_STATE_APPOSITIVE.match(text, token.end):
        return NAME_SHAPE.fullmatch(word) is not None  # "Vance, D-Wash.": a legislator
    if (
        word in lex.places
        or lex.given_name_alone(word)
        or word in lex.mononyms  # "striker Ronaldo", "singer Madonna": a full reference
        or word.lower() in lex.titles
        or len(word) < 3
        or word.lower() in NOT_SURNAMES
    ):
        return False
    if word.isupper() or not NAME_SHAPE.fullmatch(word):
        return False  # "iPod", "PlayStation"; but "McCarthy", "O'Neill", "Leigh-Pemberton" are names
    after = text[token.end : token.end + 3]
    if token.text == word and after[:1] in (",", " ", ".", ";", ""):
        return True  # the caller found it speaking or described (_speaks_or_described)
    if (after.startswith(("’", "'")) or token.text != word) and following:
        return following.lower() in PERSONAL_NOUNS and not _word_before(text, token.start).isdigit()
    return token.text == word and bool(AGE_APPOSITIVE.match(text, token.end))


# Between two words of one name: spaces, "&", "and", "of", "the", a comma ("Walsh, Greenwood and
# Co"); a sentence end, a quotation mark or any other word ends the name.
NAME_BREAK = re.compile(
    r"[.!?;:“”\"()]|(?<![\w’'-])(?!(?:and|of|the|for|de|du)\b)[a-z]+(?![\w’'-])"
)


FIRM_AMPERSAND = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*) ?& ?([A-Z][\w’'-]*)")


def organisation_words(analysis: Analysis) -> set[str]:
    """Capitalised words that name organisations in this document: those up to five words before
    Co, Inc, Corp, Ltd and the like ("Taft Broadcasting Co", "Walsh, Greenwood and Co"), and
    those joined by an ampersand ("Johnson & Johnson", "Marks & Spencer").
    Cached on the analysis: the recogniser and references/surname-first both ask."""
    cached = analysis.__dict__.get("_organisation_words")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    words: set[str] = set()
    for segment, caps in zip(analysis.doc.segments, analysis.capitalised_tokens, strict=True):
        org_positions = [k for k, token in enumerate(caps)
                         if token.text in ORG_WORDS and token.text not in POST_NOMINALS]
        for k in org_positions:
            token = caps[k]
            after = token
            for before in reversed(caps[:k]):
                if len(WORD_TOKEN.findall(segment.text, before.start, token.start)) > 5:
                    break
                if NAME_BREAK.search(segment.text, before.end, after.start):
                    break  # "… said Mr Shaw. “Our view is the Bank …”": another sentence
                if _capitalised(before.text):
                    words.add(_strip_possessive(before.text))
                after = before
        if "&" in segment.text:
            for match in FIRM_AMPERSAND.finditer(segment.text):
                words.update(_strip_possessive(name) for name in match.groups())
    analysis.__dict__["_organisation_words"] = words
    return words


def _run_words(layouts: list[Capitals]) -> set[str]:
    """Words that appear inside multi-word capitalised names (organisations: "Chrysler Corp"), in
    prose: a headline capitalises words for display ("Moyes U-turn on Beattie dismissal")."""
    return {
        layout.tokens[k - 1].text
        for layout in layouts
        if layout.segment.kind == "prose"
        for k, joined in enumerate(layout.joined)
        if joined
    }


class _LowerCaseUses:
    """Whether a word is also used in lower case in the document ("brown" beside "Brown"): some
    token of it is written so. Asked for a few candidate words only: the analysis finds one
    word's tokens without building every token (a regex compiled per word cost more)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.seen: dict[str, bool] = {}

    def __contains__(self, lowered: object) -> bool:
        word = str(lowered)
        if word not in self.seen:
            if word == word.lower() and WORD_TOKEN.fullmatch(word):
                uses = self.analysis.tokens_of((word,)).get(word, ())
                self.seen[word] = any(token.text == word for token in uses)
            else:  # not one lower-case token: the word as written, wherever it stands alone
                pattern = re.compile(rf"(?<!\w)(?<!\w[’'\-]){re.escape(word)}(?!\w)(?![’'\-]\w)")
                self.seen[word] = any(pattern.search(s.text) for s in self.analysis.doc.segments)
        return self.seen[word]


def _flatten(groups: dict[str, list[Person]]) -> list[Person]:
    return [p for ps in groups.values() for p in ps]


def _full_name(person: Person, full_by_surname: dict[str, list[Person]]) -> str | None:
    if person.full_name:
        return person.full_name
    candidates = full_by_surname.get(person.surname)
    if not candidates:
        return None
    keys = [(p.segment, p.seg_start) for p in candidates] if len(candidates) < 8 else None
    k = bisect_right(keys, (person.segment, person.seg_start)) - 1 if keys else -1
    if keys is None:  # many mentions of one surname: candidates are in document order
        k = (
            bisect_right(
                candidates,
                (person.segment, person.seg_start),
                key=lambda p: (p.segment, p.seg_start),
            )
            - 1
        )
    return candidates[max(k, 0)].full_name


# Offices: each title mention gets a key naming the post independently of spelling, capitalisation,
# abbreviation and word order, so consistency/title can tell "Defence Secretary", "Defense
# Secretary" and "Secretary of Defence" are one post, and "Sen." and "Senator" one title.
HEADS = frozenset(("secretary", "minister"))
# "Defence Secretary", "shadow home secretary": the portfolio word just before the head, which
# ends the title ("minister" alone is a title; "Culture Minister" is the office).
PORTFOLIO_BEFORE = re.compile(
    r"(?<![\w’'-])(?:(?P<mod>[Ss]hadow|[Dd]eputy|[Jj]unior)\s)?(?P<port>[A-Za-z]+)\s"
    r"(?P<head>Secretary|Minister|secretary|minister)\Z"
)
# "Secretary of Defence", "Minister for Europe" (not "Secretary of State for ...": a formal title);
# a portfolio of several is one office ("Minister of Colleges and Universities" is not the
# "colleges minister" written another way, and its span ends after "Universities")
PORTFOLIO_AFTER = re.compile(
    r"(?P<head>Secretary|Minister|secretary|minister)\s(?:of|for)\s(?:the\s)?(?!State\b)"
    r"(?P<port>[A-Z][a-z]+(?:(?:,\s|\sand\s|\s&\s)(?!(?:Secretary|Minister)\b)[A-Z][a-z]+\b"
    r"(?!\s(?:Secretary|Minister)\b))*)\b"
)
# A name right after the title, or in apposition closed by a comma ("Scottish Finance Minister,
# Tom McCabe, spoke"; not "the brooding king, Keira Knightley rises").
NAME_NEXT = re.compile(r"\s(?:[A-Z][a-z]+\.?\s)*[A-Z][\w’'-]+")
# "Foreign Secretary, Jack Straw,": a name in apposition. After a determiner ("the mayor, Fabien
# Levy,") the office stands on its own, in the case of an office alone (lower case in AP style).
NAME_APPOSED = re.compile(r",\s(?:[A-Z][a-z]+\.?\s)*[A-Z][\w’'-]+(?=[,.;])")
# "Prime Minister's Questions": the office names something else, a proper name of its own.
PROPER_AFTER = re.compile(r"[’']s\s[A-Z]")
# Words that precede a head without being its portfolio ("the new secretary", "its minister").
NOT_PORTFOLIO = frozenset(
    """a an the this that his her its their our your my new former then current acting
    outgoing incoming future ex senior top junior said says and or as by to of for in on at
    with from who was is be been party general permanent private principal under assistant
    cabinet government state press chief first""".split()
)
# Words that make another office of a title: Under Secretary of X is not the Secretary of X.
MODIFIERS = frozenset("under deputy assistant junior shadow permanent parliamentary".split())
# (capitalised, they are no given name either: "Deputy Baglini")
PREVIOUS = re.compile(r"(\w+)\s$")


# After a dateline dash, a colon or an opening mark, capitals are the writer's choice of opening.
OPENS_CLAUSE = re.compile(r"(?:^|[-—–:“\"(‘])\s*$")


def _offices(
    analysis: Analysis, segment: Segment, titles: list[Title], people: list[Person], lex: Lexicons
) -> list[Title]:
    """The segment's titles with their office key, plus abbreviated titles before names."""
    text = segment.text
    found: list[Title] = []
    for title in titles:
        office = _office(text, title)
        if office is not None:
            found.append(office)
    abbreviations = lex.abbreviation_pattern
    for person in people:
        match = abbreviations.search(text, max(0, person.seg_start - 8), person.seg_start)
        if match is None:
            continue
        word = match.group("abbr")
        start, end = match.start(), match.end("abbr") + (1 if match.group("dot") else 0)
        expansion = lex.abbreviations[word]
        s, e = segment.source_span(start, end)
        found.append(Title(segment.index, start, end, s, e, text[start:end], "abbreviation", False,
                           person.full_name or person.name, ("", expansion, ""), expansion, True))
    if not found:
        return found
    starts = {s.start for s in analysis.sentences_of(segment.index)}
    found = [
        o._replace(before_name=o.before_name or bool(NAME_NEXT.match(text, o.seg_end))
                   or (not o.determined and bool(NAME_APPOSED.match(text, o.seg_end))),
                   sentence_start=o.seg_start in starts
                   or bool(OPENS_CLAUSE.search(text, max(0, o.seg_start - 4), o.seg_start)))
        for o in found
    ]
    spans = [segment.source_span(o.seg_start, o.seg_end) for o in found]
    found = [o._replace(start=s, end=e) for o, (s, e) in zip(found, spans, strict=True)]
    return sorted(found, key=lambda o: o.seg_start)


def _office(text: str, title: Title) -> Title | None:
    """A title as an office mention with its key, or None (a formal or proper-name use)."""
    if PROPER_AFTER.match(text, title.seg_end):
        return None
    words = title.text.lower().split()
    start, end = title.seg_start, title.seg_end
    if words[-1] in HEADS:
        head_start = end - len(title.text.split()[-1])
        after = PORTFOLIO_AFTER.match(text, head_start)
        if after is not None and all(w in MODIFIERS for w in words[:-1]):
            # "Minister for Europe", "Under Secretary of Agriculture"
            return _keyed(text, title, head_start, after.end(), after["head"], after["port"],
                          _modifier_before(text, head_start))
        before = PORTFOLIO_BEFORE.search(text, max(0, end - 60), end)
        if (
            before is not None
            and before["port"].lower() not in NOT_PORTFOLIO
            and before["port"][:1].isupper() == before["head"][:1].isupper()
        ):  # "Defence Secretary"; "Health secretary" is a sentence start or a typo, not a form
            return _keyed(text, title, before.start(), end, before["head"], before["port"],
                          (before["mod"] or "").lower())
        return None if len(words) > 1 else _plain(text, title)
    if words[0] in HEADS and len(words) > 2 and words[1] in ("of", "for"):
        after = PORTFOLIO_AFTER.match(text, start)
        if after is None:
            return None  # "Secretary of State for Defence": a formal title
        return _keyed(text, title, start, after.end(), after["head"], after["port"],
                      _modifier_before(text, start))
    return _plain(text, title)


def _modifier_before(text: str, start: int) -> str:
    """A word that makes another office of a title just before it ("Under", "Deputy")."""
    before = PREVIOUS.search(text, max(0, start - 30), start)
    return before.group(1).lower() if before and before.group(1).lower() in MODIFIERS else ""


def _keyed(
    text: str, title: Title, start: int, end: int, head: str, portfolio: str, modifier: str
) -> Title:
    """The office mention at [start, end) of its segment, keyed (modifier, head, portfolio)."""
    form = " ".join(text[start:end].lower().split())
    return title._replace(  # source offsets are set by _offices, which knows the segment
        seg_start=start, seg_end=end, text=text[start:end],
        key=(modifier, head.lower(), portfolio.lower()), form=form,
    )


def _plain(text: str, title: Title) -> Title:
    """A title compared as a whole ("Prime Minister", "mayor"), hyphens and spacing aside."""
    form = " ".join(title.text.lower().replace("-", " ").split())
    return title._replace(key=("", form, ""), form=form)
