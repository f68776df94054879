"""The CI gate at archive scale (not a test): parallel speed-up, peak memory, warm cache, one
changed article, and cold start, on the real articles in ../shared/corpus.

The articles are copied to a temporary folder outside the project (one of them is edited there),
every figure comes from the `factlint` command itself, run as a new process, and the peak
memory is the largest resident set of that process and its workers (RUSAGE_CHILDREN).

    nice -n 10 python benchmarks/gate.py [--limit N] [--ignore grammar,spelling] [--skip-serial]
    nice -n 10 python benchmarks/gate.py --cold-only [--limit N]   (the two cold starts alone)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _shared import bytecode_env, corpus_files

FACTLINT = Path(sys.executable).with_name("factlint")
ENV: dict[str, str] | None = None  # bytecode_env of the run's folder (main)


def measure(cmd: list[str], cwd: Path) -> dict[str, float]:
    """Run ``cmd`` in a fresh helper process: wall and CPU seconds (all its processes), peak MB of
    any one process, exit code."""
    helper = [sys.executable, __file__, "--measure", json.dumps(cmd)]
    out = subprocess.run(helper, cwd=cwd, capture_output=True, text=True, check=True,
                         env=ENV).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _measure_here(cmd: list[str]) -> None:
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd}: exit {proc.returncode}: {proc.stderr[-500:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The load average before and after: a run beside other work is not a quiet-machine figure.
    load = max(load_before, os.getloadavg()[0])
    print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                      "peak_mb": usage.ru_maxrss / 1024, "rc": proc.returncode, "load": load}))


def check(*args: str) -> list[str]:
    return [str(FACTLINT), "check", "corpus", "--format", "json", "--no-progress", *args]


def sample(limit: int | None, folder: Path) -> list[Path]:
    files = corpus_files()
    if limit:
        files = sorted(random.Random(13).sample(files, min(limit, len(files))))
    copies = []
    for path in files:
        target = folder / "corpus" / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        copies.append(target)
    return copies


def cold_start(folder: Path, extra: list[str], runs: int = 5) -> tuple[float, float]:
    """Best of ``runs`` (wall, CPU seconds): `factlint check one.md` with an empty cache."""
    wall = cpu = float("inf")
    for i in range(runs):
        cache = folder / f"cold-cache-{i}"
        cmd = [str(FACTLINT), "check", "one.md", "-q", "--exit-zero", "--cache-dir", str(cache), *extra]
        row = measure(cmd, folder)
        wall, cpu = min(wall, row["seconds"]), min(cpu, row["cpu"])
        shutil.rmtree(cache, ignore_errors=True)
    return wall, cpu


def report_cold_starts(folder: Path, article: Path) -> None:
    """The cold start of `factlint check one.md` (``article``'s text), grammar off and on."""
    (folder / "one.md").write_text(article.read_text("utf-8"), "utf-8")
    for label, flags in (("off", ["--ignore", "grammar,spelling"]), ("on", [])):
        wall, cpu = cold_start(folder, flags)
        print(f"cold start, one.md, grammar {label}: {wall:.2f} s wall, {cpu:.2f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500, help="articles (0: the whole corpus)")
    parser.add_argument("--ignore", default="", help="rules or packs off (default: none)")
    parser.add_argument("--skip-serial", action="store_true", help="no --jobs 1 run")
    parser.add_argument("--cold-only", action="store_true",
                        help="only the two cold starts of `factlint check one.md`")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure_here(json.loads(args.measure))
        return
    extra = ["--ignore", args.ignore] if args.ignore else []
    with tempfile.TemporaryDirectory(prefix="factlint-gate-") as tmp:
        folder = Path(tmp)
        global ENV
        ENV = bytecode_env(folder)
        files = sample(args.limit or None, folder)
        warm_up = [str(FACTLINT), "check", str(files[0]), "--no-cache", "--exit-zero"]
        subprocess.run(warm_up, env=ENV, capture_output=True)  # compiles the bytecode once
        print(f"{len(files)} articles, config: default{' minus ' + args.ignore if args.ignore else ''}")
        if args.cold_only:
            report_cold_starts(folder, files[0])
            return
        rows: dict[str, dict[str, float]] = {}
        if not args.skip_serial:
            rows["cold, --jobs 1"] = measure(check("--jobs", "1", "--cache-dir", "cache1", *extra), folder)
        rows["cold, --jobs 2"] = measure(check("--jobs", "2", "--cache-dir", "cache", *extra), folder)
        rows["warm, nothing changed"] = measure(check("--jobs", "2", "--cache-dir", "cache", *extra), folder)
        edited = files[len(files) // 2]
        edited.write_text(edited.read_text("utf-8") + "\nThe defense review is expected next month.\n", "utf-8")
        rows["warm, one article changed"] = measure(check("--cache-dir", "cache", *extra), folder)
        alone = [str(FACTLINT), "check", str(edited), "--no-cache", "-q", "--exit-zero", *extra]
        rows["that article alone (cold process)"] = measure(alone, folder)
        for name, row in rows.items():
            print(f"{name:<36} {row['seconds']:8.2f} s wall {row['cpu']:8.2f} s CPU   "
                  f"peak {row['peak_mb']:5.0f} MB   exit {row['rc']:.0f}   load {row['load']:.1f}")
        if "cold, --jobs 1" in rows:
            ratio = rows["cold, --jobs 1"]["seconds"] / rows["cold, --jobs 2"]["seconds"]
            print(f"speed-up of --jobs 2 over --jobs 1: x{ratio:.2f}")
        report_cold_starts(folder, files[0])


if __name__ == "__main__":
    main()
