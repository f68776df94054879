"""Speed and memory of factlint on the real articles in ../shared/corpus (not a test).

Prints articles/s and words/s (warm, one process, one core), p50/p95 latency per article, peak RSS
after a quarter and after all the files (memory must stay flat), the CLI cold start for one article,
the time for one 200,000-word document (linearity), and, when proselint is installed (pip install
'.[bench]'), proselint's speed on the same articles in the same run.

    python benchmarks/speed.py [--limit N] [--select RULES] [--dialect en-GB]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _shared import bytecode_env, corpus_files

from factlint.config import Overrides
from factlint.engine import Runner

ROOT = Path(__file__).resolve().parents[1]
# Timed commands run with their bytecode compiled once (under the temporary folder), as installed
# packages have it, whatever PYTHONDONTWRITEBYTECODE says; the first run of each compiles it.
ENV = bytecode_env(Path(__import__("tempfile").gettempdir()) / "factlint-bench")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def lint_all(files: list[Path], overrides: Overrides) -> tuple[list[float], int, list[float]]:
    runner = Runner(overrides)
    latencies, words, rss = [], 0, []
    checkpoints = {len(files) // 4, len(files) - 1}
    for i, path in enumerate(files):
        text = path.read_text("utf-8")
        words += len(text.split())
        start = time.perf_counter()
        runner.lint_file(path)
        latencies.append(time.perf_counter() - start)
        if i in checkpoints:
            rss.append(peak_rss_mb())
    return latencies, words, rss


def cold_start(path: Path, select: str | None, runs: int = 7) -> float:
    exe = Path(sys.executable).with_name("factlint")
    cmd = [str(exe), "check", str(path), "-q", "--exit-zero"] + (["--select", select] if select else [])
    subprocess.run(cmd, capture_output=True, check=False, env=ENV)  # compiles the bytecode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def long_document(files: list[Path], overrides: Overrides, words: int = 200_000) -> tuple[int, float, float]:
    """Time one document of ~200k words and one of half that size: the ratio shows linearity."""
    texts, count = [], 0
    for path in files:
        body = path.read_text("utf-8").split("\n", 2)[-1]
        texts.append(body)
        count += len(body.split())
        if count >= words:
            break
    big = "Long read\n\n" + "\n\n".join(texts)
    half = "Long read\n\n" + "\n\n".join(texts[: len(texts) // 2])
    timings = []
    for text in (half, big):
        runner = Runner(overrides)
        from factlint.engine import Source

        start = time.perf_counter()
        runner.lint_source(Source(text), "long.txt", None)
        timings.append(time.perf_counter() - start)
    return count, timings[1], timings[1] / max(timings[0], 1e-9)


def proselint_linter():  # type: ignore[no-untyped-def]
    """A function path -> findings for the installed proselint (0.16 API, or the older lint())."""
    try:
        from proselint.checks import __register__  # type: ignore[import-not-found]
        from proselint.registry import CheckRegistry  # type: ignore[import-not-found]
        from proselint.tools import LintFile  # type: ignore[import-not-found]
    except ImportError:
        try:
            from proselint.tools import lint  # type: ignore[import-not-found]
        except ImportError:
            return None
        return lambda path: lint(path.read_text("utf-8"))
    CheckRegistry().register_many(__register__)
    return lambda path: LintFile(path).lint()


def proselint_rate(files: list[Path]) -> float | None:
    lint = proselint_linter()
    if lint is None:
        return None
    lint(files[0])
    start = time.perf_counter()
    for path in files:
        lint(path)
    return len(files) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--select", default=None, help="comma-separated rules/packs (default: all)")
    parser.add_argument("--dialect", default="en-GB")
    parser.add_argument("--proselint-limit", type=int, default=300)
    parser.add_argument("--cli-only", action="store_true",
                        help="only the one-process CLI comparison with proselint")
    args = parser.parse_args()
    if args.cli_only:
        cli_against_proselint(corpus_files(args.proselint_limit, "bbc-news-2225"))
        return
    files = corpus_files(args.limit)
    select = tuple(args.select.split(",")) if args.select else None
    overrides = Overrides(select=select, dialect=args.dialect)
    warm = Runner(overrides)
    warm.lint_file(files[0])  # load packs and lexicons once, as a long-running CI job would

    started = time.perf_counter()
    latencies, words, rss = lint_all(files, overrides)
    elapsed = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)
    print(f"articles: {len(files)}  words: {words:,}  rules: {args.select or 'all (default config)'}")
    print(f"warm: {len(files) / elapsed:,.0f} articles/s, {words / elapsed:,.0f} words/s (one process)")
    print(f"latency per article: p50 {ms[len(ms) // 2]:.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms,"
          f" max {ms[-1]:.1f} ms")
    print(f"peak RSS: {rss[0]:.0f} MB after {len(files) // 4} files, {rss[-1]:.0f} MB after {len(files)}")
    print(f"CLI cold start, one article: {cold_start(files[0], args.select):.3f} s (median of 7)")
    count, seconds, ratio = long_document(files, overrides)
    print(f"one {count:,}-word document: {seconds:.2f} s (x{ratio:.2f} the time of half of it; 2 = linear)")
    sample = files[: args.proselint_limit]
    rate = proselint_rate(sample)
    if rate is None:
        print("proselint: not installed (pip install '.[bench]') - comparison skipped")
    else:
        start = time.perf_counter()
        for path in sample:
            warm.lint_file(path)
        ours = len(sample) / (time.perf_counter() - start)
        print(f"proselint: {rate:,.1f} articles/s vs factlint {ours:,.1f} on the same {len(sample)}"
              f" articles: factlint x{ours / rate:,.1f}")


def cli_against_proselint(files: list[Path]) -> None:
    """Wall time of one `factlint check` process over the files (start-up included; every built-in
    pack, grammar off) against one `proselint check` process over the same files."""
    import tempfile

    exe = Path(sys.executable).with_name("factlint")
    prose = Path(sys.executable).with_name("proselint")
    if not prose.exists():
        print("proselint CLI: not installed (pip install '.[bench]') - comparison skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "factlint.toml"
        config.write_text('dialect = "en-GB"\n[grammar]\nbackend = "none"\n', "utf-8")
        paths = [str(f) for f in files]
        timings = {}
        for name, cmd in (
            ("factlint", [str(exe), "check", "--config", str(config), "--no-cache", "--jobs", "1",
                          "-q", "--exit-zero", *paths]),  # one process, as the issue states
            ("proselint", [str(prose), "check", *paths]),
        ):
            subprocess.run(cmd[:-len(paths)] + paths[:1], capture_output=True, env=ENV)  # bytecode
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False, env=ENV)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            timings[name] = (wall, cpu)
    (fw, fc), (pw, pc) = timings["factlint"], timings["proselint"]
    print(f"one process over {len(files)} articles, start-up included (all built-in packs, grammar "
          f"off): factlint {fw:.2f} s wall / {fc:.2f} s CPU, proselint {pw:.2f} s wall / {pc:.2f} s "
          f"CPU: factlint x{pw / fw:.1f} faster by wall time, x{pc / fc:.1f} by CPU time "
          "(target >= 3; CPU time is the fair figure on a shared machine)")


if __name__ == "__main__":
    main()
