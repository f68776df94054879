"""Grammar benchmark: what the Harper pass costs, and which Harper rules are noisy on news copy.

    python benchmarks/grammar.py                 # speed: grammar on vs off, cold start
    python benchmarks/grammar.py --parts         # Harper's cost: parse, grammar rules, spelling
    python benchmarks/grammar.py --noise         # lints per Harper rule, house defaults ignored
    python benchmarks/grammar.py --lt-noise [--house]  # findings per LanguageTool rule
    python benchmarks/grammar.py --planted       # recall on planted newsroom errors, false alarms
    python benchmarks/grammar.py --planted -n 200 --dump F  # ... and every case and finding to F
    python benchmarks/grammar.py --engines       # factlint vs Harper alone vs the LT server
    python benchmarks/grammar.py --house-hits -n 7000  # factlint's own grammar rules, in context

Reads ../shared/corpus (FACTLINT_SHARED overrides the shared folder) and skips cleanly without it.
Targets (issue 5): the Harper pass costs at most 2x the rest of factlint; cold start < 1.5 s.
"""

from __future__ import annotations

import argparse
import json
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


def lt_noise(n: int, seed: int, house: bool) -> None:
    """Findings per LanguageTool rule on published copy (picky off); ``house``: with the house
    defaults, else with them ignored."""
    from factlint.config import Overrides
    from factlint.engine import Runner
    from factlint.engines import languagetool

    if not house:
        languagetool.NEWS_DISABLED_RULES = {}
        languagetool.NEWS_DISABLED_CATEGORIES = {}
        languagetool.NEWS_DISABLED_PREFIXES = {}
        languagetool.NEWS_DISABLED_SUFFIXES = {}
    words = 0
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    articles = sample(n, seed)
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / ".factlint.toml"
        config.write_text('[grammar]\nbackend = "languagetool"\n', "utf-8")
        runners = {
            d: Runner(Overrides(dialect=d, select=("grammar", "spelling")), config_path=str(config))
            for d in DIALECTS
        }
        for path, dialect in articles:
            text = path.read_text("utf-8")
            words += len(text.split())
            for finding in runners[dialect].lint_file(path).findings:
                rule = finding.rule.removeprefix("grammar/lt:")
                if rule == "spelling/unknown-word":
                    rule += f" ({path.parent.name[:3]}) {finding.text}"
                counts[rule] += 1
                if len(examples[rule]) < 3:
                    context = text[max(0, finding.offset - 30) : finding.end_offset + 30]
                    fix = finding.suggestions[:1]
                    examples[rule].append(f"{path.name}: ...{' '.join(context.split())}... {fix}")
    grammar = sum(c for r, c in counts.items() if not r.startswith("spelling/"))
    print(
        f"findings per LanguageTool rule over {len(articles)} articles, {words} words "
        f"(house lists {'on' if house else 'ignored'}): grammar {grammar} "
        f"({grammar / words * 1000:.2f} per 1,000 words), unknown words "
        f"{sum(counts.values()) - grammar}"
    )
    for rule, count in counts.most_common():
        print(f"{count:6d}  {rule}")
        for example in examples[rule]:
            print(f"{'':8s}{example}")


def house_hits(n: int) -> None:
    """Every finding of factlint's own grammar rules (backend none) on up to n corpus articles
    outside the --planted false-alarm sample, in context: each one is a real error or not."""
    from factlint.config import Overrides
    from factlint.engine import Runner

    held = {path for path, _ in sample(200, 11)}
    articles = [a for a in sample(10_000, 3) if a[0] not in held][:n]
    found = 0
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "none.toml"
        config.write_text('[grammar]\nbackend = "none"\n', "utf-8")
        runners = {d: Runner(Overrides(dialect=d, select=("grammar",)), config_path=str(config))
                   for d in DIALECTS}
        for path, dialect in articles:
            text = path.read_text("utf-8")
            for f in runners[dialect].lint_file(path).findings:
                found += 1
                context = " ".join(text[max(0, f.offset - 40) : f.end_offset + 30].split())
                print(f"{f.rule:32s} {path.name}: ...{context}... -> {f.suggestions}")
    print(f"{found} findings of factlint's own grammar rules in {len(articles)} articles")


def bbc(n: int, seed: int) -> list[Path]:
    files = sorted((CORPUS / "bbc-news-2225").glob("*.txt"))
    return random.Random(seed).sample(files, min(n, len(files)))


