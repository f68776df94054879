"""The fact-checker's worksheet: every check-worthy claim in a draft, with location and type.

Claims: numbers and quantities, money, percentages, dates and relative dates, superlatives and
firsts, named people with the titles the draft gives them (and what the registry says), direct
quotations with speaker and verification status, and statements attributed to unnamed or vague
sources. Lexicons are data (rules/data/claims.yaml). Speakers come from the shared attribution
analysis when a quotation carries one, else from ``facts.speakers`` (a small local heuristic).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from factlint.checks.relative_date import resolve, weekday_in_a_name
from factlint.facts.mentions import Mention, TitleMention, find_mentions, find_titles
from factlint.facts.models import Person
from factlint.facts.speakers import sentence_of, speaker_of
from factlint.facts.verify import is_speech
from factlint.packs import builtin_rules_dir

if TYPE_CHECKING:
    from factlint.analysis import Hit
    from factlint.document import Document
    from factlint.facts.registry import Registry

ClaimType = Literal[
    "number",
    "money",
    "percentage",
    "date",
    "relative-date",
    "superlative",
    "person",
    "quotation",
    "vague-source",
]
SECTIONS: dict[str, str] = {
    "date": "Dates",
    "relative-date": "Relative dates",
    "number": "Numbers and quantities",
    "money": "Money",
    "percentage": "Percentages",
    "superlative": "Superlatives and firsts",
    "person": "People and titles",
    "quotation": "Quotations",
    "vague-source": "Unnamed or vague sources",
}
PROSE = frozenset({"prose", "headline"})
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
PATTERNS: dict[str, str] = {
    "money": r"(?:[£$€¥₴]|US\$|\b(?:USD|GBP|EUR) ?)\d[\d,]*(?:\.\d+)?(?: ?(?:bn|billion|m|million|"
    r"k|thousand|trillion|tn)\b)?|\b\d[\d,]*(?:\.\d+)? ?(?:million |billion |trillion )?"
    r"(?:pounds|dollars|euros|hryvnias?|roubles|rubles)\b",
    "percentage": r"\b\d+(?:[.,]\d+)? ?(?:%|per ?cent\b|percentage points?\b)",
    "date": rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{MONTHS})\.?(?:,? \d{{4}})?"
    rf"|(?:{MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?"
    rf"|(?:{MONTHS})\.? \d{{4}}|(?:January|February|March|April|June|July|August|September"
    rf"|October|November|December)\b"
    rf"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|(?:in|since|by|until|from|before|after|of) (?:1[89]|20)\d\d\b|\d{{4}}-\d\d-\d\d)\b",
    # a comma groups three digits ("14,000"); "Marsh, 71, said" is the figure 71
    "number": r"\b(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?: ?(?:million|billion|trillion|thousand|bn|m|km|kg|"
    r"tonnes|miles)\b)?(?: [a-z]+)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozens|hundreds|"
    r"thousands|millions|billions|tens of thousands) (?:of )?[a-z]+",
}
CASE_SENSITIVE = {"date"}


class Claim(BaseModel):
    """One item of the worksheet."""

    model_config = ConfigDict(frozen=True)

    type: ClaimType
    line: int
    column: int
    end_line: int
    end_column: int
    text: str = Field(description="The claim as written")
    note: str = Field(description="What to check, and what factlint knows")
    context: str = Field(description="The sentence it is in")
    details: dict[str, str | None] = Field(default_factory=dict)


class Worksheet(BaseModel):
    """The worksheet of one draft: ``factlint claims --format json``."""

    version: int = 1
    path: str
    story_date: str
    date_source: str = Field(description="front matter, --as-of or today")
    registry: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    claims: list[Claim]


@dataclass(frozen=True)
class Context:
    """What the worksheet knows besides the document."""

    registry: Registry | None
    day: dt.date
    date_source: str


@lru_cache(maxsize=1)
def lexicons() -> dict[str, re.Pattern[str]]:
    """Compiled patterns: the lexicons of rules/data/claims.yaml plus the built-in number forms."""
    data = yaml.safe_load((builtin_rules_dir() / "data" / "claims.yaml").read_text("utf-8"))
    found = {
        "relative-date": relative_date_terms(),
        "superlative": data["superlatives"],
        "vague-source": data["vague_sources"],
    }
    compiled = {
        name: re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE)
        for name, patterns in found.items()
    }
    for name, pattern in PATTERNS.items():
        compiled[name] = re.compile(pattern, 0 if name in CASE_SENSITIVE else re.IGNORECASE)
    return compiled


def build_worksheet(doc: Document, context: Context) -> Worksheet:
    """Every claim of ``doc``, in document order within each type."""
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    # Most specific first: "£2.5bn" is money, not a number; "February 2022" a date, not a number.
    kinds: tuple[ClaimType, ...] = (
        "money",
        "percentage",
        "relative-date",
        "date",
        "superlative",
        "vague-source",
        "number",
    )
    for kind in kinds:
        for hit in doc.analysis.pattern_hits(lexicons()[kind], PROSE):
            if kind in ("number", "date") and _overlaps(taken, hit):
                continue
            if kind == "relative-date" and weekday_in_a_name(hit):
                continue  # "Good Friday", "Sheffield Wednesday": a name, no day
            taken.append((hit.source_start, hit.source_end))
            claims.append(_claim(doc, kind, hit, _note(kind, hit, context)))
    claims += _people(doc, context)
    claims += _quotations(doc, context)
    order = list(SECTIONS)
    claims.sort(key=lambda c: (order.index(c.type), c.line, c.column))
    return Worksheet(
        path=doc.path,
        story_date=str(context.day),
        date_source=context.date_source,
        registry=[_shown(f) for f in context.registry.files] if context.registry else [],
        sources=list(doc.analysis.source_checks.declared),
        claims=claims,
    )


def _shown(path: str) -> str:
    """A path relative to the current folder when it is inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _overlaps(taken: list[tuple[int, int]], hit: Hit) -> bool:
    return any(s < hit.source_end and hit.source_start < e for s, e in taken)


