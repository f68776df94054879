"""Grammar benchmark: what the Harper pass costs, and which Harper rules are noisy on news copy.

    python benchmarks/grammar.py                 # speed: grammar on vs off, cold start
    python benchmarks/grammar.py --parts         # Harper's cost: parse, grammar rules, spelling
    python benchmarks/grammar.py --noise         # lints per Harper rule, house defaults ignored

Reads ../shared/corpus (FACTLINT_SHARED overrides the shared folder) and skips cleanly without it.
Targets (issue 5): the Harper pass costs at most 2x the rest of factlint; cold start < 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The repo's sibling shared/ (for a worktree in /work/wt/NAME, the one beside /work/wt).
SHARED = Path(
    os.environ.get("FACTLINT_SHARED")
    or next(
        (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
        ROOT.parent / "shared",
    )
)
CORPUS = SHARED / "corpus"
SEED = ROOT / "fixtures" / "seed" / "article.txt"
DIALECTS = ("en-GB", "en-US")
# An unknown word with no near match: Harper's first such word in a process costs it ~0.9 s (it
# sets up a deeper suggestion search), a one-time cost, kept out of the per-article figures.
NO_NEAR_MATCH = "Kwasniewskii"


def sample(n: int, seed: int) -> list[tuple[Path, str]]:
    """(article, dialect): BBC in en-GB and Reuters in en-US, in a fixed random order."""
    bbc = sorted((CORPUS / "bbc-news-2225").glob("*.txt"))
    reuters = sorted((CORPUS / "reuters21578-prose").glob("*.txt"))
    rng = random.Random(seed)
    half = n // 2
    picked = [(p, "en-GB") for p in rng.sample(bbc, min(half, len(bbc)))]
    picked += [(p, "en-US") for p in rng.sample(reuters, min(n - half, len(reuters)))]
    rng.shuffle(picked)
    return picked


def lint_all(articles: list[tuple[Path, str]], grammar: bool) -> list[float]:
    from factlint.config import Overrides
    from factlint.engine import Runner

    ignore = () if grammar else ("grammar", "spelling")
    runners = {d: Runner(Overrides(dialect=d, ignore=ignore)) for d in ("en-GB", "en-US")}
    times = []
    for path, dialect in articles:
        start = time.perf_counter()
        runners[dialect].lint_file(path)
        times.append(time.perf_counter() - start)
    return times


def cold_start(grammar: bool, draft: Path) -> float:
    """Wall time of one `factlint check` process on one draft (best of 3)."""
    args = [sys.executable, "-m", "factlint", "check", "--exit-zero", "-q", str(draft)]
    if not grammar:
        args += ["--ignore", "grammar,spelling"]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def warm_up() -> None:
    """Build each dialect's Harper linters and Harper's deeper search (cold start covers them)."""
    from factlint import lint_text
    from factlint.config import Overrides
    from factlint.engine import Runner

    for dialect in DIALECTS:
        Runner(Overrides(dialect=dialect)).lint_file(SEED)
        lint_text(f"{NO_NEAR_MATCH} spoke on Monday.", overrides=Overrides(dialect=dialect))


def speed(n: int, seed: int) -> None:
    articles = sample(n, seed)
    warm_up()
    off = lint_all(articles, grammar=False)
    on = lint_all(articles, grammar=True)  # Harper sees each article for the first time here
    total_off, total_on = sum(off), sum(on)
    harper_cost = total_on - total_off
    print(f"articles: {len(articles)} (BBC en-GB + Reuters en-US), seed {seed}")
    mean_off, mean_on = statistics.mean(off) * 1000, statistics.mean(on) * 1000
    p90 = sorted(on)[int(len(on) * 0.9)] * 1000
    print(f"grammar off: {len(off) / total_off:8.1f} articles/s   mean {mean_off:6.1f} ms")
    print(
        f"grammar on:  {len(on) / total_on:8.1f} articles/s   mean {mean_on:6.1f} ms"
        f"   p90 {p90:6.1f} ms   max {max(on) * 1000:6.1f} ms"
    )
    print(f"Harper share of the time with grammar on: {harper_cost / total_on:.0%}")
    ratio = harper_cost / total_off
    print(
        f"Harper pass vs the rest of factlint: {ratio:.2f}x  (target <= 2x: "
        f"{'met' if ratio <= 2 else 'NOT met'})"
    )
    cold_on, cold_off = cold_start(True, SEED), cold_start(False, SEED)
    print(
        f"cold start, seed draft: grammar on {cold_on:.2f} s (target < 1.5 s: "
        f"{'met' if cold_on < 1.5 else 'NOT met'}), grammar off {cold_off:.2f} s"
    )
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "draft.txt"
        draft.write_text(SEED.read_text("utf-8") + f"\n{NO_NEAR_MATCH} declined to comment.\n")
        print(
            f"cold start, seed draft + an unknown word with no near match ({NO_NEAR_MATCH}): "
            f"grammar on {cold_start(True, draft):.2f} s"
        )


def parts(n: int, seed: int) -> None:
    """Harper's cost per article in three steps, each in a fresh process (cold for the articles)."""
    print(f"Harper alone on {n} articles (seed {seed}), ms per article, after warm-up:")
    steps = (
        ("parse", "every Harper rule off: Harper's parse of the text"),
        ("grammar", "+ the grammar rules on by default"),
        ("engine", "+ the spell check: the whole engine, as factlint runs it"),
    )
    for step, label in steps:
        best = min(harper_step(step, n, seed) for _ in range(3))
        print(f"  {best:6.1f}  {label}")


