"""The analysis as JSON (``factlint analyze``): quotations with attributions, people and titles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factlint.confine import read_regular
from factlint.document import Document
from factlint.errors import FactlintError

VERSION = 1


def analyze_text(text: str, path: str = "-") -> dict[str, Any]:
    """Parse ``text`` and return its analysis as a JSON-ready dict (used by benchmarks)."""
    return analyze_document(Document.parse(text, path))


def analyze_path(path: str) -> dict[str, Any]:
    """Read a UTF-8 file (a regular file: a FIFO or device is refused) and return its analysis."""
    try:
        text = read_regular(Path(path), "draft", limit=None).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FactlintError(f"{path}: cannot read: {exc}") from None
    return analyze_text(text, path)


def analyze_document(doc: Document) -> dict[str, Any]:
    """The analysis of a parsed document. Offsets are 0-based code points into ``doc.text``."""
    analysis = doc.analysis
    quotations = []
    for quote, attribution in zip(analysis.quotations, analysis.attributions, strict=False):
        entry: dict[str, Any] = {
            "start": quote.start,
            "end": quote.end,
            "text": quote.text,
            "kind": quote.kind,
            "closed": quote.closed,
            "attribution": None,
        }
        if attribution is not None:
            cue = attribution.cue
            speaker = attribution.speaker
            entry["attribution"] = {
                "cue": {"start": cue.start, "end": cue.end, "text": cue.text},
                "speaker": None
                if speaker is None
                else {
                    "start": speaker.start,
                    "end": speaker.end,
                    "text": speaker.text,
                    "resolved": speaker.resolved,
                },
                "how": attribution.how,
            }
        quotations.append(entry)
    people = [
        {
            "start": p.start,
            "end": p.end,
            "text": p.text,
            "name": p.name,
            "form": p.form,
            "full_name": p.full_name,
        }
        for p in analysis.people
    ]
    titles = [
        {"start": t.start, "end": t.end, "text": t.text, "class": t.klass, "person": t.person}
        for t in analysis.titles
    ]
    return {
        "version": VERSION,
        "path": doc.path,
        "quotations": quotations,
        "people": people,
        "titles": titles,
        "mentions": _mentions(analysis),
        "coreference": _coreference(analysis),
        "offices": [
            {"start": o.start, "end": o.end, "text": o.text, "key": list(o.key or ()),
             "form": o.form, "class": o.klass, "before_name": o.before_name, "person": o.person}
            for o in analysis.offices
        ],
    }


def _mentions(analysis: Any) -> list[dict[str, Any]]:
    """Every person mention with what the people analysis knows of it."""
    index = analysis.people_index
    return [
        {"start": p.start, "end": p.end, "text": p.text, "name": p.name, "surname": p.surname,
         "form": p.form, "full_name": p.full_name, "title": p.title, "honorific": p.honorific,
         "sex": index.genders.get(p.full_name or p.name)}
        for p in [*analysis.people, *index.relatives]
    ]


def _coreference(analysis: Any) -> list[dict[str, Any]]:
    """Links from each later mention (surname, honorific, titled, pronoun speaker) to the first
    mention of the person it refers to."""
    first: dict[str, Any] = {}
    links = []
    for p in analysis.people:
        if p.full_name is None:
            continue
        head = first.setdefault(p.full_name, p)
        if head is not p:
            links.append({"start": p.start, "end": p.end, "text": p.text, "person": p.full_name,
                          "antecedent": {"start": head.start, "end": head.end, "text": head.text}})
    for relative in analysis.people_index.relatives:  # "His wife, Carla,": named once, given name
        first.setdefault(relative.name, relative)
    for attribution in analysis.attributions:
        speaker = attribution.speaker if attribution is not None else None
        if speaker is not None and speaker.pronoun and speaker.resolved in first:
            head = first[speaker.resolved]
            links.append({"start": speaker.start, "end": speaker.end, "text": speaker.text,
                          "person": speaker.resolved,
                          "antecedent": {"start": head.start, "end": head.end, "text": head.text}})
    return sorted(links, key=lambda link: link["start"])


def render_text(result: dict[str, Any]) -> str:
    """A short human-readable listing of one file's analysis."""
    lines = [f"{result['path']}:"]
    for q in result["quotations"]:
        att = q["attribution"]
        who = "UNATTRIBUTED"
        if att is not None:
            speaker = att["speaker"]
            who = f"{att['cue']['text']!r} by {speaker['text'] if speaker else '?'}"
            if speaker and speaker["resolved"]:
                who += f" ({speaker['resolved']})"
        lines.append(f"  quote {q['start']}-{q['end']} [{q['kind']}] {q['text'][:60]!r}: {who}")
    for p in result["people"]:
        lines.append(
            f"  person {p['start']}-{p['end']} {p['text']!r} [{p['form']}] -> {p['full_name']}"
        )
    for t in result["titles"]:
        lines.append(
            f"  title {t['start']}-{t['end']} {t['text']!r} [{t['class']}] -> {t['person']}"
        )
    return "\n".join(lines)