def _note(kind: str, hit: Hit, context: Context) -> str:
    notes = {
        "money": "check the amount, currency and what it pays for",
        "percentage": "check the figure and what it is a percentage of",
        "number": "check the figure against the source",
        "date": "check the date",
        "relative-date": f"relative date: give the date{_resolved(hit.text, context.day)} "
        f"(story date {context.day}, {context.date_source})",
        "superlative": "superlative or first: check it is true and say by what measure",
        "vague-source": "vague or unnamed source: who? name them or give the reason for anonymity",
    }
    return notes[kind]


def _resolved(text: str, day: dt.date) -> str:
    """What a relative date means on the story date: " (August 2023)"; else ""."""
    resolved = resolve(text, day)
    return f" ({resolved})" if resolved else ""


def relative_date_terms() -> list[str]:
    """The dates/relative rule's lexicon (rules/dates.yaml): vague words and resolvable ones."""
    rules = yaml.safe_load((builtin_rules_dir() / "dates.yaml").read_text("utf-8"))
    options = next(r["options"] for r in rules if r["name"] == "relative")
    return [*options["vague"], *options["terms"]]


def _claim(
    doc: Document,
    kind: ClaimType,
    hit: Hit,
    note: str,
    text: str | None = None,
    details: dict[str, str | None] | None = None,
) -> Claim:
    line, column = doc.line_col(hit.source_start)
    end_line, end_column = doc.line_col(hit.source_end)
    return Claim(
        type=kind,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=text or " ".join(hit.text.split()),
        note=note,
        context=_sentence_text(doc, hit),
        details=details or {},
    )


def _sentence_text(doc: Document, hit: Hit) -> str:
    sentence = sentence_of(doc, hit.segment.index, hit.start)
    text = " ".join((sentence.text if sentence else hit.text).split())
    return text if len(text) <= 240 else text[:237] + "…"


# -- people --------------------------------------------------------------------------------
def _people(doc: Document, context: Context) -> list[Claim]:
    """Registry people with their titles, titles never given a name, then everyone else."""
    claims = _registry_people(doc, context) if context.registry is not None else []
    return claims + _other_people(doc, context, claims)


