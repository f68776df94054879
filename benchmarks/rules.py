"""Time per rule (including the shared analysis it is first to use) on corpus articles (not a test): where the time goes.

    python benchmarks/rules.py [--limit N] [--select RULES]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from _shared import corpus_files

from factlint.config import Overrides
from factlint.document import Document
from factlint.engine import Runner
from factlint.errors import FactlintError

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--select", default=None)
    args = parser.parse_args()
    files = corpus_files(args.limit)
    select = tuple(args.select.split(",")) if args.select else None
    linter = Runner(Overrides(dialect="en-GB", select=select)).linter_for(files[0])
    spent: dict[str, float] = defaultdict(float)
    for path in files:
        text = path.read_text("utf-8")
        start = time.perf_counter()
        doc = Document.parse(text, path.name)
        spent["(parse)"] += time.perf_counter() - start
        # Shared analyses are computed lazily: their cost counts against the first rule using them.
        for rule in linter.rules:
            start = time.perf_counter()
            list(rule.check(doc))
            spent[rule.id] += time.perf_counter() - start
    total = sum(spent.values())
    print(f"{len(files)} articles, {total / len(files) * 1000:.2f} ms per article in all")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        if seconds / len(files) >= 0.00001:
            print(f"{seconds / len(files) * 1000:8.3f} ms  {seconds / total:6.1%}  {name}")


if __name__ == "__main__":
    try:
        main()
    except FactlintError as exc:  # e.g. an unknown rule or pack in --select
        raise SystemExit(f"rules.py: {exc}") from None
