"""Quality of the attribution analysis and its rules (not a test).

    python benchmarks/quality.py [--polnear] [--cases] [--corpus [--limit N]] [--timing]
                                 [--sample N --seed S --out FILE]

- PolNeAR dev (../shared/polnear-dev, brat .ann, first annotator file by name): share of quoted
  attributions whose quotation factlint attributes, speaker accuracy where the gold source is
  written, and quotes/unattributed findings that fall on annotator-attributed quotations.
- The case set (tests/cases/*.yaml): precision and recall per rule of this issue's packs.
- The corpus (../shared/corpus): findings per 1,000 words per rule; --sample writes a random sample
  of quotes/unattributed and references/* findings with context, for review.
- Timing: one document of 50,000, 100,000 and 200,000 words (must grow linearly).
With no flags, everything but --sample runs. Data that is absent is skipped with a message.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from _shared import SHARED, corpus_files

from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = SHARED / "polnear-dev"
PACKS = ["quotes", "sourcing", "references", "dates"]
QUOTE_MARKS = re.compile('[“”"]')


def linter(select: list[str]) -> Linter:
    return Linter(settings_from(FileConfig(select=select), "<bench>", str(ROOT), Overrides()))


# -- PolNeAR ------------------------------------------------------------------------------------
def read_ann(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Attributions of one .ann file: role -> list of (start, end) ranges."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, ranges = parts[1].partition(" ")
            spans[parts[0]] = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(parts[1].split())
    attributions = []
    for relation in relations:
        roles: dict[str, list[tuple[int, int]]] = {}
        for item in relation:
            role, _, ref = item.partition(":")
            roles.setdefault(role, []).extend(spans.get(ref, []))
        attributions.append(roles)
    return attributions


def overlaps(a: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in ranges)


def quotation_kind(text: str, content: list[tuple[int, int]], quotes: list) -> str:  # type: ignore[type-arg]
    """``full`` when the annotated content is the quotation (its marks cover nearly all of it),
    ``partial`` when it is reported speech with a quotation inside (Smith said the plan was
    “reckless”)."""
    letters = sum(sum(ch.isalnum() for ch in text[s:e]) for s, e in content)
    quoted = sum(
        sum(ch.isalnum() for ch in text[max(s, q.start) : min(e, q.end)])
        for s, e in content for q in quotes
    )
    return "full" if quoted >= 0.8 * max(letters, 1) else "partial"


def same_entity(doc: Document, source: list[tuple[int, int]], speakers: list) -> bool:  # type: ignore[type-arg]
    """Whether the gold source and a speaker name one person: the full name the people analysis
    gives the gold span (a name mention in it) equals a speaker's resolved name."""
    names = {sp.resolved for sp in speakers if sp.resolved}
    if not names:
        return False
    for person in doc.analysis.people:
        if overlaps((person.start, person.end), source) and (person.full_name or person.name) in names:
            return True
    return False