def _other_people(doc: Document, context: Context, known: list[Claim]) -> list[Claim]:
    """People the shared analysis finds (``doc.analysis.people``, issue 4) that the registry
    does not know: named in the worksheet with the title the draft gives them."""
    registry = context.registry
    mentions = find_mentions(doc, registry, PROSE) if registry is not None else []
    covered = [(m.hit.source_start, m.hit.source_end) for m in mentions]
    names = {c.details.get("name") for c in known}
    claims: list[Claim] = []
    # "Gov. Gavin Newsom": an abbreviated title is an office of the analysis, not a person's title
    abbreviated = {
        (o.segment, o.person): o.text for o in doc.analysis.offices if o.klass == "abbreviation"
    }
    for person in doc.analysis.people:
        full = person.full_name or person.name
        if full in names or any(s < person.end and person.start < e for s, e in covered):
            continue
        if registry is not None and any(isinstance(e, Person) for e in registry.lookup(full)):
            continue  # a registry person: listed above under the house name
        names.add(full)
        segment = doc.segments[person.segment]
        hit = doc.analysis.hit(segment, person.seg_start, person.seg_end)
        given = person.title or abbreviated.get((person.segment, full))
        title = f" as “{given}”" if given else " (no title given)"
        where = "not in the registry" if registry is not None else "no registry"
        claims.append(
            _claim(
                doc,
                "person",
                hit,
                f"{full}{title}; {where}: check name and title",
                details={"name": full, "title": given, "organisation": None},
            )
        )
    return claims


def _registry_people(doc: Document, context: Context) -> list[Claim]:
    registry = context.registry
    assert registry is not None
    mentions = find_mentions(doc, registry, PROSE)
    titles = find_titles(doc, registry, mentions, PROSE)
    claims: list[Claim] = []
    relative = lexicons()["relative-date"]
    seen: set[tuple[str, str]] = set()
    used: set[int] = set()  # titles already shown with a person
    for mention in mentions:
        person = mention.entity
        if not isinstance(person, Person):
            continue
        title = _title_for(doc, mention, titles)
        if title is not None:
            used.add(title.hit.source_start)
        key = (person.key, title.title if title else "")
        if key in seen:
            continue
        seen.add(key)
        words = [*reversed(title.modifiers), " ".join(title.hit.text.split())] if title else []
        written = f"as “{' '.join(words)}”" if title else "(no title given)"
        sentence = _sentence_text(doc, mention.hit)
        when = relative.search(sentence) if title else None
        since = f" (“{when.group()}”)" if when else ""
        says = _registry_says(person, title, context)
        note = f"{mention.hit.text} {written}{since}; registry: {says}"
        claims.append(
            _claim(
                doc,
                "person",
                mention.hit,
                note,
                details={
                    "name": person.name,
                    "title": title.title if title else None,
                    "organisation": title.organisation if title else None,
                },
            )
        )
    named = {t.title for t in titles if t.person is not None}  # named somewhere: not a claim
    for title in titles:
        if title.person is None and title.title not in named and title.hit.source_start not in used:
            named.add(title.title)
            holders = registry.holders(title.title, title.organisation, context.day)
            who = ", ".join(p.name for p, _ in holders) or "nobody in the registry"
            office = f"{title.title}, {title.organisation}" if title.organisation else title.title
            note = f"title without a name ({office}): who? On {context.day} the registry has {who}"
            claims.append(
                _claim(
                    doc,
                    "person",
                    title.hit,
                    note,
                    details={
                        "name": None,
                        "title": title.title,
                        "organisation": title.organisation,
                    },
                )
            )
    return claims


def _title_for(doc: Document, mention: Mention, titles: list[TitleMention]) -> TitleMention | None:
    """The title linked to the mention, else a title in the same sentence."""
    for title in titles:
        if title.person is not None and title.person.hit.source_start == mention.hit.source_start:
            return title
    sentence = sentence_of(doc, mention.hit.segment.index, mention.hit.start)
    if sentence is None:
        return None
    for title in titles:
        same = title.hit.segment.index == sentence.segment
        if same and sentence.start <= title.hit.start < sentence.end and title.person is None:
            return title
    return None


