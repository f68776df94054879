"""references/unnamed: a person referred to only by an office, never named in the article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.analysis.lexicons import lexicons
from factlint.kinds.base import Kind, Options
from factlint.records import describe

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.finding import Finding


NAME_AFTER = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)?,?\s+"
    r"[A-Z][\w’'.-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+"
)
MODAL_AFTER = re.compile(r"\s+(?:should|must|may)\b")
NAME_BEFORE = re.compile(
    r"[A-Z][\w’'-]+,\s+(?:(?:the|[A-Z][\w-]*[’']s?)\s+){0,2}(?:[a-z]+\s+){0,2}$"
)
OFFICE_OF = re.compile(
    r"(?i)\b(?:office|department|ministry|residence|role|post|job|position)\s+of\s+(?:the\s+)?$"
)


@dataclass(frozen=True, kw_only=True)
class UnnamedOptions(Options):
    """Options of the unnamed-reference kind."""

    classes: list[str] = describe(
        "Title classes that must be named (office, generic, role)",
        default_factory=lambda: ["office"],
    )


class UnnamedReference(Kind[UnnamedOptions]):
    """Flag the first 'the Defence Secretary' when no one is ever named as holding that office."""

    name = "unnamed-reference"
    options_model = UnnamedOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        titles = doc.analysis.titles
        named = {_key(t.text) for t in titles if t.person} | {
            _key(p.title) for p in doc.analysis.people if p.title
        }
        named |= {
            _key(t.text)
            for t in titles
            if doc.segments[t.segment].kind == "prose"
            and _name_follows(doc.segments[t.segment].text, t.seg_end)
        }
        named_heads = {key.split()[-1] for key in named}
        linked = {t.person for t in titles if t.person}
        if any(
            p.form in ("full", "honorific")
            and not p.title
            and (p.full_name or p.name) not in linked
            for p in doc.analysis.people
        ):
            return  # someone is named who may hold the office ("Michael Howard … the Tory leader")
        flagged: set[str] = set()
        for title in titles:
            key = _key(title.text)
            segment = doc.segments[title.segment]
            area = "prose" if segment.kind == "prose" else "headline"
            before = segment.text[max(0, title.seg_start - 30) : title.seg_start]
            if NAME_BEFORE.search(before) or MODAL_AFTER.match(
                segment.text, title.seg_end
            ):  # "the adviser should": the office
                continue  # "foreign minister Thorvald Stoltenberg", "…, Dimitris Halikias,"
            if OFFICE_OF.search(before) or key.split()[-1] in named_heads:
                continue  # "the Office of the Deputy Prime Minister"; "Minister Luis …" elsewhere
            if (
                title.klass not in self.options.classes
                or not title.determined
                or key in named
                or key in flagged
                or area not in self.scope
                or doc.analysis.in_quotation(title.segment, title.seg_start, title.seg_end)
            ):
                continue
            flagged.add(key)
            yield self.finding(doc, title.start, title.end)


def _name_follows(text: str, end: int) -> bool:
    """A name right after an office: "foreign minister Thorvald Stoltenberg", "…, Dimitris
    Halikias",
    "prime minister edward seaga" (a lower-case wire item), "… Energy and Mines Subroto said"."""
    after = text[end : end + 40].split()
    given = after[0].strip(",").title() if after else ""
    return (
        given in lexicons().first_names
        or bool(re.match(r"\s+(?:said|says|told)\b", text[end:]))
        or bool(NAME_AFTER.match(text, end))
    )


def _key(title: str) -> str:
    """Defence and Defense, capitals and spacing aside, one office is one key."""
    return " ".join(title.lower().replace("defense", "defence").split())
