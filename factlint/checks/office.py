"""consistency/title: one office written one way (spelling, word order, capitalisation)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from factlint.finding import Related
from factlint.kinds._text import keep_breaks
from factlint.kinds.base import Kind, Options
from factlint.kinds.spelling import Variant, load_pairs
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.analysis.people import Title as Office
    from factlint.document import Document
    from factlint.finding import Finding


@dataclass(frozen=True, kw_only=True)
class OfficeOptions(Options):
    """Options of the office kind."""

    pairs: str = describe(
        "British/American pairs, to unify spellings",
        default="data/spelling-en.tsv",
    )
    capitalisation: bool = describe("Also compare capitalisation (same position)", default=True)


class OfficeConsistency(Kind[OfficeOptions]):
    """Flag an office written differently from its dominant form in the same document."""

    name = "office"
    options_model = OfficeOptions
    fixable = True

    @cached_property
    def _variants(self) -> dict[str, Variant]:  # looked up once per rule, not per document
        return load_pairs(str(self.data_file(self.options.pairs)))

    def check(self, doc: Document) -> Iterator[Finding]:
        variants = self._variants
        posts: dict[tuple[str, str, str], list[Office]] = defaultdict(list)
        for office in doc.analysis.offices:
            segment = doc.segments[office.segment]
            if office.key is None:
                continue
            if doc.analysis.in_scope(segment, office.seg_start, office.seg_end, self.scope):
                variant = variants.get(office.key[2])
                british = variant.family if variant else office.key[2]
                posts[(office.key[0], office.key[1], british)].append(office)
        for mentions in posts.values():
            yield from self._check_post(doc, mentions, variants)

    def _check_post(
        self, doc: Document, mentions: list[Office], variants: dict[str, Variant]
    ) -> Iterator[Finding]:
        dialect = self.settings.dialect
        forms = Counter(m.form for m in mentions)
        eligible = [f for f in forms if not _off_dialect(f, dialect, variants)] or list(forms)
        dominant = max(eligible, key=lambda f: (forms[f], -_first(mentions, f)))
        flagged: set[int] = set()
        for m in mentions:
            if m.form != dominant:
                flagged.add(id(m))
                yield self._finding(doc, m, _render(mentions, dominant, m), mentions, dominant)
        if not self.options.capitalisation:
            return
        for before_name in (True, False):
            same = [m for m in mentions if id(m) not in flagged and m.before_name == before_name
                    and doc.segments[m.segment].kind == "prose"
                    and not (m.text.isupper() and len(m.text) > 3)]  # "JUDGE": a capitals line
            for form in {m.form for m in same}:
                lone_capital = _lone_capital(doc, [m for m in same if m.form == form])
                if lone_capital is not None:
                    m, usual = lone_capital
                    yield self._finding(doc, m, usual, [o for o in same if o.form == form], form)
                    continue
                peers = [m for m in same if m.form == form and _definite(m)]
                if any(m.klass == "abbreviation" for m in peers):  # "Gov." is a state governor,
                    peers = [m for m in peers if not _qualified(doc, m)]  # not "Bank Governor"
                if not peers:
                    continue
                usual = _usual(peers)
                for m in same:
                    if m.form != form or m.text == usual or m not in peers and _qualified(doc, m):
                        continue
                    if m.sentence_start and _capital_only(m.text, usual):
                        continue
                    if not _definite(m) and not (m.text[:1].isupper() and usual[:1].islower()):
                        continue  # "a president" beside "the President"; "a President" is wrong
                    yield self._finding(doc, m, usual, peers, form)

    def _finding(
        self, doc: Document, m: Office, fix: str, mentions: list[Office], form: str
    ) -> Finding:
        start, end = m.start, m.end
        related = []
        for other in mentions:
            if other.form == form and other.text == fix:
                line, column = doc.line_col(other.start)
                related.append(Related(line=line, column=column, text=other.text))
        first_line = related[0].line if related else 0
        kept = keep_breaks(doc.text[start:end], fix)
        return self.finding(doc, start, end, suggestions=[kept or fix], related=related[:10],
                            fixable=kept is not None, expected=fix, first_line=first_line)


QUALIFIER = re.compile(r"[A-Z][\w.’'-]*\s+$")


def _qualified(doc: Document, office: Office) -> bool:
    """Whether a capitalised word qualifies the title ("Bank of England Governor", "U.S. Trade
    Representative"): another post than the one its abbreviation names ("Gov. Dukakis")."""
    text = doc.segments[office.segment].text
    return office.klass != "abbreviation" and bool(
        QUALIFIER.search(text, max(0, office.seg_start - 30), office.seg_start)
    )


def _lone_capital(doc: Document, mentions: list[Office]) -> tuple[Office, str] | None:
    """One capitalised mention of a title, away from a name, where every other mention of it in
    that position is in lower case and names no one holder ("said Ann Lee, vice president of
    sales" … "Jo Kim, Vice President of Acme"; "Texas attorney general" … "The Attorney General
    alleges"): the capitals are the odd one out. Not at a sentence start, nor after a
    capitalised qualifier that may make a named office of it ("the Information Commissioner")."""
    if len(mentions) < 2:
        return None
    capitalised = [m for m in mentions if m.text[:1].isupper()]
    if len(capitalised) != 1:
        return None
    m = capitalised[0]
    if m.before_name or m.sentence_start or m.klass == "abbreviation" or _qualified(doc, m):
        return None
    others = [o for o in mentions if o is not m]
    if any(not o.text.islower() or _definite(o) for o in others):
        return None  # lower-case mentions that name one holder vote as usual (_usual)
    lower = [o.text for o in others]
    return m, Counter(lower).most_common(1)[0][0]


def _usual(peers: list[Office]) -> str:
    """The usual way the peers write their office, by vote; ties go to the first written.

    Each mention votes for its own text. A sentence start imposes only its first capital, so a
    mention opening a sentence also votes for its text with that letter's case swapped: "Senator"
    there says nothing between "Senator" and "senator", but "Prime Minister" still votes for a
    capital M, and "Sen." for the abbreviation.
    """
    votes: Counter[str] = Counter()
    order: dict[str, int] = {}
    for m in peers:
        order.setdefault(m.text, len(order))
        votes[m.text] += 1
        if m.sentence_start and m.text[:1].swapcase() + m.text[1:] != m.text:
            votes[m.text[:1].swapcase() + m.text[1:]] += 1
    return max(order, key=lambda text: (votes[text], -order[text]))


def _capital_only(text: str, usual: str) -> bool:
    """Whether two forms differ only in capitals (what a sentence start imposes)."""
    return text.lower() == usual.lower()


def _definite(office: Office) -> bool:
    """A ministerial post or a role ("spokesman") is compared wherever it appears; any other
    title where it names one holder: before a name or after a determiner ("the President"), not
    "a president" (which is only flagged when capitalised against a lower-case usual form)."""
    assert office.key is not None
    return (
        bool(office.key[2]) or office.before_name or office.determined or office.klass == "role"
    )


def _first(mentions: list[Office], form: str) -> int:
    return next(i for i, m in enumerate(mentions) if m.form == form)


def _off_dialect(form: str, dialect: str, variants: dict[str, Variant]) -> bool:
    wanted = {"en-GB": "en-GB", "en-US": "en-US"}.get(dialect)
    return wanted is not None and any(
        (v := variants.get(word)) is not None and v.dialect != wanted for word in form.split()
    )


def _render(mentions: list[Office], form: str, like: Office) -> str:
    """The dominant form as written where it appears in the same position (else as first seen)."""
    same = [m.text for m in mentions if m.form == form and m.before_name == like.before_name
            and not m.sentence_start]
    texts = same or [m.text for m in mentions if m.form == form]
    return Counter(texts).most_common(1)[0][0]
