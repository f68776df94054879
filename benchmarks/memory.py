"""Peak memory of one `factlint check` over the corpus (not a test).

    python benchmarks/memory.py [--every K] [--ignore RULES] [--dialect D] [--jobs N]

Runs the real command line once, in a child process, over every K-th article of ../shared/corpus
(default: all 7,148) with the default configuration (grammar on, dialect auto, one worker per CPU;
``--dialect`` and ``--jobs`` override them) and prints the largest process's
peak resident memory (``ru_maxrss`` of RUSAGE_CHILDREN), the files linted and the wall time. Run
it with ``nice -n 10``: with grammar on, the whole corpus takes about ten minutes. Memory must stay
flat in the number of files: compare ``--every 4`` with the whole corpus.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _shared import corpus_files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--every", type=int, default=1, help="lint every K-th article")
    parser.add_argument("--ignore", default="", help="rules or packs to ignore (e.g. grammar)")
    parser.add_argument("--dialect", default="", help="pin a dialect (default: the config's auto)")
    parser.add_argument("--jobs", default="", help="worker processes (default: one per CPU)")
    args = parser.parse_args()
    files = corpus_files()[:: args.every]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(str(f) for f in files))
    options = [*(["--ignore", args.ignore] if args.ignore else []),
               *(["--dialect", args.dialect] if args.dialect else []),
               *(["--jobs", args.jobs] if args.jobs else [])]
    command = [sys.executable, "-c", CHILD, listing.name, *options]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    Path(listing.name).unlink()
    if proc.returncode not in (0, 1):
        sys.exit(f"factlint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    summary = json.loads(proc.stdout)["summary"]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"files linted: {summary['files']} (every {args.every}th of {len(corpus_files())})")
    print(f"findings: {summary['findings']}")
    print(f"ignored: {args.ignore or 'nothing (default configuration, grammar on)'}")
    print(f"dialect: {args.dialect or 'auto (default)'}; jobs: {args.jobs or 'one per CPU (default)'}")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    print(f"wall time: {elapsed:.0f} s")


# The child runs `factlint check` on the listed files through the console entry point, so the
# measured process is exactly the command line (the file list is too long for argv).
CHILD = """
import sys
from factlint.cli import main
files = open(sys.argv[1]).read().split("\\n")
sys.argv = ["factlint", "check", *files, "--format", "json", "--no-cache", *sys.argv[2:]]
main()
"""


if __name__ == "__main__":
    main()
