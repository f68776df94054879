"""A long run of the property tests over random drafts (not a test; results in docs/robustness.md).

    python benchmarks/fuzz.py [--examples N] [--grammar-examples N] [--seed S]

The same properties as tests/test_properties.py (tests/properties.py): linting never raises or
reports meta/rule-error, every finding lies inside the text at its exact span, and fixing twice
gives what fixing once gave. Hypothesis generates and, on a failure, shrinks the draft to a
minimal one, which it prints. atheris (coverage-guided) needs a libFuzzer-enabled clang to
build; hypothesis with many examples needs nothing more than the test extra.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.properties import check_draft, drafts, names, runner  # noqa: E402


def run(examples: int, grammar: bool, seed: int) -> None:
    lint = runner(grammar)
    count = 0

    @settings(max_examples=examples, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(text=drafts, name=names)
    def prop(text: str, name: str) -> None:
        nonlocal count
        count += 1
        check_draft(lint, text, name)

    start = time.perf_counter()
    prop._hypothesis_internal_use_seed = seed  # type: ignore[attr-defined]
    prop()
    label = "grammar on" if grammar else "grammar off"
    print(f"{label}: {count} drafts, no property broken, {time.perf_counter() - start:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--grammar-examples", type=int, default=500)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    print(f"seed {args.seed}")
    run(args.examples, False, args.seed)
    if args.grammar_examples:
        run(args.grammar_examples, True, args.seed)


if __name__ == "__main__":
    main()
