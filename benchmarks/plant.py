"""Fault planting: recall of the people, speech and office rules on real articles (not a test).

Over the articles in ../shared/corpus, plant one fault per article copy, at a recorded span, where a
sub-editor would expect a flag; lint every copy once (all built-in packs, grammar off, in memory) and
print, per fault type, the share of planted faults the expected rule reports at the planted span,
and the findings the planting added elsewhere (findings of the copy absent from the original).

    python benchmarks/plant.py [--limit N] [--source bbc-news-2225] [--show TYPE]

Fault types (each needs an article where it can be planted):
- surname-first: the first full-name mention of a person named again later is cut to the surname
  (titled ones too, "Agriculture Secretary Lyng", but not offices that name their holder).
- unattributed: the cue and speaker after a quotation that opens a paragraph ("…,” she said.) are
  removed, when the paragraph before holds no quotation and no reporting verb (so nothing can
  carry the speaker over or introduce it).
- title: one mention of an office written one way twice or more is written a second way (other
  capitals; "Senator" as "Sen.").
- name: one later mention of a surname used three times or more is misspelt (two letters swapped).
- dialect: in an article spelled wholly in one dialect (the house one with --dialect en-GB or
  en-US), a later lower-case word of a family it uses twice or more is given the other dialect's
  spelling ("organised ... organized"): one off-dialect word among its family.

    python benchmarks/plant.py --source bbc-news-2225 --dialect en-GB   # and --dialect auto
    python benchmarks/plant.py --source reuters21578-prose --dialect en-US
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from _shared import corpus_files

from factlint.analysis.lexicons import lexicons
from factlint.checks.surname_first import SurnameFirstOptions, office_names_holder
from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter
from factlint.kinds.spelling import load_pairs

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = {
    "surname-first": "references/surname-first",
    "unattributed": "quotes/unattributed",
    "title": "consistency/title",
    "name": "consistency/name",
    "dialect": "consistency/spelling",
}
PROSE = frozenset({"prose"})
ACCEPTED_TITLES = SurnameFirstOptions().accepted_titles
ABBREVIATE = {"Senator": "Sen.", "Governor": "Gov.", "Representative": "Rep.", "General": "Gen."}


@dataclass
class Plant:
    kind: str
    start: int  # the planted span in the copy
    end: int
    orig_start: int  # the replaced span in the original
    orig_end: int
    text: str  # the copy


def replace(text: str, start: int, end: int, new: str, kind: str, mark: int | None = None) -> Plant:
    """The copy with [start, end) replaced; the planted span is ``new`` (or [mark, mark + 1))."""
    copy = text[:start] + new + text[end:]
    if mark is None:
        return Plant(kind, start, start + len(new), start, end, copy)
    return Plant(kind, mark, mark + 1, start, end, copy)


def surname_first(doc: Document) -> Iterator[Plant]:
    people = doc.analysis.people
    for person in people:
        if person.form != "full" or doc.segments[person.segment].kind != "prose":
            continue
        if person.honorific or office_names_holder(person.title, ACCEPTED_TITLES):
            return  # "President Kirchner" is a styled first reference, not a bare surname
        later = [p for p in people if p.surname == person.surname and p is not person
                 and p.form in ("honorific", "surname")
                 and (p.segment, p.seg_start) > (person.segment, person.seg_start)]
        others = {p.full_name for p in people if p.surname == person.surname and p.full_name}
        if later and len(others) == 1 and len(person.name.split()) > 1:
            end = person.end - (len(person.text) - len(person.text.rstrip()))
            start = end - len(person.surname)
            if doc.text[start:end] == person.surname:
                yield replace(doc.text, person.start, end, person.surname, "surname-first")
        return  # the first full name of the article only


def unattributed(doc: Document) -> Iterator[Plant]:
    analysis = doc.analysis
    quoted_segments = {q.segment for q in analysis.quotations}
    cues = lexicons().cue_pattern
    for quote, attribution in zip(analysis.quotations, analysis.attributions, strict=False):
        segment = doc.segments[quote.segment]
        if (
            attribution is None or attribution.how != "after" or quote.kind != "speech"
            or segment.kind != "prose" or segment.text[: quote.seg_start].strip()
            or quote.segment - 1 in quoted_segments or quote.continued or not quote.closed
        ):
            continue
        previous = doc.segments[quote.segment - 1].text if quote.segment else ""
        if cues.search(previous):
            continue  # "Smith said the plan was late." then the quotation: introduced by context
        inner = quote.text[1:-1].rstrip()
        if not inner.endswith(","):
            continue
        sentences = analysis.sentences_of(quote.segment)
        ends = [s.end for s in sentences if s.end > quote.seg_end]
        if not ends:
            continue
        tail = segment.text[quote.seg_end : ends[0]]
        if '“' in tail or '"' in tail or not tail.rstrip().endswith("."):
            continue
        comma = quote.start + 1 + len(inner) - 1  # the comma inside the closing mark
        tail_start, tail_end = quote.end, segment.source_offset(ends[0])
        if doc.text[tail_end - 1 : tail_end] != ".":
            tail_end = doc.text.rfind(".", tail_start, tail_end) + 1
        copy = doc.text[:comma] + "." + doc.text[comma + 1 : tail_start] + doc.text[tail_end:]
        yield Plant("unattributed", quote.start, quote.start + 1, quote.start, tail_end, copy)
        return


def title(doc: Document) -> Iterator[Plant]:
    by_key = defaultdict(list)
    analysis = doc.analysis
    for office in analysis.offices:
        if (
            office.key and doc.segments[office.segment].kind == "prose" and not office.sentence_start
            and office.klass != "abbreviation"
            and not analysis.in_quotation(office.segment, office.seg_start, office.seg_end)
        ):  # one position (before a name, or not): house styles capitalise before a name only
            by_key[(office.key, office.before_name)].append(office)
    for offices in by_key.values():
        texts = Counter(o.text for o in offices)
        if len(offices) < 2 or len(texts) != 1:
            continue
        target = offices[-1]
        written = target.text
        if written in ABBREVIATE and target.before_name:
            new = ABBREVIATE[written]
        elif written[:1].isupper():
            new = written.lower()
        else:
            new = " ".join(w.capitalize() if w not in ("of", "for", "the") else w
                           for w in written.split(" "))
        if new != written:
            yield replace(doc.text, target.start, target.end, new, "title")
            return


def name(doc: Document) -> Iterator[Plant]:
    counts = Counter(p.surname for p in doc.analysis.people if p.full_name)
    for person in reversed(doc.analysis.people):
        surname = person.surname
        if counts[surname] < 3 or len(surname) < 6 or not surname.isalpha():
            continue
        start = person.end - len(surname)
        if doc.text[start : person.end] != surname:
            continue
        k = len(surname) // 2
        misspelt = surname[:k] + surname[k + 1] + surname[k] + surname[k + 2 :]
        if misspelt != surname:
            yield replace(doc.text, start, person.end, misspelt, "name")
            return


HOUSE = {"dialect": "auto"}  # the run's house dialect (--dialect)
PAIRS = {"en": load_pairs(str(ROOT / "rules" / "data" / "spelling-en.tsv"))}
VARIANT_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def dialect(doc: Document) -> Iterator[Plant]:
    variants = PAIRS["en"]
    hits = [(h, variants[h.text]) for h in doc.analysis.pattern_hits(VARIANT_WORD, PROSE)
            if h.text in variants]
    sides = {v.dialect for _, v in hits}
    if len(sides) != 1 or HOUSE["dialect"] not in ("auto", *sides):
        return  # mixed already, or not in the house dialect
    uses = Counter(v.family for _, v in hits)
    for hit, variant in reversed(hits):  # a later use: the first sets the family's spelling
        if (uses[variant.family] >= 2 and variant.other in variants  # program: not one-way pairs
                and not doc.text[hit.source_end :].lstrip()[:1].isupper()):
            yield replace(doc.text, hit.source_start, hit.source_end, variant.other, "dialect")
            return


PLANTERS = {"surname-first": surname_first, "unattributed": unattributed, "title": title, "name": name,
            "dialect": dialect}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--source")
    parser.add_argument("--show", help="print the misses of one fault type")
    parser.add_argument("--dialect", default="auto", help="the house dialect (default auto)")
    args = parser.parse_args()
    files = corpus_files(args.limit, args.source)
    HOUSE["dialect"] = args.dialect
    config = FileConfig.model_validate({"grammar": {"backend": "none"}, "dialect": args.dialect})
    linter = Linter(settings_from(config, "<bench>", str(ROOT), Overrides()))
    planted: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    extra_rules: Counter[str] = Counter()
    for path in files:
        original = path.read_text("utf-8")
        doc = Document.parse(original, path.name)
        base = linter.lint_document(doc)
        plants = [p for planter in PLANTERS.values() for p in planter(doc)]
        for plant in plants:
            delta = len(plant.text) - len(original)
            before = {(f.rule, f.offset if f.offset < plant.orig_end else f.offset + delta)
                      for f in base}
            before_text = {(f.rule, f.text) for f in base}
            found = linter.lint_document(Document.parse(plant.text, path.name))
            planted[plant.kind] += 1
            hit = any(f.rule == EXPECTED[plant.kind] and f.offset < plant.end
                      and plant.start < max(f.end_offset, f.offset + 1) for f in found)
            caught[plant.kind] += hit
            if not hit and args.show == plant.kind:
                line = plant.text[max(0, plant.start - 80) : plant.end + 80].replace("\n", " ")
                print(f"miss {path.name}: …{line}…")
                print("     got: " + "; ".join(f"{f.rule} {f.text[:30]!r}" for f in found
                                              if abs(f.offset - plant.start) < 300))
                if plant.kind == "unattributed":
                    copy = Document.parse(plant.text, path.name).analysis
                    for q, a in zip(copy.quotations, copy.attributions, strict=False):
                        if q.start == plant.start and a is not None:
                            print(f"     attributed {a.how} {a.cue.text!r} "
                                  f"{a.speaker.text if a.speaker else None!r}")
            for f in found:
                near = f.offset < plant.end + 1 and plant.start - 1 < f.end_offset
                if (f.rule, f.offset) not in before and (f.rule, f.text) not in before_text and not near:
                    extra[plant.kind] += 1
                    extra_rules[f.rule] += 1
    print(f"Fault planting over {len(files)} corpus articles (all built-in packs, grammar off, "
          f"dialect {args.dialect}):")
    print(f"  {'fault':<14} {'planted':>7} {'caught':>7} {'recall':>7} {'extra/plant':>12}")
    for kind in PLANTERS:
        n = planted[kind]
        print(f"  {kind:<14} {n:>7} {caught[kind]:>7} {caught[kind] / max(n, 1):>7.3f} "
              f"{extra[kind] / max(n, 1):>12.3f}  ({EXPECTED[kind]})")
    total = sum(planted.values())
    print(f"  all: {sum(caught.values())}/{total} caught, {sum(extra.values()) / max(total, 1):.3f} "
          "extra findings per planted fault (target: recall >= 0.85 each, < 0.05 extra)")
    if extra_rules:
        print("  extra findings by rule: " + ", ".join(f"{r} {n}" for r, n in extra_rules.most_common()))


if __name__ == "__main__":
    sys.exit(main())
