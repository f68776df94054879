"""Wall-clock scaling of hostile draft shapes (not a test; tests/test_linear.py counts calls).

    python benchmarks/scaling.py [--base N]

Lints each shape at N, 2N and 4N units (grammar off: the engine limits keep Harper's share
bounded, docs/limits.md) and prints the seconds and the ratio per doubling: about 2 is linear,
about 4 quadratic. Unlike the call counts of the test suite, this also catches one built-in call
doing work that grows with the text (a slice or a regex scan per quotation).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factlint.config import Overrides  # noqa: E402
from factlint.engine import Runner, Source  # noqa: E402
from tests.test_linear import SHAPES  # noqa: E402


def seconds(runner: Runner, text: str) -> float:
    start = time.perf_counter()
    runner.lint_source(Source(text), "draft.txt", None)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=int, default=2000)
    args = parser.parse_args()
    runner = Runner(Overrides(dialect="en-GB", ignore=("grammar", "spelling")))
    seconds(runner, "Warm up. “The end,” he said.\n")
    print("| Shape | characters at 4N | N | 2N | 4N | ratio per doubling |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, make in SHAPES.items():
        times = [seconds(runner, make(args.base * k)) for k in (1, 2, 4)]
        ratio = (times[2] / times[0]) ** 0.5 if times[0] else float("nan")
        size = len(make(args.base * 4))
        print(f"| {name} | {size:,} | {times[0]:.2f} s | {times[1]:.2f} s | {times[2]:.2f} s "
              f"| x{ratio:.2f} |")


if __name__ == "__main__":
    main()