def engines_speed(n: int, seed: int) -> None:
    """factlint with each engine vs that engine alone on the same n BBC articles (en-GB)."""
    paths = bbc(n, seed)

    def step(name: str) -> list[float]:
        args = [sys.executable, __file__, "--speed-step", name, "-n", str(n), "--seed", str(seed)]
        out = subprocess.run(args, check=True, capture_output=True, text=True)
        return [float(x) for x in out.stdout.split()]

    alone = min(step("harper-alone")[0] for _ in range(2))
    full = min(step("factlint-harper")[0] for _ in range(2))
    grammar = min(step("factlint-harper-grammar")[0] for _ in range(2))
    print(f"{len(paths)} BBC articles (seed {seed}), en-GB, each engine cold for the texts:")
    print(f"  Harper alone (harper-py, default rules, whole text): {alone:7.2f} s")
    print(f"  factlint, all rules, Harper:                         {full:7.2f} s  "
          f"= {full / alone:.2f}x Harper alone (target <= 1.25x)")
    print(f"  factlint, grammar and spelling rules only, Harper:   {grammar:7.2f} s  "
          f"= {grammar / alone:.2f}x")
    startup, direct, through = step("lt")
    print(f"  LanguageTool server start-up (to ready, plus the first check): {startup:6.1f} s")
    print(f"  LanguageTool server alone, the same requests sent directly:  {direct:7.2f} s")
    print(f"  factlint, all rules, LanguageTool:                            {through:7.2f} s  "
          f"= {through / direct:.2f}x the server's own time (target <= 1.25x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="articles to lint (default 300)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--noise", action="store_true", help="count lints per Harper rule")
    parser.add_argument("--parts", action="store_true", help="split Harper's cost in three")
    parser.add_argument("--lt-noise", action="store_true", help="count findings per LT rule")
    parser.add_argument("--house", action="store_true", help="--lt-noise with the house lists")
    parser.add_argument("--planted", action="store_true", help="recall on planted errors")
    parser.add_argument("--house-hits", action="store_true",
                        help="findings of factlint's own grammar rules on the corpus, in context")
    parser.add_argument("--per-type", type=int, default=40, help="--planted cases per type")
    parser.add_argument("--engine", action="append",
                        help="--planted: harper, languagetool, none (factlint's own rules only)")
    parser.add_argument("--dump", help="--planted: write every case and finding to this file")
    parser.add_argument("--fa-seed", type=int, default=11,
                        help="--planted: the seed of the untouched sample (11: the docs' figures)")
    parser.add_argument("--lt-enable", default="",
                        help="--planted: LanguageTool rules to enable too (comma-separated)")
    parser.add_argument("--undated", action="store_true",
                        help="--planted: check the untouched articles without their dates")
    parser.add_argument("--engines", action="store_true", help="speed against the engines alone")
    parser.add_argument("--speed-step", help=argparse.SUPPRESS)  # one step of --engines
    parser.add_argument("--step", help=argparse.SUPPRESS)  # one step of --parts
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: no corpus at {CORPUS} (set FACTLINT_SHARED)")
        return
    sys.path.insert(0, str(ROOT))
    if args.step:
        time_step(args.step, args.n, args.seed)
    elif args.speed_step:
        from grammar_planted import speed as speed_step

        speed_step(bbc(args.n, args.seed), args.speed_step)
    elif args.house_hits:
        house_hits(args.n)
    elif args.engines:
        engines_speed(args.n, args.seed)
    elif args.planted:
        from grammar_planted import ENGINES, planted

        # plant into every article (seed 1); false alarms on a sample the defaults were not
        # measured on (seed 11, not the --lt-noise/--noise seed 5)
        everything = sample(10_000, 1)
        enable = [r for r in args.lt_enable.split(",") if r]
        extra = f"[grammar.languagetool]\nenable = {json.dumps(enable)}\n" if enable else ""
        planted(everything, sample(args.n, args.fa_seed), args.per_type, args.seed,
                tuple(args.engine or ENGINES), args.dump, extra, not args.undated)
    else:
        if args.lt_noise:
            lt_noise(args.n, args.seed, args.house)
        else:
            (noise if args.noise else parts if args.parts else speed)(args.n, args.seed)


if __name__ == "__main__":
    main()
