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