def polnear() -> None:
    texts = sorted((POLNEAR / "text").glob("*.txt")) if POLNEAR.is_dir() else []
    if not texts:
        print(f"skipped PolNeAR: nothing at {POLNEAR}")
        return
    rule = linter(["quotes/unattributed"])
    quoted = attributed = with_source = speaker_ok = false_unattributed = 0
    by_kind: dict[str, list[int]] = {"full": [0, 0], "partial": [0, 0]}  # [with source, right]
    same_person = 0  # the speaker span overlaps the gold source, or both resolve to one person
    outside_flagged = outside = 0
    misses: list[str] = []
    wrong: list[str] = []
    for path in texts:
        anns = sorted((POLNEAR / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text("utf-8")
        doc = Document.parse(text, str(path))
        quotes = list(zip(doc.analysis.quotations, doc.analysis.attributions, strict=False))
        findings = rule.lint_document(doc)
        gold_contents: list[tuple[int, int]] = []
        for gold in read_ann(anns[0]):
            content = gold.get("Content", [])
            if not content or not any(QUOTE_MARKS.search(text[s:e]) for s, e in content):
                continue
            quoted += 1
            gold_contents.extend(content)
            inside = [(q, a) for q, a in quotes if overlaps((q.start, q.end), content)]
            if inside and all(a is not None for _, a in inside):
                attributed += 1
            else:
                misses.append(f"{path.name}: {text[content[0][0] : content[-1][1]][:100]!r}")
            source = gold.get("Source", [])
            if source and inside:
                with_source += 1
                speakers = [a.speaker for _, a in inside if a is not None and a.speaker is not None]
                kind = quotation_kind(text, content, [q for q, _ in inside])
                by_kind[kind][0] += 1
                if any(overlaps((sp.start, sp.end), source) for sp in speakers):
                    speaker_ok += 1
                    by_kind[kind][1] += 1
                    same_person += 1
                elif same_entity(doc, source, speakers):
                    same_person += 1
                    wrong.append(f"{path.name}: same person, other mention: {source}")
                else:
                    wrong.append(
                        f"[{kind}] {path.name}: gold {text[source[0][0] : source[0][1]]!r} got "
                        f"{[sp.text for sp in speakers]} in "
                        f"{text[content[0][0] : content[0][1]][:60]!r}"
                    )
        for finding in findings:
            if overlaps((finding.offset, finding.end_offset), gold_contents):
                false_unattributed += 1
        for quote, _ in quotes:
            if not overlaps((quote.start, quote.end), gold_contents):
                outside += 1
                outside_flagged += any(f.offset == quote.start for f in findings)
    print("PolNeAR dev (first annotator file of each article):")
    print(f"  quoted attributions: {quoted}")
    print(
        f"  quotation attributed by factlint: {attributed}/{quoted} = {attributed / quoted:.3f}"
        "  (target >= 0.97)"
    )
    print(
        f"  speaker overlaps gold source: {speaker_ok}/{with_source} = "
        f"{speaker_ok / max(with_source, 1):.3f}  (target >= 0.90)"
    )
    print(
        f"  speaker is the gold source's person (span overlap, or the same resolved full name): "
        f"{same_person}/{with_source} = {same_person / max(with_source, 1):.3f}"
    )
    for kind, (total, right) in by_kind.items():
        label = {"full": "full direct quotations", "partial": "partial quotations in reported speech"}
        target = "0.90" if kind == "full" else "0.80"
        print(f"    {label[kind]}: {right}/{total} = {right / max(total, 1):.3f}  (target >= {target})")
    print(
        f"  quotes/unattributed on attributed quotations: {false_unattributed} = "
        f"{100 * false_unattributed / quoted:.2f} % of quoted attributions  (target < 1 %)"
    )
    print(
        f"  quotations outside every gold attribution: {outside}, "
        f"flagged unattributed: {outside_flagged}"
    )
    if "--verbose" in sys.argv:
        print("\n".join("    miss: " + m for m in misses))
        print("\n".join("    speaker: " + m for m in wrong))


# -- cases --------------------------------------------------------------------------------------
def cases() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from caselib import load_cases, run_case

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for case in load_cases():
        rule = case.rule if isinstance(case.rule, str) else ""
        if rule.split("/")[0] not in PACKS:
            continue
        findings, _, _ = run_case(case)
        actual = [f for f in findings if f.rule == rule]
        expected = [e for e in case.body.get("findings", []) if e.get("rule", rule) == rule]
        used: set[int] = set()
        for e in expected:
            match = next(
                (
                    i
                    for i, f in enumerate(actual)
                    if i not in used
                    and all(
                        getattr(f, k) == v for k, v in e.items() if k in ("line", "column", "text")
                    )
                ),
                None,
            )
            if match is None:
                fn[rule] += 1
            else:
                used.add(match)
                tp[rule] += 1
        fp[rule] += len(actual) - len(used)
    print("Case set (tests/cases): per-rule precision and recall")
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[rule] / max(tp[rule] + fp[rule], 1)
        r = tp[rule] / max(tp[rule] + fn[rule], 1)
        print(
            f"  {rule:28} tp {tp[rule]:3}  fp {fp[rule]:2}  fn {fn[rule]:2}  "
            f"precision {p:.2f}  recall {r:.2f}"
        )


# -- corpus -------------------------------------------------------------------------------------
def corpus(limit: int | None, sample: int, seed: int, out: str | None) -> None:
    files = corpus_files(limit)
    lint = linter(PACKS)
    words = 0
    counts: Counter[str] = Counter()
    pool: dict[str, list[str]] = defaultdict(list)
    for path in files:
        text = path.read_text("utf-8")
        doc = Document.parse(text, str(path))
        words += len(text.split())
        for f in lint.lint_document(doc):
            counts[f.rule] += 1
            if sample and (f.rule == "quotes/unattributed" or f.rule.startswith("references/")):
                group = "quotes/unattributed" if f.rule == "quotes/unattributed" else "references"
                context = text[max(0, f.offset - 160) : f.end_offset + 120].replace("\n", " ")
                pool[group].append(
                    f"{path.relative_to(SHARED)}:{f.line}:{f.column} {f.rule}: "
                    f"{f.message}\n    …{context}…"
                )
    print(f"Corpus: {len(files)} articles, {words} words; findings per 1,000 words:")
    for rule in sorted(counts):
        print(f"  {rule:28} {counts[rule]:6}  {1000 * counts[rule] / words:.3f}")
    if sample:
        rng = random.Random(seed)
        lines = []
        for group in sorted(pool):
            chosen = rng.sample(pool[group], min(sample, len(pool[group])))
            lines.append(f"## {group} ({len(chosen)} of {len(pool[group])})")
            lines.extend(f"{i + 1}. {item}" for i, item in enumerate(chosen))
        Path(out or "sample.txt").write_text("\n".join(lines) + "\n", "utf-8")
        print(f"  sample written to {out or 'sample.txt'}")


# -- timing -------------------------------------------------------------------------------------
def timing() -> None:
    files = corpus_files(400)
    parts, words = [], 0
    for path in files:
        body = path.read_text("utf-8")
        parts.append(body)
        words += len(body.split())
    big = "\n\n".join(parts)
    base_words = len(big.split())
    lint = linter(PACKS)
    print("Timing (analysis + quotes, sourcing, references, dates rules, one document):")
    for target in (50_000, 100_000, 200_000):
        text = "\n\n".join([big] * (target // base_words + 1))
        text = " ".join(text.split(" ")[:target])
        start = time.perf_counter()
        lint.lint_document(Document.parse(text, "big.txt"))
        elapsed = time.perf_counter() - start
        print(f"  {target:7} words: {elapsed:6.2f} s  ({target / elapsed:,.0f} words/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag in ("polnear", "cases", "corpus", "timing", "verbose"):
        parser.add_argument(f"--{flag}", action="store_true")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--out")
    args = parser.parse_args()
    everything = not (args.polnear or args.cases or args.corpus or args.timing)
    if everything or args.polnear:
        polnear()
    if everything or args.cases:
        cases()
    if everything or args.corpus or args.sample:
        corpus(args.limit, args.sample, args.seed, args.out)
    if everything or args.timing:
        timing()


if __name__ == "__main__":
    main()
