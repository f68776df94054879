"""Recall of planted typos by spelling/unknown-word on real articles (not a test).

In each sampled article of ../shared/corpus (FACTLINT_SHARED overrides; skips cleanly without it),
one common lower-case word of the body (Zipf frequency >= 4, five letters or more) gets one slip:
two neighbouring letters swapped, or one letter dropped. Each copy is linted with the spelling
rule alone (BBC in en-GB, Reuters in en-US), with the slip test (the default) and without it
(likely_slips = false: every unknown word Harper reports), and the planted word counts as caught
when a spelling/unknown-word finding covers it. A slip that makes a real word ("form" -> "from")
no spell checker can catch: those are the plants Harper does not flag, shown apart.

    python benchmarks/typos.py [--limit 200] [--seed 12]

Aim: the slip test keeps at least 0.95 of the planted typos Harper alone catches.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from _shared import corpus_files

from factlint.analysis.typos import zipf
from factlint.config import FileConfig, Overrides, settings_from
from factlint.document import Document
from factlint.engine import Linter

ROOT = Path(__file__).resolve().parents[1]
RUNS = (("bbc-news-2225", "en-GB"), ("reuters21578-prose", "en-US"))
RULE = "spelling/unknown-word"
CANDIDATE = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")
COMMON = 4.0


def slip(word: str, kind: str, rng: random.Random) -> str:
    """The word with two neighbouring letters swapped or one letter dropped (never the first)."""
    if kind == "swap":
        places = [i for i in range(1, len(word) - 1) if word[i] != word[i + 1]]
        i = rng.choice(places)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    i = rng.randrange(1, len(word))
    return word[:i] + word[i + 1 :]


def plant(text: str, kind: str, rng: random.Random) -> tuple[str, int, int] | None:
    """A copy of the text with one slip planted after its first line, and the slip's span."""
    body = text.find("\n") + 1
    words = [m for m in CANDIDATE.finditer(text, body) if zipf(m.group()) >= COMMON]
    if not words:
        return None
    target = rng.choice(words)
    new = slip(target.group(), kind, rng)
    copy = text[: target.start()] + new + text[target.end() :]
    return copy, target.start(), target.start() + len(new)


def linter(dialect: str, slips: bool) -> Linter:
    config = FileConfig.model_validate(
        {"dialect": dialect, "rules": {RULE: {"likely_slips": slips}}}
    )
    return Linter(settings_from(config, "<bench>", str(ROOT), Overrides(select=("spelling",))))


def caught(linter: Linter, copy: str, start: int, end: int, name: str) -> bool:
    found = linter.lint_document(Document.parse(copy, name))
    return any(f.rule == RULE and f.offset <= start and end <= f.end_offset for f in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="articles per source")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--show", action="store_true", help="print the typos the slip test drops")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for source, dialect in RUNS:
        files = corpus_files(None, source)
        files = sorted(rng.sample(files, min(args.limit, len(files))))
        with_test, harper_only = linter(dialect, True), linter(dialect, False)
        counts: Counter[str] = Counter()
        for n, path in enumerate(files):
            kind = ("swap", "drop")[n % 2]
            planted = plant(path.read_text("utf-8"), kind, rng)
            if planted is None:
                continue
            counts[kind] += 1
            if caught(harper_only, *planted, path.name):
                counts[f"{kind} harper"] += 1
                kept = caught(with_test, *planted, path.name)
                counts[f"{kind} kept"] += kept
                if args.show and not kept:
                    copy, start, end = planted
                    print(f"   dropped {path.name}: {copy[start:end]!r} in …{copy[start - 30 : end + 30]!r}…")
        print(f"## {source} ({dialect}): {len(files)} articles")
        for kind in ("swap", "drop"):
            total, harper, kept = counts[kind], counts[f"{kind} harper"], counts[f"{kind} kept"]
            print(f"   {kind}: {total} planted; Harper flags {harper} ({harper / max(total, 1):.3f}; "
                  f"the rest are real words); the slip test keeps {kept} "
                  f"({kept / max(harper, 1):.3f} of those, {kept / max(total, 1):.3f} of all)")


if __name__ == "__main__":
    main()
