"""Consistency benchmark: how often consistency/* fires on real British articles, with a sample.

Reads the BBC News articles from $FACTLINT_SHARED/corpus/bbc-news-2225 (default: the repo's
parent's shared/ folder) and never copies them. Runs the consistency pack with dialect en-GB and
with auto, reports the share of articles with a finding and findings per rule, and prints a
random sample (fixed seed) of findings with context for a human to judge.

    python benchmarks/consistency.py [--sample 60] [--seed 7] [--dialect en-GB|auto] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter
from factlint.finding import Finding

REPO = Path(__file__).resolve().parents[1]
# The repo's parent's shared/ (for a worktree in /work/wt/NAME, the parent of that folder).
_DEFAULT = next(
    (p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
    REPO.parent / "shared",
)
SHARED = Path(os.environ.get("FACTLINT_SHARED", _DEFAULT))
CORPUS = SHARED / "corpus" / "bbc-news-2225"


def articles(limit: int | None) -> list[Path]:
    """The articles, without the dataset's exact duplicates (manifest.tsv column duplicate_of)."""
    duplicates: set[str] = set()
    manifest = CORPUS / "manifest.tsv"
    if manifest.is_file():
        rows = [line.split("\t") for line in manifest.read_text("utf-8").splitlines()]
        column = rows[0].index("duplicate_of")
        duplicates = {row[0] for row in rows[1:] if len(row) > column and row[column]}
    files = sorted(p for p in CORPUS.glob("*.txt") if p.name not in duplicates)
    return files[:limit] if limit else files


def context(doc: Document, start: int, end: int, width: int = 70) -> str:
    left = doc.text[max(0, start - width) : start].replace("\n", " ")
    right = doc.text[end : end + width].replace("\n", " ")
    return f"…{left}[[{doc.text[start:end]}]]{right}…"


Found = list[tuple[Path, Document, Finding]]


def run(dialect: str, files: list[Path]) -> tuple[Found, float, Counter[str]]:
    """Every consistency finding, the total time, and the time spent in each rule."""
    config = FileConfig.model_validate({"dialect": dialect, "select": ["consistency"]})
    linter = Linter(settings_from(config, "<benchmark>", str(CORPUS), Overrides()))
    found: Found = []
    started = time.perf_counter()
    rule_time: Counter[str] = Counter()
    for path in files:
        doc = Document.parse(path.read_text("utf-8"), path.name)
        for rule in linter.rules:
            t = time.perf_counter()
            found += [(path, doc, finding) for finding in rule.check(doc)]
            rule_time[rule.id] += time.perf_counter() - t
    elapsed = time.perf_counter() - started
    return found, elapsed, rule_time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dialect", action="append", choices=["en-GB", "en-US", "auto"])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--rule", help="only sample findings of this rule")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found (set FACTLINT_SHARED)")
        return 0
    files = articles(args.limit)
    for dialect in args.dialect or ["en-GB", "auto"]:
        found, elapsed, rule_time = run(dialect, files)
        with_finding = {path for path, _, _ in found}
        print(f"\n## dialect = {dialect}: {len(files)} articles, {elapsed:.1f} s "
              f"({len(files) / elapsed:.0f} articles/s)")
        print(f"articles with a consistency/* finding: {len(with_finding)} "
              f"({100 * len(with_finding) / len(files):.1f} %)")
        per_rule = Counter(f.rule for _, _, f in found)
        for rule in sorted(rule_time):
            share = len({p for p, _, f in found if f.rule == rule})
            print(f"  {rule:24} {per_rule[rule]:5} findings in {share:4} articles, "
                  f"{1000 * rule_time[rule] / len(files):.2f} ms/article")
        pool = [item for item in found if not args.rule or item[2].rule == args.rule]
        sample = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
        print(f"\n### sample of {len(sample)} findings (seed {args.seed})")
        for i, (path, doc, f) in enumerate(sorted(sample, key=lambda x: (x[0], x[2].offset)), 1):
            print(f"{i:3}. {path.name}:{f.line}:{f.column} {f.rule}: {f.message}")
            print(f"     {context(doc, f.offset, f.end_offset)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
