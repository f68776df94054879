"""Runs every case in tests/cases/*.yaml: pass_* cases must give no finding, fail_* cases must."""

from __future__ import annotations

import pytest

from caselib import Case, fixed_text, load_cases, run_case

CASES = load_cases()
KEYS = ("rule", "line", "column", "end_line", "end_column", "text", "suggestions", "severity",
        "message", "related")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    findings, doc, _ = run_case(case)
    expected = case.body.get("findings", [])
    name = case.id.split("::")[1]
    assert name.startswith(("pass_", "fail_")), "case names start with pass_ or fail_"
    assert name.startswith("fail_") == bool(expected), "a fail_ case lists findings, a pass_ none"
    ignore_others = case.body.get("only_listed", False)
    actual = [{k: v for k, v in f.model_dump(mode="json").items() if k in KEYS} for f in findings]
    actual_cmp = [{k: a[k] for k in e if k in a} for a, e in zip(actual, expected)]
    if ignore_others:
        subset = [{k: a[k] for k in e} for e in expected for a in actual if all(a.get(k) == v for k, v in e.items())]
        assert len(subset) >= len(expected), f"expected {expected}, got {actual}"
    else:
        assert len(actual) == len(expected), f"expected {expected}, got {actual}"
        assert actual_cmp == expected
    if "fixed" in case.body:
        assert fixed_text(findings, doc.text) == case.body["fixed"]
