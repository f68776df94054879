"""Precision on published copy (not a test): findings per 1,000 words per rule, overlaps, a sample to judge.

    python benchmarks/precision.py [--limit N]            # per-rule rates, grammar and spelling off
    python benchmarks/precision.py --grammar --limit 300  # with Harper (slow: use a sample)
    python benchmarks/precision.py --overlaps             # same-span findings of two rules
    python benchmarks/precision.py --judge 150 --seed 12  # a fixed random sample of findings to judge
    python benchmarks/precision.py --undated              # as copy without a date (no --as-of)

Published copy has been edited: nearly every finding on it is a false alarm, so the rate bounds the
noise a newsroom would see. Runs: BBC with en-GB and with auto, Reuters with en-US and with auto.
Reads ../shared/corpus (FACTLINT_SHARED overrides) and skips cleanly without it.
Targets (issue 12): at most 2.0 findings per 1,000 words outside grammar and spelling, at most 0.5
spelling/unknown-word per 1,000 words.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

from _shared import corpus_files

from factlint.config import Overrides
from factlint.engine import Runner
from factlint.finding import Finding
from factlint.groups import unfold

RUNS = (("bbc-news-2225", "en-GB"), ("bbc-news-2225", "auto"),
        ("reuters21578-prose", "en-US"), ("reuters21578-prose", "auto"))
# Published copy is dated, but the corpus files lost their dates: each source's last month stands
# in (--as-of), so relative dates ("last year", "on Tuesday") count as resolvable, as in dated copy.
AS_OF = {"bbc-news-2225": "2005-12-31", "reuters21578-prose": "1987-10-31"}
WORD = re.compile(r"\w+(?:[’'-]\w+)*")
NOT_STYLE = ("grammar/", "spelling/")


def articles(source: str, limit: int | None, seed: int) -> list[Path]:
    files = corpus_files(None, source)
    if limit and limit < len(files):
        files = sorted(random.Random(seed).sample(files, limit))
    return files


def lint(
    files: list[Path], dialect: str, grammar: bool, as_of: str | None
) -> tuple[int, list[tuple[Path, Finding]]]:
    ignore = () if grammar else ("grammar", "spelling")
    runner = Runner(Overrides(dialect=dialect, ignore=ignore, as_of=as_of))  # type: ignore[arg-type]
    words, found = 0, []
    for path in files:
        words += len(WORD.findall(path.read_text("utf-8")))
        found += [(path, f) for f in runner.lint_file(path).findings]
    return words, found


def rates(words: int, found: list[tuple[Path, Finding]], places: bool = False) -> dict[str, float]:
    """Findings per 1,000 words per rule; ``places``: every place of a folded finding counted
    (one word family's places are one finding: factlint.groups)."""
    counts = Counter(f.rule.split(":")[0] for _, g in found for f in (unfold([g]) if places else [g]))
    return {rule: n * 1000 / words for rule, n in counts.most_common()}


def context(path: Path, f: Finding, width: int = 30) -> str:
    text = path.read_text("utf-8")
    before = text[max(0, f.offset - width) : f.offset].replace("\n", " ")
    after = text[f.end_offset : f.end_offset + width].replace("\n", " ")
    return f"…{before}[{f.text}]{after}…"


def overlaps(found: list[tuple[Path, Finding]]) -> Counter[tuple[str, str]]:
    """Pairs of rules that flag the same span of the same file."""
    by_span: dict[tuple[Path, int, int], set[str]] = defaultdict(set)
    for path, f in found:
        by_span[(path, f.offset, f.end_offset)].add(f.rule.split(":")[0])
    pairs: Counter[tuple[str, str]] = Counter()
    for rules in by_span.values():
        ordered = sorted(rules)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs[(a, b)] += 1
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per source (random, fixed seed)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--grammar", action="store_true", help="run grammar and spelling too")
    parser.add_argument("--overlaps", action="store_true")
    parser.add_argument("--judge", type=int, default=0, help="print N random findings to judge")
    parser.add_argument("--rule-prefix", default=None, help="with --judge: only rules starting so")
    parser.add_argument("--undated", action="store_true", help="no --as-of: copy without a date")
    parser.add_argument("--places", action="store_true",
                        help="count every place of a folded finding (as before one finding per word family)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report, everything = {}, []
    for source, dialect in RUNS:
        files = articles(source, args.limit, args.seed)
        words, found = lint(files, dialect, args.grammar, None if args.undated else AS_OF[source])
        everything += [(source, dialect, p, f) for p, f in found]
        per_rule = rates(words, found, args.places)
        style = sum(r for rule, r in per_rule.items() if not rule.startswith(NOT_STYLE))
        report[f"{source} {dialect}"] = {
            "articles": len(files), "words": words, "per_rule": per_rule,
            "outside_grammar_spelling": style,
            "unknown_word": per_rule.get("spelling/unknown-word", 0.0),
        }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, row in report.items():
            print(f"## {name}: {row['articles']} articles, {row['words']:,} words")
            print(f"   outside grammar and spelling: {row['outside_grammar_spelling']:.2f} per 1,000 words"
                  f"; spelling/unknown-word: {row['unknown_word']:.2f}")
            for rule, rate in row["per_rule"].items():
                print(f"   {rate:6.3f}  {rule}")
    if args.overlaps:
        print("## same-span pairs")
        for (a, b), n in overlaps([(p, f) for _, _, p, f in everything]).most_common():
            print(f"   {n:5d}  {a} + {b}")
    if args.judge:
        pool = [
            item for item in everything
            if (item[3].rule.startswith(args.rule_prefix) if args.rule_prefix
                else not item[3].rule.startswith(NOT_STYLE))
        ]
        for source, dialect, path, f in random.Random(args.seed).sample(pool, min(args.judge, len(pool))):
            print(f"{path.name}:{f.line}:{f.column} ({dialect}) {f.rule}: {context(path, f)}")


if __name__ == "__main__":
    main()
