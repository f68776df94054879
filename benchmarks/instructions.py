"""Instructions per article under valgrind (not a test): a noise-free A/B measure for speed work.

Wall-clock figures on a shared 2-core machine vary by 10-20 %, too much to judge a 3 % change.
Callgrind counts instructions, which are the same from run to run. Start-up (imports, packs,
lexicons) is taken out by counting a run over N articles and a run over none, and dividing the
difference by N. Needs valgrind (Debian package ``valgrind``); about a minute for N = 100.

    python benchmarks/instructions.py [--select RULES] [--config FILE] [-n 100]

``--config`` lints with that config file, e.g. the one ``speed.py --cli-only`` writes (every
built-in pack, ``[grammar] backend = "none"``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

from _shared import corpus_files

from factlint.config import Overrides
from factlint.engine import Runner


def lint(select: tuple[str, ...] | None, config: str | None, count: int) -> None:
    """Lint every 17th article (a spread of BBC and Reuters), the first one as a warm-up."""
    files = corpus_files()[::17][: count + 1]
    runner = Runner(Overrides(dialect="en-GB", select=select), config_path=config)
    for path in files:
        runner.lint_file(path)


def instructions(select: str | None, config: str | None, count: int) -> int:
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--inner", str(count),
    ] + (["--select", select] if select else []) + (["--config", config] if config else [])
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    refs = re.search(r"refs:\s*([\d,]+)", result.stderr)
    if refs is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr[-2000:]}")
    return int(refs.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default=None, help="comma-separated rules/packs")
    parser.add_argument("--config", default=None, help="config file to lint with")
    parser.add_argument("-n", type=int, default=100, help="articles to count (default 100)")
    parser.add_argument("--inner", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    select = tuple(args.select.split(",")) if args.select else None
    if args.inner is not None:  # the run valgrind watches
        lint(select, args.config, args.inner)
        return
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed (apt-get install valgrind)")
        return
    config = str(Path(args.config).resolve()) if args.config else None
    count, none = instructions(args.select, config, args.n), instructions(args.select, config, 0)
    print(f"{(count - none) / args.n / 1e6:.2f} million instructions per article "
          f"({args.select or args.config or 'default rules'}, {args.n} articles)")


if __name__ == "__main__":
    main()
