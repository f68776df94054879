"""Results held for the report are pickled (memory flat) and read back unchanged."""

from __future__ import annotations

import pickle
from pathlib import Path

from factlint.config import Overrides
from factlint.engine import Runner
from factlint.packed import PackedResults
from gate_drafts import FLOODS


def test_a_packed_result_reads_back_with_the_same_findings_and_lines(tmp_path: Path) -> None:
    draft = tmp_path / "floods.txt"
    draft.write_text(FLOODS, "utf-8")
    result = Runner(Overrides(ignore=("grammar", "spelling")), None).lint_file(draft)
    result.extra = {}
    result.compact()
    packed = PackedResults()
    packed.append(result)
    back = packed[0]
    assert len(packed) == 1 and back is not result
    assert back.findings == result.findings and back.findings
    assert back.lines == result.lines and [r.path for r in packed] == [result.path]
    assert len(pickle.dumps(result)) < 20_000  # what a compacted article costs held packed


def test_a_result_from_the_cache_is_held_as_it_is_and_counted_for_the_exit_code(
        tmp_path: Path) -> None:
    draft = tmp_path / "floods.txt"
    draft.write_text(FLOODS, "utf-8")
    runner = Runner(Overrides(ignore=("grammar", "spelling")), None)
    linted = runner.lint_file(draft).compact()
    cached = runner.lint_file(draft).compact()
    cached.cached = True
    packed = PackedResults()
    packed.append(linted)
    packed.append(cached)
    assert packed[0] is not linted and packed[1] is cached  # unpickling costs more than holding
    assert [r.findings for r in packed] == [linted.findings] * 2
    severities = {f.severity for f in linted.findings}
    assert severities and packed.severities() == [(linted.path, severities)] * 2