def _registry_says(person: Person, title: TitleMention | None, context: Context) -> str:
    offices = sorted(person.offices, key=lambda o: o.start)
    if title is not None:
        own = [
            o
            for o in offices
            if o.title == title.title
            and (title.organisation is None or o.organisation == title.organisation)
        ]
        if {"former", "ex"} & set(title.modifiers):
            past = [o for o in own if o.end is not None and o.end <= context.day]
            if past:
                return f"former {title.title}: {'; '.join(o.span for o in past)}"
            return f"NOT a former {title.title} on {context.day}"
        if any(o.held_on(context.day) for o in own):
            held = next(o for o in own if o.held_on(context.day))
            return f"{held.title}, {held.organisation}, {held.span}: held on {context.day}"
        if own:
            spans = "; ".join(o.span for o in own)
            return f"NOT {title.title} on {context.day} ({spans})"
        return f"no record of {person.name} as {title.title}"
    current = [o for o in offices if o.held_on(context.day)]
    if current:
        return "; ".join(f"{o.title}, {o.organisation} ({o.span})" for o in current)
    return f"{person.name}, no office on {context.day}"


# -- quotations ----------------------------------------------------------------------------
def _quotations(doc: Document, context: Context) -> list[Claim]:
    checks = {id(c.quotation): c for c in doc.analysis.source_checks.checks}
    declared = doc.analysis.source_checks.declared
    claims = []
    people = None
    if context.registry is not None:
        mentions = find_mentions(doc, context.registry, PROSE)
        people = [m for m in mentions if isinstance(m.entity, Person)]
    for quotation in doc.analysis.quotations:
        if not is_speech(doc, quotation):
            continue
        segment = doc.segments[quotation.segment]
        hit = doc.analysis.hit(segment, quotation.seg_start, quotation.seg_end)
        speaker = speaker_of(doc, quotation, context.registry, context.day, people)
        check = checks.get(id(quotation))
        if check is not None:
            where = f" ({check.source}:{check.line})" if check.source else ""
            status = check.status + where + (f": {check.detail}" if check.detail else "")
        else:
            status = "no sources declared" if not declared else "not checked"
        said = speaker.describe() if speaker else "NO SPEAKER FOUND"
        text = " ".join(quotation.text.split())
        short = text if len(text) <= 90 else _shorten(text)
        claims.append(
            _claim(
                doc,
                "quotation",
                hit,
                f"speaker: {said}; verification: {status}",
                text=short,
                details={
                    "speaker": speaker.text if speaker else None,
                    "resolved": speaker.resolved if speaker else None,
                    "cue": speaker.cue if speaker else None,
                    "verification": check.status if check else None,
                },
            )
        )
    return claims


# -- output --------------------------------------------------------------------------------
def markdown(sheet: Worksheet) -> str:
    """The worksheet as Markdown with a checkbox per claim."""
    lines = [f"# Claims worksheet: {sheet.path}", ""]
    lines.append(
        f"Story date: {sheet.story_date} ({sheet.date_source}) · "
        f"Registry: {', '.join(sheet.registry) or 'none'} · "
        f"Sources: {', '.join(sheet.sources) or 'none declared'}"
    )
    lines += ["", f"{len(sheet.claims)} claims to check. Tick each one once it is checked.", ""]
    for kind, heading in SECTIONS.items():
        items = [c for c in sheet.claims if c.type == kind]
        if not items:
            continue
        lines += [f"## {heading} ({len(items)})", ""]
        for claim in items:
            lines.append(
                f"- [ ] **{_md(claim.text)}** (line {claim.line}:{claim.column}): {_md(claim.note)}"
            )
            if claim.type != "quotation" and claim.context != claim.text:
                lines.append(f"  > {_md(claim.context)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _shorten(text: str) -> str:
    """The first ten and last five words of a long quotation."""
    words = text.split()
    return " ".join([*words[:10], "…", *words[-5:]]) if len(words) > 16 else text


def _md(text: str) -> str:
    return text.replace("*", r"\*").replace("_", r"\_")
