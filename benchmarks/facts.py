"""Quote verification speed on long sources (not a test).

Builds a source transcript of N words from the real articles in ../shared/corpus (set
FACTLINT_SHARED; skipped cleanly when absent), draws quotations from it (exact, with an ellipsis
gap, with a [bracketed] insertion, with one word changed, and sentences that are not in it), and
measures: the time to index the source (once per run), the time per quotation, and whether each
verdict is the expected one. Run at 25k, 50k, 100k and 200k words: index time grows linearly with
N, per-quotation time must stay roughly flat (no quotation is compared with the whole source).

    python benchmarks/facts.py [--words 100000] [--quotes 300]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from _shared import corpus_files

from factlint.analysis.quotes import Quotation
from factlint.facts.sources import build
from factlint.facts.verify import verify


def source_text(files: list, words: int) -> str:
    parts: list[str] = []
    count = 0
    for path in files:
        body = path.read_text("utf-8").split("\n", 2)[-1].strip()  # headline, blank line, prose
        parts.append(body)
        count += len(body.split())
        if count >= words:
            break
    return " ".join("\n\n".join(parts).split(" ")[:words])


def make_quotes(text: str, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(quotation, expected status) drawn from the source, a fifth of each kind."""
    words = text.split()
    quotes = []
    for k in range(n):
        length = rng.randint(8, 24)
        start = rng.randrange(0, len(words) - length - 40)
        chunk = words[start : start + length]
        kind = k % 5
        if kind == 0:
            quotes.append((" ".join(chunk), "verified"))
        elif kind == 1:  # a cut of a few words, marked with an ellipsis
            cut = rng.randint(3, 12)
            tail = words[start + length + cut : start + length + cut + 6]
            quotes.append((" ".join(chunk) + " … " + " ".join(tail), "verified"))
        elif kind == 2:  # an editorial insertion for the first word
            quotes.append(("[they] " + " ".join(chunk[1:]), "verified"))
        elif kind == 3:  # one word changed in the middle
            changed = list(chunk)
            changed[length // 2] = "flibbertigibbet"
            quotes.append((" ".join(changed), "mismatch"))
        else:  # words from the source in an order it never has
            sample = rng.sample(words, length)
            quotes.append((" ".join(sample), "unverified"))
    return quotes


def run(files: list, words: int, n: int) -> None:
    text = source_text(files, words)
    real = len(text.split())
    started = time.perf_counter()
    source = build("transcript.txt", text)
    index_s = time.perf_counter() - started
    quotes = make_quotes(text, n, random.Random(words))
    times, right = [], 0
    for body, expected in quotes:
        quotation = Quotation(0, 0, len(body) + 2, 0, len(body) + 2, f"“{body}”")
        started = time.perf_counter()
        status = verify(quotation, [source]).status
        times.append(time.perf_counter() - started)
        # "truncated" is a verified match followed by a qualifier in the source: also right.
        right += status == expected or (expected == "verified" and status == "truncated")
    times.sort()
    print(
        f"{real:>7} words: index {index_s * 1000:7.1f} ms | per quotation p50 "
        f"{statistics.median(times) * 1000:6.2f} ms, "
        f"p95 {times[int(0.95 * len(times))] * 1000:6.2f}"
        f" ms, max {times[-1] * 1000:6.2f} ms | verdicts as expected {right}/{len(quotes)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=0, help="one size only (default: a series)")
    parser.add_argument("--quotes", type=int, default=300)
    args = parser.parse_args()
    files = corpus_files()
    for words in [args.words] if args.words else [25_000, 50_000, 100_000, 200_000]:
        run(files, words, args.quotes)


if __name__ == "__main__":
    main()