def harper_step(step: str, n: int, seed: int) -> float:
    args = [sys.executable, __file__, "--step", step, "-n", str(n), "--seed", str(seed)]
    out = subprocess.run(args, check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def time_step(step: str, n: int, seed: int) -> None:
    """Print the ms per article of one step of `parts` (runs in its own process)."""
    import harper

    from factlint.config import FileConfig, HarperConfig, Overrides, settings_from
    from factlint.document import Document
    from factlint.engines import Text, spelling_exemptions
    from factlint.engines.harper import HarperEngine

    engines = {d: HarperEngine(d, HarperConfig()) for d in DIALECTS}
    for engine in engines.values():
        if step != "engine":
            engine.speller = None
        if step == "parse":
            engine.linter.set_lint_config(dict.fromkeys(harper.get_default_lint_config(), False))
        engine.check([Text(SEED.read_text("utf-8") + f" {NO_NEAR_MATCH} spoke.", False)])
    work = []
    for path, dialect in sample(n, seed):
        doc = Document.parse(path.read_text("utf-8"), str(path))
        settings = settings_from(FileConfig(), "<benchmark>", str(ROOT), Overrides(dialect=dialect))
        texts = [Text(s.text, s.kind != "prose") for s in doc.segments if s.text.strip()]
        work.append((engines[dialect], texts, spelling_exemptions(doc, settings)))
    start = time.perf_counter()
    for engine, texts, exempt in work:
        engine.check(texts, exempt)
    print((time.perf_counter() - start) / len(work) * 1000)


def noise(n: int, seed: int) -> None:
    """Lints per Harper rule with every default Harper rule on (the house list ignored)."""
    import harper

    from factlint.document import Document
    from factlint.engines.harper import NEWS_DISABLED, harper_dialect

    linters = {d: harper.Linter(harper_dialect(d)) for d in ("en-GB", "en-US")}
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    articles = sample(n, seed)
    for path, dialect in articles:
        doc = Document.parse(path.read_text("utf-8"), str(path))
        for segment in doc.segments:
            linter = linters[dialect]
            lints = linter.organized_lints(segment.text, language=harper.Language.PLAINTEXT)
            for rule, found in lints.items():
                for lint in found:
                    counts[rule] += 1
                    if len(examples[rule]) < 2:
                        fixes = [s.replacement_text for s in lint.suggestions[:2]]
                        examples[rule].append(f"{path.name}: {lint.problem_text!r} -> {fixes}")
    print(f"lints per Harper rule over {len(articles)} articles (SpellCheck before name filtering)")
    for rule, count in counts.most_common():
        mark = "off by default" if rule in NEWS_DISABLED else ""
        print(f"{count:6d}  {rule:28s} {mark}")
        for example in examples[rule]:
            print(f"{'':8s}{example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="articles to lint (default 300)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--noise", action="store_true", help="count lints per Harper rule")
    parser.add_argument("--parts", action="store_true", help="split Harper's cost in three")
    parser.add_argument("--step", help=argparse.SUPPRESS)  # one step of --parts
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: no corpus at {CORPUS} (set FACTLINT_SHARED)")
        return
    sys.path.insert(0, str(ROOT))
    if args.step:
        time_step(args.step, args.n, args.seed)
    else:
        (noise if args.noise else parts if args.parts else speed)(args.n, args.seed)


if __name__ == "__main__":
    main()
