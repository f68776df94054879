"""Precision of the people rules on unplanted copy (not a test): every Nth corpus article, both sources.

    python benchmarks/references_precision.py [--every 14] [--offset 0] [--out now.jsonl]
        [--baseline before.jsonl]

Lints every Nth article of ../shared/corpus (FACTLINT_SHARED overrides; about 510 articles with the
default 14; --offset starts at another article, so "--every 2" and "--every 2 --offset 1"
cover the corpus) with all built-in packs, grammar off, and counts the findings of references/*,
consistency/name and quotes/unattributed. --out writes each finding with its context as JSON lines;
--baseline reads such a file (from an earlier commit) and prints the findings that are new, to be
judged by hand: published copy has been edited, so a new finding is a false alarm unless a
sub-editor would mark it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from _shared import corpus_files

from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter

ROOT = Path(__file__).resolve().parents[1]
RULES = ("references/", "consistency/name", "quotes/unattributed")


def findings(every: int, offset: int = 0) -> list[dict[str, object]]:
    config = FileConfig.model_validate({"grammar": {"backend": "none"}})
    linter = Linter(settings_from(config, "<bench>", str(ROOT), Overrides()))
    found = []
    for path in corpus_files()[offset::every]:
        text = path.read_text("utf-8")
        for f in linter.lint_document(Document.parse(text, path.name)):
            if f.rule.startswith(RULES):
                context = text[max(0, f.offset - 90) : f.end_offset + 60].replace("\n", " ")
                found.append({"file": path.name, "rule": f.rule, "text": f.text,
                              "offset": f.offset, "context": context, "message": f.message})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=14)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--out")
    parser.add_argument("--baseline")
    args = parser.parse_args()
    now = findings(args.every, args.offset)
    articles = len(corpus_files()[args.offset :: args.every])
    counts = Counter(str(f["rule"]) for f in now)
    print(f"{articles} articles (every {args.every}th): " +
          ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())))
    if args.out:
        Path(args.out).write_text("".join(json.dumps(f) + "\n" for f in now), "utf-8")
    if args.baseline:
        lines = Path(args.baseline).read_text("utf-8").splitlines()
        before = {(f["file"], f["rule"], f["text"]) for f in map(json.loads, lines)}
        new = [f for f in now if (f["file"], f["rule"], f["text"]) not in before]
        gone = len(before - {(f["file"], f["rule"], f["text"]) for f in now})
        print(f"new findings: {len(new)}; findings gone: {gone}")
        for f in new:
            print(f"  {f['file']} {f['rule']} {f['text']!r}: …{f['context']}…")


if __name__ == "__main__":
    sys.exit(main())
